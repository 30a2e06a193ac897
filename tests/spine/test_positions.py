"""Positions a reader can find (issue 13): Word has no line numbers, PDF has pages, HTML has tables
and rows; a missing section points at the sentence that really treats its subject, or nowhere."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from disclint.cli import main
from disclint.engine.run import lint_file
from disclint.settings import Settings
from tests.conftest import CORPUS

FILLED = Path(__file__).resolve().parent.parent / "tables" / "fixtures" / "filled-template.docx"


def _check(*args: str) -> list[str]:
    out = CliRunner().invoke(main, ["check", *args]).output
    return [line for line in out.splitlines() if not line.startswith("    ")]


def test_a_word_finding_is_placed_by_table_row_and_column_or_by_its_paragraph():
    lines = _check(str(FILLED))
    assert lines[0].startswith(f"{FILLED}:第2个表格（「收到和处理政府信息公开申请情况」表）『四、结转下年度继续办理』行"
                               "『自然人』列: DL301 错误 ")
    assert lines[2].startswith(f"{FILLED}:「五、存在的主要问题及改进情况」一段: DL441 警告 ")
    assert lines[-1] == "共 1 个文件：错误 2，警告 1，提示 0"
    english = _check("--lang", "en", str(FILLED))
    assert english[0].startswith(f'{FILLED}:table 2 ("applications received and handled"), row "4. carried over '
                                 'to next year", column "natural persons": DL301 error ')


def test_pdf_by_page_and_the_table_cell():
    pdf = FILLED.with_suffix(".pdf")
    assert _check(str(pdf))[0].startswith(f"{pdf}:第3页「收到和处理政府信息公开申请情况」表『四、结转下年度继续办理』行"
                                          "『自然人』列: DL301 错误 ")


def test_pdf_by_page_html_by_paragraph_text_by_line():
    pdf = _check(str(CORPUS / "docs/peers/洪泽区2023.pdf"))
    assert pdf[0].startswith(f"{CORPUS / 'docs/peers/洪泽区2023.pdf'}:第4页「收到和处理政府信息公开申请情况」表: DL220 错误 ")
    html = _check(str(CORPUS / "docs/pingtan/018.html"))
    assert html[0].startswith(f"{CORPUS / 'docs/pingtan/018.html'}:「五、存在的主要问题及改进情况」一段: DL441 警告 ")
    text = _check(str(CORPUS / "docs/pingtan/063.txt"))
    assert text[0].startswith(f"{CORPUS / 'docs/pingtan/063.txt'}:10:")


def test_a_missing_section_never_points_at_a_list_of_section_names():
    # pingtan/063's introduction lists the parts (…其他需要报告的事项); nothing else treats that one.
    messages = [f.message for f in lint_file(str(CORPUS / "docs/pingtan/063.txt"), Settings()).findings
                if f.finding_kind == "missing-section"]
    assert "缺少「其他需要报告的事项」部分（第三十二条规定的年报内容）" in messages
    assert ("缺少「因政府信息公开申请行政复议、提起行政诉讼的情况」部分（第三十二条规定的年报内容）；相关内容见"
            "「三、政府信息依申请公开工作情况」下「2012年度，我局没有收到信息公开申…」一句，应单列成节") in messages


def test_the_chinese_text_output_has_no_english_position_or_severity_words():
    from disclint.readers import read_path
    from tests.spine.test_message_words import problems

    structured = [p for p in sorted((CORPUS / "docs").rglob("*")) if p.suffix in (".docx", ".pdf", ".html")]
    for path in structured + [FILLED]:
        text = read_path(str(path)).text
        for line in _check(str(path))[:-1]:
            rest = line[len(str(path)) + 1:]
            assert problems(rest, "zh", text) == [], line


@pytest.mark.parametrize("name", ["jiangxi/huichang-157a95c3.txt", "jiangxi/hukou-4743388.txt",
                                  "yunnan/dlweishan-54ed651c.txt"])
def test_a_sentence_announcing_the_parts_is_not_where_a_subject_is_discussed(name):
    # 全文包括总体情况,公开的内容、存在的主要问题改进措施四个部分 / 本报告主要包括:总体情况;…;
    path = CORPUS.parent / "wide" / "docs" / name
    messages = [f.message for f in lint_file(str(path), Settings()).findings if f.finding_kind == "missing-section"]
    assert messages and not [m for m in messages if "全文包括" in m or "本报告主要包括" in m or "根据《" in m
                             or "的情况;」一句" in m]
