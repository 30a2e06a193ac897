"""Supervisor mode: lint a whole batch of reports, check the reports of one body across consecutive
years, and write index.html, summary.xlsx, summary.csv, findings.json and a draft 通报 into one folder.

    lint (process pool, or a Dask cluster) → ReportDigest per report → cross-report checks
    → rows, ranking of bodies → one module per output (html, workbook, csv_file, json_file, notice)

Everything is written into a temporary folder beside the output folder and swapped in at the end
(outset.py); summary.xlsx by a forked child that starts with the lint (book.py).
"""
from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..settings import Settings
from .digest import ReportDigest

if TYPE_CHECKING:
    from ..engine.linter import Linter
    from .book import XlsxWriter

Progress = Callable[[int], None]
Linted = Callable[[int, ReportDigest], None]  # (index in the input, its digest)

OUTPUTS = ("index.html", "summary.xlsx", "summary.csv", "findings.json", "通报草稿.docx")


@dataclass
class SummaryResult:
    digests: list[ReportDigest]
    out_dir: str
    pairs: int = 0
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds

    def count(self, severity: str) -> int:
        return sum(1 for d in self.digests for f in d.findings if f["severity"] == severity)

    @property
    def unreadable(self) -> int:
        return sum(1 for d in self.digests if d.error)


def lint_batch(paths: Sequence[str], settings: Settings, *, linter: Linter | None = None, jobs: int | None = None,
               scheduler: str | None = None, progress: Progress | None = None,
               linted: Linted | None = None) -> list[ReportDigest]:
    """One digest per path, in order; `linted(index, digest)` is called in that order too (as the
    reports come in from the engine's pool; all at the end from a Dask cluster). Each report is linted
    by the engine as `disclint check` lints it: its folder's configuration, suppressions, baseline."""
    if scheduler:
        from .cluster import lint_on_cluster

        digests = lint_on_cluster(paths, settings, scheduler, progress, linter=linter)
        if linted:
            for index, d in enumerate(digests):
                linted(index, d)
        return digests
    from ..engine.linter import linter_for
    from .digest import digest_path, unreadable

    engine = linter or linter_for(settings)
    tick = progress or (lambda n: None)

    def done(index: int, digest: ReportDigest) -> None:
        if linted:
            linted(index, digest)
        tick(1)

    return engine.map(paths, lambda path, file_settings: digest_path(path, settings, engine, file_settings),
                      jobs=jobs, done=done,
                      died=lambda path: unreadable(path, "internal", "the process linting this file died "
                                                                     "(a crash or out of memory)"))


def build_summary(paths: Sequence[str], out_dir: str, settings: Settings = Settings(), *, linter: Linter | None = None,
                  jobs: int | None = None, scheduler: str | None = None, progress: Progress | None = None,
                  sources: Sequence[str] = (), xlsx: bool = True) -> SummaryResult:
    """`settings` are the run's (language, fail-on, the cross-report rules); `linter` the run's engine
    (per-folder configuration), by default one for `settings` alone. Raises outset.OutputRefused
    before any work when out_dir must not be written, and outset.SummaryNotWritten (an OutputError)
    when writing failed: out_dir is then as it was."""
    from ..engine.linter import linter_for
    from ..engine.pool import default_jobs
    from .book import XlsxWriter
    from .outset import check_out, staged
    from .rows import shown_paths

    check_out(out_dir, sources, paths)
    shown = shown_paths(list(paths), list(sources))
    engine = linter or linter_for(settings)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    with staged(out_dir) as stage:
        # summary.xlsx is started first: its child fills the findings sheet while the reports are linted.
        book = XlsxWriter(os.path.join(stage, "summary.xlsx"), len(paths), shown) if xlsx else None
        try:
            digests = lint_batch(paths, settings, linter=engine, jobs=jobs, scheduler=scheduler, progress=progress,
                                 linted=book.linted if book else None)
            timings["lint"] = time.perf_counter() - t
            # The digests live until the end: keep the collector from walking them again and again while
            # the outputs are built, and from touching (so copying) their pages in the forked children.
            gc.freeze()
            try:
                result = _summarise(digests, stage, settings, engine.rule_set(settings).cross_report(settings),
                                    processes=min(2, jobs or default_jobs()), sources=sources, shown=shown,
                                    book=book, timings=timings)
            finally:
                gc.unfreeze()
        except BaseException:
            if book:
                book.stop()
            raise
    result.out_dir = out_dir
    return result


def _summarise(digests: list[ReportDigest], out_dir: str, settings: Settings, cross_rules, *, processes: int,
               sources: Sequence[str], shown: dict[str, str], book: XlsxWriter | None,
               timings: dict[str, float]) -> SummaryResult:
    from ..atomic import write_bytes, write_text
    from .cross import cross_check
    from .csv_file import summary_csv
    from .html import render_index
    from .json_file import findings_json
    from .notice import FILENAME, notice_docx
    from .ranking import overview, rank
    from .rows import make_rows
    from .workbook import after_cross

    t = time.perf_counter()
    pairing = cross_check(digests, settings, processes=processes, rules=cross_rules)
    timings["cross"] = time.perf_counter() - t
    t = time.perf_counter()
    rows = make_rows(digests, shown)
    ranking, totals = rank(digests, rows), overview(digests, rows, len(pairing.pairs))
    if book:  # the workbook's other sheets, written by its child while this process writes the other files
        book.checked(digests, rows, after_cross(digests, rows, ranking, totals, list(sources), shown))
    write_text(os.path.join(out_dir, "findings.json"), findings_json(digests))
    write_bytes(os.path.join(out_dir, "summary.csv"), summary_csv(rows))
    html = render_index(digests, rows, ranking, totals, sources=list(sources), notes=pairing.notes,
                        shown=shown, xlsx=book is not None, notice=FILENAME)
    write_text(os.path.join(out_dir, "index.html"), html)
    write_bytes(os.path.join(out_dir, FILENAME), notice_docx(digests, rows, ranking, totals))
    timings["json+csv+html+docx"] = time.perf_counter() - t
    if book:
        book.result()
    timings["write"] = time.perf_counter() - t
    return SummaryResult(digests=digests, out_dir=out_dir, pairs=len(pairing.pairs), notes=pairing.notes,
                         timings=timings)
