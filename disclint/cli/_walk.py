"""Expand the paths a user gives into the files to lint: folders recursively, in a stable order,
unsupported types skipped with a note, symbolic-link loops visited once."""
from __future__ import annotations

import os
from collections.abc import Iterator

from ..readers import supported


def expand(paths: tuple[str, ...], notes: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, followlinks=True):
                real = os.path.realpath(root)
                if real in seen:
                    notes.append(f"{root}: skipped, a link back to a folder already linted")
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.startswith("."):
                        continue
                    if supported(full):
                        yield full
                    else:
                        notes.append(f"{full}: skipped, not a format disclint reads")
        else:
            # A file named explicitly is always linted (read as text when its type is unknown).
            yield path
