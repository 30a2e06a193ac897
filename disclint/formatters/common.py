"""Pieces every formatter uses: the message in the chosen language, extra locations, the summary."""
from __future__ import annotations


def message_of(finding, lang: str) -> str:
    return finding.message_en if lang == "en" and finding.message_en else finding.message


def where_text(finding) -> str:
    """Extra coordinates of structured formats: ` page 3, table 2 row 4:` (empty for text)."""
    if not finding.where:
        return ""
    parts = [f"{k} {v}" for k, v in finding.where.items()]
    return " " + ", ".join(parts) + ":"


def summary_line(report) -> str:
    from ..model import Severity

    files = len(report.results)
    e, w, i = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    unread = report.unreadable
    if report.settings.lang == "en":
        text = f"{files} file(s): {e} error(s), {w} warning(s), {i} info"
        return text + (f", {unread} unreadable" if unread else "")
    text = f"共 {files} 个文件：错误 {e}，警告 {w}，提示 {i}"
    return text + (f"，无法读取 {unread}" if unread else "")
