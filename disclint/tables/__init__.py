"""Tables: rebuild the three standard tables (第二十条, 收到和处理政府信息公开申请, 行政复议/行政诉讼)."""
from __future__ import annotations

from ..model import Document


def rebuild_tables(doc: Document) -> dict:
    """Table id → rebuilt table. (Filled in by the table rebuilder.)"""
    return {}
