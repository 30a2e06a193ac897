"""A table is present but rows are missing or cannot be read (finding kind `table-shape`).

Zero false alarms on balanced tables means saying what could not be read instead of guessing:
a row whose numbers run together in more than one valid way, a row with too few numbers for its
columns (blank cells dropped in copying, pingtan/031 `0 00000`), text inside the cells. Nothing
is checked on those rows (disclint.tables.resolve)."""
from __future__ import annotations

from ..model import Document
from ..tables.layout import load_layouts

KIND = "table-shape"
FINDING_KIND = "table-shape"
PARAMS = {
    "reasons": (list[str], True),  # which Unread reasons this rule reports
    "tables": (list[str], False),  # table ids; all when absent
}
# the fields its messages may name (engine.template)
FIELDS = ("problem_en", "problem_zh", "row", "section", "table", "table_column", "table_zh", "what")
REASONS = {
    "missing-row": ("缺少这一行", "the row is missing"),
    "cell-count": ("数字个数与栏目数对不上", "the numbers do not fit the columns"),
    "ambiguous": ("数字连在一起，可有多种拆分，无法确定", "the numbers run together and split in more than one way"),
    "not-a-number": ("单元格不是数字", "a cell is not a number"),
    "stray-text": ("单元格间夹有无法识别的文字", "text between the cells cannot be read"),
    "no-rows": ("找不到表格的任何一行", "none of the table's rows can be found"),
}
_TABLE_ZH = {"proactive": "主动公开", "requests": "依申请公开", "appeals": "行政复议、行政诉讼"}


def validate(params: dict, vocab) -> str | None:
    bad = [r for r in params["reasons"] if r not in REASONS]
    return f"unknown reason(s) {bad}; known: {sorted(REASONS)}" if bad else None


def check(doc: Document, rule):
    wanted = set(rule.params["reasons"])
    tables = rule.params.get("tables")
    for table in doc.tables.values():
        if tables and table.id not in tables:
            continue
        missing = [u for u in table.unreadable if u.reason == "missing-row"]
        # A table found only by its words, or missing most rows, is one finding, not twenty.
        if "missing-row" in wanted and missing and len(missing) > len(table.row_ids) // 2:
            yield rule.finding(FINDING_KIND, start=table.start, table=table.id, section=table.id,
                               row=None, table_zh=_TABLE_ZH[table.id], what=f"{len(missing)}/{len(table.row_ids)}",
                               problem_zh=f"{len(missing)}行无法读出", problem_en=f"{len(missing)} rows cannot be read")
            continue
        for u in table.unreadable:
            if u.reason not in wanted:
                continue
            zh, en = REASONS[u.reason]
            row = load_layouts()[table.id].layouts[table.layout].row(u.row) if u.row else None
            label = (row.label or row.id) if row else ""
            detail = f"（{u.detail}）" if u.detail and u.reason != "missing-row" else ""
            yield rule.finding(FINDING_KIND, start=u.start if u.start is not None else table.start, table=table.id,
                               section=table.id, row=u.row, table_column=u.column, where=dict(u.where),
                               table_zh=_TABLE_ZH[table.id], problem_zh=f"「{label}」{zh}{detail}" if label else zh + detail,
                               problem_en=f"{u.row or ''}: {en} {u.detail}".strip())
