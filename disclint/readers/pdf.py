"""PDF (pdfplumber): text in reading order with the ruled tables placed where they stand.

What a PDF adds to a report, and what is undone here:
- page furniture: running headers, footers and page numbers (``- 4 -``, ``第 4 页``);
- visual lines instead of paragraphs: wrapped lines are joined back when a line runs to the right
  margin (or stops short only because the next line's first word would not have fitted) and the
  next one is not indented (Chinese paragraphs open with a two-character indent);
- gaps instead of spaces: WPS/Word widen the gap between CJK and Latin digits (``2023 年``), which a
  gap-based extractor turns into spaces; gaps shorter than about half a character are not spaces;
- tables cut by a page break: a table opening page n+1 whose columns line up with the table that
  closes page n is the same table, and a row-spanning label cut in two (``（四）无`` / ``法提供``)
  is put back together;
- text backgrounds drawn as white rectangles (WPS exports), which a ruling-line table finder would
  otherwise take for a one-column table around every paragraph;
- Kangxi radicals (⼀ ⼯) and CJK compatibility ideographs that some PDF fonts map instead of the
  ordinary characters (一 工).
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .base import Grid, ReadError, Source, render_grid_row

# pdfplumber's word grouping: a gap wider than this share of the font size is a word break.
_GAP_RATIO = 0.5
_TEXT_OPTS = {"x_tolerance_ratio": _GAP_RATIO, "keep_blank_chars": True}
_MARGIN_ZONE = 0.1  # share of the page height at top and bottom where headers and footers live
_ALIGN_TOL = 5.0  # points: column edges of a table continued on the next page
_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
# A space between a CJK character and a Latin digit or letter is the widened gap of a Word/WPS
# layout (``2023 年``), never meant text (spec libraries.md §4).
_ARTEFACT_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%]) +(?=[{_CJK}])")
_CELL_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_PAGE_NUMBER = re.compile(r"^[\s\-－—–_·•]*(第\s*)?[0-9０-９]{1,4}\s*(页)?(\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?"
                          r"[\s\-－—–_·•]*$")
_DECORATED_NUMBER = re.compile(r"^\s*([\-－—–_·•]\s*[0-9]{1,4}\s*[\-－—–_·•]|第\s*[0-9]{1,4}\s*页.*|[0-9]{1,4}\s*[/／]\s*[0-9]{1,4})\s*$")
_BARE_NUMBER = re.compile(r"^\s*[0-9]{1,4}\s*$")
_MARKER = re.compile(r"^\s*([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|[0-9]+[.、．])")
_NUMBER = re.compile(r"^\s*-?[0-9][0-9,.]*\s*$")
_SENTENCE_END = set("。！？")  # not ：, which runs on into its list (其中：1、…)
_OPENING = set("（(《〈「『【〔“‘[")
_CLOSING = set("，。、；：！？）)》〉」』】〕”’%,.;:!?]")
_CID = re.compile(r"\(cid:[0-9]+\)")
# Kangxi radicals, CJK radical supplement and compatibility ideographs fold 1:1 under NFKC.
_FOLD = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in [*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)]
         if len(unicodedata.normalize("NFKC", chr(cp))) == 1 and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)}


@dataclass
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    lead: float = 0.0  # width of the line's first unbreakable run (a Latin word, 《关, 年。)


@dataclass
class _Table:
    rows: list[list[str | None]]
    page: int
    top: float
    bottom: float
    bounds: list[float]  # x of each column's left edge, then the table's right edge
    pages: list[int] = field(default_factory=list)  # page of each row


def read(path: str, data: bytes) -> Source:
    try:
        import pdfplumber
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ReadError("unsupported", f"reading PDF needs pdfplumber ({e})")
    pages: list[list] = []
    heights: dict[int, float] = {}
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                heights[number] = float(page.height)
                pages.append(_page_items(page, number))
                page.close()  # drop pdfplumber's per-page caches as we go
    except ReadError:
        raise
    except Exception as e:
        if _raised_here(e):
            raise  # a bug in this reader, not a damaged file: let the caller report it as such
        raise _open_error(e) from e
    if not pages:
        raise ReadError("format", "is a PDF without pages")
    if not _has_text(pages):
        raise ReadError("no-text", "has no usable text layer (a scanned document, or fonts without a "
                                   "Unicode mapping); OCR is out of scope")
    _drop_page_furniture(pages, heights)
    items = _join_split_tables([item for items in pages for item in items])
    return _render(path, items)


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs a warning per unparsable operator of a damaged page; the reader reports the
    damage itself, so those warnings would only be noise on the user's terminal."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _has_text(pages: list[list]) -> bool:
    """Some text that is not pdfminer's "(cid:123)" placeholder for a glyph without Unicode."""
    chunks = []
    for items in pages:
        for item in items:
            chunks.append(item.text if isinstance(item, _Line) else " ".join(c or "" for r in item.rows for c in r))
    text = _CID.sub("", "".join(chunks))
    return sum(ch.isalnum() for ch in text) >= 10


def _raised_here(e: Exception) -> bool:
    tb = e.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_code.co_filename == __file__


def _open_error(e: Exception) -> ReadError:
    """pdfminer's exceptions, often wrapped by pdfplumber, as error kinds."""
    chain, cause = [], e
    while cause is not None and len(chain) < 5:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__ or (cause.args[0] if cause.args and isinstance(cause.args[0], Exception) else None)
    names = " ".join(type(c).__name__ for c in chain)
    if "Password" in names or "Encryption" in names:
        return ReadError("encrypted", "is a password-protected PDF")
    detail = next((str(c) for c in chain if str(c)), type(e).__name__)
    return ReadError("format", f"is a damaged PDF or not a PDF ({detail[:120]})")


# --- one page -------------------------------------------------------------------------------------

def _is_text_background(obj) -> bool:
    """WPS draws a white filled rectangle behind every line of text; those are not rulings."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return False
    colour = obj.get("non_stroking_color")
    if not obj.get("fill"):
        return True
    if isinstance(colour, (int, float)):
        colour = (colour,)
    return isinstance(colour, (tuple, list)) and len(colour) in (1, 3) and all(
        isinstance(c, (int, float)) and c >= 0.99 for c in colour)


def _closing_edges(page) -> list[dict]:
    """Rulings a table is missing where a page break cut it.

    WPS leaves the bottom border off a table that goes on over the page, and the top border off
    the part that opens the next page; the column rules still end level, so a rule is drawn
    across their ends, otherwise the last row (or the first) is not a cell at all.
    """
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["height"] > 3]
    horizontal = [e for e in page.edges if e["orientation"] == "h"]
    added = []
    for end in ("top", "bottom"):
        ordered = sorted(vertical, key=lambda e: e[end])
        groups: list[list[dict]] = []
        for e in ordered:
            if groups and e[end] - groups[-1][-1][end] <= 2:
                groups[-1].append(e)
            else:
                groups.append([e])
        for group in groups:
            if len(group) < 3:
                continue
            y = sorted(e[end] for e in group)[len(group) // 2]
            x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
            if any(abs(h["top"] - y) <= 3 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3 for h in horizontal):
                continue
            added.append({"object_type": "closing_edge", "orientation": "h", "x0": x0, "x1": x1,
                          "top": y, "bottom": y, "width": x1 - x0, "height": 0})
    return added


def _orphans_into_cells(found, rows: list, chars: list) -> None:
    """Text inside a table but in no cell the rulings close (a broken border) goes to its column.

    The text lands in the first row of the run of covered slots it sits in, as a spanning label would.
    """
    from pdfplumber.utils import extract_text

    cells = found.cells
    row_boxes = [r.bbox for r in found.rows]
    xs = sorted({c[0] for c in cells})
    lost: dict[tuple[int, int], list] = {}  # (column, first row of the covered run) -> chars
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if ch["text"].isspace() or any(c[0] <= cx <= c[2] and c[1] <= cy <= c[3] for c in cells):
            continue
        r = next((i for i, b in enumerate(row_boxes) if b[1] - 1 <= cy <= b[3] + 1), None)
        col = max((i for i, x in enumerate(xs) if x <= cx + 1), default=None)
        if r is None or col is None or col >= len(rows[r]) or rows[r][col] is not None:
            continue
        while r > 0 and rows[r - 1][col] is None:
            r -= 1
        lost.setdefault((col, r), []).append(ch)
    for (col, r), group in lost.items():
        rows[r][col] = extract_text(group, **_TEXT_OPTS)


def _page_items(page, number: int) -> list:
    clean = page.filter(lambda obj: not _is_text_background(obj))
    tables = []
    settings = {"explicit_horizontal_lines": _closing_edges(clean)}
    for found in clean.find_tables(table_settings=settings):
        rows = found.extract(**_TEXT_OPTS)
        width = max((len(r) for r in rows), default=0)
        if width < 2 or len(rows) < 2:
            continue  # a frame around text, not a table: its text is read as lines
        if any(c is None for r in rows for c in r):
            inside = clean.crop(found.bbox, relative=False, strict=False).chars
            _orphans_into_cells(found, rows, inside)
        xs = sorted({round(c[0], 1) for c in found.cells})
        rows = [[_cell(c) for c in r] for r in rows]
        tables.append(_Table(rows=rows, page=number, top=found.bbox[1], bottom=found.bbox[3],
                             bounds=[*xs, found.bbox[2]], pages=[number] * len(rows)))
    boxes = [(t.bounds[0], t.top, t.bounds[-1], t.bottom) for t in tables]

    def outside_tables(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes)

    lines = []
    for raw in clean.filter(outside_tables).extract_text_lines(strip=True, return_chars=True, **_TEXT_OPTS):
        text = _tidy(raw["text"])
        if not text:
            continue
        sizes = sorted(c["size"] for c in raw["chars"] if not c["text"].isspace()) or [10.0]
        lines.append(_Line(text, number, raw["top"], raw["bottom"], raw["x0"], raw["x1"], sizes[len(sizes) // 2],
                           _lead_width(raw["chars"])))
    return sorted([*lines, *tables], key=lambda item: item.top)


def _lead_width(chars: list) -> float:
    """Width of the run a layout cannot break before the line's end: a Latin word or number, an
    opening bracket with the character after it, and the closing punctuation that may not open a
    line. When this run does not fit in the space left on the line above, the line above was
    wrapped early, not ended (ragged-right layouts: LibreOffice, 左对齐 Word)."""
    chars = [c for c in chars if not c["text"].isspace()]
    if not chars:
        return 0.0
    i = 0
    if chars[0]["text"].isascii() and chars[0]["text"].isalnum():
        while i + 1 < len(chars) and chars[i + 1]["text"].isascii() and not chars[i + 1]["text"].isspace():
            i += 1
    elif chars[0]["text"] in _OPENING and len(chars) > 1:
        i = 1
    while i + 1 < len(chars) and chars[i + 1]["text"] in _CLOSING:
        i += 1
    return float(chars[i]["x1"] - chars[0]["x0"])


def _tidy(text: str) -> str:
    return _ARTEFACT_SPACE.sub("", text.translate(_FOLD)).strip()


def _cell(value: str | None) -> str | None:
    """A cell's lines are wrapping inside a narrow column, not the author's line breaks."""
    if value is None:
        return None
    parts = [p.strip() for p in _tidy(value).split("\n") if p.strip()]
    out = ""
    for part in parts:
        joiner = " " if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum() else ""
        out += joiner + part
    return _CELL_SPACE.sub("", out)


# --- page furniture -------------------------------------------------------------------------------

def _drop_page_furniture(pages: list[list], heights: dict[int, float]) -> None:
    """Remove page numbers and running headers/footers (lines repeated in the page margins)."""
    margins = [set(map(id, _margin_lines(items, heights))) for items in pages]
    repeated = Counter()
    for items, margin in zip(pages, margins):
        repeated.update({_shape(i.text) for i in items if id(i) in margin})
    threshold = max(2, (len(pages) + 1) // 2)
    numbering = _page_number_offsets(pages, margins)
    for items, margin in zip(pages, margins):
        lines = [i for i in items if isinstance(i, _Line)]
        edge = {id(lines[0]), id(lines[-1])} if lines else set()
        items[:] = [item for item in items if not (
            isinstance(item, _Line) and (
                (id(item) in margin and (_is_page_number(item, numbering) or _is_running_line(item, repeated, threshold)))
                or (id(item) in edge and _DECORATED_NUMBER.match(item.text))))]


def _page_number_offsets(pages: list[list], margins: list[set]) -> set[int]:
    """Offsets (printed number − page index) that bare numbers in the margins share across pages.

    A bare number is a page number only when the pages count up with it: a table flattened to one
    cell per line puts its cells (35, 0, 0) in the margin zone too, and those are the report's data.
    """
    seen: dict[int, set[int]] = {}
    for items, margin in zip(pages, margins):
        for item in items:
            if id(item) in margin and _BARE_NUMBER.match(item.text):
                seen.setdefault(int(item.text.strip()) - item.page, set()).add(item.page)
    return {0} | {offset for offset, on in seen.items() if len(on) >= 2}


def _is_running_line(line: _Line, repeated: Counter, threshold: int) -> bool:
    # Every bare number has the shape "#"; whether it is page furniture is _is_page_number's call.
    return repeated[_shape(line.text)] >= threshold and not _BARE_NUMBER.match(line.text)


def _is_page_number(line: _Line, offsets: set[int]) -> bool:
    if not _PAGE_NUMBER.match(line.text):
        return False
    bare = _BARE_NUMBER.match(line.text)
    return not bare or int(line.text.strip()) - line.page in offsets


def _margin_lines(items: list, heights: dict[int, float]) -> list[_Line]:
    """Lines in the top or bottom margin zone of their page."""
    return [i for i in items if isinstance(i, _Line) and (
        i.bottom < heights[i.page] * _MARGIN_ZONE or i.top > heights[i.page] * (1 - _MARGIN_ZONE))]


def _shape(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", text.replace(" ", ""))


# --- tables across pages --------------------------------------------------------------------------

def _join_split_tables(items: list) -> list:
    out: list = []
    for item in items:
        prev = out[-1] if out else None
        if (isinstance(item, _Table) and isinstance(prev, _Table) and item.page == prev.page + 1
                and _continues(prev, item)):
            _append(prev, item)
        else:
            out.append(item)
    return out


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= _ALIGN_TOL


def _subset(small: list[float], big: list[float]) -> bool:
    return all(any(_near(s, b) for b in big) for s in small)


def _continues(prev: _Table, nxt: _Table) -> bool:
    if not (_near(prev.bounds[0], nxt.bounds[0]) and _near(prev.bounds[-1], nxt.bounds[-1])):
        return False
    return _subset(nxt.bounds, prev.bounds) or _subset(prev.bounds, nxt.bounds)


def _remap(rows: list, src: list[float], dst: list[float]) -> list:
    """Rows laid on the column edges `src` spread over the finer edges `dst` (spans become None)."""
    starts = [min(range(len(dst) - 1), key=lambda i: abs(dst[i] - x)) for x in src[:-1]] + [len(dst) - 1]
    out = []
    for row in rows:
        new: list[str | None] = [None] * (len(dst) - 1)
        for j, value in enumerate(row):
            new[starts[j]] = value
        out.append(new)
    return out


def _append(prev: _Table, nxt: _Table) -> None:
    rows = nxt.rows
    if len(nxt.bounds) > len(prev.bounds):
        prev.rows = _remap(prev.rows, prev.bounds, nxt.bounds)
        prev.bounds = nxt.bounds
    elif len(nxt.bounds) < len(prev.bounds):
        rows = _remap(rows, nxt.bounds, prev.bounds)
    pages = list(nxt.pages)
    # A header row repeated on the new page says nothing new.
    k = 0
    while k < min(len(rows), len(prev.rows)) and rows[k] == prev.rows[k] and any(rows[k]):
        k += 1
    rows, pages = rows[k:], pages[k:]
    if rows and _mend_cut_cells(prev.rows, rows[0]):
        rows, pages = rows[1:], pages[1:]
    prev.rows.extend(rows)
    prev.pages.extend(pages)
    prev.bottom = nxt.bottom


def _block_above(rows: list, col: int) -> tuple[int, int] | None:
    for r in range(len(rows) - 1, -1, -1):
        value = rows[r][col] if col < len(rows[r]) else None
        if value is not None:
            return (r, col) if value else None
    return None


def _mend_cut_cells(rows: list, first: list) -> bool:
    """Cells of a row group cut by the page break continue the cell above instead of starting anew.

    Returns True when `first` was a row broken in two and has been merged into the last row.
    """
    last = rows[-1]
    texts = [v for v in first if v]
    same_shape = [v is None for v in first] == [v is None for v in last]
    if (texts and same_shape and any(v and _NUMBER.match(v) for v in last)
            and not any(_NUMBER.match(v) or _MARKER.match(v) for v in texts)
            and all(first[c] == "" for c, v in enumerate(last) if v and _NUMBER.match(v))):
        # A single row broken across the page: only the rest of its label cells is on the new page.
        if all(last[c] for c, v in enumerate(first) if v):
            for c, v in enumerate(first):
                if v:
                    last[c] += v
            return True
    for col, value in enumerate(first):
        if value is None:
            continue
        above = _block_above(rows, col)
        if above is None:
            break
        if value == "":
            first[col] = None  # a blank leading label cell is the rest of the spanning label above
            continue
        r, c = above
        if not _MARKER.match(value) and not _NUMBER.match(value) and _MARKER.match(rows[r][c]):
            rows[r][c] += value  # （四）无 + 法提供
            first[col] = None
        break
    return False


# --- paragraphs and output ------------------------------------------------------------------------

def _render(path: str, items: list) -> Source:
    lines = [i for i in items if isinstance(i, _Line)]
    left = _mode([round(line.x0) for line in lines])
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.9)] if lines else 0
    out: list[tuple[str, dict]] = []
    grids: list[Grid] = []
    prev: _Line | None = None
    for item in items:
        if isinstance(item, _Table):
            rows = [r for r in item.rows if any(c for c in r)]
            if not rows:
                continue
            table_no = len(grids) + 1
            grids.append(Grid(rows=item.rows, first_line=len(out) + 1, where={"page": item.page, "table": table_no}))
            out.extend((render_grid_row(r), {"page": p}) for r, p in zip(item.rows, item.pages))
            prev = None
            continue
        if prev is not None and _continues_paragraph(prev, item, left, right):
            text, loc = out[-1]
            joiner = " " if text[-1:].isascii() and text[-1:].isalnum() and item.text[:1].isascii() and item.text[:1].isalnum() else ""
            out[-1] = (text + joiner + item.text, loc)
        else:
            out.append((item.text, {"page": item.page}))
        prev = item
    text = "\n".join(t for t, _ in out) + "\n"
    return Source(path=path, text=text, format="pdf", grids=grids,
                  locations={i + 1: loc for i, (_, loc) in enumerate(out)})


def _mode(values: list[int]) -> int:
    return Counter(values).most_common(1)[0][0] if values else 0


def _continues_paragraph(prev: _Line, line: _Line, left: float, right: float) -> bool:
    size = max(prev.size, line.size)
    if abs(prev.size - line.size) > 1.0:
        return False
    # The previous line stopped short, and the start of this one would have fitted there: the
    # paragraph ended.
    if prev.x1 < right - max(1.2 * size, line.lead + 0.5 * size):
        return False
    if line.x0 > left + 0.5 * size:  # an indented line opens a paragraph
        return False
    if line.page == prev.page and line.top - prev.bottom > 1.2 * size:
        return False
    # A sentence that happened to fill its line, then a numbered heading at the margin (…的问题。 / 四、…).
    if prev.text.rstrip()[-1:] in _SENTENCE_END and _MARKER.match(line.text):
        return False
    return True
