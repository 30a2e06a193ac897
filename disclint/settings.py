"""One frozen settings object, built once (from the command line and configuration files) and passed
down; hashable, so it can key a cache (the engine's selected rules, the result cache).

Configuration is discovered per linted file (disclint.config), so a run may hold a few of these: one
per configuration file, plus the per-file variant `for_file` makes when a per-file-ignores glob
matches. `origins` says where each value came from, for `disclint config --show`; it is left out of
equality and hashing, so two configurations that say the same thing share one cache entry.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .model import PROFILES, Severity
from .readers import DEFAULT_MAX_BYTES

__all__ = ["LANGS", "PROFILES", "Settings", "glob_matches"]

LANGS = ("zh", "en")
# A larger rule pack is refused before it is parsed (the built-in ones are under 80 kB; issue 18
# loaded a 42 MB one for 96 s and 2.7 GB).
MAX_RULE_PACK_BYTES = 1024 * 1024

# Folders never worth walking into, as ruff's default `exclude` (version control, tool caches,
# virtual environments, build output, editors' settings): `exclude` replaces this list,
# `extend-exclude` adds to it.
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
    "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv",
)


@dataclass(frozen=True)
class Settings:
    lang: str = "zh"  # message language: zh | en
    profile: str | None = None  # force a profile instead of the one the reported year implies
    max_bytes: int = DEFAULT_MAX_BYTES
    rule_dirs: tuple[str, ...] = ()  # extra YAML rule packs (absolute folders)
    max_rule_pack_bytes: int = MAX_RULE_PACK_BYTES
    select: tuple[str, ...] = ()  # codes, code prefixes, rule names or finding kinds; empty = all
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule code or name, severity) overrides
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob relative to root, selectors)
    fail_on: Severity = Severity.WARNING
    exit_zero: bool = False
    baseline: str | None = None  # absolute path of a baseline file (disclint.suppress)
    # file selection (cli/_exclude.py): gitignore-style globs, those with a "/" anchored to an absolute folder
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False  # also exclude paths named on the command line
    root: str | None = None  # folder of the configuration file: globs and relative paths start here
    config_file: str | None = None  # the configuration file these settings came from, if any
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # key → where its value came from

    def origin(self, key: str) -> str:
        return dict(self.origins).get(key, "default")

    def for_file(self, path: str) -> "Settings":
        """These settings for one file: the ignores of every per-file-ignores glob that matches it added
        to `ignore`. The result has no per-file globs left, so equal files share one object."""
        if not self.per_file_ignores:
            return self
        rel = _relative(path, self.root)
        extra: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if glob_matches(pattern, rel):
                extra += [s for s in selectors if s not in extra and s not in self.ignore]
        return replace(self, ignore=self.ignore + tuple(extra), per_file_ignores=())


def _relative(path: str, root: str | None) -> str:
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root) if root else path
    return rel.replace(os.sep, "/")


def glob_matches(pattern: str, rel_path: str) -> bool:
    """gitignore-like: a pattern without "/" matches the file name anywhere; with one, the path from the
    configuration's folder. `**` spans folders, `*` and `?` do not."""
    if "/" not in pattern.rstrip("/"):
        return bool(_glob_regex(pattern).fullmatch(rel_path.rsplit("/", 1)[-1]))
    return bool(_glob_regex(pattern.lstrip("/")).fullmatch(rel_path))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1:]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))
