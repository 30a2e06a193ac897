"""Dates in reports: the dates a report was issued on, and calendar dates whose 年/月/日 were lost.

A report carries up to three issue dates: the page's 发布时间 (or 成文日期) field, page chrome such
as "时间:2019-01-18" or "公开日期", and the date under the signature. They are kept apart because
they are not equally reliable (regulation.md §9: dates on mirror pages often are not)."""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from ..model import Document
from ..normalize import chinese_numeral

_CN_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                   "六": "6", "七": "7", "八": "8", "九": "9"}
# A full date in Arabic or in Chinese numerals. They are two regexes, not one alternation: each
# then starts with a set of characters the regex engine skips to (the alternation was tried at
# every character). Neither kind of date can hold the first character of the other, so their
# matches never overlap and together are the matches of the alternation (full_dates).
_ARABIC_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")
_CHINESE_DATE = re.compile(r"(?P<cy>[〇○零一二三四五六七八九][〇○零一二三四五六七八九]{3})\s*年"
                           r"\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日")

# Labelled dates in the page header. Only the first group is the document's own publication date;
# 公开日期 and a bare 时间 are page fields of the site the copy came from. (A bare 时间 is checked
# for 发/布/文 before it after its 时: every alternative then starts with a literal, which lets the
# regex engine skip to the candidates.)
_LABELLED = re.compile(
    r"(?P<label>发布时间|发布日期|成文日期|印发日期|发文日期|公开日期|生成日期|时(?<![发布文]时)间)\s*:?\s*\|?\s*"
    r"(?P<y>(?:19|20)\d\d)[-年./](?P<m>[01]?\d)[-月./](?P<d>[0-3]?\d)")
_OWN_LABELS = ("发布时间", "发布日期", "成文日期", "印发日期", "发文日期")
_SIGNER_END = re.compile(r"(人民政府|政府|局|委员会|委|办公室|办|厅|镇|乡|街道|街道办事处|管委会|中心|院|所|室|署|会)\s*$")
_NOT_SIGNATURE_AFTER = re.compile(r"^\s*(起|至|止|前|以来|到|-|—|期间|，|,|、)")


@dataclass(frozen=True)
class IssueDate:
    kind: str  # "published" (the page's 发布时间/成文日期), "page" (other page fields), "signed"
    iso: str
    start: int
    end: int
    label: str  # as written: 发布时间, 时间, or the signature date itself


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_dates(text: str, pos: int = 0) -> Iterator[re.Match]:
    """Full dates in `text` from `pos` on, in Arabic or Chinese numerals, in the order they stand."""
    return heapq.merge(_ARABIC_DATE.finditer(text, pos), _CHINESE_DATE.finditer(text, pos), key=re.Match.start)


def date_of(match: re.Match) -> date | None:
    """The calendar date of a full_dates match, None when impossible."""
    if match.re is _ARABIC_DATE:
        return valid_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    year = "".join(_CN_YEAR_DIGITS[c] for c in match.group("cy"))
    month, day = chinese_numeral(match.group("cm")), chinese_numeral(match.group("cd"))
    return valid_date(int(year), month or 0, day or 0) if month and day else None


def issue_dates(doc: Document) -> list[IssueDate]:
    """The page's publication fields (first of each kind) and the signature date, in that order."""
    # Two kinds ask for them; found once per document.
    found = doc.facts.memo.get("issue_dates")
    if found is None:
        found = doc.facts.memo["issue_dates"] = tuple(_issue_dates(doc))
    return list(found)


def _issue_dates(doc: Document) -> list[IssueDate]:
    found: list[IssueDate] = []
    kinds_seen: set[str] = set()
    for m in _LABELLED.finditer(doc.norm[:3000]):
        kind = "published" if m.group("label") in _OWN_LABELS else "page"
        when = valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if when and kind not in kinds_seen:
            kinds_seen.add(kind)
            found.append(IssueDate(kind, when.isoformat(), m.start("y"), m.end("d"), m.group("label")))
    signed = signature_date(doc)
    if signed:
        found.append(signed)
    return found


def signature_date(doc: Document) -> IssueDate | None:
    """The date under the signature: a full date right after the issuing body's name or on a line of
    its own, in the last part of the text (page copies append the 统计表 after it, pingtan/053)."""
    norm = doc.norm
    tail_from = int(len(norm) * 0.6)
    best = None
    for m in full_dates(norm, tail_from):
        before = norm[max(0, m.start() - 40):m.start()]
        own_line = before.rstrip(" \t").endswith("\n") or not before.strip()
        # Page copies run the signature into the last sentence: "…便捷服务。 二○一三年一月二十日 统计表" (pingtan/004).
        after_stop = before.rstrip(" \t").endswith("。") and norm[m.end():m.end() + 1] in ("", " ", "\n")
        if not (own_line or after_stop or _SIGNER_END.search(before)):
            continue
        if _NOT_SIGNATURE_AFTER.match(norm[m.end():m.end() + 3]):
            continue
        when = date_of(m)
        if when:
            best = IssueDate("signed", when.isoformat(), m.start(), m.end(), doc.text[m.start():m.end()])
    return best


def split_date_digits(year: int, rest: str) -> list[date]:
    """Calendar-valid readings of a date whose 年/月 were lost: 2020 + "11" → 2020-01-01;
    2020 + "1231" → 2020-12-31; 2021 + "926" → 2021-09-26 (regulation.md §8.3: any of 年/月/日 may
    vanish, so every split of the digits into month and day is tried)."""
    out: list[date] = []
    for cut in range(1, len(rest)):
        month, day = rest[:cut], rest[cut:]
        if len(month) > 2 or len(day) > 2 or month.startswith("0") and len(month) == 1:
            continue
        when = valid_date(year, int(month), int(day))
        if when and when not in out:
            out.append(when)
    return out


def chinese_date(when: date) -> str:
    return f"{when.year}年{when.month}月{when.day}日"
