"""Word .docx: paragraphs and tables in document order, automatic list numbering rendered.

Reports drafted in Word often number their headings with Word's list numbering (numbering.xml),
so "一、" and "（一）" are not in the paragraph text at all; a reader that drops them loses the
outline the grammar needs. The labels are rebuilt here from numbering.xml: formats, level texts,
counters per list, restarts and start overrides.

The zip directory and every XML part are checked before python-docx sees the package: declared
sizes and compression ratios (zip bombs) and DOCTYPE/ENTITY declarations (entity bombs).
"""
from __future__ import annotations

import io
import re
import zipfile

from .base import Grid, ReadError, Source, render_grid_row

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Limits for what a package may expand to. A 200-page report with images stays far below them;
# XML compresses 5-30x, so a large member compressed over 200x is built to explode.
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 2 * 1024 * 1024  # small members may compress as well as they like
MAX_MEMBERS = 10_000
_DECLARATIONS = [s.encode(enc) for s in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be")]
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(path: str, data: bytes) -> Source:
    if data.startswith(_OLE_MAGIC):
        # Encrypted OOXML is stored inside an OLE container; otherwise it is a legacy .doc renamed.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError("encrypted", "is a password-protected Word document")
        from . import legacy

        return legacy.read_as(path, data, "doc")
    guard_zip(data)
    try:
        import docx
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ReadError("unsupported", f"reading .docx needs python-docx ({e})")
    try:
        document = docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors for broken packages
        raise ReadError("format", f"is not a readable Word document ({type(e).__name__}: {e})")
    return _render(path, document)


def guard_zip(data: bytes) -> None:
    """Refuse zip bombs and XML entity declarations before any XML parser runs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ReadError("format", f"is not a valid Office Open XML package (damaged or truncated zip: {e})")
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ReadError("bomb", f"holds {len(members):,} zip members, more than {MAX_MEMBERS:,}")
        total = 0
        for info in members:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
                raise ReadError("bomb", f"holds a member ({info.filename}) that expands to "
                                        f"{info.file_size:,} bytes ({ratio:,.0f}x): a zip bomb")
        if total > MAX_TOTAL_BYTES:
            raise ReadError("bomb", f"expands to {total:,} bytes, more than {MAX_TOTAL_BYTES:,}: a zip bomb")
        for info in members:
            name = info.filename.lower()
            if not name.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                # Declared sizes were checked above, and zipfile never returns more than declared.
                part = archive.read(info)
            except Exception as e:
                raise ReadError("format", f"has a damaged part {info.filename} ({type(e).__name__}: {e})")
            if any(d in part for d in _DECLARATIONS):
                raise ReadError("bomb", f"declares a DOCTYPE or entities in {info.filename}; "
                                        "Office files never do (an XML entity bomb)")


# --- text of paragraphs ---------------------------------------------------------------------------

_PRUNE = {W + "del", W + "moveFrom", W + "txbxContent", W + "pPr", W + "rPr", W + "instrText",
          W + "delText", _MC_FALLBACK, W + "footnoteReference", W + "commentReference"}


def _is_hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in {"0", "false", "off"}


def _paragraph_text(p) -> str:
    parts: list[str] = []
    stack = [p]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            code = int(el.get(W + "char") or "0", 16)
            if code and not 0xE000 <= code <= 0xF8FF:  # Symbol-font glyphs live in the private use area
                parts.append(chr(code))
        elif tag in _PRUNE or not isinstance(tag, str) or (tag == W + "r" and _is_hidden(el)):
            continue
        else:
            stack.extend(reversed(el))
    return "".join(parts)


# --- automatic numbering --------------------------------------------------------------------------

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


def _val(el, path: str, default=None):
    found = el.find(path) if el is not None else None
    return found.get(W + "val", default) if found is not None else default


def _int(value, default: int) -> int:
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
                    self.style_numpr[sid] = (_val(numpr, W + "numId"), _val(numpr, W + "ilvl"))
                based = _val(st, W + "basedOn")
                if based:
                    self.style_based[sid] = based
        if numbering_el is None:
            return
        for an in numbering_el.iter(W + "abstractNum"):
            self.abstract[an.get(W + "abstractNumId")] = an
        for num in numbering_el.iter(W + "num"):
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                overrides[_int(ov.get(W + "ilvl"), 0)] = ov
            self.nums[num.get(W + "numId")] = (_val(num, W + "abstractNumId"), overrides)

    def _abstract_for(self, num_id):
        abstract_id, overrides = self.nums.get(num_id, (None, {}))
        an = self.abstract.get(abstract_id)
        link = _val(an, W + "numStyleLink")
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
            if _int(lvl.get(W + "ilvl"), -1) == ilvl:
                return lvl
        return None

    def label(self, p) -> tuple[str, str] | None:
        """(label, suffix) for paragraph `p`, advancing the counters; None if not numbered."""
        if not self.nums:
            return None
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(numpr, W + "numId")
        ilvl = _val(numpr, W + "ilvl")
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self._style_numpr(_val(ppr, W + "pStyle"))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = min(max(_int(ilvl, 0), 0), 8)
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
            start = _val(override, W + "startOverride") if override is not None else None
            counts[ilvl] = _int(start if start is not None else _val(lvl, W + "start"), 1)
        for deeper in [d for d in counts if d > ilvl]:
            restart = _int(_val(self._level(an, overrides, deeper), W + "lvlRestart"), deeper)
            if restart != 0 and ilvl < restart:
                del counts[deeper]
        fmt = _val(lvl, W + "numFmt", "decimal")
        text = _val(lvl, W + "lvlText", "")
        if fmt == "bullet":
            return None
        legal = lvl.find(W + "isLgl") is not None

        def value(m):
            k = int(m.group(1)) - 1
            level = self._level(an, overrides, k)
            n = counts.get(k, _int(_val(level, W + "start"), 1))
            return format_number(n, "decimal" if legal and k != ilvl else _val(level, W + "numFmt", "decimal"))

        return re.sub(r"%([1-9])", value, text), _val(lvl, W + "suff", "tab")


# --- document walk --------------------------------------------------------------------------------

def _blocks(container, tags=(W + "p", W + "tbl")):
    """Children with `tags` in order, looking through content controls and custom XML wrappers."""
    stack = [iter(container)]
    while stack:
        for el in stack[-1]:
            if el.tag in (W + "sdt", W + "customXml"):
                content = el.find(W + "sdtContent") if el.tag == W + "sdt" else el
                if content is not None:
                    stack.append(iter(content))
                    break
            elif el.tag in tags:
                yield el
        else:
            stack.pop()


def _numbered_text(p, numbering: Numbering) -> str:
    text = _paragraph_text(p)
    labelled = numbering.label(p)
    if not labelled or not text.strip():
        return text
    label, suffix = labelled
    sep = " " if suffix == "space" or (label[-1:].isalnum() and label.isascii()) else ""
    return label + sep + text.lstrip() if label else text


def _cell_text(tc, numbering: Numbering) -> str:
    lines = []
    for el in _blocks(tc):
        if el.tag == W + "p":
            lines.append(_numbered_text(el, numbering).strip())
        else:  # a table inside a cell: one line per row
            lines.extend(" ".join(c or "" for c in row).strip() for row in _table_grid(el, numbering))
    return "\n".join(line for line in lines if line)


def _table_grid(tbl, numbering: Numbering) -> list[list[str | None]]:
    rows: list[list[str | None]] = []
    for tr in _blocks(tbl, (W + "tr",)):
        row: list[str | None] = [""] * _int(_val(tr.find(W + "trPr"), W + "gridBefore"), 0)
        for tc in _blocks(tr, (W + "tc",)):
            props = tc.find(W + "tcPr")
            span = max(1, min(_int(_val(props, W + "gridSpan"), 1), 1000))
            merge = props.find(W + "vMerge") if props is not None else None
            col = len(row)
            continued = merge is not None and merge.get(W + "val", "continue") == "continue"
            covered = (continued and rows and col < len(rows[-1])) or _val(props, W + "hMerge") == "continue"
            row.append(None if covered else _cell_text(tc, numbering))
            row.extend([None] * (span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _part_element(document, attr: str):
    try:
        return getattr(document.part, attr).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _render(path: str, document) -> Source:
    numbering = Numbering(_part_element(document, "numbering_part"), _part_element(document, "_styles_part"))
    lines: list[tuple[str, dict]] = []
    grids: list[Grid] = []
    paragraph_no = 0
    for el in _blocks(document.element.body):
        if el.tag == W + "p":
            paragraph_no += 1
            for line in _numbered_text(el, numbering).split("\n"):
                if line.strip():
                    lines.append((line.rstrip(), {"paragraph": paragraph_no}))
        else:
            rows = _table_grid(el, numbering)
            if not rows:
                continue
            table_no = len(grids) + 1
            grids.append(Grid(rows=rows, first_line=len(lines) + 1, where={"table": table_no}))
            lines.extend((render_grid_row(r), {"table": table_no, "row": i + 1}) for i, r in enumerate(rows))
    if not lines:
        raise ReadError("empty", "is a Word document without text")
    return Source(path=path, text="\n".join(t for t, _ in lines) + "\n", format="docx", grids=grids,
                  locations={i + 1: loc for i, (_, loc) in enumerate(lines)})
