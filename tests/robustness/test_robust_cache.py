"""The result cache: hits on unchanged content, misses on any change of content, settings, rule packs or
disclint itself; written atomically into a private folder; never a reason for a run to fail."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclint import cache as cache_mod
from disclint.cli import main
from disclint.engine.linter import Linter
from disclint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def lint_many(paths, settings=Settings(), **options):
    """The engine's batch for one Settings object (what `disclint check` runs per configuration)."""
    return Linter(settings).lint_many(paths, **options)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "disclint"


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for src in SEEDS:
        shutil.copy(src, folder / src.name)
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")
    return sorted(str(p) for p in folder.iterdir())


@pytest.fixture
def linted(monkeypatch):
    """The paths really linted (not served from the cache)."""
    calls: list[str] = []
    real = Linter.lint_unsuppressed

    def counting(self, path, settings):
        calls.append(path)
        return real(self, path, settings)

    monkeypatch.setattr(Linter, "lint_unsuppressed", counting)
    return calls


def findings(results):
    return [(r.path, r.error.reason if r.error else None, [(f.rule, f.line, f.message) for f in r.findings])
            for r in results]


def test_second_run_is_served_from_the_cache(reports, linted, private_cache):
    first = lint_many(reports, jobs=1)
    assert len(linted) == len(reports)
    second = lint_many(reports, jobs=1)
    assert len(linted) == len(reports)  # nothing linted again
    assert findings(second) == findings(first)
    assert all(r.document is not None for r in second if r.error is None)
    assert any(private_cache.rglob("*"))


def test_changed_content_is_linted_again(reports, linted):
    lint_many(reports, jobs=1)
    Path(reports[0]).write_text(Path(reports[0]).read_text(encoding="utf-8") + "\n补充一行。\n", encoding="utf-8")
    lint_many(reports, jobs=1)
    assert linted[len(reports):] == [reports[0]]


def test_other_settings_miss(reports, linted):
    lint_many(reports, Settings(), jobs=1)
    lint_many(reports, Settings(lang="en"), jobs=1)
    assert len(linted) == 2 * len(reports)
    lint_many(reports, Settings(lang="en", origins=(("lang", "--lang"),)), jobs=1)  # where a value came from
    assert len(linted) == 2 * len(reports)


def test_a_changed_rule_pack_misses(reports, linted, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "extra.yaml").write_text("pack: extra\nrules: []\n", encoding="utf-8")
    settings = Settings(rule_dirs=(str(pack),))
    lint_many(reports, settings, jobs=1)
    lint_many(reports, settings, jobs=1)
    assert len(linted) == len(reports)
    (pack / "extra.yaml").write_text("pack: extra\ndescription: edited\nrules: []\n", encoding="utf-8")
    lint_many(reports, settings, jobs=1)
    assert len(linted) == 2 * len(reports)


def test_a_new_disclint_version_misses(reports, linted, monkeypatch):
    lint_many(reports, jobs=1)
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    lint_many(reports, jobs=1)
    assert len(linted) == 2 * len(reports)


def test_same_bytes_under_another_name_take_that_name(reports, tmp_path):
    lint_many(reports[:1], jobs=1)
    twin = tmp_path / "twin.txt"
    shutil.copy(reports[0], twin)
    [result] = lint_many([twin], jobs=1)
    assert result.path == str(twin) and result.document.source.path == str(twin)


def test_no_cache_writes_nothing(reports, linted, private_cache):
    lint_many(reports, jobs=1, use_cache=False)
    lint_many(reports, jobs=1, use_cache=False)
    assert len(linted) == 2 * len(reports)
    assert not private_cache.exists() or not any(p.is_file() for p in private_cache.rglob("*"))


def test_entries_are_written_atomically_and_privately(reports, private_cache):
    lint_many(reports, jobs=1)
    files = [p for p in private_cache.rglob("*") if p.is_file()]
    assert files and not [p for p in files if p.name.startswith(".disclint-")]  # no temporary left behind
    assert private_cache.stat().st_mode & 0o077 == 0


def test_a_damaged_entry_is_a_miss(reports, linted, private_cache):
    first = lint_many(reports, jobs=1)
    for p in private_cache.rglob("*"):
        if p.is_file():
            p.write_bytes(p.read_bytes()[:20])
    again = lint_many(reports, jobs=1)
    assert len(linted) == 2 * len(reports)
    assert findings(again) == findings(first)


def test_an_unusable_cache_folder_does_not_stop_the_run(reports, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    results = lint_many(reports, jobs=1)
    assert len(results) == len(reports)


def test_a_folder_others_may_write_is_not_used(reports, private_cache, linted):
    private_cache.mkdir(parents=True)
    os.chmod(private_cache, 0o777)
    lint_many(reports, jobs=1)
    lint_many(reports, jobs=1)
    assert len(linted) == 2 * len(reports)


def test_errors_of_the_machine_are_not_cached(tmp_path, linted):
    missing = str(tmp_path / "gone.txt")
    lint_many([missing], jobs=1)
    Path(missing).write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    [result] = lint_many([missing], jobs=1)
    assert result.error is None and result.document is not None


def test_cache_clear_and_info_commands(reports, private_cache):
    lint_many(reports, jobs=1)
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info"])
    assert info.exit_code == 0 and str(private_cache) in info.output
    assert f": {len(reports)} file(s)" in info.output  # one entry per distinct content, the blank one too
    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed" in cleared.output
    assert not any(p.is_file() for p in private_cache.rglob("*"))
    assert runner.invoke(main, ["cache", "clear"]).exit_code == 0  # clearing twice is fine
