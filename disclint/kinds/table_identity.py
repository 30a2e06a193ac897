"""An arithmetic identity of a rebuilt table does not hold (finding kind `table-identity`).

The identity is data: an expression over row and column ids (disclint.tables.identity, parsed
with Lark, never eval'd), instantiated for each value of its `forall` variables. It is checked
only where every cell it names was read: a row that could not be read is a `table-shape`
matter. A blank component counts as 0; a blank total with non-zero parts is not an arithmetic
error but a missing figure (the `table-cell` rule reports it), so it is skipped here.
"""
from __future__ import annotations

from ..model import Document
from ..tables.identity import ExpressionError, bind, bound_identities, parse_expression
from ..tables.layout import load_layouts

KIND = "table-identity"
FINDING_KIND = "table-identity"
PARAMS = {
    "table": (str, True),  # proactive | requests | appeals
    "expression": (str, True),  # e.g. r1_new.$c + r2_carry_in.$c == r3_7_total.$c + r4_carry_out.$c
    "forall": (dict[str, (list[str], str)], False),  # {$c: [np, …]} or {$r: all_numeric_rows}
    "layouts": (list[(str, int)], False),  # table layouts the identity belongs to ("2019", "2021"); all if absent
    "soft": (bool, False),  # a plausibility check: not used to cut run-together numbers
    "identity": (str, True),  # the id of report-format.yaml (T3-BAL …), for messages and docs
}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "column", "column_label", "expected", "expression", "identity", "row", "row_label",
          "section", "table", "table_column")


def validate(params: dict, vocab) -> str | None:
    specs = load_layouts()
    spec = specs.get(params["table"])
    if spec is None:
        return f"unknown table '{params['table']}'; known: {sorted(specs)}"
    try:
        expr = parse_expression(params["expression"])
    except ExpressionError as e:
        return str(e)
    forall = params.get("forall", {})
    missing = expr.variables() - set(forall)
    if missing:
        return f"variable(s) {sorted(missing)} have no forall list"
    layouts = [str(x) for x in params.get("layouts", spec.layouts)]
    for name in layouts:
        layout = spec.layouts.get(name)
        if layout is None:
            return f"table {spec.id} has no layout '{name}'"
        rows = {r.id for r in layout.numeric_rows}
        cols = {c.id for c in layout.columns}
        try:
            bounds = bind(expr, forall, layout)
        except ExpressionError as e:
            return str(e)
        for b in bounds:
            for row, col in b.cells:
                if row not in rows or col not in cols:
                    return f"layout {name} of table {spec.id} has no cell {row}.{col} (rows: {sorted(rows)})"
        for side in (expr.left, expr.right):
            for t in side:
                if t.is_sum and not any(b.cells for b in bounds):
                    return f"sum({t.ref}) matches no row of layout {name}"
    return None


def check(doc: Document, rule):
    p = rule.params
    table = doc.tables.get(p["table"])
    if table is None:
        return
    if p.get("layouts") and table.layout not in [str(x) for x in p["layouts"]]:
        return
    for bound in bound_identities(p["expression"], p.get("forall", {}), table.id, table.layout):
        measured = _measure(table.cells, bound)
        if measured is None:
            continue
        lhs, rhs, blanks = measured
        if blanks == len(bound.cells):
            continue  # a wholly blank line of the table: missing-statistic's matter
        if blanks and any(table.cell(r, c).blank and is_total(r, c) for r, c in bound.cells):
            continue  # a blank total is a missing figure (table-cell), not an arithmetic error
        if bound.holds(lhs, rhs):
            continue
        yield _finding(rule, table, bound, lhs, rhs)


_NO_ROW: dict = {}


def _measure(cells: dict, bound) -> tuple[float, float, int] | None:
    """Both sides of the identity (blanks as 0, added up as resolve.evaluate does) and how many
    of its cells are blank; None when a cell it names was not read. One pass over the cells, as
    every identity of every report comes through here."""
    sides = []
    blanks = 0
    for terms in (bound.left, bound.right):
        total = 0.0
        for sign, row, col in terms:
            cell = cells.get(row, _NO_ROW).get(col)
            if cell is None:
                return None
            if cell.blank:
                blanks += 1
            value = cell.value
            total += sign * (0 if value is None else value)
        sides.append(total)
    return sides[0], sides[1] + bound.constant, blanks


def _finding(rule, table, bound, lhs: float, rhs: float):
    p = rule.params
    layout = load_layouts()[table.id].layouts[table.layout]
    # The single cell of a side is the one written wrong; for sum = sum (一+二 = 七+四) the
    # right side is measured against the left, as reviewers read the table note.
    if len(bound.left) == 1 and len(bound.right) != 1:
        actual_ref, expected, actual = bound.left[0], rhs, lhs
    else:
        actual_ref, expected, actual = (bound.right[0] if bound.right else bound.left[0]), lhs, rhs
    _, row, col = actual_ref
    target = table.cell(row, col)
    return rule.finding(FINDING_KIND, start=target.start, end=target.end, table=table.id, row=row,
                        table_column=col, column=col, expected=_num(expected), actual=_num(actual),
                        where=dict(target.where), section=p["table"], identity=p["identity"],
                        expression=_show(bound), row_label=_label(layout, row), column_label=_column(layout, col))


def _num(x: float) -> int | float:
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)


def _show(bound) -> str:
    def side(terms):
        out = ""
        for k, (sign, r, c) in enumerate(terms):
            out += ("" if k == 0 and sign > 0 else (" + " if sign > 0 else " - ")) + f"{r}.{c}"
        return out or "0"
    return f"{side(bound.left)} {bound.comp} {side(bound.right)}"


def is_total(row: str, col: str) -> bool:
    """总计 cells: the （七）总计 row, the 总计 column, the three 复议/诉讼 totals."""
    return row.endswith("_total") or col == "total" or col.endswith("_total")


def _label(layout, row: str) -> str:
    r = layout.row(row)
    return r.label if r and r.label else row


def _column(layout, col: str) -> str:
    c = next((c for c in layout.columns if c.id == col), None)
    if c is None:
        return col
    groups = {"rev": "行政复议", "direct": "未经复议直接起诉", "after": "复议后起诉"}
    return f"{groups[c.group]}·{c.label}" if c.group in groups else c.label
