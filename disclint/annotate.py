"""Findings written as Word comments (批注) into a copy of the writer's report.

The writer drafts in Word or WPS and reads no line numbers: each finding becomes a comment anchored
where Word shows it — the paragraph or heading it concerns, the table cell most likely wrong — and
findings about the whole document (a missing section, not a report, a late publication) sit on the
title, after a first comment that counts them. python-docx (≥ 1.2) writes the comments part and the
range markers; the package is the very one that was linted, so the reader's paragraph and table
numbers (`Finding.where`) find their elements again (readers.docx.body_elements, table_cells).
"""
from __future__ import annotations

import io
import os
from collections import Counter
from typing import TYPE_CHECKING

from .model import Finding, Severity
from .report_view.words import SEVERITY

AUTHOR = "disclint"
INITIALS = "DL"

# Findings about the document as a whole sit on the title, whatever line they point at (a missing
# section's finding points at where the section would go, which is not where the problem is).
WHOLE_DOCUMENT = frozenset({"not-annual-report", "missing-section", "missing-table", "deadline"})

if TYPE_CHECKING:
    from .engine.run import FileResult


def word_package(path: str, data: bytes) -> bytes:
    """The .docx package of a Word report: the bytes themselves, or a .doc/.wps converted by
    LibreOffice (readers.legacy). A page or text saved under a Word name cannot carry comments."""
    if data.startswith(b"PK"):
        return data
    from .readers import ReadError
    from .readers.legacy import _OLE_MAGIC, convert

    if data.startswith((_OLE_MAGIC, b"{\\rtf")):
        return convert(data, os.path.splitext(path)[1].lower() or ".doc", "docx")
    raise ReadError("format", "is not a Word document (a web page or text saved under a Word name), "
                              "so comments cannot be written into it; use `disclint check` for it")


def annotate_bytes(name: str, data: bytes, linter, settings, *, baseline: bool = True,
                   comments: bool = True) -> tuple[FileResult, bytes | None]:
    """Lint a Word report's bytes with the run's `linter` (engine.Linter: suppressions, baseline and
    severities as `check` applies them): its result, and with `comments` the annotated copy (None
    when the report could not be read). Bytes that are no Word package raise ReadError."""
    package = word_package(name, data)
    result = linter.lint_bytes(name, package, settings, baseline=baseline)
    if result.error is not None or not comments:
        return result, None
    return result, annotate(package, result.findings, result.document.tables, settings.lang)


def annotate_report(path: str, out: str, linter, settings) -> FileResult:
    """Lint the Word report at `path` and write its annotated copy to `out` (atomically); the result.
    A report that cannot be read raises its ReadError."""
    from .atomic import write_bytes
    from .readers import file_bytes

    result, copy = annotate_bytes(path, file_bytes(path, settings.max_bytes), linter, settings)
    if result.error is not None:
        raise result.error
    write_bytes(out, copy)
    return result


def annotate(docx_bytes: bytes, findings: list[Finding], tables: dict | None = None, lang: str = "zh") -> bytes:
    """The package `docx_bytes` with one comment per finding (and one counting them on the title).

    `tables` are the document's rebuilt tables (Document.tables): they give the position of a cell a
    finding names only by its row and column (a repair's likely wrong cell)."""
    import docx

    document = docx.Document(io.BytesIO(docx_bytes))
    anchors = _Anchors(document, tables or {})
    title = anchors.title()
    document.add_comment(_runs(title), text=_counts(findings, lang), author=AUTHOR, initials=INITIALS)
    for finding in findings:
        paragraphs = anchors.for_finding(finding) or [title]
        document.add_comment(_runs(*paragraphs), text=comment_text(finding, lang), author=AUTHOR,
                             initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def comment_text(finding: Finding, lang: str = "zh") -> str:
    """The message, the rule code and the article it enforces, as one comment reads."""
    message = finding.message_en if lang == "en" and finding.message_en else finding.message
    severity = SEVERITY["en" if lang == "en" else "zh"][Severity(finding.severity).value]
    if lang == "en":
        basis = f"; enforces {finding.reference}" if finding.reference else ""
        return f"{message}\n[{severity} {finding.rule} {finding.name}{basis}]"
    basis = f"；依据：{finding.reference}" if finding.reference else ""
    return f"{message}\n（{severity} {finding.rule}{basis}）"


def _counts(findings: list[Finding], lang: str) -> str:
    by = Counter(Severity(f.severity).value for f in findings)
    if lang == "en":
        if not findings:
            return "disclint found nothing to report in this document."
        return (f"disclint checked this report: {by['error']} errors, {by['warning']} warnings, "
                f"{by['info']} notes, each in a comment where it applies.")
    if not findings:
        return "disclint 检查：未发现问题。"
    return (f"disclint 检查结果：错误 {by['error']} 处，警告 {by['warning']} 处，提示 {by['info']} 处；"
            "每一处都以批注标在相关位置，涉及全文的标在标题上。")


def _runs(*paragraph_elements):
    """The runs spanning `paragraph_elements` (first to last), adding an empty run to a paragraph that
    has none (an empty table cell): a comment range must start and end at a run."""
    from docx.text.paragraph import Paragraph

    first = Paragraph(paragraph_elements[0], None)
    last = Paragraph(paragraph_elements[-1], None)
    start = first.runs[0] if first.runs else first.add_run("")
    end = last.runs[-1] if last.runs else last.add_run("")
    return [start, end]


class _Anchors:
    """Finds, for a finding, the paragraphs of the package its comment belongs on."""

    def __init__(self, document, tables: dict):
        from .readers.docx import body_elements

        self.paragraphs, self.tables = body_elements(document)
        self.rebuilt = tables
        self._grids: dict[int, list] = {}

    def title(self):
        """The first paragraph with text: where a reader looks first, and where whole-document
        findings go."""
        from .readers.docx import paragraph_text

        for p in self.paragraphs:
            if paragraph_text(p).strip():
                return p
        return self.paragraphs[0] if self.paragraphs else self._first_cell_paragraph()

    def for_finding(self, finding: Finding) -> list:
        if finding.finding_kind in WHOLE_DOCUMENT:
            return []
        for where in self._cells_of(finding):
            hit = self._cell(where)
            if hit is not None:
                return hit
        where = finding.where or {}
        if "paragraph" in where and 1 <= where["paragraph"] <= len(self.paragraphs):
            return [self.paragraphs[where["paragraph"] - 1]]
        if "table" in where:
            return self._cell(where) or []
        return []

    def _cells_of(self, finding: Finding) -> list[dict]:
        """Positions of the cells a finding is about, most telling first: the likely wrong cell of a
        determined repair, else the cell the finding points at."""
        found = []
        repairs = getattr(finding, "repairs", None) or []
        table = self.rebuilt.get(finding.table) if finding.table else None
        if len(repairs) == 1 and table is not None:
            for cell in repairs[0]:
                rebuilt = table.cell(cell.get("row"), cell.get("column"))
                if rebuilt is not None and rebuilt.where:
                    found.append(rebuilt.where)
        if finding.where and "col" in finding.where:
            found.append(finding.where)
        return found

    def _cell(self, where: dict) -> list | None:
        """The paragraphs of the cell at table/row/col (or of the row's first cell), 1-based."""
        n = where.get("table")
        if not isinstance(n, int) or not 1 <= n <= len(self.tables):
            return None
        if n not in self._grids:
            from .readers.docx import table_cells

            self._grids[n] = table_cells(self.tables[n - 1])
        grid = self._grids[n]
        r = where.get("row")
        if not isinstance(r, int) or not 1 <= r <= len(grid):
            return None
        row = grid[r - 1]
        c = where.get("col")
        if isinstance(c, int) and 1 <= c <= len(row):
            tc = row[c - 1][0]
        else:
            tc = next((el for el, _ in row if el is not None), None)
        if tc is None:
            return None
        paragraphs = [el for el in tc.iter() if el.tag.endswith("}p")]
        if not paragraphs:
            return None
        return [paragraphs[0], paragraphs[-1]]

    def _first_cell_paragraph(self):
        for tbl in self.tables:
            for el in tbl.iter():
                if el.tag.endswith("}p"):
                    return el
        raise ValueError("the document has no paragraph to anchor a comment on")
