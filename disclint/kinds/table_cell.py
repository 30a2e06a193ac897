"""A cell that is not what its column holds (finding kind `table-cell`).

- value: a count that is negative or not whole, a money amount that is negative (本年增/减 of
  the 2019 layout is signed, regulation.md §3.3) — one finding per cell;
- blank: blank-like cells (empty, &nbsp;, -, —, /, 无) among figures, counted as 0 — one note per
  table naming the rows concerned (a per-cell note buried real findings: 1,073 of 1,569 on the
  corpus were such notes);
- blank-total: blank 总计 cells whose parts are not all zero — a missing figure, not an arithmetic
  error (report-format.yaml conventions.blank_cells) — one finding per table naming them.

A table left wholly blank has its own finding (missing-statistic) and none of these.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Document
from ..tables.layout import load_layouts
from ..tables.names import cell_names, cell_place, column_name, row_name, table_name
from ..tables.repair import is_total

FINDING_KIND = "table-cell"
PARAMS = {"check": (str, True)}  # value | blank | blank-total
CHECKS = ("value", "blank", "blank-total")
# the fields its messages may name (engine.template); words come as x_zh and x_en
FIELDS = ("caption", "row_label", "column_label", "actual", "problem", "count", "places")
_MAX_PLACES = 10  # a longer list ends in 等N行 / and N more


def validate(params: dict, vocab) -> str | None:
    return None if params["check"] in CHECKS else f"check must be one of {CHECKS}"


def check(doc: Document, rule):
    what = rule.params["check"]
    for table in doc.tables.values():
        if table.all_blank:
            continue  # a table left wholly blank is one missing-statistic finding
        if what == "value":
            yield from _values(rule, table)
        elif what == "blank":
            cells = [(r, c, cell) for r in table.rows for c, cell in table.cells[r].items()
                     if cell.blank and not is_total(r, c)]
            if cells:
                yield _table_note(rule, table, cells, _rows_or_columns(table, cells))
        else:
            cells = [(r, c, cell) for r in table.rows for c, cell in table.cells[r].items()
                     if cell.blank and is_total(r, c)]
            parts = {(r, c): _parts(table, r, c) for r, c, _ in cells}
            cells = [x for x in cells if parts[(x[0], x[1])]]
            if cells:
                yield _table_note(rule, table, cells, _cells_with_parts(table, cells, parts))


def _values(rule, table):
    types = _column_types(table.id, table.layout)
    for row_id in table.rows:
        for col, cell in table.cells[row_id].items():
            if cell.value is None or (type(cell.value) is int and cell.value >= 0):
                continue  # fine in every column (the cells are mostly such counts)
            problem = _value_problem(cell.value, types.get(col, "count"))
            if problem:
                fields = cell_names(table.id, table.layout, row_id, col)
                yield rule.finding("table-cell", start=cell.start, end=cell.end, table=table.id, section=table.id,
                                   row=row_id, table_column=col, actual=cell.raw.strip(), where=dict(cell.where),
                                   problem_zh=problem[0], problem_en=problem[1], **fields)


def _table_note(rule, table, cells, places: dict):
    _, _, first = cells[0]
    return rule.finding("table-cell", start=first.start, end=first.end, table=table.id, section=table.id,
                        where=dict(first.where), count=len(cells), caption_zh=table_name(table.id, "zh"),
                        caption_en=table_name(table.id, "en"), **places)


def _rows_or_columns(table, cells) -> dict:
    """The rows holding blank cells (『四、结转下年度继续办理』行), or for the one unlabelled row of
    the appeals table its columns."""
    out = {}
    for lang in ("zh", "en"):
        names: list[str] = []
        for r, c, _ in cells:
            row = row_name(table.id, table.layout, r, lang)
            if row:
                name = f'row "{row}"' if lang == "en" else f"『{row}』行"
            else:
                col = column_name(table.id, table.layout, c, lang)
                name = f'column "{col}"' if lang == "en" else f"『{col}』列"
            if name not in names:
                names.append(name)
        out[f"places_{lang}"] = _join(names, lang)
    return out


def _cells_with_parts(table, cells, parts) -> dict:
    out = {}
    for lang in ("zh", "en"):
        names = []
        for r, c, _ in cells:
            place = cell_place(table.id, table.layout, r, c, lang)
            names.append(f"{place} (parts add up to {parts[(r, c)]})" if lang == "en"
                         else f"{place}（分项之和为{parts[(r, c)]}）")
        out[f"places_{lang}"] = _join(names, lang)
    return out


def _join(names: list[str], lang: str) -> str:
    shown = names[:_MAX_PLACES]
    if lang == "en":
        text = "; ".join(shown)
        return text + (f" and {len(names) - len(shown)} more" if len(names) > len(shown) else "")
    text = "、".join(shown)
    return text + (f"等{len(names)}处" if len(names) > len(shown) else "")


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


def _parts(table, row_id: str, col: str):
    """Sum of the cells a blank total stands for: its row's other columns of the same group."""
    row = table.cells[row_id]
    if col == "total":
        keys = [c for c in row if c != "total"]
    elif col.endswith("_total"):
        group = col[: -len("_total")]
        keys = [c for c in row if c.startswith(group + "_") and c != col]
    else:  # （七）总计 row: the result rows
        total = 0
        for rid in table.rows:
            if rid.startswith("r3_") and rid != "r3_7_total":
                cell = table.cells[rid].get(col)
                total += cell.number if cell else 0
        return total
    return sum(row[k].number for k in keys)
