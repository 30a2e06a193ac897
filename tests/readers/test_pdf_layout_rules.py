"""The PDF reader's layout rules on laid-out lines: what is a page number, a running header or footer,
and what is the report's own data that merely sits in a page margin; when a line continues the
paragraph above it."""
from __future__ import annotations

from disclint.readers.pdf import _continues_paragraph, _drop_page_furniture, _Line

HEIGHT = 800.0  # the margin zone is the top and bottom 10 %: above 80 and below 720


def line(text: str, page: int, top: float) -> _Line:
    return _Line(text=text, page=page, top=top, bottom=top + 12, x0=90, x1=500, size=12)


def body(page: int, text: str = "本年度主动公开政府信息情况如下。") -> _Line:
    return line(text, page, 400)


def kept(pages: list[list]) -> list[list[str]]:
    _drop_page_furniture(pages, {i: HEIGHT for i in range(1, len(pages) + 1)})
    return [[item.text for item in items] for items in pages]


def test_bare_numbers_counting_up_with_the_pages_are_page_numbers():
    pages = [[body(p), line(str(p), p, 760)] for p in (1, 2, 3)]
    assert kept(pages) == [["本年度主动公开政府信息情况如下。"]] * 3


def test_page_numbers_offset_from_the_page_index_are_found_by_their_shared_offset():
    # A cover page without a number: the printed numbers are the page index minus one.
    pages = [[body(1)]] + [[body(p), line(str(p - 1), p, 760)] for p in (2, 3, 4)]
    assert kept(pages) == [["本年度主动公开政府信息情况如下。"]] * 4


def test_table_cells_in_the_margin_that_do_not_count_up_are_kept():
    # A table flattened to one cell per line runs into the bottom margin: 35, 0, 0 are data.
    pages = [[body(1), line("35", 1, 730), line("0", 1, 745), line("0", 1, 760)], [body(2), line("7", 2, 760)]]
    assert kept(pages) == [["本年度主动公开政府信息情况如下。", "35", "0", "0"], ["本年度主动公开政府信息情况如下。", "7"]]


def test_decorated_page_numbers_are_dropped_on_any_page():
    pages = [[body(1), line("- 1 -", 1, 760)], [body(2), line("第 2 页 共 3 页", 2, 760)], [body(3), line("3/3", 3, 760)]]
    assert kept(pages) == [["本年度主动公开政府信息情况如下。"]] * 3


def test_a_running_header_repeated_on_most_pages_is_dropped_but_a_one_off_margin_line_is_kept():
    header = "某某县人民政府办公室 政府信息公开工作年度报告"
    pages = [[line(header, p, 30), body(p)] for p in (1, 2, 3)]
    pages[0].insert(0, line("某某县人民政府办公室2023年政府信息公开工作年度报告", 1, 10))
    assert kept(pages) == [["某某县人民政府办公室2023年政府信息公开工作年度报告", "本年度主动公开政府信息情况如下。"],
                           ["本年度主动公开政府信息情况如下。"], ["本年度主动公开政府信息情况如下。"]]


def test_lines_outside_the_margins_are_never_page_furniture():
    pages = [[line("1", 1, 400), body(1)], [line("2", 2, 400), body(2)]]
    assert kept(pages) == [["1", "本年度主动公开政府信息情况如下。"], ["2", "本年度主动公开政府信息情况如下。"]]


# --- paragraphs: body text from x=90 to x=500 in 12 pt --------------------------------------------

def at(text: str, top: float, x0: float = 90, x1: float = 500) -> _Line:
    return _Line(text=text, page=1, top=top, bottom=top + 12, x0=x0, x1=x1, size=12)


def test_a_full_line_continues_into_the_next():
    assert _continues_paragraph(at("本年度共收到政府信息公开申请", 100), at("35件，均已按期答复。", 114, x1=220), 90, 500)


def test_a_short_line_an_indented_line_or_a_gap_ends_the_paragraph():
    assert not _continues_paragraph(at("均已按期答复。", 100, x1=200), at("本年度", 114), 90, 500)
    assert not _continues_paragraph(at("本年度共收到政府信息公开申请", 100), at("二是", 114, x0=114), 90, 500)
    assert not _continues_paragraph(at("本年度共收到政府信息公开申请", 100), at("35件", 140), 90, 500)


def test_a_numbered_heading_after_a_sentence_that_filled_its_line_is_a_new_block():
    # Seed 003 printed to PDF: "…不够便捷和及时的问题。" ends one character short of the margin.
    full = at("群众获知公开信息不够便捷和及时的问题。", 100, x1=490)
    assert not _continues_paragraph(full, at("四、下一步工作安排", 114, x1=200), 90, 500)
    assert not _continues_paragraph(full, at("（一）加强组织领导", 114, x1=200), 90, 500)
    # …but a figure that wraps to the start of a line stays in its sentence.
    assert _continues_paragraph(at("本年度主动公开政府信息", 100, x1=490), at("1.5万条。", 114, x1=160), 90, 500)
