"""text-table-mismatch against a small stand-in table (the contract of disclint.tables: `cell(row,
column)` → an object with `value` and `start`), on real sentences; qualifier cases are mutations of
real sentences, marked as such."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from disclint.engine.loader import load_rules
from disclint.engine.linter import linter_for
from disclint.kinds import text_table_mismatch
from disclint.readers.base import Source
from disclint.settings import Settings

RULE = next(r for r in load_rules() if r.code == "DL450")
HEAD = "平潭综合实验区综合执法与应急管理局2024年政府信息公开工作年度报告\n一、总体情况\n"
TAIL = "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"


@dataclass
class StandInCell:
    value: int | None
    start: int | None = None


class StandInTable:
    def __init__(self, cells: dict[tuple[str, str], int]):
        self.cells = {k: StandInCell(v) for k, v in cells.items()}

    def cell(self, row: str, column: str):
        return self.cells.get((row, column))


def _findings(sentence: str, **cells):
    doc = linter_for(Settings()).analyse(Source(path="<t>", text=HEAD + sentence + TAIL, format="text", encoding="utf-8"),
                                         Settings())
    tables: dict = {}
    for key, value in cells.items():
        table, row, column = key.split("__")
        tables.setdefault(table, {})[(row, column)] = value
    doc.tables = {t: StandInTable(c) for t, c in tables.items()}
    return list(text_table_mismatch.check(doc, RULE))


SENTENCE_068 = "2024年度，我局共收到政府信息公开申请4件，受理并办结3件，1件属于“本机关不掌握相关政府信息”，故不予受理。"


def test_agreeing_prose_is_silent():
    assert _findings(SENTENCE_068, requests__r1_new__total=4, requests__r3_7_total__total=3) == []


def test_every_contradicting_figure_is_reported():
    found = _findings(SENTENCE_068, requests__r1_new__total=0, requests__r3_7_total__total=0)
    assert [(f.row, f.expected, f.actual, f.severity.value) for f in found] == [
        ("r1_new", 0, 4, "error"), ("r3_7_total", 0, 3, "error")]


def test_every_occurrence_not_only_the_first():
    twice = SENTENCE_068 + "全年共收到政府信息公开申请4件。"  # pingtan/068 and pingtan/076's wording
    assert len(_findings(twice, requests__r1_new__total=1)) == 2


def test_line_breaks_inside_the_phrase_and_number():
    broken = "2024年度，我局共收到政府信息\n公开申请\n4 件，受理并办结3件。"  # pingtan/068 wrapped as a PDF would
    (finding,) = _findings(broken, requests__r1_new__total=0)
    assert finding.actual == 4


def test_scope_difference_is_a_warning_with_both_figures():
    # peers/洪泽区2024.pdf
    sentence = "2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。"
    (finding,) = _findings(sentence, requests__r1_new__total=95)
    assert finding.severity.value == "warning" and "17" in finding.message and "95" in finding.message


def test_figures_inside_a_qualified_total_match_their_own_cells():
    # peers/淮安市2024.pdf: the handled total includes last year's carry-over, as the table's does
    sentence = "2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复），均在法定期限内予以答复。"
    assert _findings(sentence, requests__r1_new__total=3119, requests__r3_7_total__total=3050,
                     requests__r2_carry_in__total=34) == []


@pytest.mark.parametrize("sentence", [
    "2024年度，我局累计收到政府信息公开申请4件。",  # 累计: pingtan/068 mutated
    "2024年度，其中我局收到政府信息公开申请4件。",  # 其中: a part, not the total
    "2023年度，我局共收到政府信息公开申请4件。",  # the year before: a comparison
    "2024年度，我局共收到政府信息公开申请4件，同比增长100%。",  # 同比 in the clause after: still the year's figure
])
def test_qualified_statements(sentence):
    found = _findings(sentence, requests__r1_new__total=0)
    if "同比" in sentence:
        assert len(found) == 1  # the qualifier follows the figure's clause: the figure is still this year's
    else:
        assert found == []


def test_zero_stated_in_words():
    # pingtan/041
    sentence = "共收到政府信息公开申请4件，已办理完结，未收到因政府信息公开提出的行政复议、行政诉讼的申请。"
    found = _findings(sentence, appeals__cases__rev_total=1, appeals__cases__direct_total=0,
                      appeals__cases__after_total=0, requests__r1_new__total=4)
    assert [(f.table_column, f.expected, f.actual) for f in found] == [("rev_total", 1, 0)]


def test_no_table_no_finding():
    assert _findings(SENTENCE_068) == []
