"""Table identities as data: `r1_new.$c + r2_carry_in.$c == r3_7_total.$c + r4_carry_out.$c`,
parsed by a tiny Lark grammar (never eval) and bound, for each value of a `forall` variable, to
concrete cells of one rebuilt table.

Terms are cell references ROW.COL (BLOCK.ROW.COL in the grouped 第二十条 table), `sum(GLOB.COL)`
over the layout's numeric rows whose id matches GLOB (r3_3_*), and integer constants.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lark import Lark, Transformer

from .layout import Layout, load_layouts

_GRAMMAR = r"""
start: side COMP side
side: term (SIGN term)*
?term: ref | total | NUMBER
total: "sum" "(" REF ")"
ref: REF
COMP: "==" | ">=" | "<="
SIGN: "+" | "-"
REF: /\$?[A-Za-z_][A-Za-z0-9_]*\*?(\.\$?[A-Za-z_][A-Za-z0-9_]*\*?)+/
NUMBER: /[0-9]+/
%ignore " "
"""


class ExpressionError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    sign: int  # +1 / -1
    ref: str | None  # ROW.COL, may hold $vars and a glob row
    is_sum: bool = False
    constant: int = 0


@dataclass(frozen=True)
class Expression:
    source: str
    left: tuple[Term, ...]
    comp: str
    right: tuple[Term, ...]

    def variables(self) -> set[str]:
        out = set()
        for t in self.left + self.right:
            if t.ref:
                out |= {p for p in t.ref.split(".") if p.startswith("$")}
        return out


class _Build(Transformer):
    def start(self, c):
        return c[0], str(c[1]), c[2]

    def side(self, c):
        terms, sign = [], 1
        for item in c:
            if isinstance(item, str) and item in "+-" and not isinstance(item, Term):
                sign = 1 if item == "+" else -1
                continue
            if isinstance(item, Term):
                terms.append(Term(sign, item.ref, item.is_sum, item.constant))
            else:
                terms.append(Term(sign, None, constant=int(item)))
            sign = 1
        return tuple(terms)

    def ref(self, c):
        return Term(1, str(c[0]))

    def total(self, c):
        return Term(1, str(c[0]), is_sum=True)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(_GRAMMAR, parser="lalr", cache=True)  # built tables cached in the temp folder


@lru_cache(maxsize=256)
def parse_expression(source: str) -> Expression:
    try:
        tree = _parser().parse(source)
    except Exception as e:  # lark's errors carry the position; keep the message short
        raise ExpressionError(f"cannot parse identity '{source}': {str(e).splitlines()[0]}") from None
    left, comp, right = _Build().transform(tree)
    for t in left + right:
        if t.ref and "*" in t.ref and not t.is_sum:
            raise ExpressionError(f"'{t.ref}': a row pattern with * needs sum(…)")
    return Expression(source, left, comp, right)


@dataclass(frozen=True)
class Bound:
    """An identity for one binding of its variables: concrete (sign, row, col) per side."""

    left: tuple[tuple[int, str, str], ...]
    comp: str
    right: tuple[tuple[int, str, str], ...]
    constant: int  # right-side constants minus left-side ones
    binding: tuple[tuple[str, str], ...]

    # Bounds are built once per rule and layout and read for every document: computed once
    # (cached_property stores into the instance dict, which a frozen dataclass allows).
    @cached_property
    def cells(self) -> tuple[tuple[str, str], ...]:
        return tuple((r, c) for _, r, c in self.left + self.right)

    def holds(self, lhs: float, rhs: float) -> bool:
        if self.comp == "==":
            return abs(lhs - rhs) < 1e-6
        if self.comp == ">=":
            return lhs >= rhs - 1e-6
        return lhs <= rhs + 1e-6


def _split_ref(ref: str) -> tuple[str, str]:
    row, _, col = ref.rpartition(".")
    return row, col


def _expand(terms: tuple[Term, ...], binding: dict[str, str], layout: Layout) -> tuple[list, int]:
    out, const = [], 0
    numeric = _numeric_ids(layout)
    for t in terms:
        if t.ref is None:
            const += t.sign * t.constant
            continue
        ref = ".".join(binding.get(p, p) for p in t.ref.split("."))
        row, col = _split_ref(ref)
        rows = [r for r in numeric if fnmatch.fnmatchcase(r, row)] if t.is_sum else [row]
        out += [(t.sign, r, col) for r in rows]
    return out, const


def _numeric_ids(layout: Layout) -> list[str]:
    return [r.id for r in layout.numeric_rows]


def bind(expr: Expression, forall: dict[str, list[str]], layout: Layout) -> list[Bound]:
    """Every instance of `expr` over the `forall` lists (`all_numeric_rows` = the layout's)."""
    names = sorted(expr.variables())
    values: list[list[str]] = []
    for name in names:
        vals = forall.get(name)
        if vals == "all_numeric_rows" or vals == ["all_numeric_rows"]:
            vals = [r.id for r in layout.numeric_rows]
        if not vals:
            raise ExpressionError(f"variable {name} has no values in forall")
        values.append(list(vals))
    combos: list[dict[str, str]] = [{}]
    for name, vals in zip(names, values):
        combos = [{**c, name: v} for c in combos for v in vals]
    out = []
    for binding in combos:
        left, lc = _expand(expr.left, binding, layout)
        right, rc = _expand(expr.right, binding, layout)
        out.append(Bound(tuple(left), expr.comp, tuple(right), rc - lc, tuple(sorted(binding.items()))))
    return out


def bound_identities(expression: str, forall: dict, table_id: str, layout_name: str) -> tuple[Bound, ...]:
    """`bind` for an identity of a rule on a built-in layout. It depends on the rule and the
    layout only, never on the document, so it is worked out once per rule and layout instead of
    for every report."""
    try:
        key = tuple(sorted((k, v if isinstance(v, str) else tuple(v)) for k, v in forall.items()))
        hash(key)
    except TypeError:  # a forall value that cannot be a cache key: bind it each time
        return tuple(bind(parse_expression(expression), forall, load_layouts()[table_id].layouts[layout_name]))
    return _bound_builtin(expression, key, table_id, layout_name)


@lru_cache(maxsize=1024)
def _bound_builtin(expression: str, forall: tuple, table_id: str, layout_name: str) -> tuple[Bound, ...]:
    values = {k: v if isinstance(v, str) else list(v) for k, v in forall}
    return tuple(bind(parse_expression(expression), values, load_layouts()[table_id].layouts[layout_name]))
