"""DOCX reader on the official 2021 template, a Word-numbered copy of it, and hostile packages."""
from __future__ import annotations

import pytest

from tests.readers._reader_builders import (entity_bomb_docx, fixture, numbered_template, zip_bomb_docx,
                              zip_claiming_docx)
from disclint.readers import ReadError, read_bytes
from disclint.readers.base import render_grid_row
from disclint.readers.word_numbering import format_number

SECTIONS_2021 = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def read(data: bytes, name: str = "report.docx"):
    return read_bytes(name, data)


def test_template_text_sections_and_tables():
    source = read(fixture("template_2021.docx"))
    lines = source.text.split("\n")
    assert lines[0] == "政府信息公开工作年度报告格式模板"
    for heading in SECTIONS_2021:
        assert heading in lines
    assert [len(g.rows[0]) for g in source.grids] == [4, 10, 15]
    assert [len(g.rows) for g in source.grids] == [14, 28, 4]
    proactive, requests, appeals = source.grids
    assert proactive.rows[0] == ["第二十条第（一）项", None, None, None]  # gridSpan 4
    assert proactive.rows[1] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert requests.rows[3] == ["一、本年新收政府信息公开申请数量", None, None, "", "", "", "", "", "", ""]
    labels = [row[0] for row in requests.rows]
    assert "三、本年度办理结果" in labels
    start = labels.index("三、本年度办理结果")
    assert labels[start + 1] is None  # vMerge continue
    assert appeals.rows[0][0] == "行政复议" and appeals.rows[0][5] == "行政诉讼"
    for grid in source.grids:
        assert source.text.split("\n")[grid.first_line - 1] == render_grid_row(grid.rows[0])


def test_locations_name_paragraphs_and_table_rows():
    source = read(fixture("template_2021.docx"))
    lines = source.text.split("\n")
    first_heading = lines.index("一、总体情况") + 1
    assert set(source.locations[first_heading]) == {"paragraph"}
    table = source.grids[1]
    assert source.locations[table.first_line + 2] == {"table": 2, "row": 3}


def test_word_list_numbering_is_rendered():
    """The template with its 一、 and 1. taken out of the text and put into numbering.xml
    (restarted lists in the table cells, as Word makes them) reads back as the original."""
    original = read(fixture("template_2021.docx"))
    numbered = read(numbered_template())
    assert b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb" not in numbered_template()  # "一、总" is gone from the XML
    assert numbered.text == original.text
    assert [g.rows for g in numbered.grids] == [g.rows for g in original.grids]


def test_second_level_restarts_under_each_heading():
    lines = read(numbered_template(sublevel=True)).text.split("\n")
    placeholders = [line for line in lines if "文字描述" in line]
    assert placeholders == ["（一）（文字描述）", "（一）（文字描述）", "（一）（文字描述，收取信息处理费情况在此处报告。）"]
    assert "五、存在的主要问题及改进情况" in lines  # the level-1 counter went on past the sub-items


@pytest.mark.parametrize("n,fmt,expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (99, "chineseCounting", "九十九"), (105, "chineseCountingThousand", "一百零五"),
    (110, "chineseCountingThousand", "一百一十"), (11, "japaneseCounting", "十一"), (100, "japaneseCounting", "百"),
    (3, "ideographTraditional", "丙"), (2, "chineseLegalSimplified", "贰"), (12, "chineseLegalSimplified", "壹拾贰"),
    (3, "decimalEnclosedCircle", "③"), (2, "decimalEnclosedParen", "⑵"), (4, "decimalFullWidth", "４"),
    (7, "decimal", "7"), (4, "lowerRoman", "iv"), (28, "upperLetter", "BB"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_truncated_docx():
    data = fixture("template_2021.docx")
    with pytest.raises(ReadError) as err:
        read(data[: len(data) // 2])
    assert err.value.reason == "format"


def test_not_a_zip():
    with pytest.raises(ReadError) as err:
        read(fixture("seed_001.txt"))
    assert err.value.reason == "format"


def test_zip_bomb_member():
    with pytest.raises(ReadError) as err:
        read(zip_bomb_docx())
    assert err.value.reason == "bomb"


def test_zip_member_claiming_a_huge_size():
    with pytest.raises(ReadError) as err:
        read(zip_claiming_docx())
    assert err.value.reason == "bomb"


def test_xml_entity_bomb():
    with pytest.raises(ReadError) as err:
        read(entity_bomb_docx())
    assert err.value.reason == "bomb"
