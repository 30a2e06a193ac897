"""Expand the paths a user gives into the files to lint: folders recursively, in a stable order, what
`exclude`, `.gitignore` and temporary-file patterns take left out (cli/_exclude.py), other unsupported
types skipped with a note, symbolic-link loops visited once.

A path named on the command line is linted whatever the exclusions say, unless `force-exclude` is set
(as in ruff): pre-commit and editors name files one by one, and `--force-exclude` lets them honour
`exclude` too. Hidden files and folders (`.name`) are never walked into: reports are never hidden,
while editors' backups and tools' folders are."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..readers import supported
from ._exclude import GitIgnore, excluded, force_excluded, silent, temporary


def expand(paths: tuple[str, ...], notes: list[str], resolver) -> Iterator[str]:
    """The files to lint under `paths`, each folder's configuration (`resolver`, config.Resolver)
    deciding what its exclusions take."""
    seen: set[str] = set()
    gitignore = GitIgnore()
    for path in paths:
        if force_excluded(path, resolver.for_path(path)):
            continue
        if os.path.isdir(path):
            yield from _walk(path, notes, resolver, gitignore, seen)
        else:
            # A file named explicitly is linted (read as text when its type is unknown).
            yield path


def _walk(top: str, notes: list[str], resolver, gitignore: GitIgnore, seen: set[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(top, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            notes.append(f"{root}: skipped, a link back to a folder already linted")
            dirs[:] = []
            continue
        seen.add(real)
        settings = resolver.for_folder(root)
        folder = os.path.abspath(root)

        def kept(name: str, is_dir: bool) -> bool:
            if name.startswith(".") or excluded(os.path.join(folder, name), is_dir, settings):
                return False
            return not (settings.respect_gitignore and gitignore.ignored(folder, name, is_dir))

        dirs[:] = sorted(d for d in dirs if kept(d, True))
        for name in sorted(files):
            if temporary(name) or not kept(name, False):
                continue
            full = os.path.join(root, name)
            if supported(full):
                yield full
            elif not silent(name):
                notes.append(f"{full}: skipped, not a format disclint reads")
