"""Page furniture set aside and metadata read for its values, on lines copied from real pages
(issue 14's examples; the pages' URLs beside each case)."""
from __future__ import annotations

import pytest

from disclint.content.body_name import is_body_name
from disclint.content.body_type import classify
from disclint.furniture import is_furniture, read_metadata, strip_furniture


@pytest.mark.parametrize("line, kept", [
    # issue 14: furniture glued to the title's body name
    ("登录注册无障碍浏览兴华乡2023年政府信息公开工作年度报告", "兴华乡2023年政府信息公开工作年度报告"),
    ("您的位置:首页>相山区投资促进局信息公开年报相山区外资办2023年政府信息公开工作年度报告",
     "相山区外资办2023年政府信息公开工作年度报告"),
    ("首页/信息公开/年度报告/正文张家湾镇2024年政府信息公开工作年度报告", "张家湾镇2024年政府信息公开工作年度报告"),
    # pingtan/004 (../shared/corpus): the title and its 来源/时间 fields on the breadcrumb's line
    ("当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2012年政府信息公开工作年度报告 来源：平潭综合实验区管委会 时间：2013-02-25 00:00",
     "平潭综合实验区2012年政府信息公开工作年度报告"),
    # http://www.nanxian.gov.cn/jc_nx/187/195/content_16189.html: a path that ends in a column
    ("当前位置: 首页 > 公开领域 > 城乡规划", ""),
    # https://www.xinyang.gov.cn (wide corpus henan/xinyang-2952546): the path's own last step
    ("首页 > 政务公开 > 政府信息公开年报 > 2013年政府信息公开年度报告", ""),
    ("> 政务公开 > 部门公开 > 商务局 > 公开年报", ""),  # http://www.yw.gov.cn/art/2024/1/23/art_1229134035_4130999.html
    ("【打印】【关闭】", ""),
    ("广元市商务局2023年政府信息公开工作年度报告", "广元市商务局2023年政府信息公开工作年度报告"),
])
def test_furniture_taken_off_a_line(line, kept):
    assert strip_furniture(line) == kept


@pytest.mark.parametrize("line", [
    "字号：大 中 小", "站群导航｜加入收藏", "时间: 作者: 点击数:", "2019年12月3日星期二", "【字号:",
    "选择阅读字号:[ 大 中 小 ]", "政府信息公开", "网站标识码:3204000106 苏ICP备05003616号",
])
def test_whole_lines_of_furniture(line):
    assert strip_furniture(line) == "" or is_furniture(line)


def test_metadata_fields_several_to_a_line():
    # http://www.cngy.gov.cn/govop/show/20240112101138-33430-00-000.html
    meta = read_metadata(["索 引 号 008453514/2024-08 公文种类 其他 发布机构 市商务局",
                          "发布日期 2024-01-16 主题词 政府信息公开工作年度报告",
                          "广元市商务局2023年政府信息公开工作年度报告"])
    assert meta.publisher == "市商务局"
    assert meta.dates == ["2024-01-16"]
    assert meta.lines == {0, 1}


def test_metadata_values_on_the_next_line():
    # http://www.yw.gov.cn/art/2024/1/23/art_1229134035_4130999.html
    lines = ["  • 信息名称:", "", "    商务局2023年政府信息公开工作年度报告", "", "  • 发布机构:", "", "    商务局",
             "  • 成文日期:", "", "    2024-01-23"]
    meta = read_metadata(lines)
    assert (meta.title, meta.publisher, meta.dates) == ("商务局2023年政府信息公开工作年度报告", "商务局", ["2024-01-23"])


def test_an_empty_last_field_does_not_take_the_title():
    # https://www.jingjiang.gov.cn (wide corpus jiangsu/jingjiang-ce9f62ac): 「文号 时效」 then the title
    lines = ["索引号 014437529/2025-00007 主题分类", "发布单位 靖江市政府办 发文日期 2025-01-17", "文号 时效", "",
             "城南办事处、城南园区2024年政府信息公开工作年度报告"]
    meta = read_metadata(lines)
    assert meta.title is None and 4 not in meta.lines


def test_spaced_labels_in_a_table_row():
    # wide corpus xizang/facepainter-404543: 「標(biāo) 題 | …」, its glosses folded to spaces
    meta = read_metadata(["标       题 | 西藏自治区    人民政府办公厅2023年政府信息公开     工作年度报     告 | ||"])
    assert meta.title.startswith("西藏自治区")


@pytest.mark.parametrize("name, ok", [("兴华乡", True), ("我局", False), ("政府", False), ("乡镇", False),
                                      ("由方城县人民政府办公室编制的方城县", False), ("欧博abg天津市人民政府", False)])
def test_what_counts_as_a_body_name(name, ok):
    assert is_body_name(name) is ok


@pytest.mark.parametrize("name, kind", [("兴华乡人民政府", "township"), ("阿嘎如泰苏木", "township"),
                                        ("正阳街道办事处", "subdistrict"), ("沌口街", "subdistrict"),
                                        ("阿里地区行政公署", "government"), ("广州市人民政府办公厅", "department")])
def test_body_types_of_full_names(name, kind):
    assert classify(name) == kind
