"""`disclint summary`: the four files it writes, from a real batch that also holds an empty report and
a damaged PDF (the batch must go on past them)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclint.cli import main

from .conftest import by_name

SCHEMA = Path(__file__).resolve().parents[2] / "disclint" / "schema" / "check-v1.json"


def test_every_report_has_a_result_and_bad_files_do_not_stop_the_batch(summary, batch_dir):
    assert [os.path.basename(d.path) for d in summary.digests] == sorted(os.listdir(batch_dir))
    assert by_name(summary.digests, "zz-empty.txt").error["kind"] == "empty"
    assert by_name(summary.digests, "zz-damaged.pdf").error["kind"] in ("format", "no-text", "unreadable")
    assert summary.unreadable == 2
    assert summary.pairs == 8  # 018→019→020, 002→003→005, 004→006→009→010→011


def test_findings_json_is_the_contract_with_the_cross_report_findings(summary):
    jsonschema = pytest.importorskip("jsonschema")
    doc = json.loads(Path(summary.out_dir, "findings.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert doc["summary"]["files"] == len(summary.digests) and doc["summary"]["unreadable"] == 2
    entry = next(f for f in doc["files"] if f["path"].endswith("pingtan-019.html"))
    (carry,) = [f for f in entry["findings"] if f["rule"] == "DL502"]
    assert (carry["expected"], carry["actual"], carry["row"]) == (499, 440, "art20_1.normative")
    dup = [f["rule"] for f in doc["files"] if f["path"].endswith("pingtan-005.txt") for f in f["findings"]]
    assert "DL503" in dup
    assert doc["summary"]["warnings"] == sum(1 for f in doc["files"] for x in f["findings"] if x["severity"] == "warning")


def test_summary_csv_has_one_row_per_report(summary):
    raw = Path(summary.out_dir, "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese as UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(summary.digests)
    row = next(r for r in rows if r["文件"].endswith("pingtan-019.html"))
    assert (row["机关"], row["年度"], row["格式"], row["状态"], row["跨年度问题"]) == ("平潭综合实验区", "2024", "2021", "合规", "1")
    assert next(r for r in rows if r["文件"].endswith("zz-empty.txt"))["状态"] == "无法读取"


def test_summary_xlsx_has_the_report_and_finding_sheets(summary):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(Path(summary.out_dir, "summary.xlsx"), read_only=True)
    assert wb.sheetnames == ["报告", "问题"]
    reports = list(wb["报告"].iter_rows(values_only=True))
    assert reports[0][:5] == ("文件", "机关", "年度", "格式", "状态") and len(reports) == len(summary.digests) + 1
    findings = list(wb["问题"].iter_rows(values_only=True))
    assert len(findings) == 1 + sum(len(d.findings) for d in summary.digests)
    header = findings[0]
    carry = next(dict(zip(header, r)) for r in findings[1:] if r[3] == "DL502" and str(r[0]).endswith("019.html"))
    assert (carry["应为"], carry["实为"], carry["类型"]) == (499, 440, "跨年度衔接")
    assert "440" in carry["原文"] and carry["对比报告"].endswith("pingtan-018.html")


def test_summary_xlsx_filters_and_freezes_both_sheets(summary):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(Path(summary.out_dir, "summary.xlsx"))
    for name, columns, rows in (("报告", "N", len(summary.digests)),
                                ("问题", "Q", sum(len(d.findings) for d in summary.digests))):
        assert wb[name].auto_filter.ref == f"A1:{columns}{rows + 1}" and wb[name].freeze_panes == "A2"
        assert wb[name].max_column == ord(columns) - ord("A") + 1  # no empty cell cut a column off


def test_index_html_is_self_contained(summary):
    html = Path(summary.out_dir, "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|iframe)[^>]+src=|<link\b|@import|url\(", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert html.count("<svg") == 2 and 'id="chart-kinds"' in html and 'id="chart-agencies"' in html
    assert html.count("<tr data-index=") == len(summary.digests)
    # report text never closes the data script early
    data = html.split('<script type="application/json" id="summary-data">')[1].split("</script>")[0]
    assert len(json.loads(data)["reports"]) == len(summary.digests)


def test_cli_writes_the_summary_and_exits_with_the_unreadable_code(batch_dir, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["summary", str(batch_dir), "--out", str(out), "-j", "2", "--no-progress"])
    assert result.exit_code == 3, result.output  # two files could not be read; the others are reported
    assert sorted(os.listdir(out)) == ["findings.json", "index.html", "summary.csv", "summary.xlsx"]
    assert "跨年度比对 8 组" in result.output


def test_cli_exit_codes_without_unreadable_files(tmp_path):
    from .conftest import FILES

    args = ["summary", str(FILES["pingtan-018.html"]), str(FILES["pingtan-019.html"]), "--out", str(tmp_path / "o")]
    assert CliRunner().invoke(main, args).exit_code == 1  # DL502 is a warning; the default fail-on is warning
    assert CliRunner().invoke(main, args + ["--exit-zero"]).exit_code == 0
    assert CliRunner().invoke(main, args[:-1] + [str(tmp_path / "n"), "--no-xlsx"]).exit_code == 1
    assert sorted(os.listdir(tmp_path / "n")) == ["findings.json", "index.html", "summary.csv"]
