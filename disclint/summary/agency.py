"""Which reports come from the same body: agency names normalised so that one body's reports pair up
across years although its name is written differently (全称/简称, with or without 人民政府).

Real variants this exists for (tests/summary/corpus): 平潭综合实验区 writes itself
平潭综合实验区 (2013, 2015) and 平潭综合实验区管委会 (2014); counties drop or keep 人民政府
(洪泽区人民政府 / 洪泽区政府) and the prefecture (淮安市洪泽区). A name is never shortened below
the body it names: 平潭综合实验区管委会办公室 stays an office, not the 实验区 itself.
"""
from __future__ import annotations

import re
import unicodedata

# Words that name the governing organ of an area rather than a different body: removing them
# leaves the area, which is what the reports of one government share across years.
_ORGAN_SUFFIXES = ("人民政府办公室", "人民政府办公厅", "人民政府", "管理委员会", "管委会", "政府")
# Only these trailing organ names count as the same body as the area (an 办公室 of the area is not).
_AREA_END = re.compile(r"(省|市|州|盟|县|区|旗|镇|乡|街道|实验区|新区|开发区|园区)$")
# 简称 of long suffixes seen in titles.
_SHORT_FORMS = (
    ("街道办事处", "街道"),
    ("自治县", "县"),
    ("自治州", "州"),
)
# Prefecture or province names written before a body's own name: 淮安市洪泽区 → 洪泽区.
_PARENT = re.compile(r"^(.{2,10}?(?:省|自治区|市|州|盟))(?=.{2,}(?:区|县|市|旗|镇|乡|街道|局|委|办|厅))")
_NOISE = re.compile(r"[\s\u3000·•（）()《》\"“”'‘’【】\[\]]+")
_EDITION = re.compile(r"(关于)?(报送)?$")


def normalise_agency(name: str | None) -> str | None:
    """A key under which one body's reports of different years meet; None when unknown."""
    if not name:
        return None
    key = unicodedata.normalize("NFKC", name)
    key = _NOISE.sub("", key)
    key = _EDITION.sub("", key)
    for long, short in _SHORT_FORMS:
        if key.endswith(long):
            key = key[: -len(long)] + short
    for suffix in _ORGAN_SUFFIXES:
        if key.endswith(suffix) and _AREA_END.search(key[: -len(suffix)]):
            key = key[: -len(suffix)]
            break
    return key or None


def short_key(key: str) -> str:
    """The key without a parent area written in front (淮安市洪泽区 → 洪泽区), for a second chance
    at pairing when the long form finds no partner."""
    m = _PARENT.match(key)
    return key[m.end():] if m else key


# The first area a body's name starts with (平潭综合实验区公安局 → 平潭综合实验区, 平城区文瀛湖街道 → 平城区):
# the region filter of the summary page.
_REGION = re.compile(r"^(.{2,12}?(?:自治区|省|市|自治州|州|盟|县|区|旗))")


def region_of(name: str | None) -> str:
    if not name:
        return ""
    m = _REGION.match(_NOISE.sub("", unicodedata.normalize("NFKC", name)))
    return m.group(1) if m else ""
