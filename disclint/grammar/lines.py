"""Cut the text into the logical lines the grammar parses.

Many reports are published as one long line (a CMS strips the paragraphs), so headings can sit
inside a line: "…特编制此报告：一、总体情况2021年，我局…". A level-1 marker inside a line starts a
logical line only when a mandated section title follows it, and a （一） marker only after the end
of a sentence and in sequence, so that enumerations in prose (一、二类) and table row labels run
together with numbers (1000001二、上年结转…) stay where they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import chinese_numeral
from .vocabulary import Vocabulary

_INLINE_H1 = re.compile(r"(?<=[。:;!?)\"」0-9 ])([一二三四五六七八九十]{1,2})[、.,](?=[^\d\s])")
_INLINE_H2 = re.compile(r"(?<=[。:;!? ])\(([一二三四五六七八九十]{1,2})\)(?=\S)")
_LONG = 60  # shorter lines are left whole: a heading line with its title is rarely longer


@dataclass(frozen=True)
class Piece:
    start: int  # offset in the text
    end: int
    inline: bool  # starts inside a physical line


def logical_lines(norm: str, vocab: Vocabulary) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    n = len(norm)
    while pos <= n:
        nl = norm.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos > _LONG:
            cuts = _inline_cuts(norm, pos, end, vocab)
            last = pos
            for cut in cuts:
                if cut > last:
                    pieces.append(Piece(last, cut, last != pos))
                    last = cut
            pieces.append(Piece(last, end, last != pos))
        else:
            pieces.append(Piece(pos, end, False))
        if nl < 0:
            break
        pos = nl + 1
    return pieces


def _inline_cuts(norm: str, start: int, end: int, vocab: Vocabulary) -> list[int]:
    line = norm[start:end]
    cuts: set[int] = set()
    h1_numbers: list[tuple[int, int]] = []  # (offset, number) of accepted level-1 cuts
    for m in _INLINE_H1.finditer(line):
        if m.start() == 0:
            continue
        title = line[m.end(): m.end() + 40]
        if vocab.is_table_label(title):
            continue
        match = vocab.match_title(title)
        if match is None:
            continue
        cuts.add(start + m.start())
        h1_numbers.append((m.start(), chinese_numeral(m.group(1)) or 0))
        title_end = m.end() + match.end
        # Cut after the title too when words run on without a break ("总体情况2021年，我局…").
        if title_end < len(line) and line[title_end] not in "。:;,":
            cuts.add(start + title_end)
    expected = 1
    last_h1 = 0
    for m in _INLINE_H2.finditer(line):
        number = chinese_numeral(m.group(1)) or 0
        enclosing = max((o for o, _ in h1_numbers if o < m.start()), default=0)
        if enclosing != last_h1:
            last_h1, expected = enclosing, 1
        if number == expected:
            cuts.add(start + m.start())
            expected += 1
    return sorted(cuts)
