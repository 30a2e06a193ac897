"""The document is not an annual report (a 实施方案, 工作要点, 指南 …): the one finding it gets; or its
title and its text disagree on what it is.

With `disagreement: true` the rule is the note issue 14 asks for when the signals a person reads
disagree: a title naming a plan or a notice over a text that declares itself the year's report is
checked as a report, and says so. (A title about the reports — a notice on compiling them — over a
text that quotes the statistics period is no disagreement: notices prescribe that sentence.)"""
from __future__ import annotations

from ..model import Document

FINDING_KIND = "not-annual-report"
PARAMS: dict = {"disagreement": (bool, False)}
# the fields its messages may name (engine.template)
FIELDS = ("title", "signals_zh", "signals_en")

# facts.GenreVerdict.note → what the title and the text each said
_NOTES = {
    "title-not-report": ("标题像是方案、通知等其他文件，正文却写明了是本年度的政府信息公开工作年度报告",
                         "the title names another kind of document (a plan, a notice), the text declares itself the "
                         "year's disclosure report"),
}


def check(doc: Document, rule):
    title = (doc.title or doc.text.strip().splitlines()[0] if doc.text.strip() else "")[:40]
    if rule.params.get("disagreement"):
        said = _NOTES.get(doc.facts.genre_note or "")
        if said and doc.genre == "annual-report":
            yield rule.finding(FINDING_KIND, start=doc.facts.title_at, title=title,
                               signals_zh=said[0], signals_en=said[1])
    elif doc.genre == "not-annual-report":
        yield rule.finding(FINDING_KIND, start=doc.facts.title_at, title=title)
