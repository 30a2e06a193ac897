"""Tables: rebuild the three standard tables (第二十条 proactive, 收到和处理政府信息公开申请 requests,
行政复议/行政诉讼 appeals) into typed cells under canonical ids (rules/tables.md).

The grids a structured reader kept are read first (real cell borders); otherwise the table is
found in the running text (disclint.tables.scan). Either way the rows go through the same
resolver, which cuts run-together numbers using the table's identities.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Document
from .layout import load_layouts
from .table import Cell, Table, Unread

if TYPE_CHECKING:
    from .build import TableIdentities

__all__ = ["Cell", "Table", "Unread", "rebuild_tables"]


def rebuild_tables(doc: Document, identities: TableIdentities) -> dict[str, Table]:
    """Table id → rebuilt table, for the tables found in the document. `identities` are the rule set's
    table identities (the engine's), which cut run-together numbers."""
    from .build import build_table

    out: dict[str, Table] = {}
    for tid, spec in load_layouts().items():
        table = build_table(doc, spec, identities)
        if table is not None:
            out[tid] = table
    return out
