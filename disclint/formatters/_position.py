"""Where a finding is, in terms the reader's format has (issue 13): Word shows no line or
paragraph numbers, so a .docx finding is placed by the table's ordinal and heading, the row's
label and the column's header, or by the first words of its paragraph; a PDF finding by its page;
an HTML one by its table and row (or its paragraph's first words); a spreadsheet one by sheet and
row. Only a text file has the line:column an editor shows."""
from __future__ import annotations

from ..tables.names import column_name, row_name, table_name

TEXT_FORMATS = {"text", "txt", "md", "markdown", None}
_FIRST_WORDS = 14  # characters of a paragraph's opening that find it with Ctrl+F


def is_text_input(doc) -> bool:
    return doc is None or getattr(doc.source, "format", None) in TEXT_FORMATS


def position_text(finding, doc, lang: str) -> str:
    """`12:5` for a text file; 第2个表格「…」表『四、结转下年度继续办理』行『自然人』列, 第4页,
    「五、存在的主要问题及改进情况」一段 … for the others; "" when the finding has no place."""
    if is_text_input(doc):
        return f"{finding.line}:{finding.column}" if finding.line else ""
    where = finding.where or {}
    en = lang == "en"
    parts = []
    if "sheet" in where:
        parts.append(f'sheet "{where["sheet"]}"' if en else f"工作表「{where['sheet']}」")
    if "page" in where:
        parts.append(f"page {where['page']}" if en else f"第{where['page']}页")
    if "table" in where or (finding.table and finding.table in doc.tables):
        parts.append(_table_place(finding, doc, where, lang))
    elif finding.line and doc.source.format != "pdf":
        words = _paragraph_opening(doc, finding.line)
        if words:
            parts.append(f'the paragraph beginning "{words}"' if en else f"「{words}」一段")
    return ", ".join(parts) if en else "".join(parts)


def _table_place(finding, doc, where: dict, lang: str) -> str:
    en = lang == "en"
    table = doc.tables.get(finding.table) if finding.table else None
    if "table" not in where:  # a table row the reader saw as text (a page's last row)
        where = {**where, "table": None}
    ordinal = (f"table {where['table']}" if en else f"第{where['table']}个表格") if where["table"] else ""
    if table is None:
        if "row" in where:
            return f"{ordinal}, row {where['row']}" if en else f"{ordinal}第{where['row']}行"
        return ordinal
    caption = table_name(table.id, lang)
    row, col = _cell_of(finding)
    row_label = row_name(table.id, table.layout, row, lang) if row else ""
    col_label = column_name(table.id, table.layout, col, lang) if col else ""
    if en:
        out = f'{ordinal} ("{caption}")' if ordinal else f'table "{caption}"'
        out += f', row "{row_label}"' if row_label else ""
        return out + (f', column "{col_label}"' if col_label else "")
    out = f"{ordinal}（「{caption}」表）" if ordinal else f"「{caption}」表"
    out += f"『{row_label}』行" if row_label else ""
    return out + (f"『{col_label}』列" if col_label else "")


def _cell_of(finding) -> tuple[str | None, str | None]:
    """The cell the finding points at: the determined repair when there is one (the finding is
    placed there), else its own row and column."""
    repairs = finding.repairs or []
    if len(repairs) == 1 and len(repairs[0]) == 1:
        return repairs[0][0]["row"], repairs[0][0]["column"]
    return finding.row, finding.table_column


def _paragraph_opening(doc, line: int) -> str:
    """The first words of the paragraph (or table-less block) holding `line`."""
    locations = doc.source.locations
    here = locations.get(line, {})
    first = line
    if "paragraph" in here:
        while first > 1 and locations.get(first - 1, {}).get("paragraph") == here["paragraph"]:
            first -= 1
    text = " ".join(doc.line_text(first).split())
    return text[:_FIRST_WORDS] + ("…" if len(text) > _FIRST_WORDS else "")
