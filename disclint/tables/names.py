"""What the official form prints for a table, a row and a column — the words a finding names
them by (issue 13): 「收到和处理政府信息公开申请情况」表, 「四、结转下年度继续办理」行,
「法人或其他组织·商业企业」列. The labels are data (rules/table-layouts.yaml, per era, with their
English names); an internal id never reaches a message."""
from __future__ import annotations

import re

from .layout import Layout, load_layouts

_NUMBERED_ITEM = re.compile(r"^[0-9]+[.、]")


def table_name(table_id: str, lang: str = "zh") -> str:
    spec = load_layouts().get(table_id)
    if spec is None:
        return ""
    return spec.caption_en if lang == "en" and spec.caption_en else spec.caption


def _layout(table_id: str, layout: str | None) -> Layout | None:
    spec = load_layouts().get(table_id)
    if spec is None:
        return None
    return spec.layouts.get(layout or spec.default_layout) or next(iter(spec.layouts.values()))


def row_name(table_id: str, layout: str | None, row_id: str, lang: str = "zh") -> str:
    """The row's printed label; a numbered item (1.属于国家秘密) with the heading it sits under
    (（三）不予公开), a 第二十条 row with its block (第二十条第（五）项·行政许可). Empty for the
    one unlabelled row of the appeals table."""
    lay = _layout(table_id, layout)
    row = lay.row(row_id) if lay else None
    if row is None or not row.label:
        return ""
    en = lang == "en" and row.en
    label = row.en if en else row.label
    if row.block:
        return f"{row.block_en} / {label}" if en and row.block_en else f"{row.block}·{label}"
    if not en and _NUMBERED_ITEM.match(row.label):
        parent = _parent(lay, row_id)
        if parent:
            return f"{parent.label}·{label}"
    return label


def _parent(lay: Layout, row_id: str):
    parent = None
    for r in lay.rows:
        if r.id == row_id:
            return parent
        if not r.numeric:
            parent = r
    return None


def column_name(table_id: str, layout: str | None, col_id: str, lang: str = "zh") -> str:
    """The column's printed header with the headers above it (法人或其他组织·商业企业,
    行政诉讼·未经复议直接起诉·总计)."""
    spec = load_layouts().get(table_id)
    lay = _layout(table_id, layout)
    col = next((c for c in lay.columns if c.id == col_id), None) if lay else None
    if col is None:
        return ""
    groups = {g["id"]: g for g in spec.column_groups}
    path = [col.en if lang == "en" and col.en else col.label]
    group = groups.get(col.group) if col.group else next(
        (g for g in spec.column_groups if col_id in g.get("members", [])), None)
    while group is not None:
        path.insert(0, group.get("en") if lang == "en" and group.get("en") else group["label"])
        group = groups.get(group.get("parent"))
    return (" / " if lang == "en" else "·").join(path)


def cell_names(table_id: str, layout: str | None, row_id: str, col_id: str) -> dict[str, str]:
    """The fields a finding about one cell names it by, in both languages: caption_, row_label_ and
    column_label_zh/_en (the appeals table's one unlabelled row is 数据行, "the row")."""
    out = {}
    for lang in ("zh", "en"):
        out[f"caption_{lang}"] = table_name(table_id, lang)
        out[f"row_label_{lang}"] = row_name(table_id, layout, row_id, lang) or ("the row" if lang == "en" else "数据行")
        out[f"column_label_{lang}"] = column_name(table_id, layout, col_id, lang)
    return out


def cell_place(table_id: str, layout: str | None, row_id: str, col_id: str, lang: str = "zh") -> str:
    """『row』行『column』列 (row "…", column "…"); the column alone in the unlabelled row."""
    row = row_name(table_id, layout, row_id, lang)
    col = column_name(table_id, layout, col_id, lang)
    if lang == "en":
        return f'row "{row}", column "{col}"' if row else f'column "{col}"'
    return f"『{row}』行『{col}』列" if row else f"『{col}』列"
