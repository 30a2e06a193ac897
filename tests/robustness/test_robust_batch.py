"""`lint_many`: the same results as linting file by file, in input order, serially or in a pool; one
failing file (an exception, a worker that dies) never stops the batch."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from disclint.engine.linter import Linter
from disclint.engine.pool import SERIAL_BELOW
from disclint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PINGTAN = sorted((ROOT / "tests" / "corpus" / "docs" / "pingtan").glob("*.txt"))[:12]


def lint_many(paths, settings=Settings(), **options):
    """The engine's batch for one Settings object (what `disclint check` runs per configuration)."""
    return Linter(settings).lint_many(paths, **options)


def lint_file(path, settings=Settings()):
    return Linter(settings).lint_path(path, settings)


def summary(result):
    if result.error:
        return (Path(result.path).name, "error", result.error.reason)
    return (Path(result.path).name, result.document.genre, result.document.year,
            [(f.rule, f.line, f.column, f.message) for f in result.findings])


@pytest.fixture
def reports(tmp_path):
    paths = []
    for i, src in enumerate(SEEDS + PINGTAN):
        dst = tmp_path / f"{i:02d}-{src.name}"
        shutil.copy(src, dst)
        paths.append(str(dst))
    (tmp_path / "empty.txt").write_bytes(b"")
    paths.insert(3, str(tmp_path / "empty.txt"))
    paths.append(str(tmp_path / "missing.txt"))
    return paths


def test_pool_and_serial_agree_with_lint_file(reports):
    assert len(reports) >= SERIAL_BELOW
    expected = [summary(lint_file(p, Settings())) for p in reports]
    assert [summary(r) for r in lint_many(reports, jobs=2, use_cache=False)] == expected
    assert [summary(r) for r in lint_many(reports, jobs=1, use_cache=False)] == expected
    assert [summary(r) for r in lint_many(reports[:3], jobs=2, use_cache=False)] == expected[:3]


def test_results_come_back_in_input_order(reports):
    shuffled = list(reversed(reports))
    results = lint_many(shuffled, jobs=2, use_cache=False)
    assert [r.path for r in results] == shuffled


def test_progress_is_called_once_per_file(reports):
    seen = []
    lint_many(reports, jobs=2, use_cache=False, progress=seen.append)
    assert sorted(r.path for r in seen) == sorted(reports)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_on_one_file_becomes_its_internal_error(reports, monkeypatch, jobs):
    victim = reports[5]
    real = Linter.analyse

    def flaky(self, source, settings):
        if source.path == victim:
            raise ZeroDivisionError("boom")
        return real(self, source, settings)

    monkeypatch.setattr(Linter, "analyse", flaky)  # the pool forks after this: workers see it too
    results = lint_many(reports, jobs=jobs, use_cache=False)
    assert results[5].error.reason == "internal"
    assert "ZeroDivisionError" in results[5].error.message and "boom" in results[5].error.message
    assert all(r.document is not None for i, r in enumerate(results) if i not in (3, 5, len(reports) - 1))


def test_a_worker_that_dies_loses_only_its_file(reports, monkeypatch):
    victim = reports[7]
    real = Linter.analyse

    def fatal(self, source, settings):
        if source.path == victim:
            os._exit(9)  # as if killed for memory, or crashed inside a C library
        return real(self, source, settings)

    expected = [summary(lint_file(p)) for p in reports]
    monkeypatch.setattr(Linter, "analyse", fatal)
    results = lint_many(reports, jobs=2, use_cache=False)
    assert results[7].error.reason == "internal" and "died" in results[7].error.message
    assert [summary(r) for i, r in enumerate(results) if i != 7] == [e for i, e in enumerate(expected) if i != 7]


def test_a_bad_rule_pack_stops_before_any_file(tmp_path, reports):
    from disclint.engine.loader import RuleError

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "bad.yaml").write_text("pack: bad\nrules:\n  - code: DL999\n", encoding="utf-8")
    with pytest.raises(RuleError):
        lint_many(reports, Settings(rule_dirs=(str(pack),)), jobs=2, use_cache=False)
