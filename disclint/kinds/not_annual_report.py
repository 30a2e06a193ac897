"""The document is not an annual report (a 实施方案, 工作要点, 指南 …): the one finding it gets."""
from __future__ import annotations

from ..model import Document

FINDING_KIND = "not-annual-report"
PARAMS: dict = {}
# the fields its messages may name (engine.template)
FIELDS = ("title",)


def check(doc: Document, rule):
    if doc.kind == "not-annual-report":
        title = (doc.title or doc.text.strip().splitlines()[0] if doc.text.strip() else "")[:40]
        yield rule.finding(FINDING_KIND, start=doc.facts.title_at, title=title)
