"""Reading time per format on real documents, against reading the bytes alone in the same run.

    .venv/bin/python benchmarks/bench_readers.py                  # the labelled corpus
    .venv/bin/python benchmarks/bench_readers.py ../shared/corpus/docs --repeat 5
    .venv/bin/python benchmarks/bench_readers.py --legacy          # also .doc/.xls through LibreOffice

Each file is read `--repeat` times after one warm-up run (which also pays the lazy imports); the
best time is kept, as the least disturbed by the machine. "bytes" is open+read of the same file,
measured the same way, so the ratio shows what parsing costs over I/O.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclint.readers import READERS, read_path  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "docs"  # the labelled real reports


def best_of(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def read_bytes_only(path: Path) -> None:
    with open(path, "rb") as fh:
        fh.read()


def pdf_pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def generated_inputs(folder: Path, legacy: bool) -> list[Path]:
    """A workbook built from a real page's tables, and with --legacy a .doc and .xls via LibreOffice."""
    from disclint.readers import legacy as legacy_reader
    from tests.readers._reader_builders import fixture, xlsx_from_rows

    from disclint.readers import read_bytes

    grids = read_bytes("page.html", fixture("pingtan_019.html")).grids
    xlsx = xlsx_from_rows({f"表{i + 1}": g.rows for i, g in enumerate(grids)})
    out = [folder / "tables.xlsx"]
    out[0].write_bytes(xlsx)
    if legacy and legacy_reader.soffice():
        (folder / "tables.xls").write_bytes(legacy_reader.convert(xlsx, ".xlsx", "xls"))
        text = fixture("seed_001.txt")
        (folder / "seed.doc").write_bytes(legacy_reader.convert(text, ".txt", "doc", infilter="Text (encoded):UTF8,LF,,,"))
        out += [folder / "tables.xls", folder / "seed.doc"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the labelled corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--legacy", action="store_true", help="also time .doc and .xls (LibreOffice conversion)")
    args = parser.parse_args()

    files: list[Path] = []
    for p in args.paths or [CORPUS]:
        files += sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
    files = [f for f in files if f.suffix.lower() in READERS and not f.name.startswith("README")]
    with tempfile.TemporaryDirectory() as tmp:
        files += generated_inputs(Path(tmp), args.legacy)
        rows: dict[str, dict] = defaultdict(lambda: {"files": 0, "read": 0.0, "bytes": 0.0, "pages": 0, "kb": 0.0})
        for f in files:
            fmt = f.suffix.lower().lstrip(".")
            repeat = 1 if fmt in {"doc", "wps"} else args.repeat  # a LibreOffice start takes seconds
            row = rows[fmt]
            row["files"] += 1
            row["kb"] += f.stat().st_size / 1024
            row["read"] += best_of(lambda: read_path(f), repeat)
            row["bytes"] += best_of(lambda: read_bytes_only(f), repeat)
            if fmt == "pdf":
                row["pages"] += pdf_pages(f)

    print(f"{'format':<7} {'files':>5} {'KB/doc':>7} {'read ms/doc':>12} {'bytes ms/doc':>13} {'ratio':>9} {'pages/s':>8}")
    for fmt, row in sorted(rows.items()):
        n = row["files"]
        read_ms, bytes_ms = 1000 * row["read"] / n, 1000 * row["bytes"] / n
        pages = f"{row['pages'] / row['read']:8.1f}" if row["pages"] else f"{'':>8}"
        print(f"{fmt:<7} {n:>5} {row['kb'] / n:>7.0f} {read_ms:>12.2f} {bytes_ms:>13.3f} {read_ms / bytes_ms:>8.0f}x {pages}")


if __name__ == "__main__":
    main()
