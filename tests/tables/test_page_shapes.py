"""The three tables as government web pages print them once their text is taken off the page. The
official template filled as issue 13's writer did (fixtures/filled-template.docx, one cell wrong:
「四、结转下年度继续办理」·自然人 3 where 2 balances) is written out in the ways real report pages
were seen to print a table:

- `| a | b |` rows (pages turned into Markdown);
- `a |  | b |` rows, blank cells kept, a row that begins with a blank cell beginning with `|`
  (www.xuwen.gov.cn, 徐闻县, 2023);
- `a | b |` rows with the blank cells left out, merged cells printed once (www.zhanjiang.gov.cn,
  湛江市地方志办公室, 2023);
- every cell on a line of its own, `a |`, with `|||` lines where cells were blank (a 陕西 county's
  统计局, 2023);
- cells split by tabs, or by spaces.

Each way, with full-width or ASCII brackets, the report gives the docx's own table findings, on the
line of the wrong cell, and none of the row labels (三、本年度办理结果, （三）不予公开, 3.其他) is
taken for a heading."""
from __future__ import annotations

from pathlib import Path

import pytest

from disclint.engine.run import lint_file, lint_source
from disclint.readers import read_path
from disclint.readers.base import Source
from disclint.settings import Settings

FILLED = Path(__file__).parent / "fixtures" / "filled-template.docx"
WRONG = "四、结转下年度继续办理"
SHAPES = ["bordered", "blanks-kept", "blanks-left-out", "cell-per-line", "tabs", "spaces"]


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip()[1:-1].split("|")]


def _printed(shape: str, ascii_brackets: bool) -> str:
    """The docx reader's text (its tables as `| a | b |` rows), with the tables printed `shape`'s way."""
    out = []
    for line in read_path(str(FILLED)).text.splitlines():
        if not line.startswith("|"):
            out.append(line)
            continue
        cells = _cells(line)
        if shape == "bordered":
            out.append(line)
        elif shape == "blanks-kept":
            out.append(" | ".join(cells).strip() + " |")
        elif shape == "blanks-left-out":
            out.append(" | ".join(c for c in cells if c) + " |")
        elif shape == "cell-per-line":
            out += [f"{c} |" for c in cells if c]
            out.append("|" * sum(1 for c in cells if not c))
        elif shape == "tabs":
            out.append("\t".join(cells))
        elif shape == "spaces":
            out.append(" ".join(c for c in cells if c))
    text = "\n".join(out) + "\n"
    if ascii_brackets:
        text = text.translate(str.maketrans("（）：，", "():,"))
    return text


def _lint(text: str):
    return lint_source(Source(path="page.txt", text=text, format="text"), Settings())


@pytest.mark.parametrize("ascii_brackets", [False, True], ids=["full-width", "ascii"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_table_printed_the_way_of_a_web_page_is_read_as_the_docx(shape, ascii_brackets):
    text = _printed(shape, ascii_brackets)
    result = _lint(text)
    docx = lint_file(str(FILLED), Settings())
    table_rules = [f.rule for f in result.findings if f.rule.startswith("DL3")]
    assert table_rules == [f.rule for f in docx.findings if f.rule.startswith("DL3")] == ["DL301", "DL302"]
    for finding in (f for f in result.findings if f.rule.startswith("DL3")):
        assert finding.repairs == [[{"row": "r4_carry_out", "column": "np", "actual": 3, "expected": 2}]]
        line = text.splitlines()[finding.line - 1].lstrip("| ")
        # on the wrong cell's own line: the row, or (one cell a line) the cell itself
        assert line.startswith(WRONG) or line == "3 |", (finding.line, line)
    assert not [f for f in result.findings if f.rule == "DL010"], "a row label was taken for a heading"
    headings = [b.title for b in result.document.blocks if type(b).__name__ == "Heading"]
    assert not [h for h in headings if "|" in h]


def test_a_page_that_printed_each_cell_on_a_line_has_its_proactive_table_read():
    """Before, its first table was taken as one column of labels with no figures: 整表空白."""
    result = _lint(_printed("cell-per-line", ascii_brackets=True))
    cells = result.document.tables["proactive"].cells
    assert {row: {column: cell.value for column, cell in values.items()} for row, values in cells.items()} == {
        "art20_1.regulations": {"issued": 1, "repealed": 0, "valid": 12},
        "art20_1.normative": {"issued": 5, "repealed": 2, "valid": 48},
        "art20_5.licensing": {"decisions": 326}, "art20_6.penalty": {"decisions": 85},
        "art20_6.coercion": {"decisions": 3}, "art20_8.fees": {"fee_amount": 0}}
    assert not [f.rule for f in result.findings if f.rule.startswith("DL33")]  # blank table, missing figure
