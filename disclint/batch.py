"""Lint many files: from the cache when their content was seen before, serially for a handful, else in a
process pool. Results come back in input order, and a file that fails never stops the batch.

The pool follows spec/libraries.md §1 and §3 "Batches": an explicit fork context (Python 3.14 makes
forkserver the default on Linux), an initializer that builds the Lark parser and loads the rules once
per worker, and chunks of files per task (1.90× on 2 cores for 300 reports; one worker is pure overhead,
and so is a pool for fewer than ~8 files).
"""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Sequence

from .engine.run import FileResult
from .readers.base import ReadError
from .settings import Settings

SERIAL_BELOW = 8  # files; a pool's start-up costs more than it saves below this
MAX_CHUNK = 16

Progress = Callable[[FileResult], None]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_many(paths: Iterable[str | os.PathLike], settings: Settings = Settings(), jobs: int | None = None,
              use_cache: bool = True, progress: Progress | None = None) -> list[FileResult]:
    """Lint `paths`; one FileResult per path, in the same order.

    `jobs` is the number of worker processes (default: the usable cores; 1 = in this process).
    `progress`, when given, is called once per file with its result, as results become available
    (cached files first, then the others in input order).
    A rule file that cannot be used (`engine.loader.RuleError`) is raised before any file is linted:
    it is a usage error of the whole run, not a problem of one file.
    """
    from .engine.run import rules_for

    names = [os.fspath(p) for p in paths]
    rules_for(settings)  # raise RuleError up front, before forking
    results: list[FileResult | None] = [None] * len(names)
    cache = None
    keys: list[str | None] = [None] * len(names)
    if use_cache:
        from .cache import Cache

        cache = Cache.open(settings)
        if cache is not None:
            for i, name in enumerate(names):
                keys[i] = cache.key_for(name)
                hit = cache.get(keys[i], name) if keys[i] else None
                if hit is not None:
                    results[i] = hit
                    if progress:
                        progress(hit)
    todo = [i for i, r in enumerate(results) if r is None]
    jobs = default_jobs() if jobs is None else max(1, jobs)

    def done(i: int, result: FileResult) -> None:
        results[i] = result
        if cache is not None and keys[i]:
            cache.put(keys[i], result)
        if progress:
            progress(result)

    if jobs == 1 or len(todo) < SERIAL_BELOW:
        for i in todo:
            done(i, lint_one(names[i], settings))
    else:
        _pooled(names, todo, settings, min(jobs, len(todo)), done)
    return results  # type: ignore[return-value]


def lint_one(path: str, settings: Settings) -> FileResult:
    """`lint_file`, except that a bug on one file becomes that file's `internal` error instead of an exception."""
    from .engine.run import lint_file

    try:
        return lint_file(path, settings)
    except (MemoryError, RecursionError) as e:
        return FileResult(path=path, error=ReadError("internal", f"disclint ran out of {_resource(e)} on this file"))
    except Exception as e:  # noqa: BLE001 - one file must never stop the batch
        return FileResult(path=path, error=_internal(e))


def _resource(e: BaseException) -> str:
    return "memory" if isinstance(e, MemoryError) else "stack (nesting too deep)"


def _internal(e: BaseException) -> ReadError:
    frame = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return ReadError("internal", f"disclint failed on this file ({type(e).__name__}{where}: {e}); please report it")


# --- the process pool -------------------------------------------------------------------------------

_worker_settings: Settings | None = None


def _warm(settings: Settings) -> None:
    """Pool initializer: build the parser and load the rules once per worker, not once per file."""
    global _worker_settings
    _worker_settings = settings
    try:
        from .engine.run import rules_for
        from .grammar.segment import parser

        parser()
        rules_for(settings)
    except Exception:  # noqa: BLE001 - a failure here shows up again, per file, in lint_one
        pass


def _lint_chunk(paths: Sequence[str]) -> list[FileResult]:
    assert _worker_settings is not None
    return [lint_one(p, _worker_settings) for p in paths]


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[k:k + size] for k in range(0, len(items), size)]


def _pooled(names: list[str], todo: list[int], settings: Settings, jobs: int,
            done: Callable[[int, FileResult], None]) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Several chunks per worker keep both cores busy when one chunk holds a slow file.
    size = max(1, min(MAX_CHUNK, len(todo) // (jobs * 4)))
    pending = _chunks(todo, size)
    context = multiprocessing.get_context("fork")
    isolating = False  # after a worker died: one worker, one file per task, so the culprit is known
    while pending:
        retry: list[list[int]] = []
        workers = 1 if isolating else jobs
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm, initargs=(settings,)) as pool:
            futures = [pool.submit(_lint_chunk, [names[i] for i in chunk]) for chunk in pending]
            try:
                for chunk, future in zip(pending, futures):
                    try:
                        chunk_results = future.result()
                    except BrokenProcessPool:
                        # A worker died (killed for memory, a crash in a C library). With one worker and
                        # one file per task, the first task that did not finish is the file that did it.
                        if isolating and not retry:
                            done(chunk[0], FileResult(path=names[chunk[0]], error=ReadError(
                                "internal", "the worker process linting this file died (out of memory, or a "
                                            "crash in a C library); please report it")))
                            retry.append([])
                        else:
                            retry += [[i] for i in chunk]
                        continue
                    except Exception:  # noqa: BLE001 - e.g. a result that cannot be pickled back
                        chunk_results = [lint_one(names[i], settings) for i in chunk]
                    for i, result in zip(chunk, chunk_results):
                        done(i, result)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        pending = [c for c in retry if c]
        isolating = isolating or bool(retry)
