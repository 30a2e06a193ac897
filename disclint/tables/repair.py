"""The cell most likely wrong: from all of a table's identities together, the smallest set of
cells whose change makes every failing identity hold without breaking one that holds, with the
values that fix it (issue 13).

One failing identity alone cannot say which of its cells is wrong (一+二 = 七+四 names four
cells). Taken together they can: in the 申请 table every cell lies on its row's 总计 identity and
on its column's balance or （七）总计 identity, so a single slip makes exactly the identities
through that cell fail, and the one cell they share is the one to change. A repair is kept only
when its values are determined (a unique solution), whole and not negative; when several repairs
of the same size remain, all of them are returned — never one picked silently.

The identities are checked as the table-identity kind checks them: an identity naming an unread
cell, a wholly blank one, or one with a blank total is neither failing nor holding here.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .identity import Bound
from .table import Table

MAX_OPTIONS = 8  # more equally small repairs than this say nothing a reader can use


@dataclass(frozen=True)
class Fix:
    """One cell of a repair: as written and as the identities want it."""

    row: str
    column: str
    actual: int | float | None  # None for a blank cell
    expected: int

    def to_json(self) -> dict:
        return {"row": self.row, "column": self.column, "actual": self.actual, "expected": self.expected}


Repair = tuple[Fix, ...]


@dataclass(frozen=True)
class Status:
    """One identity measured on one table: both sides, and how many of its cells are blank."""

    lhs: float
    rhs: float
    blanks: int

    @property
    def residual(self) -> float:
        return self.lhs - self.rhs


def is_total(row: str, col: str) -> bool:
    """总计 cells: the （七）总计 row, the 总计 column, the three 复议/诉讼 totals."""
    return row.endswith("_total") or col == "total" or col.endswith("_total")


def measure(table: Table, bound: Bound) -> Status | None:
    """Both sides of the identity (blanks as 0) when it is checked; None when a cell it names was
    not read, when all its cells are blank (missing-statistic's matter) or when a total among
    them is blank (a missing figure, table-cell's matter)."""
    sides = []
    blanks = 0
    blank_total = False
    for terms in (bound.left, bound.right):
        total = 0.0
        for sign, row, col in terms:
            cell = table.cells.get(row, {}).get(col)
            if cell is None:
                return None
            if cell.blank:
                blanks += 1
                blank_total = blank_total or is_total(row, col)
            total += sign * (0 if cell.value is None else cell.value)
        sides.append(total)
    if blanks == len(bound.cells) or (blanks and blank_total):
        return None
    return Status(sides[0], sides[1] + bound.constant, blanks)


def _coefficients(bound: Bound) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for sign, row, col in bound.left:
        out[(row, col)] = out.get((row, col), 0) + sign
    for sign, row, col in bound.right:
        out[(row, col)] = out.get((row, col), 0) - sign
    return {k: v for k, v in out.items() if v}


def table_repairs(table: Table) -> dict[Bound, tuple[Repair, ...]]:
    """Failing identity → the equally small repairs of the errors it belongs to, for the table's
    own identities (cached on the table: every finding of the table asks)."""
    if table.repairs is None:
        table.repairs = {bound: options for bounds, options in component_repairs(table, table.identities)
                         for bound in bounds}
    return table.repairs


def component_repairs(table: Table, identities) -> list[tuple[list[Bound], tuple[Repair, ...]]]:
    """The failing identities grouped into independent errors, each with its repairs. Two failing
    identities belong together when they share a cell or an identity runs through cells of both
    (a change of one cell and an opposite change of its neighbour keeps that identity): the
    行政复议 and 复议后起诉 totals of one appeals row are two errors, each with its own repair."""
    equalities = []  # (bound, coefficients, residual) of every checked == identity
    inequalities = []  # (bound, coefficients) of the checked ones that hold: a repair keeps them
    for bound in identities:
        status = measure(table, bound)
        if status is None:
            continue
        coef = _coefficients(bound)
        if bound.comp == "==":
            equalities.append((bound, coef, Fraction(status.residual).limit_denominator(1000)))
        elif bound.holds(status.lhs, status.rhs):
            inequalities.append((bound, coef))
    failing = [e for e in equalities if e[2] != 0]
    system = [(coef, residual) for _, coef, residual in equalities]
    return [([b for b, _, _ in group], _repairs_of(table, group, system, inequalities))
            for group in _components(failing, equalities)]


def _components(failing, equalities) -> list[list]:
    parent = list(range(len(failing)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict = {}
    for i, (_, coef, _) in enumerate(failing):
        for cell in coef:
            owner.setdefault(cell, []).append(i)
    links = list(owner.values())  # failing identities sharing a cell
    links += [[i for c in coef for i in owner.get(c, [])] for _, coef, _ in equalities]  # joined by one
    for group in links:
        for i in group[1:]:
            parent[root(i)] = root(group[0])
    groups: dict[int, list] = {}
    for i, item in enumerate(failing):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())


def _repairs_of(table: Table, group, equalities, inequalities) -> tuple[Repair, ...]:
    """The smallest repairs (one cell, else two) that make the group's identities hold and keep
    every other checked identity as it is (holding, or failing for another error)."""
    suspects = sorted({c for _, coef, _ in group for c in coef})
    firsts = sorted(group[0][1])  # a repair changes a cell of the group's first identity
    mine = {id(coef) for _, coef, _ in group}
    system = [(coef, residual if id(coef) in mine else 0) for coef, residual in
              [(c, r) for _, c, r in group] + [(c, r) for c, r in equalities if id(c) not in mine]]
    for size in (1, 2):
        options = []
        for cells in _candidates(firsts, suspects, size):
            fix = _solve(table, cells, system, inequalities)
            if fix is not None:
                options.append(fix)
            if len(options) > MAX_OPTIONS:
                return ()
        if options:
            return tuple(options)
    return ()


def _candidates(firsts, suspects, size):
    if size == 1:
        for c in firsts:
            yield (c,)
        return
    seen = set()
    for a in firsts:
        for b in suspects:
            if a != b:
                pair = tuple(sorted((a, b)))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _solve(table: Table, cells, equalities, inequalities) -> Repair | None:
    """The unique change of `cells` that makes every checked equality hold, or None."""
    rows = []  # a·d = −residual for every equality touching the cells, or failing
    for coef, residual in equalities:
        a = [coef.get(c, 0) for c in cells]
        if any(a):
            rows.append((a, -residual))
        elif residual:
            return None  # a failing identity the cells are not in stays failing
    deltas = _unique_solution(rows, len(cells))
    if deltas is None or any(d == 0 for d in deltas):
        return None  # undetermined, inconsistent, or a smaller repair
    fix = []
    for (row, col), d in zip(cells, deltas):
        cell = table.cells[row][col]
        new = Fraction(cell.number).limit_denominator(1000) + d
        if new < 0 or new.denominator != 1:
            return None  # counts are whole and not negative
        fix.append(Fix(row, col, cell.value, int(new)))
    changed = {(f.row, f.column): f.expected - table.cells[f.row][f.column].number for f in fix}
    for bound, coef in inequalities:
        shift = sum(coef.get(c, 0) * d for c, d in changed.items())
        status = measure(table, bound)
        if shift and not bound.holds(status.lhs + shift, status.rhs):
            return None
    return tuple(fix)


def _unique_solution(rows, n: int) -> list[Fraction] | None:
    """Gaussian elimination over fractions: the one solution of the system, None if there is no
    solution or more than one."""
    m = [[Fraction(x) for x in a] + [Fraction(b)] for a, b in rows]
    pivots = []
    r = 0
    for col in range(n):
        pivot = next((i for i in range(r, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            return None  # a free variable: the change is not determined
        m[r], m[pivot] = m[pivot], m[r]
        for i in range(len(m)):
            if i != r and m[i][col] != 0:
                f = m[i][col] / m[r][col]
                m[i] = [x - f * y for x, y in zip(m[i], m[r])]
        pivots.append(r)
        r += 1
    if any(row[n] != 0 for row in m[r:]):
        return None  # inconsistent
    return [m[i][n] / m[i][i] for i in range(n)]


def describe_repairs(table: Table, options: tuple[Repair, ...], lang: str) -> str:
    """The repair in the form's words, to end a message: 「；最可能出错：『四、结转下年度继续办理』行
    『自然人』列，表中为3，按勾稽关系应为2」, or every equally small option; "" when not localised."""
    if not options:
        return ""
    said = [_say_option(table, option, lang) for option in options]
    if lang == "en":
        if len(said) == 1:
            return f"; most likely wrong: {said[0]}"
        return "; the identities do not tell which cell is wrong, any one of these makes them all hold: " + "; or ".join(said)
    if len(said) == 1:
        return f"；最可能出错：{said[0]}"
    return f"；无法确定是哪一格出错，以下{len(said)}处任改一处都能使各勾稽关系成立：" + "；或".join(said)


def _say_option(table: Table, option: Repair, lang: str) -> str:
    return (" and " if lang == "en" else "，并且").join(_say_fix(table, fix, lang) for fix in option)


def _say_fix(table: Table, fix: Fix, lang: str) -> str:
    from .names import cell_place

    place = cell_place(table.id, table.layout, fix.row, fix.column, lang)
    if lang == "en":
        written = "blank" if fix.actual is None else str(fix.actual)
        return f"{place}, the table has {written}, the identities want {fix.expected}"
    written = "空白" if fix.actual is None else f"为{fix.actual}"
    return f"{place}，表中{written}，按勾稽关系应为{fix.expected}"
