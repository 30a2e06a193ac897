"""The table layouts of rules/table-layouts.yaml: canonical row and column ids, and the tolerant
patterns their labels are found by (regulation.md §8.2–8.3: 、/， swapped, brackets half-width,
spaces and line breaks inside labels, numbering prefixes lost, traditional characters)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .. import yamlsafe

from ..normalize import compact
from ..paths import builtin_rules_dir

# Punctuation that real reports use for one another inside labels.
_PUNCT = "、,，.．;；:：/"
_PUNCT_CLASS = "[、,.;:/]?"
_PREFIX = re.compile(r"^(?:([一二三四五六七八九十]+)[、.,]|\(([一二三四五六七八九十]+)\)|([0-9]{1,2})[.、,])")


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    type: str = "count"  # count | signed | money
    group: str | None = None
    en: str = ""  # the header in English, for --lang en messages


@dataclass(frozen=True)
class Row:
    id: str  # canonical id; BLOCK.ROW for the proactive table
    label: str
    numeric: bool
    pattern: re.Pattern  # matches the label in compacted text, numbering prefix optional
    core: str  # the compacted label without its numbering prefix or note, for fuzzy matching
    columns: tuple[Column, ...]  # the columns this row has cells in
    local: bool = False  # a row some provinces add; read when there, never reported missing
    en: str = ""  # the label in English, for --lang en messages
    block: str = ""  # the printed caption of the row's block (第二十条第（五）项), grouped tables only
    block_en: str = ""


@dataclass(frozen=True)
class Layout:
    table: str
    name: str  # "2019" | "2021"
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]  # every column of the table, in the order of the format

    # Layouts are loaded once and asked for these for every table and identity: computed once
    # (cached_property stores into the instance dict, which a frozen dataclass allows).
    @cached_property
    def numeric_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.numeric)

    @cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for r in self.rows:
            out.setdefault(r.id, r)  # the first row of an id, as a scan would find
        return out

    def row(self, row_id: str) -> Row | None:
        return self._rows_by_id.get(row_id)


@dataclass(frozen=True)
class TableSpec:
    id: str
    caption: str
    evidence: tuple[str, ...]
    columns: tuple[Column, ...]
    column_groups: tuple[dict, ...]
    layouts: dict[str, Layout]
    layout_signals: dict[str, tuple[str, ...]]
    default_layout: str
    captions: dict[str, tuple[tuple[str, re.Pattern], ...]]  # layout → (block id, caption pattern)
    caption_en: str = ""

    @cached_property
    def _compact_signals(self) -> dict[str, tuple[str, ...]]:
        return {name: tuple(compact(w) for w in words) for name, words in self.layout_signals.items()}

    def detect_layout(self, key: str) -> str:
        """The layout whose signal words the compacted table text holds most of."""
        best, score = self.default_layout, 0
        for name, words in self._compact_signals.items():
            n = sum(1 for w in words if w in key)
            if n > score:
                best, score = name, n
        return best


def label_regex(label: str) -> tuple[str, str]:
    """(regex source, core) for one label: numbering prefix optional, punctuation interchangeable,
    a parenthetical note optional (（二）部分公开（区分处理的…） is often cut or wrapped)."""
    numbering, body, core = _label_parts(label)
    return (f"(?:{numbering})?{body}" if numbering else body), core


def _label_parts(label: str) -> tuple[str, str, str]:
    """(numbering prefix regex or "", label body regex, core) of one label."""
    key = compact(label)
    numbering = ""
    m = _PREFIX.match(key)
    if m:
        if m.group(3):  # 1. — the dot is required, or the digit would eat a cell's last digit
            numbering = f"{m.group(3)}[.、,]"
        elif m.group(2):
            numbering = rf"\({m.group(2)}\)?"
        else:
            numbering = f"{m.group(1)}[、.,]?"
        key = key[m.end():]
    core = re.sub(r"\([^)]*\)?$", "", key) or key
    parts = []
    i = 0
    while i < len(key):
        ch = key[i]
        if ch == "(" and key.endswith(")") and i > 0:
            inner = key[i + 1:-1]
            parts.append(r"(?:\(" + "".join(_char(c) for c in inner) + r"\)?)?")
            break
        parts.append(_char(ch))
        i += 1
    return numbering, "".join(parts), core


def label_pattern(labels: list[str]) -> re.Pattern:
    """One pattern for a label and its variants, longest source first (the first alternative that
    matches wins). The optional numbering `(?:一、)?X` is written as the branches `一、X|X`: the
    same matches in the same order of preference, but every branch now starts with a literal
    character, which lets `re` skip ahead to candidate characters in C instead of trying the
    pattern at every position (row labels are searched over thousands of characters)."""
    parts = sorted((_label_parts(x) for x in labels), key=lambda p: len(_source(p)), reverse=True)
    return re.compile("|".join(f"{n}{b}|{b}" if n else b for n, b, _ in parts))


def _source(parts: tuple[str, str, str]) -> str:
    numbering, body, _ = parts
    return f"(?:{numbering})?{body}" if numbering else body


def _char(ch: str) -> str:
    return _PUNCT_CLASS if ch in _PUNCT else re.escape(ch)


def _row(spec: dict, columns: tuple[Column, ...], block: dict | None = None) -> Row:
    labels = [spec["label"], *spec.get("variants", [])] if spec["label"] else []
    pattern = label_pattern(labels) if labels else re.compile(r"(?!)")
    core = label_regex(labels[0])[1] if labels else ""
    rid = f"{block['id']}.{spec['id']}" if block else spec["id"]
    return Row(id=rid, label=spec["label"], numeric=spec.get("numeric", True), pattern=pattern,
               core=core, columns=columns, local=spec.get("local", False), en=spec.get("en", ""),
               block=block["caption"] if block else "", block_en=block.get("caption_en", "") if block else "")


def _columns(items: list[dict]) -> tuple[Column, ...]:
    return tuple(Column(id=c["id"], label=c["label"], type=c.get("type", "count"), group=c.get("group"),
                        en=c.get("en", "")) for c in items)


def _spec(tid: str, data: dict) -> TableSpec:
    layouts: dict[str, Layout] = {}
    captions: dict[str, tuple] = {}
    if "blocks" in data:
        for name, blocks in data["blocks"].items():
            rows, cols, caps = [], [], []
            for block in blocks:
                bcols = _columns(block["columns"])
                cols += [c for c in bcols if c.id not in {x.id for x in cols}]
                rows += [_row(r, bcols, block) for r in block["rows"]]
                caps.append((block["id"], label_pattern([block["caption"]])))
            layouts[name] = Layout(tid, name, tuple(rows), tuple(cols))
            captions[name] = tuple(caps)
        columns = ()
    else:
        columns = _columns(data["columns"])
        for name, rows in data["layouts"].items():
            layouts[name] = Layout(tid, name, tuple(_row(r, columns) for r in rows), columns)
    return TableSpec(
        id=tid, caption=data["caption"], evidence=tuple(compact(e) for e in data.get("evidence", [])),
        columns=columns, column_groups=tuple(data.get("column_groups", [])), layouts=layouts,
        layout_signals={k: tuple(v) for k, v in data.get("layout_signals", {}).items()},
        default_layout=str(data["default_layout"]), captions=captions, caption_en=data.get("caption_en", ""))


@lru_cache(maxsize=4)
def load_layouts(path: str | None = None) -> dict[str, TableSpec]:
    file = Path(path) if path else builtin_rules_dir() / "table-layouts.yaml"
    with open(file, encoding="utf-8") as fh:
        data = yamlsafe.load(fh)
    return {tid: _spec(tid, spec) for tid, spec in data["tables"].items()}
