"""通报草稿.docx, the draft notice of the summary of real reports (conftest): opened with python-docx,
and rendered to PDF by LibreOffice as an office would print it."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def notice(summary):
    docx = pytest.importorskip("docx")
    return docx.Document(str(Path(summary.out_dir, "通报草稿.docx")))


def test_the_notice_says_scope_result_problems_and_what_to_correct(summary, notice):
    paragraphs = [p.text for p in notice.paragraphs]
    assert paragraphs[0] == "关于2011—2025年度政府信息公开工作年度报告检查情况的通报"
    headings = [t for t in paragraphs if re.match(r"^[一二三四]、", t)]
    assert headings == ["一、检查范围和方式", "二、总体情况", "三、存在的主要问题", "四、整改要求"]
    text = "\n".join(paragraphs)
    n = len(summary.digests)
    assert f"的{n}份年度报告" in text and "另有2份报告未能识别发布单位" in text
    assert "于____年__月__日前完成修改" in text  # the date is the supervisor's to fill
    assert "【主送单位】" in text and "【发文机关】" in text
    # typical problems quoted from the reports: a line of a report in quotation marks
    assert re.search(r"（一）.+（涉及\d+份报告）。", text)
    assert re.search(r"如平潭\S+年度报告写道：“[^”]+”", text)
    # no internal id in what the notice itself says (the findings' messages are quoted as they are)
    own = "\n".join(t for t in paragraphs if not t.startswith("如"))
    assert not re.search(r"art20|r3_|proactive|requests|year-mismatch|DL\d{3}", own)


def test_the_notice_tables_the_bodies_with_problems(summary, notice):
    (table,) = notice.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["序号", "单位", "报告数", "错误（处）", "逾期公布", "主要问题"]
    names = [r[1] for r in rows[1:]]
    assert "平潭县人民政府" in names and "（未识别机关）" not in names
    errors = [int(r[3]) for r in rows[1:]]
    assert errors == sorted(errors, reverse=True)


def test_libreoffice_renders_the_notice_to_pdf(summary, tmp_path):
    soffice = shutil.which("soffice")
    if not soffice:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice is missing in CI (.ci/apt-packages)")
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "notice.docx"
    shutil.copy(Path(summary.out_dir, "通报草稿.docx"), source)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "notice.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 2 <= pages <= 12, pages  # a notice of a few pages, not one line per page or a cut-off page
