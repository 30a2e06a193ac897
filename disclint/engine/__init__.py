"""The engine: `Linter` (linter.py) owns a run — rule packs read once (ruleset.py), the stages of one
report (run.py), suppressions, and the one process pool (pool.py). docs/architecture.md has the map."""
from __future__ import annotations

from typing import Any

__all__ = ["FileResult", "Linter", "RuleSet"]


def __getattr__(name: str) -> Any:
    # lazy: the loader and rule modules are imported by kinds and tests without the whole engine
    if name == "Linter":
        from .linter import Linter

        return Linter
    if name == "FileResult":
        from .run import FileResult

        return FileResult
    if name == "RuleSet":
        from .ruleset import RuleSet

        return RuleSet
    raise AttributeError(name)
