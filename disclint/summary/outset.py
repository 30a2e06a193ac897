"""The folder `--out` names is only ever replaced whole, and only when that can harm nothing.

- Refused (OutputRefused, one line): a folder that is, or is inside, a folder being summarised, or
  that holds one of the reports — unless it holds only a previous summary. Such a folder is
  recognised by MARKER, which every summary writes last, listing the files it wrote; its files are
  then not linted as reports (a summary's index.html is an HTML page like any other).
- Refused as well: an existing folder holding anything else (the whole folder is replaced).
- Written: every file into a temporary folder beside `--out` (same file system), the marker last,
  then swapped in with two renames. Any failure before the swap removes the temporary folder and
  leaves the previous summary whole (SummaryNotWritten says so)."""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .. import stopping
from ..atomic import OutputError, _umask

MARKER = ".disclint-summary.json"


class OutputRefused(ValueError):
    """--out would overwrite or lint something it must not."""


class SummaryNotWritten(OutputError):
    """A failure while writing (exit 4, like every output failure): str() is the one line the CLI
    prints, `cannot write OUT: reason; the previous summary there is unchanged`."""

    def __init__(self, out: str, reason: str):
        super().__init__(out, reason)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def previous_summary(folder: str) -> bool:
    """True when `folder` holds a summary's files and nothing else."""
    try:
        with open(os.path.join(folder, MARKER), encoding="utf-8") as fh:
            listed = set(json.load(fh).get("files", []))
    except (OSError, ValueError, AttributeError):
        return False
    return set(os.listdir(folder)) <= listed | {MARKER}


def check_out(out: str, sources: Iterable[str], paths: Iterable[str] = ()) -> None:
    """Raise OutputRefused when writing a summary to `out` could replace or lint what it must not."""
    target = os.path.realpath(out)
    if os.path.exists(target) and not os.path.isdir(target):  # /dev/null, a file: cannot be written (exit 4)
        raise OutputError(out, "is not a folder", errno.ENOTDIR)
    # Inside what is summarised only a previous summary may be replaced; elsewhere an empty folder too.
    reusable = os.path.isdir(target) and previous_summary(target)
    for source in sources:
        folder = os.path.realpath(source)
        if _inside(folder, target) and not reusable:
            raise OutputRefused(f"--out {out} holds {source}, which is being summarised: choose another folder")
        if os.path.isdir(folder) and _inside(target, folder) and not reusable:
            raise OutputRefused(f"--out {out} is inside {source}, which is being summarised: choose a folder "
                                "outside it (or one that holds only a previous summary)")
    if os.path.isdir(target) and os.listdir(target) and not reusable:
        # refused either way; a report of the run in there is named (the paths are resolved only then)
        for path in paths:
            if _inside(os.path.realpath(path), target):
                raise OutputRefused(f"--out {out} holds {path}, which is being summarised: choose another folder")
        raise OutputRefused(f"--out {out} holds files that are not a previous summary: choose an empty or new folder")


def outside(paths: Iterable[str], out: str) -> list[str]:
    """The paths that are not in the output folder (a previous summary there is not a report)."""
    target = os.path.realpath(out)
    if not os.path.isdir(target):  # nothing is in a folder that is not there
        return list(paths)
    return [p for p in paths if not _inside(os.path.realpath(p), target)]


@contextmanager
def staged(out: str) -> Iterator[str]:
    """A temporary folder beside `out` to write into; on a clean exit it becomes `out` (the marker
    is written last, listing what is there), on any failure it is removed and `out` is untouched."""
    target = os.path.abspath(out)
    parent = os.path.dirname(target)
    try:
        os.makedirs(parent, exist_ok=True)
        stage = tempfile.mkdtemp(prefix=".disclint-summary-", dir=parent)
    except OSError as e:
        raise SummaryNotWritten(out, _why(e, out)) from None
    try:
        try:
            yield stage
            _write_marker(stage)
            os.chmod(stage, 0o777 & ~_umask())  # mkdtemp's folder is private; give it an ordinary mode
        except Exception as e:  # noqa: BLE001 - a stop (Ctrl-C, SIGTERM) passes as it is; the folder goes all the same
            raise SummaryNotWritten(out, _why(e, out)) from e
        stopping.check()  # a stop asked for while the summary was written: it is not put in place
        _swap(stage, target, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _why(e: BaseException, out: str) -> str:
    """The reason in one line, and what became of the folder."""
    if isinstance(e, OSError) and e.strerror:
        cause = e.strerror  # the file it happened to is one of the set, in a temporary folder
    else:
        cause = (str(e).strip().splitlines() or [type(e).__name__])[-1]
    kept = "the previous summary there is unchanged" if previous_summary(out) else "nothing was written"
    return f"{cause}; {kept}"


def _write_marker(stage: str) -> None:
    files = sorted(os.listdir(stage))
    with open(os.path.join(stage, MARKER), "w", encoding="utf-8") as fh:
        json.dump({"generator": "disclint summary", "files": files}, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())


def _swap(stage: str, target: str, out: str) -> None:
    if not os.path.exists(target):
        os.rename(stage, target)
        return
    old = tempfile.mkdtemp(prefix=".disclint-summary-old-", dir=os.path.dirname(target))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(stage, target)
    except OSError as e:
        os.rename(old, target)  # put the previous summary back
        raise SummaryNotWritten(out, _why(e, out)) from e
    shutil.rmtree(old, ignore_errors=True)
