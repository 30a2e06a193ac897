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



KILLED_MID_MESSAGE = r"""
import os, signal, sys, time
from disclint.cli import _signals
from disclint.engine import pool

BIG = 64 << 20  # far more than a pipe holds: its worker is still writing it when it is killed


def task(i):
    return b"x" * BIG if i == 1 else i


def done(i, value):
    if i == 0:  # the parent is busy; meanwhile the worker holding item 1 is part-way through sending it
        time.sleep(1.5)
        for entry in os.listdir("/proc"):
            try:
                parent = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1]
            except OSError:  # not a process, or one that has just ended
                continue
            if parent == str(os.getpid()):
                os.kill(int(entry), signal.SIGKILL)
        if sys.argv[1] == "interrupt":
            raise KeyboardInterrupt  # as Ctrl-C would, now
    print(i, len(value) if isinstance(value, bytes) else value)


with _signals.handled():
    pool.run(task, list(range(15)), 2, done, died=lambda i: "died")  # 15 items: one per chunk
"""


@pytest.mark.parametrize("then", ["finish", "interrupt"])
def test_a_worker_killed_while_sending_its_result(tmp_path, then):
    """A worker killed part-way through writing a result leaves half a message in its pipe. Nothing
    may wait for the rest of it: the run goes on, the item is run again in a new worker, and its whole
    value comes back; or, interrupted, the run ends at once with 130."""
    script = tmp_path / "killed.py"
    script.write_text(KILLED_MID_MESSAGE, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), then], cwd=ROOT, capture_output=True, text=True, timeout=60)
    if then == "interrupt":
        assert (proc.returncode, proc.stderr, proc.stdout) == (130, "disclint: interrupted\n", "")
    else:
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == ["0 0", f"1 {64 << 20}", *(f"{i} {i}" for i in range(2, 15))]


SWALLOWED = r"""
import os, signal
from disclint.cli import _signals
from disclint.engine import pool


class Trap:
    def __del__(self):  # the signal's handler runs in here, and what it raises is only printed
        os.kill(os.getpid(), getattr(signal, os.environ["SIGNAL"]))
        sum(range(1000))


def done(i, value):
    if i == 3:
        Trap()
    print(i, flush=True)


with _signals.handled():
    pool.run(lambda i: i, list(range(6)), 1, done, died=lambda i: None)
    print("finished")
"""


@pytest.mark.parametrize("sig, code, word", [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])
def test_a_stop_whose_exception_python_swallowed_still_stops_the_run(tmp_path, sig, code, word):
    """A signal that arrives while a __del__ method runs: Python swallows its exception (and would
    print it, with a traceback) and goes on. The run stops all the same, after the report it was at,
    and says so in one line."""
    script = tmp_path / "swallowed.py"
    script.write_text(SWALLOWED, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "SIGNAL": sig})
    # 3 is printed: done() went on after the signal, its exception swallowed; 4 is not: the run stopped
    assert (proc.returncode, proc.stdout, proc.stderr) == (code, "0\n1\n2\n3\n", f"disclint: {word}\n")


def test_nothing_is_put_in_place_once_a_stop_was_asked_for(tmp_path, monkeypatch):
    from disclint import atomic, stopping

    monkeypatch.setattr(stopping, "requested", signal.SIGTERM)
    with pytest.raises(stopping.Terminated):
        atomic.write_text(tmp_path / "findings.json", "{}")
    assert list(tmp_path.iterdir()) == []
