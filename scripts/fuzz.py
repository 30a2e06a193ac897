#!/usr/bin/env python3
"""The long fuzz run: ≥ 10,000 generated inputs through the whole of disclint (reader → grammar → facts →
tables → rules → text and JSON output), mutations of the real corpus and random bytes.

    .venv/bin/python scripts/fuzz.py                        # 10,000 inputs, seed 1, all cores
    .venv/bin/python scripts/fuzz.py --inputs 500 --seed 7  # a quick look
    .venv/bin/python scripts/fuzz.py --replay 4242 --seed 1 # run one input again, with its traceback
    .venv/bin/python scripts/fuzz.py --save DIR             # also write each failing input to DIR

Prints the number of inputs tried, the outcome per documented error kind, and every unhandled
exception or hang grouped by where it was raised; exits 1 if there was any. The mutations live in
tests/robustness/fuzzing.py, shared with the small fuzz budget of the default test run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness import fuzzing  # noqa: E402

_corpus = None


def _init() -> None:
    global _corpus
    _corpus = fuzzing.Corpus()
    fuzzing.run_case("warm.txt", _corpus.texts[0].encode("utf-8"))  # parser, rules: once per worker


def _task(seed: int, start: int, stop: int, time_limit: float, save: str | None):
    t = time.perf_counter()
    counts, failures = fuzzing.run_range(seed, start, stop, time_limit, _corpus, save)
    return counts, failures, time.perf_counter() - t


def _where(detail: str) -> str:
    """The innermost disclint frame of a traceback: where a failure comes from."""
    frames = [line.strip() for line in detail.splitlines() if line.strip().startswith('File "') and
              "/disclint/" in line]
    last = detail.strip().splitlines()[-1] if detail.strip() else ""
    if not frames:
        return last[:160]
    frame = frames[-1]
    path = frame.split('"')[1]
    short = path[path.index("/disclint/") + 1:]
    line = frame.split("line ")[1].split(",")[0]
    return f"{short}:{line} {last[:120]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--time-limit", type=float, default=20.0, help="seconds per input before it counts as a hang")
    ap.add_argument("--chunk", type=int, default=50)
    ap.add_argument("--save", help="write each failing input to this folder")
    ap.add_argument("--json", help="write the figures and failures as JSON to this file")
    ap.add_argument("--replay", type=int, help="run only this input number, showing its outcome in full")
    args = ap.parse_args(argv)

    if args.replay is not None:
        _init()
        case = _corpus.case(args.seed, args.replay)
        print(f"input {args.replay}: {case.name}, {len(case.data):,} bytes, {' → '.join(case.recipe)}")
        outcome = fuzzing.run_case(case.name, case.data, time_limit=args.time_limit)
        print(outcome.status, outcome.detail)
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            Path(args.save, case.name).write_bytes(case.data)
        return 0 if outcome.status == "ok" or outcome.status.startswith("error:") else 1

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    started = time.perf_counter()
    counts: dict[str, int] = {}
    failures: list[dict] = []
    ranges = [(s, min(s + args.chunk, args.inputs)) for s in range(0, args.inputs, args.chunk)]
    done = 0
    with ProcessPoolExecutor(args.jobs, mp_context=multiprocessing.get_context("fork"), initializer=_init) as pool:
        futures = [pool.submit(_task, args.seed, a, b, args.time_limit, args.save) for a, b in ranges]
        for future in as_completed(futures):
            part, fails, _ = future.result()
            for k, v in part.items():
                counts[k] = counts.get(k, 0) + v
            failures += fails
            done += sum(part.values())
            if sys.stderr.isatty():
                print(f"\r{done:,}/{args.inputs:,} inputs, {len(failures)} failures", end="", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty():
        print(file=sys.stderr)

    total = sum(counts.values())
    bad = {k: v for k, v in counts.items() if k.startswith("unhandled") or k == "hang"}
    print(f"fuzz: {total:,} inputs, seed {args.seed}, {args.jobs} worker(s), {elapsed:.0f} s "
          f"({total / elapsed:.0f} inputs/s)")
    print(f"  {'outcome':<28}{'inputs':>8}")
    for key in sorted(counts, key=lambda k: (k.startswith("unhandled") or k == "hang", k)):
        print(f"  {key:<28}{counts[key]:>8,}")
    print(f"  unhandled exceptions: {sum(v for k, v in bad.items() if k != 'hang')}, hangs: {bad.get('hang', 0)}")
    groups: dict[str, list[dict]] = {}
    for f in sorted(failures, key=lambda f: f["index"]):
        groups.setdefault(f"{f['status']} at {_where(f['detail'])}", []).append(f)
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        first = items[0]
        print(f"\n{len(items)} × {key}\n  e.g. --replay {first['index']} --seed {args.seed}: {first['name']} "
              f"({' → '.join(first['recipe'])})")
    if args.json:
        Path(args.json).write_text(json.dumps({"inputs": total, "seed": args.seed, "seconds": round(elapsed, 1),
                                               "counts": counts, "failures": failures}, ensure_ascii=False,
                                              indent=1), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
