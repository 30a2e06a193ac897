"""Stopping a run: SIGTERM exits 143 and SIGINT 130, for `check -j 2` and `summary -j 2` alike, with no
traceback, no output file half-written, and no worker process left behind (issue 18, item 3)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PINGTAN = sorted((ROOT / "tests" / "corpus" / "docs" / "pingtan").glob("*.txt"))

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc/*/stat: the field after the name is the state,
    then the parent's pid)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(600):  # enough that the pool is still at work when the signal comes
        src = PINGTAN[i % len(PINGTAN)]
        shutil.copy(src, folder / f"{i:04d}-{src.name}")
    return folder


@pytest.mark.parametrize("command", ["check", "summary"])
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_run_ends_cleanly(tmp_path, many, command, sig, code):
    out = tmp_path / "out"
    args = ["check", "--no-cache", "--format", "json", "-o", str(out / "findings.json")] if command == "check" \
        else ["summary", "--out", str(out), "--no-progress"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "disclint", *args, "-j", "2", str(many)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.02)
    assert proc.poll() is None and len(workers) >= 2, "the pool never started"
    time.sleep(0.3)
    workers |= _children(proc.pid)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr, stderr
    time.sleep(0.2)
    assert [p for p in workers if _alive(p)] == []
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert not [n for n in written if n.endswith(".tmp")], written
    assert "findings.json" not in written
