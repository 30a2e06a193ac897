"""通报草稿.docx: the draft notice a 政务公开办 circulates after checking its bodies' annual reports
(关于…政府信息公开工作年度报告检查情况的通报), written to be edited, not sent as it is:

    title · 主送 · why and how the reports were checked (条例 art. 49–50, the 2021 format) · 一、检查
    范围和方式 · 二、总体情况 · 三、存在的主要问题 (a table of the bodies with problems, then the typical
    problems, each quoted from a report) · 四、整改要求 (a date left blank) · 发文机关 and date blank

Laid out as such notices are (GB/T 9704): A4, 仿宋 三号 body, 黑体 and 楷体 headings, 小标宋 title.
What the office must decide or check is in 【】 so that it cannot be missed."""
from __future__ import annotations

import io

from .digest import ReportDigest
from .labels import problem_type
from .ranking import Overview, Ranking
from .rows import TABLE_KINDS, Row

FILENAME = "通报草稿.docx"
TABLE_BODIES = 30  # bodies listed in the table; the rest are counted in a last line
TYPICAL_TYPES = 4  # problem types described, each with up to EXAMPLES quotations
EXAMPLES = 2
_QUOTE_CHARS = 80

_TITLE_FONT, _BODY_FONT, _H1_FONT, _H2_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"


def notice_docx(digests: list[ReportDigest], rows: list[Row], ranking: Ranking, o: Overview) -> bytes:
    try:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
    except ImportError as e:  # pragma: no cover - python-docx is a dependency
        raise RuntimeError("the draft 通报 needs python-docx") from e

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _font(doc.styles["Normal"], _BODY_FONT, 16)
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(28)

    years = _years(o.years)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, f"关于{years}政府信息公开工作年度报告检查情况的通报", _TITLE_FONT, 22)
    doc.add_paragraph("【主送单位】：")

    bodies = len(ranking.bodies) + (1 if ranking.unknown.reports else 0)
    _para(doc, f"根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和《国务院办公厅政府信息公开办公室关于"
               f"印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，"
               f"我办对【所辖各单位】{years}政府信息公开工作年度报告进行了检查。现将有关情况通报如下：")

    _heading(doc, "一、检查范围和方式", _H1_FONT)
    _para(doc, f"本次共检查{len(ranking.bodies)}个单位的{o.reports}份年度报告"
               + (f"（另有{len(ranking.unknown.reports)}份报告未能识别发布单位）" if ranking.unknown.reports else "")
               + "。检查对照年度报告格式，逐份核对报告是否包含规定的六个部分，三张统计表是否齐全、数据是否符合表内"
               "勾稽关系，正文与表格数据是否一致，与上一年度报告的数据是否衔接、文字是否照搬，以及是否在每年1月31日前"
               "公布。检查结果由软件比对得出，【请经人工复核后印发】。")

    _heading(doc, "二、总体情况", _H1_FONT)
    share = f"{o.compliant / o.reports:.0%}" if o.reports else "0%"
    said = (f"从检查情况看，{o.compliant}份报告未发现错误，占{share}；{o.with_errors}份报告存在错误，共{o.errors}处"
            + (f"；{o.late}份报告未在规定时限内公布" if o.late else "")
            + (f"；{o.unreadable}份报告文件无法读取，需重新报送" if o.unreadable else "") + "。")
    if o.by_type:
        said += "问题主要集中在" + "、".join(f"{kind}（涉及{reports}份报告）" for kind, _, reports in o.by_type[:4]) + "等方面。"
    _para(doc, said)

    _heading(doc, "三、存在的主要问题", _H1_FONT)
    listed = ranking.with_problems
    if listed:
        _para(doc, f"存在问题的单位及问题数量见下表（共{len(listed)}个单位，按错误数排列）。")
        _bodies_table(doc, listed)
    else:
        _para(doc, "本次检查的报告均未发现错误。")
    for number, (kind, quotes) in enumerate(_typical(digests, rows), start=1):
        _heading(doc, f"（{_CN[number]}）{kind}。", _H2_FONT)
        for quote in quotes:
            _para(doc, quote)

    _heading(doc, "四、整改要求", _H1_FONT)
    _para(doc, "请上述单位对照本通报指出的问题，认真核查本单位年度报告，于____年__月__日前完成修改并在本单位"
               "政府信息公开专栏重新发布，同时将整改情况书面报送我办。")
    _para(doc, "各单位要举一反三，严格按照年度报告格式编制报告，认真核对统计数据，确保表内数据勾稽关系正确、"
               "与上年度报告数据衔接，切实提高年度报告质量。")
    _para(doc, "")
    sign = doc.add_paragraph("【发文机关】")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date = doc.add_paragraph("____年__月__日")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_CN = "〇一二三四五六七八九十"


def _years(years: list[int]) -> str:
    if not years:
        return ""
    return f"{years[0]}年度" if len(years) == 1 else f"{years[0]}—{years[-1]}年度"


def _typical(digests: list[ReportDigest], rows: list[Row]) -> list[tuple[str, list[str]]]:
    """The most frequent types of error, each with a few findings quoted from the reports (the line
    of the report in quotation marks, then what is wrong with it)."""
    by_type: dict[str, list[str]] = {}
    reports: dict[str, set[int]] = {}
    for d, r in zip(digests, rows):
        for f in d.findings:
            if f["severity"] != "error":
                continue
            kind = problem_type(f)
            reports.setdefault(kind, set()).add(r.index)
            quotes = by_type.setdefault(kind, [])
            if len(quotes) >= EXAMPLES or any(q.startswith(_who(r)) for q in quotes):
                continue  # one quotation per report and type
            line = d.excerpts.get(f.get("line")) if f.get("line") and _quotable(f) else None
            text = f"“{_cut(line)}”" if line and "|" not in line else ""
            quotes.append(f"{_who(r)}" + (f"写道：{text}。" if text else "：") + f"{f['message'].rstrip('。')}。")
    ranked = sorted(by_type, key=lambda k: (-len(reports[k]), k))[:TYPICAL_TYPES]
    return [(f"{k}（涉及{len(reports[k])}份报告）", by_type[k]) for k in ranked]


def _quotable(f: dict) -> bool:
    """A line worth quoting says the problem itself: not the heading near a missing part, not the
    line a table starts at (its cells are the problem), and not a row of a table flattened into text
    (| 0 | 0 | …: see _typical)."""
    return not f["kind"].startswith("missing") and f["kind"] not in TABLE_KINDS


def _who(r: Row) -> str:
    return f"如{r.agency or '未识别单位'}" + (f"{r.year}年度报告" if r.year else "的报告")


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS] + "……"


def _bodies_table(doc, bodies) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    header = ["序号", "单位", "报告数", "错误（处）", "逾期公布", "主要问题"]
    widths = [Cm(1.3), Cm(5.4), Cm(1.6), Cm(1.9), Cm(1.9), Cm(3.5)]  # 15.6 cm: the type area of A4
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width  # LibreOffice lays the table out by these (w:gridCol), Word by the cells'
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        _run(cell.paragraphs[0], text, _H1_FONT, 12)
    repeat = OxmlElement("w:tblHeader")  # the header row again on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for number, b in enumerate(bodies[:TABLE_BODIES], start=1):
        values = [str(number), b.name, str(len(b.reports)), str(b.errors), f"{b.late}份" if b.late else "",
                  "、".join(k for k, _ in b.top_problems())]
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = ""
            _run(cell.paragraphs[0], text, _BODY_FONT, 12)
    if len(bodies) > TABLE_BODIES:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = ""
        _run(merged.paragraphs[0], f"另有{len(bodies) - TABLE_BODIES}个单位，详见检查汇总表（summary.xlsx）“按机关”表。",
             _BODY_FONT, 12)
    for row in table.rows:
        for i, (cell, width) in enumerate(zip(row.cells, widths)):
            cell.width = width
            cell.paragraphs[0].paragraph_format.line_spacing = Pt(18)
            if i != 1 and i != 5:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _font(style, name: str, size: int) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _run(paragraph, text: str, font: str, size: int, bold: bool = False):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold = font, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _para(doc, text: str):
    from docx.shared import Pt

    p = doc.add_paragraph(text)
    p.paragraph_format.first_line_indent = Pt(32)  # two characters of 三号
    return p


def _heading(doc, text: str, font: str):
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    p.paragraph_format.keep_with_next = True
    _run(p, text, font, 16)
    return p
