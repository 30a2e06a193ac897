"""The shared helpers of the content kinds, on real fragments (the report each comes from is named)."""
from __future__ import annotations

from datetime import date

import pytest

import disclint
from disclint.content.body_type import classify
from disclint.content.dates import signature_date, split_date_digits
from disclint.content.flat import flatten
from disclint.content.numbers import number_value
from disclint.content.prose_sum import find_breakdowns, read_items
from disclint.engine.linter import linter_for
from disclint.readers.base import Source
from disclint.settings import Settings


def _doc(text: str):
    return linter_for(Settings()).analyse(Source(path="<t>", text=text, format="text", encoding="utf-8"), Settings())


@pytest.mark.parametrize("year, digits, readings", [
    (2020, "11", [date(2020, 1, 1)]),  # seed 001: 202011日
    (2020, "1231", [date(2020, 12, 31)]),  # seed 001: 20201231日
    (2017, "616", [date(2017, 6, 16)]),  # seed 004: 2017616日印发
    (2021, "926", [date(2021, 9, 26)]),  # regulation.md §8.3: 2021926
    (2020, "112", [date(2020, 1, 12), date(2020, 11, 2)]),  # two calendar readings, both given
    (2020, "1332", []),  # no month 13, no day 332
])
def test_lost_date_glyphs_are_read_every_calendar_way(year, digits, readings):
    assert split_date_digits(year, digits) == readings


@pytest.mark.parametrize("name, kind", [
    ("平潭县人民政府", "government"),
    ("淮安市洪泽区人民政府", "government"),
    ("平潭综合实验区", "government"),  # a region's own report: pingtan/018
    ("平潭综合实验区公安局", "department"),
    ("相山区外资办", "department"),
    ("红花尔基镇人民政府", "township"),
    ("兴华乡", "township"),
    ("平城区文瀛湖街道", "subdistrict"),
    ("平潭综合实验区管委会", "other"),
    ("政府", None),
])
def test_body_type_from_the_name(name, kind):
    assert classify(name) == kind


def test_flat_view_keeps_offsets_across_line_breaks():
    text = "区政府办代表区政府受理政府信息公开申请 1\n7 件"
    flat = flatten(text)
    i = flat.text.index("17件")
    start, end = flat.span(i, i + 3)
    assert flat.text.endswith("申请17件")
    assert text[start:end] == "1\n7 件"


@pytest.mark.parametrize("token, value", [("17", 17), ("1,873", 1873), ("一", 1), ("十二", 12), ("两", 2), ("零", 0),
                                          ("4166.24", 4166.24)])
def test_prose_numbers(token, value):
    assert number_value(token) == value


def test_signature_date_before_the_appended_table():
    # pingtan/053: the 统计表 follows the signature in the page text
    doc = _doc("平潭综合实验区农村发展局2016年政府信息公开工作年度报告\n一、概述\n二、政府信息主动公开情况\n"
               "三、政府信息依申请公开办理情况\n六、政府信息公开存在的问题及改进措施\n"
               "（一）工作中存在的主要问题和困难一是部分处室（单位）对开展政府信息公开工作重要性的认识不足，"
               "对信息主动公开的意识不够。二是政府信息公开内容还不够全面，公开领域有待延伸。\n"
               "平潭综合实验区农村发展局 2017年1月16日附件 平潭综合实验区农村发展局 2016年政府信息公开情况统计表"
               "指 标 名 称单位2016年历年累计主动公开文件数条740")
    signed = signature_date(doc)
    assert signed and signed.iso == "2017-01-16" and signed.kind == "signed"


def test_signature_in_chinese_numerals():
    # pingtan/004
    doc = _doc("平潭综合实验区2012年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开\n"
               "为群众提供便捷服务。 二○一三年一月二十日 平潭综合实验区政府信息公开情况统计表")
    assert signature_date(doc).iso == "2013-01-20"


def test_a_date_starting_a_sentence_is_not_a_signature():
    doc = _doc("平潭综合实验区2012年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n"
               "2012年1月1日起，我区开通了政府信息公开网站。")
    assert signature_date(doc) is None


def test_items_with_shares_run_across_full_stops():
    # pingtan/004
    text = "其中，区直、县直各单位主动公开政府信息1397条，占73%。各乡镇主动公开政府信息534条，占27%。（二）主动公开"
    items = read_items(text, 3)
    assert [(i.value, i.pct) for i in items] == [(1397, 73.0), (534, 27.0)]


def test_items_without_shares_stop_at_a_full_stop_and_after_other():
    # pingtan/052
    text = "行政许可类信息20条，其他应主动公开政府信息14条，依申请公开信息1144条。"
    assert [i.value for i in read_items(text, 0)] == [20, 14]


def test_a_list_of_notable_kinds_need_not_add_up():
    # pingtan/004: 3636 items, of which a few kinds are named
    text = flatten("今年以来，通过“中国平潭网”门户网站公开政府信息3636条，其中涉及财政预算决算、“三公”经费和行政经费公开信息9条；"
                   "保障性住房信息7条；食品安全信息1条；环境保护信息3条。")
    (breakdown,) = find_breakdowns(text, [r"公开政府信息(?P<n>NUMBER)条"], [])
    assert breakdown.sum == 20 and not breakdown.complete


def test_lint_text_sees_the_content_rules():
    result = disclint.lint_text("平潭县人民政府2013年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开\n"
                                "本报告所列数据的统计期限自至。本报告的电子版可在“平潭综合实验区管委会门户网站”下载。",
                                Settings(select=("DL430",)))
    assert [f.rule for f in result.findings] == ["DL430"]
    assert "自2013年1月1日起至2013年12月31日止" in result.findings[0].message
