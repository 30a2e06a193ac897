"""A report whose tables use an older era's layout than its year requires (regulation.md §4.6, §7.4):
a 2022 report with 本年新制作数量 / 上一年项目数量 / 第二十条第（九）项 follows the 2019 format, and
so does a requests table with a single （六）其他处理 row where the 2021 format has three."""
from __future__ import annotations

from ..model import Document

FINDING_KIND = "outdated-format"
PARAMS = {"older_layouts": (list[str], True)}
# the fields its messages may name (engine.template)
FIELDS = ("layout", "profile", "signals", "table")


def check(doc: Document, rule):
    older = [str(era) for era in rule.params["older_layouts"]]
    hits = doc.facts.layout_hits
    for era in older:
        where = sorted(hits.get(era, []))
        if where:
            words = sorted({doc.text[p:p + 8].split()[0] if doc.text[p:p + 8].split() else "" for p in where})
            quoted = [w for w in words[:4] if w]
            yield rule.finding(FINDING_KIND, start=where[0], layout=era, profile=doc.profile,
                               signals_zh="、".join(quoted), signals_en=", ".join(f'"{w}"' for w in quoted))
            return
    # No older label in the text: the rebuilt tables still show their layout by their rows.
    for table in doc.tables.values():
        if table.layout in older and table.id == "requests":
            start = table.cells.get("r3_6", {}).get("total")
            yield rule.finding(FINDING_KIND, start=start.start if start else None, table=table.id,
                               layout=table.layout, profile=doc.profile,
                               signals_zh="（六）其他处理只有一行",
                               signals_en='"(6) otherwise handled" is a single row')
            return
