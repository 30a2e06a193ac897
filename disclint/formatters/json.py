"""The machine-readable output: exactly the contract of spec/output-contract.md, version 1
(schema: disclint/schema/check-v1.json)."""
from __future__ import annotations

import json

from ..model import Severity
from .common import message_of, path_bytes, path_is_text, path_text

VERSION = 1


def finding_json(f, lang: str) -> dict:
    out = {
        "rule": f.rule, "name": f.name, "kind": f.finding_kind, "severity": f.severity.value,
        "line": f.line, "column": f.column, "message": message_of(f, lang),
        "section": f.section, "table": f.table, "row": f.row, "table_column": f.table_column,
        "expected": f.expected, "actual": f.actual, "fingerprint": f.fingerprint,
    }
    if f.repairs:  # additive (issue 13): the cell(s) most likely wrong, one list per equal option
        out["repairs"] = f.repairs
    for key, value in f.where.items():
        # Structured readers locate a line as {"table": 2, "row": 5} (a grid's number and row):
        # kept beside the contract's table/row ids, never over them.
        out[f"grid_{key}" if key in ("table", "row", "col") else key] = value
    return out


def document_json(doc) -> dict:
    return {
        "kind": doc.genre,
        "year": doc.year,
        "published": doc.published,
        "profile": doc.profile,
        "agency": doc.agency,
        "format": doc.source.format,
        "encoding": doc.source.encoding,  # how the bytes were decoded (text formats)
        "sections": [{"id": s.id, "title": f"{s.heading.marker}{s.heading.title[:60]}",
                      "line": doc.position(s.start)[0]} for s in doc.sections],
        "tables": [t.to_json() for t in doc.tables.values()],
    }


def path_json(path: str) -> dict:
    """`path` as valid UTF-8 (U+FFFD for each byte that is not), and when that loses bytes, the file
    name's exact bytes as lowercase hex in `path_bytes` (docs/output.md)."""
    if path_is_text(path):
        return {"path": path}
    return {"path": path_text(path), "path_bytes": path_bytes(path).hex()}


def file_json(result, lang: str) -> dict:
    if result.error:
        return {**path_json(result.path), "error": {"kind": result.error.reason, "message": result.error.message},
                "document": None, "findings": []}
    return {**path_json(result.path), "error": None, "document": document_json(result.document),
            "findings": [finding_json(f, lang) for f in result.findings]}


def report_json(report) -> dict:
    lang = report.settings.lang
    return {
        "version": VERSION,
        "files": [file_json(r, lang) for r in report.results],
        "summary": {"files": len(report.results), "errors": report.count(Severity.ERROR),
                    "warnings": report.count(Severity.WARNING), "infos": report.count(Severity.INFO),
                    "unreadable": report.unreadable},
    }


def render(report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
