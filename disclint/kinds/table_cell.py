"""A cell that is not what its column holds (finding kind `table-cell`).

- value: a count that is negative or not whole, a money amount that is negative (本年增/减 of
  the 2019 layout is signed, regulation.md §3.3);
- blank: a blank-like cell (empty, &nbsp;, -, —, /, 无) among figures, counted as 0;
- blank-total: a blank 总计 whose parts are not all zero — a missing figure, not an arithmetic
  error (report-format.yaml conventions.blank_cells).
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Document
from ..tables.layout import load_layouts

KIND = "table-cell"
FINDING_KIND = "table-cell"
PARAMS = {"check": (str, True)}  # value | blank | blank-total
# the fields its messages may name (engine.template)
FIELDS = ("actual", "problem_en", "problem_zh", "row", "section", "table", "table_column")
CHECKS = ("value", "blank", "blank-total")


def validate(params: dict, vocab) -> str | None:
    return None if params["check"] in CHECKS else f"check must be one of {CHECKS}"


def check(doc: Document, rule):
    what = rule.params["check"]
    for table in doc.tables.values():
        if table.all_blank:
            continue  # a table left wholly blank is one missing-statistic finding
        types = _column_types(table.id, table.layout)
        for row_id in table.rows:
            row = table.cells[row_id]
            for col, cell in row.items():
                if what == "value" and cell.value is not None:
                    if type(cell.value) is int and cell.value >= 0:
                        continue  # fine in every column (the cells are mostly such counts)
                    problem = _value_problem(cell.value, types.get(col, "count"))
                    if problem:
                        yield _finding(rule, table, row_id, col, cell, problem)
                elif what == "blank" and cell.blank and not _is_total(row_id, col):
                    yield _finding(rule, table, row_id, col, cell, ("空白，按0计", "blank, counted as 0"))
                elif what == "blank-total" and cell.blank and _is_total(row_id, col):
                    parts = _parts(table, row_id, col)
                    if parts:
                        yield _finding(rule, table, row_id, col, cell, (f"总计空白，而分项合计为{parts}",
                                                                        f"the total is blank while its parts add up to {parts}"))


@lru_cache(maxsize=16)
def _column_types(table_id: str, layout_name: str) -> dict[str, str]:
    return {c.id: c.type for c in load_layouts()[table_id].layouts[layout_name].columns}


def _value_problem(value, kind: str) -> tuple[str, str] | None:
    if kind == "signed":
        return None if float(value).is_integer() else ("应为整数", "should be a whole number")
    if value < 0:
        return ("不应为负数", "should not be negative")
    if kind == "count" and not float(value).is_integer():
        return ("应为整数", "should be a whole number")
    return None


def _is_total(row: str, col: str) -> bool:
    return row.endswith("_total") or col == "total" or col.endswith("_total")


def _parts(table, row_id: str, col: str):
    """Sum of the cells a blank total stands for: its row's other columns of the same group."""
    row = table.cells[row_id]
    if col == "total":
        keys = [c for c in row if c != "total"]
    elif col.endswith("_total"):
        group = col[: -len("_total")]
        keys = [c for c in row if c.startswith(group + "_") and c != col]
    else:  # （七）总计 row: the result rows
        keys = []
        total = 0
        for rid in table.rows:
            if rid.startswith("r3_") and rid != "r3_7_total":
                cell = table.cells[rid].get(col)
                total += cell.number if cell else 0
        return total
    return sum(row[k].number for k in keys)


def _finding(rule, table, row_id, col, cell, problem):
    return rule.finding("table-cell", start=cell.start, end=cell.end, table=table.id, section=table.id, row=row_id,
                        table_column=col, actual=cell.raw.strip() or None, where=dict(cell.where),
                        problem_zh=problem[0], problem_en=problem[1])
