"""The process pool: results in input order, the same as a serial run, and a worker that dies takes
only its own report with it."""
from __future__ import annotations

import os

from disclint.settings import Settings
from disclint.summary import pool

from .conftest import corpus_files


def _entries(digests):
    return [(d.path, d.entry) for d in digests]


def test_pool_and_serial_runs_agree():
    files = corpus_files()
    assert len(files) >= pool.SERIAL_BELOW
    ticks = []
    parallel = pool.lint_reports(files, Settings(), jobs=2, progress=ticks.append)
    assert sum(ticks) == len(files)
    assert _entries(parallel) == _entries(pool.lint_reports(files, Settings(), jobs=1))


def test_a_worker_that_dies_does_not_stop_the_batch(monkeypatch, tmp_path):
    files = corpus_files()
    crash = tmp_path / "crash.txt"
    crash.write_text("某局2021年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    real = pool.digest_path

    def dying(path, settings):  # a crash in C code or the OOM killer: the process is gone at once
        if path.endswith("crash.txt"):
            os._exit(1)
        return real(path, settings)

    monkeypatch.setattr(pool, "digest_path", dying)  # forked workers inherit the patched module
    batch = files[:5] + [str(crash)] + files[5:]
    out = pool.lint_reports(batch, Settings(), jobs=2)
    assert [d.path for d in out] == batch
    dead = out[5]
    assert dead.error["kind"] == "internal" and "died" in dead.error["message"]
    assert all(d.document for d in out if d is not dead)
