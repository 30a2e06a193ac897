"""A progress bar on the terminal for batches, and nothing at all when output goes to a pipe or a file
someone reads with a program (pre-commit, CI, `| jq`)."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

MIN_FILES = 5  # fewer files finish before a bar would be read


def wanted(files: int, output_file: str | None, stdout=None, stderr=None) -> bool:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    if files < MIN_FILES or not _tty(stderr):
        return False
    # the bar is drawn on stderr; when the findings go to the same terminal it must be gone before they come
    return output_file is not None or _tty(stdout)


def _tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def bar(files: int, enabled: bool, label: str = "disclint", stream=None) -> Iterator[Callable[[object], None]]:
    """A callback to call once per finished file."""
    if not enabled:
        yield lambda _result: None
        return
    import click

    with click.progressbar(length=files, label=label, file=stream or sys.stderr, show_pos=True) as progress:
        yield lambda _result: progress.update(1)
