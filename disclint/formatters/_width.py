"""Display width of terminal text: CJK characters take two columns."""
from __future__ import annotations

import unicodedata


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    return sum(char_width(c) for c in text)


def excerpt(line: str, column: int, span: int = 1, room: int = 72) -> tuple[str, str]:
    """The line (clipped around `column` when long) and a caret line under the right place."""
    line = line.replace("\t", " ")
    start = column - 1
    left = 0
    if width(line) > room:
        # keep about a third of the room before the caret
        left = start
        budget = room // 3
        while left > 0 and width(line[left - 1:start]) <= budget:
            left -= 1
    shown = line[left:]
    while width(shown) > room:
        shown = shown[:-1]
    prefix = "…" if left > 0 else ""
    suffix = "…" if len(line) - left > len(shown) else ""
    under = prefix + line[left:start]
    carets = "^" * max(1, width(line[start:start + span][: max(1, len(shown) - (start - left))]))
    return prefix + shown + suffix, " " * width(under) + carets
