"""Only regular files are ever read (issue 18, item 1). A FIFO with a supported suffix in a linted
folder, /dev/zero, a socket or a folder named as a file: `unreadable` for an input, the batch going
on; a configuration error (exit 2) for a setting. Each case runs `python -m disclint` as a process
with a 30 s limit: before the fix, every FIFO and /dev/zero case hung forever."""
from __future__ import annotations

import os
import shutil
import socket

import pytest

from .cli_process import GOOD, assert_no_traceback, disclint, text

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(GOOD, reports / "good.txt")
    return reports


def _unreadable_line(proc, name: str) -> str:
    lines = [line for line in text(proc.stdout).splitlines() if name in line]
    assert len(lines) == 1, text(proc.stdout)
    return lines[0]


def test_fifo_with_a_supported_suffix_in_a_linted_folder(folder):
    os.mkfifo(folder / "pipe.txt")
    proc = disclint("check", "--lang", "en", str(folder), cwd=folder.parent)  # the reader's detail is English
    assert_no_traceback(proc)
    assert proc.returncode == 3, text(proc.stderr)
    assert "error[unreadable]" in _unreadable_line(proc, "pipe.txt")
    assert "named pipe" in _unreadable_line(proc, "pipe.txt")
    assert "good.txt:" in text(proc.stdout)  # the batch went on


def test_fifo_in_summary(folder, tmp_path):
    os.mkfifo(folder / "pipe.docx")
    proc = disclint("summary", str(folder), "--out", str(tmp_path / "out"), "-j", "1", cwd=tmp_path)
    assert_no_traceback(proc)
    assert proc.returncode == 3, text(proc.stderr)
    assert (tmp_path / "out" / "findings.json").is_file()
    assert "named pipe" in (tmp_path / "out" / "findings.json").read_text(encoding="utf-8")


def test_unix_socket_named_as_input(folder):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sock.md"))
        proc = disclint("check", "--lang", "en", str(folder), cwd=folder.parent)
    assert proc.returncode == 3, text(proc.stderr)
    assert "socket" in _unreadable_line(proc, "sock.md")


def test_dev_zero_named_as_input(folder):
    proc = disclint("check", "--lang", "en", "/dev/zero", str(folder / "good.txt"), cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 3, text(proc.stderr)
    assert "character device" in _unreadable_line(proc, "/dev/zero")
    assert "good.txt:" in text(proc.stdout)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "folder"])
def test_config_that_is_not_a_regular_file(folder, special):
    config = folder.parent / "cfg.toml"
    if special == "fifo":
        os.mkfifo(config)
    elif special == "folder":
        config.mkdir()
    else:
        config = special
    proc = disclint("check", "--config", str(config), str(folder), cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 2, text(proc.stderr)
    assert str(config) in text(proc.stderr)
    if special == "folder":  # click's own check of --config (dir_okay=False) comes first
        assert "is a directory" in text(proc.stderr)
    else:
        assert "configuration error" in text(proc.stderr) and "not a regular file" in text(proc.stderr)


@pytest.mark.parametrize("name", [".disclint.toml", "pyproject.toml"])
def test_discovered_config_that_is_a_fifo(folder, name):
    os.mkfifo(folder / name)
    proc = disclint("check", str(folder / "good.txt"), cwd=folder)
    assert_no_traceback(proc)
    assert proc.returncode == 2, text(proc.stderr)
    assert name in text(proc.stderr) and "named pipe" in text(proc.stderr)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_baseline_in_a_discovered_config_that_is_not_a_regular_file(folder, special):
    if special == "fifo":
        os.mkfifo(folder / "base.json")
        target = "base.json"
    else:
        target = special
    (folder / ".disclint.toml").write_text(f'baseline = "{target}"\n', encoding="utf-8")
    proc = disclint("check", str(folder / "good.txt"), cwd=folder)
    assert_no_traceback(proc)
    assert proc.returncode == 2, text(proc.stderr)
    assert "baseline" in text(proc.stderr) and "not a regular file" in text(proc.stderr)


@pytest.mark.parametrize("special", ["fifo", "dev-zero-link", "folder"])
def test_rule_dir_holding_a_special_file(folder, special):
    rules = folder.parent / "rules"
    rules.mkdir()
    pack = rules / "extra.yaml"
    if special == "fifo":
        os.mkfifo(pack)
    elif special == "folder":
        pack.mkdir()
    else:
        pack.symlink_to("/dev/zero")
    proc = disclint("check", "--rule-dir", str(rules), str(folder / "good.txt"), cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 2, text(proc.stderr)
    assert "extra.yaml" in text(proc.stderr) and "not a regular file" in text(proc.stderr)


def test_sidecar_that_is_a_fifo(folder):
    os.mkfifo(folder / "good.txt.disclint.yaml")
    proc = disclint("check", str(folder / "good.txt"), cwd=folder)
    assert_no_traceback(proc)
    assert proc.returncode == 2, text(proc.stderr)
    assert "good.txt.disclint.yaml" in text(proc.stderr) and "named pipe" in text(proc.stderr)
