"""Batch benchmark of `disclint summary`: build batches of 1,000 and 10,000 reports from the real
corpus (copying and varying them), then time the whole summary — lint, cross-year checks, and the
four output files — with 1 and with 2 worker processes.

    .venv/bin/python benchmarks/bench_batch.py                       # 1,000 and 10,000, -j 1 and 2
    .venv/bin/python benchmarks/bench_batch.py --sizes 1000 --jobs 2 # one quick run

Each copy is one real report (.txt by default: "text reports") with
- its agency changed: the title gets a prefix 第N片区, so copies are different bodies;
- its years moved by 0, 1 or 2 (every 2019 → 2020 …), so each body has three consecutive reports
  and the cross-year checks run on every pair (identical narratives: the worst case for X-DUP);
- a few figures changed, so the tables differ.

Every run is a fresh child process (`disclint summary` itself, in-process), so start-up, forking
and pickling are counted. Peak memory is sampled every 50 ms as the sum of the resident memory of
the child and its worker processes; the largest single process is reported too.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / "docs", ROOT / "tests" / "corpus" / "docs", ROOT / "seeds"]
_YEAR = re.compile(r"(?<![0-9])(20[0-2][0-9])(?=\s*年)")
_FIGURE = re.compile(r"(?<=[ |])([1-9][0-9]{0,3})(?= |\s*\|)")


def sources(corpus: Path | None, formats: tuple[str, ...]) -> list[Path]:
    for base in ([corpus] if corpus else CORPORA):
        if base and base.is_dir():
            found = sorted(p for p in base.rglob("*") if p.suffix.lstrip(".") in formats and p.is_file())
            if found:
                return found
    sys.exit("no corpus found: pass --corpus")


def vary(text: str, group: int, shift: int, rng: random.Random) -> str:
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    lines = text.split("\n")
    for i, line in enumerate(lines[:12]):  # the title: the first line that names the report
        if "报告" in line:
            lines[i] = line.replace(line.lstrip(), f"第{group}片区" + line.lstrip(), 1)
            break
    text = "\n".join(lines)
    figures = list(_FIGURE.finditer(text))
    for m in rng.sample(figures, min(3, len(figures))):
        text = text[:m.start()] + str(int(m.group(1)) + rng.randint(1, 9)) + text[m.end():]
    return text


def build_batch(n: int, folder: Path, files: list[Path], seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = [(p.suffix, p.read_bytes()) for p in files]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        group, shift = divmod(i, 3)
        suffix, data = texts[group % len(texts)]
        if suffix in (".txt", ".md", ".html", ".htm"):
            try:
                data = vary(data.decode("utf-8"), group, shift, rng).encode("utf-8")
            except UnicodeDecodeError:
                pass
        (folder / f"{i:06d}{suffix}").write_bytes(data)


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, max) resident kB of a process and its descendants."""
    total = biggest = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                rss = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            total += rss
            biggest = max(biggest, rss)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total, biggest


def run_once(batch: Path, jobs: int, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", str(batch), str(out), str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak_sum = peak_one = 0
    while proc.poll() is None:
        s, m = _tree_rss(proc.pid)
        peak_sum, peak_one = max(peak_sum, s), max(peak_one, m)
        time.sleep(0.05)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child and its workers, once waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"summary failed ({proc.returncode})")
    child = json.loads(stdout.strip().splitlines()[-1])
    return {"wall": wall, "cpu": cpu, "peak_sum_mb": peak_sum / 1024, "peak_one_mb": peak_one / 1024, **child}


def child(batch: str, out: str, jobs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from disclint.settings import Settings
    from disclint.summary import build_summary

    files = sorted(str(p) for p in Path(batch).iterdir())
    if jobs > 0:
        result = build_summary(files, out, Settings(), jobs=jobs)
    else:  # a local Dask cluster of -jobs worker processes: the cost of --scheduler on one machine
        from distributed import LocalCluster

        with LocalCluster(n_workers=-jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster:
            result = build_summary(files, out, Settings(), scheduler=cluster.scheduler_address)
    sizes = {name: os.path.getsize(os.path.join(out, name)) for name in os.listdir(out)}
    print(json.dumps({"reports": len(files), "timings": result.timings, "pairs": result.pairs,
                      "findings": sum(len(d.findings) for d in result.digests), "unreadable": result.unreadable,
                      "sizes": sizes}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=None, help="folder of real reports (default ../shared/corpus/docs)")
    ap.add_argument("--formats", default="txt", help="comma list of suffixes to copy (default txt)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--dask", type=int, default=0, metavar="N",
                    help="also run on a local Dask cluster of N worker processes (shown as jobs -N)")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    files = sources(args.corpus, tuple(args.formats.split(",")))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="disclint-bench-"))
    print(f"corpus: {len(files)} real reports ({args.formats}); work folder {work}; {os.cpu_count()} cores; "
          f"load average before: {os.getloadavg()[0]:.2f} (other work on the machine slows the wall times)")
    print(f"{'reports':>8} {'jobs':>4} {'wall s':>8} {'reports/s':>10} {'cpu s':>7} {'lint s':>7} {'cross s':>7} "
          f"{'write s':>7} {'files s':>7} {'peak MB (all)':>13} {'peak MB (1 proc)':>16} {'pairs':>6} {'html MB':>7}")
    try:
        for n in args.sizes:
            batch = work / f"batch-{n}"
            if not batch.exists():
                build_batch(n, batch, files)
            for jobs in args.jobs + ([-args.dask] if args.dask else []):
                out = work / f"out-{n}-{jobs}"
                r = run_once(batch, jobs, out)
                t = r["timings"]
                # summary.xlsx is written by a second process that starts with the lint (sharing the cores with
                # it while filling sheet 问题) and ends with the other sheets while this one writes the other files
                write = t["write"]  # the five files, until summary.xlsx is done
                others = t["json+csv+html+docx"]  # the other four
                print(f"{n:>8} {jobs:>4} {r['wall']:>8.1f} {n / r['wall']:>10.0f} {r['cpu']:>7.1f} {t['lint']:>7.1f} {t['cross']:>7.2f} "
                      f"{write:>7.1f} {others:>7.1f} {r['peak_sum_mb']:>13.0f} {r['peak_one_mb']:>16.0f} {r['pairs']:>6} "
                      f"{r['sizes'].get('index.html', 0) / 1e6:>7.1f}", flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
