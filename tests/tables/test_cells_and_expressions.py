"""Cell values as real reports write them, the cuts of run-together digits, and the identity
expression grammar (parsed, never eval'd)."""
from __future__ import annotations

import pytest

from disclint.tables.identity import ExpressionError, bind, parse_expression
from disclint.tables.layout import load_layouts
from disclint.tables.values import parse_cell, pieces, splits


@pytest.mark.parametrize("raw", ["", "&nbsp;", "-", "—", "/", "无", " "])
def test_blank_like_cells_are_blank_not_zero(raw):
    cell = parse_cell(raw)
    assert cell.blank and cell.value is None and cell.number == 0


@pytest.mark.parametrize("raw, value, unit", [
    ("251000元", 251000, "元"),  # 采购总金额 with its unit inside the cell (上海市 2019)
    ("45.82万元", 45.82, "万元"),  # pingtan/064
    ("5949.088667", 5949.088667, None),  # pingtan/018 本年收费金额（单位：万元）
    ("+6", 6, None),  # seed 001 本年增/减
    ("-15", -15, None),  # pingtan/049 本年增/减
    ("1个", 1, "个"),  # pingtan/051 采购项目数量
    ("0", 0, None),
])
def test_numbers_with_units_signs_and_decimals(raw, value, unit):
    cell = parse_cell(raw)
    assert (cell.value, cell.unit, cell.blank) == (value, unit, False)


def test_zero_is_not_blank():
    assert not parse_cell("0").blank


def cut(text: str, n: int) -> list[list[str]]:
    return [[p for p, _ in s] for s in splits(pieces(text, 0), n)]


def test_seven_digits_for_seven_cells_cut_one_way():
    assert cut("1000001", 7) == [["1", "0", "0", "0", "0", "0", "1"]]  # pingtan/032
    assert cut("10 0 00 0 1", 7) == [["1", "0", "0", "0", "0", "0", "1"]]  # pingtan/040


def test_too_few_digits_have_no_cut():
    assert cut("0 00000", 7) == []  # pingtan/031


def test_run_together_digits_keep_every_valid_cut():
    cuts = cut("640020470", 7)
    assert ["64", "0", "0", "2", "0", "4", "70"] in cuts  # the one whose total adds up
    assert all(not (len(p) > 1 and p.startswith("0")) for c in cuts for p in c)
    assert cut("0+11", 3) == [["0", "+1", "1"]]  # pingtan/035: a sign starts a new number
    assert cut("1个246900元", 2) == [["1个", "246900元"]]  # a unit ends one (pingtan/051)


def test_offsets_follow_the_cut():
    [only] = splits(pieces("12 0 0 0 0 0 12", 100), 7)
    assert only[0] == ("12", 100) and only[-1] == ("12", 113)


def test_expressions_bind_to_the_layout():
    layout = load_layouts()["requests"].layouts["2021"]
    expr = parse_expression("r3_7_total.$c == r3_1_granted.$c + sum(r3_6_*.$c)")
    [bound] = bind(expr, {"$c": ["np"]}, layout)
    assert bound.left == ((1, "r3_7_total", "np"),)
    assert bound.right == ((1, "r3_1_granted", "np"), (1, "r3_6_1", "np"), (1, "r3_6_2", "np"), (1, "r3_6_3", "np"))
    rows = bind(parse_expression("$r.total == $r.np"), {"$r": "all_numeric_rows"}, layout)
    assert len(rows) == 25


def test_subtraction_and_constants():
    layout = load_layouts()["proactive"].layouts["2021"]
    [b] = bind(parse_expression("art20_1.$r.valid >= art20_1.$r.issued - art20_1.$r.repealed + 0"),
               {"$r": ["normative"]}, layout)
    assert b.right == ((1, "art20_1.normative", "issued"), (-1, "art20_1.normative", "repealed"))
    assert b.holds(5, 3) and not b.holds(2, 3)


@pytest.mark.parametrize("bad", [
    "__import__('os').system('true') == 1",  # never evaluated: not even parsed
    "r1_new.np +",
    "r3_3_*.np == 1",  # a row pattern needs sum()
    "r1_new.np = r2_carry_in.np",
])
def test_bad_expressions_are_refused(bad):
    with pytest.raises(ExpressionError):
        parse_expression(bad)


def test_rule_files_with_unknown_cells_are_refused_when_loaded():
    from disclint.kinds import table_identity

    params = {"table": "requests", "expression": "r9_new.$c == r1_new.$c", "forall": {"$c": ["np"]},
              "identity": "T3-X"}
    assert "no cell r9_new.np" in table_identity.validate(params, None)
    params = {"table": "requests", "expression": "r1_new.$c == r2_carry_in.$c", "identity": "T3-X"}
    assert "no forall" in table_identity.validate(params, None)
    params = {"table": "nope", "expression": "a.b == c.d", "identity": "X"}
    assert "unknown table" in table_identity.validate(params, None)
