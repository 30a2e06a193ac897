"""Cut the text into the logical lines the grammar parses.

Many reports are published as one long line (a CMS strips the paragraphs), so headings can sit
inside a line: "…特编制此报告：一、总体情况2021年，我局…". A level-1 marker inside a line starts a
logical line only when a mandated section title follows it, and a （一） marker only after the end
of a sentence and in sequence, so that enumerations in prose (一、二类) and table row labels run
together with numbers (1000001二、上年结转…) stay where they are.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..normalize import chinese_numeral, compact
from .vocabulary import Vocabulary

# Any character may precede an inline level-1 marker except a numeral (四、五方面) or 第; what makes
# it a heading is the mandated section title that must follow. An inline （一） follows a sentence end.
# The look-behinds stand after the first character of the match and look past it: a pattern that
# starts with a literal lets the regex engine skip to its candidates instead of testing every character.
_INLINE_H1 = re.compile(r"([一二三四五六七八九十](?<=[^一二三四五六七八九十第][一二三四五六七八九十])[一二三四五六七八九十]?)"
                        r"[、.,] ?(?=[^\d\s])")
_INLINE_H2 = re.compile(r"\((?<=[。:;!? ]\()([一二三四五六七八九十]{1,2})\)(?=\S)")
_LONG = 60  # shorter lines are left whole: a heading line with its title is rarely longer


class Piece(NamedTuple):  # a tuple: made for every line of every report, twice as fast as a dataclass
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
        mark = _MARKUP.match(norm, pos, end)
        if mark:
            pos = mark.end()
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


# Markdown and plain-text emphasis before a heading marker: "## 一、总体情况", "**（一）主动公开**", "> ".
_MARKUP = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|\*\*|__)+")

_PHRASE = re.compile(r"[^。0-9]{2,20}。")


def _heading_phrase(line: str, at: int) -> bool:
    """A sub-heading of a run-on report: a short phrase and a full stop (强化监督保障，提高公开水平。)."""
    return bool(_PHRASE.match(line, at))


def _raw_length(text: str, start: int, compact_length: int) -> int:
    """How many characters of text[start:] hold its first `compact_length` non-space characters."""
    seen = 0
    for i in range(start, len(text)):
        if seen == compact_length:
            return i - start
        ch = text[i]
        if not ch.isspace() and ch not in "\"'":
            seen += 1
    return len(text) - start


def _inline_cuts(norm: str, start: int, end: int, vocab: Vocabulary) -> list[int]:
    line = norm[start:end]
    cuts: set[int] = set()
    h1_numbers: list[tuple[int, int]] = []  # (offset, number) of accepted level-1 cuts
    others = []  # level-1 markers after a sentence end whose words name no mandated section
    for m in _INLINE_H1.finditer(line):
        if m.start() == 0:
            continue
        key = compact(line[m.end(): m.end() + 40])
        if vocab.is_table_label_key(key):
            continue
        match = vocab.match_key(key, anchored=True)
        if match is None:
            if line[m.start() - 1] in "。;:!? ":
                others.append(m)
            continue
        cuts.add(start + m.start())
        h1_numbers.append((m.start(), chinese_numeral(m.group(1)) or 0))
        title_end = m.end() + _raw_length(line, m.end(), match.end)
        # Cut after the title too when words run on without a break ("总体情况2021年，我局…").
        if title_end < len(line) and line[title_end] not in "。:;,":
            cuts.add(start + title_end)
    # An extra section between two mandated ones (二、重点领域政府信息公开情况 between 一 and 三) is a
    # heading too when its number fills the gap in the sequence.
    changed = True
    while changed and others:
        changed = False
        for m in list(others):
            n = chinese_numeral(m.group(1)) or 0
            before = [num for off, num in h1_numbers if off < m.start()]
            after = [num for off, num in h1_numbers if off > m.start()]
            if before and before[-1] == n - 1 and (not after or after[0] == n + 1):
                cuts.add(start + m.start())
                h1_numbers.append((m.start(), n))
                h1_numbers.sort()
                others.remove(m)
                changed = True
    expected = 1
    last_h1 = 0
    for m in _INLINE_H2.finditer(line):
        number = chinese_numeral(m.group(1)) or 0
        enclosing = max((o for o, _ in h1_numbers if o < m.start()), default=0)
        if enclosing != last_h1:
            last_h1, expected = enclosing, 1
        if number == expected or expected < number <= expected + 3 and _heading_phrase(line, m.end()):
            # A number out of sequence is kept only when a short heading phrase follows, so that
            # the skip (（一）（二）（五）, pingtan/065) is reported rather than hidden.
            cuts.add(start + m.start())
            expected = number + 1
    return sorted(cuts)
