"""Variants of the filled official template (tests/tables/fixtures/filled-template.docx, made by
scripts/fill_template.py: a county government's report with 「四、结转下年度继续办理」·自然人 typed 3
where 2 balances), edited the way a writer edits in Word: section 五 left out, the slip corrected,
the statement a government's report owes (工作考核、社会评议和责任追究) added."""
from __future__ import annotations

import io
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "tables" / "fixtures" / "filled-template.docx"
TITLE = "某县人民政府2023年政府信息公开工作年度报告"
PROBLEMS = "五、存在的主要问题及改进情况"
STATEMENT = ("本年度未收取信息处理费。我县将政务公开纳入绩效考核，工作考核、社会评议和责任追究结果情况："
             "开展社会评议1次，未发生责任追究情况。")


def filled(leave_out_problems: bool = True, wrong_cell: bool = True) -> bytes:
    import docx

    document = docx.Document(str(FIXTURE))
    paragraphs = document.paragraphs
    for i, p in enumerate(paragraphs):
        if p.text.startswith("本年度未收取信息处理费"):
            p.runs[0].text = STATEMENT
            for run in p.runs[1:]:
                run.text = ""
        if leave_out_problems and p.text.strip() == PROBLEMS:
            for gone in (p, paragraphs[i + 1]):  # the heading and its paragraph
                gone._p.getparent().remove(gone._p)
    if not wrong_cell:
        cell = document.tables[1].rows[27].cells[3]
        assert cell.text == "3"
        cell.text = "2"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
