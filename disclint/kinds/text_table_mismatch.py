"""Figures stated in prose that contradict the figures they restate, by the rule's `against` key:

- table: each quantity (applications received, handled, carried over, granted, reviews, lawsuits,
  规范性文件 …) is found in prose by its phrases — every occurrence, on the flat view so line
  breaks inside numbers and phrases do not matter — and compared with the table cells holding it
  (regulation.md §5.1 TEXT-T3/T4). A clause with a qualifier (其中, 累计, 备案, 同比, another year)
  is about another quantity and is skipped. A clause whose scope may differ from the table's
  (区政府办代表区政府受理…17件 against 本年新收 95, peers/洪泽区2024) is a warning naming both
  figures, so a person decides;
- stated-total: category counts in prose against the total they break down (content/prose_sum.py).
"""
from __future__ import annotations


from ..content.figures import find_figures, other_years
from ..content.flat import flat_view
from ..content.numbers import show
from ..content.prose_sum import find_breakdowns
from .. import safe_regex
from ..model import Document, Severity
from ..engine.schema import Pattern, Phrase, Struct

FINDING_KIND = "text-table-mismatch"
AGAINST = ("table", "stated-total")
PARAMS = {
    "against": (str, True),
    # table: [{name: {zh, en}, table, cells: [[row, column], …] (summed), phrases: [regex with
    #          (?P<n>NUMBER), or none for a zero], unless: [regex], context: regex}, …]
    "quantities": (list[Struct(required={"name": Struct(required={"zh": str, "en": str}), "table": str,
                                         "cells": list[list[str]], "phrases": list[Phrase]},
                               optional={"unless": list[Pattern], "context": Pattern})], False),
    "qualifiers": (list[Pattern], False),  # table: a clause matching one of these is not about the quantity
    "scope": (list[Pattern], False),  # table: a clause matching one of these may count another scope → warning
    "totals": (list[Phrase], False),  # stated-total: patterns of a stated total, group n
    "introductions": (list[Struct(required={"pattern": Pattern, "subject": Pattern})], False),  # stated-total: [{pattern, subject}] a list that refers to the last total
    #                                   whose words match subject
}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "addends", "cell", "expected", "phrase", "prose", "quantity_en", "quantity_zh", "row",
          "scope_en", "scope_zh", "section", "stated", "sum", "table", "table_column", "total", "where_en",
          "where_zh")
TABLES = ("proactive", "requests", "appeals")


def validate(params: dict, vocab) -> str | None:
    against = params["against"]
    if against not in AGAINST:
        return f"against must be one of {list(AGAINST)}"
    if against == "stated-total":
        return None if params.get("totals") else "against: stated-total needs totals"
    if not params.get("quantities"):
        return "against: table needs quantities"
    from ..tables.layout import load_layouts

    layouts = load_layouts()
    for i, q in enumerate(params["quantities"]):
        if q["table"] not in layouts:
            return f"quantities[{i}]: unknown table {q['table']!r}; known: {sorted(layouts)}"
        known = {(r.id, c.id) for layout in layouts[q["table"]].layouts.values()
                 for r in layout.numeric_rows for c in r.columns}
        for cell in q["cells"]:
            if not (isinstance(cell, list) and len(cell) == 2 and tuple(cell) in known):
                return f"quantities[{i}]: no cell {cell!r} in the {q['table']} table"
    return None


def check(doc: Document, rule):
    if rule.params["against"] == "table":
        yield from _against_table(doc, rule)
    else:
        yield from _against_total(doc, rule)


def _table_value(doc: Document, quantity: dict):
    """The sum of the quantity's cells, and the first cell (for its line); None when not all are read."""
    table = doc.tables.get(quantity["table"])
    if table is None:
        return None, None
    cells = [table.cell(row, col) for row, col in quantity["cells"]]
    if any(c is None or c.value is None for c in cells):
        return None, None
    return sum(c.value for c in cells), cells[0]


def _against_table(doc: Document, rule):
    qualifiers = [safe_regex.user_pattern(p) for p in rule.params.get("qualifiers", [])]
    scope = [safe_regex.user_pattern(p) for p in rule.params.get("scope", [])]
    for quantity in rule.params["quantities"]:
        expected, cell = _table_value(doc, quantity)
        if expected is None:
            continue
        unless = [safe_regex.user_pattern(p) for p in quantity.get("unless", [])]
        context = safe_regex.user_pattern(quantity["context"]) if quantity.get("context") else None
        for fig in find_figures(doc, quantity["phrases"]):
            if fig.value == expected:
                continue
            if any(q.search(fig.clause) for q in qualifiers + unless) or other_years(fig.lead, doc.year):
                continue
            if context and not context.search(fig.sentence):
                continue
            scoped = any(s.search(fig.clause) for s in scope)
            cell_line = doc.position(cell.start)[0] if cell.start is not None else None
            yield rule.finding(
                FINDING_KIND, start=fig.start, end=fig.end, severity=Severity.WARNING if scoped else None,
                phrase=fig.phrase, prose=show(fig.value), cell=show(expected),
                quantity_zh=quantity["name"]["zh"], quantity_en=quantity["name"]["en"],
                where_zh=f"（第{cell_line}行）" if cell_line else "", where_en=f" (line {cell_line})" if cell_line else "",
                scope_zh="；该句的统计口径可能与表格不同，请核对" if scoped else "",
                scope_en="; the sentence may count a different scope than the table, please check" if scoped else "",
                section=doc.top_section_id_at(fig.start), table=quantity["table"],
                row=quantity["cells"][0][0], table_column=quantity["cells"][0][1],
                expected=expected, actual=fig.value)


def _against_total(doc: Document, rule):
    flat = flat_view(doc)
    for breakdown in find_breakdowns(flat, rule.params["totals"], rule.params.get("introductions", [])):
        total, parts = breakdown.total, breakdown.sum
        if parts == total or parts < total and not breakdown.complete:
            continue
        first, last = breakdown.items[0], breakdown.items[-1]
        start, end = flat.span(first.start, last.end)
        addends = "+".join(show(i.value) for i in breakdown.items)
        yield rule.finding(FINDING_KIND, start=start, end=end, total=show(total), sum=show(parts), addends=addends,
                           stated=flat.text[breakdown.total_start:breakdown.total_end],
                           section=doc.top_section_id_at(start), expected=total, actual=parts)
