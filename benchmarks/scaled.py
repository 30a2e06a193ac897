"""Real reports, and one real report scaled to a given size with real paragraphs from the corpus.

The 5 KB point is a real report of that size (pingtan/063, 5.2 KB). Larger points start from seed 001,
a 2019-template report whose tables come one cell per line, and insert, before its 五、 section, real
paragraphs of the other reports under （N） sub-headings, so that the mix of headings, prose and table
lines stays that of a real report.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "docs"
BASE = next((ROOT / "seeds").glob("001_*.txt"))
SMALL = CORPUS / "pingtan" / "063.txt"
_NUMERALS = "一二三四五六七八九十"


def corpus_texts() -> list[Path]:
    """Every real text report: tests/corpus/docs (seeds included there) — one copy of each."""
    return sorted(CORPUS.rglob("*.txt"))


def _paragraphs() -> list[str]:
    out = []
    for p in corpus_texts():
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 40 and not re.match(r"^[一二三四五六七八九十（(0-9]", line):
                out.append(line[:300])
    return out


def _cn(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    if n < 20:
        return "十" + (_NUMERALS[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return _NUMERALS[tens - 1] + "十" + (_NUMERALS[ones - 1] if ones else "")


def scaled_text(target: int) -> str:
    if target <= SMALL.stat().st_size * 1.2:
        return SMALL.read_text(encoding="utf-8")
    base = BASE.read_text(encoding="utf-8")
    cut = base.index("五、")
    head, tail = base[:cut], base[cut:]
    paragraphs = _paragraphs()
    extra: list[str] = []
    size = len(base.encode("utf-8"))
    i = 0
    while size < target:
        if i % 6 == 0:
            line = f"（{_cn(i // 6 % 99 + 1)}）补充说明"
        else:
            line = paragraphs[i % len(paragraphs)]
        extra.append(line)
        size += len(line.encode("utf-8")) + 1
        i += 1
    return head + "\n".join(extra) + "\n" + tail


def write_scaled(folder: Path, target: int) -> str:
    path = folder / f"scaled_{target}.txt"
    path.write_text(scaled_text(target), encoding="utf-8")
    return str(path)
