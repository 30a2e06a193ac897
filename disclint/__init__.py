"""disclint: a compliance linter for 政府信息公开工作年度报告 (government information disclosure annual reports)."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_path", "lint_text"]


def lint_path(path, config=None):
    """Lint one file; returns a FileResult (document facts, findings, or a read error)."""
    from .engine.run import lint_file
    from .settings import Settings

    return lint_file(str(path), config or Settings())


def lint_text(text: str, config=None, path: str = "<text>"):
    """Lint a report given as text."""
    from .engine.run import lint_source
    from .readers.base import Source
    from .readers.text import normalise_newlines
    from .settings import Settings

    return lint_source(Source(path=path, text=normalise_newlines(text), format="text", encoding="utf-8"),
                       config or Settings())
