"""Display width of terminal text: CJK characters take two columns."""
from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    return sum(char_width(c) for c in text)


def line_excerpt(doc, line: int, column: int, span: int = 1, room: int = 72) -> tuple[str, str]:
    """`excerpt` of one line of a document, cut from the text around the column first, so that a
    report published as one enormous line costs the same per finding as any other."""
    begin, end = doc.line_span(line)
    at = begin + column - 1
    lo, hi = max(begin, at - 2 * room), min(end, at + 2 * room)
    shown, caret = excerpt(doc.text[lo:hi], at - lo + 1, span, room)
    if lo > begin and not shown.startswith("…"):
        shown, caret = "…" + shown, " " + caret
    if hi < end and not shown.endswith("…"):
        shown += "…"
    return shown, caret


def excerpt(line: str, column: int, span: int = 1, room: int = 72) -> tuple[str, str]:
    """The line (clipped around `column` when it is wider than `room`) and a caret line whose
    carets stand under characters column … column+span-1, counted in display columns."""
    line = line.replace("\t", " ")
    start = min(max(column - 1, 0), len(line))
    left = 0
    if width(line[:start]) > room // 3:
        # keep about a third of the room before the caret
        left, used = start, 0
        while left > 0 and used + char_width(line[left - 1]) <= room // 3:
            left -= 1
            used += char_width(line[left])
    right, used = left, 0
    while right < len(line) and used + char_width(line[right]) <= room:
        used += char_width(line[right])
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    marked = line[start:min(start + span, right)] or " "
    caret_col = width(prefix) + width(line[left:start])
    return prefix + line[left:right] + suffix, " " * caret_col + "^" * max(1, width(marked))
