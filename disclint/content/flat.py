"""The normalised text with its whitespace taken out, and a map back to the offsets of the text as read.

PDF copies break lines inside phrases and numbers ("受理政府信息公开申请 1\\n7 件"), and page text
puts stray spaces inside labels ("商业 企业"); matching on the flat view lets one pattern find them
all, while findings still point at the user's line and column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Document

_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Flat:
    text: str  # doc.norm without whitespace
    offsets: tuple[int, ...]  # offsets[i] = offset in doc.text of text[i]; one extra entry for the end

    def start(self, i: int) -> int:
        return self.offsets[i]

    def end(self, i: int) -> int:
        """The offset just after flat character i-1 (the end of a span ending at i)."""
        return self.offsets[i - 1] + 1 if i > 0 else 0

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.start(i), self.end(j)


def flatten(norm: str) -> Flat:
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(norm):
        if not _SPACE.match(ch):
            chars.append(ch)
            offsets.append(i)
    offsets.append(len(norm))
    return Flat("".join(chars), tuple(offsets))


@lru_cache(maxsize=16)
def _cached(norm: str) -> Flat:
    return flatten(norm)


def flat_view(doc: Document) -> Flat:
    """The flat view of a document, computed once per text."""
    return _cached(doc.norm)
