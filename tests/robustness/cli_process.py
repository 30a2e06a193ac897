"""Run `python -m disclint` as a real process, with a 30 s limit: a FIFO or /dev/zero that made it
hang fails the test (subprocess.TimeoutExpired) instead of hanging the suite, and the exit code and
both streams are the ones a user sees (no CliRunner in between)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = next((ROOT / "seeds").glob("002_*.txt"))  # a 2008-era report with findings (DL101 and others)
LIMIT = 30


def disclint(*args: str | bytes | os.PathLike, cwd: str | os.PathLike | None = None,
             env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_CACHE_HOME": str(Path(cwd or ".").resolve() / ".cache"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "disclint", *args], cwd=cwd, env=environment,
                          capture_output=True, timeout=LIMIT, check=False)


def text(stream: bytes) -> str:
    return stream.decode("utf-8", "backslashreplace")


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in proc.stderr and b"Traceback" not in proc.stdout, text(proc.stderr)
