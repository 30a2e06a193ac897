"""Spreadsheets and legacy Office files: calamine for workbooks, LibreOffice for .doc/.wps."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from disclint.readers import ReadError, read_bytes, read_path
from disclint.readers import legacy
from tests.readers._reader_builders import fixture, xlsx_from_rows

needs_soffice = pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice (soffice) is not installed")


def real_tables() -> dict[str, list[list[str | None]]]:
    """The three tables of a real published page, as the HTML reader sees them."""
    grids = read_bytes("page.html", fixture("pingtan_019.html")).grids
    return {"主动公开": grids[0].rows, "依申请": grids[1].rows, "复议诉讼": grids[2].rows}


def test_xlsx_sheets_as_headings_and_grids():
    tables = real_tables()
    source = read_bytes("统计表.xlsx", xlsx_from_rows(tables))
    assert source.format == "xlsx"
    assert [g.rows for g in source.grids] == list(tables.values())
    lines = source.text.split("\n")
    assert [lines[g.first_line - 2] for g in source.grids] == list(tables)  # sheet name above its rows
    assert [g.where["sheet"] for g in source.grids] == list(tables)
    assert source.locations[source.grids[1].first_line + 3] == {"sheet": "依申请", "row": 4}


def test_corrupt_xlsx():
    data = xlsx_from_rows(real_tables())
    with pytest.raises(ReadError) as err:
        read_bytes("统计表.xlsx", data[: len(data) // 3])
    assert err.value.reason == "format"


@needs_soffice
def test_xls_read_natively_after_libreoffice_made_it():
    tables = real_tables()
    xls = legacy.convert(xlsx_from_rows(tables), ".xlsx", "xls")
    assert xls.startswith(b"\xd0\xcf\x11\xe0")
    source = read_bytes("统计表.xls", xls)
    assert source.format == "xls"
    assert [g.rows for g in source.grids] == list(tables.values())


@needs_soffice
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_doc_converted_by_libreoffice(suffix, tmp_path):
    text = fixture("seed_001.txt").decode("utf-8")
    doc = legacy.convert(text.encode("utf-8"), ".txt", "doc", infilter="Text (encoded):UTF8,LF,,,")
    assert doc.startswith(b"\xd0\xcf\x11\xe0")  # a real binary Word 97 file
    path = tmp_path / f"report{suffix}"
    path.write_bytes(doc)
    source = read_path(path)
    assert source.format == suffix[1:]
    lines = source.text.split("\n")
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    assert [line.strip() for line in lines if line.strip()] == expected
    assert "一、总体情况" in lines
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"report{suffix}"]  # nothing written beside it
    assert path.read_bytes() == doc


def test_doc_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024
    with pytest.raises(ReadError) as err:
        read_bytes("report.doc", ole)
    assert err.value.reason == "unsupported"
    assert "convert it to .docx" in err.value.message and "LibreOffice" in err.value.message


def test_renamed_docx_and_html_are_read_without_libreoffice(monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    doc = read_bytes("report.doc", fixture("template_2021.docx"))
    assert doc.format == "doc" and len(doc.grids) == 3
    xls = read_bytes("report.xls", fixture("pingtan_020.html"))  # an HTML page served as .xls
    assert xls.format == "xls" and "一、总体情况" in xls.text.split("\n")


def test_importing_readers_stays_light():
    code = ("import sys, disclint.readers; "
            "print(sorted(m for m in ('lxml', 'pdfplumber', 'pdfminer', 'docx', 'python_calamine') if m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
