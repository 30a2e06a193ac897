"""The tables of real reports, rebuilt: every shape of regulation.md §8.3 the corpus holds."""
from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS, corpus_labels
from tests.tables.tablehelp import identity_findings, lint_corpus

COLUMNS = ["np", "biz", "res", "npo", "law", "oth", "total"]


def row(table, row_id):
    return [table.cell(row_id, c).value for c in COLUMNS]


def test_seed_001_one_cell_per_line_is_rebuilt_in_full():
    # Header lacks 自然人/其他/总计, 三、本年度办理结果 is reduced to 三、, (三)\n不予\n公开 is split.
    result = lint_corpus("seeds/001_174315c6c8a13a1e.txt")
    tables = result.document.tables
    requests = tables["requests"]
    assert requests.layout == "2019" and requests.unreadable == []
    assert len(requests.rows) == 23 and all(row(requests, r) == [0] * 7 for r in requests.rows)
    assert [c.value for c in tables["appeals"].cells["cases"].values()] == [0] * 15
    proactive = tables["proactive"].to_json()["cells"]
    assert proactive["art20_5.other_services"] == {"prev_items": 213, "change": 6, "decisions": 12253}
    assert proactive["art20_1.other_documents"] == {"new_made": 35, "new_published": 35, "published_total": 35}
    assert tables["proactive"].cell("art20_5.other_services", "change").raw == "+6"
    assert identity_findings(result) == []


def test_seed_001_json_shows_the_cells():
    result = lint_corpus("seeds/001_174315c6c8a13a1e.txt")
    out = result.document.tables["requests"].to_json()
    assert out["id"] == "requests" and out["line"] is not None
    assert json.loads(json.dumps(out))["cells"]["r3_7_total"] == dict.fromkeys(COLUMNS, 0)


def test_one_line_report_with_run_together_cells_shows_its_real_error():
    # pingtan/032: the whole report is one line, 1000001 is seven cells; the application is counted
    # both as handled (（六）3.其他) and carried over: 一+二 (1) ≠ （七）+四 (2) in 自然人 and 总计.
    result = lint_corpus("pingtan/032.txt")
    requests = result.document.tables["requests"]
    assert requests.layout == "2021" and len(requests.rows) == 25
    assert row(requests, "r1_new") == [1, 0, 0, 0, 0, 0, 1]
    assert row(requests, "r3_6_3") == [1, 0, 0, 0, 0, 0, 1]
    found = {(f.rule, f.row, f.table_column, f.expected, f.actual) for f in identity_findings(result)}
    assert found == {("DL301", "r3_7_total", "np", 1, 2), ("DL301", "r3_7_total", "total", 1, 2)}
    f = identity_findings(result)[0]
    cell = requests.cell("r3_7_total", f.table_column)
    assert result.document.text[cell.start:cell.end] == "1"  # the finding points at the cell itself
    assert f.line == result.document.position(cell.start)[0]


@pytest.mark.parametrize("name, row_id, values", [
    ("pingtan/036.txt", "r1_new", [14, 2, 0, 0, 0, 0, 16]),  # 142000016: only 14|2|…|16 adds up
    ("pingtan/036.txt", "r3_7_total", [14, 2, 0, 0, 0, 0, 16]),
    ("pingtan/036.txt", "r3_6_3", [0, 2, 0, 0, 0, 0, 2]),
    ("pingtan/035.txt", "r3_7_total", [12, 0, 0, 0, 0, 0, 12]),  # "12 0 0 0 0 0 12"
    ("pingtan/035.txt", "r3_4_3", [3, 0, 0, 0, 0, 0, 3]),  # "3 0 0 0 0 03" before "（五）"
    ("pingtan/040.txt", "r1_new", [1, 0, 0, 0, 0, 0, 1]),  # "10 0 00 0 1": seven digits, seven cells
    ("pingtan/052.txt", "r3_7_total", [0] * 7),  # "00 0 0 0 00"
    ("pingtan/050.txt", "r3_1_granted", [7, 0, 0, 0, 0, 0, 7]),
])
def test_run_together_and_irregularly_spaced_rows(name, row_id, values):
    table = lint_corpus(name).document.tables["requests"]
    assert row(table, row_id) == values


def test_signed_changes_units_and_plus_signs_in_the_2019_proactive_table():
    tables = lint_corpus("pingtan/035.txt").document.tables["proactive"]
    assert tables.to_json()["cells"]["art20_5.licensing"] == {"prev_items": 0, "change": 1, "decisions": 1}  # "0+11"
    t049 = lint_corpus("pingtan/049.txt").document.tables["proactive"]
    assert t049.to_json()["cells"]["art20_8.fees"] == {"prev_items": 15, "change": -15}  # "15-15"
    # "88-720" is 88 | -7 | 20 or 88 | -72 | 0: ambiguous, said so, not guessed.
    assert "art20_5.licensing" not in t049.cells
    assert any(u.row == "art20_5.licensing" and u.reason == "ambiguous" for u in t049.unreadable)
    t064 = lint_corpus("pingtan/064.txt").document.tables["proactive"]
    amount = t064.cell("art20_9.central_procurement", "amount")
    assert (amount.value, amount.unit) == (45.82, "万元")


def test_a_row_with_too_few_numbers_is_unreadable_and_not_checked():
    # pingtan/031: 一、本年新收 is "0 00000", six digits for seven columns (labels: a real defect).
    result = lint_corpus("pingtan/031.txt")
    table = result.document.tables["requests"]
    assert "r1_new" not in table.cells
    assert [(u.row, u.reason) for u in table.unreadable] == [("r1_new", "cell-count")]
    assert identity_findings(result) == []
    assert any(f.finding_kind == "table-shape" and f.row == "r1_new" for f in result.findings)


def test_html_tables_are_read_from_their_grids():
    result = lint_corpus("pingtan/018.html")
    tables = result.document.tables
    assert {t.origin for t in tables.values()} == {"grid"}
    assert row(tables["requests"], "r1_new") == [80, 1, 0, 0, 0, 0, 81]
    assert row(tables["requests"], "r4_carry_out") == [0] * 7
    assert tables["proactive"].cell("art20_8.fees", "fee_amount").value == 5949.088667
    cell = tables["appeals"].cell("cases", "after_total")
    assert cell.value == 2 and cell.where == {"table": 3, "row": 4, "col": 15}
    assert identity_findings(result) == []


def test_pdf_appeals_errors_point_at_the_table_cell():
    result = lint_corpus("peers/洪泽区2023.pdf")
    found = {(f.rule, f.row, f.table_column, f.expected, f.actual) for f in identity_findings(result)}
    assert found == {("DL305", "cases", "rev_total", 11, 0), ("DL307", "cases", "after_total", 5, 0)}
    rev = next(f for f in identity_findings(result) if f.rule == "DL305")
    assert rev.where["page"] == 4 and rev.where["col"] == 5


def test_the_blank_template_is_a_blank_table_not_arithmetic():
    result = lint_corpus("peers/政务公开年报模版.docx")
    assert all(t.all_blank for t in result.document.tables.values())
    assert identity_findings(result) == []
    blank = {f.table for f in result.findings if f.finding_kind == "missing-statistic" and f.table}
    assert blank == {"proactive", "requests", "appeals"}
    assert not [f for f in result.findings if f.finding_kind in ("table-cell", "table-shape")]


@pytest.mark.parametrize("name", ["new/010.txt", "new/012.txt"])
def test_reports_whose_tables_were_lost_get_missing_table(name):
    result = lint_corpus(name)
    assert result.document.tables == {}
    assert {f.table for f in result.findings if f.finding_kind == "missing-table"} == {"proactive", "requests", "appeals"}


LABELLED = [lab for lab in corpus_labels() if lab.get("tables") and any(lab["tables"].values())]


@pytest.mark.parametrize("label", LABELLED, ids=[lab["file"] for lab in LABELLED])
def test_labelled_reports_flag_exactly_their_broken_tables(label):
    result = lint_corpus(label["file"].removeprefix("docs/"))
    broken = {e["table"] for e in label["identity_errors"]}
    assert {f.table for f in identity_findings(result)} == broken
    present = {t for t, there in label["tables"].items() if there}
    assert set(result.document.tables) == present
