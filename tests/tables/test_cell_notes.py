"""Blank cells are one note per table naming the rows concerned, not one per cell (issue 13:
per-cell notes were 1,073 of 1,569 findings on the labelled reports)."""
from __future__ import annotations

from disclint.engine.run import lint_file, lint_source
from disclint.readers import read_path
from disclint.settings import Settings
from tests.conftest import CORPUS


def _blanked(name: str, keep=lambda value: value != "0"):
    source = read_path(str(CORPUS / "docs" / name))
    for grid in source.grids:
        for row in grid.rows:
            for k, value in enumerate(row):
                if not keep(value):
                    row[k] = ""
    return lint_source(source, Settings())


def test_zeros_left_blank_give_one_note_per_table():
    result = _blanked("pingtan/018.html")
    notes = [f for f in result.findings if f.rule == "DL324"]
    assert sorted(f.table for f in notes) == ["appeals", "proactive", "requests"]
    requests = next(f for f in notes if f.table == "requests")
    assert requests.message.startswith("「收到和处理政府信息公开申请情况」表有131格空白，按0计：『一、本年新收政府信息公开申请数量』行、")
    assert "等24处" in requests.message and "None" not in requests.message
    appeals = next(f for f in notes if f.table == "appeals")
    assert "『行政复议·其他结果』列" in appeals.message  # the one-row table names its columns
    assert requests.row is None and requests.table_column is None


def test_a_wholly_blank_table_has_no_blank_notes():
    result = lint_file(str(CORPUS / "docs/peers/政务公开年报模版.docx"), Settings())
    assert not [f for f in result.findings if f.rule in ("DL324", "DL325")]
    assert {f.rule for f in result.findings if f.finding_kind == "missing-statistic"} >= {"DL330", "DL331", "DL332"}


def test_blank_totals_are_one_finding_per_table_with_their_parts():
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    table = lint_source(source, Settings()).document.tables["requests"]
    assert not [f for f in lint_source(source, Settings()).findings if f.rule == "DL325"]
    grid = next(g for g in source.grids if any("本年新收" in (c or "") for r in g.rows for c in r))
    for row in ("r1_new", "r3_7_total"):
        where = table.cell(row, "total").where
        grid.rows[where["row"] - 1][where["col"] - 1] = ""
    findings = [f for f in lint_source(source, Settings()).findings if f.rule == "DL325"]
    assert len(findings) == 1
    assert "有2个总计空白" in findings[0].message
    assert "『一、本年新收政府信息公开申请数量』行『总计』列（分项之和为" in findings[0].message
