"""Helpers for the table tests: real reports from tests/corpus, linted with the default rules."""
from __future__ import annotations

from disclint.engine.linter import linter_for
from disclint.readers.base import Source
from disclint.settings import Settings

from tests.conftest import CORPUS


def lint_corpus(name: str):
    result = linter_for(Settings()).lint_path(str(CORPUS / "docs" / name), Settings())
    assert result.error is None, result.error
    return result


def lint_string(text: str, path: str = "<text>", settings: Settings = Settings()):
    return linter_for(settings).lint_source(Source(path=path, text=text, format="text", encoding="utf-8"), settings)


def identity_findings(result, table: str | None = None):
    return [f for f in result.findings if f.finding_kind == "table-identity" and (table is None or f.table == table)]



