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
import re
from functools import lru_cache

from ..settings import Settings

TEMPORARY = ("~$*", ".~lock.*#", "*.tmp", "*.swp")
_TEMPORARY = re.compile("|".join(fnmatch.translate(p) for p in TEMPORARY))


def temporary(name: str) -> bool:
    return _TEMPORARY.match(name) is not None


def silent(name: str) -> bool:
    """Files of disclint's own (configuration, suppression sidecars): a walk passes them without the
    "not a format disclint reads" note (temporary files it never gets to)."""
    from ..config import CONFIG_NAMES
    from ..suppress.sidecars import SIDECAR_SUFFIX

    return name in CONFIG_NAMES or name.endswith(SIDECAR_SUFFIX)


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


_LITERAL = re.compile(r"[^*?\[\]!/\\]+")


@lru_cache(maxsize=64)
def _exclusions(patterns: tuple[str, ...]) -> tuple[frozenset[str], object | None]:
    """Plain names (the whole default list: `.git`, `venv` …) as a set, the other globs as a spec. A walk
    only asks about entries whose folders were kept, and a plain name matches a path component, so for
    them a name is excluded exactly when it is in the set: a set lookup instead of a regular expression
    per pattern (a walk of 10,000 files asks 10,000 times). Negations need git's ordered rules: then
    the spec takes everything."""
    if any(p.startswith("!") for p in patterns):
        return frozenset(), _spec(patterns)
    names = frozenset(p.rstrip("/") for p in patterns if _LITERAL.fullmatch(p.rstrip("/")) and not p.endswith("/"))
    dirs = frozenset(p.rstrip("/") for p in patterns if _LITERAL.fullmatch(p.rstrip("/")) and p.endswith("/"))
    rest = tuple(p for p in patterns if not _LITERAL.fullmatch(p.rstrip("/")))
    return names | {"/" + d for d in dirs}, (_spec(rest) if rest else None)


def excluded(path: str, is_dir: bool, settings: Settings) -> bool:
    """Whether `exclude` / `extend-exclude` take this file or folder (patterns are anchored to absolute
    folders by config.anchor_glob, so the path is matched as an absolute one). `path` is one whose
    folder was not itself excluded (a walked entry, or each folder in turn, as force_excluded asks)."""
    names, spec = _exclusions(settings.exclude + settings.extend_exclude)
    name = os.path.basename(path)
    if name in names or (is_dir and "/" + name in names):
        return True
    if spec is None:
        return False
    full = os.path.abspath(path).replace(os.sep, "/").lstrip("/")
    return spec.match_file(full + ("/" if is_dir else ""))


def force_excluded(path: str, settings: Settings) -> bool:
    """`--force-exclude` for a path named on the command line: the file, or a folder it is in up to the
    configuration's folder (the current one without a configuration), is excluded — as ruff does.
    False unless the settings ask for it."""
    if not settings.force_exclude:
        return False
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
        self._paths: dict[str, list[tuple[str, object]]] = {}

    def ignored(self, folder: str, name: str, is_dir: bool) -> bool:
        """Whether git ignores `name` in `folder` (an absolute folder)."""
        tail = name + ("/" if is_dir else "")
        for prefix, spec in self._prefixes(folder):  # nearest first: a deeper .gitignore overrides a higher one
            verdict = spec.check_file(prefix + tail).include
            if verdict is not None:
                return verdict
        return False

    def _prefixes(self, folder: str) -> list[tuple[str, object]]:
        """(path of `folder` from the ignore file's folder, spec) for the chain that governs `folder`."""
        if folder not in self._paths:
            chain = self._chain(folder) or []
            self._paths[folder] = [(_from(base, folder), spec) for base, spec in chain]
        return self._paths[folder]

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
            rules = any(line.strip() and not line.startswith("#") for line in lines)
            self._specs[key] = _spec(tuple(lines)) if rules else None
        return self._specs[key]


def _from(base: str, folder: str) -> str:
    rel = os.path.relpath(folder, base).replace(os.sep, "/")
    return "" if rel == "." else rel + "/"
