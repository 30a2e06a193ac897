#!/usr/bin/env python3
"""How fast disclint lints text reports, against a baseline measured in the same run.

    .venv/bin/python benchmarks/bench_pipeline.py            # the table of docs/robustness.md
    .venv/bin/python benchmarks/bench_pipeline.py --quick    # fewer repeats, no 3 MB document
    .venv/bin/python benchmarks/bench_pipeline.py --json out.json

Rows: the real text reports (tests/corpus/docs and seeds/), and one real report scaled to 5 KB, 30 KB,
300 KB and 3 MB by adding real paragraphs from the corpus (benchmarks/scaled.py). For each: disclint's
reports/s on one core (read → decode → grammar → facts → tables → every rule), and the baseline's: read,
decode, and one regular-expression pass over the heading lines (spec/libraries.md §3), with the ratio.
Then the cold start of `disclint check one.txt` in a fresh process (what a pre-commit hook pays), peak
memory, and a batch run over the corpus with an empty and with a warm cache.
Targets (issue 8): ≥ 500 text reports/s per core, within 10× of the baseline, cold start ≤ 0.3 s,
time linear in document size, a warm-cache run ≥ 10× faster than a cold one.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import scaled  # noqa: E402

HEADINGS = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．,，](?![0-9])|[（(][一二三四五六七八九十]+[）)]"
                      r"|[0-9０-９]{1,3}[、.．](?![0-9０-９])|[（(][0-9０-９]{1,3}[）)])")


def baseline(path: str) -> int:
    """Read, decode, one regex pass: the floor any linter of these files pays."""
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return sum(1 for _ in HEADINGS.finditer(text))


def timed(fn, paths: list[str], min_time: float, repeats: int) -> float:
    """Seconds per pass over `paths`: the median of `repeats` measurements of at least `min_time` each."""
    results = []
    for _ in range(repeats):
        loops, start = 0, time.perf_counter()
        while True:
            for p in paths:
                fn(p)
            loops += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        results.append(elapsed / loops)
    return statistics.median(results)


def child(code: str) -> dict:
    """Run `code` in a fresh interpreter; it prints a JSON dict. Adds the child's peak RSS in MB."""
    # VmHWM, not getrusage: ru_maxrss survives exec, so a child would report its parent's peak.
    wrapper = code + "\nimport json as _j, re as _re\n" \
                     "_hwm = int(_re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n" \
                     "print(_j.dumps({**RESULT, 'rss_mb': _hwm / 1024}))"
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(runs: int, report: str) -> dict:
    exe = Path(sys.executable).with_name("disclint")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import click, yaml, lark'": [sys.executable, "-c", "import click, yaml, lark"],
        "disclint --version": [str(exe), "--version"],
        "disclint check one.txt": [str(exe), "check", report],
    }
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="disclint-bench-")}
    out = {}
    for name, cmd in commands.items():
        for _ in range(2):  # warm the page cache and Lark's grammar cache
            subprocess.run(cmd, capture_output=True, env=env)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            times.append(time.perf_counter() - t)
        out[name] = statistics.mean(times)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    repeats, min_time = (3, 0.3) if args.quick else (5, 1.0)

    from disclint.engine.linter import Linter
    from disclint.grammar.segment import parser
    from disclint.settings import Settings

    settings = Settings()
    parser()
    linter = Linter(settings)
    linter.rules(settings)

    def lint(p: str) -> None:
        linter.lint_path(p, settings)

    work = Path(tempfile.mkdtemp(prefix="disclint-bench-"))
    corpus = scaled.corpus_texts()
    sizes = [5_000, 30_000, 300_000] + ([] if args.quick else [3_000_000])
    docs = {f"scaled {s // 1000:,} KB": scaled.write_scaled(work, s) for s in sizes}
    rows = []
    for name, paths in [(f"real corpus ({len(corpus)} reports)", corpus)] + [(k, [v]) for k, v in docs.items()]:
        size = sum(os.path.getsize(p) for p in paths) / len(paths)
        big = size > 1_000_000
        t_lint = timed(lint, paths, min_time, 1 if big else repeats)
        t_base = timed(baseline, paths, min_time, 1 if big else repeats)
        rows.append({"input": name, "bytes": round(size), "docs_per_s": len(paths) / t_lint,
                     "ms_per_doc": 1000 * t_lint / len(paths), "baseline_docs_per_s": len(paths) / t_base,
                     "ratio": t_lint / t_base, "us_per_kb": 1e6 * t_lint / len(paths) / (size / 1000)})

    starts = cold_start(5 if args.quick else 15, str(corpus[0]))
    biggest = docs[list(docs)[-1]]
    mem_big = child(f"from disclint import Linter\nr = Linter().lint_path({str(biggest)!r})\n"
                    "RESULT = {'findings': len(r.findings)}")
    mem_base = child(f"import sys; sys.path.insert(0, 'benchmarks')\nfrom bench_pipeline import baseline\n"
                     f"RESULT = {{'headings': baseline({str(biggest)!r})}}")
    mem_corpus = child("from disclint import Linter\nimport sys; sys.path.insert(0, 'benchmarks')\n"
                       "import scaled\nlinter = Linter()\n"
                       "RESULT = {'files': len([linter.lint_path(str(p)) for p in scaled.corpus_texts()])}")
    cache = child("import os, sys, time, tempfile\nos.environ['XDG_CACHE_HOME'] = tempfile.mkdtemp()\n"
                  "sys.path.insert(0, 'benchmarks')\nimport scaled\nfrom disclint import Linter\n"
                  "paths = [str(p) for p in scaled.corpus_texts()]\n"
                  "from disclint.grammar.segment import parser\n"
                  "from disclint.settings import Settings\nlinter = Linter(Settings()); lint_many = linter.lint_many\n"
                  "linter.rules(Settings()); parser()\n"
                  "t = time.perf_counter(); lint_many(paths, jobs=1, use_cache=False); none = time.perf_counter() - t\n"
                  "t = time.perf_counter(); lint_many(paths, jobs=1); cold = time.perf_counter() - t\n"
                  "t = time.perf_counter(); lint_many(paths, jobs=1); warm = time.perf_counter() - t\n"
                  "t = time.perf_counter(); lint_many(paths, jobs=2, use_cache=False); pool = time.perf_counter() - t\n"
                  "RESULT = {'no_cache': none, 'cold': cold, 'warm': warm, 'pool2': pool, 'files': len(paths)}")

    cores = len(os.sched_getaffinity(0))
    print(f"disclint benchmark — {cores} core(s), Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}\n")
    print("| input | bytes/doc | disclint docs/s (1 core) | ms/doc | baseline docs/s | × baseline | µs per KB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['input']} | {r['bytes']:,} | {r['docs_per_s']:,.0f} | {r['ms_per_doc']:.2f} | "
              f"{r['baseline_docs_per_s']:,.0f} | {r['ratio']:.0f}× | {r['us_per_kb']:.0f} |")
    print("\n| cold start (mean of runs, fresh process) | s |")
    print("|---|---:|")
    for name, t in starts.items():
        print(f"| `{name}` | {t:.3f} |")
    print("\n| peak memory (max RSS of a fresh process) | MB |")
    print("|---|---:|")
    print(f"| baseline over the {list(docs)[-1]} document | {mem_base['rss_mb']:.0f} |")
    print(f"| disclint over the {list(docs)[-1]} document | {mem_big['rss_mb']:.0f} |")
    print(f"| disclint over the real corpus, one file after another | {mem_corpus['rss_mb']:.0f} |")
    print(f"\n| batch over the real corpus ({cache['files']} files) | s | × warm cache |")
    print("|---|---:|---:|")
    for key, label in [("no_cache", "lint_many, 1 job, --no-cache"), ("cold", "lint_many, 1 job, empty cache"),
                       ("warm", "lint_many, 1 job, warm cache (second run)"),
                       ("pool2", "lint_many, 2 jobs, --no-cache")]:
        print(f"| {label} | {cache[key]:.3f} | {cache[key] / cache['warm']:.1f} |")
    growth = [r for r in rows if r["input"].startswith("scaled")]
    if len(growth) > 1:
        print("\ntime per KB, smallest → largest scaled document: "
              + " → ".join(f"{r['us_per_kb']:.0f} µs" for r in growth))
    if args.json:
        Path(args.json).write_text(json.dumps({"cores": cores, "rows": rows, "cold_start": starts,
                                               "memory": [mem_base, mem_big, mem_corpus], "cache": cache},
                                              indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
