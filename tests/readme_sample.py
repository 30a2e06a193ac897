"""README.md's sample output: the real output of `disclint check` on two seeds, between the
sample-output markers (checked by tests/spine/test_readme.py, written by scripts/update_snapshots.py)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- sample-output:[^\n]*-->\n)(.*?)(<!-- end sample-output -->)", re.S)
COMMAND = ["check", "seeds/004_c444cf3b9dd5eff2.txt", "seeds/003_9e41aa4172b10319.txt"]


def sample() -> str:
    proc = subprocess.run([sys.executable, "-m", "disclint", *COMMAND], capture_output=True, text=True, cwd=ROOT)
    return f"    $ disclint {' '.join(COMMAND)}\n" + "".join(f"    {line}\n" if line else "\n" for line in
                                                       proc.stdout.splitlines()) + f"    $ echo $?\n    {proc.returncode}\n"


def rendered() -> str:
    text = README.read_text(encoding="utf-8")
    return BLOCK.sub(lambda m: m.group(1) + "\n" + sample() + "\n" + m.group(3), text)

