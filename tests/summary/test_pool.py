"""The summary's batch through the engine's one pool: results in input order, the same as a serial run,
and a worker that dies takes only its own report with it; `linted` sees every report once, in input
order."""
from __future__ import annotations

import os

from disclint.engine import pool
from disclint.engine.linter import Linter
from disclint.settings import Settings
from disclint.summary import lint_batch

from .conftest import corpus_files


def _entries(digests):
    return [(d.path, d.entry) for d in digests]


def test_pool_and_serial_runs_agree():
    files = corpus_files()
    assert len(files) >= pool.SERIAL_BELOW
    ticks, linted = [], []
    parallel = lint_batch(files, Settings(), jobs=2, progress=ticks.append, linted=lambda i, d: linted.append((i, d)))
    assert sum(ticks) == len(files)
    assert linted == list(enumerate(parallel))
    serial: list = []
    assert _entries(parallel) == _entries(lint_batch(files, Settings(), jobs=1,
                                                     linted=lambda i, d: serial.append((i, d.path))))
    assert serial == [(i, d.path) for i, d in enumerate(parallel)]


def test_a_worker_that_dies_does_not_stop_the_batch(monkeypatch, tmp_path):
    files = corpus_files()
    crash = tmp_path / "crash.txt"
    crash.write_text("某局2021年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    real = Linter.lint_path

    def dying(self, path, *args, **kwargs):  # a crash in C code or the OOM killer: the process is gone at once
        if str(path).endswith("crash.txt"):
            os._exit(1)
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_path", dying)  # forked workers inherit the patched class
    batch = files[:5] + [str(crash)] + files[5:]
    linted = []
    out = lint_batch(batch, Settings(), jobs=2, linted=lambda i, d: linted.append((i, d)))
    assert [d.path for d in out] == batch
    assert linted == list(enumerate(out))  # the retried chunk came back last, and was put in its place
    dead = out[5]
    assert dead.error["kind"] == "internal" and "died" in dead.error["message"]
    assert all(d.document for d in out if d is not dead)


def test_results_that_come_back_out_of_order_wait_for_those_before_them():
    handed: list = []
    in_order = pool._InOrder([0, 1, 2, 3], lambda i, d: handed.append((i, d)))
    for i, expect in ((1, []), (0, [(0, "A"), (1, "B")]), (3, []), (2, [(2, "C"), (3, "D")])):
        in_order.put(i, "ABCD"[i])
        assert handed == expect
        handed.clear()
