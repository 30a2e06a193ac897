"""Fixtures for the linter-ecosystem tests: run the real CLI in-process, in a chosen folder."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
HERE = Path(__file__).resolve().parent

# The seed with one numbering warning at line 7 and another at 17 (（2） after （一）; 一、 restarting inside 二、).
SEED_003 = next(SEEDS.glob("003_*.txt"))


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: str | os.PathLike | None = None, env: dict | None = None) -> Run:
    from disclint.cli import main

    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        # --no-cache only where check/baseline take it; the cache is another module's, tested there
        result = runner.invoke(main, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty folder that is a repository root (holds .git), so discovery stops there and never
    reads a configuration above the temporary folder."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def seed_text() -> str:
    return SEED_003.read_text(encoding="utf-8")
