"""summary.xlsx, written alongside the lint. openpyxl costs ~27 µs a cell, and most cells are in
sheet 问题 (one row per finding): a forked child, started with the lint, fills it with each report's
own findings as the reports come in, so that it is done when the lint is. The cross-year findings
exist only after the cross checks: they get their own sheet, 跨年度问题, written then with the sheets
that need every report (总览, 按机关, 按问题, 报告) while this process writes the other files.
What goes into each sheet is workbook.py's."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator

from ..atomic import OutputError, write_bytes
from . import forked
from .digest import ReportDigest
from .rows import Row, finding_rows, make_row
from .workbook import summary_xlsx

Part = tuple[str, list[list]]  # (sheet title, rows)

SEND_ROWS = 512  # finding rows per message to the child: few messages, none of them large


class XlsxWriter:
    """This process makes the rows (plain lists, cheap to pickle) and a forked child writes them;
    without fork (not POSIX) the whole file is written here, at the end."""

    def __init__(self, path: str, reports: int, shown: dict[str, str] | None = None):
        self.path, self._reports, self._shown = path, reports, shown or {}
        self._child = (forked.Child(lambda parts: _write(path, parts), "writing summary.xlsx", inbox=True)
                       if forked.fork_available() else None)
        self._findings: list[list] = []
        self._checked: tuple[list[ReportDigest], list[Row], list[Part]] | None = None

    def linted(self, index: int, d: ReportDigest) -> None:
        """A report's own findings, for sheet 问题: call in report order, before the cross checks."""
        if self._child is None:
            return  # written from the digests at the end
        self._findings.extend(finding_rows(d, make_row(index, d, self._shown)))
        # after the last report at once: the child writes these rows during the cross checks
        if len(self._findings) >= SEND_ROWS or index == self._reports - 1:
            self._send_findings()

    def checked(self, digests: list[ReportDigest], rows: list[Row], later: Iterator[Part]) -> None:
        """After the cross checks: the other sheets' parts. Returns at once; result() waits."""
        if self._child is None:
            self._checked = (digests, rows, list(later))
            return
        self._send_findings()
        for part in later:
            self._child.send(part)

    def result(self) -> None:
        """Wait until summary.xlsx is written; RuntimeError if that failed."""
        if self._child is not None:
            failed = self._child.result()
            if failed is not None:
                raise failed
        elif self._checked is not None:
            digests, rows, later = self._checked
            own = [v for d, r in zip(digests, rows) for v in finding_rows(d, r, shown=self._shown)]
            write_bytes(self.path, summary_xlsx([("问题", own), *later]))

    def stop(self) -> None:
        """This process failed: end the child (no file is written)."""
        if self._child is not None:
            self._child.stop()

    def _send_findings(self) -> None:
        if self._findings:
            self._child.send(("问题", self._findings))
            self._findings = []


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
