"""A table is present but rows are missing or cannot be read (finding kind `table-shape`).

Zero false alarms on balanced tables means saying what could not be read instead of guessing:
a row whose numbers run together in more than one valid way, a row with too few numbers for its
columns (blank cells dropped in copying, pingtan/031 `0 00000`), text inside the cells. Nothing
is checked on those rows (disclint.tables.resolve)."""
from __future__ import annotations

from ..model import Document
from ..tables.names import column_name, row_name, table_name

FINDING_KIND = "table-shape"
PARAMS = {
    "reasons": (list[str], True),  # which Unread reasons this rule reports
    "tables": (list[str], False),  # table ids; all when absent
}
REASONS = ("missing-row", "cell-count", "ambiguous", "not-a-number", "stray-text", "no-rows")
# the fields its messages may name (engine.template); words come as x_zh and x_en
FIELDS = ("caption", "problem")


def validate(params: dict, vocab) -> str | None:
    bad = [r for r in params["reasons"] if r not in REASONS]
    return f"unknown reason(s) {bad}; known: {sorted(REASONS)}" if bad else None


def check(doc: Document, rule):
    wanted = set(rule.params["reasons"])
    tables = rule.params.get("tables")
    for table in doc.tables.values():
        if tables and table.id not in tables:
            continue
        captions = {f"caption_{lang}": table_name(table.id, lang) for lang in ("zh", "en")}
        missing = [u for u in table.unreadable if u.reason == "missing-row"]
        # A table found only by its words, or missing most rows, is one finding, not twenty.
        if "missing-row" in wanted and missing and len(missing) > len(table.row_ids) // 2:
            yield rule.finding(FINDING_KIND, start=table.start, table=table.id, section=table.id, row=None,
                               problem_zh=f"{len(missing)}行无法读出", problem_en=f"{len(missing)} rows cannot be read",
                               **captions)
            continue
        for u in table.unreadable:
            if u.reason not in wanted:
                continue
            zh, en = _problem(table, u, "zh"), _problem(table, u, "en")
            yield rule.finding(FINDING_KIND, start=u.start if u.start is not None else table.start, table=table.id,
                               section=table.id, row=u.row, table_column=u.column, where=dict(u.where),
                               problem_zh=zh, problem_en=en, **captions)


def _problem(table, u, lang: str) -> str:
    """What could not be read, in the form's words: 「行政许可」行的数字连在一起，有2种拆分方式."""
    en = lang == "en"
    row = row_name(table.id, table.layout, u.row, lang) if u.row else ""
    where = (f'row "{row}"' if en else f"「{row}」行") if row else ("the data row" if en else "数据行")
    if u.reason == "missing-row":
        return f"{where} is missing" if en else f"缺少{where}"
    if u.reason == "cell-count":
        written, _, wanted = u.detail.partition(" → ")
        if written in ("", "—"):
            return f"{where} has no numbers for its {wanted} columns" if en else f"{where}没有数字，而该行有{wanted}栏"
        if en:
            return f'{where} reads "{written}", which does not fill its {wanted} columns'
        return f"{where}写的是「{written}」，与该行的{wanted}栏对不上"
    if u.reason == "ambiguous":
        if en:
            return f"the numbers of {where} run together and split in {u.detail} ways"
        return f"{where}的数字连在一起，有{u.detail}种拆分方式，无法确定"
    if u.reason == "not-a-number":
        cols = [column_name(table.id, table.layout, c, lang) for c in (u.column or "").split(",") if c]
        named = ("; ".join(f'column "{c}"' for c in cols) if en else "、".join(f"「{c}」列" for c in cols))
        if en:
            return f"{where}, {named}: \"{u.detail}\" is not a number"
        return f"{where}{named}的「{u.detail}」不是数字"
    if u.reason == "stray-text":
        if en:
            return f"text between the cells of {where} cannot be read: \"{u.detail}\""
        return f"{where}的单元格之间夹有无法识别的文字「{u.detail}」"
    return "none of the table's rows can be found" if en else "找不到表格的任何一行"
