"""Figures stated in prose: every place a phrase states a count ("共收到政府信息公开申请4件"), on
the flat view so that line breaks inside numbers and phrases do not hide it, with the clause it
stands in so that qualifiers (其中, 累计, 备案, 同比 …) can be seen.

A phrase pattern has a group `n` for the number; a pattern without one states zero
("未收到因政府信息公开提出的行政复议").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import safe_regex
from ..model import Document
from .flat import Flat, flat_view
from .numbers import NUMBER, number_value

_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?]")
_SENTENCE_BREAK = re.compile(r"[。；;！!？?]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


@dataclass(frozen=True)
class Figure:
    value: int | float
    start: int  # offsets in doc.text of the whole phrase
    end: int
    phrase: str  # the phrase as matched (flat, normalised)
    clause: str  # from the last clause break before the phrase to the end of the phrase
    lead: str  # from the start of the sentence to the end of the phrase
    sentence: str  # the whole sentence around it


@lru_cache(maxsize=256)
def compile_phrase(pattern: str):
    """A phrase pattern from a rule pack, NUMBER written where a count goes: (?P<n>NUMBER)."""
    return safe_regex.user_pattern(pattern.replace("NUMBER", NUMBER))


def _clause_start(text: str, start: int, breaks: re.Pattern, reach: int = 80) -> int:
    window_from = max(0, start - reach)
    found = [m.end() for m in breaks.finditer(text, window_from, start)]
    return found[-1] if found else window_from


def find_figures(doc: Document, patterns: list[str]) -> list[Figure]:
    """Every statement matching one of `patterns`, in document order, overlapping matches merged."""
    flat = flat_view(doc)
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in compile_phrase(pattern).finditer(flat.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = number_value(m.group("n")) if "n" in m.re.groupindex and m.group("n") else 0
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(_figure(flat, m, value))
    out.sort(key=lambda f: f.start)
    return out


def _figure(flat: Flat, m: re.Match, value: int | float) -> Figure:
    text = flat.text
    clause_from = _clause_start(text, m.start(), _CLAUSE_BREAK)
    sentence_from = _clause_start(text, m.start(), _SENTENCE_BREAK, reach=200)
    stop = _SENTENCE_BREAK.search(text, m.end())
    sentence = text[sentence_from:stop.start() if stop else min(len(text), m.end() + 200)]
    start, end = flat.span(m.start(), m.end())
    return Figure(value=value, start=start, end=end, phrase=m.group(), clause=text[clause_from:m.end()],
                  lead=text[sentence_from:m.end()], sentence=sentence)


def other_years(text: str, year: int | None) -> list[int]:
    """Earlier years named in `text`: a clause about 2020 in a 2021 report is a comparison (the next
    year is not: "结转至2026年6件" in the 2025 report is this year's carry-over)."""
    return [int(y) for y in _YEAR.findall(text) if year is None or int(y) < year]
