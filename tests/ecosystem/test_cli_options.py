"""The options CI users know from ruff: standard input, colour, quiet and silent, the progress bar's
conditions, and contradictory options refused with exit 2 and one line."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from disclint.cli._color import color_wanted
from tests.ecosystem.conftest import ROOT, SEED_003, run_cli, seed_text

ANSI = "\x1b["


def _stdin_run(*args: str, data: bytes, cwd=None):
    from click.testing import CliRunner

    from disclint.cli import main

    result = CliRunner().invoke(main, ["check", *args, "--no-cache"], input=data, catch_exceptions=False)
    return result


# --- standard input ---------------------------------------------------------------------------------------

def test_stdin_with_a_name_gives_the_findings_of_the_file(repo):
    (repo / "r.txt").write_text(seed_text(), encoding="utf-8")
    from_file = run_cli("check", "r.txt", "--no-cache", "--format", "json", cwd=repo)
    proc = subprocess.run(f"cat r.txt | {sys.executable} -m disclint check - --stdin-filename r.txt --format json",
                          shell=True, cwd=repo, capture_output=True, text=True)
    assert proc.returncode == from_file.code == 1
    assert json.loads(proc.stdout) == json.loads(from_file.out)
    assert json.loads(proc.stdout)["files"][0]["path"] == "r.txt"


def test_stdin_text_output_matches_the_file_line_for_line(repo):
    (repo / "r.txt").write_text(seed_text(), encoding="utf-8")
    from_file = run_cli("check", "r.txt", "--no-cache", cwd=repo)
    import os

    old = os.getcwd()
    os.chdir(repo)
    try:
        piped = _stdin_run("-", "--stdin-filename", "r.txt", data=(repo / "r.txt").read_bytes())
    finally:
        os.chdir(old)
    assert piped.stdout == from_file.out and "DL010" in piped.stdout


@pytest.mark.parametrize("name", ["pingtan/019.html", "peers/政务公开年报模版.docx"])
def test_stdin_filename_suffix_picks_the_reader(name):
    path = ROOT / "tests" / "corpus" / "docs" / name
    from_file = run_cli("check", str(path), "--isolated", "--no-cache", "--format", "json")
    result = _stdin_run("-", "--stdin-filename", str(path), "--format", "json", "--isolated", data=path.read_bytes())
    assert json.loads(result.stdout) == json.loads(from_file.out)
    assert json.loads(result.stdout)["files"][0]["document"]["format"] == path.suffix[1:]


def test_stdin_without_a_name_is_text_named_dash():
    result = _stdin_run("-", "--format", "json", "--isolated", data=SEED_003.read_bytes())
    file = json.loads(result.stdout)["files"][0]
    assert file["path"] == "-" and file["document"]["format"] == "text" and file["findings"]


def test_stdin_filename_alone_reads_standard_input():
    result = _stdin_run("--stdin-filename", "x.txt", "--format", "concise", "--isolated", data=SEED_003.read_bytes())
    assert result.stdout.startswith("x.txt:")


def test_empty_stdin_is_an_unreadable_input():
    assert _stdin_run("-", "--isolated", data=b"").exit_code == 3


def test_stdin_filename_respects_force_exclude():
    result = _stdin_run("-", "--stdin-filename", "venv/r.txt", "--force-exclude", "--isolated", "--format", "json",
                        data=SEED_003.read_bytes())
    assert result.exit_code == 0 and json.loads(result.stdout)["files"] == []


@pytest.mark.parametrize("args, words", [
    (["-", "seeds"], "cannot be combined"),
    (["seeds", "--stdin-filename", "r.txt"], "--stdin-filename"),
    ([], "give the files or folders"),
])
def test_stdin_misuse_is_refused_in_one_line(args, words):
    result = run_cli("check", *args, cwd=ROOT)
    assert result.code == 2 and words in result.err and result.err.count("\n") == 1 and result.out == ""


# --- colour ------------------------------------------------------------------------------------------------

def _seed(*args: str, env=None):
    return run_cli("check", str(SEED_003), "--isolated", "--no-cache", "--select", "DL010", *args, env=env)


def test_color_always_styles_severity_and_dims_the_caret():
    out = _seed("--color", "always").out
    line, excerpt, caret = out.splitlines()[:3]
    assert "\x1b[33m\x1b[1m警告\x1b[0m" in line  # the severity word of the run's language
    assert caret.strip().startswith("\x1b[2m^") and ANSI not in excerpt


def test_color_never_and_auto_off_a_terminal_are_plain():
    assert ANSI not in _seed("--color", "never", env={"FORCE_COLOR": "1"}).out
    assert ANSI not in _seed().out  # the test runner's stdout is no terminal


def test_force_color_and_no_color_with_auto():
    assert ANSI in _seed(env={"FORCE_COLOR": "1"}).out
    assert ANSI not in _seed(env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    assert ANSI in _seed("--color", "always", env={"NO_COLOR": "1"}).out  # a flag overrides NO_COLOR


def test_machine_formats_are_never_coloured():
    for fmt in ("json", "sarif", "github", "gitlab", "junit"):
        assert ANSI not in _seed("--format", fmt, "--color", "always").out, fmt
    assert ANSI in _seed("--format", "concise", "--color", "always").out


def test_color_wanted_follows_the_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert color_wanted("auto", "text", None, stdout=Tty(), env={})
    assert not color_wanted("auto", "text", None, stdout=io.StringIO(), env={})
    assert not color_wanted("auto", "text", "out.txt", stdout=Tty(), env={})
    assert not color_wanted("auto", "text", None, stdout=Tty(), env={"NO_COLOR": "1"})
    assert color_wanted("auto", "text", None, stdout=io.StringIO(), env={"FORCE_COLOR": "1"})
    assert color_wanted("auto", "text", None, stdout=Tty(), env={"NO_COLOR": ""})  # empty means unset


# --- quiet and silent ---------------------------------------------------------------------------------------

def test_quiet_prints_only_the_findings(tmp_path):
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / "r.txt").write_text(seed_text(), encoding="utf-8")
    loud = run_cli("check", ".", "--isolated", "--no-cache", "--select", "DL010", cwd=tmp_path)
    quiet = run_cli("check", ".", "--isolated", "--no-cache", "--select", "DL010", "-q", cwd=tmp_path)
    assert "共 1 个文件" in loud.out and "skipped" in loud.err
    assert quiet.out == loud.out.replace("共 1 个文件：错误 0，警告 2，提示 0\n", "") and quiet.err == ""
    assert quiet.code == loud.code == 1


@pytest.mark.parametrize("flags", [["-qq"], ["--silent"], ["-q", "-q", "-q"]])
def test_silent_prints_nothing_and_exits_as_usual(flags):
    result = _seed(*flags, "--statistics")
    assert (result.out, result.err, result.code) == ("", "", 1)


def test_silent_still_writes_the_output_file(tmp_path):
    target = tmp_path / "out.json"
    result = _seed("--silent", "--format", "json", "--output-file", str(target))
    assert result.out == "" and json.loads(target.read_text(encoding="utf-8"))["summary"]["warnings"] == 2


def test_a_clean_quiet_run_prints_nothing(repo):
    (repo / "r.txt").write_text(seed_text(), encoding="utf-8")
    result = run_cli("check", "r.txt", "--no-cache", "--select", "DL601", "-q", cwd=repo)
    assert (result.out, result.code) == ("", 0)


# --- progress bar ---------------------------------------------------------------------------------------------

def test_progress_bar_only_on_a_terminal_and_never_on_stdout():
    from disclint.cli import _progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert _progress.wanted(20, None, stdout=Tty(), stderr=Tty())
    assert _progress.wanted(20, "out.sarif", stdout=io.StringIO(), stderr=Tty())
    assert not _progress.wanted(20, None, stdout=io.StringIO(), stderr=Tty())  # `| jq`: stdout is a pipe
    assert not _progress.wanted(20, None, stdout=Tty(), stderr=io.StringIO())
    assert not _progress.wanted(2, None, stdout=Tty(), stderr=Tty())
    drawn = Tty()
    with _progress.bar(3, True, stream=drawn) as tick:
        for _ in range(3):
            tick(None)
    assert "3/3" in drawn.getvalue()


@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` gives the run a terminal")
def test_check_draws_the_bar_on_stderr_of_a_terminal_and_quiet_hides_it(tmp_path):
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(seed_text(), encoding="utf-8")
    base = f"{sys.executable} -m disclint check . --isolated --no-cache --select DL010 --format json -o out.json"

    def run(extra: str) -> str:
        proc = subprocess.run(["script", "-qec", f"{base} {extra}", "/dev/null"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)
        return proc.stdout

    assert "6/6" in run("")
    assert "6/6" not in run("-q")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["files"] == 6


# --- contradictory options --------------------------------------------------------------------------------------

def test_isolated_with_config_is_refused(repo):
    (repo / "c.toml").write_text("", encoding="utf-8")
    for command in (["check", "."], ["config", "--show"]):
        result = run_cli(*command, "--isolated", "--config", "c.toml", cwd=repo)
        assert result.code == 2 and result.err.count("\n") == 1 and "--isolated" in result.err, command


def test_config_show_on_a_missing_path_is_refused(repo):
    result = run_cli("config", "--show", "/nonexistent/report.txt", cwd=repo)
    assert result.code == 2 and result.err.count("\n") == 1 and "/nonexistent/report.txt" in result.err
    assert result.out == ""
