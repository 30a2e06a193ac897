"""Find a table's rows in running text: labels by meaning, cells by position.

Text copies of the tables come flattened in every way regulation.md §8.3 lists: one cell per
line (seed 001), a whole report on one line with the numbers run into the next label
(pingtan/032: `1.属于国家秘密00000002.其他法律…`), labels wrapped or cut (`（三）\\n不予\\n公开`,
`三、` alone). So labels are searched in a compacted copy (no spaces or line breaks), the longest
chain of labels in the layout's order is kept (a label repeated or quoted elsewhere cannot pull
rows out of order), and each row's cells are the run between its label and the next one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document
from .layout import Layout, Row, TableSpec
from .rawrow import RawRow
from .values import RUN, pieces

_WINDOW_BEFORE = 600  # compact characters of header searched before the first row label
_WINDOW_AFTER = 6000
_KEEP = re.compile(r"[^\s\"'“”‘’]+")


@dataclass
class Compact:
    """The normalised text without white space and quotes, with the offset of every character."""

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, norm: str) -> "Compact":
        keep: list[int] = []
        parts: list[str] = []
        for m in _KEEP.finditer(norm):
            keep.extend(range(m.start(), m.end()))
            parts.append(m.group())
        return cls("".join(parts), keep)

    def offset(self, i: int) -> int:
        """Offset in the text of compact index i (one past the end maps past the last char)."""
        if i >= len(self.offsets):
            return self.offsets[-1] + 1 if self.offsets else 0
        return self.offsets[i]

    def end_offset(self, i: int) -> int:
        """Offset just after compact index i-1 (the end of a match ending at i)."""
        return self.offsets[i - 1] + 1 if i > 0 else 0


def compact_of(doc: Document) -> Compact:
    cached = doc.facts.get("_tables_compact")
    if cached is None:
        cached = Compact.of(doc.norm)
        doc.facts["_tables_compact"] = cached
    return cached


def chain(comp: Compact, rows: list[Row], lo: int, hi: int) -> list[tuple[Row, int, int]]:
    """The longest sequence of label matches in layout order that do not overlap.

    Among equally long chains the tightest wins: the latest start (a label quoted in prose
    before the table loses to the table's own) and then the earliest end (a short label such as
    总计 further on, in the next table's header, loses to the row). Matches are taken in order
    of start; a match's best predecessor is the best chain, among matches already ended, whose
    last label comes earlier in the layout (a prefix maximum over the layout's positions)."""
    matches = []
    for idx, row in enumerate(rows):
        for m in row.pattern.finditer(comp.text, lo, hi):
            if m.end() > m.start():
                matches.append((m.start(), m.end(), idx, row))
    if not matches:
        return []
    matches.sort(key=lambda m: (m[0], -m[1]))
    by_end = sorted(range(len(matches)), key=lambda k: matches[k][1])
    ended = 0
    top: list[tuple[tuple[int, int], int] | None] = [None] * len(rows)  # per layout position
    best: list[tuple[int, int, int]] = []  # (length, first start, predecessor)
    for i, (s, e, idx, _) in enumerate(matches):
        while ended < len(by_end) and matches[by_end[ended]][1] <= s and by_end[ended] < i:
            j = by_end[ended]
            key = (best[j][0], best[j][1])
            at = matches[j][2]
            if top[at] is None or key > top[at][0]:
                top[at] = (key, j)
            ended += 1
        score, pred = (1, s), -1
        for at in range(idx):
            if top[at] is not None:
                cand = (top[at][0][0] + 1, top[at][0][1])
                if cand > score:
                    score, pred = cand, top[at][1]
        best.append((score[0], score[1], pred))
    i = max(range(len(best)), key=lambda k: (best[k][0], best[k][1], -matches[k][1]))
    out = []
    while i >= 0:
        s, e, _, row = matches[i]
        out.append((row, s, e))
        i = best[i][2]
    return out[::-1]


def cell_run(doc: Document, start: int, end: int) -> tuple[list[tuple[str, int]], str]:
    """The cell tokens between two offsets, and any other text found there (stray).

    Text without digits before or after the run is a wrapped label or a group header and is
    dropped; digits outside the one run mean the row cannot be read."""
    norm = doc.norm
    segment = norm[start:end]
    runs = [m for m in RUN.finditer(segment) if re.search(r"[0-9]|&nbsp;|[-/—无]", m.group())]
    runs = [m for m in runs if m.group().strip(" \t\n|")]
    if not runs:
        return [], _stray(segment)
    first = runs[0]
    rest = segment[first.end():]
    stray = _stray(segment[: first.start()]) + _stray(rest)
    return pieces(first.group(), start + first.start()), stray


def _stray(text: str) -> str:
    """Digits outside a cell run are what makes stray text matter."""
    return text.strip() if re.search(r"[0-9]", text) else ""


def find_rows(doc: Document, layout: Layout, lo: int, hi: int,
              found: list[tuple[Row, int, int]] | None = None) -> list[RawRow]:
    """RawRows of `layout` found in compact range [lo, hi) (or along a chain already found)."""
    comp = compact_of(doc)
    if found is None:
        found = chain(comp, list(layout.rows), lo, hi)
    out: list[RawRow] = []
    for k, (row, s, e) in enumerate(found):
        if not row.numeric:
            continue
        start = comp.end_offset(e)
        if k + 1 < len(found):
            end = comp.offset(found[k + 1][1])
        else:
            end = _run_end(doc, start)
        tokens, stray = cell_run(doc, start, end)
        out.append(RawRow(row=row, start=comp.offset(s), tokens=tokens, stray=stray))
    return out


def _run_end(doc: Document, start: int) -> int:
    """The last row's cells end where the first text that is not a cell begins."""
    m = RUN.match(doc.norm, start)
    return m.end() if m else start


def anchor(comp: Compact, spec: TableSpec, rows: list[Row]) -> int | None:
    """Compact index of the first row label of the table, else of its first evidence word."""
    hits = [m.start() for r in rows[:3] if r.numeric for m in [r.pattern.search(comp.text)] if m]
    if hits:
        return min(hits)
    hits = [comp.text.find(w) for w in spec.evidence if w in comp.text]
    return min(hits) if hits else None


def header_tokens(comp: Compact, lo: int, hi: int, labels: dict[str, str]) -> list[tuple[str, int]]:
    """Column and group labels in the compact range, in order: (label key, compact index)."""
    if not labels:
        return []
    alternation = "|".join(re.escape(k) for k in sorted(labels, key=len, reverse=True))
    return [(labels[m.group()], m.start()) for m in re.finditer(alternation, comp.text[lo:hi])]
