"""A table the profile requires is absent (finding kind `missing-table`).

A table whose words are there but whose rows cannot be read is not missing: `table-shape`
says what could not be read. The finding points at the section that should hold the table."""
from __future__ import annotations

from ..model import Document
from ..tables.layout import load_layouts
from ..tables.names import table_name

FINDING_KIND = "missing-table"
PARAMS = {"tables": (list[str], True)}  # table ids the profile requires
# the fields its messages may name (engine.template)
FIELDS = ("caption", "section", "table")


def validate(params: dict, vocab) -> str | None:
    unknown = [t for t in params["tables"] if t not in load_layouts()]
    return f"unknown table id(s) {unknown}; known: {sorted(load_layouts())}" if unknown else None


def check(doc: Document, rule):
    for tid in rule.params["tables"]:
        if tid in doc.tables:
            continue
        section = next((s for s in doc.sections if s.id == tid), None)
        at = section.start if section else None
        yield rule.finding(FINDING_KIND, start=at, end=section.heading.end if section else None, table=tid,
                           section=tid, caption_zh=table_name(tid, "zh"), caption_en=table_name(tid, "en"))
