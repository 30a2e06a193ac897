"""Rows as found → typed cells, choosing among the ways a run of digits can be cut.

The table's own identities decide (issue 3): a cut is kept when every identity that lies wholly
inside its row holds (`$r.total == $r.np + …`, the three 复议/诉讼 totals); rows still open are
then tried together against the column identities (一+二 = （七）+四, （七）总计 = Σ results). When
more than one cut survives, or none fits, the row is reported unreadable and nothing is checked
on it — a guess could invent an arithmetic error the report does not have.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from .identity import Bound
from .layout import Column, Layout
from .rawrow import RawRow
from .table import Cell, Table, Unread
from .values import Cut, parse_cell, read_cell, split_plan

_MAX_COMBINATIONS = 20000


def _fits(raw: str, reading: tuple, column_type: str, lenient: bool = False) -> bool:
    """A cut piece (its text and read_cell reading) must suit its column: signs only in 本年增/减,
    decimals and 元 only in money. Leniently (when nothing else fits) a count may carry a sign: a
    written -3 is a table-cell finding, not an unreadable row."""
    value, blank, unit = reading
    if value is None:
        return blank
    if raw.strip()[:1] in "+-" and column_type != "signed" and not lenient:
        return False
    if isinstance(value, float) and column_type != "money":
        return False
    if unit in ("元", "万元") and column_type != "money":
        return False
    return True


def _candidates(raw: RawRow, columns: tuple[Column, ...]) -> tuple[list[dict[str, Cell]], Unread | None]:
    if raw.cells is not None:
        return _grid_candidates(raw)
    if raw.stray:
        return [], Unread(raw.row.id, None, "stray-text", raw.stray[:40], raw.start)
    tokens = raw.tokens or []
    cuts = _fitting_cuts(tuple(t for t, _ in tokens), tuple(c.type for c in columns)) if tokens else ()
    if not cuts:
        written = " ".join(t for t, _ in tokens)
        return [], Unread(raw.row.id, None, "cell-count", f"{written or '—'} → {len(columns)}", raw.start)
    out = []
    for cut in cuts:
        cells = {}
        for col, (k, pos, text) in zip(columns, cut):
            start = tokens[k][1] + pos
            cells[col.id] = parse_cell(text, start, start + len(text))
        out.append(cells)
    return out, None


def _grid_candidates(raw: RawRow) -> tuple[list[dict[str, Cell]], Unread | None]:
    cells, bad = {}, []
    for col, cell in raw.cells.items():
        if cell.value is None and not cell.blank:
            bad.append(col)
        else:
            cells[col] = cell
    problem = None
    if bad:
        problem = Unread(raw.row.id, ",".join(bad), "not-a-number",
                         " ".join(raw.cells[c].raw for c in bad), raw.cells[bad[0]].start, raw.cells[bad[0]].where)
    return [cells], problem


@lru_cache(maxsize=4096)
def _fitting_cuts(texts: tuple[str, ...], types: tuple[str, ...]) -> tuple[Cut, ...]:
    """The cuts of a run into cells that suit the columns' types, one per distinct reading.
    They depend on the written tokens and column types only, so they are cached: the same runs
    (0000000, 0 0 0 0 0 0 0) come back in report after report."""
    cuts = split_plan(texts, len(types))
    out, seen = [], set()
    for lenient in (False, True):
        for cut in cuts:
            if lenient and len(cut) != len(texts):
                continue  # only whole tokens as written may keep a sign a count should not have
            readings = [read_cell(text) for _, _, text in cut]
            if not all(_fits(text, r, t, lenient) for (_, _, text), r, t in zip(cut, readings, types)):
                continue
            key = tuple((value, blank) for value, blank, _ in readings)
            if key in seen:
                continue
            seen.add(key)
            out.append(cut)
        if out:
            break
    return tuple(out)


def _value(cells: dict[str, dict[str, Cell]], row: str, col: str) -> float | None:
    cell = cells.get(row, {}).get(col)
    return None if cell is None else cell.number


def evaluate(bound: Bound, cells: dict[str, dict[str, Cell]]) -> tuple[float, float] | None:
    """Both sides of one identity, blanks as 0; None when a cell it needs was not read."""
    sides = []
    for side in (bound.left, bound.right):
        total = 0.0
        for sign, row, col in side:
            v = _value(cells, row, col)
            if v is None:
                return None
            total += sign * v
        sides.append(total)
    return sides[0], sides[1] + bound.constant


def _holds(bound: Bound, cells) -> bool | None:
    sides = evaluate(bound, cells)
    return None if sides is None else bound.holds(*sides)


def resolve(table: Table, layout: Layout, raws: list[RawRow], identities: list[Bound],
            order: tuple[str, ...] | None = None) -> None:
    """Fill `table.cells` and `table.unreadable` from the rows found."""
    by_id = {c.id: c for c in layout.columns}
    options: dict[str, list[dict[str, Cell]]] = {}
    starts: dict[str, int] = {}
    for raw in raws:
        rid = raw.row.id
        if rid in options:
            continue  # a label repeated further on (a header printed twice) is not a second row
        cols = tuple(by_id[c] for c in (raw.columns or order or ())) if (raw.columns or order) else raw.row.columns
        cands, problem = _candidates(raw, cols)
        if problem:
            table.unreadable.append(problem)
        if cands:
            options[rid] = cands
            starts[rid] = raw.start
    ambiguous = [rid for rid, cands in options.items() if len(cands) > 1]
    if ambiguous:  # most tables have none: only then look for the identities inside one row
        own_row = [b for b in identities if b.comp == "==" and len({r for r, _ in b.cells}) == 1]
        for rid in ambiguous:
            checks = [b for b in own_row if b.cells[0][0] == rid]
            kept = [c for c in options[rid] if all(_holds(b, {rid: c}) is not False for b in checks)]
            options[rid] = kept or options[rid]
    fixed = {rid: c[0] for rid, c in options.items() if len(c) == 1}
    open_rows = [rid for rid, c in options.items() if len(c) > 1]
    if open_rows:
        fixed.update(_joint(open_rows, options, fixed, identities))
    for rid, cands in options.items():
        if rid in fixed:
            table.cells[rid] = fixed[rid]
        else:
            table.unreadable.append(Unread(rid, None, "ambiguous", f"{len(cands)}", starts.get(rid)))
    for row in layout.numeric_rows:
        if row.id not in options and not row.local and not any(u.row == row.id for u in table.unreadable):
            table.unreadable.append(Unread(row.id, None, "missing-row", row.label))


def _joint(open_rows: list[str], options, fixed, identities: list[Bound]) -> dict[str, dict[str, Cell]]:
    """Try the open rows' cuts together against the identities that involve them."""
    size = 1
    for rid in open_rows:
        size *= len(options[rid])
    if size > _MAX_COMBINATIONS:
        return {}
    relevant = [b for b in identities if b.comp == "==" and any(r in open_rows for r, _ in b.cells)]
    survivors = []
    for combo in product(*(options[r] for r in open_rows)):
        cells = dict(fixed)
        cells.update(zip(open_rows, combo))
        verdicts = [_holds(b, cells) for b in relevant]
        if any(v is False for v in verdicts) or not any(v for v in verdicts):
            continue
        survivors.append(combo)
        if len(survivors) > 1:
            return {}
    return dict(zip(open_rows, survivors[0])) if survivors else {}
