"""Single-cell mutations of every real table: does the repair (disclint.tables.repair) name the
mutated cell with its original value? (issue 13)

    .venv/bin/python benchmarks/bench_repair.py                       # tests/corpus and seeds
    .venv/bin/python benchmarks/bench_repair.py tests/corpus/docs seeds

Every report is read and its tables rebuilt once, as `disclint check` does. A table whose own
identities already fail is left out (its errors would mix with the mutation's). Each numeric
cell — totals included — is then changed in turn by +1, −1 and by swapping its last two digits
(12 → 21; a no-op swap is skipped), and the repair is worked out from all the table's identities
together. Each mutation falls in one class:

- exact: one repair, the mutated cell alone, with its original value;
- ambiguous: several equally small repairs, the mutated cell (with its original value) among them;
- wrong: one repair that is not the mutated cell with its original value — must never happen;
- ambiguous-wrong: several repairs, the mutated cell not among them;
- not-localised: the identities fail but no repair of one or two cells is determined;
- undetected: no checked identity goes through the cell (the 第二十条 table has only soft
  identities; a blank total leaves its identity unchecked).

Shares are of the detected mutations (all but undetected).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclint.engine.linter import linter_for  # noqa: E402
from disclint.readers import ReadError, read_path  # noqa: E402
from disclint.settings import Settings  # noqa: E402
from disclint.tables.repair import component_repairs  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".xlsx"}
CLASSES = ("exact", "ambiguous", "wrong", "ambiguous-wrong", "not-localised", "undetected")


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    tables: int = 0
    skipped: int = 0  # tables with failing identities of their own
    wrong_cases: list = field(default_factory=list)
    by_table: Counter = field(default_factory=Counter)  # (table id, class) → mutations

    @property
    def detected(self) -> int:
        return sum(self.counts[c] for c in CLASSES if c != "undetected")

    def share(self, cls: str) -> float:
        return self.counts[cls] / self.detected if self.detected else 0.0


def mutations(value: int) -> list[int]:
    out = [value + 1, value - 1]
    digits = str(value)
    if len(digits) >= 2 and digits[-1] != digits[-2]:
        out.append(int(digits[:-2] + digits[-1] + digits[-2]))
    return out


def classify(options, row: str, col: str, original) -> str:
    hit = [o for o in options if len(o) == 1 and (o[0].row, o[0].column, o[0].expected) == (row, col, original)]
    if len(options) == 1:
        return "exact" if hit else "wrong"
    if options:
        return "ambiguous" if hit else "ambiguous-wrong"
    return "not-localised"


def mutate_table(table, tally: Tally, name: str) -> None:
    identities = table.identities
    if not identities:
        return
    if component_repairs(table, identities):  # already failing: nothing to localise
        tally.skipped += 1
        return
    tally.tables += 1
    involved = {c for b in identities for c in b.cells}
    for row in table.rows:
        for col, cell in table.cells[row].items():
            if cell.blank or type(cell.value) is not int:
                continue
            original = cell.value
            for new in mutations(original):
                cell.value = new
                try:
                    if (row, col) not in involved:
                        cls = "undetected"
                    else:
                        errors = component_repairs(table, identities)  # one per independent error
                        options = errors[0][1] if len(errors) == 1 else ()
                        cls = classify(options, row, col, original) if errors else "undetected"
                finally:
                    cell.value = original
                tally.counts[cls] += 1
                tally.by_table[(table.id, cls)] += 1
                if cls in ("wrong", "ambiguous-wrong"):
                    tally.wrong_cases.append((name, table.id, row, col, original, new))


def documents(roots: list[Path]) -> list[Path]:
    out = []
    for root in roots:
        out += sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    return out


def run(roots: list[Path]) -> Tally:
    tally = Tally()
    settings = Settings()
    for path in documents(roots):
        try:
            doc = linter_for(settings).analyse(read_path(str(path)), settings)
        except ReadError:
            continue
        for table in doc.tables.values():
            mutate_table(table, tally, str(path))
    return tally


def report(tally: Tally) -> str:
    lines = [f"tables mutated: {tally.tables} (left out, failing already: {tally.skipped})",
             f"mutations: {sum(tally.counts.values())}, detected: {tally.detected}"]
    for cls in CLASSES:
        n = tally.counts[cls]
        share = "" if cls == "undetected" else f"  {100 * tally.share(cls):5.1f} % of detected"
        lines.append(f"  {cls:16} {n:6}{share}")
    for tid in sorted({t for t, _ in tally.by_table}):
        lines.append(f"  {tid}: " + ", ".join(f"{c} {tally.by_table[(tid, c)]}" for c in CLASSES
                                              if tally.by_table[(tid, c)]))
    for case in tally.wrong_cases[:20]:
        lines.append(f"  WRONG {case}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roots", nargs="*", type=Path, default=[ROOT / "tests" / "corpus" / "docs", ROOT / "seeds"])
    print(report(run(ap.parse_args().roots)))


if __name__ == "__main__":
    main()
