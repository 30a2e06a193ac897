"""Which files a walk leaves out, and which of those it leaves out without a word.

- `exclude` / `extend-exclude` (settings, command line): gitignore-style globs, as ruff reads them;
- `.gitignore` files (the walked folder's, its parents' up to the repository root, and nested ones)
  and `.git/info/exclude`, when `respect-gitignore` (the default) and the folder is in a git
  repository — like ruff (the `ignore` crate), a .gitignore outside a repository means nothing;
- office and editor temporary files: Word's owner file `~$报告.docx` (present while the report is
  open), LibreOffice's `.~lock.报告.docx#`, `*.tmp`, Vim's `*.swp`. They are never reports, whatever
  `exclude` says, and reading them gives a format error.

Matching uses pathspec, the gitignore implementation pip, black and yamllint use: git's rules
(negation, anchoring, `**`, a trailing `/` for folders, the deepest file winning) are subtle enough
that a hand-written copy would be wrong somewhere.
"""
from __future__ import annotations

import fnmatch
import os
from functools import lru_cache

from ..settings import Settings

TEMPORARY = ("~$*", ".~lock.*#", "*.tmp", "*.swp")


def temporary(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in TEMPORARY)


def silent(name: str) -> bool:
    """Files of disclint's own (configuration, suppression sidecars) and temporary files: a walk passes
    them without the "not a format disclint reads" note."""
    from ..config import CONFIG_NAMES
    from ..suppress import SIDECAR_SUFFIX

    return name in CONFIG_NAMES or name.endswith(SIDECAR_SUFFIX) or temporary(name)


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def excluded(path: str, is_dir: bool, settings: Settings) -> bool:
    """Whether `exclude` / `extend-exclude` take this file or folder (patterns are anchored to absolute
    folders by config.anchor_glob, so the path is matched as an absolute one)."""
    full = os.path.abspath(path).replace(os.sep, "/").lstrip("/")
    return _spec(settings.exclude + settings.extend_exclude).match_file(full + ("/" if is_dir else ""))


def force_excluded(path: str, settings: Settings) -> bool:
    """`--force-exclude` for a path named on the command line: the file, or a folder it is in up to the
    configuration's folder (the current one without a configuration), is excluded — as ruff does."""
    full = os.path.abspath(path)
    if temporary(os.path.basename(full)) or excluded(full, os.path.isdir(full), settings):
        return True
    stop = os.path.abspath(settings.root or os.getcwd())
    folder = os.path.dirname(full)
    while folder.startswith(stop) and folder != stop and folder != os.path.dirname(folder):
        if excluded(folder, True, settings):
            return True
        folder = os.path.dirname(folder)
    return False


class GitIgnore:
    """The ignore files that govern paths under one or more walked folders, read once per folder."""

    def __init__(self) -> None:
        self._specs: dict[str, object | None] = {}
        self._chains: dict[str, list[tuple[str, object]] | None] = {}

    def ignored(self, path: str, is_dir: bool) -> bool:
        full = os.path.abspath(path)
        chain = self._chain(os.path.dirname(full))
        if not chain:
            return False
        for folder, spec in chain:  # nearest first: a deeper .gitignore overrides a higher one
            rel = os.path.relpath(full, folder).replace(os.sep, "/") + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                return verdict
        return False

    def _chain(self, folder: str) -> list[tuple[str, object]] | None:
        """(folder, spec) pairs from `folder` up to its repository root, the root's .git/info/exclude
        last; None outside a repository."""
        if folder in self._chains:
            return self._chains[folder]
        own = self._load(folder, os.path.join(folder, ".gitignore"))
        mine = [(folder, own)] if own else []
        if os.path.exists(os.path.join(folder, ".git")):
            info = self._load(folder + "#info", os.path.join(folder, ".git", "info", "exclude"))
            chain: list | None = mine + ([(folder, info)] if info else [])
        elif os.path.dirname(folder) == folder:
            chain = None
        else:
            parent = self._chain(os.path.dirname(folder))
            chain = None if parent is None else mine + parent
        self._chains[folder] = chain
        return chain

    def _load(self, key: str, file: str):
        if key not in self._specs:
            try:
                with open(file, encoding="utf-8", errors="surrogateescape") as fh:
                    lines = fh.read().splitlines()
            except OSError:
                lines = []
            self._specs[key] = _spec(tuple(lines)) if any(line.strip() for line in lines) else None
        return self._specs[key]
