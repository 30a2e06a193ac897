"""HTML reader on the real 平潭 pages (site chrome, real <table>s) and on hostile pages."""
from __future__ import annotations

import re

import pytest

from tests.readers._reader_builders import fixture
from disclint.readers import ReadError, read_bytes
from disclint.readers.base import render_grid_row

SECTIONS_2021 = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                 "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
CHROME = ["扫一扫", "网站地图", "分享到", "微信", "版权所有", "当前位置", "无障碍", "附件下载", "闽ICP备"]


def read(name: str, data: bytes | None = None):
    return read_bytes(name, fixture(name) if data is None else data)


def lines_of(source) -> list[str]:
    return source.text.split("\n")


def grid_row(source, label: str) -> list[str | None]:
    for grid in source.grids:
        for row in grid.rows:
            if row and row[0] == label:
                return row
    raise AssertionError(f"no grid row starts with {label}")


@pytest.mark.parametrize("name,year", [("pingtan_018.html", 2023), ("pingtan_019.html", 2024),
                                       ("pingtan_020.html", 2025)])
def test_2021_pages_give_the_article_with_title_sections_and_tables(name, year):
    source = read(name)
    lines = lines_of(source)
    assert lines[0] == f"平潭综合实验区{year}年度政府信息公开工作年度报告"
    for heading in SECTIONS_2021:
        assert any(line.strip() == heading for line in lines), heading
    for chrome in CHROME:
        assert chrome not in source.text, chrome
    assert source.format == "html" and source.encoding == "utf-8"
    assert len(source.grids) == 3
    new = grid_row(source, "一、本年新收政府信息公开申请数量")
    numbers = [c for c in new if c and re.fullmatch(r"[0-9]+", c)]
    assert len(numbers) == 7
    assert int(numbers[-1]) == sum(map(int, numbers[:-1]))  # 总计 = 自然人 + five 法人 columns
    assert any(row[0] == "第二十条第（一）项" for row in source.grids[0].rows)
    assert source.grids[2].rows[0][0] == "行政复议"


def test_grid_lines_are_where_the_text_says():
    source = read("pingtan_019.html")
    lines = lines_of(source)
    for grid in source.grids:
        for i, row in enumerate(grid.rows):
            assert lines[grid.first_line - 1 + i] == render_grid_row(row)
        assert all(len(row) == len(grid.rows[0]) for row in grid.rows)
        assert source.locations[grid.first_line] == {"table": grid.where["table"], "row": 1}


def test_spans_and_line_breaks_inside_cells():
    grid = read("pingtan_019.html").grids[1]
    assert grid.rows[0][:4] == ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", None, None, "申请人情况"]
    assert grid.rows[1][3:5] == ["自然人", "法人或其他组织"]
    assert grid.rows[2][4] == "商业\n企业"  # 商业<br/>企业 stays a line break inside the cell
    three = [row for row in grid.rows if row[0] and row[0].startswith("三、")][0]
    assert three[0].replace("\n", "") == "三、本年度办理结果"
    following = grid.rows[grid.rows.index(three) + 1]
    assert following[0] is None  # covered by the rowspan


def test_2011_page_with_word_markup_and_a_statistics_table():
    source = read("pingtan_001.html")
    lines = lines_of(source)
    assert lines[0] == "平潭综合实验区2011年政府信息公开工作年度报告"
    assert "二、主动公开政府信息情况" in lines
    assert grid_row(source, "主动公开信息数")[2:] == ["425", "1516"]
    for chrome in CHROME:
        assert chrome not in source.text, chrome


def test_gbk_page_declared_in_meta():
    page = fixture("pingtan_019.html").decode("utf-8").replace('<meta charset="utf-8"', '<meta charset="gbk"', 1)
    source = read("page.html", page.encode("gbk", errors="xmlcharrefreplace"))
    assert source.encoding == "gb18030"  # GBK pages are decoded with the superset
    assert "六、其他需要报告的事项" in lines_of(source)
    assert source.text == read("pingtan_019.html").text


def test_gbk_page_without_declaration_is_sniffed():
    page = re.sub(r'<meta charset="utf-8"[^>]*>', "", fixture("pingtan_018.html").decode("utf-8"))
    source = read("page.htm", page.encode("gb18030"))
    assert source.encoding == "gb18030"
    assert "一、总体情况" in lines_of(source)


def test_page_without_article():
    from lxml import etree, html

    root = html.document_fromstring(fixture("pingtan_019.html"))
    for editor in root.xpath('//div[contains(@class, "article_con")]'):
        editor.getparent().remove(editor)
    chrome_only = etree.tostring(root, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read("page.html", chrome_only)
    assert err.value.reason == "no-article"


def test_deeply_nested_page_is_refused_without_recursion_error():
    page = "<html><body>" + "<div>" * 100_000 + "本报告。" * 10 + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(ReadError) as err:
        read("page.html", page.encode())
    assert err.value.reason == "nesting"


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            "<html><body><div><p>一、总体情况</p><p>" + "本年度主动公开政府信息，共计。" * 10 + "&xxe;</p></div></body></html>")
    source = read("page.html", page.encode())
    assert "TOP-SECRET" not in source.text
    assert "一、总体情况" in lines_of(source)


def test_table_placed_after_the_article_block_is_kept():
    """A statistics table appended below the text block, outside its container (a mutation of a
    real page: 019's 复议/诉讼 table moved out of the editor div)."""
    from lxml import etree, html

    root = html.document_fromstring(fixture("pingtan_019.html"))
    editor = root.xpath('//div[contains(@class, "TRS_Editor")]')[0]
    table = editor.xpath(".//table")[-1]
    table.getparent().remove(table)
    editor.addnext(table)
    source = read("page.html", etree.tostring(root, encoding="utf-8"))
    assert len(source.grids) == 3
    assert source.grids[2].rows[0][0] == "行政复议"
    assert source.text.split("\n")[source.grids[2].first_line - 1].startswith("| 行政复议 |")
