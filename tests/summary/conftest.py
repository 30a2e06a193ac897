"""Fixtures of the summary tests: real consecutive reports of the same bodies (from tests/corpus) and
one summary built from them, shared by the output and browser tests.

| files | body | years | what the cross-report checks find |
|---|---|---|---|
| pingtan-018/019/020.html | 平潭综合实验区 | 2023, 2024, 2025 | 现行有效 roll-forward breaks: 2024 has 440, 470 + 62 − 33 = 499; 2025 has 546, 440 + 58 − 45 = 453 (DL502); 上年结转 = 结转下年度 in both pairs (all 0) |
| pingtan-002/003/005.txt | 平潭县人民政府 | 2011, 2012, 2013 | the 2012 and 2013 reports repeat the previous year's text with new figures (DL503: 93 %, 98 %) |
| pingtan-004/006/009/010/011.txt | 平潭综合实验区 (管委会; 006 posted by the 管委会办公室) | 2012–2016 | 2013 repeats 2012 (DL503, 98 %); the others are below 90 % |
| pingtan-031/032.txt | 平潭综合实验区公安局 | 2019, 2021 | not consecutive: never paired |
| seed-001.txt | 城关镇人民政府 | 2020 | no partner |
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from disclint.settings import Settings

DOCS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
FILES = {f"pingtan-{n}": DOCS / "pingtan" / n for n in
         ["002.txt", "003.txt", "004.txt", "005.txt", "006.txt", "009.txt", "010.txt", "011.txt",
          "018.html", "019.html", "020.html", "031.txt", "032.txt"]}
FILES["seed-001.txt"] = DOCS / "seeds" / "001_174315c6c8a13a1e.txt"


def corpus_files() -> list[str]:
    return sorted(str(p) for p in FILES.values())


@pytest.fixture(scope="session")
def batch_dir(tmp_path_factory) -> Path:
    """The real reports, plus two files a batch must survive: an empty report and a damaged PDF."""
    folder = tmp_path_factory.mktemp("batch")
    for name, f in FILES.items():
        shutil.copy(f, folder / name)
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-damaged.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> trailer")
    return folder


@pytest.fixture(scope="session")
def summary(batch_dir, tmp_path_factory):
    from disclint.summary import build_summary

    out = tmp_path_factory.mktemp("summary")
    files = sorted(str(p) for p in batch_dir.iterdir())
    return build_summary(files, str(out), Settings(), jobs=2, sources=[str(batch_dir)])


def by_name(digests, name: str):
    return next(d for d in digests if d.path.endswith(name))


def xlsx_sheets(path) -> dict[str, list[tuple]]:
    """Every sheet of a summary.xlsx as rows of values, each padded to the header's width (a
    read-only sheet ends a row at its last written cell)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    sheets = {}
    for name in wb.sheetnames:
        rows = [tuple(r) for r in wb[name].iter_rows(values_only=True)]
        sheets[name] = [r + (None,) * (len(rows[0]) - len(r)) for r in rows]
    wb.close()
    return sheets
