"""DOCTYPE and entity declarations are refused as `bomb` in any XML part of a .docx or .xlsx, whatever
the part's name or encoding (issue 18, item 7 of the report). Before, the guard looked only at
members named *.xml/.rels/.vml and for ASCII or UTF-16 spellings: a UTF-32 part, or a main part named
word/document.bin, reached libxml2, which refused it as `format`. Each package here is the real
template .docx (or a workbook of a real report's lines) with one part rewritten, linted through the
command line beside a real report."""
from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from .cli_process import assert_no_traceback, disclint, text
from .test_robust_hostile import GOOD, TEMPLATE_DOCX, rezip

ENTITIES = ('<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
MAIN = "word/document.xml"


def _template() -> dict[str, bytes]:
    with zipfile.ZipFile(TEMPLATE_DOCX) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _with_entities(xml: bytes) -> str:
    """The real part with a DOCTYPE declaring entities after its XML declaration, as text."""
    head, sep, rest = xml.decode("utf-8").partition("?>")
    return head + sep + ENTITIES + rest


def _encoded(xml: str, encoding: str, bom: bool) -> bytes:
    xml = xml.replace('encoding="UTF-8"', f'encoding="{encoding.upper().replace("-LE", "").replace("-BE", "")}"', 1)
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}
    return (boms[encoding] if bom else b"") + xml.encode(encoding)


def lint(tmp_path, name: str, data: bytes):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    (folder / name).write_bytes(data)
    proc = disclint("check", "--format", "concise", str(folder), cwd=tmp_path)
    assert_no_traceback(proc)
    lines = [line for line in text(proc.stdout).splitlines() if name in line]
    assert "good.txt:" in text(proc.stdout)  # the batch went on
    return proc, lines


def assert_bomb(proc, lines) -> None:
    assert proc.returncode == 3, text(proc.stdout)
    assert len(lines) == 1 and "Ebomb" in lines[0] and "DOCTYPE" in lines[0], lines


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_entities_in_the_main_part_in_any_encoding(tmp_path, encoding, bom):
    parts = _template()
    parts[MAIN] = _encoded(_with_entities(parts[MAIN]), encoding, bom)
    assert_bomb(*lint(tmp_path, "laughs.docx", rezip(TEMPLATE_DOCX.read_bytes(), parts)))


def test_entities_in_a_main_part_not_named_xml(tmp_path):
    parts = _template()
    body = _with_entities(parts.pop(MAIN)).encode("utf-8")
    parts["word/document.bin"] = body
    parts["word/_rels/document.bin.rels"] = parts.pop("word/_rels/document.xml.rels")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"word/document.bin")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/document.bin")
    assert_bomb(*lint(tmp_path, "renamed.docx", _zip(parts)))


def test_renamed_main_part_without_entities_is_read(tmp_path):
    """The control for the test above: the same renaming, no DOCTYPE, is an ordinary report."""
    parts = _template()
    parts["word/document.bin"] = parts.pop(MAIN)
    parts["word/_rels/document.bin.rels"] = parts.pop("word/_rels/document.xml.rels")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml", b"word/document.bin")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/document.bin")
    proc, lines = lint(tmp_path, "renamed.docx", _zip(parts))
    assert lines and not any(":1:1: E" in line for line in lines), lines


@pytest.mark.parametrize("encoding", ["cp037", "utf-7"])
def test_entities_in_a_part_in_a_declared_legacy_encoding(tmp_path, encoding):
    parts = _template()
    xml = _with_entities(parts["word/styles.xml"]).replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)
    parts["word/styles.xml"] = xml.encode(encoding, "xmlcharrefreplace")  # its Chinese font names
    assert_bomb(*lint(tmp_path, "styles.docx", _zip(parts)))


def test_entities_in_a_utf32_sheet_of_a_workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for line in GOOD.read_text(encoding="utf-8").splitlines()[:40]:
        book.active.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    head, sep, rest = parts[sheet].decode("utf-8").partition("?>")
    parts[sheet] = codecs.BOM_UTF32_LE + (head.replace("utf-8", "UTF-32").replace("UTF-8", "UTF-32") + sep +
                                          ENTITIES.replace("w:document", "worksheet") + rest).encode("utf-32-le")
    assert_bomb(*lint(tmp_path, "sheet.xlsx", _zip(parts)))


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()
