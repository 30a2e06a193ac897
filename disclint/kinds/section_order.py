"""Mandated sections out of the prescribed order (finding kind `section-order`)."""
from __future__ import annotations

from ..model import Document

FINDING_KIND = "section-order"
PARAMS = {"order": (list[str], True)}
# the fields its messages may name (engine.template)
FIELDS = ("after", "heading", "section")


def validate(params: dict, vocab) -> str | None:
    unknown = [s for s in params["order"] if s not in vocab.by_id]
    return f"unknown section id(s) {unknown}" if unknown else None


def check(doc: Document, rule):
    order = rule.params["order"]
    seen: list = []  # top-level sections with a mandated id, first occurrence of each
    for section in doc.sections:
        if section.id in order and section.id not in {s.id for s in seen}:
            seen.append(section)
    for i, section in enumerate(seen):
        rank = order.index(section.id)
        before = [s for s in seen[:i] if order.index(s.id) > rank]
        if before:
            other = before[0].heading
            yield rule.finding(FINDING_KIND, start=section.start, end=section.heading.end, section=section.id,
                               heading=f"{section.heading.marker}{section.heading.title[:20]}",
                               after=f"{other.marker}{other.title[:20]}")
