#!/usr/bin/env python3
"""How well disclint recognises real report pages from all over China (tests/wide).

    .venv/bin/python scripts/evaluate_wide.py                       # .venv/bin/disclint over tests/wide
    .venv/bin/python scripts/evaluate_wide.py --disclint disclint --corpus tests/wide --misses 20
    .venv/bin/python scripts/evaluate_wide.py --json                # the same figures as JSON

Runs `disclint check --format json` once over every document named in tests/wide/labels.jsonl and
prints, overall, per era (2008 = reports on 2008–2018 under the 2007 条例, 2019 = on 2019–2020,
2021 = on 2021 onwards; look-alikes by the year they concern) and per province:
  - not-a-report F1: a look-alike (notice, 通报, news, university report …) is the positive class,
    as in ../shared/tools/evaluate;
  - year accuracy over the reports whose year is labelled;
  - body accuracy over the reports whose body is labelled, with the evaluator's rule: the labelled
    name, or that name with its region in front (淮安市 + 洪泽区人民政府).
It only measures: the floors are asserted elsewhere. Exit 1 when disclint printed no JSON.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def same_body(got: str | None, label: str) -> bool:
    """The labelled name, or the same name with its region in front — the rule of ../shared/tools/evaluate."""
    got, label = "".join((got or "").split()), "".join(label.split())
    if not got:
        return False
    short, long_ = sorted((got, label), key=len)
    return got == label or (long_.endswith(short) and len(short) >= 4
                            and re.fullmatch(r"[\u4e00-\u9fff]{1,12}[省市区县州盟旗]", long_[: -len(short)]) is not None)


def run_disclint(cmd: str, paths: list[Path]) -> dict[Path, dict]:
    proc = subprocess.run(shlex.split(cmd) + ["check", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True)
    try:
        out = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"disclint printed no JSON (exit {proc.returncode}): {proc.stderr.strip()[:500]}")
    return {(Path.cwd() / entry.get("path", "")).resolve(): entry for entry in out.get("files", [])}


class Group:
    """Counts for one slice of the corpus (all, one era, one province)."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0
        self.year_ok = self.year_n = self.body_ok = self.body_n = 0

    def add_kind(self, look_alike: bool, said_not_report: bool) -> None:
        if look_alike and said_not_report:
            self.tp += 1
        elif said_not_report:
            self.fp += 1
        elif look_alike:
            self.fn += 1
        else:
            self.tn += 1

    def f1(self) -> float | None:
        # A slice with no look-alike and no false alarm has nothing to score: say so, not 1.0.
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def row(self) -> dict:
        ratio = lambda ok, n: ok / n if n else None  # noqa: E731
        return {"documents": self.tp + self.fp + self.fn + self.tn, "look_alikes": self.tp + self.fn,
                "not_report_f1": self.f1(), "false_alarms": self.fp, "missed_look_alikes": self.fn,
                "year_accuracy": ratio(self.year_ok, self.year_n), "years_scored": self.year_n,
                "body_accuracy": ratio(self.body_ok, self.body_n), "bodies_scored": self.body_n}


def evaluate(corpus: Path, cmd: str) -> tuple[dict, list[str]]:
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    results = run_disclint(cmd, [corpus / lab["file"] for lab in labels])
    groups: dict[str, dict[str, Group]] = {"overall": defaultdict(Group), "era": defaultdict(Group),
                                           "province": defaultdict(Group), "level": defaultdict(Group)}
    misses = []
    for lab in labels:
        entry = results.get((corpus / lab["file"]).resolve()) or {}
        doc = entry.get("document") or {}
        keys = {"overall": "all", "era": lab.get("era") or "unknown", "province": lab.get("province") or "unknown",
                "level": lab.get("level") or "unknown"}
        slices = [groups[name][key] for name, key in keys.items()]
        look_alike = lab["kind"] != "annual-report"
        said_not = doc.get("kind") == "not-annual-report"
        for g in slices:
            g.add_kind(look_alike, said_not)
        if look_alike != said_not:
            misses.append(f"kind  {lab['file']}: label {lab['kind']}, got {doc.get('kind')}")
        if look_alike:
            continue
        if lab.get("year"):
            ok = doc.get("year") == lab["year"]
            for g in slices:
                g.year_n += 1
                g.year_ok += ok
            if not ok:
                misses.append(f"year  {lab['file']}: label {lab['year']}, got {doc.get('year')}")
        if lab.get("agency"):
            ok = same_body(doc.get("agency"), lab["agency"])
            for g in slices:
                g.body_n += 1
                g.body_ok += ok
            if not ok:
                misses.append(f"body  {lab['file']}: label {lab['agency']}, got {doc.get('agency')}")
    table = {name: {key: g.row() for key, g in sorted(by.items())} for name, by in groups.items()}
    return table, misses


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "wide")
    ap.add_argument("--disclint", default=str(ROOT / ".venv" / "bin" / "disclint"))
    ap.add_argument("--misses", type=int, default=0, help="list this many misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    table, misses = evaluate(args.corpus.resolve(), args.disclint)
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    for name in ("overall", "era", "level", "province"):
        print(f"\n{name:12} {'docs':>5} {'look-alike':>10} {'not-report F1':>14} {'year':>7} {'body':>7}")
        for key, row in table[name].items():
            print(f"{key:12} {row['documents']:5} {row['look_alikes']:10} {fmt(row['not_report_f1']):>14}"
                  f" {fmt(row['year_accuracy']):>7} {fmt(row['body_accuracy']):>7}")
    for line in misses[: args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
