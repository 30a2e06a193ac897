"""Spreadsheet cells that can never run: report text (a body's name, a file name, a line of the
report) is untrusted, and a cell that begins with = + - @ (or a tab or carriage return, which some
importers strip before looking) is read by Excel and LibreOffice as a formula (CSV injection, OWASP).

- CSV: OWASP's remedy — a single quote in front, inside the quoted field. The quote is visible in
  the cell; nothing else changes.
- xlsx: the cell is written as a string (never a formula) with the quotePrefix style, which is how
  Excel stores text typed after an apostrophe: the reader sees exactly the text, and editing the cell
  keeps it text.
Numbers (a count, a negative figure) are numbers, not text, and stay as they are."""
from __future__ import annotations

import re
from functools import lru_cache

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Control characters the xlsx XML refuses (openpyxl raises on them); tab, LF and CR are allowed.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def risky(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_value(value):
    """A CSV field: text that could start a formula gets OWASP's leading single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_text(text: str) -> str | None:
    """Report text made fit for the xlsx XML; an empty text becomes no cell at all (None): read back
    it is the same empty cell, and openpyxl skips it instead of spending ~15 µs writing it."""
    if not text:
        return None
    if _ILLEGAL.search(text):  # a search that finds nothing is ~20× faster than str.translate
        text = _ILLEGAL.sub("", text)
    return text


def xlsx_cells(ws, values: list, wrap: frozenset[int] = frozenset()) -> list:
    """One row for a write-only sheet: text that could start a formula becomes a string cell with the
    quotePrefix style, long text in the `wrap` columns wraps; everything else goes as a plain value
    (the cheap path for most cells)."""
    out = []
    for i, v in enumerate(values):
        if isinstance(v, str):
            v = xlsx_text(v)
            if v is not None and (i in wrap or v.startswith(FORMULA_START)):
                v = _text_cell(ws, v, i in wrap)
        out.append(v)
    return out


def _text_cell(ws, text: str, wrap: bool):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=text)
    if text.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl makes a str beginning with "=" a formula
        cell.quotePrefix = True
    if wrap:
        cell.alignment = _wrap()
    return cell


@lru_cache(maxsize=1)
def _wrap():
    from openpyxl.styles import Alignment  # only when a workbook is written

    return Alignment(wrap_text=True)  # bottom, as every other cell of the row
