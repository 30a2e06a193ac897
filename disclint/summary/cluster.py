"""The same batch on a Dask distributed cluster (`--scheduler tcp://host:8786`), for batches one
machine cannot finish in time (docs/summary.md says when). Optional: `pip install 'disclint[dask]'`.

The client reads the files and ships their bytes with the task, so workers need disclint installed
but not the client's file system. At most a few batches per worker are in flight at a time, so a
100,000-report run never holds every file in memory. A batch whose worker dies is retried by Dask;
if it still fails, its reports become `internal` errors and the run goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..readers import ReadError, file_bytes
from ..settings import Settings
from .digest import ReportDigest, digest_bytes, unreadable

Progress = Callable[[int], None]

BATCH = 32  # reports per task: large enough that scheduling costs little, small enough to balance
IN_FLIGHT_PER_WORKER = 4


def _digest_batch(items: list[tuple[str, bytes]], settings: Settings) -> list[ReportDigest]:
    return [digest_bytes(path, data, settings) for path, data in items]


def _read(path: str, settings: Settings) -> tuple[str, bytes] | ReportDigest:
    try:
        return path, file_bytes(path, settings.max_bytes)
    except ReadError as e:
        return unreadable(path, e.reason, e.message)


def _batches(paths: Sequence[str], settings: Settings, local: dict) -> Iterator[list[tuple[str, bytes]]]:
    batch: list[tuple[str, bytes]] = []
    for p in paths:
        item = _read(p, settings)
        if isinstance(item, ReportDigest):
            local[p] = item
            continue
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def lint_on_cluster(paths: Sequence[str], settings: Settings, address: str,
                    progress: Progress | None = None, connect_timeout: float = 20) -> list[ReportDigest]:
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise RuntimeError("--scheduler needs Dask distributed: pip install 'disclint[dask]'") from e
    progress = progress or (lambda n: None)
    done: dict[str, ReportDigest] = {}
    try:
        client = Client(address, set_as_default=False, timeout=connect_timeout)
    except (OSError, TimeoutError) as e:
        raise RuntimeError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = workers * IN_FLIGHT_PER_WORKER
        batches = _batches(paths, settings, done)
        progress(len(done))
        owners = {}

        def submit_next():
            batch = next(batches, None)
            if batch is None:
                return None
            future = client.submit(_digest_batch, batch, settings, pure=False)
            owners[future.key] = [p for p, _ in batch]
            return future

        first = [f for f in (submit_next() for _ in range(limit)) if f is not None]
        if not first:
            return [done[p] for p in paths]
        pending = as_completed(first, loop=client.loop)  # our client's loop: there is no default client
        for future in pending:
            names = owners.pop(future.key)
            try:
                for digest in future.result():
                    done[digest.path] = digest
            except Exception as e:  # noqa: BLE001 - a lost worker (KilledWorker) must not stop the run
                for p in names:
                    done[p] = unreadable(p, "internal", f"the cluster failed on this file's batch: {type(e).__name__}")
            progress(len(names))
            future.release()
            following = submit_next()
            if following is not None:
                pending.add(following)
    return [done[p] for p in paths]
