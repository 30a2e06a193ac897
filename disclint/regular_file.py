"""The one way disclint opens a file to read it: only a regular file is ever read.

A FIFO with a `.txt` name in a linted folder, `/dev/zero` given as `--config`, a socket in a rule
folder: `open()` on a FIFO blocks until a writer comes, and a read of `/dev/zero` never ends. So the
file is opened non-blocking (a FIFO opens at once), and the *open descriptor* is checked with
`fstat` before the first byte is read — a check by name (`os.path.isfile`) could be raced by a
rename between the check and the open. Anything but a regular file raises `NotRegularFile`, an
`OSError`, so every caller's existing `except OSError` turns it into its own error: `unreadable` for
an input, a configuration error (exit 2) for a setting.
"""
from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """`path` exists but is a folder, a FIFO, a device or a socket: it is not read."""

    def __init__(self, path: str, what: str):
        code = errno.EISDIR if what == "a folder" else errno.EINVAL
        super().__init__(code, f"is {what}, not a regular file", path)
        self.what = what

    def __str__(self) -> str:
        return self.strerror  # callers name the path themselves


def kind_of(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


@contextmanager
def open_regular(path: str | os.PathLike) -> Iterator[tuple[io.BufferedReader, os.stat_result]]:
    """The open file (binary) and its `fstat`, when `path` is a regular file."""
    name = os.fspath(path)
    # O_NOCTTY: a terminal device named as input must not become our controlling terminal.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as e:
        if e.errno == errno.ENXIO:  # opening a Unix socket
            raise NotRegularFile(name, "a socket") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(name, kind_of(st.st_mode))
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:
        yield fh, st


def read_bytes(path: str | os.PathLike) -> bytes:
    with open_regular(path) as (fh, _):
        return fh.read()


def read_text(path: str | os.PathLike) -> str:
    """UTF-8 text of a regular file (UnicodeDecodeError when it is not UTF-8)."""
    return read_bytes(path).decode("utf-8")
