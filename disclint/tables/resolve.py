"""Rows as found → typed cells, choosing among the ways a run of digits can be cut.

The table's own identities decide (issue 3): a cut is kept when every identity that lies wholly
inside its row holds (`$r.total == $r.np + …`, the three 复议/诉讼 totals); rows still open are
then tried together against the column identities (一+二 = （七）+四, （七）总计 = Σ results). When
more than one cut survives, or none fits, the row is reported unreadable and nothing is checked
on it — a guess could invent an arithmetic error the report does not have.
"""
from __future__ import annotations

from itertools import product

from .identity import Bound
from .layout import Column, Layout
from .rawrow import RawRow
from .table import Cell, Table, Unread
from .values import parse_cell, splits

_MAX_COMBINATIONS = 20000


def _fits(cell: Cell, column: Column, lenient: bool = False) -> bool:
    """A cut piece must suit its column: signs only in 本年增/减, decimals and 元 only in money.
    Leniently (when nothing else fits) a count may carry a sign: a written -3 is a table-cell
    finding, not an unreadable row."""
    raw = cell.raw.strip()
    if cell.value is None:
        return cell.blank
    if raw[:1] in "+-" and column.type != "signed" and not lenient:
        return False
    if isinstance(cell.value, float) and column.type != "money":
        return False
    if cell.unit in ("元", "万元") and column.type != "money":
        return False
    return True


def _candidates(raw: RawRow, columns: tuple[Column, ...]) -> tuple[list[dict[str, Cell]], Unread | None]:
    if raw.cells is not None:
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
    if raw.stray:
        return [], Unread(raw.row.id, None, "stray-text", raw.stray[:40], raw.start)
    tokens = raw.tokens or []
    cuts = splits(tokens, len(columns)) if tokens else []
    out, seen = [], set()
    for lenient in (False, True):
        for cut in cuts:
            if lenient and len(cut) != len(tokens):
                continue  # only whole tokens as written may keep a sign a count should not have
            cells = [parse_cell(text, off, off + len(text)) for text, off in cut]
            if not all(_fits(c, col, lenient) for c, col in zip(cells, columns)):
                continue
            key = tuple((c.value, c.blank) for c in cells)
            if key in seen:
                continue
            seen.add(key)
            out.append({col.id: c for col, c in zip(columns, cells)})
        if out:
            break
    if not out:
        written = " ".join(t for t, _ in tokens)
        return [], Unread(raw.row.id, None, "cell-count", f"{written or '—'} → {len(columns)}", raw.start)
    return out, None


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
    own_row = [b for b in identities if b.comp == "==" and len({r for r, _ in b.cells}) == 1]
    for rid, cands in options.items():
        if len(cands) > 1:
            checks = [b for b in own_row if b.cells[0][0] == rid]
            kept = [c for c in cands if all(_holds(b, {rid: c}) is not False for b in checks)]
            options[rid] = kept or cands
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
