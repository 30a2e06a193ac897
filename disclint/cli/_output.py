"""Where a command's output goes: never over one of its inputs, and a failure to write it is one line
and exit 4 (`EXIT_OUTPUT`), checked before the run where it can be and reported after it where it
cannot (a full disk)."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable

import click

from ..atomic import OutputError, check_folder, check_writable, write_text
from ..report import EXIT_OUTPUT, EXIT_USAGE


def refuse_inputs(outputs: Iterable[str], inputs: Iterable[str]) -> None:
    """Exit 2 when an output file is one of the inputs, whatever the spelling: the same file through
    a symbolic link, `./x.txt` for `x.txt`, a hard link (compared by device and inode)."""
    existing = {}
    for out in outputs:
        try:
            st = os.stat(out)
        except OSError:
            continue  # not there yet, so it is no input
        existing[(st.st_dev, st.st_ino)] = out
    if not existing:
        return
    for path in inputs:
        try:
            st = os.stat(path)
        except OSError:
            continue
        out = existing.get((st.st_dev, st.st_ino))
        if out is not None:
            click.echo(f"disclint: the output {_shown(out)} is the input {_shown(path)}: "
                       "it would be overwritten; write the output elsewhere", err=True)
            sys.exit(EXIT_USAGE)


def check_file(path: str, inputs: Iterable[str]) -> None:
    """Before the run: the output file is not an input, and it can be written."""
    refuse_inputs([path], inputs)
    _or_exit(check_writable, path)


def check_out_folder(folder: str, names: Iterable[str], inputs: Iterable[str]) -> None:
    """Before the run: none of the files `names` in `folder` is an input, and the folder is writable."""
    refuse_inputs([os.path.join(folder, n) for n in names], inputs)
    _or_exit(check_folder, folder)


def write(path: str, text: str) -> None:
    _or_exit(write_text, path, text)


def fail(error: OutputError) -> None:
    click.echo(f"disclint: cannot write {_shown(error.filename)}: {error.strerror}", err=True)
    sys.exit(EXIT_OUTPUT)


def _or_exit(action, *args) -> None:
    try:
        action(*args)
    except OutputError as e:
        fail(e)


def _shown(path: str) -> str:
    from ..formatters.common import display_path

    return display_path(path)
