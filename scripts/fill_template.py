"""Fill the official 2021 blank template (corpus peers/政务公开年报模版.docx) as a county government's
report, the way a writer does it in Word, with one slip: 「四、结转下年度继续办理」·自然人 typed 3
where 2 balances (issue 13's scenario). Writes tests/tables/fixtures/filled-template.docx.

    .venv/bin/python scripts/fill_template.py [SOURCE] [OUT]
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "corpus" / "docs" / "peers" / "政务公开年报模版.docx"  # the official blank template
OUT = ROOT / "tests" / "tables" / "fixtures" / "filled-template.docx"

PROSE = {
    "政府信息公开工作年度报告格式模板": "某县人民政府2023年政府信息公开工作年度报告",
    "（文字描述）": None,  # replaced in order by the texts below
    "（文字描述，收取信息处理费情况在此处报告。）": "本年度未收取信息处理费。无其他需要报告的事项。",
}
TEXTS = [
    "2023年，某县人民政府坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "全年通过政府门户网站主动公开政府信息1523条，依申请公开工作依法规范开展。",
    "存在的主要问题是部分单位信息更新不够及时。下一步，我县将加强业务培训，完善信息发布审核机制，提升政务公开质量。",
]

# 申请人情况: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (row index in the grid)
REQUESTS = {
    3: [14, 3, 0, 0, 0, 0, 17],   # 一、本年新收
    4: [2, 0, 0, 0, 0, 0, 2],     # 二、上年结转
    5: [10, 3, 0, 0, 0, 0, 13],   # （一）予以公开
    6: [2, 0, 0, 0, 0, 0, 2],     # （二）部分公开
    15: [1, 0, 0, 0, 0, 0, 1],    # （四）1.本机关不掌握相关政府信息
    25: [1, 0, 0, 0, 0, 0, 1],    # （六）3.其他
    26: [14, 3, 0, 0, 0, 0, 17],  # （七）总计
    27: [3, 0, 0, 0, 0, 0, 2],    # 四、结转下年度继续办理: 自然人 typed 3 where 2 balances
}
PROACTIVE = {2: ["1", "0", "12"], 3: ["5", "2", "48"], 6: ["326"], 9: ["85"], 10: ["3"], 13: ["0"]}
APPEALS = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]


def _set(cell, value) -> None:
    cell.text = str(value)


def fill(source: Path, out: Path) -> None:
    doc = docx.Document(str(source))
    texts = iter(TEXTS)
    for p in doc.paragraphs:
        key = p.text.strip()
        if key in PROSE:
            new = PROSE[key] or next(texts)
            for run in p.runs[1:]:
                run.text = ""
            p.runs[0].text = new
    proactive, requests, appeals = doc.tables
    for r, values in PROACTIVE.items():
        cells = proactive.rows[r].cells
        for k, v in enumerate(values):
            _set(cells[1 + k], v)
    for r in range(3, 28):
        values = REQUESTS.get(r, [0] * 7)
        cells = requests.rows[r].cells
        for k, v in enumerate(values):
            _set(cells[3 + k], v)
    for k, v in enumerate(APPEALS):
        _set(appeals.rows[3].cells[k], v)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))


if __name__ == "__main__":
    fill(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE, Path(sys.argv[2]) if len(sys.argv) > 2 else OUT)
