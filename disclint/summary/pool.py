"""Lint many reports on this machine's cores: a process pool (the work is pure Python, so threads
would only take turns holding the GIL), forked explicitly, with each worker warmed up once.

This is the summary's own loop, kept behind `lint_reports` so that the project's batch runner
(`disclint.batch.lint_many`, with its cache) can replace it without touching the callers.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..settings import Settings
from .digest import ReportDigest, digest_path, unreadable

Progress = Callable[[int], None]
Linted = Callable[[int, ReportDigest], None]  # (index in the input, its digest)
SERIAL_BELOW = 8  # measured: below this the pool's start-up costs more than it saves (libraries.md §3)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def warm(settings: Settings) -> None:
    """Load the rules and build the Lark parser once, so the first report of a worker is not slow.
    Called in the parent before forking (children inherit it) and as the pool's initializer."""
    import disclint
    from ..engine.run import rules_for
    from .digest import cross_kinds

    rules_for(settings)
    cross_kinds(settings)
    disclint.lint_text("某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度无。\n", settings)


def _digest_chunk(paths: list[str], settings: Settings) -> list[ReportDigest]:
    return [digest_path(p, settings) for p in paths]


def _chunks(items: Sequence[str], size: int) -> list[list[str]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def lint_reports(paths: Sequence[str], settings: Settings, jobs: int | None = None,
                 progress: Progress | None = None, linted: Linted | None = None) -> list[ReportDigest]:
    """One digest per path, in the order given. A report that fails — even one that kills its
    worker process — becomes an `internal` error entry; the batch always finishes. `linted(index,
    digest)` is called in the same order, as soon as a report and all those before it are done."""
    progress = progress or (lambda n: None)
    jobs = max(1, jobs or default_jobs())
    warm(settings)
    if jobs == 1 or len(paths) < SERIAL_BELOW:
        out = []
        for index, p in enumerate(paths):
            out.append(digest_path(p, settings))
            if linted:
                linted(index, out[-1])
            progress(1)
        return out
    # Small chunks keep the progress bar moving and the load balanced; 32 keeps pickling overhead low.
    size = max(1, min(32, len(paths) // (jobs * 8)))
    in_order = _InOrder(paths, linted)
    _run_pool(_chunks(paths, size), settings, jobs, in_order, progress)
    return [in_order.done[p] for p in paths]


class _InOrder:
    """The digests done so far, handed on to `linted` in input order: a chunk retried after a
    worker died comes back after those that follow it."""

    def __init__(self, paths: Sequence[str], linted: Linted | None):
        self.done: dict[str, ReportDigest] = {}
        self._paths, self._linted, self._next = paths, linted, 0

    def flush(self) -> None:
        if self._linted is None:
            return
        while self._next < len(self._paths) and self._paths[self._next] in self.done:
            self._linted(self._next, self.done[self._paths[self._next]])
            self._next += 1


def _run_pool(chunks: list[list[str]], settings: Settings, jobs: int, in_order: _InOrder, progress: Progress) -> None:
    context = multiprocessing.get_context("fork")
    done = in_order.done
    broken: list[list[str]] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm, initargs=(settings,)) as pool:
        futures = [(chunk, pool.submit(_digest_chunk, chunk, settings)) for chunk in chunks]
        try:
            for chunk, future in futures:
                try:
                    for digest in future.result():
                        done[digest.path] = digest
                    in_order.flush()
                    progress(len(chunk))
                except BrokenProcessPool:
                    broken.append(chunk)
        except BaseException:
            pool.shutdown(cancel_futures=True)  # this run is over: wait for the running chunks only
            raise
    if not broken:
        return
    # A worker died (a crash in a C library, the kernel's OOM killer). Every unfinished chunk failed
    # with it; find the culprit by running those reports one per pool, where a death harms only itself.
    for path in (p for chunk in broken for p in chunk):
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as solo:
                done[path] = solo.submit(_digest_chunk, [path], settings).result()[0]
        except BrokenProcessPool:
            done[path] = unreadable(path, "internal", "the process linting this file died (a crash or out of memory)")
        in_order.flush()
        progress(1)
