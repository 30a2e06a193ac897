"""`disclint annotate`: the filled official template with one wrong cell and one section left out,
annotated through the CLI and read back as Word would show it."""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .filled_template import TITLE, filled

DISCLINT = [sys.executable, "-m", "disclint"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args, cwd=None):
    return subprocess.run([*DISCLINT, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annotate")
    report = folder / "临川县2024年报.docx"
    report.write_bytes(filled())
    before = hashlib.sha256(report.read_bytes()).hexdigest()
    done = run("annotate", str(report))
    findings = json.loads(run("check", "--format", "json", str(report)).stdout)["files"][0]["findings"]
    return report, folder / "临川县2024年报.disclint.docx", done, findings, before


def comments_with_anchors(path: Path):
    """(comment text, author, the text of the paragraph or table cell holding its range start,
    whether that start is inside a table cell) for every comment, in the order written."""
    import docx

    document = docx.Document(str(path))
    texts = {c.comment_id: (c.text, c.author) for c in document.comments}
    out = []
    for start in document.element.body.iter(W + "commentRangeStart"):
        cid = int(start.get(W + "id"))
        holder = start.getparent()
        cell = next((a for a in start.iterancestors(W + "tc")), None)
        anchor = "".join(t.text or "" for t in (cell if cell is not None else holder).iter(W + "t"))
        row = next((a for a in start.iterancestors(W + "tr")), None)
        row_label = "".join(t.text or "" for t in row.iter(W + "tc").__next__().iter(W + "t")) if row is not None else None
        out.append((*texts[cid], anchor, row_label))
    return out


def test_the_report_itself_is_unchanged_and_the_copy_is_written_beside_it(annotated):
    report, copy, done, findings, before = annotated
    assert done.returncode == 1, done.stderr  # the report has errors
    assert hashlib.sha256(report.read_bytes()).hexdigest() == before
    assert copy.is_file() and copy.read_bytes() != report.read_bytes()
    assert str(copy) in done.stderr


def test_one_comment_per_finding_and_a_counting_one_on_the_title(annotated):
    report, copy, done, findings, before = annotated
    comments = comments_with_anchors(copy)
    assert len(comments) == len(findings) + 1
    assert all(author == "disclint" for _, author, _, _ in comments)
    first_text, _, first_anchor, _ = comments[0]
    assert first_anchor == TITLE
    errors = sum(1 for f in findings if f["severity"] == "error")
    assert f"错误 {errors} 处" in first_text
    written = sorted(text for text, _, _, _ in comments[1:])
    for f in findings:
        assert any(f["message"] in text and f["rule"] in text for text in written), f["rule"]


def test_each_comment_sits_where_its_finding_is(annotated):
    report, copy, done, findings, before = annotated
    comments = comments_with_anchors(copy)[1:]
    by_rule = {}
    for text, _, anchor, row_label in comments:
        code = next(f["rule"] for f in findings if f["message"] in text)
        by_rule.setdefault(code, []).append((anchor, row_label))
    kinds = {f["rule"]: f["kind"] for f in findings}
    for code, anchors in by_rule.items():
        if kinds[code] in ("missing-section", "missing-table", "not-annual-report", "deadline"):
            assert all(anchor == TITLE for anchor, _ in anchors), code
    # the balance of the 自然人 column and the total of the 结转 row both fail, and one cell explains
    # both: each comment sits on that cell (3, where 2 balances), not on a total
    table_findings = [f for f in findings if f["kind"] == "table-identity"]
    assert len(table_findings) == 2
    for f in table_findings:
        assert f["repairs"] == [[{"row": f["repairs"][0][0]["row"], "column": "np", "actual": 3, "expected": 2}]]
        for anchor, row_label in by_rule[f["rule"]]:
            assert (anchor, row_label) == ("3", "四、结转下年度继续办理"), f["rule"]
    # the section left out is named, on the title
    assert any(f["kind"] == "missing-section" and "存在的主要问题及改进情况" in f["message"] for f in findings)


def test_libreoffice_renders_the_copy_with_its_comments(annotated, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (scripts/test.sh installs it)")
    report, copy, done, findings, before = annotated
    work = tmp_path / "copy.docx"
    shutil.copy(copy, work)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                    "--outdir", str(tmp_path), str(work)], capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = tmp_path / "copy.pdf"
    assert pdf.is_file()
    notes = pdf_comments(pdf)
    assert len(notes) == len(findings) + 1
    for f in findings:
        assert any(f["message"] in text for _, text in notes), f["rule"]
    assert notes[0][0] == 1  # the counting comment is on the title, on the first page


def pdf_comments(pdf: Path, with_height: bool = False) -> list[tuple]:
    """(page number, text) of every comment LibreOffice exported as a PDF text annotation, and with
    `with_height` its distance from the page's top in points."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    out = []
    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            for ref in resolve1(page.page_obj.attrs.get("Annots")) or []:
                annot = resolve1(ref)
                if getattr(annot.get("Subtype"), "name", None) != "Text":
                    continue
                raw = annot.get("Contents") or b""
                text = raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
                top = float(page.height) - float(resolve1(annot.get("Rect"))[3])
                out.append((number, text, top) if with_height else (number, text))
    return out


def test_a_second_output_name_and_refusals(tmp_path):
    report = tmp_path / "r.docx"
    report.write_bytes(filled(leave_out_problems=False, wrong_cell=False))
    out = tmp_path / "out" / "批注版.docx"
    done = run("annotate", str(report), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    same = run("annotate", str(report), "-o", str(report))
    assert same.returncode == 2 and "would be overwritten" in same.stderr
    text = tmp_path / "r.txt"
    text.write_text("x", encoding="utf-8")
    assert run("annotate", str(text)).returncode == 2


def test_a_report_without_findings_gets_only_the_counting_comment(tmp_path):
    report = tmp_path / "clean.docx"
    report.write_bytes(filled(leave_out_problems=False, wrong_cell=False))
    findings = json.loads(run("check", "--format", "json", str(report)).stdout)["files"][0]["findings"]
    run("annotate", str(report))
    comments = comments_with_anchors(tmp_path / "clean.disclint.docx")
    assert len(comments) == len(findings) + 1


def test_a_report_that_cannot_be_read_is_one_line_and_the_next_one_is_annotated(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    good = tmp_path / "好.docx"
    good.write_bytes(filled())
    done = run("annotate", str(bad), str(good))
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert any(line.startswith(f"{bad}: Eformat 无法读取") for line in lines), lines
    assert (tmp_path / "好.disclint.docx").is_file() and not (tmp_path / "坏.disclint.docx").exists()
    assert "Traceback" not in done.stderr
