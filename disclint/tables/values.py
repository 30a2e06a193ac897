"""Cell text → values, and the ways a run of digits can be cut into cells.

Real tables lose their cell borders in copying (regulation.md §8.3): `0 00000` for seven cells,
`1000001`, `142000016`, `88-720` (a signed 本年增/减 run into its neighbours), `1个246900元`. A
run is cut into the number of cells the row needs; every cut that makes valid numbers is a
candidate, and the table's identities (disclint.tables.resolve) choose among them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .table import Cell

BLANKS = {"", "-", "--", "—", "——", "/", "无", "&nbsp;", "\\", "－", "–"}
_UNIT = "万元|元|件|个|项|条|宗|次|份"
_NUMBER = re.compile(rf"^([+-]?)([0-9][0-9,]*)(?:\.([0-9]+))?({_UNIT})?$")
# A cell run: numbers with sign, decimals and unit, blank marks, separators.
RUN = re.compile(rf"(?:[+-]?[0-9][0-9,]*(?:\.[0-9]+)?(?:{_UNIT})?|&nbsp;|[-/\\—]|无(?![\u4e00-\u9fff])|[ \t\n|])+")
# Pieces of a token: a sign starts a new number, a unit ends one ("0+11", "1个246900元").
_PIECE = re.compile(rf"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?(?:{_UNIT})?|&nbsp;|[-/\\—]+|无")
MAX_CANDIDATES = 2000
# No cell holds more digits than this (and a longer run would overflow floats); it also bounds how
# far a cut may reach, so cutting a run costs at most cells × this many tries, not 2^length.
MAX_DIGITS = 15


def parse_cell(raw: str, start: int | None = None, end: int | None = None, where: dict | None = None) -> Cell:
    value, blank, unit = read_cell(raw)
    # Positional: a class called with keywords builds a dict of them first (twice the cost), and
    # every cell of every table comes through here.
    return Cell(value, raw, blank, start, end, where or {}, unit)


@lru_cache(maxsize=8192)
def read_cell(raw: str) -> tuple[int | float | None, bool, str | None]:
    """(value, blank, unit) of a cell's text. Cut candidates parse the same few pieces over and
    over (every cut of a run, every report's 0s), so the reading is cached by text."""
    text = raw.strip().replace("\u3000", "").replace(" ", "")
    if text in BLANKS:
        return None, True, None
    m = _NUMBER.match(text.replace("，", ","))
    if not m:
        return None, False, None
    sign, whole, frac, unit = m.groups()
    whole = whole.replace(",", "")
    if len(whole) > MAX_DIGITS:
        return None, False, None
    value: int | float = float(f"{whole}.{frac}") if frac else int(whole)
    if sign == "-":
        value = -value
    return value, False, unit


def pieces(text: str, offset: int) -> list[tuple[str, int]]:
    """The tokens of a cell run with their offsets: split at spaces, |, signs and units."""
    return [(m.group(), offset + m.start()) for m in _PIECE.finditer(text)]


def _valid(piece: str, signed_ok: bool = True) -> bool:
    m = _NUMBER.match(piece)
    if not m:
        return False
    whole = m.group(2).replace(",", "")
    return len(whole) <= MAX_DIGITS and (whole == "0" or not whole.startswith("0"))


def _cuts(token: str, max_parts: int) -> list[list[str]]:
    """Every way to cut one token into at most `max_parts` valid numbers (sign stays first, unit
    last, a decimal point never falls on a cut)."""
    return _cuts_cached(token, max(1, max_parts))


@lru_cache(maxsize=4096)
def _cuts_cached(token: str, max_parts: int) -> list[list[str]]:
    if token in BLANKS or not token[:1].isdigit() and token[:1] not in "+-":
        return [[token]]
    out: list[list[str]] = []
    if _valid(token):
        out.append([token])
    if max_parts == 1 or len(token) > max_parts * (MAX_DIGITS + 4):
        return out
    head = 2 if token[:1] in "+-" else 1
    for i in range(head, min(len(token), head + MAX_DIGITS + 3)):
        left, right = token[:i], token[i:]
        if not right[:1].isdigit() or left.endswith(".") or right.startswith("."):
            continue
        if "." in left and not re.search(r"\.[0-9]+$", left):
            continue
        if not _valid(left):
            continue
        for rest in _cuts_cached(right, max_parts - 1):
            out.append([left, *rest])
            if len(out) >= MAX_CANDIDATES:
                return out
    return out


def splits(tokens: list[tuple[str, int]], n: int) -> list[list[tuple[str, int]]]:
    """Every way to read `tokens` as exactly `n` cells; each cell keeps its offset."""
    return [[(piece, tokens[k][1] + pos) for k, pos, piece in cut]
            for cut in split_plan(tuple(text for text, _ in tokens), n)]


Cut = tuple[tuple[int, int, str], ...]  # per cell: (token index, offset in the token, text)


def split_plan(texts: tuple[str, ...], n: int) -> tuple[Cut, ...]:
    """`splits` on the tokens' texts alone, so that its result can be cached by text
    (disclint.tables.resolve) and offsets added after."""
    if len(texts) >= n:
        # As many tokens as cells (the common case) leaves one reading: each token whole.
        whole = len(texts) == n and all(_cuts(text, 1) for text in texts)
        return (tuple((k, 0, text) for k, text in enumerate(texts)),) if whole else ()
    results: list[Cut] = []

    def walk(i: int, acc: Cut) -> None:
        if len(results) >= MAX_CANDIDATES:
            return
        if i == len(texts):
            if len(acc) == n:
                results.append(acc)
            return
        left = n - len(acc)
        if left < len(texts) - i:
            return
        room = left - (len(texts) - i - 1)
        for cut in _cuts(texts[i], room):
            if len(cut) > room:
                continue
            pos, cells = 0, []
            for piece in cut:
                cells.append((i, pos, piece))
                pos += len(piece)
            walk(i + 1, acc + tuple(cells))

    walk(0, ())
    return tuple(results)
