"""The one process pool of a run (`check`, `baseline` and `summary` alike): the work is pure Python,
so threads would only take turns holding the GIL.

spec/libraries.md §1 and §3 "Batches": an explicit fork context (Python 3.14 makes forkserver the
default on Linux), so workers start with the parent's parser and rule set already built and nothing
but item indexes is pickled on the way in; chunks of items per task (1.90× on 2 cores for 300
reports); serial below SERIAL_BELOW items, where a pool's start-up costs more than it saves.

A worker that dies (the kernel's OOM killer, a crash in a C library) breaks the pool: the unfinished
items are run again with one worker and one item per task, so the first one that dies there is the
culprit, and becomes that item's error; the run always finishes.

Workers end with the parent whatever ends it: on Linux each asks the kernel for SIGKILL when its
parent dies (prctl PR_SET_PDEATHSIG), and a parent interrupted (SIGINT, or the SIGTERM that
`signals.handled` turns into an exception) kills its workers before the exception goes on.
"""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

SERIAL_BELOW = 8  # items; a pool's start-up costs more than it saves below this
MAX_CHUNK = 16  # items per task: small enough to balance a slow file and keep the progress bar moving
CHUNKS_PER_WORKER = 4
DIED = ("the worker process linting this file died (out of memory, or a crash in a C library); "
        "please report it")

_PR_SET_PDEATHSIG = 1
_task: Callable[[int], Any] | None = None  # set before forking; workers inherit it


def default_jobs() -> int:
    """The usable cores (those this process may run on, not all the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run(task: Callable[[int], Any], todo: Sequence[int], jobs: int | None, done: Callable[[int, Any], None],
        died: Callable[[int], Any]) -> None:
    """`done(i, task(i))` for every i in `todo`, in that order. `task` must not raise (the engine turns
    a failure on one file into that file's error); `died(i)` stands in for the result of an item whose
    worker process died."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(todo) < SERIAL_BELOW:
        for i in todo:
            done(i, task(i))
        return
    jobs = min(jobs, len(todo))
    size = max(1, min(MAX_CHUNK, len(todo) // (jobs * CHUNKS_PER_WORKER)))
    _pooled(task, [list(todo[k:k + size]) for k in range(0, len(todo), size)], jobs, _InOrder(todo, done), died)


class _InOrder:
    """Results handed on to `done` in input order: an item retried after a worker died comes back
    after those that follow it."""

    def __init__(self, todo: Sequence[int], done: Callable[[int, Any], None]):
        self._todo, self._done, self._next = list(todo), done, 0
        self._waiting: dict[int, Any] = {}

    def put(self, i: int, value: Any) -> None:
        self._waiting[i] = value
        while self._next < len(self._todo) and self._todo[self._next] in self._waiting:
            item = self._todo[self._next]
            self._next += 1
            self._done(item, self._waiting.pop(item))


def _start_worker() -> None:
    """Pool initializer. A worker ignores SIGINT (a terminal's Ctrl-C reaches the whole process group:
    the parent decides, and ends its workers) and dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no usable libc: the parent's shutdown still ends us
            pass
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _run_chunk(items: list[int]) -> list[Any]:
    assert _task is not None
    return [_task(i) for i in items]


def _pooled(task: Callable[[int], Any], pending: list[list[int]], jobs: int, in_order: _InOrder,
            died: Callable[[int], Any]) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _task
    context = multiprocessing.get_context("fork")
    isolating = False  # after a worker died: one worker, one item per task, so the culprit is known
    previous, _task = _task, task
    try:
        while pending:
            retry: list[list[int]] = []
            pool = ProcessPoolExecutor(1 if isolating else jobs, mp_context=context, initializer=_start_worker)
            try:
                futures = [pool.submit(_run_chunk, chunk) for chunk in pending]
                for chunk, future in zip(pending, futures):
                    try:
                        values = future.result()
                    except BrokenProcessPool:
                        # With one worker and one item per task, the first task that did not finish is
                        # the item that killed it.
                        if isolating and not retry:
                            in_order.put(chunk[0], died(chunk[0]))
                            retry.append([])
                        else:
                            retry += [[i] for i in chunk]
                        continue
                    except Exception:  # noqa: BLE001 - e.g. a result that cannot be pickled back
                        values = [task(i) for i in chunk]
                    for i, value in zip(chunk, values):
                        in_order.put(i, value)
            except BaseException:
                _kill(pool)
                raise
            pool.shutdown(wait=True)
            pending = [c for c in retry if c]
            isolating = isolating or bool(retry)
    finally:
        _task = previous


def _kill(pool: Any) -> None:
    """End the workers now (the run is interrupted): no task is waited for, no worker is left."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)
