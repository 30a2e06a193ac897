"""Find a table's rows in the grids structured readers kept (HTML `<table>`, DOCX, PDF), and in
runs of pipe rows of plain-text and Markdown reports.

A grid keeps real cell borders, so columns come from the header cells above the first row label
(a swapped pair of headers swaps the columns it names), and a blank cell stays a blank cell. A
table split over two pages (peers/洪泽区2023.pdf) continues under the header of its first part.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..model import Document, PipeRow
from ..normalize import compact
from .layout import Layout, Row, TableSpec
from .rawrow import RawRow
from .values import parse_cell

_FUZZY = 0.8  # PDF copies drop characters from labels: 其他法律行政止公开


@dataclass
class Sheet:
    rows: list[list[str | None]]
    offsets: list[list[int | None]]  # offset in Document.text of each cell's text
    row_starts: list[int]
    where: dict = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)  # 1-based source line of each row


def sheets(doc: Document) -> list[Sheet]:
    """The document's grids, or its runs of pipe rows when the reader kept no grids."""
    cached = doc.facts.memo.get("tables_sheets")
    if cached is None:
        cached = _sheets(doc)
        doc.facts.memo["tables_sheets"] = cached
    return cached


def _sheets(doc: Document) -> list[Sheet]:
    if doc.source.grids:
        out = []
        for grid in doc.source.grids:
            starts, offsets = [], []
            for i, cells in enumerate(grid.rows):
                line = grid.first_line + i
                begin = _line_start(doc, line)
                starts.append(begin)
                offsets.append(_cell_offsets(doc.text, begin, cells))
            out.append(Sheet(grid.rows, offsets, starts, dict(grid.where),
                             [grid.first_line + i for i in range(len(grid.rows))]))
        return out
    return _pipe_sheets(doc)


def _line_start(doc: Document, line: int) -> int:
    doc.position(0)
    starts = doc._line_starts
    return starts[line - 1] if 0 < line <= len(starts) else 0


def _cell_offsets(text: str, begin: int, cells: list[str | None], bordered: bool = True) -> list[int | None]:
    """Where each cell's text starts on its pipe row: `| a | b |`, or without the border in front,
    `a | b |` (the first cell starts the line's text)."""
    end = text.find("\n", begin)
    line = text[begin: end if end >= 0 else len(text)]
    out: list[int | None] = []
    # where the border before the next cell is (None: no more; -1: before the line, `a | b |`)
    pos: int | None = len(line) - len(line.lstrip()) - 1
    if bordered:
        pos = line.find("|") if "|" in line else None
    for _ in cells:
        if pos is None:
            out.append(None)
            continue
        nxt = line.find("|", pos + 1)
        pos_next = nxt if nxt >= 0 else None
        seg_start = pos + 1
        while seg_start < len(line) and line[seg_start] == " ":
            seg_start += 1
        out.append(begin + seg_start)
        pos = pos_next
    return out


def _pipe_sheets(doc: Document) -> list[Sheet]:
    runs: list[list[PipeRow]] = []
    last_line = -2
    current: list[PipeRow] | None = None
    for block in doc.blocks:
        if not isinstance(block, PipeRow):
            if current is not None and not (hasattr(block, "text") and not block.text.strip()):
                current = None
            continue
        line, _ = doc.position(block.start)
        if current is None or line > last_line + 2:
            current = []
            runs.append(current)
        current.append(block)
        last_line = line
    return [sheet for run in runs if len(run) >= 2 for sheet in [_pipe_sheet(doc, run)] if sheet is not None]


def _pipe_sheet(doc: Document, run: list[PipeRow]) -> Sheet | None:
    """A run of pipe rows as a grid, or None when it is not one: every cell on a line of its own
    (「规章 |」「0 |」), or rows whose blank cells were left out (merged cells printed once, so a row's
    n-th cell is not the n-th column). The running text is read instead (tables.scan), as for a
    table flattened into one line.

    Pages write the rows `| a | b |` or `a | b |`. In the second way, a line that begins with `|`
    begins with a blank cell (三、本年度办理结果 | （一）予以公开 | … then | （二）部分公开 | …)."""
    bordered = all(doc.text.startswith("|", b.start) for b in run)
    sheet = Sheet([], [], [], {})
    for block in run:
        cells, blank_first = list(block.cells), not bordered and doc.text.startswith("|", block.start)
        line, column = doc.position(block.start)
        offsets = _cell_offsets(doc.text, block.start - (column - 1), cells, bordered or blank_first)
        if blank_first:
            cells, offsets = ["", *cells], [None, *offsets]
        sheet.rows.append(cells)
        sheet.offsets.append(offsets)
        sheet.row_starts.append(block.start)
        sheet.lines.append(line)
    if not any(sum(1 for c in r if c) >= 2 for r in sheet.rows):
        return None
    if not bordered and len({len(r) for r in sheet.rows}) > 1:
        return None
    return sheet


def match_label(text: str, rows: list[Row]) -> Row | None:
    """The row a label cell names: its pattern, else the closest core when only a few characters
    differ (characters lost in PDF extraction)."""
    key = compact(text)
    if not key or not _CJK.search(key):
        return None  # numbers and blanks name no row
    memo = _MEMO.setdefault(tuple(map(id, rows)), {})  # layouts live as long as the process
    if key not in memo:
        memo[key] = _match_key(key, rows)
    return memo[key]


_CJK = re.compile("[\u4e00-\u9fff]")
_MEMO: dict[tuple[int, ...], dict[str, Row | None]] = {}


def _match_key(key: str, rows: list[Row]) -> Row | None:
    for row in rows:
        if row.core and row.pattern.fullmatch(key):
            return row
    for row in rows:
        if row.core and row.pattern.search(key) and len(key) <= len(row.label) + 12:
            return row
    stripped = re.sub(r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|[0-9]{1,2}[.、,])", "", key)
    best, score = None, 0.0
    for row in rows:
        if not row.core or len(row.core) < 4:
            continue
        matcher = difflib.SequenceMatcher(None, stripped, row.core, autojunk=False)
        if matcher.real_quick_ratio() < _FUZZY or matcher.quick_ratio() < _FUZZY:
            continue
        r = matcher.ratio()
        if r > score:
            best, score = row, r
    return best if score >= _FUZZY else None


def grid_rows(doc: Document, spec: TableSpec, layout: Layout, column_map, per_row: bool = False) -> list[RawRow]:
    """RawRows for a table with one label column block and data columns (requests, proactive).

    `column_map(header_rows, width)` → {grid column: column id} or None; with `per_row` (the
    第二十条 blocks, each with its own columns) a row's cells are the ones after its label."""
    rows = list(layout.rows)
    out: list[RawRow] = []
    mapping: dict[int, str] | None = None
    width = 0
    for sheet in sheets(doc):
        first = None
        labelled = []
        for i, cells in enumerate(sheet.rows):
            texts = [c for c in cells if c and c.strip()]
            hit = None
            for text in reversed(texts):
                hit = match_label(text, rows)
                if hit is not None:
                    break
            # Short labels (总计, 其他, 规章) also head columns: a row starts the table only
            # with a label of its own, and short ones count once the table has started.
            if hit is not None and (first is not None or len(hit.core) >= 4 or per_row):
                labelled.append((i, hit))
                if first is None:
                    first = i
        if first is None:
            continue
        if per_row:
            out += _per_row(sheet, labelled)
            continue
        sheet_width = max(len(r) for r in sheet.rows)
        own = column_map(sheet.rows[:first], sheet_width) if first > 0 else None
        if own:
            mapping, width = own, sheet_width
        elif mapping is None or sheet_width != width:
            mapping = column_map([], sheet_width)
            width = sheet_width
            if not mapping:
                continue
        for i, row in labelled:
            if not row.numeric:
                continue
            cells = sheet.rows[i]
            got = {}
            for j, col in mapping.items():
                if j < len(cells):
                    raw = cells[j] or ""
                    off = sheet.offsets[i][j] if j < len(sheet.offsets[i]) else None
                    where = {**sheet.where, "row": i + 1, "col": j + 1} if sheet.where else {}
                    got[col] = parse_cell(raw, off, off + len(raw) if off is not None else None, where)
            out.append(RawRow(row=row, start=sheet.row_starts[i], cells=got,
                              where={**sheet.where, "row": i + 1} if sheet.where else {}))
    return out


def header_labels(header_rows: list[list[str | None]], labels: dict[str, str]) -> dict[int, list[str]]:
    """Grid column → the known labels written in it, top row first (compact key → id)."""
    out: dict[int, list[str]] = {}
    for cells in header_rows:
        for j, c in enumerate(cells):
            key = compact(c or "")
            if key in labels:
                out.setdefault(j, []).append(labels[key])
    return out


def _per_row(sheet: Sheet, labelled) -> list[RawRow]:
    out = []
    for i, row in labelled:
        cells = sheet.rows[i]
        at = next((j for j, c in enumerate(cells) if c and compact(c) and row.pattern.search(compact(c))), 0)
        got = {}
        for k, col in enumerate(row.columns):
            j = at + 1 + k
            raw = cells[j] if j < len(cells) and cells[j] is not None else ""
            off = sheet.offsets[i][j] if j < len(sheet.offsets[i]) else None
            where = {**sheet.where, "row": i + 1, "col": j + 1} if sheet.where else {}
            got[col.id] = parse_cell(raw, off, off + len(raw) if off is not None else None, where)
        out.append(RawRow(row=row, start=sheet.row_starts[i], cells=got))
    return out
