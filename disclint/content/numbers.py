"""Numbers as prose writes them: 17, 1,873, 2.5, 一, 十二, 两, 零 (regulation.md §8.3: reports mix
Arabic and Chinese numerals, and 无 for zero)."""
from __future__ import annotations

from ..normalize import chinese_numeral

# A count in prose: Arabic digits (with thousands commas) or a Chinese numeral; used inside larger
# patterns as (?P<n>NUMBER).
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"


# More digits than any count or amount in a report has: not a figure (and beyond a float's range).
MAX_DIGITS = 15


def number_value(token: str) -> int | float | None:
    """The value of a NUMBER token, None when it is not one."""
    token = token.replace(",", "")
    if not token or len(token) > MAX_DIGITS + 1:
        return None
    if token.isdigit():
        return int(token)
    try:
        return float(token)
    except ValueError:
        pass
    if token in ("零", "〇", "无"):
        return 0
    return chinese_numeral(token)


def show(value: int | float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
