"""Build one table: grid first, running text otherwise; header order; layout; identities."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Document
from ..normalize import compact
from .grid import grid_rows, header_labels, sheets
from .identity import Bound, bound_identities
from .layout import Layout, TableSpec
from .rawrow import RawRow
from .resolve import resolve
from .scan import anchor, chain, compact_of, find_rows, header_tokens, label_alternation
from .table import Table
from .values import RUN, parse_cell, pieces

_LEAVES = {"结果维持": "maintain", "结果纠正": "correct", "其他结果": "other", "尚未审结": "pending", "总计": "total"}
_GROUPS = {"行政复议": "@rev", "行政诉讼": "@lit", "未经复议直接起诉": "@direct", "复议后起诉": "@after"}


class TableIdentities:
    """The hard identities of a rule set's table-identity rules, per table and layout, used to cut
    run-together numbers (soft plausibility checks are not). The engine makes one per rule set and
    hands it to the builders, which never read the rule packs themselves."""

    def __init__(self, params: Iterable[dict] = ()):
        self._params = tuple(params)
        self._bound: dict[tuple[str, str], tuple[Bound, ...]] = {}

    def __call__(self, table_id: str, layout_name: str) -> tuple[Bound, ...]:
        key = (table_id, layout_name)
        if key not in self._bound:
            out: list[Bound] = []
            for p in self._params:
                if p.get("table") != table_id or p.get("soft"):
                    continue
                if p.get("layouts") and layout_name not in [str(x) for x in p["layouts"]]:
                    continue
                out += bound_identities(p["expression"], p.get("forall", {}), table_id, layout_name)
            self._bound[key] = tuple(out)
        return self._bound[key]


def build_table(doc: Document, spec: TableSpec, identities: TableIdentities) -> Table | None:
    builder = {"requests": _requests, "appeals": _appeals, "proactive": _proactive}[spec.id]
    return builder(doc, spec, identities)


def _new(doc: Document, spec: TableSpec, layout: Layout, start: int | None, origin: str) -> Table:
    line = doc.position(start)[0] if start is not None else None
    return Table(id=spec.id, layout=layout.name, line=line, start=start,
                 row_ids=tuple(r.id for r in layout.numeric_rows),
                 columns=tuple(c.id for c in layout.columns), origin=origin)


def _finish(doc, spec, layout, raws, identities: TableIdentities, origin, order=None, start=None) -> Table:
    first = start if start is not None else min((r.start for r in raws), default=None)
    table = _new(doc, spec, layout, first, origin)
    table.identities = identities(spec.id, layout.name)  # kept for the repair (tables.repair)
    resolve(table, layout, raws, list(table.identities), order)
    return table


# --- requests -------------------------------------------------------------------------------

def _requests_columns(spec: TableSpec):
    keys = {compact(c.label): c.id for c in spec.columns}
    keys.update({compact(g["label"]): "@" + g["id"] for g in spec.column_groups})
    return keys


def _order_from_header(tokens: list[str], spec: TableSpec) -> tuple[str, ...] | None:
    """Column order from header labels read left to right, top row first: 自然人 | 法人或其他组织 |
    总计 over 商业企业 … 其他 expands to np biz res npo law oth total. None unless complete."""
    ids = [c.id for c in spec.columns]
    group = next(iter(spec.column_groups), None)
    members = group["members"] if group else []
    if group and "@" + group["id"] in tokens:
        at = tokens.index("@" + group["id"])
        top = [t for t in tokens if t not in members]
        inner = [t for t in tokens[at + 1:] if t in members]
        order = []
        for t in top:
            order += inner if t == "@" + group["id"] else [t]
    else:
        order = [t for t in tokens if not t.startswith("@")]
    return tuple(order) if sorted(order) == sorted(ids) else None


def _requests_grid_map(spec: TableSpec):
    keys = _requests_columns(spec)
    default = tuple(c.id for c in spec.columns)

    def column_map(header_rows, width):
        if header_rows:
            found = header_labels(header_rows, keys)
            mapping = {j: ids[-1] for j, ids in found.items() if not ids[-1].startswith("@")}
            if sorted(mapping.values()) == sorted(default):
                return mapping
            return None
        return {width - len(default) + k: c for k, c in enumerate(default)} if width >= len(default) + 1 else None

    return column_map


def _pick_layout(doc: Document, spec: TableSpec, lo: int, hi: int) -> tuple[Layout, list]:
    comp = compact_of(doc)
    best = None
    signalled = spec.detect_layout(comp.text[lo:hi])
    memo: dict = {}  # the layouts share most of their labels: search each once
    for name, layout in spec.layouts.items():
        found = chain(comp, list(layout.rows), lo, hi, memo)
        numeric = sum(1 for r, _, _ in found if r.numeric)
        key = (numeric, name == signalled)
        if best is None or key > best[0]:
            best = (key, layout, found)
    return best[1], best[2]


def _requests(doc: Document, spec: TableSpec, identities: TableIdentities) -> Table | None:
    any_layout = spec.layouts[spec.default_layout]
    if sheets(doc):
        for layout in _layouts_by_signal(doc, spec):
            raws = grid_rows(doc, spec, layout, _requests_grid_map(spec))
            if len(raws) >= 3:
                return _finish(doc, spec, layout, raws + _continued_rows(doc, layout, raws), identities, "grid")
    comp = compact_of(doc)
    a = anchor(comp, spec, list(any_layout.rows))
    if a is None:
        return None
    lo = max(0, a - 600)
    hi = min(len(comp.text), a + 6000)
    cut = comp.text.find("结果维持", a)
    if cut > 0:
        hi = min(hi, cut)
    layout, found = _pick_layout(doc, spec, a, hi)
    if not found:
        return _evidence_only(doc, spec, layout, comp, a)
    first = found[0][1]
    order = _text_header_order(comp, spec, lo, first)
    raws = find_rows(doc, layout, a, hi, found)
    for r in raws:
        r.columns = order or ()
    return _finish(doc, spec, layout, raws, identities, "text", order, start=comp.offset(lo if order else first))


def _continued_rows(doc: Document, layout: Layout, raws: list) -> list:
    """The last rows of a grid table that ran onto the next page, where the PDF reader saw a line
    of text rather than a table (the filled official template printed to PDF: 「四、结转下年度继续
    办理3 0 0 0 0 0 2」 alone on page 3, under a grid that ends at （七）总计). Only rows after the
    grid's last, starting on the line right after it."""
    have = {r.row.id for r in raws}
    numeric = list(layout.numeric_rows)
    last = max((k for k, r in enumerate(numeric) if r.id in have), default=-1)
    missing = numeric[last + 1:]
    if not missing or doc.source.format != "pdf":
        return []
    line = doc.position(max(r.start for r in raws))[0]
    if line >= len(doc._line_starts):
        return []
    comp = compact_of(doc)
    lo = comp.index(doc._line_starts[line])
    hi = min(len(comp.text), lo + 400)
    found = chain(comp, missing, lo, hi)
    if not found or found[0][1] != lo:
        return []
    return find_rows(doc, layout, lo, hi, found)


def _text_header_order(comp, spec: TableSpec, lo: int, first: int) -> tuple[str, ...] | None:
    text = comp.text
    marks = [text.rfind(m, lo, first) for m in ("申请人情况", "勾稽关系")]
    begin = max(marks)
    if begin < 0:
        return None
    tokens = [t for t, _ in header_tokens(comp, begin, first, _requests_columns(spec))]
    return _order_from_header(tokens, spec)


def _evidence_only(doc, spec, layout, comp, a) -> Table:
    """The table's words are there but none of its rows could be found."""
    table = _new(doc, spec, layout, comp.offset(a), "text")
    from .table import Unread

    table.unreadable.append(Unread(None, None, "no-rows", spec.caption, comp.offset(a)))
    return table


def _layouts_by_signal(doc: Document, spec: TableSpec) -> list[Layout]:
    name = spec.detect_layout(compact_of(doc).text)
    return [spec.layouts[name]] + [l for n, l in spec.layouts.items() if n != name]


# --- appeals --------------------------------------------------------------------------------

def _appeals_order(tokens: list[str]) -> tuple[str, ...] | None:
    """15 column ids from header labels: leaves in order, groups in the order their labels come."""
    leaves = [t for t in tokens if not t.startswith("@")]
    groups = [t for t in tokens if t.startswith("@")]
    if len(leaves) != 15:
        return None
    top = "rev" if "@lit" not in groups or "@rev" in groups and groups.index("@rev") < groups.index("@lit") else "lit"
    sub = ["direct", "after"]
    if "@after" in groups and "@direct" in groups and groups.index("@after") < groups.index("@direct"):
        sub = ["after", "direct"]
    seq = ["rev", *sub] if top == "rev" else [*sub, "rev"]
    order = []
    for k, leaf in enumerate(leaves):
        order.append(f"{seq[k // 5]}_{leaf}")
    for g in seq:
        if sorted(o for o in order if o.startswith(g + "_")) != sorted(f"{g}_{x}" for x in _LEAVES.values()):
            return None
    return tuple(order)


def _appeals(doc: Document, spec: TableSpec, identities: TableIdentities) -> Table | None:
    layout = spec.layouts[_profile_layout(doc, spec)]
    row = layout.numeric_rows[0]
    default = tuple(c.id for c in layout.columns)
    table = _appeals_grid(doc, spec, layout, row, default, identities)
    if table is not None:
        return table
    comp = compact_of(doc)
    keys = {**_LEAVES, **_GROUPS}
    runs = _header_runs(comp, keys)
    if not runs:
        if not any(w in comp.text for w in spec.evidence):
            return None
        return _appeals_fallback(doc, spec, layout, row, comp, identities)
    lo, hi, tokens = max(runs, key=lambda r: sum(1 for t in r[2] if not t.startswith("@")))
    order = _appeals_order(tokens) or default
    start = comp.end_offset(hi)
    m = RUN.match(doc.norm, start)
    tokens_found = pieces(m.group(), start) if m else []
    raws = [RawRow(row=row, start=start, tokens=tokens_found, columns=order)]
    return _finish(doc, spec, layout, raws, identities, "text", order, start=comp.offset(lo))


def _profile_layout(doc: Document, spec: TableSpec) -> str:
    return doc.profile if doc.profile in spec.layouts else spec.default_layout


def _header_runs(comp, keys: dict[str, str]) -> list[tuple[int, int, list[str]]]:
    """Runs of appeals header labels with at most a few characters between them."""
    found = header_tokens(comp, 0, len(comp.text), keys)
    alternation = label_alternation(tuple(keys))
    runs, current = [], None
    for label_id, pos in found:
        end = pos + len(alternation.match(comp.text, pos).group())
        if current and pos - current[1] <= 2:
            current[1] = end
            current[2].append(label_id)
        else:
            current = [pos, end, [label_id]]
            runs.append(current)
    return [(s, e, t) for s, e, t in runs if sum(1 for x in t if not x.startswith("@")) >= 5]


def _appeals_fallback(doc, spec, layout, row, comp, identities) -> Table | None:
    """Vertical one-character headers (flip-book PDFs): take the first run of 15 or more numbers
    after the table's caption."""
    at = min((comp.text.find(w) for w in spec.evidence if w in comp.text), default=-1)
    begin = comp.offset(max(0, at))
    for m in RUN.finditer(doc.norm, begin, min(len(doc.norm), begin + 3000)):
        toks = pieces(m.group(), m.start())
        digits = sum(len(t) for t, _ in toks if t[:1].isdigit())
        if len(toks) >= 8 and digits >= 15:
            raws = [RawRow(row=row, start=m.start(), tokens=toks, columns=tuple(c.id for c in layout.columns))]
            return _finish(doc, spec, layout, raws, identities, "text", start=comp.offset(max(0, at)))
    return None


def _appeals_grid(doc, spec, layout, row, default, identities) -> Table | None:
    keys = {**_LEAVES, **_GROUPS}
    for sheet in sheets(doc):
        header_end = None
        for i, cells in enumerate(sheet.rows):
            if any(compact(c or "") in _LEAVES and compact(c or "") != "总计" for c in cells):
                header_end = i
        if header_end is None:
            continue
        header = sheet.rows[: header_end + 1]
        found = header_labels(header, keys)
        leaf_cols = sorted(j for j, ids in found.items() if not ids[-1].startswith("@"))
        group_pos = {}
        for j, ids in found.items():
            for x in ids:
                if x.startswith("@"):
                    group_pos.setdefault(x, j)
        tokens = [g for g, _ in sorted(group_pos.items(), key=lambda kv: kv[1])] + [found[j][-1] for j in leaf_cols]
        order = _appeals_order(tokens)
        if order is None:
            if len(leaf_cols) != 15:
                continue
            order = default
        data_i = header_end + 1
        if data_i >= len(sheet.rows):
            continue
        cells = sheet.rows[data_i]
        got = {}
        for k, j in enumerate(leaf_cols):
            raw = cells[j] if j < len(cells) and cells[j] is not None else ""
            off = sheet.offsets[data_i][j] if j < len(sheet.offsets[data_i]) else None
            where = {**sheet.where, "row": data_i + 1, "col": j + 1} if sheet.where else {}
            got[order[k]] = parse_cell(raw, off, off + len(raw) if off is not None else None, where)
        raws = [RawRow(row=row, start=sheet.row_starts[data_i], cells=got)]
        return _finish(doc, spec, layout, raws, identities, "grid", start=sheet.row_starts[0])
    return None


# --- proactive ------------------------------------------------------------------------------

def _proactive(doc: Document, spec: TableSpec, identities: TableIdentities) -> Table | None:
    comp = compact_of(doc)
    first = min((m.start() for caps in spec.captions.values() for _, p in caps for m in [p.search(comp.text)] if m),
                default=None)
    if first is None:
        return None
    name = spec.detect_layout(comp.text[first: first + 1500])
    layout = spec.layouts[name]
    if sheets(doc):
        raws = grid_rows(doc, spec, layout, None, per_row=True)
        if len(raws) >= 2:
            return _finish(doc, spec, layout, raws, identities, "grid")
    captions = [m.start() for _, p in spec.captions[name] for m in [p.search(comp.text)] if m]
    if not captions:
        return None
    lo = min(captions)
    hi = min(len(comp.text), lo + 1500)
    stop = comp.text.find("勾稽关系", lo)
    if 0 < stop < hi:
        hi = stop
    raws = find_rows(doc, layout, lo, hi)
    if not raws:
        return None
    return _finish(doc, spec, layout, raws, identities, "text", start=comp.offset(lo))
