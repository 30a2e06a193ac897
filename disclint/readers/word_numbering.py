"""Word automatic list numbering (numbering.xml): which label each numbered paragraph shows.

Reports drafted in Word often number their headings with list numbering, so "一、" and "（一）" are
not in the paragraph text at all. Formats, level texts, counters per list, restarts and start
overrides are rebuilt here; the .docx reader puts the labels back in front of the text.
"""
from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _cn_number(n: int, digits: str = _CN, units: str = "十百千", zero: str = "零", drop_one: bool = False) -> str:
    """Chinese reading of 1..9999: 十一, 二十, 一百零五; `drop_one` gives Japanese 百, 千."""
    if not 0 < n < 10000:
        return str(n)
    out, pending_zero, s = "", False, str(n)
    for i, ch in enumerate(s):
        d, pos = int(ch), len(s) - 1 - i
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero and zero:
            out += zero
        pending_zero = False
        out += ("" if drop_one and d == 1 and pos else digits[d]) + (units[pos - 1] if pos else "")
    if 10 <= n < 20 and digits is _CN:
        out = out.lstrip("一")  # 十一, not 一十一
    return out


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word numFmt (ECMA-376 §17.18.59), for the formats reports use."""
    if fmt in {"chineseCounting", "taiwaneseCounting"}:
        # Word counts 一…九十九 in words and spells larger numbers digit by digit.
        return _cn_number(n) if n < 100 else "".join(_CN[int(d)] for d in str(n))
    if fmt in {"chineseCountingThousand", "taiwaneseCountingThousand"}:
        return _cn_number(n)
    if fmt in {"japaneseCounting", "japaneseDigitalTenThousand"}:
        return _cn_number(n, zero="", drop_one=True)
    if fmt == "chineseLegalSimplified":
        return _cn_number(n, digits=_LEGAL, units="拾佰仟")
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[n - 1] if 1 <= n <= 10 else str(n)
    if fmt == "ideographZodiac":
        return "子丑寅卯辰巳午未申酉戌亥"[n - 1] if 1 <= n <= 12 else str(n)
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"}:
        if n <= 20:
            return _enclosed(n, 0x2460, 20)
        return _enclosed(n - 20, 0x3251, 15) if n <= 35 else _enclosed(n - 35, 0x32B1, 15)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


def w_val(el, path: str, default=None):
    found = el.find(path) if el is not None else None
    return found.get(W + "val", default) if found is not None else default


def to_int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class Numbering:
    """Word list numbering: which label each numbered paragraph shows, in document order."""

    def __init__(self, numbering_el, styles_el):
        self.abstract = {}
        self.nums = {}
        self.style_numpr = {}
        self.style_based = {}
        self.counters: dict = {}
        if styles_el is not None:
            for st in styles_el.iter(W + "style"):
                sid = st.get(W + "styleId")
                numpr = st.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    self.style_numpr[sid] = (w_val(numpr, W + "numId"), w_val(numpr, W + "ilvl"))
                based = w_val(st, W + "basedOn")
                if based:
                    self.style_based[sid] = based
        if numbering_el is None:
            return
        for an in numbering_el.iter(W + "abstractNum"):
            self.abstract[an.get(W + "abstractNumId")] = an
        for num in numbering_el.iter(W + "num"):
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                overrides[to_int(ov.get(W + "ilvl"), 0)] = ov
            self.nums[num.get(W + "numId")] = (w_val(num, W + "abstractNumId"), overrides)

    def _abstract_for(self, num_id):
        abstract_id, overrides = self.nums.get(num_id, (None, {}))
        an = self.abstract.get(abstract_id)
        link = w_val(an, W + "numStyleLink")
        if link:  # the list is defined by a numbering style: follow it one step
            linked = self.style_numpr.get(link, (None, None))[0]
            abstract_id = self.nums.get(linked, (None, {}))[0]
            an = self.abstract.get(abstract_id, an)
        return abstract_id, an, overrides

    def _style_numpr(self, style_id):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_numpr:
                return self.style_numpr[style_id]
            style_id = self.style_based.get(style_id)
        return None, None

    def _level(self, an, overrides, ilvl):
        ov = overrides.get(ilvl)
        if ov is not None and ov.find(W + "lvl") is not None:
            return ov.find(W + "lvl")
        if an is None:
            return None
        for lvl in an.iter(W + "lvl"):
            if to_int(lvl.get(W + "ilvl"), -1) == ilvl:
                return lvl
        return None

    def label(self, p) -> tuple[str, str] | None:
        """(label, suffix) for paragraph `p`, advancing the counters; None if not numbered."""
        if not self.nums:
            return None
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = w_val(numpr, W + "numId")
        ilvl = w_val(numpr, W + "ilvl")
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self._style_numpr(w_val(ppr, W + "pStyle"))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = min(max(to_int(ilvl, 0), 0), 8)
        abstract_id, an, overrides = self._abstract_for(num_id)
        lvl = self._level(an, overrides, ilvl)
        if lvl is None:
            return None
        # Lists sharing an abstract definition continue each other, unless one restarts its count.
        restarts = any(ov.find(W + "startOverride") is not None for ov in overrides.values())
        key = ("num", num_id) if restarts else ("abstract", abstract_id)
        counts = self.counters.setdefault(key, {})
        if ilvl in counts:
            counts[ilvl] += 1
        else:
            override = overrides.get(ilvl)
            start = w_val(override, W + "startOverride") if override is not None else None
            counts[ilvl] = to_int(start if start is not None else w_val(lvl, W + "start"), 1)
        for deeper in [d for d in counts if d > ilvl]:
            restart = to_int(w_val(self._level(an, overrides, deeper), W + "lvlRestart"), deeper)
            if restart != 0 and ilvl < restart:
                del counts[deeper]
        fmt = w_val(lvl, W + "numFmt", "decimal")
        text = w_val(lvl, W + "lvlText", "")
        if fmt == "bullet":
            return None
        legal = lvl.find(W + "isLgl") is not None

        def value(m):
            k = int(m.group(1)) - 1
            level = self._level(an, overrides, k)
            n = counts.get(k, to_int(w_val(level, W + "start"), 1))
            return format_number(n, "decimal" if legal and k != ilvl else w_val(level, W + "numFmt", "decimal"))

        return re.sub(r"%([1-9])", value, text), w_val(lvl, W + "suff", "tab")
