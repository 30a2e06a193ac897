"""Agency names normalised so one body's reports pair across years (names as real reports write them)."""
from __future__ import annotations

import pytest

from disclint.summary.agency import normalise_agency, short_key
from disclint.summary.cross import _merge_parent_forms


@pytest.mark.parametrize("name, key", [
    ("平潭综合实验区", "平潭综合实验区"),
    ("平潭综合实验区管委会", "平潭综合实验区"),          # pingtan/009 (2014) vs 010 (2015)
    ("平潭综合实验区管理委员会", "平潭综合实验区"),
    ("平潭县人民政府", "平潭县"),
    ("洪泽区人民政府", "洪泽区"),                      # peers/洪泽区2023.pdf, 2024.pdf
    ("洪泽区政府", "洪泽区"),
    ("广水市人民政府", "广水市"),
    ("城关镇人民政府", "城关镇"),
    ("平潭综合实验区管委会办公室", "平潭综合实验区管委会办公室"),  # an office, not the 实验区
    ("平潭综合实验区公安局", "平潭综合实验区公安局"),
    ("朝阳街道办事处", "朝阳街道"),
    ("（平潭综合实验区）", "平潭综合实验区"),
    ("平潭综合实验区 交通与建设局", "平潭综合实验区交通与建设局"),
    ("", None),
    (None, None),
])
def test_normalise_agency(name, key):
    assert normalise_agency(name) == key


def test_parent_area_is_dropped_for_the_short_key():
    assert short_key(normalise_agency("淮安市洪泽区人民政府")) == "洪泽区"
    assert short_key("平潭综合实验区公安局") == "平潭综合实验区公安局"


def test_parent_forms_merge_only_when_unambiguous():
    groups = {"洪泽区": ["a"], "淮安市洪泽区": ["b"]}
    _merge_parent_forms(groups)
    assert groups == {"洪泽区": ["a", "b"]}
    # two cities' 城市管理局 both shorten to 城市管理局: neither joins the bare name
    groups = {"城市管理局": ["a"], "南京市城市管理局": ["b"], "苏州市城市管理局": ["c"]}
    _merge_parent_forms(groups)
    assert len(groups) == 3
