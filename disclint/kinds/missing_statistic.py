"""A report lacks a figure the profile requires (finding kind `missing-statistic`).

2008-era reports have no national table (regulation.md §6): what 条例(2007) 第三十二条 asks for is
checked in the prose — how many items were proactively disclosed, how many applications were
received (or that none were), how many reviews and suits there were (or that there were none).
The statement may sit under any heading (seed 002 gives its counts under 一、（三）), so the whole
text is searched. In the 2019 and 2021 formats the figures are the tables: a table left wholly
blank (the official template, peers/政务公开年报模版.docx) states nothing."""
from __future__ import annotations


from .. import safe_regex
from ..engine.schema import Pattern
from ..model import Document
from ..tables.layout import load_layouts
from ..tables.names import table_name

FINDING_KIND = "missing-statistic"
PARAMS = {
    "statistic": (str, True),  # what is missing, in the message: proactive-count, requests-count …
    "section": (str, False),  # canonical section the figure belongs to (where the finding points)
    "patterns": (list[Pattern], False),  # regexes on the normalised text, any of which states the figure
    "table": (str, False),  # 2019/2021: the table that must not be wholly blank
}
# the fields its messages may name (engine.template)
FIELDS = ("caption", "section", "section_en", "section_zh", "table")


def validate(params: dict, vocab) -> str | None:
    if bool(params.get("patterns")) == bool(params.get("table")):
        return "give either patterns (a figure stated in prose) or table (a table not left blank)"
    if params.get("table") and params["table"] not in load_layouts():
        return f"unknown table '{params['table']}'"
    if params.get("section") and params["section"] not in vocab.by_id:
        return f"unknown section id '{params['section']}'"
    return None


def check(doc: Document, rule):
    p = rule.params
    if p.get("table"):
        table = doc.tables.get(p["table"])
        if table is not None and table.all_blank:
            yield rule.finding(FINDING_KIND, start=table.start, table=table.id, section=table.id,
                               caption_zh=table_name(table.id, "zh"), caption_en=table_name(table.id, "en"))
        return
    text = doc.norm
    if any(safe_regex.user_pattern(pattern).search(text) for pattern in p["patterns"]):
        return
    section = next((s for s in doc.sections if s.id == p.get("section")), None)
    term = _vocab().by_id.get(p.get("section") or "")
    yield rule.finding(FINDING_KIND, start=section.start if section else None, section=p.get("section"),
                       section_zh=term.zh if term else "", section_en=term.en if term else "")


def _vocab():
    from ..grammar.vocabulary import load_vocabulary

    return load_vocabulary()
