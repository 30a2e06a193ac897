"""Reading: bytes of one file → `Source`. One module per format, imported only when needed."""
from __future__ import annotations

import importlib
import os
from pathlib import Path

from .base import ERROR_REASONS, Grid, ReadError, Source

__all__ = ["ERROR_REASONS", "Grid", "ReadError", "Source", "READERS", "read_path", "read_bytes", "file_bytes", "supported"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# suffix → module in this package; heavy libraries are imported by those modules only.
READERS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".doc": "legacy",
    ".wps": "legacy",
    ".xls": "legacy",
}


def supported(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in READERS


def read_bytes(path: str, data: bytes) -> Source:
    """Read `data` as the format named by `path`'s suffix (text when unknown)."""
    module = READERS.get(Path(path).suffix.lower(), "text")
    try:
        reader = importlib.import_module(f"{__name__}.{module}")
    except ImportError as e:
        raise ReadError("unsupported", f"the reader for {Path(path).suffix} is not installed ({e.name}); "
                        "install disclint with its default extras") from e
    if not data.strip():
        raise ReadError("empty", "is empty")
    return reader.read(path, data)


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file, refusing it up front when it is larger than `max_bytes` or not a regular file
    (a FIFO, a device, a socket, a folder: `unreadable`, without waiting on it)."""
    name = str(path)
    return read_bytes(name, file_bytes(name, max_bytes))


def file_bytes(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one file, refused (ReadError) when it is larger than `max_bytes`, not a regular file
    or cannot be read."""
    from ..regular_file import open_regular

    try:
        with open_regular(name) as (fh, st):
            size = st.st_size
            if size > max_bytes:
                raise ReadError("too-large", f"is {size:,} bytes, over the limit of {max_bytes:,} (set max-file-size)")
            # read(max_bytes + 1) would allocate the whole limit (20 MB) for every file: ask for the
            # size found, and one byte more to see whether the file grew since.
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except ReadError:
        raise
    except OSError as e:
        raise ReadError("unreadable", f"cannot be read: {e.strerror or e}")
    return data
