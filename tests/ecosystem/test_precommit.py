"""The pre-commit hook, end to end, with the real `pre-commit` tool: a temporary copy of this checkout is
the hook repository (committed there, never here), a temporary project repository installs the hook
from it, a commit of a broken report is refused with the finding shown, and the fixed report commits.

pre-commit builds the hook's own virtualenv and installs disclint and its dependencies into it from
PyPI, so the first run takes a minute or two."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.ecosystem.conftest import ROOT, SEEDS

SEED_000 = next(SEEDS.glob("000_*.txt"))
IGNORED = shutil.ignore_patterns(".git", ".venv", "venv", "tests", "__pycache__", "*.egg-info", ".pytest_cache",
                                 "build", "dist", "*.pyc")


def test_hook_file_declares_the_disclint_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "disclint")
    import re

    pattern = re.compile(hook["files"])
    for name in ("a.md", "b.TXT", "c.html", "d.htm", "报告.docx", "e.pdf"):
        assert pattern.search(name), name
    for name in ("a.py", "a.docx.disclint.yaml", "pyproject.toml"):
        assert not pattern.search(name), name


def test_hook_reads_exactly_the_suffixes_the_readers_read():
    from disclint.readers import READERS

    hook = next(h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
                if h["id"] == "disclint")
    import re

    listed = set(re.fullmatch(r"\(\?i\)\\\.\(([a-z|]+)\)\$", hook["files"]).group(1).split("|"))
    assert listed == {suffix[1:] for suffix in READERS}
    for suffix in READERS:
        assert re.search(hook["files"], f"报告{suffix.upper()}"), suffix
    # what pre-commit names one by one still passes the exclusions (a staged ~$报告.docx, `exclude`)
    assert "--force-exclude" in hook["entry"].split()


def _git(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


@pytest.fixture
def git_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_AUTHOR_NAME="disclint test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="disclint test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"),
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("VIRTUAL_ENV", None)
    env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    return env


def test_pre_commit_refuses_a_broken_report_and_accepts_the_fixed_one(tmp_path, git_env):
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    hook_repo = tmp_path / "hook-repo"
    shutil.copytree(ROOT, hook_repo, ignore=IGNORED)
    _git("init", "-q", cwd=hook_repo, env=git_env)
    _git("add", "-A", cwd=hook_repo, env=git_env)
    _git("commit", "-q", "-m", "disclint under test", cwd=hook_repo, env=git_env)
    rev = _git("rev-parse", "HEAD", cwd=hook_repo, env=git_env).stdout.strip()

    project = tmp_path / "reports"
    project.mkdir()
    _git("init", "-q", cwd=project, env=git_env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: disclint\n", encoding="utf-8")
    # Only the numbering rule: this test is about the hook, not about which rules a seed trips.
    (project / ".disclint.toml").write_text('select = ["DL010"]\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=git_env, check=True,
                   capture_output=True)
    _git("add", ".pre-commit-config.yaml", ".disclint.toml", cwd=project, env=git_env)

    original = SEED_000.read_text(encoding="utf-8")
    broken = original.replace("四、办理政府信息依申请公开情况", "五、办理政府信息依申请公开情况")
    assert broken != original
    report = project / "2019年报.txt"
    report.write_text(broken, encoding="utf-8")
    _git("add", report.name, cwd=project, env=git_env)
    refused = subprocess.run(["git", "commit", "-m", "broken report"], cwd=project, env=git_env,
                             capture_output=True, text=True, timeout=900)
    shown = refused.stdout + refused.stderr
    assert refused.returncode != 0, shown
    assert "DL010" in shown and "2019年报.txt:51:1" in shown, shown

    report.write_text(original, encoding="utf-8")
    _git("add", report.name, cwd=project, env=git_env)
    accepted = subprocess.run(["git", "commit", "-m", "fixed report"], cwd=project, env=git_env,
                              capture_output=True, text=True, timeout=900)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "disclint" in accepted.stdout + accepted.stderr and "Passed" in accepted.stdout + accepted.stderr
    log = _git("log", "--format=%s", cwd=project, env=git_env).stdout.split("\n")
    assert log[0] == "fixed report"
