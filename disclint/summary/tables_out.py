"""summary.xlsx, summary.csv and findings.json: the per-report table, every finding, and the JSON
contract (spec/output-contract.md, version 1) of the whole batch, cross-report findings included."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from .digest import ReportDigest
from .rows import FINDING_COLUMNS, TABLE_COLUMNS, Row, table_values


def findings_json(digests: list[ReportDigest]) -> str:
    from ..formatters.json import VERSION

    counts = {"error": 0, "warning": 0, "info": 0}
    for d in digests:
        for f in d.findings:
            counts[f["severity"]] += 1
    summary = {"files": len(digests), "errors": counts["error"], "warnings": counts["warning"],
               "infos": counts["info"], "unreadable": sum(1 for d in digests if d.error)}
    # One file entry per line: readable with grep and head, and written by json's C encoder (an
    # indented dump falls back to the pure-Python one, 5× slower on a 10,000-report batch).
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    files = ",\n".join(dump(d.entry) for d in digests)
    return f'{{"version":{VERSION},"files":[\n{files}\n],\n"summary":{dump(summary)}}}\n'


def summary_csv(rows: list[Row]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([h for h, _ in TABLE_COLUMNS])
    for r in rows:
        writer.writerow(table_values(r))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


_WIDTHS = {"文件": 36, "机关": 28, "说明": 70, "原文": 60, "缺少部分": 22, "无法读取原因": 40, "对比报告": 30}

# The sheets of summary.xlsx, in workbook order, and their columns.
SHEETS = {"报告": [h for h, _ in TABLE_COLUMNS], "问题": FINDING_COLUMNS, "跨年度问题": FINDING_COLUMNS}


def summary_xlsx(parts: Iterable[tuple[str, list[list]]]) -> bytes:
    """The workbook, from (sheet title, rows) parts that may interleave the sheets in any order:
    each write-only sheet streams to its own temporary file, so the summary fills 问题 while the
    reports are linted, and 报告 (the first sheet) and 跨年度问题 after the cross checks."""
    try:
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter
    except ImportError as e:  # pragma: no cover - openpyxl is in the summary extra
        raise RuntimeError("summary.xlsx needs openpyxl: pip install 'disclint[summary]'") from e
    # write_only streams rows: 10,000 reports and their findings stay within seconds and little memory.
    wb = Workbook(write_only=True)
    sheets = {title: _sheet(wb, title, header) for title, header in SHEETS.items()}
    counts = dict.fromkeys(SHEETS, 0)
    for title, rows in parts:
        ws = sheets[title]
        for values in rows:
            ws.append(_cells(values))
        counts[title] += len(rows)
    for title, ws in sheets.items():
        # openpyxl writes the filter after the rows (when the sheet is closed), so its range can wait
        # for the row count.
        ws.auto_filter.ref = f"A1:{get_column_letter(len(SHEETS[title]))}{max(1, counts[title]) + 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet(wb, title: str, header: list[str]):
    """A write-only sheet and its header row (column widths and panes go before any row)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(h, 10 if len(h) <= 3 else 14)
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1D4E89")
    cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font, c.fill = bold, fill
        cells.append(c)
    ws.append(cells)
    return ws


def _cells(values: list) -> list:
    return [_text(v) if isinstance(v, str) else v for v in values]


# Control characters the xlsx XML refuses (openpyxl raises on them); tab, LF and CR are allowed.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(v: str) -> str | None:
    """Report text can hold control characters that the xlsx XML refuses; formulas stay text. An
    empty text becomes no cell at all (None): read back it is the same empty cell, and openpyxl
    skips it instead of spending ~15 µs writing it (a third of the cells of the findings sheet)."""
    if not v:
        return None
    if _ILLEGAL.search(v):  # a search that finds nothing is ~20× faster than str.translate
        v = _ILLEGAL.sub("", v)
    if v[:1] == "=":  # openpyxl would store it as a formula
        v = "'" + v
    return v
