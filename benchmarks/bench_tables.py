"""Benchmark of table rebuilding (not a timed test): for every real report of the test corpus,
the time `rebuild_tables` takes against the time of linting the whole report, so a change that
makes the tables dominate linting is seen.

    .venv/bin/python benchmarks/bench_tables.py              # tests/corpus, 5 rounds
    .venv/bin/python benchmarks/bench_tables.py --rounds 20 --format txt

Each report is read once; then, per round, it is segmented and its facts established (as
`disclint check` does), the tables are rebuilt, and the rules are run. Times are the median
of the rounds, in milliseconds, after one warm-up round (rule packs, grammars and caches load once
per process and are reported separately as start-up).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclint.engine.linter import Linter  # noqa: E402
from disclint.engine.run import check_document  # noqa: E402
from disclint.facts import establish_facts  # noqa: E402
from disclint.grammar import segment  # noqa: E402
from disclint.readers import read_path  # noqa: E402
from disclint.settings import Settings  # noqa: E402
from disclint.tables import rebuild_tables  # noqa: E402


LINTER = Linter(Settings())


def measure(path: Path, settings: Settings, rounds: int) -> tuple[float, float, int]:
    source = read_path(str(path))
    rules, identities = LINTER.rules(settings), LINTER.table_identities(settings)
    tables_ms, total_ms, found = [], [], 0
    for i in range(rounds + 1):
        t0 = time.perf_counter()
        doc = establish_facts(segment(source), settings.profile)
        t1 = time.perf_counter()
        doc.tables = rebuild_tables(doc, identities) if doc.genre == "annual-report" else {}
        t2 = time.perf_counter()
        check_document(doc, rules, LINTER.rule_set(settings).rule_error())
        t3 = time.perf_counter()
        if i:  # the first round warms the caches
            tables_ms.append((t2 - t1) * 1000)
            total_ms.append((t3 - t0) * 1000)
        found = len(doc.tables)
    return statistics.median(tables_ms), statistics.median(total_ms), found


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus" / "docs")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--format", default="", help="only files with this suffix (txt, html, pdf, docx)")
    args = ap.parse_args()
    settings = Settings()
    t0 = time.perf_counter()
    LINTER.lint_path(str(ROOT / "seeds" / "001_174315c6c8a13a1e.txt"), settings)
    print(f"start-up (rule packs, layouts, grammars): {(time.perf_counter() - t0) * 1000:.0f} ms")
    rows = []
    for path in sorted(args.corpus.rglob("*")):
        if not path.is_file() or args.format and path.suffix != "." + args.format:
            continue
        tables, total, found = measure(path, settings, args.rounds)
        rows.append((path.relative_to(args.corpus), tables, total, found))
    print(f"{'report':40} {'tables ms':>10} {'lint ms':>9} {'share':>6}  tables")
    for name, tables, total, found in rows:
        print(f"{str(name):40} {tables:10.1f} {total:9.1f} {tables / total:6.0%}  {found}")
    by_kind: dict[str, list] = {}
    for name, tables, total, _ in rows:
        by_kind.setdefault(Path(name).suffix, []).append((tables, total))
    for suffix, items in sorted(by_kind.items()):
        t = sum(x for x, _ in items)
        a = sum(y for _, y in items)
        print(f"{suffix or '(none)':6} {len(items):3} reports: tables {t / len(items):.1f} ms of {a / len(items):.1f} ms "
              f"per report ({t / a:.0%} of linting)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
