"""The content rules (DL4xx) over the labelled real reports in tests/corpus: exactly these findings.

Each expected finding is a real defect: the ones the reviewers' `defects` name, plus those they left
out but the text plainly shows (marked "not in the labels", with the evidence). Every other report
must get none — the silence is as much the point as the findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclint.engine.linter import linter_for
from disclint.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SETTINGS = Settings(select=("DL4",))

EXPECTED: dict[str, list[str]] = {
    "docs/seeds/001_174315c6c8a13a1e.txt": ["DL430", "DL430",  # 自202011日起至20201231日止
                                            "DL441"],  # a 镇人民政府 report without 社会评议 (not in the labels)
    "docs/seeds/002_9390944cf81794a8.txt": ["DL451"],  # 解读发布信息112条 = 92+12+3 = 107 (not in the labels)
    "docs/seeds/003_9e41aa4172b10319.txt": ["DL402"],  # signed 2017年12月27日
    "docs/old/010.txt": ["DL402"],  # signed 2018年12月31日
    "docs/old/011.txt": ["DL410"],  # 公开日期 2015-07-27 for 2013 (warning: a page field)
    "docs/old/012.txt": ["DL410"],  # 发布时间 2016-02-20 for 2013
    "docs/old/015.txt": ["DL410"],  # 公開日期 2015-07-27 for 2009 (warning)
    "docs/old/017.txt": ["DL430"],  # 截止20101231日
    "docs/new/010.txt": ["DL440"],  # 六 says only 无其他需要报告的事项: no 信息处理费 statement
    "docs/peers/洪泽区2023.pdf": ["DL441"],
    "docs/peers/洪泽区2024.pdf": ["DL450",  # 区政府办代表区政府受理…17件 vs 95 (warning)
                                 "DL441"],
    "docs/peers/淮安市2024.pdf": ["DL441"],
    "docs/peers/政务公开年报模版.docx": ["DL420", "DL420", "DL420", "DL440"],  # the blank template
    "docs/pingtan/001.html": ["DL451"],  # 148+…+63 = 421 ≠ 425
    "docs/pingtan/002.txt": ["DL410",  # 发布时间 2012-04-18 for 2011 (not in the labels)
                             "DL451"],  # the same 421 ≠ 425 as 001, which it copies
    "docs/pingtan/003.txt": ["DL451",  # 2026+46+1854 = 3926 ≠ 3978 (not in the labels)
                             "DL451"],  # 县直2475 + 乡镇1503 = 3978 ≠ 主动公开 2026
    "docs/pingtan/004.txt": ["DL451"],  # 1397+534 = 1931 ≠ 1913
    "docs/pingtan/005.txt": ["DL430"],  # 统计期限自至。
    "docs/pingtan/009.txt": ["DL451"],  # 594+…+946 = 2641 ≠ 2543
    "docs/pingtan/011.txt": ["DL403"],  # 2016年，我们将采取以下措施 in the 2016 report
    "docs/pingtan/018.html": ["DL441"],
    "docs/pingtan/019.html": ["DL441"],
    "docs/pingtan/020.html": ["DL441"],
    "docs/pingtan/028.txt": ["DL410"],  # 发布时间 2010-05-12, signed 二○一○年四月十日, for 2009 (not in the labels)
    "docs/pingtan/029.txt": ["DL402"],  # published 2014-12-25 on the 2014 report
    "docs/pingtan/033.txt": ["DL410"],  # 发布时间 2012-05-15 for 2011 (not in the labels)
    # pingtan/036 is the 管委会办公室's own report (title and label), a department: DL441, which asks
    # people's governments for 考核/评议/追究, no longer fires from the page's publisher field (…人民政府).
    "docs/pingtan/039.txt": ["DL402"],  # signed 2017年1月8日 on the 2017 report
    "docs/pingtan/041.txt": ["DL451"],  # 17+1+308+8+19 = 353 ≠ 364
    "docs/pingtan/046.txt": ["DL410"],  # 发布时间 2010-05-12 for 2009 (not in the labels)
    "docs/pingtan/048.txt": ["DL402"],  # signed 2015年12月4日
    "docs/pingtan/051.txt": ["DL401"],  # 统计期限为2019年9月1日至2019年12月31日
    "docs/pingtan/053.txt": ["DL451"],  # 12+7+10+29+12+1+2 = 73 ≠ 74
    "docs/pingtan/066.txt": ["DL451"],  # 25+4+6 = 35 ≠ 37
    "docs/pingtan/068.txt": ["DL451",  # 380+319 = 699 ≠ 607
                             "DL450", "DL450"],  # 收到…申请4件 and 办结3件 above an all-zero table
}


def _reports() -> list[str]:
    with open(CORPUS / "labels.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["file"] for line in fh if line.strip()]


@pytest.mark.parametrize("name", _reports())
def test_content_findings_on_real_reports(name):
    result = linter_for(SETTINGS).lint_path(str(CORPUS / name), SETTINGS)
    assert result.error is None, result.error
    got = sorted(f.rule for f in result.findings)
    assert got == sorted(EXPECTED.get(name, [])), [f"{f.rule} {f.line}: {f.message}" for f in result.findings]


def test_scope_difference_is_a_warning_naming_both_figures():
    result = linter_for(SETTINGS).lint_path(str(CORPUS / "docs/peers/洪泽区2024.pdf"), SETTINGS)
    (finding,) = [f for f in result.findings if f.rule == "DL450"]
    assert finding.severity.value == "warning"
    assert "17" in finding.message and "95" in finding.message
    assert (finding.expected, finding.actual) == (95, 17)


def test_plain_contradiction_is_an_error():
    result = linter_for(SETTINGS).lint_path(str(CORPUS / "docs/pingtan/068.txt"), SETTINGS)
    found = sorted((f.row, f.expected, f.actual, f.severity.value) for f in result.findings if f.rule == "DL450")
    assert found == [("r1_new", 0, 4, "error"), ("r3_7_total", 0, 3, "error")]
