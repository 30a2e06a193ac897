"""Tables: rebuild the three standard tables (第二十条 proactive, 收到和处理政府信息公开申请 requests,
行政复议/行政诉讼 appeals) into typed cells under canonical ids (rules/tables.md).

The grids a structured reader kept are read first (real cell borders); otherwise the table is
found in the running text (disclint.tables.scan). Either way the rows go through the same
resolver, which cuts run-together numbers using the table's identities.
"""
from __future__ import annotations

from ..model import Document
from .layout import load_layouts
from .table import Cell, Table, Unread

__all__ = ["Cell", "Table", "Unread", "rebuild_tables"]


def rebuild_tables(doc: Document) -> dict[str, Table]:
    """Table id → rebuilt table, for the tables found in the document."""
    from .build import build_table  # the builders import the rule packs' identities lazily

    out: dict[str, Table] = {}
    context: dict = {}
    for tid, spec in load_layouts().items():
        table = build_table(doc, spec, context)
        if table is not None:
            out[tid] = table
    return out
