"""Text damaged in conversion: dates and document numbers whose 年/月/日, 〔〕 or 号 were lost
(regulation.md §8.3) — 2020年1月1日 → 202011日, 〔2021〕30号 → 〔202130 — and statistics periods
whose dates vanished altogether (统计期限自至, pingtan/005). The message gives the most likely
original: every split of the digits into month and day is tried and only calendar dates are kept.

The damage patterns are code, not rule data: each needs its own reconstruction."""
from __future__ import annotations

import re

from ..content.dates import chinese_date, split_date_digits, valid_date
from ..model import Document

FINDING_KIND = "garbled"
PARAMS = {
    "damage": (list[str], True),  # which damage to look for: lost-date-glyphs, lost-docnum-glyphs, empty-period
}
# the fields its messages may name (engine.template)
FIELDS = ("found", "likely", "section", "what_en", "what_zh")
DAMAGE = ("lost-date-glyphs", "lost-docnum-glyphs", "empty-period")

_YEAR = r"(?P<y>(?:19|20)\d\d)"
# A year not run on from other digits, a path or a code: the look-behind stands after 19/20 and looks
# past them, so that the regex engine can skip to the next 1 or 2 instead of testing it at every
# character (the same matches, four times faster).
_LONE_YEAR = r"(?P<y>(?:19|20)(?<![\d./\-_a-zA-Z]\d\d)\d\d)"
# 202011日 / 20201231日 / 2017616日: 年 and 月 lost, 日 kept.
_NO_YEAR_NO_MONTH = re.compile(rf"{_LONE_YEAR}(?P<rest>\d{{2,4}})日")
# 2017年615日: 月 lost.
_NO_MONTH = re.compile(rf"{_LONE_YEAR}年(?P<rest>\d{{2,4}})日")
# 20181月2日: 年 lost.
_NO_YEAR = re.compile(rf"{_LONE_YEAR}(?P<m>[01]?\d)月(?P<d>[0-3]?\d)日")
# 〔202130 / 〔2021 30号: 〕 lost (and perhaps 号); 国办函2020109号: both brackets lost.
_DOCNUM_NO_CLOSE = re.compile(rf"〔\s*{_YEAR}(?P<n>\d{{1,4}})(?![\d〕])(?P<hao>号)?")
_DOCNUM_NO_BRACKETS = re.compile(rf"(?<=[函发字办文])\s*{_YEAR}(?P<n>\d{{1,4}})号")
# The character before such a number, when one follows: what _bracketless_docnums looks for.
_DOCNUM_ISSUER = re.compile(r"[函发字办文](?=\s*(?:19|20)\d\d\d{1,4}号)")
_EMPTY_PERIOD = re.compile(r"统计(?:期限|时限|区间|时间)[^。\n]{0,6}?自\s*(?:起)?\s*至\s*(?:止)?\s*[。,，;；]")


def validate(params: dict, vocab) -> str | None:
    unknown = set(params["damage"]) - set(DAMAGE)
    return f"unknown damage {sorted(unknown)}; known: {list(DAMAGE)}" if unknown else None


def _plausible(year: str, doc: Document) -> bool:
    y = int(year)
    return 1990 <= y <= (doc.year or 2030) + 5


def _dates(doc: Document):
    norm = doc.norm
    for pattern in (_NO_YEAR_NO_MONTH, _NO_MONTH):
        for m in pattern.finditer(norm):
            if not _plausible(m.group("y"), doc):
                continue
            readings = split_date_digits(int(m.group("y")), m.group("rest"))
            if readings:
                yield m, "日期", "a date", "或".join(chinese_date(r) for r in readings)
    for m in _NO_YEAR.finditer(norm):
        if _plausible(m.group("y"), doc) and valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            yield m, "日期", "a date", f"{m.group('y')}年{int(m.group('m'))}月{int(m.group('d'))}日"


def _docnums(doc: Document):
    for matches in (_DOCNUM_NO_CLOSE.finditer(doc.norm), _bracketless_docnums(doc.norm)):
        for m in matches:
            if _plausible(m.group("y"), doc):
                yield m, "文号", "a document number", f"〔{m.group('y')}〕{int(m.group('n'))}号"


def _bracketless_docnums(norm: str):
    """The matches of _DOCNUM_NO_BRACKETS.finditer(norm). A regex that starts with a look-behind is
    tried at every character; the characters it looks behind for are found first instead (each is
    followed by a match, and no match holds one, so none is skipped)."""
    pos = 0
    while issuer := _DOCNUM_ISSUER.search(norm, pos):
        m = _DOCNUM_NO_BRACKETS.match(norm, issuer.end())
        yield m
        pos = m.end()


def _empty_periods(doc: Document):
    for m in _EMPTY_PERIOD.finditer(doc.norm):
        year = doc.year
        likely = f"自{year}年1月1日起至{year}年12月31日止" if year else "自某年1月1日起至12月31日止"
        yield m, "统计期限的日期", "the dates of the statistics period", likely


_FINDERS = {"lost-date-glyphs": _dates, "lost-docnum-glyphs": _docnums, "empty-period": _empty_periods}


def check(doc: Document, rule):
    seen: set[int] = set()
    for damage in rule.params["damage"]:
        for m, what_zh, what_en, likely in _FINDERS[damage](doc):
            if m.start() in seen:
                continue
            seen.add(m.start())
            yield rule.finding(FINDING_KIND, start=m.start(), end=m.end(), found=doc.text[m.start():m.end()],
                               what_zh=what_zh, what_en=what_en, likely=likely,
                               section=doc.top_section_id_at(m.start()))
