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
from ..tables.names import cell_names
from ..tables.repair import describe_repairs, measure, table_repairs

FINDING_KIND = "table-identity"
PARAMS = {
    "table": (str, True),  # proactive | requests | appeals
    "expression": (str, True),  # e.g. r1_new.$c + r2_carry_in.$c == r3_7_total.$c + r4_carry_out.$c
    "forall": (dict[str, (list[str], str)], False),  # {$c: [np, …]} or {$r: all_numeric_rows}
    "layouts": (list[(str, int)], False),  # table layouts the identity belongs to ("2019", "2021"); all if absent
    "soft": (bool, False),  # a plausibility check: not used to cut run-together numbers
    "identity": (str, True),  # the id of report-format.yaml (T3-BAL …), for messages and docs
}
# the fields its messages may name (engine.template); the words among them come as x_zh and x_en
FIELDS = ("caption", "row_label", "column_label", "left", "right", "difference", "repair", "identity",
          "expected", "actual")


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
        status = measure(table, bound)
        if status is None or bound.holds(status.lhs, status.rhs):
            continue
        yield _finding(rule, table, bound, status)


def _finding(rule, table, bound, status):
    p = rule.params
    # The cell the identity reports on: the single cell of a side (the total); for sum = sum
    # (一+二 = 七+四) the right side is measured against the left, as reviewers read the note.
    if len(bound.left) == 1 and len(bound.right) != 1:
        actual_ref, expected, actual = bound.left[0], status.rhs, status.lhs
    else:
        actual_ref, expected, actual = (bound.right[0] if bound.right else bound.left[0]), status.lhs, status.rhs
    _, row, col = actual_ref
    options = table_repairs(table).get(bound, ()) if bound.comp == "==" and not p.get("soft") else ()
    # Point at the cell to change when the identities determine it, not at the total they share.
    shown = options[0][0] if len(options) == 1 and len(options[0]) == 1 else None
    target = table.cell(shown.row, shown.column) if shown else table.cell(row, col)
    names = cell_names(table.id, table.layout, row, col)
    names |= {f"{key}_{lang}": value for lang in ("zh", "en") for key, value in (
        ("left", _side(table, bound.left, 0, lang)),
        ("right", _side(table, bound.right, bound.constant, lang)),
        ("repair", describe_repairs(table, options, lang)))}
    return rule.finding(FINDING_KIND, start=target.start, end=target.end, table=table.id, row=row,
                        table_column=col, expected=_num(expected), actual=_num(actual),
                        where=dict(target.where), section=p["table"], identity=p["identity"],
                        difference=_num(abs(status.lhs - status.rhs)),
                        repairs=[[fix.to_json() for fix in option] for option in options], **names)


_SIGNS = {"zh": ("＋", "－", "＝"), "en": (" + ", " - ", " = ")}
_MAX_TERMS = 8  # a longer sum (the 22 result rows) is shown by its non-zero terms or its total


def _side(table, terms, constant: float, lang: str) -> str:
    """One side with its numbers as the reader adds them: 14＋2＝16; a single cell is its value."""
    plus, minus, equals = _SIGNS[lang]
    values = [(sign, table.cell(r, c).number) for sign, r, c in terms]
    if constant:
        values.append((1 if constant > 0 else -1, abs(constant)))
    total = sum(sign * v for sign, v in values)
    if len(values) == 1 and values[0][0] > 0:
        return _text(total)
    if len(values) > _MAX_TERMS:
        values = [(sign, v) for sign, v in values if v]
        if len(values) > _MAX_TERMS or len(values) <= 1:
            return _text(total)
    out = ""
    for k, (sign, v) in enumerate(values):
        out += ("" if k == 0 and sign > 0 else (plus if sign > 0 else minus)) + _text(v)
    return f"{out}{equals}{_text(total)}"


def _text(x: float) -> str:
    return str(_num(x))


def _num(x: float) -> int | float:
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)
