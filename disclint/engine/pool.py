"""The one process pool of a run (`check`, `baseline` and `summary` alike): the work is pure Python,
so threads would only take turns holding the GIL.

spec/libraries.md §1 and §3 "Batches": forked workers (Python 3.14 makes forkserver the default on
Linux, so the context is named), so they start with the parent's parser and rule set already built
and nothing but item indexes is pickled on the way in; chunks of items per task (1.90× on 2 cores for
300 reports); serial below SERIAL_BELOW items, where a pool's start-up costs more than it saves.

Each worker has its own pipe and AHEAD chunks given to it at a time (the next one waits in its pipe
while the parent is busy with results), and the parent waits on all the pipes itself.
concurrent.futures' pool is not used: its result pipe is shared and read by a helper thread, so a
worker killed while writing a result (an interrupted run ends its workers that way) leaves that
thread waiting for the rest of the message, and the interpreter's exit waits for the thread forever.
Here no thread is involved, and a pipe whose worker died reads end-of-file.

A worker that dies (the kernel's OOM killer, a crash in a C library) takes only its own chunks with
it: the items of the one it was at work on are run again one per task in new workers, so the one
that dies again is the culprit, and becomes that item's error; the run always finishes.

Workers end with the parent whatever ends it: on Linux each asks the kernel for SIGKILL when its
parent dies (prctl PR_SET_PDEATHSIG), and a parent interrupted (SIGINT, or the SIGTERM that
`signals.handled` turns into an exception) kills its workers before the exception goes on.
"""
from __future__ import annotations

import collections
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import stopping

SERIAL_BELOW = 8  # items; a pool's start-up costs more than it saves below this
MAX_CHUNK = 16  # items per task: small enough to balance a slow file and keep the progress bar moving
CHUNKS_PER_WORKER = 4
AHEAD = 2  # chunks given to a worker before its first result comes back: it never waits for the parent
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
            stopping.check()  # after each report: a stop whose exception was swallowed ends the run here
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
            stopping.check()


def _start_worker() -> None:
    """A worker's first step. It ignores SIGINT (a terminal's Ctrl-C reaches the whole process group:
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


class _Unsent:
    """What a worker sends instead of results it could not (a value that cannot be pickled, a task
    that raised after all): the parent runs that chunk itself."""


def _serve(conn: Any) -> None:
    """A worker's life: chunks of item indexes in, their results out, until None (or end-of-file)."""
    _start_worker()
    assert _task is not None
    while True:
        try:
            items = conn.recv()
        except EOFError:  # the parent closed its end: the run is over
            return
        if items is None:
            return
        try:
            values = [_task(i) for i in items]
            conn.send(values)
        except Exception:  # noqa: BLE001 - pickling fails before anything is written
            conn.send(_Unsent())


class _Worker:
    def __init__(self, context: Any):
        self.conn, theirs = context.Pipe()
        # daemon: should one ever be left running, the interpreter's exit ends it instead of waiting
        self.process = context.Process(target=_serve, args=(theirs,), name="disclint: worker", daemon=True)
        self.process.start()
        theirs.close()  # the worker holds the only other end: its death reads as end-of-file here
        self.chunks: collections.deque[list[int]] = collections.deque()  # given, in order; the first at work
        self.dead = False  # found dead when given a chunk: what it sent before still comes off its pipe

    def give(self, chunk: list[int]) -> bool:
        try:
            self.conn.send(chunk)
        except OSError:  # BrokenPipeError
            self.dead = True
            return False
        self.chunks.append(chunk)
        return True

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=None if kill else 10)
        if self.process.is_alive():  # not ended after being told to: it is not waited for longer
            self.process.kill()
            self.process.join()
        self.conn.close()


def _pooled(task: Callable[[int], Any], chunks: list[list[int]], jobs: int, in_order: _InOrder,
            died: Callable[[int], Any]) -> None:
    import multiprocessing
    from multiprocessing.connection import wait

    global _task
    context = multiprocessing.get_context("fork")
    pending = collections.deque(chunks)
    previous, _task = _task, task
    live: dict[Any, _Worker] = {}  # pipe → the worker at the other end; one that died is stopped and left out
    losses: dict[int, int] = {}  # item → how many workers died with it unfinished
    interrupted = True
    try:
        while pending or any(w.chunks for w in live.values()):
            while pending and len(live) < jobs:  # at the start, and in place of one that died
                worker = _Worker(context)
                live[worker.conn] = worker
            for worker in list(live.values()):
                while pending and len(worker.chunks) < AHEAD and not worker.dead:
                    if not worker.give(pending[0]):
                        if not worker.chunks:  # nothing of it is left to read: replaced on the next round
                            _lost(worker, live, pending, in_order, losses, died)
                        break
                    pending.popleft()
            for conn in wait([c for c, w in live.items() if w.chunks]):
                worker = live[conn]
                try:
                    values = conn.recv()
                except (EOFError, OSError):  # it died mid-chunk, perhaps mid-message
                    _lost(worker, live, pending, in_order, losses, died)
                    continue
                chunk = worker.chunks.popleft()
                if isinstance(values, _Unsent):
                    values = [task(i) for i in chunk]
                for i, value in zip(chunk, values):
                    in_order.put(i, value)
        interrupted = False
    finally:
        _task = previous
        for worker in live.values():
            worker.stop(kill=interrupted)


def _lost(worker: _Worker, live: dict[Any, _Worker], pending: Any, in_order: _InOrder, losses: dict[int, int],
          died: Callable[[int], Any]) -> None:
    """The worker died at work on its first unfinished chunk. That chunk's items go back to the front of
    the queue one per task; an item lost so a second time (on its own, then) is the culprit and becomes
    `died`. Not the first time: which of a chunk's items killed it is not known, and the worker may
    have been killed from outside, or been sent the chunk as it was dying. The chunks given to it
    after that one go back as they were."""
    worker.stop(kill=True)
    del live[worker.conn]
    at_work, *waiting = worker.chunks or [[]]
    worker.chunks.clear()
    again = []
    for i in at_work:
        losses[i] = losses.get(i, 0) + 1
        if losses[i] > 1:
            in_order.put(i, died(i))
        else:
            again.append([i])
    pending.extendleft(reversed(again + waiting))
