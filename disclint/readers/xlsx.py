"""Spreadsheets (python-calamine): each sheet as a heading line (its name) and its rows as a grid.

Statistics tables are sometimes published as a workbook next to the report (seed 000's 统计表.xls).
Merged ranges are expanded like HTML spans: the top-left cell keeps the value, the rest are None.
"""
from __future__ import annotations

import datetime as dt
import io

from .base import Grid, ReadError, Source, render_grid_row

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(path: str, data: bytes) -> Source:
    if data.startswith(_OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data:
        raise ReadError("encrypted", "is a password-protected workbook")
    if data.startswith(b"PK"):
        from .docx import guard_zip

        guard_zip(data)
    return read_workbook(path, data, "xlsx")


def read_workbook(path: str, data: bytes, fmt: str) -> Source:
    """Any workbook calamine understands (.xlsx, .xls, .ods); `fmt` names it in the Source."""
    try:
        import python_calamine as calamine
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ReadError("unsupported", f"reading spreadsheets needs python-calamine ({e})")
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [(meta.name, book.get_sheet_by_name(meta.name)) for meta in book.sheets_metadata
                  if meta.visible == calamine.SheetVisibleEnum.Visible]
        tables = [(name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or [])
                  for name, sheet in sheets]
    except calamine.PasswordError:
        raise ReadError("encrypted", "is a password-protected workbook")
    except Exception as e:  # calamine raises its own errors, and ValueError/OSError for odd input
        raise ReadError("format", f"is not a readable workbook ({type(e).__name__}: {e})")
    lines: list[tuple[str, dict]] = []
    grids: list[Grid] = []
    for name, values, merged in tables:
        rows, first_row = _grid(values, merged)
        if not rows:
            continue
        lines.append((name, {"sheet": name}))
        grids.append(Grid(rows=rows, first_line=len(lines) + 1, where={"sheet": name, "table": len(grids) + 1}))
        lines.extend((render_grid_row(r), {"sheet": name, "row": first_row + i + 1}) for i, r in enumerate(rows))
    if not grids:
        raise ReadError("empty", "is a workbook without any filled cell")
    return Source(path=path, text="\n".join(t for t, _ in lines) + "\n", format=fmt, grids=grids,
                  locations={i + 1: loc for i, (_, loc) in enumerate(lines)})


def _cell(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _grid(values: list[list], merged) -> tuple[list[list[str | None]], int]:
    """Cells as strings, merges expanded, blank border rows and columns trimmed.

    Returns the rows and the 0-based sheet row of the first one (for locations).
    """
    rows: list[list[str | None]] = [[_cell(v) for v in row] for row in values]
    for (r0, c0), (r1, c1) in merged:
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if (r, c) != (r0, c0):
                    rows[r][c] = None
    filled = [i for i, row in enumerate(rows) if any(row_cell for row_cell in row)]
    if not filled:
        return [], 0
    top, bottom = filled[0], filled[-1]
    rows = rows[top:bottom + 1]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    used = [c for c in range(width) if any(r[c] for r in rows)]
    left, right = used[0], used[-1]
    return [r[left:right + 1] for r in rows], top
