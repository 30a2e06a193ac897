"""Mutation tests on real balanced tables: change one cell, and exactly the identities that
involve it fire, with the expected value the other cells give; swap two columns, labels and
numbers together, and the table still reads the same."""
from __future__ import annotations

import copy

import pytest

from disclint.engine.linter import linter_for
from disclint.readers import read_path
from disclint.settings import Settings
from tests.conftest import CORPUS
from tests.tables.tablehelp import identity_findings, lint_corpus, lint_string

IDENTITIES = Settings(select=("DL30",))  # the identity rules only: hundreds of lints stay fast

COMPONENTS = ["np", "biz", "res", "npo", "law", "oth"]
COLUMNS = COMPONENTS + ["total"]
BALANCE_ROWS = {"r1_new", "r2_carry_in", "r3_7_total", "r4_carry_out"}
RESULTS_RULE = {"2019": "DL303", "2021": "DL304"}


def expected_requests(values: dict, layout: str, row: str, col: str) -> set:
    """The findings one changed cell (row, col) must cause, computed from the changed values."""
    v = lambda r, c: values[r][c]  # noqa: E731
    results = [r for r in values if r.startswith("r3_") and r != "r3_7_total"]
    out = set()
    out.add(("DL302", row, "total", sum(v(row, c) for c in COMPONENTS), v(row, "total")))
    if row in BALANCE_ROWS:
        out.add(("DL301", "r3_7_total", col, v("r1_new", col) + v("r2_carry_in", col),
                 v("r3_7_total", col) + v("r4_carry_out", col)))
    if row.startswith("r3_"):
        out.add((RESULTS_RULE[layout], "r3_7_total", col, sum(v(r, col) for r in results), v("r3_7_total", col)))
    return out


def found(result, table):
    return {(f.rule, f.row, f.table_column, f.expected, f.actual) for f in identity_findings(result, table)}


@pytest.mark.parametrize("name", ["pingtan/050.txt", "pingtan/064.txt"])
def test_changing_one_cell_fires_exactly_its_identities_in_text(name):
    text = (CORPUS / "docs" / name).read_text(encoding="utf-8")
    base = lint_string(text, name, IDENTITIES)
    table = base.document.tables["requests"]
    assert found(base, "requests") == set() and len(table.rows) == len(table.row_ids)
    values = {r: {c: table.cell(r, c).value for c in COLUMNS} for r in table.rows}
    for row in table.rows:
        for col in COLUMNS:
            cell = table.cell(row, col)
            changed = copy.deepcopy(values)
            changed[row][col] += 1
            mutated = text[:cell.start] + str(cell.value + 1) + text[cell.end:]
            result = lint_string(mutated, name, IDENTITIES)
            assert found(result, "requests") == expected_requests(changed, table.layout, row, col), (row, col)


def test_changing_one_cell_fires_exactly_its_identities_in_a_grid():
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    base = linter_for(IDENTITIES).lint_source(source, IDENTITIES)
    table = base.document.tables["requests"]
    values = {r: {c: table.cell(r, c).value for c in COLUMNS} for r in table.rows}
    grid = next(g for g in source.grids if any("本年新收" in (c or "") for row in g.rows for c in row))
    for row in table.rows:
        for col in COLUMNS:
            where = table.cell(row, col).where
            mutated = copy.deepcopy(source)
            g = next(x for x in mutated.grids if x.where == grid.where)
            g.rows[where["row"] - 1][where["col"] - 1] = str(values[row][col] + 1)
            changed = copy.deepcopy(values)
            changed[row][col] += 1
            result = linter_for(IDENTITIES).lint_source(mutated, IDENTITIES)
            assert found(result, "requests") == expected_requests(changed, table.layout, row, col), (row, col)


def test_changing_one_appeals_cell_fires_its_group_total():
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    table = linter_for(IDENTITIES).lint_source(source, IDENTITIES).document.tables["appeals"]
    rules = {"rev": "DL305", "direct": "DL306", "after": "DL307"}
    for col, cell in table.cells["cases"].items():
        mutated = copy.deepcopy(source)
        g = next(x for x in mutated.grids if x.where["table"] == cell.where["table"])
        g.rows[cell.where["row"] - 1][cell.where["col"] - 1] = str(cell.value + 1)
        group = col.split("_")[0]
        leaves = [c for c in table.cells["cases"] if c.startswith(group + "_") and not c.endswith("_total")]
        values = {c: table.cell("cases", c).value + (1 if c == col else 0) for c in table.cells["cases"]}
        want = {(rules[group], "cases", f"{group}_total", sum(values[c] for c in leaves), values[f"{group}_total"])}
        assert found(linter_for(IDENTITIES).lint_source(mutated, IDENTITIES), "appeals") == want, col


def _swap_grid_columns(source, table_no: int, a: int, b: int):
    mutated = copy.deepcopy(source)
    g = next(x for x in mutated.grids if x.where["table"] == table_no)
    for r in g.rows:
        r[a], r[b] = r[b], r[a]
    return mutated


@pytest.mark.parametrize("table_id, table_no, a, b", [
    ("requests", 2, 4, 5),  # 商业企业 ↔ 科研机构 (1 vs 0 in 一、本年新收)
    ("requests", 2, 3, 9),  # 自然人 ↔ 总计
    ("appeals", 3, 5, 8),  # 未经复议直接起诉: 结果维持 (4) ↔ 尚未审结 (1)
])
def test_swapped_columns_are_read_by_their_labels(table_id, table_no, a, b):
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    before = linter_for(IDENTITIES).lint_source(source, IDENTITIES).document.tables[table_id].to_json()["cells"]
    result = linter_for(IDENTITIES).lint_source(_swap_grid_columns(source, table_no, a, b), IDENTITIES)
    assert result.document.tables[table_id].to_json()["cells"] == before
    assert identity_findings(result) == []


def test_swapped_header_labels_in_running_text_move_the_numbers():
    # pingtan/036 is run together; swap 商业企业 and 科研机构 in the header and in every row.
    name = "pingtan/036.txt"
    text = (CORPUS / "docs" / name).read_text(encoding="utf-8")
    table = lint_corpus(name).document.tables["requests"]
    edits = []
    for row in table.rows:
        biz, res = table.cell(row, "biz"), table.cell(row, "res")
        assert biz.end - biz.start == 1 and res.end - res.start == 1
        edits += [(biz.start, res.raw), (res.start, biz.raw)]
    head = text.index("商业企业科研机构")
    edits.append((head, "科研机构商业企业"))
    for at, new in sorted(edits, reverse=True):
        text = text[:at] + new + text[at + len(new):]
    swapped = lint_string(text, name).document.tables["requests"]
    assert swapped.to_json()["cells"] == table.to_json()["cells"]
    assert swapped.cell("r3_6_3", "biz").value == 2
