"""Every message a user can read is in the user's words (issue 13): run every document of the
corpus and the seeds, the filled official template, every rule example and single-cell mutations
of real tables, and fail on any message — in either language — that holds an internal id
(r3_7_total, art20_5.licensing, np), code syntax (==, sum(…), $c), a Python value (None), a brace
or an unfilled placeholder; and, under Chinese, an English word other than rule codes, file and
format names, or words quoted from the document itself."""
from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path

import pytest

import disclint
from disclint import kinds
from disclint.engine.loader import load_rules
from disclint.engine.run import lint_file, lint_source
from disclint.readers import read_path
from disclint.settings import Settings
from tests.conftest import CORPUS, SEEDS

FILLED = Path(__file__).resolve().parent.parent / "tables" / "fixtures" / "filled-template.docx"
DOCUMENTS = sorted(p for p in (CORPUS / "docs").rglob("*") if p.is_file()) + sorted(SEEDS.glob("*")) + \
    [FILLED.with_suffix(s) for s in (".docx", ".pdf", ".html")]

_CODE = re.compile(r"None|True|False|[{}]|==|!=|>=|<=|\$[A-Za-z]|\bsum\(|\b[a-z][a-z0-9]*_[a-z0-9_]+\b"
                   r"|\b(?:np|biz|npo|oth|art20)\b|\b[a-z]+\.[a-z]+_[a-z_]+")
# Words a Chinese message may carry in Latin letters: rule codes, standards, file and format names,
# directive names, and XX (the Chinese templates' own blank).
_ALLOWED = re.compile(r"DL\d+|GB/T ?[\d.-]+|[\w./-]+\.(?:txt|md|docx?|pdf|html?|xlsx?|json|toml|yaml)(?![A-Za-z])"
                      r"|(?<![A-Za-z])(?:PDF|HTML|DOCX|XLSX|Word|WPS|Excel|Markdown|UTF-8|UTF-16|GB18030|GBK|BOM|URL|OCR)"
                      r"(?![A-Za-z])|disclint(?:-[a-z]+)*|(?<![A-Za-z])X{2,}(?![A-Za-z])|https?://\S+")
_QUOTED = re.compile(r"「([^「」]*)」|“([^“”]*)”|\"([^\"]*)\"")
_LATIN = re.compile(r"[A-Za-z]{2,}")


_CJK = re.compile(r"[\u3400-\u9fff]+")
# Kinds whose English messages are wholly English: the tables' words are data in both languages.
_ENGLISH_KINDS = {"table-identity", "table-cell", "table-shape", "missing-table"}


def problems(message: str, lang: str, text: str = "", kind: str = "") -> list[str]:
    out = _CODE.findall(message)
    if lang == "en" and kind in _ENGLISH_KINDS:
        out += _CJK.findall(_QUOTED.sub(lambda m: "" if any(g and g in text for g in m.groups()) else m.group(0),
                                        message))
    if lang == "zh":
        # A quotation of the document's own words may hold anything the document does.
        own = _QUOTED.sub(lambda m: "" if any(g and g in text for g in m.groups()) else m.group(0), message)
        out += _LATIN.findall(_ALLOWED.sub("", own))
    return out


def scan(findings, text: str = "") -> list[tuple]:
    bad = []
    for f in findings:
        for lang, message in (("zh", f.message), ("en", f.message_en)):
            found = problems(message, lang, text, f.kind)
            if found or not message.strip():
                bad.append((f.rule, lang, found, message[:200]))
    return bad


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_messages_of_every_document(path):
    result = lint_file(str(path), Settings())
    text = result.document.text if result.document else ""
    assert scan(result.findings, text) == []


@lru_cache(maxsize=1)
def _examples():
    single = [r for r in load_rules() if not getattr(kinds.get(r.kind), "CROSS_REPORT", False)]
    return [(r, ex) for r in single for ex in r.fail + r.passes]


def test_messages_of_every_rule_example():
    bad = []
    for rule, example in _examples():
        profile = example.profile or (rule.profiles[0] if len(rule.profiles) == 1 else None)
        result = disclint.lint_text(example.text, Settings(profile=profile))
        bad += scan(result.findings, example.text)
    assert bad == []


def test_messages_of_single_cell_mutations():
    """Every cell of a real grid table +1, and every zero left blank: the table findings say it
    in the form's words (repairs named, both sides given) in both languages."""
    source = read_path(str(CORPUS / "docs/pingtan/018.html"))
    bad = []
    for g, grid in enumerate(source.grids):
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                if value and value.strip().isdigit():
                    mutated = copy.deepcopy(source)
                    mutated.grids[g].rows[r][c] = str(int(value) + 1)
                    bad += scan(lint_source(mutated, Settings(select=("DL3",))).findings, source.text)
    blanked = copy.deepcopy(source)
    for grid in blanked.grids:
        grid.rows = [["" if v == "0" else v for v in row] for row in grid.rows]
    bad += scan(lint_source(blanked, Settings()).findings, source.text)
    assert bad == []


def test_the_scan_catches_what_it_is_for():
    assert problems("T3-BAL：（七）总计·自然人应为16（r1_new.np + r2_carry_in.np == r3_7_total.np）", "zh")
    assert problems("proactive表 art20_5.licensing·change「None」：空白，按0计", "zh")
    assert problems("r3_7_total / {column} should be 16", "en")
    assert problems("第2行 error 未见", "zh")
    assert not problems("「收到和处理政府信息公开申请情况」表「自然人」列：第一项加第二项之和（14＋2＝16）", "zh")
    assert not problems("DL301 report.docx 第4页", "zh")
    assert problems("proactive table: 规范性文件 is missing", "en", "", "table-shape")
