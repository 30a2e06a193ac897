"""Cross-report: a report that repeats last year's (regulation.md §5.2 X-DUP).

国办公开办函〔2021〕30号 names 内容雷同 as a ground for holding a body to account, and evaluators
found reports repeating up to 90 % of the previous year's text (法治蓝皮书 2017). Two checks:

- `compare: narrative` — the share of this year's prose (headings and paragraphs, not tables) that
  already stood in last year's report, figures masked so that a copy with updated numbers is still
  a copy (2023年 → #年, 81件 → #件). Measured on overlapping runs of `shingle` characters.
- `compare: tables` — every cell of the 收到和处理政府信息公开申请 table equals last year's, while
  the table is not all zeros (small bodies legitimately report zero every year).

`check` on one report finds nothing; `extract` takes what the pair check needs (plain data), and
`check_pair` runs in the parent of a `disclint summary` batch.
"""
from __future__ import annotations

import re
from array import array
from typing import Any

from ..model import Document, Heading, Paragraph

# Text or figures carried over from last year's report: the contract's "figures copied from another year".
FINDING_KIND = "year-mismatch"
CROSS_REPORT = True
PARAMS = {
    "compare": (str, True),  # narrative | tables
    "threshold": (float, False),  # narrative: share of this year's shingles found last year
    "shingle": (int, False),  # narrative: characters per shingle
    "min_chars": (int, False),  # narrative: shorter prose is not judged
}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "expected", "prev_year", "section", "share", "table", "year")

# A figure: [0-9０-９]+(?:[.．][0-9]+)? or [〇…万]+(?=[年…人]). Written to start with the set of every
# character a figure can start with, so that the search skips the other positions in C; a look-behind
# at that character then picks the one alternative it can begin (the two sets share no character).
# The same matches as the alternation, in two thirds of the time.
_FIGURE = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万]"
                     r"(?:(?<=[0-9０-９])[0-9０-９]*(?:[.．][0-9]+)?"
                     r"|(?<=[〇零一二三四五六七八九十百千万])[〇零一二三四五六七八九十百千万]*(?=[年月日件条个次项篇人]))")


def validate(params: dict, vocab) -> str | None:
    if params["compare"] not in ("narrative", "tables"):
        return f"compare must be narrative or tables, not '{params['compare']}'"
    t = params.get("threshold", 0.9)
    if not 0 < t <= 1:
        return f"threshold must be in (0, 1], not {t}"
    if params.get("shingle", 4) < 2:
        return "shingle must be at least 2 characters"
    return None


def check(doc: Document, rule):
    return ()


def narrative(doc: Document) -> tuple[str, int | None]:
    """The report's prose with figures masked, and the line its first paragraph starts on."""
    parts: list[str] = []
    first = None
    for block in doc.blocks:
        if isinstance(block, Heading) and not block.table_label:
            parts.append(block.title)
        elif isinstance(block, Paragraph):
            if first is None:
                first = block.start
            parts.append(block.text)
    # Without whitespace (str.split's is re's \s, and takes in U+3000) and table bars: ~4× faster than re.sub.
    text = "".join(_FIGURE.sub("#", "".join(parts)).replace("|", "").split())
    return text, doc.position(first)[0] if first is not None else None


def extract(doc: Document) -> dict[str, Any]:
    text, line = narrative(doc)
    table = doc.tables.get("requests")
    cells = None
    table_line = None
    if table is not None and hasattr(table, "to_json"):
        as_json = table.to_json()
        cells, table_line = as_json.get("cells"), as_json.get("line")
    return {"narrative": text, "line": line, "requests": cells, "requests_line": table_line}


# Shingles as machine words: the UTF-16 code units of `size` characters read as one unsigned int
# (2, 4 or 8 bytes), which is exact when no character needs a surrogate pair. Building a set of ints
# from an array costs a third of slicing and hashing as many strings (~2,400 per report).
_WORD = {1: "H", 2: "I", 4: "Q"}
_recent: dict[tuple[int, int, bool], tuple[str, set]] = {}


def _as_words(text: str, size: int) -> bool:
    # one code unit per character: nothing beyond U+FFFF (encoding is faster than max(text))
    return size in _WORD and len(text.encode("utf-16-le")) == 2 * len(text)


def _word_shingles(text: str, size: int) -> set[int]:
    units = text.encode("utf-16-le")
    width = 2 * size
    words = array(_WORD[size])
    for start in range(0, width, 2):  # one pass per character offset within a word
        usable = len(units) - start
        words.frombytes(units[start:start + usable - usable % width])
    return set(words)


def shingles(text: str, size: int, words: bool = False) -> set:
    """The text's distinct runs of `size` characters (as ints when `words`: see _WORD). A batch
    walks each body's years in order, so the middle report of 2022→2023→2024 is needed twice in a
    row: the last few sets are kept."""
    key = (id(text), size, words)
    hit = _recent.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    if words:
        found = _word_shingles(text, size)
    else:
        found = {text[i:i + size] for i in range(max(0, len(text) - size + 1))}
    if len(_recent) >= 4:
        _recent.pop(next(iter(_recent)))
    _recent[key] = (text, found)
    return found


def repeated_share(this: str, prev: str, size: int = 4) -> float:
    """Share of this text's distinct shingles that also occur in the previous text."""
    words = _as_words(this, size) and _as_words(prev, size)  # both texts in one representation
    mine = shingles(this, size, words)
    if not mine:
        return 0.0
    return len(mine & shingles(prev, size, words)) / len(mine)


def check_pair(this: dict, prev: dict, rule, *, this_year: int, prev_year: int):
    if rule.params["compare"] == "narrative":
        size = rule.params.get("shingle", 4)
        if len(this["narrative"]) < rule.params.get("min_chars", 300):
            return
        share = repeated_share(this["narrative"], prev["narrative"], size)
        threshold = rule.params.get("threshold", 0.9)
        if share >= threshold:
            finding = rule.finding(FINDING_KIND, expected=f"< {threshold:.0%}", actual=round(share, 3),
                                   share=f"{share:.0%}", prev_year=prev_year, year=this_year)
            finding.line, finding.column = this["line"], 1 if this["line"] else None
            yield finding
        return
    now, before = this.get("requests"), prev.get("requests")
    if not now or not before or now != before:
        return
    if not any(v for row in now.values() for v in row.values() if isinstance(v, (int, float))):
        return
    finding = rule.finding(FINDING_KIND, section="requests", table="requests", prev_year=prev_year,
                           year=this_year)
    finding.line, finding.column = this.get("requests_line"), 1 if this.get("requests_line") else None
    yield finding
