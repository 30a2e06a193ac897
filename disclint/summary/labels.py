"""The words of the official form for what the contract names by id: table titles, printed row labels
and column headers (from the table layouts), and a problem type a supervisor reads (问题类型).

Internal ids (art20_1.normative, r3_1_granted, valid) never reach a sheet, the page's text or the
通报: they are turned into the form's words here, or into nothing."""
from __future__ import annotations

from functools import lru_cache

from .rows import KIND_ZH

# The contract files the cross-year "text copied from last year" check under year-mismatch (its kind
# enum is closed); for a reader it is a problem of its own, and its numbers are a similarity.
RULE_TYPE_ZH = {"duplicate-narrative": "正文与上年雷同", "duplicate-requests-table": "申请表与上年相同"}
_SIMILARITY_RULES = {"duplicate-narrative"}


@lru_cache(maxsize=1)
def table_labels() -> dict[str, dict]:
    """table id → {"title", "rows": {row id: printed label}, "cols": {column id: printed header}}:
    report_view's, the words of every view of a report."""
    from .. import report_view

    return report_view.table_labels("zh")


def table_title(table: str | None) -> str:
    if not table:
        return ""
    return table_labels().get(table, {}).get("title", "")


def row_label(table: str | None, row: str | None) -> str:
    """The printed label of a row, or "" (never the id)."""
    if not table or not row:
        return ""
    return table_labels().get(table, {}).get("rows", {}).get(row, "")


def column_label(table: str | None, column: str | None) -> str:
    if not table or not column:
        return ""
    return table_labels().get(table, {}).get("cols", {}).get(column, "")


def cell_words(table: str | None, row: str | None, column: str | None) -> str:
    """「行政规范性文件」行「现行有效件数」列, in the form's words; "" when neither is known."""
    r, c = row_label(table, row), column_label(table, column)
    parts = ([f"「{r}」行"] if r else []) + ([f"「{c}」列"] if c else [])
    return "".join(parts)


def problem_type(f: dict) -> str:
    """问题类型 of a finding record."""
    return RULE_TYPE_ZH.get(f.get("name") or "") or KIND_ZH.get(f["kind"], f["kind"])


def similarity(f: dict) -> str:
    """A readable share of text repeated from last year (0.928 → 93%), else ""."""
    if f.get("name") in _SIMILARITY_RULES and isinstance(f.get("actual"), (int, float)):
        return f"{f['actual']:.0%}"
    return ""


def expected_actual(f: dict) -> tuple:
    """应为, 实为 as a reader takes them: a similarity is not a value the report should have had."""
    if f.get("name") in _SIMILARITY_RULES:
        return "", ""
    return _plain(f.get("expected")), _plain(f.get("actual"))


def repair_words(f: dict) -> str:
    """The cells issue 13's `repairs` point at, in the form's words: one option means those cells are
    the likely wrong ones; several mean it cannot be told which (all are listed, none is picked)."""
    options = f.get("repairs") or []
    table = f.get("table")
    said = []
    for option in options:
        cells = []
        for cell in option:
            where = cell_words(table, cell.get("row"), cell.get("column")) or "某单元格"
            cells.append(f"{where}应为 {cell.get('expected')}")
        said.append("，".join(cells))
    if len(said) == 1:
        return said[0]
    return ("可能是：" + "；或 ".join(said)) if said else ""


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (int, float, str)):
        return value
    return str(value)
