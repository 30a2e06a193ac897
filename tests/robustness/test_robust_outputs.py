"""Outputs (issue 18, items 2 and 3): a failure to write one is a single line naming the path and the
system's reason, exit 4 — never a traceback, never exit 1 (findings); an output that is one of the
inputs is refused, exit 2, whatever the spelling. The read-only and full file systems are real: a
small tmpfs mounted for the test (skipped where mount is not allowed)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from contextlib import contextmanager

import pytest

from disclint.report import EXIT_OUTPUT

from .cli_process import GOOD, assert_no_traceback, disclint, text


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "2009年报.txt"
    shutil.copy(GOOD, path)
    return path


@contextmanager
def _tmpfs(where, *options: str, size: str = "64k"):
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join((f"size={size}", *options)), "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.fixture
def read_only(tmp_path):
    with _tmpfs(tmp_path / "ro", "ro") as where:
        yield where


@pytest.fixture
def small_disk(tmp_path):
    with _tmpfs(tmp_path / "small") as where:
        yield where


def fill(where) -> None:
    """Fill the file system to the last byte."""
    fd = os.open(where / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:  # ENOSPC: full
        pass
    finally:
        os.close(fd)


@pytest.fixture
def full_disk(small_disk):
    fill(small_disk)
    return small_disk


def assert_output_failure(proc, path) -> None:
    assert_no_traceback(proc)
    assert proc.returncode == EXIT_OUTPUT == 4, text(proc.stderr)
    lines = text(proc.stderr).splitlines()
    failures = [line for line in lines if line.startswith("disclint: cannot write")]
    assert len(failures) == 1, lines
    assert str(path) in failures[0]


def test_output_on_a_read_only_file_system(report, read_only):
    proc = disclint("check", str(report), "-o", str(read_only / "out.txt"), cwd=report.parent)
    assert_output_failure(proc, read_only / "out.txt")
    assert "Read-only file system" in text(proc.stderr)


def test_summary_on_a_read_only_file_system(report, read_only):
    proc = disclint("summary", str(report), "--out", str(read_only / "sum"), "-j", "1", cwd=report.parent)
    assert_output_failure(proc, read_only / "sum")
    assert "Read-only file system" in text(proc.stderr)


def test_output_on_a_full_disk(report, full_disk):
    out = full_disk / "out.json"
    proc = disclint("check", str(report), "-o", str(out), "--format", "json", cwd=report.parent)
    assert_output_failure(proc, out)
    assert "No space left on device" in text(proc.stderr)
    assert not out.exists()
    assert os.listdir(full_disk) == ["filler"]  # no temporary file left behind


def test_full_disk_keeps_the_old_output(report, small_disk):
    out = small_disk / "out.txt"
    out.write_bytes(b"the previous run\n")
    fill(small_disk)
    proc = disclint("check", str(report), "-o", str(out), "--format", "json", cwd=report.parent)
    assert_output_failure(proc, out)
    assert out.read_bytes() == b"the previous run\n"


def test_summary_out_is_dev_null(report):
    proc = disclint("summary", str(report), "--out", "/dev/null", "-j", "1", cwd=report.parent)
    assert_output_failure(proc, "/dev/null")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_output_file_is_dev_null_discards_the_output(report):
    proc = disclint("check", str(report), "-o", "/dev/null", cwd=report.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 1  # the findings, written to /dev/null, which stays a device
    assert not os.path.isfile("/dev/null")


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_output_file_is_a_folder(report, tmp_path, command):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    proc = disclint(command, str(report), "-o", str(folder), cwd=report.parent)
    assert_output_failure(proc, folder)
    assert "folder" in text(proc.stderr)


def test_output_file_in_a_folder_that_cannot_exist(report, tmp_path):
    out = tmp_path / "2009年报.txt" / "out.json"  # below a file
    proc = disclint("check", str(report), "-o", str(out), cwd=report.parent)
    assert_output_failure(proc, out)
    assert "Not a directory" in text(proc.stderr)


# --- an output that is an input ---------------------------------------------------------------------

def _spellings(report):
    link = report.parent / "link.txt"
    link.symlink_to(report.name)
    hard = report.parent / "hard.txt"
    os.link(report, hard)
    return [report.name, f"./{report.name}", f"../{report.parent.name}/{report.name}", str(report), "link.txt",
            "hard.txt"]


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_output_that_is_an_input_is_refused(report, command):
    before = report.read_bytes()
    for spelling in _spellings(report):
        proc = disclint(command, report.name, "-o", spelling, cwd=report.parent)
        assert_no_traceback(proc)
        assert proc.returncode == 2, (spelling, text(proc.stderr))
        assert "is the input" in text(proc.stderr)
        assert report.read_bytes() == before
        assert os.path.islink(report.parent / "link.txt")


def test_output_that_is_a_file_in_a_linted_folder_is_refused(report):
    proc = disclint("check", ".", "-o", report.name, cwd=report.parent)
    assert proc.returncode == 2, text(proc.stderr)
    assert "is the input" in text(proc.stderr)


def test_summary_out_folder_holding_an_input_is_refused(tmp_path, report):
    out = tmp_path / "out"
    out.mkdir()
    page = out / "index.html"
    page.write_bytes(b"<html><body><p>" + GOOD.read_bytes() + b"</p></body></html>")
    before = page.read_bytes()
    proc = disclint("summary", str(report), str(page), "--out", str(out), "-j", "1", cwd=tmp_path)
    assert proc.returncode == 2, text(proc.stderr)
    assert page.read_bytes() == before


def test_a_new_output_beside_the_input_is_written(report):
    proc = disclint("check", report.name, "-o", "out.json", "--format", "json", cwd=report.parent)
    assert proc.returncode == 1, text(proc.stderr)
    assert json.loads((report.parent / "out.json").read_text(encoding="utf-8"))["files"][0]["path"] == report.name


def test_summary_on_a_full_disk(report, full_disk):
    out = full_disk / "sum"
    proc = disclint("summary", str(report), "--out", str(out), "-j", "1", cwd=report.parent)
    assert_no_traceback(proc)
    assert proc.returncode == EXIT_OUTPUT, text(proc.stderr)
    assert "No space left on device" in text(proc.stderr) and str(out) in text(proc.stderr)
    assert os.listdir(out) == []  # nothing half-written
