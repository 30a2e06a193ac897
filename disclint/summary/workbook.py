"""summary.xlsx: the workbook a 政务公开办 files and filters, in the order it is read —

    总览 (totals, by problem type, by type of body) · 按机关 (the ranking) · 按问题 (per rule: how many
    reports, which) · 报告 (one row per report) · 问题 (every finding, in the form's words) ·
    跨年度问题 (what the comparison with the previous year found)

Every sheet prints landscape on A4, one page wide, with its header repeated on each page; headers
are frozen and filtered. No internal id is a column: tables, rows and columns by their printed
titles. Text cells that could start a formula are neutralised (cells.py)."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from .cells import xlsx_cells
from .digest import ReportDigest
from .ranking import Overview, Ranking
from .rows import CROSS_COLUMNS, FINDING_COLUMNS, SEVERITY_ZH, TABLE_COLUMNS, Row, finding_rows, table_values

REPORTS_IN_A_CELL = 200  # 按问题 names at most this many reports per rule, then "… 等 N 份"


class Heading(str):
    """A row title of the 总览 sheet (bold)."""


# Sheet title → (header, column widths by header; others get 10 or 14)
SHEETS: dict[str, list[str]] = {
    "总览": ["项目", "数量", "涉及报告"],
    "按机关": ["排名", "机关", "机关类型", "地区", "报告数", "错误", "每份报告错误", "警告", "逾期发布", "无法读取",
             "主要问题", "历年错误"],
    "按问题": ["规则", "问题类型", "级别", "涉及报告数", "问题数", "说明示例", "涉及的报告"],
    "报告": [h for h, _ in TABLE_COLUMNS],
    "问题": FINDING_COLUMNS,
    "跨年度问题": CROSS_COLUMNS,
}
# Widths in characters; the long texts wrap (WRAP) so that a sheet printed one page wide stays legible.
_WIDTHS = {"项目": 34, "文件": 36, "机关": 24, "说明": 44, "原文": 36, "缺少部分": 18, "无法读取原因": 30,
           "对比报告": 24, "主要问题": 30, "历年错误": 24, "说明示例": 40, "涉及的报告": 60, "问题类型": 14,
           "表格": 18, "表格行": 18, "表格列": 14, "可能有误的单元格": 22, "机关类型": 16, "涉及报告": 12,
           "年度": 7, "规则": 8, "级别": 6, "行号": 6, "应为": 8, "实为": 8, "相似度": 8, "部分": 10}
WRAP = {"说明", "原文", "主要问题", "历年错误", "说明示例", "涉及的报告", "表格", "表格行", "可能有误的单元格",
        "无法读取原因", "机关"}
_TABLES = ("按机关", "按问题", "报告", "问题", "跨年度问题")  # a filter on the header (总览 is not a table)


def summary_xlsx(parts: Iterable[tuple[str, list[list]]]) -> bytes:
    """The workbook, from (sheet title, rows) parts that may interleave the sheets in any order:
    each write-only sheet streams to its own temporary file, so the summary fills 问题 while the
    reports are linted, and the others after the cross checks."""
    try:
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter
    except ImportError as e:  # pragma: no cover - openpyxl is in the summary extra
        raise RuntimeError("summary.xlsx needs openpyxl: pip install 'disclint[summary]'") from e
    # write_only streams rows: 10,000 reports and their findings stay within seconds and little memory.
    wb = Workbook(write_only=True)
    sheets = {title: _sheet(wb, title, header) for title, header in SHEETS.items()}
    counts = dict.fromkeys(SHEETS, 0)
    # 问题 holds a row per finding (~39,000 for 10,000 reports): wrapping doubles openpyxl's time, so
    # its long texts are cut at the column's edge; it is the sheet one filters, not the one one prints.
    wrap = {title: frozenset(i for i, h in enumerate(header) if h in WRAP and title != "问题")
            for title, header in SHEETS.items()}
    widths = {title: [_width(h) for h in header] for title, header in SHEETS.items()}
    for title, rows in parts:
        ws = sheets[title]
        for n, values in enumerate(rows, start=counts[title] + 2):
            if wrap[title]:
                _fit_height(ws, n, values, wrap[title], widths[title])
            ws.append(_headings(ws, values) if title == "总览" else xlsx_cells(ws, values, wrap[title]))
        counts[title] += len(rows)
    for title in _TABLES:
        # openpyxl writes the filter after the rows (when the sheet is closed), so its range can wait
        # for the row count.
        sheets[title].auto_filter.ref = f"A1:{get_column_letter(len(SHEETS[title]))}{max(1, counts[title]) + 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _width(header: str) -> int:
    return _WIDTHS.get(header, 10 if len(header) <= 3 else 14)


LINE_HEIGHT, MAX_LINES = 15, 20  # points per line of 11-point text; Excel's limit is 409 points


def _fit_height(ws, n: int, values: list, wrap: frozenset[int], widths: list[int]) -> None:
    """The height of row n for its wrapped text (set before the row is written: a write-only sheet
    writes each row as it comes). Spreadsheets do not measure wrapped text when they open a file,
    so without it the lines of long cells overlap the next row."""
    lines = 1
    for i in wrap:
        v = values[i] if i < len(values) else None
        if isinstance(v, str) and len(v) * 2 > widths[i]:
            shown = sum(2 if ord(ch) > 0x2E80 else 1 for ch in v)  # a CJK character is two columns wide
            lines = max(lines, -(-shown // max(1, widths[i] - 1)) + v.count("\n"))
    if lines > 1:
        ws.row_dimensions[n].height = LINE_HEIGHT * min(lines, MAX_LINES)


def _sheet(wb, title: str, header: list[str]):
    """A write-only sheet, its print set-up and its header row (widths and panes go before any row)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _width(h)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0  # one page wide, as many long as it takes
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&A 第 &P 页，共 &N 页"
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1D4E89")
    cells = []
    for h in header:
        c = WriteOnlyCell(ws, value=h)
        c.font, c.fill = bold, fill
        cells.append(c)
    ws.append(cells)
    return ws


def _headings(ws, values: list) -> list:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if values and isinstance(values[0], Heading):
        c = WriteOnlyCell(ws, value=str(values[0]))
        c.font = Font(bold=True, color="1D4E89")
        return [c, *xlsx_cells(ws, values[1:])]
    return xlsx_cells(ws, values)


def overview_rows(o: Overview, sources: list[str]) -> list[list]:
    rows: list[list] = [[Heading("检查范围")]]
    if sources:
        rows.append(["检查的文件夹", "、".join(sources)])
    if o.years:
        rows.append(["报告年度", f"{o.years[0]}—{o.years[-1]}" if len(o.years) > 1 else str(o.years[0])])
    rows += [[], [Heading("合计")], ["报告总数", o.reports], ["合规（无错误）", o.compliant],
             ["有错误的报告", o.with_errors], ["无法读取的报告", o.unreadable], ["错误（处）", o.errors],
             ["警告（处）", o.warnings], ["逾期发布的报告", o.late], ["跨年度比对（组）", o.pairs],
             [], [Heading("按问题类型"), "问题数", "涉及报告"]]
    rows += [[kind, n, reports] for kind, n, reports in o.by_type]
    rows += [[], [Heading("按机关类型"), "报告数", "有错误的报告"]]
    rows += [[level, n, bad] for level, n, bad, _ in o.by_level]
    return rows


def ranking_rows(r: Ranking) -> list[list]:
    out = []
    for place, b in enumerate(r.bodies, start=1):
        out.append([place, b.name, b.level, b.region, len(b.reports), b.errors, round(b.per_report, 1), b.warnings,
                    b.late, b.unreadable, "、".join(f"{k} {n}" for k, n in b.top_problems()),
                    "，".join(f"{y}年 {n}" for y, n in b.trend)])
    u = r.unknown
    if u.reports:  # together, after the ranking, not as a body of its own
        out.append(["", f"未识别机关的报告（{len(u.reports)} 份，见「报告」表）", "", "", len(u.reports), u.errors,
                    round(u.per_report, 1), u.warnings, u.late, u.unreadable,
                    "、".join(f"{k} {n}" for k, n in u.top_problems()), ""])
    return out


def rule_rows(digests: list[ReportDigest], rows: list[Row]) -> list[list]:
    from .labels import problem_type

    rules: dict[str, dict] = {}
    for d, r in zip(digests, rows):
        for f in d.findings:
            entry = rules.setdefault(f["rule"], {"type": problem_type(f), "sev": f["severity"], "n": 0,
                                                 "example": f["message"], "reports": {}})
            entry["n"] += 1
            entry["reports"].setdefault(r.index, f"{r.agency or '未识别机关'} {r.year or ''}（{r.shown}）")
    out = []
    for code, e in sorted(rules.items(), key=lambda kv: (-len(kv[1]["reports"]), kv[0])):
        named = list(e["reports"].values())
        text = "；".join(named[:REPORTS_IN_A_CELL])
        if len(named) > REPORTS_IN_A_CELL:
            text += f"… 等 {len(named)} 份"
        out.append([code, e["type"], SEVERITY_ZH.get(e["sev"], e["sev"]), len(named), e["n"], e["example"], text])
    return out


def after_cross(digests: list[ReportDigest], rows: list[Row], ranking: Ranking, o: Overview,
                sources: list[str], shown: dict[str, str]) -> Iterator[tuple[str, list[list]]]:
    """Every sheet but 问题, once the cross checks are done."""
    yield "总览", overview_rows(o, sources)
    yield "按机关", ranking_rows(ranking)
    yield "按问题", rule_rows(digests, rows)
    yield "报告", [table_values(r) for r in rows]
    yield "跨年度问题", [v for d, r in zip(digests, rows) for v in finding_rows(d, r, cross_year=True, shown=shown)]
