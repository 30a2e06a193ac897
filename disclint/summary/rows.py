"""The per-report row every summary output shows (HTML table, xlsx, csv), computed once, and the
Chinese labels of the contract's ids."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from ..formatters.common import path_text
from ..report_view.words import KIND, SECTION, SEVERITY
from .digest import ReportDigest

STATUS_ZH = {"compliant": "合规", "errors": "有错误", "unreadable": "无法读取"}
# the reader's words for the contract's ids: report_view's, shared by every view of a report
SEVERITY_ZH = SEVERITY["zh"]
KIND_ZH = KIND["zh"]
SECTION_ZH = SECTION["zh"]
TABLE_KINDS = {"missing-table", "table-shape", "table-cell", "table-identity"}


@dataclass
class Row:
    index: int
    path: str  # as given (the JSON contract's path)
    shown: str  # relative to the folders summarised: what every output shows
    agency: str
    year: int | None
    profile: str
    genre: str  # the document JSON's "kind": annual-report | not-annual-report
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
    level: str = ""  # the type of body (县级以上人民政府, 乡（镇）人民政府 …), from its name


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


def make_row(index: int, d: ReportDigest, shown: dict[str, str] | None = None) -> Row:
    doc = d.document or {}
    counts = Counter(f["severity"] for f in d.findings)
    if d.error:
        status = "unreadable"
    elif counts["error"]:
        status = "errors"
    else:
        status = "compliant"
    missing = [f["section"] for f in d.findings if f["kind"] == "missing-section" and f.get("section")]
    agency = doc.get("agency") or d.title_agency or ""
    return Row(
        # valid UTF-8 for the CSV, the workbook and the page, whatever bytes the name holds (docs/output.md)
        index=index, path=path_text(d.path), shown=(shown or {}).get(d.path) or path_text(d.path),
        agency=agency, year=doc.get("year"),
        profile=doc.get("profile") or "", genre=doc.get("kind") or "", status=status,
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        missing_sections=list(dict.fromkeys(missing)),
        table_errors=sum(1 for f in d.findings if f["kind"] in TABLE_KINDS),
        cross_year=sum(1 for f in d.findings if f.get("previous")),  # cross-report findings name it
        published=doc.get("published") or "",
        late=any(f["kind"] == "deadline" for f in d.findings),
        error_message=(d.error or {}).get("message", ""),
        level=_level(agency),
    )


def make_rows(digests: list[ReportDigest], shown: dict[str, str] | None = None) -> list[Row]:
    return [make_row(i, d, shown) for i, d in enumerate(digests)]


def _level(agency: str) -> str:
    if not agency:
        return ""
    from ..content.body_type import NAMES_ZH, classify

    return NAMES_ZH.get(classify(agency) or "", "")


def shown_paths(paths: list[str], sources: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """Each path as a reader should see it: relative to the folder given on the command line that
    holds it, with that folder's name in front when several were given (docs/new/010.txt and
    docs/old/010.txt, or 2024/010.txt and 2025/010.txt, stay apart). Without sources, relative to
    the folder all the paths share."""
    folders = [os.path.abspath(s) for s in sources if os.path.isdir(s)]
    several = len(sources) > 1
    if not folders:
        dirs = [os.path.dirname(os.path.abspath(p)) for p in paths]
        base = os.path.commonpath(dirs) if dirs else ""
        return _by_text({p: path_text(os.path.relpath(os.path.abspath(p), base) if base else p) for p in paths})
    out = {}
    for p in paths:
        full = os.path.abspath(p)
        # the deepest source folder holding it
        home = max((f for f in folders if full == f or full.startswith(f.rstrip(os.sep) + os.sep)),
                   key=len, default=None)
        if home is None:
            out[p] = path_text(os.path.basename(p))
            continue
        rel = os.path.relpath(full, home)
        # valid UTF-8 whatever bytes the name holds (docs/output.md)
        out[p] = path_text((os.path.join(os.path.basename(home) or home, rel) if several else rel).replace(os.sep, "/"))
    return _by_text(out)


def _by_text(shown: dict[str, str]) -> dict[str, str]:
    """Also under each path as the JSON contract writes it (a cross-year finding's `previous`)."""
    shown.update({path_text(p): v for p, v in list(shown.items())})
    return shown


# Columns of the per-report table in the xlsx and csv files: (header, value of a row).
TABLE_COLUMNS = [
    ("文件", lambda r: r.shown),
    ("机关", lambda r: r.agency),
    ("机关类型", lambda r: r.level),
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

FINDING_COLUMNS = ["文件", "机关", "年度", "规则", "问题类型", "级别", "行号", "说明", "部分", "表格", "表格行",
                   "表格列", "应为", "实为", "可能有误的单元格", "原文"]
CROSS_COLUMNS = FINDING_COLUMNS[:1] + ["对比报告"] + FINDING_COLUMNS[1:] + ["相似度"]


def table_values(r: Row) -> list:
    """The row's values in TABLE_COLUMNS order."""
    return [get(r) for _, get in TABLE_COLUMNS]


def finding_rows(d: ReportDigest, r: Row, cross_year: bool = False, shown: dict[str, str] | None = None):
    """One list per finding of the report, in the form's words (FINDING_COLUMNS order; CROSS_COLUMNS
    with cross_year, for the findings of the cross-report checks, which name the report compared with)."""
    from .labels import column_label, expected_actual, problem_type, repair_words, row_label, similarity, table_title

    for f in d.findings:
        if bool(f.get("previous")) != cross_year:
            continue
        line = f.get("line")
        table = f.get("table")
        values = [r.shown, r.agency, r.year if r.year is not None else "", f["rule"], problem_type(f),
                  SEVERITY_ZH.get(f["severity"], f["severity"]), line if line else "", f["message"],
                  SECTION_ZH.get(f.get("section") or "", ""), table_title(table), row_label(table, f.get("row")),
                  column_label(table, f.get("table_column")), *expected_actual(f), repair_words(f),
                  d.excerpts.get(line, "") if line else ""]
        if cross_year:
            previous = f.get("previous") or ""
            values.insert(1, (shown or {}).get(previous, previous))
            values.append(similarity(f))
        yield values
