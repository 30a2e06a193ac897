"""Under `--lang en` everything disclint itself writes is English (issue 13): every document of
tests/corpus, the seeds and every rule example is linted with `lang = "en"` and rendered as text, JSON
and SARIF, and the test fails on any CJK character in

- a finding's message (text line, JSON `message`, SARIF `message.text`),
- its place (the text line's position between the file name and the code; JSON and SARIF location
  fields: line, column, page, paragraph, grid table/row/col — everything of `where` but a sheet's name,
  which is the workbook's own), and
- its severity word (text line, JSON `severity`, SARIF `level` and `properties.severity`).

CJK character: U+3000–U+303F (CJK punctuation: 「」、。), U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF
and U+FF00–U+FFEF (full-width forms: （）：，). The one exception is a quotation of the report itself:
text inside 「…」, “…”, ‘…’ or "…" whose content occurs in the document's text (a heading, a cell
label, a phrase the message argues about; white space ignored, and a long quotation cut with "…" counts
when each of its pieces does) is removed before the scan, and so is the one quotation that is text for
the report rather than about it: the reading DL430 proposes for garbled words (`most likely "2020年1月1日"`) — the writer must
find those words in their own file, so they stay as written. A quotation whose content the document does
not hold (a section name disclint supplies, a template word) is scanned like the rest. File names are
the user's and are not scanned; neither are the excerpt and caret lines of the text output (the
report's own line)."""
from __future__ import annotations

import json
import re

import pytest

import disclint
from disclint import formatters
from disclint.formatters.common import display_path
from disclint.report import Report
from disclint.settings import Settings
from tests.conftest import CORPUS, SEEDS
from tests.spine.test_message_words import _examples

ENGLISH = Settings(lang="en")
DOCUMENTS = sorted(p for p in (CORPUS / "docs").rglob("*") if p.is_file()) + sorted(SEEDS.glob("*"))

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_QUOTED = re.compile(r"「([^「」]*)」|“([^“”]*)”|‘([^‘’]*)’|\"([^\"]*)\"")
_PROPOSED = re.compile(r'most likely "[^"]*"')  # the report's garbled words restored (DL430), in its language
_WHERE_NOT_SCANNED = {"sheet"}


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def quotes(content: str, document: str) -> bool:
    """Whether a quotation's content is the document's own words: each of its pieces between the
    ellipses a long quotation is cut with occurs in the document, white space ignored (a reader's
    line breaks and a message's single spaces are not words)."""
    pieces = [p for p in _squeezed(content).split("…") if p]
    return bool(pieces) and all(p in document for p in pieces)


def cjk(text: str, document: str) -> list[str]:
    """The CJK characters of `text` outside quotations of `document`."""
    whole = _squeezed(document)
    own = _PROPOSED.sub("", text)
    own = _QUOTED.sub(lambda m: "" if any(g and quotes(g, whole) for g in m.groups()) else m.group(0), own)
    return _CJK.findall(own)


def text_problems(output: str, path: str, document: str) -> list[str]:
    bad = []
    prefix = display_path(path) + ":"
    for line in output.splitlines():
        if line.startswith("    "):  # the report's own line and the caret under it
            continue
        rest = line[len(prefix):] if line.startswith(prefix) else line
        if cjk(rest, document):
            bad.append(line)
    return bad


def json_problems(output: str, document: str) -> list[str]:
    bad = []
    for entry in json.loads(output)["files"]:
        if entry.get("error"):
            bad += [entry["error"]["message"]] if cjk(entry["error"]["message"], document) else []
            continue
        for f in entry["findings"]:
            fields = {"message": f["message"], "severity": f["severity"]}
            fields.update({k: v for k, v in f.items() if k in _PLACE and k not in _WHERE_NOT_SCANNED})
            bad += [f"{f['rule']} {k}: {v}" for k, v in fields.items() if cjk(str(v), document)]
    return bad


_PLACE = {"line", "column", "page", "paragraph", "grid_table", "grid_row", "grid_col", "cell", "sheet"}


def sarif_problems(output: str, document: str) -> list[str]:
    bad = []
    run = json.loads(output)["runs"][0]
    for n in run["invocations"][0]["toolExecutionNotifications"]:
        bad += [n["message"]["text"]] if cjk(n["message"]["text"].split(": ", 1)[-1], document) else []
    for r in run["results"]:
        props = r.get("properties", {})
        fields = {"message": r["message"]["text"], "level": r["level"], "severity": props.get("severity", "")}
        fields.update({k: v for k, v in props.items() if k in _PLACE and k not in _WHERE_NOT_SCANNED})
        fields["region"] = json.dumps(r["locations"][0]["physicalLocation"].get("region", {}))
        bad += [f"{r['ruleId']} {k}: {v}" for k, v in fields.items() if cjk(str(v), document)]
    return bad


def problems_of(result, document: str) -> list[str]:
    report = Report(results=[result], settings=ENGLISH, rules=result.rules)
    return (text_problems(formatters.render("text", report), result.path, document)
            + json_problems(formatters.render("json", report), document)
            + sarif_problems(formatters.render("sarif", report), document))


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_every_document_in_english(path):
    result = disclint.Linter(ENGLISH).lint_path(str(path), ENGLISH)
    document = result.document.text if result.document else ""
    assert problems_of(result, document) == []


def test_every_rule_example_in_english():
    bad = []
    for rule, example in _examples():
        profile = example.profile or (rule.profiles[0] if len(rule.profiles) == 1 else None)
        result = disclint.lint_text(example.text, Settings(profile=profile, lang="en"))
        bad += [(rule.code, p) for p in problems_of(result, example.text)]
    assert bad == []


def test_the_scan_catches_what_it_is_for():
    assert cjk("the report was published on 2022-04-06 (2019年《条例》第四十九条)", "")
    assert cjk("table 2, row 4, 第4页", "")
    assert cjk('section "总体情况" is missing', "一、概述")  # a name the report does not hold
    assert not cjk('the heading "（2）完善制度" skips a number', "（2）完善制度，升华意识")
    assert text_problems("a.txt:全文: DL333 警告 x\n    「原文」\n", "a.txt", "")
    assert not text_problems("报告.txt:3:1: DL010 warning heading \"一、概述\"\n    一、概述\n", "报告.txt", "一、概述")
