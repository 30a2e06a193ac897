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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..model import Document
from .layout import Layout, Row, TableSpec
from .rawrow import RawRow
from .values import RUN, pieces

_WINDOW_BEFORE = 600  # compact characters of header searched before the first row label
_WINDOW_AFTER = 6000
# Everything but white space and quotes. The white space is that of str.isspace (what \s matches)
# written out, as one character set is tested in one step where `\s` and the quotes are tested one
# after another, for every character of the report.
SPACES = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_KEEP = re.compile(f"[^{SPACES}\"'“”‘’]+")


@dataclass
class Compact:
    """The normalised text without white space and quotes, and where each of its characters was.

    The text is kept as runs of characters that were together in the normalised text: a compact
    index is mapped back through its run (a binary search), which costs far less than a list of
    one offset per character, since only a few dozen indexes are ever mapped back."""

    text: str
    starts: list[int]  # compact index of each run's first character
    origins: list[int]  # offset of the same character in the normalised text

    @classmethod
    def of(cls, norm: str) -> "Compact":
        runs = list(_KEEP.finditer(norm))
        parts = [m.group() for m in runs]
        starts = list(accumulate(map(len, parts), initial=0))
        starts.pop()  # the total length
        return cls("".join(parts), starts, [m.start() for m in runs])

    def _origin(self, i: int) -> int:
        """Offset in the text of compact index i, 0 <= i < len(self.text)."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    def offset(self, i: int) -> int:
        """Offset in the text of compact index i (one past the end maps past the last char)."""
        if i >= len(self.text):
            return self._origin(len(self.text) - 1) + 1 if self.text else 0
        return self._origin(i)

    def end_offset(self, i: int) -> int:
        """Offset just after compact index i-1 (the end of a match ending at i)."""
        return self._origin(i - 1) + 1 if i > 0 else 0

    def index(self, offset: int) -> int:
        """The compact index of the first kept character at or after `offset` of the text (offset's
        inverse)."""
        k = bisect_right(self.origins, offset) - 1
        if k < 0:
            return 0
        run_len = (self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)) - self.starts[k]
        inside = offset - self.origins[k]
        return self.starts[k] + inside if inside < run_len else self.starts[k] + run_len


def compact_of(doc: Document) -> Compact:
    cached = doc.facts.memo.get("tables_compact")
    if cached is None:
        cached = Compact.of(doc.norm)
        doc.facts.memo["tables_compact"] = cached
    return cached


def chain(comp: Compact, rows: list[Row], lo: int, hi: int,
          memo: dict | None = None) -> list[tuple[Row, int, int]]:
    """The longest sequence of label matches in layout order that do not overlap.

    Among equally long chains the tightest wins: the latest start (a label quoted in prose
    before the table loses to the table's own) and then the earliest end (a short label such as
    总计 further on, in the next table's header, loses to the row). Matches are taken in order
    of start; a match's best predecessor is the best chain, among matches already ended, whose
    last label comes earlier in the layout (a prefix maximum over the layout's positions).

    `memo` ((pattern source, lo, hi) → spans) shares the label search between layouts that
    have rows in common."""
    matches = _label_matches(comp, rows, lo, hi, {} if memo is None else memo)
    if not matches:
        return []
    matches.sort(key=lambda m: (m[0], -m[1]))
    best = _best_chains(matches, len(rows))
    i = max(range(len(best)), key=lambda k: (best[k][0], best[k][1], -matches[k][1]))
    out = []
    while i >= 0:
        s, e, _, row = matches[i]
        out.append((row, s, e))
        i = best[i][2]
    return out[::-1]


def _label_matches(comp: Compact, rows: list[Row], lo: int, hi: int, memo: dict) -> list[tuple[int, int, int, Row]]:
    """(start, end, layout position, row) of every non-empty label match in [lo, hi)."""
    out = []
    for idx, row in enumerate(rows):
        key = (row.pattern.pattern, lo, hi)
        spans = memo.get(key)
        if spans is None:
            spans = [m.span() for m in row.pattern.finditer(comp.text, lo, hi) if m.end() > m.start()]
            memo[key] = spans
        out += [(s, e, idx, row) for s, e in spans]
    return out


def _best_chains(matches: list[tuple[int, int, int, Row]], positions: int) -> list[tuple[int, int, int]]:
    """For each match (sorted by start): (length, first start, predecessor) of the best chain
    ending with it, built on the best chain among the matches already ended whose label comes
    earlier in the layout."""
    by_end = sorted(range(len(matches)), key=lambda k: matches[k][1])
    ended = 0
    top: list[tuple[int, int] | None] = [None] * positions  # best (length, start) per position
    earlier = _PrefixBest(positions)
    best: list[tuple[int, int, int]] = []  # (length, first start, predecessor)
    for i, (s, _, idx, _) in enumerate(matches):
        while ended < len(by_end) and matches[by_end[ended]][1] <= s and by_end[ended] < i:
            j = by_end[ended]
            key = best[j][:2]
            at = matches[j][2]
            if top[at] is None or key > top[at]:
                top[at] = key
                earlier.offer(at, key, j)
            ended += 1
        found = earlier.before(idx)
        best.append((1, s, -1) if found is None else (found[0][0] + 1, found[0][1], found[1]))
    return best


class _PrefixBest:
    """The best (key, match) among layout positions 0 … p-1, as a Fenwick tree of maxima: an
    offer and a question cost log(positions) steps instead of one per position. Keys carry
    -position, so that among equal keys the earliest position wins, as a scan from the first
    position keeping only strictly better keys would choose."""

    def __init__(self, positions: int):
        self.size = positions
        self.tree: list[tuple[tuple[int, int, int], int] | None] = [None] * (positions + 1)

    def offer(self, at: int, key: tuple[int, int], match: int) -> None:
        node = ((key[0], key[1], -at), match)
        k = at + 1
        while k <= self.size:
            if self.tree[k] is None or node[0] > self.tree[k][0]:
                self.tree[k] = node
            k += k & -k

    def before(self, position: int) -> tuple[tuple[int, int, int], int] | None:
        found = None
        k = position
        while k > 0:
            node = self.tree[k]
            if node is not None and (found is None or node[0] > found[0]):
                found = node
            k -= k & -k
        return found


def cell_run(doc: Document, start: int, end: int) -> tuple[list[tuple[str, int]], str]:
    """The cell tokens between two offsets, and any other text found there (stray).

    Text without digits before or after the run is a wrapped label or a group header and is
    dropped; digits outside the one run mean the row cannot be read."""
    segment = doc.norm[start:end]
    first = next((m for m in RUN.finditer(segment) if _CELLISH.search(m.group()) and m.group().strip(" \t\n|")),
                 None)
    if first is None:
        return [], _stray(segment)
    stray = _stray(segment[: first.start()]) + _stray(segment[first.end():])
    return pieces(first.group(), start + first.start()), stray


_CELLISH = re.compile(r"[0-9]|&nbsp;|[-/—无]")
_DIGIT = re.compile(r"[0-9]")


def _stray(text: str) -> str:
    """Digits outside a cell run are what makes stray text matter."""
    return text.strip() if _DIGIT.search(text) else ""


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
        raw = RawRow(row, comp.offset(s), tokens)  # (positional: see values.parse_cell)
        raw.stray = stray
        out.append(raw)
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
    alternation = label_alternation(tuple(labels))
    return [(labels[m.group()], m.start()) for m in alternation.finditer(comp.text[lo:hi])]


@lru_cache(maxsize=32)
def label_alternation(keys: tuple[str, ...]) -> re.Pattern:
    """Any of the literal labels, longest first (compiled once per set of labels)."""
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
