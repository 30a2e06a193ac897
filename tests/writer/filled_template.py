"""The official 2021 blank template (../shared/corpus/docs/peers/政务公开年报模版.docx, copied to tests/corpus/docs/peers/)
filled in as a county government's writer would in Word: a title, the prose of
each section, the three tables — with one application wrongly counted as carried over
(「四、结转下年度继续办理」·自然人 typed 3 where 2 balances) and, optionally, section 五 left out."""
from __future__ import annotations

import io
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[1] / "corpus" / "docs" / "peers" / "政务公开年报模版.docx"
TITLE = "临川县人民政府2024年政府信息公开工作年度报告"

# requests table (the template's second table): row index → 自然人 count; 总计 column equals it
REQUESTS = {3: 14, 4: 2, 5: 10, 6: 2, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 0, 14: 0, 15: 1,
            16: 0, 17: 0, 18: 0, 19: 0, 20: 0, 21: 0, 22: 0, 23: 0, 24: 0, 25: 1, 26: 14, 27: 2}
WRONG_ROW, WRONG_VALUE, RIGHT_VALUE = 27, 3, 2


def _set(cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    for run in paragraph.runs:
        run.text = ""
    if paragraph.runs:
        paragraph.runs[0].text = text
    else:
        paragraph.add_run(text)


def _set_paragraph(paragraph, text: str) -> None:
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    if paragraph.runs:
        paragraph.runs[0].text = text
    else:
        paragraph.add_run(text)


def filled(leave_out_problems: bool = True, wrong_cell: bool = True) -> bytes:
    import docx

    document = docx.Document(str(TEMPLATE))
    paragraphs = document.paragraphs
    _set_paragraph(paragraphs[1], TITLE)
    _set_paragraph(paragraphs[4], "2024年，临川县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，"
                                  "全年主动公开政府信息1268条，收到政府信息公开申请14件。"
                                  "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
    _set_paragraph(paragraphs[29], "一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，提升公开质量。")
    _set_paragraph(paragraphs[31], "本年度未收取信息处理费。政务公开工作已纳入绩效考核，工作考核、社会评议和责任追究结果"
                                   "情况：全年开展社会评议1次，未发生责任追究情况。")
    proactive, requests, appeals = document.tables
    for row, values in {2: ("0", "0", "3"), 3: ("5", "1", "42"), 6: ("126",), 9: ("38",), 10: ("2",),
                        13: ("0",)}.items():
        for j, value in enumerate(values):
            _set(proactive.rows[row].cells[1 + j], value)
    for row, value in REQUESTS.items():
        natural = WRONG_VALUE if wrong_cell and row == WRONG_ROW else value
        cells = requests.rows[row].cells
        _set(cells[3], str(natural))
        for j in range(4, 9):
            _set(cells[j], "0")
        _set(cells[9], str(value))
    for j in range(15):
        _set(appeals.rows[3].cells[j], "0")
    if leave_out_problems:
        for p in (paragraphs[28], paragraphs[29]):
            p._p.getparent().remove(p._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
