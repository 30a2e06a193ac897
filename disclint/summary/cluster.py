"""The same batch on a Dask distributed cluster (`--scheduler tcp://host:8786`), for batches one
machine cannot finish in time (docs/summary.md says when). Optional: `pip install 'disclint[dask]'`.

The client reads the files and ships their bytes with the task, with what else applies to each from
the client's file system — its folder's configuration, its sidecar's entries, what the baseline
records for it — so workers need disclint installed but not that file system, and each report gets
the findings `disclint check` gives it. (Rule packs named by `rule-dirs` are read by path: a worker
on another machine needs them at the same path.) At most a few batches per worker are in flight at a time, so a
100,000-report run never holds every file in memory. A batch whose worker dies is retried by Dask;
if it still fails, its reports become `internal` errors and the run goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from typing import TYPE_CHECKING

from .. import suppress
from ..readers import ReadError, file_bytes
from ..settings import Settings
from .digest import ReportDigest, digest_bytes, unreadable

if TYPE_CHECKING:
    from ..engine.linter import Linter

Progress = Callable[[int], None]

BATCH = 32  # reports per task: large enough that scheduling costs little, small enough to balance
IN_FLIGHT_PER_WORKER = 4


Item = tuple[str, bytes, Settings, suppress.Outside]  # a report as it travels to a worker


def _digest_batch(items: list[Item], settings: Settings) -> list[ReportDigest]:
    return [digest_bytes(path, data, settings, file_settings, outside) for path, data, file_settings, outside in items]


def _read(path: str, linter: Linter) -> Item | ReportDigest:
    """The report and what applies to it here (ConfigError: an unusable sidecar or baseline, as for check)."""
    file_settings = linter.settings_for(path)
    try:
        data = file_bytes(path, file_settings.max_bytes)
    except ReadError as e:
        return unreadable(path, e.reason, e.message)
    return path, data, file_settings, suppress.gather(path, file_settings)


def _batches(paths: Sequence[str], linter: Linter, local: dict) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for p in paths:
        item = _read(p, linter)
        if isinstance(item, ReportDigest):
            local[p] = item
            continue
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def lint_on_cluster(paths: Sequence[str], settings: Settings, address: str, progress: Progress | None = None,
                    connect_timeout: float = 20, linter: Linter | None = None) -> list[ReportDigest]:
    """A digest per path, in order; `settings` are the run's, `linter` resolves each file's own."""
    try:
        from distributed import Client, as_completed
    except ImportError as e:
        raise RuntimeError("--scheduler needs Dask distributed: pip install 'disclint[dask]'") from e
    from ..engine.linter import linter_for

    linter = linter or linter_for(settings)
    progress = progress or (lambda n: None)
    done: dict[str, ReportDigest] = {}
    try:
        client = Client(address, set_as_default=False, timeout=connect_timeout)
    except (OSError, TimeoutError) as e:
        raise RuntimeError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = workers * IN_FLIGHT_PER_WORKER
        batches = _batches(paths, linter, done)
        progress(len(done))
        owners = {}

        def submit_next():
            batch = next(batches, None)
            if batch is None:
                return None
            future = client.submit(_digest_batch, batch, settings, pure=False)
            owners[future.key] = [item[0] for item in batch]
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
