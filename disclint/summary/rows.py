"""The per-report row every summary output shows (HTML table, xlsx, csv), computed once, and the
Chinese labels of the contract's ids."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from ..formatters.common import path_text
from .digest import ReportDigest

STATUS_ZH = {"compliant": "合规", "errors": "有错误", "unreadable": "无法读取"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_ZH = {
    "not-annual-report": "非年度报告", "missing-section": "缺少部分", "section-order": "部分顺序",
    "numbering": "序号编排", "missing-table": "缺少表格", "table-shape": "表格结构", "table-cell": "单元格内容",
    "table-identity": "勾稽关系", "missing-statistic": "缺少数据", "text-table-mismatch": "文表不符",
    "year-mismatch": "年份不符", "deadline": "逾期发布", "placeholder": "模板残留", "garbled": "文字损坏",
    "carry-over": "跨年度衔接", "outdated-format": "格式过时",
    "unused-suppression": "多余的忽略标记", "rule-error": "规则错误",
}
SECTION_ZH = {"overview": "总体情况", "proactive": "主动公开", "requests": "依申请公开", "fees": "收费及减免",
              "appeals": "复议诉讼", "problems": "问题及改进", "other": "其他事项"}
TABLE_ZH = {"proactive": "主动公开政府信息情况（第二十条）", "requests": "收到和处理政府信息公开申请情况",
            "appeals": "政府信息公开行政复议、行政诉讼情况"}
TABLE_KINDS = {"missing-table", "table-shape", "table-cell", "table-identity"}


@dataclass
class Row:
    index: int
    path: str
    name: str
    agency: str
    year: int | None
    profile: str
    kind: str
    status: str
    errors: int
    warnings: int
    infos: int
    missing_sections: list[str] = field(default_factory=list)
    table_errors: int = 0
    cross_year: int = 0
    published: str = ""
    late: bool = False
    error_message: str = ""

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def deadline_zh(self) -> str:
        if self.late:
            return f"逾期（{self.published}）" if self.published else "逾期"
        return self.published or "—"

    @property
    def missing_zh(self) -> str:
        return "、".join(SECTION_ZH.get(s, s) for s in self.missing_sections)


def make_row(index: int, d: ReportDigest) -> Row:
    doc = d.document or {}
    counts = Counter(f["severity"] for f in d.findings)
    if d.error:
        status = "unreadable"
    elif counts["error"]:
        status = "errors"
    else:
        status = "compliant"
    missing = [f["section"] for f in d.findings if f["kind"] == "missing-section" and f.get("section")]
    return Row(
        # valid UTF-8 for the CSV, the workbook and the page, whatever bytes the name holds (docs/output.md)
        index=index, path=path_text(d.path), name=os.path.basename(path_text(d.path)),
        agency=doc.get("agency") or d.title_agency or "", year=doc.get("year"),
        profile=doc.get("profile") or "", kind=doc.get("kind") or "", status=status,
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        missing_sections=list(dict.fromkeys(missing)),
        table_errors=sum(1 for f in d.findings if f["kind"] in TABLE_KINDS),
        cross_year=sum(1 for f in d.findings if f.get("previous")),  # cross-report findings name it
        published=doc.get("published") or "",
        late=any(f["kind"] == "deadline" for f in d.findings),
        error_message=(d.error or {}).get("message", ""),
    )


def make_rows(digests: list[ReportDigest]) -> list[Row]:
    return [make_row(i, d) for i, d in enumerate(digests)]


# Columns of the per-report table in the xlsx and csv files: (header, value of a row).
TABLE_COLUMNS = [
    ("文件", lambda r: r.path),
    ("机关", lambda r: r.agency),
    ("年度", lambda r: r.year if r.year is not None else ""),
    ("格式", lambda r: r.profile),
    ("状态", lambda r: r.status_zh),
    ("错误", lambda r: r.errors),
    ("警告", lambda r: r.warnings),
    ("提示", lambda r: r.infos),
    ("缺少部分", lambda r: r.missing_zh),
    ("表格问题", lambda r: r.table_errors),
    ("跨年度问题", lambda r: r.cross_year),
    ("发布日期", lambda r: r.published),
    ("逾期", lambda r: "是" if r.late else ""),
    ("无法读取原因", lambda r: r.error_message),
]

FINDING_COLUMNS = ["文件", "机关", "年度", "规则", "类型", "级别", "行", "列", "说明", "部分", "表", "行标识",
                   "列标识", "应为", "实为", "原文", "对比报告"]


def table_values(r: Row) -> list:
    """The row's values in TABLE_COLUMNS order."""
    return [get(r) for _, get in TABLE_COLUMNS]


def finding_rows(d: ReportDigest, r: Row, cross_year: bool = False):
    """One list per finding of the report, in FINDING_COLUMNS order: its own findings, or with
    cross_year those the cross-report checks added (they name the report compared with)."""
    for f in d.findings:
        if bool(f.get("previous")) != cross_year:
            continue
        line = f.get("line")
        yield [r.path, r.agency, r.year if r.year is not None else "", f["rule"], KIND_ZH.get(f["kind"], f["kind"]),
               SEVERITY_ZH.get(f["severity"], f["severity"]), line if line else "", f.get("column") or "",
               f["message"], SECTION_ZH.get(f.get("section") or "", f.get("section") or ""), f.get("table") or "",
               f.get("row") or "", f.get("table_column") or "", _plain(f.get("expected")),
               _plain(f.get("actual")), d.excerpts.get(line, "") if line else "", f.get("previous") or ""]


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (int, float, str)):
        return value
    return str(value)
