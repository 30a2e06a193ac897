"""Where disclint finds its own data, installed or in a source checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_rules_dir() -> Path:
    """The rule packs: `disclint/rules` when installed (package data), `rules/` in a checkout."""
    installed = _PACKAGE / "rules"
    if (installed / "sections.yaml").is_file():
        return installed
    return _PACKAGE.parent / "rules"
