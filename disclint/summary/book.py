"""summary.xlsx, written alongside the lint. openpyxl costs ~27 µs a cell, and most cells are in
sheet 问题 (one row per finding): a forked child, started with the lint, fills it with each report's
own findings as the reports come in, so that it is done when the lint is. The cross-year findings
exist only after the cross checks: they get their own sheet, 跨年度问题, written then with sheet 报告
(whose counts include them) while this process writes the other three files."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator

from ..atomic import OutputError, write_bytes
from . import forked
from .digest import ReportDigest
from .rows import Row, finding_rows, make_row, table_values
from .tables_out import summary_xlsx

SEND_ROWS = 512  # finding rows per message to the child: few messages, none of them large


class XlsxWriter:
    """This process makes the rows (plain lists, cheap to pickle) and a forked child writes them;
    without fork (not POSIX) the whole file is written here, at the end."""

    def __init__(self, path: str, reports: int):
        self.path, self._reports = path, reports
        self._child = (forked.Child(lambda parts: _write(path, parts), "writing summary.xlsx", inbox=True)
                       if forked.fork_available() else None)
        self._findings: list[list] = []
        self._checked: tuple[list[ReportDigest], list[Row]] | None = None

    def linted(self, index: int, d: ReportDigest) -> None:
        """A report's own findings, for sheet 问题: call in report order, before the cross checks."""
        if self._child is None:
            return  # written from the digests at the end
        self._findings.extend(finding_rows(d, make_row(index, d)))
        # after the last report at once: the child writes these rows during the cross checks
        if len(self._findings) >= SEND_ROWS or index == self._reports - 1:
            self._send_findings()

    def checked(self, digests: list[ReportDigest], rows: list[Row]) -> None:
        """After the cross checks: sheets 报告 and 跨年度问题. Returns at once; result() waits."""
        if self._child is None:
            self._checked = (digests, rows)
            return
        self._send_findings()
        for part in _after_cross(digests, rows):
            self._child.send(part)

    def result(self) -> None:
        """Wait until summary.xlsx is written; RuntimeError if that failed."""
        if self._child is not None:
            failed = self._child.result()
            if failed is not None:
                raise failed
        elif self._checked is not None:
            write_bytes(self.path, summary_xlsx(_all_parts(*self._checked)))

    def stop(self) -> None:
        """This process failed: end the child (no file is written)."""
        if self._child is not None:
            self._child.stop()

    def _send_findings(self) -> None:
        if self._findings:
            self._child.send(("问题", self._findings))
            self._findings = []


def _after_cross(digests: list[ReportDigest], rows: list[Row]) -> Iterator[tuple[str, list[list]]]:
    yield "报告", [table_values(r) for r in rows]
    yield "跨年度问题", [v for d, r in zip(digests, rows) for v in finding_rows(d, r, cross_year=True)]


def _all_parts(digests: list[ReportDigest], rows: list[Row]) -> Iterator[tuple[str, list[list]]]:
    yield "问题", [v for d, r in zip(digests, rows) for v in finding_rows(d, r)]
    yield from _after_cross(digests, rows)


def _write(path: str, parts) -> None:
    """The child's work. openpyxl streams each sheet to a temporary file and only removes them after
    saving: in a folder of their own they also go when the child fails or is stopped."""
    with tempfile.TemporaryDirectory(prefix="disclint-xlsx-") as folder:
        tempfile.tempdir = folder  # this process does nothing else
        try:
            write_bytes(path, summary_xlsx(parts))
        except OutputError as e:  # raised by result() in the parent, which prints it as one line
            return e
        return None
