"""Reviewed snapshots of what disclint finds in each real document (seeds and the labelled corpus).

A change in rules, grammar or tables that changes any finding shows up as a snapshot diff in review:
regenerate with `python scripts/update_snapshots.py`, then read the diff before committing it."""
from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CORPUS, ROOT, SEEDS

SNAPSHOTS = ROOT / "tests" / "snapshots"


def documents() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(p for p in (CORPUS / "docs").rglob("*.*") if "seeds" not in p.parts)


def snapshot_path(doc: Path) -> Path:
    rel = doc.relative_to(ROOT).as_posix().replace("/", "__")
    return SNAPSHOTS / f"{rel}.json"


def observe(doc: Path) -> dict:
    import disclint

    result = disclint.lint_path(doc)
    if result.error:
        return {"error": result.error.reason}
    d = result.document
    return {
        "document": {"kind": d.genre, "year": d.year, "profile": d.profile, "published": d.published,
                     "agency": d.agency, "sections": [s.id for s in d.sections],
                     "tables": sorted(d.tables)},
        "findings": [
            {k: v for k, v in {"rule": f.rule, "kind": f.finding_kind, "severity": f.severity.value, "line": f.line,
                               "column": f.column, "section": f.section, "table": f.table, "row": f.row,
                               "table_column": f.table_column, "expected": f.expected, "actual": f.actual,
                               "message": f.message}.items() if v is not None}
            for f in result.findings
        ],
    }


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
