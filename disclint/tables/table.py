"""A rebuilt table: typed cells under canonical row and column ids (rules/tables.md)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """One cell as written. `blank` marks blank-like cells (empty, &nbsp;, -, —, /, 无), kept distinct
    from 0; `value` is None for them and for cells that are not a number."""

    value: int | float | None
    raw: str
    blank: bool = False
    start: int | None = None  # offsets in Document.text, so findings point at the cell's line
    end: int | None = None
    where: dict = field(default_factory=dict)  # {"table": 1, "row": 4, "col": 2} for grids
    unit: str | None = None  # 元 / 万元 / 个 … when written inside the cell

    @property
    def number(self) -> int | float:
        """The value for arithmetic: a blank cell counts as 0 (spec report-format.yaml blank_cells)."""
        return 0 if self.value is None else self.value


@dataclass
class Unread:
    """A part of a table that could not be read with confidence; nothing is checked on it."""

    row: str | None
    column: str | None
    reason: str  # missing-row | cell-count | ambiguous | not-a-number | stray-text
    detail: str = ""
    start: int | None = None
    where: dict = field(default_factory=dict)


@dataclass
class Table:
    id: str  # proactive | requests | appeals
    layout: str  # "2019" | "2021"
    line: int | None  # 1-based line of the table's start
    start: int | None  # offset of the table's start
    row_ids: tuple[str, ...]  # the numeric rows of the layout, in order
    columns: tuple[str, ...]
    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)
    unreadable: list[Unread] = field(default_factory=list)
    origin: str = "text"  # text | grid
    identities: tuple = ()  # the layout's hard identities (tables.identity.Bound): read by tables.repair
    repairs: dict | None = field(default=None, compare=False, repr=False)  # tables.repair.table_repairs's

    def cell(self, row_id: str, col_id: str) -> Cell | None:
        return self.cells.get(row_id, {}).get(col_id)

    @property
    def rows(self) -> list[str]:
        """Row ids present (read), in layout order."""
        return [r for r in self.row_ids if r in self.cells]

    @property
    def all_blank(self) -> bool:
        return bool(self.cells) and all(c.blank for row in self.cells.values() for c in row.values())

    def to_json(self) -> dict:
        return {"id": self.id, "line": self.line,
                "cells": {r: {c: cell.value for c, cell in self.cells[r].items()} for r in self.rows}}
