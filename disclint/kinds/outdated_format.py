"""A report whose tables use an older era's labels than its year requires (regulation.md §4.6):
a 2022 report with 本年新制作数量 / 上一年项目数量 / 第二十条第（九）项 follows the 2019 format."""
from __future__ import annotations

from ..model import Document

KIND = "outdated-format"
FINDING_KIND = "outdated-format"
PARAMS = {"older_layouts": (list, True)}


def check(doc: Document, rule):
    hits = doc.facts.get("layout_hits", {})
    for era in rule.params["older_layouts"]:
        where = sorted(hits.get(str(era), []))
        if where:
            start = where[0]
            words = sorted({doc.text[p:p + 8].split()[0] if doc.text[p:p + 8].split() else "" for p in where})
            yield rule.finding(FINDING_KIND, start=start, layout=str(era), profile=doc.profile,
                               signals="、".join(w for w in words[:4] if w))
            return
