"""PDF reader on the three real peer reports, and on encrypted, scanned and damaged files."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from tests.readers._reader_builders import encrypted_pdf, fixture, scanned_pdf
from disclint.readers import ReadError, read_bytes
from disclint.readers.base import render_grid_row

PDFS = {"hongze_2023.pdf": 5, "hongze_2024.pdf": 5, "huaian_2024.pdf": 6}
SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


@lru_cache(maxsize=None)
def read(name: str):
    return read_bytes(name, fixture(name))


def find_grid(source, first_cell: str):
    for grid in source.grids:
        if any(row[0] == first_cell for row in grid.rows):
            return grid
    raise AssertionError(f"no grid with a row starting {first_cell}")


def row_of(grid, label: str, column: int = 0):
    return next(row for row in grid.rows if row[column] == label)


@pytest.mark.parametrize("name", PDFS)
def test_pages_sections_and_no_page_numbers(name):
    source = read(name)
    lines = source.text.split("\n")
    assert {loc["page"] for loc in source.locations.values()} == set(range(1, PDFS[name] + 1))
    assert not [line for line in lines if re.fullmatch(r"[-—\s]*[0-9]+[-—\s]*", line)]
    for heading in SECTIONS:
        assert heading in lines
    assert re.fullmatch(r"20[0-9]{2}年政府信息公开工作年度报告", lines[1])  # no "2023 年" gap-space


@pytest.mark.parametrize("name", PDFS)
def test_three_tables_as_grids(name):
    source = read(name)
    assert len(source.grids) == 3
    proactive, requests, appeals = source.grids
    assert proactive.rows[0][0] == "第二十条第（一）项"
    assert [row[0] for row in proactive.rows if row[0] and row[0].startswith("第二十条")] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    new = row_of(requests, "一、本年新收政府信息公开申请数量")
    numbers = [c for c in new if c and re.fullmatch(r"[0-9]+", c)]
    assert len(numbers) == 7 and int(numbers[-1]) == sum(map(int, numbers[:-1]))
    assert row_of(requests, "四、结转下年度继续办理")  # the last row, on the page after the cut
    assert appeals.rows[0][0] == "行政复议" and len(appeals.rows[0]) == 15
    for grid in source.grids:
        lines = source.text.split("\n")[grid.first_line - 1:grid.first_line - 1 + len(grid.rows)]
        assert lines == [render_grid_row(r) for r in grid.rows]


def test_hongze_2023_appeals_numbers_as_published():
    # The published table itself does not add up (行政复议 10+1+0+0 with 总计 0; 复议后起诉 5 with 总计 0).
    appeals = read("hongze_2023.pdf").grids[2]
    assert appeals.rows[-1] == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]
    assert appeals.rows[1][:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def test_hongze_2023_requests_table_joined_across_pages():
    source = read("hongze_2023.pdf")
    requests = find_grid(source, "一、本年新收政府信息公开申请数量")
    labels = [row[2] for row in requests.rows]
    # The row whose bottom border the page break cut off, and the first row of page 4.
    assert row_of(requests, "2.没有现成信息需要另行制作", 2)[3:] == ["3", "0", "0", "0", "0", "0", "3"]
    assert labels.index("3.补正后申请内容仍不明确") == labels.index("2.没有现成信息需要另行制作") + 1
    assert row_of(requests, "三、本年度办理结果")[1] == "（一）予以公开"  # label of a ruling-less cell
    pages = {source.locations[requests.first_line + i]["page"] for i in range(len(requests.rows))}
    assert pages == {3, 4}
    proactive = source.grids[0]
    assert row_of(proactive, "信息内容", 0) and [r[0] for r in proactive.rows].count("信息内容") == 4


def test_huaian_label_cut_by_the_page_break_is_mended():
    requests = find_grid(read("huaian_2024.pdf"), "一、本年新收政府信息公开申请数量")
    unavailable = row_of(requests, "（四）无法提供", 1)
    assert unavailable[2:] == ["1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"]
    following = requests.rows[requests.rows.index(unavailable) + 1]
    assert following[:3] == [None, None, "2.没有现成信息需要另行制作"]
    # 第二十条 table: the page-4 part has two columns, laid back on the four of page 3
    proactive = read("huaian_2024.pdf").grids[0]
    assert row_of(proactive, "行政处罚") == ["行政处罚", "3985758", None, None]


def test_hongze_2024_section_label_is_not_glued_to_the_row_above():
    proactive = read("hongze_2024.pdf").grids[0]
    assert row_of(proactive, "行政许可")[:2] == ["行政许可", "9487"]
    assert row_of(proactive, "第二十条第（六）项")


def test_paragraphs_are_joined_across_lines_and_pages():
    lines = read("hongze_2023.pdf").text.split("\n")
    joined = [line for line in lines if line.startswith("加强区政府门户网站")][0]
    assert "严格执行“分级审核、先审后发”程序" in joined  # wrapped from page 1 to page 2
    assert "hzzwgk@126.com" in read("hongze_2023.pdf").text


def test_encrypted_pdf():
    import pdfplumber
    import io

    data = encrypted_pdf()
    with pdfplumber.open(io.BytesIO(data), password="secret") as pdf:  # the fixture is sound
        assert "Government information" in pdf.pages[0].extract_text()
    with pytest.raises(ReadError) as err:
        read_bytes("report.pdf", data)
    assert err.value.reason == "encrypted"


def test_scanned_pdf_without_text_layer():
    with pytest.raises(ReadError) as err:
        read_bytes("report.pdf", scanned_pdf())
    assert err.value.reason == "no-text"


@pytest.mark.parametrize("data", [fixture("hongze_2023.pdf")[:5000], b"%PDF-1.4\ngarbage\n", fixture("seed_001.txt")])
def test_damaged_pdf(data):
    with pytest.raises(ReadError) as err:
        read_bytes("report.pdf", data)
    assert err.value.reason == "format"
