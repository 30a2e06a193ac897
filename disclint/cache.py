"""A cache of lint results for repeated batch runs, in the user cache directory.

An entry is keyed by the file's content (BLAKE2b), its suffix (which picks the reader), the disclint
version and code, the settings, and the content of every rule pack in use, so that any change to one of
these misses. A file's path is not in the key: the same bytes under two names are linted once.

Entries are pickled `FileResult`s, one file per entry, written atomically (disclint.atomic). Pickle
runs code when it loads, so the folder is created private (0700) and is not used when another user owns
it or others may write to it. A damaged or stale entry is a miss, never an error.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import shutil
import stat
from pathlib import Path

from . import __version__, regular_file
from .engine.run import FileResult
from .settings import Settings

FORMAT = "results-v1"  # bump when FileResult or its parts change shape incompatibly

# Error kinds that follow from the bytes alone. Others (unreadable, too-large, unsupported, internal)
# depend on the machine or on disclint's own state, so they are looked at again every run.
CONTENT_ERRORS = frozenset({"empty", "binary", "encoding", "format", "encrypted", "no-text", "no-article",
                            "bomb", "nesting"})


def cache_root() -> Path:
    """`$XDG_CACHE_HOME/disclint`, or `~/.cache/disclint`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "disclint"


def _private(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return owner_ok and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _code_fingerprint(h) -> None:
    """Name, size and modification time of disclint's own files: an edited checkout never reads stale
    results, whatever its version number says."""
    package = Path(__file__).resolve().parent
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".lark", ".json", ".yaml")):
                st = os.stat(os.path.join(root, name))
                h.update(f"{os.path.relpath(os.path.join(root, name), package)}:{st.st_size}:{st.st_mtime_ns}\n"
                         .encode())


def _rules_fingerprint(h, settings: Settings) -> None:
    from .paths import builtin_rules_dir

    folders = [builtin_rules_dir(), *map(Path, settings.rule_dirs)]
    for folder in folders:
        h.update(f"[{folder}]\n".encode())
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []
        for f in files:
            try:
                h.update(f.name.encode() + b"\0" + regular_file.read_bytes(f) + b"\0")
            except OSError:
                h.update(f"{f.name}: unreadable\0".encode())


def settings_fingerprint(settings: Settings) -> str:
    """Every compared field of the settings (not `origins`, which only says where a value came from)."""
    values = [(f.name, getattr(settings, f.name)) for f in dataclasses.fields(settings) if f.compare]
    return repr(values)


def run_key(settings: Settings) -> bytes:
    h = hashlib.blake2b(digest_size=32)
    h.update(f"disclint {__version__} {FORMAT}\n".encode())
    _code_fingerprint(h)
    h.update(settings_fingerprint(settings).encode())
    _rules_fingerprint(h, settings)
    return h.digest()


class Cache:
    def __init__(self, folder: Path, settings: Settings):
        self.folder = folder
        self.settings = settings
        self.prefix = run_key(settings)
        self.writable = True

    @classmethod
    def open(cls, settings: Settings, root: Path | None = None) -> Cache | None:
        """The cache for this run, or None when the cache folder cannot be used safely."""
        root = root or cache_root()
        folder = root / FORMAT
        if not (_private(root) and _private(folder)):
            return None
        return cls(folder, settings)

    def key_for(self, path: str) -> str | None:
        """The entry key of a file, or None when the file is not one to cache (unreadable, over the limit)."""
        try:
            with regular_file.open_regular(path) as (fh, st):
                if st.st_size > self.settings.max_bytes:
                    return None
                data = fh.read(self.settings.max_bytes + 1)
        except OSError:
            return None
        h = hashlib.blake2b(self.prefix, digest_size=32)
        h.update(os.path.splitext(path)[1].lower().encode() + b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, key: str, path: str) -> FileResult | None:
        try:
            data = self._file(key).read_bytes()
        except OSError:
            return None
        try:
            result = pickle.loads(data)  # noqa: S301 - our own private folder, see the module docstring
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None
        if not isinstance(result, FileResult):
            return None
        result.path = path
        if result.document is not None:
            result.document.source.path = path
        return result

    def put(self, key: str, result: FileResult) -> None:
        if not self.writable or result.error is not None and result.error.reason not in CONTENT_ERRORS:
            return
        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a result that cannot be pickled is simply not cached
            return
        from .atomic import write_bytes

        try:
            write_bytes(self._file(key), data)
        except OSError:
            self.writable = False  # a full or read-only disk: lint on, without caching


def clear(root: Path | None = None) -> tuple[int, int]:
    """Remove every cached entry; returns (files, bytes) removed."""
    root = root or cache_root()
    if not root.is_dir():
        return 0, 0
    files, size = usage(root)
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    return files, size


def usage(root: Path | None = None) -> tuple[int, int]:
    """(entries, bytes) currently in the cache."""
    root = root or cache_root()
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            try:
                size += os.lstat(os.path.join(dirpath, name)).st_size
                files += 1
            except OSError:
                pass
    return files, size
