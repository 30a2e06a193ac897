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
from disclint.settings import Settings

from .conftest import by_name, xlsx_sheets

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
    row = next(r for r in rows if r["文件"] == "pingtan-019.html")  # relative to the folder summarised
    assert (row["机关"], row["年度"], row["格式"], row["状态"], row["跨年度问题"]) == ("平潭综合实验区", "2024", "2021", "合规", "1")
    assert next(r for r in rows if r["文件"].endswith("zz-empty.txt"))["状态"] == "无法读取"


def test_summary_xlsx_has_the_report_finding_and_cross_year_sheets(summary):
    pytest.importorskip("openpyxl")
    sheets = xlsx_sheets(Path(summary.out_dir, "summary.xlsx"))
    assert list(sheets) == ["总览", "按机关", "按问题", "报告", "问题", "跨年度问题"]
    reports, own, cross = sheets["报告"], sheets["问题"], sheets["跨年度问题"]
    assert reports[0][:5] == ("文件", "机关", "机关类型", "年度", "格式") and len(reports) == len(summary.digests) + 1
    assert own[0][-1] == "原文" and cross[0][:2] == ("文件", "对比报告") and cross[0][-1] == "相似度"
    # 问题: each report's own findings, in report order; 跨年度问题: those of the cross-year checks.
    # Paths relative to the folder summarised.
    shown = [os.path.basename(d.path) for d in summary.digests]
    assert [r[0] for r in own[1:]] == [os.path.basename(d.path) for d in summary.digests for f in d.findings
                                      if not f.get("previous")]
    assert [r[0] for r in cross[1:]] == [os.path.basename(d.path) for d in summary.digests for f in d.findings
                                        if f.get("previous")]
    assert all(r[1] in shown for r in cross[1:])
    per_report = dict(zip(reports[0], zip(*reports[1:])))["跨年度问题"]  # the counts include them
    assert list(per_report) == [sum(1 for r in cross[1:] if r[0] == p) for p in shown]
    # the 2023 → 2024 roll-forward break of 平潭综合实验区 is a cross-year finding, and only there,
    # with the table, row and column in the form's words
    header = cross[0]
    (carry,) = [dict(zip(header, r)) for r in cross[1:] if r[4] == "DL502" and r[0] == "pingtan-019.html"]
    assert not [r for r in own[1:] if r[3] == "DL502"]
    assert (carry["应为"], carry["实为"], carry["问题类型"]) == (499, 440, "跨年度衔接")
    assert (carry["表格"], carry["表格行"], carry["表格列"]) == ("主动公开政府信息情况", "第二十条第（一）项·行政规范性文件",
                                                        "现行有效件数")
    assert "440" in carry["原文"] and carry["对比报告"] == "pingtan-018.html"
    # the copied text of 2013 is its own type, with a readable similarity and no 应为/实为
    (dup,) = [dict(zip(header, r)) for r in cross[1:] if r[4] == "DL503" and r[0] == "pingtan-005.txt"]
    assert (dup["问题类型"], dup["相似度"], dup["应为"], dup["实为"], dup["对比报告"]) == (
        "正文与上年雷同", "98%", None, None, "pingtan-003.txt")


def test_summary_xlsx_speaks_the_forms_words_not_internal_ids(summary):
    pytest.importorskip("openpyxl")
    sheets = xlsx_sheets(Path(summary.out_dir, "summary.xlsx"))
    headers = {name: rows[0] for name, rows in sheets.items()}
    assert not {"表", "行标识", "列标识"} & {h for header in headers.values() for h in header}
    ids = {"art20_1.normative", "r3_1_granted", "valid", "proactive", "requests", "appeals", "year-mismatch"}
    for name, rows in sheets.items():
        for row in rows[1:]:
            assert not ids & {v for v in row if isinstance(v, str)}, (name, row)
            if row[0] != "检查的文件夹":  # the folders as they were given: the scope of the check
                assert not [v for v in row if isinstance(v, str) and v.startswith("/")], (name, row)  # no machine paths


def test_summary_xlsx_totals_ranking_and_rules(summary):
    pytest.importorskip("openpyxl")
    sheets = xlsx_sheets(Path(summary.out_dir, "summary.xlsx"))
    totals = {r[0]: r[1] for r in sheets["总览"][1:] if r[0]}
    n = len(summary.digests)
    assert (totals["报告总数"], totals["无法读取的报告"], totals["跨年度比对（组）"]) == (n, 2, 8)
    assert totals["错误（处）"] == summary.count("error")
    ranking = [dict(zip(sheets["按机关"][0], r)) for r in sheets["按机关"][1:]]
    ranked = [r for r in ranking if r["排名"]]
    assert [r["排名"] for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r["错误"] for r in ranked] == sorted((r["错误"] for r in ranked), reverse=True)
    pingtan = next(r for r in ranked if r["机关"] == "平潭综合实验区")
    assert pingtan["报告数"] == 8 and "2023年" in pingtan["历年错误"]  # 004/006/009/010/011 and 018/019/020
    # the two unreadable reports have no body: counted together after the ranking, not ranked
    assert not ranking[-1]["排名"] and ranking[-1]["机关"].startswith("未识别机关的报告") and ranking[-1]["无法读取"] == 2
    rules = {r[0]: dict(zip(sheets["按问题"][0], r)) for r in sheets["按问题"][1:]}
    assert rules["DL503"]["涉及报告数"] == 3 and "pingtan-005.txt" in rules["DL503"]["涉及的报告"]


def test_summary_xlsx_prints_landscape_with_titles_and_freezes_every_table(summary):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(Path(summary.out_dir, "summary.xlsx"))
    cross = sum(1 for d in summary.digests for f in d.findings if f.get("previous"))
    assert cross == 5  # DL502 in 019 and 020, DL503 in 003, 005 and 006 (see conftest)
    for name, columns, rows in (("报告", "O", len(summary.digests)),
                                ("问题", "P", sum(len(d.findings) for d in summary.digests) - cross),
                                ("跨年度问题", "R", cross)):
        ws = wb[name]
        assert ws.auto_filter.ref == f"A1:{columns}{rows + 1}" and ws.freeze_panes == "A2"
        assert ws.max_row == rows + 1
        assert ws.max_column == ord(columns) - ord("A") + 1  # no empty cell cut a column off
        assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "001D4E89" and ws.column_dimensions["A"].width == 36
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1


def test_summary_xlsx_is_the_same_when_written_without_fork(summary, batch_dir, tmp_path, monkeypatch):
    """Where fork is missing (not POSIX) the workbook is written in this process, after the lint."""
    pytest.importorskip("openpyxl")
    from disclint.summary import build_summary, forked

    monkeypatch.setattr(forked, "fork_available", lambda: False)
    files = sorted(str(p) for p in batch_dir.iterdir())
    build_summary(files, str(tmp_path), Settings(), jobs=1, sources=[str(batch_dir)])
    assert xlsx_sheets(tmp_path / "summary.xlsx") == xlsx_sheets(Path(summary.out_dir, "summary.xlsx"))


def test_a_failing_xlsx_writer_writes_nothing(batch_dir, tmp_path, monkeypatch):
    pytest.importorskip("openpyxl")
    from disclint.summary import build_summary, forked
    from disclint.summary.outset import SummaryNotWritten

    if not forked.fork_available():
        pytest.skip("needs fork")

    def broken(parts):
        raise ValueError("no room")

    monkeypatch.setattr("disclint.summary.book.summary_xlsx", broken)
    files = sorted(str(p) for p in batch_dir.iterdir())
    with pytest.raises(SummaryNotWritten, match=r"^cannot write .*/out: ValueError: no room; nothing was written$"):
        build_summary(files, str(tmp_path / "out"), Settings(), jobs=2)
    assert os.listdir(tmp_path) == []  # neither the folder nor a temporary one beside it


def test_the_xlsx_writer_is_stopped_when_the_summary_fails(batch_dir, tmp_path):
    import multiprocessing

    from disclint.summary import build_summary

    def interrupted(n):  # the user presses Ctrl-C during the lint
        raise KeyboardInterrupt

    files = sorted(str(p) for p in batch_dir.iterdir())
    with pytest.raises(KeyboardInterrupt):
        build_summary(files, str(tmp_path / "out"), Settings(), jobs=2, progress=interrupted)
    assert not [p for p in multiprocessing.active_children() if "summary.xlsx" in p.name]
    assert not (tmp_path / "out").exists()


def test_index_html_is_self_contained(summary):
    html = Path(summary.out_dir, "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|img|iframe)[^>]+src=|<link\b|@import|url\(", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert 'id="chart-kinds"' in html and 'id="chart-agencies"' in html and 'id="chart-years"' in html
    for link in ("summary.xlsx", "summary.csv", "通报草稿.docx"):
        assert f'href="{link}"' in html
    assert html.count("<tr data-index=") == len(summary.digests)
    # report text never closes the data script early
    data = html.split('<script type="application/json" id="summary-data">')[1].split("</script>")[0]
    assert len(json.loads(data)["reports"]) == len(summary.digests)


def test_cli_writes_the_summary_and_exits_with_the_unreadable_code(batch_dir, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["summary", str(batch_dir), "--out", str(out), "-j", "2", "--no-progress"])
    assert result.exit_code == 3, result.output  # two files could not be read; the others are reported
    assert sorted(os.listdir(out)) == [".disclint-summary.json", "findings.json", "index.html", "summary.csv",
                                       "summary.xlsx", "通报草稿.docx"]
    assert "跨年度比对 8 组" in result.output


def test_cli_exit_codes_without_unreadable_files(tmp_path):
    from .conftest import FILES

    args = ["summary", str(FILES["pingtan-018.html"]), str(FILES["pingtan-019.html"]), "--out", str(tmp_path / "o")]
    assert CliRunner().invoke(main, args).exit_code == 1  # DL502 is a warning; the default fail-on is warning
    assert CliRunner().invoke(main, args + ["--exit-zero"]).exit_code == 0
    assert CliRunner().invoke(main, args[:-1] + [str(tmp_path / "n"), "--no-xlsx"]).exit_code == 1
    assert sorted(os.listdir(tmp_path / "n")) == [".disclint-summary.json", "findings.json", "index.html",
                                                  "summary.csv", "通报草稿.docx"]
