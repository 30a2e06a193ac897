"""`--scheduler`: the same batch on a local Dask cluster (two worker processes) gives the same
results as the local process pool, cross-report findings included."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from disclint.settings import Settings

from .conftest import corpus_files, xlsx_sheets


def _distributed():
    try:
        import distributed
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Dask distributed is not installed: it belongs to the test extra (pyproject.toml)")
        pytest.skip("Dask distributed is not installed")
    return distributed


def test_summary_on_a_local_dask_cluster_matches_the_process_pool(tmp_path):
    distributed = _distributed()
    from disclint.summary import build_summary

    files = corpus_files()
    local = build_summary(files, str(tmp_path / "local"), Settings(), jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        ticks: list[int] = []
        remote = build_summary(files, str(tmp_path / "dask"), Settings(), scheduler=cluster.scheduler_address,
                               progress=ticks.append)
    assert sum(ticks) == len(files)
    assert [d.entry for d in remote.digests] == [d.entry for d in local.digests]
    assert remote.pairs == local.pairs == 8
    findings = json.loads(Path(tmp_path / "dask" / "findings.json").read_text(encoding="utf-8"))
    rules = {f["rule"] for entry in findings["files"] for f in entry["findings"]}
    assert {"DL502", "DL503"} <= rules
    # summary.xlsx: its writer is sent the findings after the lint instead of during it
    assert xlsx_sheets(tmp_path / "dask" / "summary.xlsx") == xlsx_sheets(tmp_path / "local" / "summary.xlsx")


def test_unreadable_files_are_reported_by_the_client(tmp_path):
    distributed = _distributed()
    from disclint.summary.cluster import lint_on_cluster

    missing = str(tmp_path / "gone.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        out = lint_on_cluster([missing, str(empty)], Settings(), cluster.scheduler_address)
    assert [d.error["kind"] for d in out] == ["unreadable", "empty"]


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path):
    _distributed()
    from disclint.summary.cluster import lint_on_cluster

    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler"):
        lint_on_cluster([str(tmp_path / "a.txt")], Settings(), "tcp://127.0.0.1:9", connect_timeout=1)
