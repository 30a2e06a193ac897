"""Cross-report: figures that roll from one year's report into the next one's (regulation.md §5.2).

- `identity: requests` (X-CARRY): this year's 二、上年结转政府信息公开申请数量 equals last year's
  四、结转下年度继续办理, column by column (both formats since the 2020 reports have both rows and the
  same seven applicant columns).
- `identity: valid-documents` (X-VALID-2021): in the 2021 format, this year's 现行有效件数 of 规章 and
  of 行政规范性文件 equals last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数.

A single report has nothing to compare with, so `check` finds nothing; the batch of
`disclint summary` pairs reports of one body in consecutive years and calls `check_pair` with
what `extract` took from each (plain data, so it travels from a worker process to the parent).
Both identities are implied, never stated by a rule text: corrections, merged bodies and
re-classified applicants are legitimate causes, hence warnings.
"""
from __future__ import annotations

from typing import Any

from ..model import Document

FINDING_KIND = "carry-over"
CROSS_REPORT = True
PARAMS = {"identity": (str, True)}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "column_en", "column_zh", "expected", "issued", "item_en", "item_zh", "prev_valid",
          "prev_year", "repealed", "row", "section", "table", "table_column", "year")

IDENTITIES = ("requests", "valid-documents")
REQUEST_COLUMNS = ("np", "biz", "res", "npo", "law", "oth", "total")
COLUMN_ZH = {"np": "自然人", "biz": "商业企业", "res": "科研机构", "npo": "社会公益组织",
             "law": "法律服务机构", "oth": "其他", "total": "总计"}
COLUMN_EN = {"np": "natural persons", "biz": "businesses", "res": "research institutions",
             "npo": "public-interest organisations", "law": "legal service providers", "oth": "others",
             "total": "total"}
DOCUMENT_ROWS = {"art20_1.regulations": ("规章", "rules"), "art20_1.normative": ("行政规范性文件", "normative documents")}


def validate(params: dict, vocab) -> str | None:
    if params["identity"] not in IDENTITIES:
        return f"identity must be one of {list(IDENTITIES)}, not '{params['identity']}'"
    return None


def check(doc: Document, rule):
    return ()


def _cell(doc: Document, table: str, row: str, column: str) -> dict | None:
    """{value, line, column} of one rebuilt cell, None when the table or cell is not there."""
    t = doc.tables.get(table)
    if t is None:
        return None
    try:
        cell = t.cell(row, column)
    except (KeyError, IndexError, LookupError):
        return None
    if cell is None:
        return None
    value = getattr(cell, "value", None)
    start = getattr(cell, "start", None)
    line, col = doc.position(start) if isinstance(start, int) else (None, None)
    return {"value": value, "line": line, "column": col}


def extract(doc: Document) -> dict[str, Any]:
    """What the pair check needs from one report: both carry rows and the 第二十条第（一）项 stock."""
    return {
        "carry_in": {c: _cell(doc, "requests", "r2_carry_in", c) for c in REQUEST_COLUMNS},
        "carry_out": {c: _cell(doc, "requests", "r4_carry_out", c) for c in REQUEST_COLUMNS},
        "documents": {r: {c: _cell(doc, "proactive", r, c) for c in ("issued", "repealed", "valid")}
                      for r in DOCUMENT_ROWS},
    }


def _value(cell: dict | None):
    v = cell.get("value") if cell else None
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def check_pair(this: dict, prev: dict, rule, *, this_year: int, prev_year: int):
    """Findings on the later report (`this`) of a pair of consecutive reports of one body."""
    if rule.params["identity"] == "requests":
        yield from _carry_requests(this, prev, rule, this_year, prev_year)
    else:
        yield from _carry_documents(this, prev, rule, this_year, prev_year)


def _carry_requests(this, prev, rule, this_year, prev_year):
    for c in REQUEST_COLUMNS:
        cell = this["carry_in"].get(c)
        actual, expected = _value(cell), _value(prev["carry_out"].get(c))
        if actual is None or expected is None or actual == expected:
            continue
        finding = rule.finding(FINDING_KIND, section="requests", table="requests", row="r2_carry_in",
                               table_column=c, expected=expected, actual=actual, prev_year=prev_year,
                               year=this_year, column_zh=COLUMN_ZH[c], column_en=COLUMN_EN[c])
        yield _placed(finding, cell)


def _carry_documents(this, prev, rule, this_year, prev_year):
    for row, (zh, en) in DOCUMENT_ROWS.items():
        now, before = this["documents"].get(row, {}), prev["documents"].get(row, {})
        valid, issued, repealed = (_value(now.get(k)) for k in ("valid", "issued", "repealed"))
        prev_valid = _value(before.get("valid"))
        if None in (valid, issued, repealed, prev_valid):
            continue
        expected = prev_valid + issued - repealed
        if expected == valid:
            continue
        finding = rule.finding(FINDING_KIND, section="proactive", table="proactive", row=row,
                               table_column="valid", expected=expected, actual=valid, prev_year=prev_year,
                               year=this_year, prev_valid=prev_valid, issued=issued, repealed=repealed,
                               item_zh=zh, item_en=en)
        yield _placed(finding, now.get("valid"))


def _placed(finding, cell: dict | None):
    if cell:
        finding.line, finding.column = cell.get("line"), cell.get("column")
    return finding
