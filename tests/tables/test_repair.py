"""The cell most likely wrong (disclint.tables.repair): single-cell mutations of every real table
never name a wrong cell, and most name exactly the mutated cell with its original value; the
official template filled as issue 13's writer did (scripts/fill_template.py; its PDF and HTML
saved by LibreOffice) names 「四、结转下年度继续办理」·自然人."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from benchmarks.bench_repair import run
from disclint.engine.run import lint_file, lint_source
from disclint.readers import read_path
from disclint.settings import Settings
from tests.conftest import CORPUS, SEEDS

FILLED = Path(__file__).parent / "fixtures" / "filled-template.docx"


def test_mutations_of_every_real_table_never_name_a_wrong_cell():
    tally = run([CORPUS / "docs", SEEDS])
    assert tally.tables >= 45  # 50 balanced tables on 2026-12-07 (2 left out: failing already)
    assert tally.counts["wrong"] == 0 and tally.counts["ambiguous-wrong"] == 0, tally.wrong_cases[:5]
    assert tally.counts["not-localised"] == 0
    # Measured 8,167 of 8,868 (92.1 %) exact, the rest ambiguous (mostly the one-row appeals table,
    # where a group's five cells lie on one identity only).
    assert tally.share("exact") >= 0.90
    assert tally.share("exact") + tally.share("ambiguous") == 1.0


def test_the_filled_template_names_the_carried_over_cell():
    result = lint_file(str(FILLED), Settings())
    identity = [f for f in result.findings if f.finding_kind == "table-identity"]
    assert [f.rule for f in identity] == ["DL301", "DL302"]
    balance = identity[0]
    assert balance.message == (
        "「收到和处理政府信息公开申请情况」表「自然人」列：第一项加第二项之和（14＋2＝16）不等于第三项加第四项之和"
        "（14＋3＝17），相差1；最可能出错：『四、结转下年度继续办理』行『自然人』列，表中为3，按勾稽关系应为2")
    assert balance.message_en == (
        'table "applications received and handled", column "natural persons": item 1 plus item 2 (14 + 2 = 16) '
        "does not equal item 3 plus item 4 (14 + 3 = 17), a difference of 1; most likely wrong: row "
        '"4. carried over to next year", column "natural persons", the table has 3, the identities want 2')
    for f in identity:
        assert f.repairs == [[{"row": "r4_carry_out", "column": "np", "actual": 3, "expected": 2}]]
        # The finding points at the cell to change (Word's 28th row, 4th cell), not at （七）总计.
        assert (f.where.get("row"), f.where.get("col")) == (28, 4)


@pytest.mark.parametrize("suffix", ["docx", "pdf", "html"])
def test_the_filled_template_printed_to_pdf_and_saved_as_html_says_the_same(suffix):
    # LibreOffice's PDF puts 「四、结转下年度继续办理」 alone on page 3, as a line of text under the
    # grid of page 2: the row is still read (tables.build._continued_rows).
    result = lint_file(str(FILLED.with_suffix(f".{suffix}")), Settings())
    identity = [f for f in result.findings if f.finding_kind == "table-identity"]
    assert [f.rule for f in identity] == ["DL301", "DL302"]
    assert "第一项加第二项之和（14＋2＝16）不等于第三项加第四项之和（14＋3＝17），相差1" in identity[0].message
    for f in identity:
        assert f.repairs == [[{"row": "r4_carry_out", "column": "np", "actual": 3, "expected": 2}]]
        assert f.message.endswith("；最可能出错：『四、结转下年度继续办理』行『自然人』列，表中为3，按勾稽关系应为2")


def test_equally_small_repairs_are_all_listed():
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    base = lint_source(source, Settings(select=("DL30",)))
    cell = base.document.tables["appeals"].cell("cases", "rev_maintain")
    mutated = copy.deepcopy(source)
    grid = next(g for g in mutated.grids if any("结果维持" in (c or "") for row in g.rows for c in row))
    grid.rows[cell.where["row"] - 1][cell.where["col"] - 1] = str(cell.value + 1)
    finding = next(f for f in lint_source(mutated, Settings(select=("DL30",))).findings if f.rule == "DL305")
    options = [(o[0]["column"], o[0]["expected"]) for o in finding.repairs]
    # 结果维持 2 (was 1), 结果纠正 1: lowering either, or raising 总计 to 3, balances; 其他结果 and
    # 尚未审结 are 0 and cannot go lower.
    assert sorted(options) == sorted([("rev_maintain", 1), ("rev_correct", 0), ("rev_total", 3)])
    assert "无法确定是哪一格出错，以下3处任改一处都能使各勾稽关系成立" in finding.message
    assert "『行政复议·结果维持』列，表中为2，按勾稽关系应为1" in finding.message


def test_the_json_output_carries_the_repair_additively():
    import json

    import jsonschema
    from click.testing import CliRunner

    from disclint.cli import main
    from tests.spine.test_json_contract import SCHEMA

    out = json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(FILLED)]).output)
    jsonschema.validate(out, SCHEMA)
    balance = next(f for f in out["files"][0]["findings"] if f["rule"] == "DL301")
    assert balance["repairs"] == [[{"row": "r4_carry_out", "column": "np", "actual": 3, "expected": 2}]]
    assert (balance["row"], balance["table_column"], balance["expected"], balance["actual"]) == ("r3_7_total", "np", 16, 17)
    assert all("repairs" not in f for f in out["files"][0]["findings"] if f["kind"] != "table-identity")
