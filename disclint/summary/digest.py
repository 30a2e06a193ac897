"""One report, linted in a worker process and reduced to what the summary needs: its entry of the
JSON contract, the text of the lines its findings point at, and what the cross-report kinds take
from it. Plain data only, so that 10,000 of them travel back from a pool or a Dask cluster cheaply
(a whole `Document` is ~50× larger pickled)."""
from __future__ import annotations

import re
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from collections.abc import Iterable

from .. import kinds
from ..engine.linter import Linter, linter_for
from ..engine.rule import Rule
from ..engine.run import FileResult
from ..formatters.json import file_json
from ..settings import Settings
from ..suppress import Outside

# The reporting body as the title names it, before the year: the 发布机构 of a page is often the
# office that posted it (平潭综合实验区管委会办公室 posts the 实验区's own 2013 report).
_TITLE_AGENCY = re.compile(r"^(?:关于)?[《\"“]?(.{2,40}?)\s*(?:关于)?(?:19|20)\d\d\s*年")
_EXCERPT_CHARS = 240


@dataclass
class ReportDigest:
    path: str
    entry: dict  # the file's entry of the JSON contract (path, error, document, findings)
    excerpts: dict[int, str] = field(default_factory=dict)  # line → text, for the lines findings point at
    cross: dict[str, Any] = field(default_factory=dict)  # cross-report kind → what it extracted
    title: str | None = None
    title_agency: str | None = None
    seconds: float = 0.0

    @property
    def document(self) -> dict | None:
        return self.entry.get("document")

    @property
    def findings(self) -> list[dict]:
        return self.entry["findings"]

    @property
    def error(self) -> dict | None:
        return self.entry.get("error")


def cross_kinds(rules: Iterable[Rule]) -> tuple[str, ...]:
    """The kinds of the rules (those a result was made with) that compare two reports."""
    return tuple(sorted({r.kind for r in rules if r.cross_report}))


def digest_result(result: FileResult, settings: Settings, started: float | None = None) -> ReportDigest:
    entry = file_json(result, settings.lang)
    digest = ReportDigest(path=result.path, entry=entry)
    doc = result.document
    if doc is not None:
        digest.title = doc.title
        m = _TITLE_AGENCY.match((doc.title or "").strip())
        digest.title_agency = m.group(1) if m else None
        for f in entry["findings"]:
            line = f.get("line")
            if line and line not in digest.excerpts:
                digest.excerpts[line] = doc.line_text(line)[:_EXCERPT_CHARS]
        if doc.genre == "annual-report":
            for kind in cross_kinds(result.rules):
                digest.cross[kind] = kinds.get(kind).extract(doc)
            # Cross-report findings are made in the parent, which has no text: keep the lines they may cite.
            for line in _lines_in(digest.cross):
                if line not in digest.excerpts:
                    digest.excerpts[line] = doc.line_text(line)[:_EXCERPT_CHARS]
    digest.seconds = time.perf_counter() - started if started is not None else 0.0
    return digest


def _lines_in(value) -> set[int]:
    """The line numbers (under keys ending in "line") anywhere in nested dicts."""
    found: set[int] = set()
    stack = [value]
    while stack:
        d = stack.pop()
        for k, v in d.items():
            if isinstance(v, dict):
                stack.append(v)
            elif k.endswith("line") and isinstance(v, int) and v > 0:
                found.add(v)
    return found


def _failed(path: str, started: float) -> ReportDigest:
    """A report disclint itself failed on: the batch goes on, and the error says how to report it."""
    last = traceback.format_exc(limit=-1).strip().splitlines()[-1]
    entry = {"path": path, "error": {"kind": "internal", "message": f"disclint failed on this file: {last}"},
             "document": None, "findings": []}
    return ReportDigest(path=path, entry=entry, seconds=time.perf_counter() - started)


def digest_path(path: str, settings: Settings, linter: Linter | None = None,
                file_settings: Settings | None = None) -> ReportDigest:
    """Lint one report through the engine (its folder's configuration, suppressions and baseline
    applied when `file_settings` are given) and digest it; `settings` are the run's (language)."""
    started = time.perf_counter()
    try:
        result = (linter or linter_for(settings)).lint_path(path, file_settings or settings)
        return digest_result(result, settings, started)
    except Exception:  # noqa: BLE001 - one report must never stop a batch (a bug in the digest itself)
        return _failed(path, started)


def digest_bytes(path: str, data: bytes, settings: Settings, file_settings: Settings, outside: Outside) -> ReportDigest:
    """For workers that do not share the client's file system (a Dask cluster): the client read the
    bytes, the file's settings (its folder's configuration) and its sidecar and baseline (`outside`);
    `settings` are the run's (language)."""
    started = time.perf_counter()
    try:
        result = linter_for(file_settings).lint_bytes(path, data, file_settings, outside=outside)
        return digest_result(result, settings, started)
    except Exception:  # noqa: BLE001
        return _failed(path, started)


def unreadable(path: str, kind: str, message: str) -> ReportDigest:
    return ReportDigest(path=path, entry={"path": path, "error": {"kind": kind, "message": message},
                                          "document": None, "findings": []})
