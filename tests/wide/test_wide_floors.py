"""Issue 14's floors on the wide corpus (tests/wide: 356 real report openings and look-alikes from
31 provinces, labelled by reading): not-a-report F1 ≥ 0.97, year ≥ 0.99, body ≥ 0.90, measured by
scripts/evaluate_wide.py exactly as the closing notes report them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wide_corpus_is_recognised():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate_wide.py"), "--json",
                           "--disclint", f"{sys.executable} -m disclint"],
                          capture_output=True, text=True, timeout=1200, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json.loads(proc.stdout)
    overall = figures["overall"]["all"]
    assert overall["documents"] >= 356 and overall["look_alikes"] >= 80
    assert overall["not_report_f1"] >= 0.97, overall
    assert overall["year_accuracy"] >= 0.99, overall
    assert overall["body_accuracy"] >= 0.90, overall
