"""Which files `disclint check FOLDER` lints: exclude / extend-exclude, .gitignore (nested, and
.git/info/exclude), --force-exclude for named paths, office lock files and disclint's own files passed
silently. The acceptance test builds a real git repository with `git init`."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.ecosystem.conftest import run_cli, seed_text

# What Word writes while 报告.docx is open: the owner's name in a 162-byte binary file.
WORD_LOCK = b"\x0bdisclint   " + b"\x00" * 40 + b"\x0b\x00d\x00i\x00s\x00c\x00l\x00i\x00n\x00t" + b"\x00" * 92


def _files(out: str) -> set[str]:
    """The files the concise output names (a walk of "." names them ./…)."""
    return {line.split(":", 1)[0].removeprefix("./") for line in out.splitlines() if line}


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(seed_text(), encoding="utf-8")


def _check(root: Path, *args: str):
    return run_cli("check", *args, "--format", "concise", "--no-cache", "--select", "DL010", cwd=root)


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    return tmp_path


def test_acceptance_a_git_repository_with_ignored_reports_a_word_lock_file_and_a_sidecar(git_repo):
    root = git_repo
    _tree(root, ["reports/2017年报.txt", "reports/2018年报.md", "old/2016年报.txt", "reports/草稿/draft.txt",
                 "scratch/2015年报.txt", "venv/lib/readme.txt"])
    (root / ".gitignore").write_text("old/\n", encoding="utf-8")
    (root / "reports" / ".gitignore").write_text("草稿/\n", encoding="utf-8")
    (root / ".git" / "info" / "exclude").write_text("scratch/\n", encoding="utf-8")
    (root / "reports" / "~$报告.docx").write_bytes(WORD_LOCK)
    (root / "reports" / ".~lock.报告.docx#").write_text("disclint,host,/tmp,07.12.2026 00:30,file:///\n")
    (root / "reports" / "报告.docx.tmp").write_bytes(b"\x00" * 10)
    (root / "reports" / ".2017年报.txt.swp").write_bytes(b"b0VIM 9.0")
    (root / "reports" / "2018年报.md.disclint.yaml").write_text(
        "suppress:\n  - rule: DL010\n    reason: accepted by the editor\n", encoding="utf-8")
    (root / "pyproject.toml").write_text("[project]\nname = 'reports'\n", encoding="utf-8")
    (root / ".disclint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")

    result = _check(root, ".")

    assert result.err == ""  # skipped silently: nothing about lock files, sidecars or ignored folders
    assert _files(result.out) == {"reports/2017年报.txt"}  # 2018's finding is suppressed by its sidecar
    assert result.code == 1  # a warning at fail-on = warning (README, "Exit codes")
    everything = _check(root, ".", "--no-respect-gitignore")
    assert _files(everything.out) == {"reports/2017年报.txt", "old/2016年报.txt", "reports/草稿/draft.txt",
                                      "scratch/2015年报.txt"}
    assert everything.err == ""


def test_gitignore_negation_and_the_deeper_file_wins(git_repo):
    _tree(git_repo, ["a/keep.txt", "a/drop.txt", "b/drop.txt"])
    (git_repo / ".gitignore").write_text("drop.txt\n", encoding="utf-8")
    (git_repo / "a" / ".gitignore").write_text("*.txt\n!keep.txt\n", encoding="utf-8")
    assert _files(_check(git_repo, ".").out) == {"a/keep.txt"}


def test_gitignore_above_the_walked_folder_applies(git_repo):
    _tree(git_repo, ["reports/2017/a.txt", "reports/2017/b.txt"])
    (git_repo / ".gitignore").write_text("reports/2017/b.txt\n", encoding="utf-8")
    assert _files(_check(git_repo / "reports", "2017").out) == {"2017/a.txt"}


def test_gitignore_outside_a_repository_means_nothing(tmp_path):
    _tree(tmp_path, ["a.txt", "b.txt"])
    (tmp_path / ".gitignore").write_text("b.txt\n", encoding="utf-8")
    assert _files(_check(tmp_path, ".", "--isolated").out) == {"a.txt", "b.txt"}


def test_default_exclude_skips_tool_folders_and_exclude_replaces_it(repo):
    _tree(repo, ["a.txt", "node_modules/x/b.txt", "venv/c.txt", "dist/d.txt"])
    assert _files(_check(repo, ".").out) == {"a.txt"}
    assert _files(_check(repo, ".", "--exclude", "dist").out) == {"a.txt", "node_modules/x/b.txt", "venv/c.txt"}


def test_extend_exclude_on_the_command_line_adds_to_the_configuration(repo):
    _tree(repo, ["a.txt", "archive/b.txt", "drafts/c.txt", "reports/archive.txt"])
    (repo / ".disclint.toml").write_text('extend-exclude = ["archive/"]\n', encoding="utf-8")
    assert _files(_check(repo, ".").out) == {"a.txt", "drafts/c.txt", "reports/archive.txt"}
    assert _files(_check(repo, ".", "--extend-exclude", "drafts,*.md").out) == {"a.txt", "reports/archive.txt"}


def test_exclude_globs_with_a_slash_start_at_the_configuration_folder(repo):
    _tree(repo, ["sub/x/a.txt", "x/a.txt", "sub/y/b.txt"])
    (repo / "sub").mkdir(exist_ok=True)
    (repo / "sub" / ".disclint.toml").write_text('extend-exclude = ["x/*.txt"]\n', encoding="utf-8")
    # anchored at sub/: sub/x/a.txt is out, x/a.txt (outside sub/) is in, wherever the walk starts
    assert _files(_check(repo, ".").out) == {"x/a.txt", "sub/y/b.txt"}
    assert _files(_check(repo / "sub", ".").out) == {"y/b.txt"}


def test_exclude_in_pyproject_and_yaml_configuration(repo):
    _tree(repo, ["a.txt", "b.txt"])
    (repo / "pyproject.toml").write_text('[tool.disclint]\nexclude = ["b.txt"]\n', encoding="utf-8")
    assert _files(_check(repo, ".").out) == {"a.txt"}
    (repo / "pyproject.toml").unlink()
    (repo / ".disclint.yaml").write_text("extend-exclude: [a.txt]\n", encoding="utf-8")
    assert _files(_check(repo, ".").out) == {"b.txt"}


def test_a_wrong_exclude_value_is_a_configuration_error(repo):
    (repo / ".disclint.toml").write_text("exclude = 3\n", encoding="utf-8")
    _tree(repo, ["a.txt"])
    result = _check(repo, ".")
    assert result.code == 2 and "key 'exclude'" in result.err


def test_a_named_file_is_linted_unless_force_exclude(repo):
    _tree(repo, ["venv/a.txt", "keep/b.txt"])
    (repo / ".disclint.toml").write_text('extend-exclude = ["keep"]\n', encoding="utf-8")
    assert _files(_check(repo, "venv/a.txt", "keep/b.txt").out) == {"venv/a.txt", "keep/b.txt"}
    forced = _check(repo, "venv/a.txt", "keep/b.txt", "--force-exclude")
    assert forced.out == "" and forced.err == "" and forced.code == 0
    (repo / ".disclint.toml").write_text('extend-exclude = ["keep"]\nforce-exclude = true\n', encoding="utf-8")
    assert _check(repo, "keep/b.txt").out == ""
    assert _files(_check(repo, "keep/b.txt", "--no-force-exclude").out) == {"keep/b.txt"}


def test_a_named_lock_file_is_dropped_with_force_exclude_as_the_hook_runs(repo):
    (repo / "~$报告.docx").write_bytes(WORD_LOCK)
    assert run_cli("check", "~$报告.docx", "--no-cache", cwd=repo).code == 3  # named: read, and not a docx
    result = run_cli("check", "~$报告.docx", "--no-cache", "--force-exclude", cwd=repo)
    assert (result.code, result.out.strip(), result.err) == (0, "共 0 个文件：错误 0，警告 0，提示 0", "")


def test_other_unknown_formats_are_still_noted(repo):
    _tree(repo, ["a.txt"])
    (repo / "report.odt").write_bytes(b"PK")
    result = _check(repo, ".")
    assert "report.odt: skipped, not a format disclint reads" in result.err
    assert _check(repo, ".", "-q").err == ""


def test_config_show_prints_the_exclusion_settings(repo):
    (repo / ".disclint.toml").write_text('extend-exclude = ["old/", "reports/old/"]\n', encoding="utf-8")
    out = run_cli("config", "--show", ".", "--no-respect-gitignore", cwd=repo).out
    # a name matches anywhere and stays as written; a path is anchored at the configuration's folder
    assert f'extend-exclude = ["old/", "/{str(repo).lstrip("/")}/reports/old/"]' in out
    assert "respect-gitignore = false" in out and "(--respect-gitignore)" in out


def test_exclude_globs_follow_gitignore_rules_negation_included(repo):
    _tree(repo, ["a/keep.txt", "a/drop.txt", "b/drop.md", "c/x.txt"])
    assert _files(_check(repo, ".", "--exclude", "*.txt,!keep.txt").out) == {"a/keep.txt", "b/drop.md"}
    assert _files(_check(repo, ".", "--exclude", "c/,b/*.md").out) == {"a/keep.txt", "a/drop.txt"}
