"""Word .docx: paragraphs and tables in document order, automatic list numbering rendered.

Reports drafted in Word often number their headings with Word's list numbering (numbering.xml),
so "一、" and "（一）" are not in the paragraph text at all; a reader that drops them loses the
outline the grammar needs. readers/word_numbering.py rebuilds the labels from numbering.xml
(formats, level texts, counters per list, restarts and start overrides); this module puts them back
in front of the paragraphs' text.

The zip directory and every XML part are checked before python-docx sees the package: declared
sizes and compression ratios (zip bombs) and DOCTYPE/ENTITY declarations (entity bombs).
"""
from __future__ import annotations

import io
import re
import zipfile

from .base import Grid, ReadError, Source, render_grid_row
from .word_numbering import W, Numbering, to_int, w_val

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Limits for what a package may expand to. A 200-page report with images stays far below them;
# XML compresses 5-30x, so a large member compressed over 200x is built to explode.
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 2 * 1024 * 1024  # small members may compress as well as they like
MAX_MEMBERS = 10_000
# XML may come in any of these without a declaration (XML 1.0 appendix F: libxml2 detects each from
# the first bytes, with or without a byte-order mark); a declared encoding is added per part.
_XML_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DECLARATIONS = [s.encode(enc) for s in ("<!DOCTYPE", "<!ENTITY") for enc in _XML_ENCODINGS]
_SNIFF = 256
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # '<?xm' in EBCDIC
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
    # zipfile refuses some damaged headers ("zip file version 9.3") with NotImplementedError.
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as e:
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
            # Every member, whatever its name: python-docx finds parts through relationships and
            # content types, so an XML part need not be called *.xml (issue 18).
            try:
                with archive.open(info) as member:
                    head = member.read(_SNIFF)
                    if not _looks_xml(head):
                        continue
                    # Declared sizes were checked above, and zipfile never returns more than declared.
                    part = head + member.read()
            except Exception as e:
                raise ReadError("format", f"has a damaged part {info.filename} ({type(e).__name__}: {e})")
            if _declares_entities(part, head):
                raise ReadError("bomb", f"declares a DOCTYPE or entities in {info.filename}; "
                                        "Office files never do (an XML entity bomb)")


def _looks_xml(head: bytes) -> bool:
    """Whether a member starts like XML in any encoding an XML parser detects: '<' after an optional
    byte-order mark and white space, in UTF-8, UTF-16 or UTF-32 of either byte order, or '<?xm'
    in EBCDIC."""
    if head.startswith(_EBCDIC_XML):
        return True
    for enc in _XML_ENCODINGS:
        text = head[: len(head) - len(head) % (4 if "32" in enc else 2 if "16" in enc else 1)]
        decoded = text.decode(enc, "ignore").lstrip("\ufeff \t\r\n")
        if decoded.startswith("<"):
            return True
    return False


_DECLARED = re.compile(rb"encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")


def _declares_entities(part: bytes, head: bytes) -> bool:
    if any(d in part for d in _DECLARATIONS):
        return True
    # An encoding named in the XML declaration (EBCDIC, UTF-7, a legacy code page): decode the part
    # as the parser would and look again. The declaration itself is ASCII-compatible here, or it was
    # in one of the encodings above and the search would have found a DOCTYPE in the same encoding.
    for enc in {m.decode("ascii").lower() for m in _DECLARED.findall(head)} | _ebcdic(head):
        try:
            text = part.decode(enc, "replace")
        except LookupError:
            continue  # no such codec here: libxml2 refuses the part too (a `format` error)
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            return True
    return False


def _ebcdic(head: bytes) -> set[str]:
    # '<?xm' in EBCDIC: the declaration that follows names the code page, read it through cp037.
    if not head.startswith(_EBCDIC_XML):
        return set()
    found = _DECLARED.findall(head.decode("cp037", "replace").encode("ascii", "replace"))
    return {"cp037"} | {m.decode("ascii").lower() for m in found}


# --- text of paragraphs ---------------------------------------------------------------------------

_PRUNE = {W + "del", W + "moveFrom", W + "txbxContent", W + "pPr", W + "rPr", W + "instrText",
          W + "delText", _MC_FALLBACK, W + "footnoteReference", W + "commentReference"}


def _is_hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in {"0", "false", "off"}


def paragraph_text(p) -> str:
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
    text = paragraph_text(p)
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
    """The table's text on its grid: None where a merged cell covers the position."""
    return [[None if covered else "" if tc is None else _cell_text(tc, numbering) for tc, covered in row]
            for row in table_cells(tbl)]


def table_cells(tbl) -> list[list[tuple[object | None, bool]]]:
    """The table's grid of `w:tc` elements: (element, covered) per position, a merged cell's element
    repeated over every position it covers (`covered` true there), None where gridBefore leaves a
    position empty (covered there, as the text grid has it). Row and column numbers of findings (`where`) index this grid, 1-based."""
    rows: list[list[tuple[object | None, bool]]] = []
    for tr in _blocks(tbl, (W + "tr",)):
        row: list[tuple[object | None, bool]] = [(None, False)] * to_int(w_val(tr.find(W + "trPr"), W + "gridBefore"), 0)
        for tc in _blocks(tr, (W + "tc",)):
            props = tc.find(W + "tcPr")
            span = max(1, min(to_int(w_val(props, W + "gridSpan"), 1), 1000))
            merge = props.find(W + "vMerge") if props is not None else None
            col = len(row)
            continued = merge is not None and merge.get(W + "val", "continue") == "continue"
            if continued and rows and col < len(rows[-1]):
                row.extend([(rows[-1][col][0], True)] * span)
            elif w_val(props, W + "hMerge") == "continue":
                row.extend([(row[-1][0] if row else None, True)] * span)
            else:
                row.append((tc, False))
                row.extend([(tc, True)] * (span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [(None, False)] * (width - len(r)) for r in rows]


def body_elements(document) -> tuple[list, list]:
    """The body's paragraphs and tables in the numbering of `Source.locations` ({"paragraph": n},
    {"table": n}, both 1-based), so a finding's position can be found again in the package."""
    paragraphs, tables = [], []
    for el in _blocks(document.element.body):
        if el.tag == W + "p":
            paragraphs.append(el)
        elif next(_blocks(el, (W + "tr",)), None) is not None:
            tables.append(el)
    return paragraphs, tables


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
