"""Outputs that can never harm (issue 15): no CSV or workbook cell becomes a formula, --out never
replaces or lints what is being summarised, and the output set is replaced whole or not at all.

The reports are the real seed 001 (城关镇 2020) under names a batch can really hold, and a copy whose
发布机构 begins with "=" (the body's name is taken from the report's own text)."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclint.cli import main
from disclint.settings import Settings

from ..robustness.test_robust_outputs import _tmpfs, fill  # the same small disk as the other output tests
from .conftest import FILES

SEED = FILES["seed-001.txt"]
RISKY_NAMES = ["=1+1.txt", "+SUM(1;2).txt", "-2+3.txt", "@SUM(A1).txt"]


def _soffice_or_skip():
    soffice = shutil.which("soffice")
    if not soffice:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is missing in CI (.ci/apt-packages)")
        pytest.skip("LibreOffice (soffice) is not installed")
    return soffice


@pytest.fixture(scope="module")
def risky_batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("risky")
    for name in RISKY_NAMES:
        shutil.copy(SEED, folder / name)
    # the page's 发布机构 line names the body: here a formula
    text = SEED.read_text(encoding="utf-8").replace("城关镇2020年政府信息公开工作年度报告",
                                                    "发布机构：=1+2城关镇人民政府\n\n城关镇2020年政府信息公开工作年度报告", 1)
    (folder / "title.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def risky_summary(risky_batch, tmp_path_factory):
    from disclint.summary import build_summary

    out = tmp_path_factory.mktemp("risky-out") / "summary"
    build_summary(sorted(str(p) for p in risky_batch.iterdir()), str(out), Settings(), jobs=1,
                  sources=[str(risky_batch)])
    return out


def test_every_formula_start_is_neutralised_in_the_csv_as_owasp_says():
    from disclint.summary.cells import csv_value

    for start in "=+-@\t\r":
        assert csv_value(start + "1+1") == "'" + start + "1+1"
    assert csv_value("城关镇") == "城关镇" and csv_value(-3) == -3  # a number stays a number


def test_risky_cells_reach_the_csv_quoted_and_prefixed(risky_summary):
    text = (risky_summary / "summary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    files = [r[0] for r in rows[1:]]
    assert sorted(files) == sorted(["'" + n for n in RISKY_NAMES] + ["title.txt"])
    bodies = [r[1] for r in rows[1:]]
    # the facts may clean the 发布机构 line (issue 14); a name that still starts a formula is neutralised
    assert not [b for b in bodies if b[:1] in "=+-@"], bodies  # not a vacuous test: the body is risky
    for line in text.splitlines()[1:]:
        assert line.startswith("\"'") or line.startswith('"title.txt"'), line  # inside the quotes


def test_libreoffice_imports_the_csv_without_a_formula_cell(risky_summary, tmp_path):
    """LibreOffice converts the CSV to xlsx headless; read back, no cell is a formula. The same rows
    written without neutralising (the control) do give formulas, so the check can fail."""
    soffice = _soffice_or_skip()
    openpyxl = pytest.importorskip("openpyxl")
    raw = (risky_summary / "summary.csv").read_text(encoding="utf-8-sig")
    unsafe = tmp_path / "unsafe.csv"
    unsafe.write_text("\ufeff" + raw.replace("\"'", '"').replace("'", ""), encoding="utf-8")
    shutil.copy(risky_summary / "summary.csv", tmp_path / "summary.csv")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "xlsx", "--infilter=CSV:44,34,76,1", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "summary.csv"), str(unsafe)], check=True, capture_output=True, timeout=180)

    def formulas(path):
        ws = openpyxl.load_workbook(path).active
        return [c.value for row in ws.iter_rows() for c in row if c.data_type == "f"]

    assert formulas(tmp_path / "out" / "unsafe.xlsx")  # the control: these would have run
    assert formulas(tmp_path / "out" / "summary.xlsx") == []
    ws = openpyxl.load_workbook(tmp_path / "out" / "summary.xlsx").active
    seen = {c.value for row in ws.iter_rows() for c in row}
    assert {"'" + n for n in RISKY_NAMES} <= seen  # what the reader sees: the name, after the quote


def test_the_workbook_keeps_risky_text_as_text_the_reader_sees_unchanged(risky_summary):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(risky_summary / "summary.xlsx")
    risky = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    risky.append(c)
    assert {c.value for c in risky} >= set(RISKY_NAMES)  # exactly the text, no quote added
    assert all(c.quotePrefix for c in risky)  # stored as Excel stores text typed after an apostrophe


# ---- --out ----

def _run(*args):
    return CliRunner().invoke(main, ["summary", *args, "--no-progress", "-j", "1"])


def test_out_equal_to_or_inside_an_input_folder_is_refused(risky_batch, tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(risky_batch, reports)
    (reports / "index.html").write_text("<html><body>某机关的报告</body></html>", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in reports.iterdir()}
    for out in (reports, reports / "summary"):
        result = _run(str(reports), "--out", str(out))
        assert result.exit_code == 2, result.output
        (line,) = result.output.strip().splitlines()
        assert line.startswith("disclint: --out ") and "choose" in line
    assert {p.name: p.read_bytes() for p in reports.iterdir()} == before  # nothing replaced, nothing added
    # a folder holding other files is not replaced either
    other = tmp_path / "desk"
    other.mkdir()
    (other / "notes.txt").write_text("x", encoding="utf-8")
    assert _run(str(reports), "--out", str(other)).exit_code == 2 and (other / "notes.txt").exists()


def test_out_inside_an_input_folder_holding_only_a_previous_summary_is_replaced_and_not_linted(risky_batch, tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(risky_batch, reports)
    out = tmp_path / "summary"
    assert _run(str(reports), "--out", str(out)).exit_code in (0, 1)
    shutil.move(str(out), str(reports / "summary"))  # the office keeps its summary beside the reports
    result = _run(str(reports), "--out", str(reports / "summary"))
    assert result.exit_code in (0, 1), result.output
    assert f"共 {len(RISKY_NAMES) + 1} 份报告" in result.output  # index.html etc. of the summary were not linted
    assert not [p for p in tmp_path.rglob(".disclint-summary-*")]  # no temporary folder left


# ---- all or nothing ----

def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failing_writer_leaves_the_previous_summary_whole(risky_batch, tmp_path, monkeypatch):
    out = tmp_path / "summary"
    assert _run(str(risky_batch), "--out", str(out)).exit_code in (0, 1)
    before = _snapshot(out)
    assert set(before) >= {"index.html", "summary.xlsx", "summary.csv", "findings.json", "通报草稿.docx"}

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("disclint.summary.notice.notice_docx", broken)  # the last file written
    result = _run(str(risky_batch), "--out", str(out))
    assert result.exit_code == 4  # EXIT_OUTPUT, as every output that cannot be written
    (line,) = result.output.strip().splitlines()
    assert line == f"disclint: cannot write {out}: No space left on device; the previous summary there is unchanged"
    assert _snapshot(out) == before
    assert sorted(os.listdir(tmp_path)) == ["summary"]


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs: room for a summary of five reports (skipped, saying why, where mounting fails)."""
    with _tmpfs(tmp_path / "disk", size="3m") as where:
        yield where


def test_a_full_disk_leaves_the_previous_summary_whole(risky_batch, small_disk):
    out = small_disk / "summary"
    assert _run(str(risky_batch), "--out", str(out)).exit_code in (0, 1)
    before = _snapshot(out)
    fill(small_disk)  # to the last byte
    result = _run(str(risky_batch), "--out", str(out))
    assert result.exit_code == 4, result.output
    (line,) = result.output.strip().splitlines()
    assert line == f"disclint: cannot write {out}: No space left on device; the previous summary there is unchanged"
    assert _snapshot(out) == before
    assert sorted(os.listdir(small_disk)) == ["filler", "summary"]
