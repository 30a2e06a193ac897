"""Every file disclint writes is written atomically: to a temporary file beside it, then renamed.

A write that fails (a read-only file system, a full disk, a folder where a file should be) raises
`OutputError`, which names the path and the system's reason; the commands print it as one line and
exit `EXIT_OUTPUT` (4) — never a traceback, and never 1, the code for findings. Nothing half-written
is left: the temporary file goes, and the target keeps its old content.
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile

from . import stopping


class OutputError(OSError):
    """An output that cannot be written. str() is `PATH: reason`, the one line the CLI prints."""

    def __init__(self, path: str | os.PathLike, reason: str, code: int = errno.EIO):
        super().__init__(code, reason, os.fspath(path))

    def __str__(self) -> str:
        return f"cannot write {os.fsdecode(self.filename)}: {self.strerror}"

    def __reduce__(self):
        # raised in the forked child that writes summary.xlsx and handed to the parent
        return (OutputError, (self.filename, self.strerror, self.errno))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(e: OSError) -> tuple[str, int]:
    return (e.strerror or str(e)), (e.errno or errno.EIO)


def _special(path: str) -> bool:
    """An existing target that is not a regular file nor a folder: /dev/null, /dev/stdout, a FIFO.
    Renaming over it would replace the device; it is written in place instead."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_special(path: str, data: bytes) -> None:
    # Non-blocking open: a FIFO nobody reads fails at once (ENXIO) instead of waiting forever.
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # then wait for a slow reader
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _write_regular(path: str, data: bytes) -> None:
    folder = os.path.dirname(path)
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", path)
    _make_folder(folder)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".disclint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)  # a full disk says so here or when the file is closed
        # mkstemp makes the file private (0600); give it the mode an ordinary write would have.
        os.chmod(tmp, 0o666 & ~_umask())
        stopping.check()  # a stop asked for while this was written: the file is not put in place
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` (a symbolic link is followed: the file it names is replaced, not the link)."""
    target = os.path.realpath(os.path.abspath(path))
    try:
        if _special(target):
            _write_special(target, data)
        else:
            _write_regular(target, data)
    except OSError as e:
        raise OutputError(path, *_reason(e)) from None


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def check_writable(path: str | os.PathLike) -> None:
    """Fail before a long run, not after it: OutputError when `path` cannot be written (its folder
    cannot be made or written, it is a folder, the file system is read-only)."""
    target = os.path.realpath(os.path.abspath(path))
    try:
        if _special(target):
            return  # opened when written: a FIFO's reader may come later
        if os.path.isdir(target):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", target)
        _probe_folder(os.path.dirname(target))
    except OSError as e:
        raise OutputError(path, *_reason(e)) from None


def check_folder(folder: str | os.PathLike) -> None:
    """OutputError unless files can be written into `folder` (made when missing)."""
    try:
        target = os.path.realpath(os.path.abspath(folder))
        if os.path.exists(target) and not os.path.isdir(target):
            raise NotADirectoryError(errno.ENOTDIR, "is not a folder", target)
        _probe_folder(target)
    except OSError as e:
        raise OutputError(folder, *_reason(e)) from None


def _make_folder(folder: str) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: say so, not "File exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), folder) from None


def _probe_folder(folder: str) -> None:
    _make_folder(folder)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".disclint-", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)
