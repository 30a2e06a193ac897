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

_NON_SPACE_RUN = re.compile(r"\S+")


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
    # Work run by run (a line of report text is one or a few runs), not character by character.
    runs = [(m.start(), m.group()) for m in _NON_SPACE_RUN.finditer(norm)]
    offsets = [i for start, run in runs for i in range(start, start + len(run))]
    offsets.append(len(norm))
    return Flat("".join(run for _, run in runs), tuple(offsets))


@lru_cache(maxsize=16)
def _cached(norm: str) -> Flat:
    return flatten(norm)


def flat_view(doc: Document) -> Flat:
    """The flat view of a document, computed once per text."""
    return _cached(doc.norm)
