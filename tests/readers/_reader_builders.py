"""Build damaged, hostile or re-encoded inputs from the real fixtures, at test time."""
from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
from pathlib import Path

# Real documents of the labelled corpus (tests/corpus), by the short names the reader tests use.
_DOCS = Path(__file__).resolve().parent.parent / "corpus" / "docs"
FIXTURES = {
    "pingtan_001.html": _DOCS / "pingtan/001.html",
    "pingtan_018.html": _DOCS / "pingtan/018.html",
    "pingtan_019.html": _DOCS / "pingtan/019.html",
    "pingtan_020.html": _DOCS / "pingtan/020.html",
    "hongze_2023.pdf": _DOCS / "peers/洪泽区2023.pdf",
    "hongze_2024.pdf": _DOCS / "peers/洪泽区2024.pdf",
    "huaian_2024.pdf": _DOCS / "peers/淮安市2024.pdf",
    "template_2021.docx": _DOCS / "peers/政务公开年报模版.docx",
    "seed_001.txt": _DOCS / "seeds/001_174315c6c8a13a1e.txt",
}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def fixture(name: str) -> bytes:
    return FIXTURES[name].read_bytes()


def rezip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the package `data` with some members replaced and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


# --- Word: the official template with its numbers turned into Word list numbering ----------------

_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  {{restarts}}
</w:numbering>"""

_HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"^([0-9]+)\.")
_PLACEHOLDER = re.compile(r"^(?=（文字描述)")


def numbered_template(sublevel: bool = False) -> bytes:
    """The 2021 template with "一、" headings and the "1." items of table cells taken out of the text
    and rendered by numbering.xml instead (one restarted list per item group, as Word does).

    With `sublevel`, the "（文字描述…）" placeholders also become level-2 items of the heading list,
    so each shows "（一）", restarted by the heading before it.
    """
    from lxml import etree

    data = fixture("template_2021.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
        types = z.read("[Content_Types].xml").decode()
    w = f"{{{W_NS}}}"
    restarts, num_id = [], 1

    def number(p, num: str, ilvl: int, pattern: re.Pattern) -> bool:
        texts = p.findall(f".//{w}t")
        if not texts or not pattern.match(texts[0].text or ""):
            return False
        texts[0].text = pattern.sub("", texts[0].text)
        ppr = p.find(f"{w}pPr")
        if ppr is None:
            ppr = etree.SubElement(p, f"{w}pPr")
            p.insert(0, ppr)
        numpr = etree.SubElement(ppr, f"{w}numPr")
        etree.SubElement(numpr, f"{w}ilvl").set(f"{w}val", str(ilvl))
        etree.SubElement(numpr, f"{w}numId").set(f"{w}val", num)
        return True

    body = doc.find(f"{w}body")
    for p in body.findall(f"{w}p"):
        number(p, "1", 0, _HEADING) or (sublevel and number(p, "1", 1, _PLACEHOLDER))
    previous = None
    for tc in body.iter(f"{w}tc"):
        for p in tc.findall(f"{w}p"):
            texts = p.findall(f".//{w}t")
            first = texts[0].text if texts else ""
            if _ITEM.match(first or ""):
                if _ITEM.match(first).group(1) == "1" or previous is None:
                    num_id += 1
                    restarts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="1"/>'
                                    f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
                number(p, str(num_id), 0, _ITEM)
                previous = num_id
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
    types = types.replace("</Types>", '<Override PartName="/word/numbering.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
    numbering = _NUMBERING.replace("{restarts}", "\n  ".join(restarts)).encode()
    return rezip(data, {"word/document.xml": etree.tostring(doc, xml_declaration=True, encoding="UTF-8",
                                                            standalone=True),
                        "word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": types.encode()},
                 {"word/numbering.xml": numbering})


def entity_bomb_docx() -> bytes:
    """The template whose document.xml declares the billion-laughs entities and uses them."""
    data = fixture("template_2021.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    xml = re.sub(r"(<\?xml[^>]*\?>)", r"\1<!DOCTYPE w:document [" + entities + "]>", xml, count=1)
    xml = xml.replace("（文字描述）", "&lol9;", 1)
    return rezip(data, {"word/document.xml": xml.encode("utf-8")})


def zip_bomb_docx(size: int = 40 * 1024 * 1024) -> bytes:
    """The template plus a member that inflates `size` bytes of zeros from a few kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fixture("template_2021.docx"))) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("word/media/padding.xml", b"\0" * size)
    return out.getvalue()


def zip_claiming_docx(claimed: int = 4 * 1024 ** 3 - 1) -> bytes:
    """The template whose central directory claims document.xml inflates to `claimed` bytes."""
    data = bytearray(fixture("template_2021.docx"))
    name = b"word/document.xml"
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, claimed)
        pos += 4
    return bytes(data)


# --- PDF: encrypted by hand (RC4, revision 2) and scanned (an image of a real page) -------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret", owner_password: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler (V1 R2, 40-bit RC4, PDF 1.7 §7.6.3).

    No PDF writer with encryption is installed, so the algorithms are written out here: the owner
    key (algorithm 3), the file key (algorithm 2), the user check value (algorithm 4) and the
    per-object key for the content stream.
    """
    pad = lambda pw: (pw + _PAD)[:32]  # noqa: E731
    owner = _rc4(hashlib.md5(pad(owner_password)).digest()[:5], pad(user_password))
    permissions = -4
    file_id = hashlib.md5(b"disclint encrypted fixture").digest()
    key = hashlib.md5(pad(user_password) + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    user = _rc4(key, _PAD)
    content = b"BT /F1 24 Tf 72 720 Td (Government information disclosure) Tj ET"
    object_key = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\0\0").digest()[:10]
    stream = _rc4(object_key, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <" + user.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    return _pdf(objects, b"/Encrypt 6 0 R /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">]")


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def scanned_pdf() -> bytes:
    """Page 1 of a real report as a picture only, as a scanner would deliver it."""
    import pdfplumber

    with pdfplumber.open(FIXTURES["hongze_2023.pdf"]) as pdf:
        image = pdf.pages[0].to_image(resolution=60).original.convert("L")
    out = io.BytesIO()
    image.save(out, "PDF", resolution=60)
    return out.getvalue()


# --- spreadsheets: a minimal .xlsx writer for a real table --------------------------------------

def _col(c: int) -> str:
    name = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        name = chr(65 + rem) + name
    return name


def xlsx_from_rows(sheets: dict[str, list[list[str | None]]]) -> bytes:
    """A workbook whose sheets hold `rows`; None cells become part of a merge with the cell to
    their left (or above, when the left one is not theirs), like the grid they come from."""
    from xml.sax.saxutils import escape

    out = io.BytesIO()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/'
                   'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                   'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + rel +
                   '/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" '
                   f'xmlns:r="{rel}"><sheets>' + "".join(
                       f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                       for i, name in enumerate(sheets, start=1)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="'
                   'http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1)) + "</Relationships>")
        for i, rows in enumerate(sheets.values(), start=1):
            cells, merges = [], []
            owner: dict[tuple[int, int], tuple[int, int]] = {}
            for r, row in enumerate(rows):
                xml_cells = []
                for c, value in enumerate(row):
                    if value is None:
                        left = owner.get((r, c - 1))
                        up = owner.get((r - 1, c))
                        owner[(r, c)] = left if left and left[0] == r else (up or left or (r, c))
                        continue
                    owner[(r, c)] = (r, c)
                    ref = f"{_col(c)}{r + 1}"
                    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
                        xml_cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    elif value:
                        xml_cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
                cells.append(f'<row r="{r + 1}">' + "".join(xml_cells) + "</row>")
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            for (r, c), (r0, c0) in owner.items():
                if (r, c) != (r0, c0):
                    end = spans.get((r0, c0), (r0, c0))
                    spans[(r0, c0)] = (max(end[0], r), max(end[1], c))
            merges = [f'<mergeCell ref="{_col(c0)}{r0 + 1}:{_col(c1)}{r1 + 1}"/>' for (r0, c0), (r1, c1) in spans.items()]
            merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(merges) + "</mergeCells>" if merges else ""
            z.writestr(f"xl/worksheets/sheet{i}.xml", f'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                       f'xmlns="{ns}"><sheetData>' + "".join(cells) + "</sheetData>" + merge_xml + "</worksheet>")
    return out.getvalue()
