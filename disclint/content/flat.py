"""The normalised text with its whitespace taken out, and a map back to the offsets of the text as read.

PDF copies break lines inside phrases and numbers ("受理政府信息公开申请 1\\n7 件"), and page text
puts stray spaces inside labels ("商业 企业"); matching on the flat view lets one pattern find them
all, while findings still point at the user's line and column.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..model import Document

_NON_SPACE_RUN = re.compile(r"\S+")


@dataclass(frozen=True)
class Flat:
    text: str  # doc.norm without whitespace
    norm: str  # doc.norm

    def start(self, i: int) -> int:
        """The offset in doc.text of flat character i; the end of doc.text for i == len(text)."""
        if not 0 <= i <= len(self.text):
            raise IndexError(i)
        if i == len(self.text):
            return len(self.norm)
        run_starts, run_offsets = self._runs
        run = bisect.bisect_right(run_starts, i) - 1
        return run_offsets[run] + (i - run_starts[run])

    def end(self, i: int) -> int:
        """The offset just after flat character i-1 (the end of a span ending at i)."""
        return self.start(i - 1) + 1 if i > 0 else 0

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.start(i), self.end(j)

    @cached_property
    def _runs(self) -> tuple[list[int], list[int]]:
        """Where each run of non-space characters starts, in the flat text and in doc.text. Kept
        per run, not per character, and only worked out when a finding needs an offset."""
        run_starts, run_offsets, at = [], [], 0
        for m in _NON_SPACE_RUN.finditer(self.norm):
            run_starts.append(at)
            run_offsets.append(m.start())
            at += m.end() - m.start()
        return run_starts, run_offsets


def flatten(norm: str) -> Flat:
    # str.split() and the regex \s agree on what is a space (str.isspace).
    return Flat("".join(norm.split()), norm)


@lru_cache(maxsize=16)
def _cached(norm: str) -> Flat:
    return flatten(norm)


def flat_view(doc: Document) -> Flat:
    """The flat view of a document, computed once per text."""
    return _cached(doc.norm)
