"""Pieces every formatter uses: the message in the chosen language, extra locations, the summary."""
from __future__ import annotations


def message_of(finding, lang: str) -> str:
    return finding.message_en if lang == "en" and finding.message_en else finding.message


def severity_word(severity, lang: str) -> str:
    """错误/警告/提示 under Chinese; the English value otherwise (codes are kept as they are)."""
    from ..report_view.words import SEVERITY

    value = getattr(severity, "value", severity)
    return value if lang == "en" else SEVERITY["zh"].get(value, value)


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


# --- paths -----------------------------------------------------------------------------------------
# A path is a str as Python hands it over: bytes that are not UTF-8 arrive as lone surrogates
# (U+DC80–U+DCFF, PEP 383), which no UTF-8 output can hold, and a file name may hold a newline.
# Machine formats write `path_text` (U+FFFD for each undecodable byte; JSON adds the raw bytes as
# `path_bytes`); line formats write `display_path`, in which nothing can split or forge a line.

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def path_bytes(path: str) -> bytes:
    """The file name's bytes, as the file system has them."""
    import os

    return os.fsencode(path)


def path_text(path: str) -> str:
    """Valid Unicode for any path: each byte that is not UTF-8 becomes U+FFFD."""
    return path_bytes(path).decode("utf-8", "replace")


def path_is_text(path: str) -> bool:
    """Whether `path_text` is the file name exactly (no byte was replaced)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display_path(path: str) -> str:
    """The path on one line: control characters (C0, DEL, C1, U+2028/U+2029) and undecodable bytes
    written as backslash escapes (`\\n`, `\\x1b`, `\\xff`, `\\u2028`), the rest as is."""
    out = []
    for ch in path:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif code in (0x2028, 0x2029) or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def json_text(data) -> str:
    """JSON for disclint's own files (the baseline), where a path must come back exactly: a name's
    undecodable bytes (lone surrogates) are written as `\\udcff` escapes — valid JSON, valid UTF-8,
    and `json.loads` gives the same str back."""
    import json
    import re

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
