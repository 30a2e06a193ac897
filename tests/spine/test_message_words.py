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
                      r"|(?<![A-Za-z])(?:PDF|HTML|DOCX|XLSX|Word|WPS|Excel|Markdown|UTF-8|UTF-16|UTF-32|GB18030|GBK|Big5|BOM|URL|OCR)"
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
            found = problems(message, lang, text, f.finding_kind)
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


# --- what the commands print besides findings: read errors, `disclint rules`, `disclint explain` -------

def _cli(*args: str) -> str:
    from click.testing import CliRunner

    from disclint.cli import main

    return CliRunner().invoke(main, list(args)).output


def _unreadable_files(folder: Path) -> list[Path]:
    """One file for each read error a writer meets most: empty, binary, undecodable, missing, damaged."""
    files = {"empty.txt": b"", "binary.txt": b"\x00\x01\x02PK\x03\x04" * 40,
             "encoding.txt": b"\xff\xfe\x00\xd8", "damaged.docx": b"PK\x03\x04 not a zip package",
             "damaged.pdf": b"%PDF-1.7 truncated"}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / n for n in files] + [folder / "missing.txt"]


def test_read_error_lines_in_both_languages(tmp_path):
    """A file that cannot be read: under Chinese 无法读取 and the kind's Chinese name, its id kept only
    as the code `disclint explain` takes (Eencoding); under English the reader's own words."""
    files = [str(p) for p in _unreadable_files(tmp_path)]
    lines = {lang: [line for line in _cli("check", "--isolated", "--no-cache", "--lang", lang, *files).splitlines()
                    if line.startswith(str(tmp_path))] for lang in ("zh", "en")}
    assert len(lines["zh"]) == len(lines["en"]) == len(files)
    for line in lines["zh"]:
        rest = line.split(": ", 1)[1]
        code, words = rest.split(" ", 1)
        assert re.fullmatch(r"E[a-z-]+", code) and words.startswith("无法读取（"), line
        assert problems(words, "zh") == [] and "error" not in rest, line
    for line in lines["en"]:
        assert re.search(r": error\[[a-z-]+\] ", line) and not _CJK.search(line.split(": ", 1)[1]), line


def test_rules_listing_in_both_languages():
    zh, en = _cli("rules").splitlines(), _cli("rules", "--lang", "en").splitlines()
    assert len(zh) == len(en) == len(load_rules()) + 1
    for line in zh:
        # the code and the rule's name are ids (select, ignore and directives take them); the rest is Chinese
        rest = line.split(None, 2)[2]
        assert problems(rest.replace(",", " "), "zh") == [] and _CJK.search(rest), line
    assert zh[0].split() == ["代码", "名称", "类别", "级别", "适用格式"]
    assert not [line for line in en if _CJK.search(line)]


def test_explain_in_both_languages():
    from tests.spine.test_english_output import cjk

    """`disclint explain` for every rule and every read-error kind: under Chinese the head (code, name,
    kind, severity) and the examples' messages are checked by test_explain_words; here every message an
    example gets under English is English (beyond quotations of the example), and the read errors are
    explained in each language."""
    from disclint.readers.base import ERROR_REASONS

    bad = []
    for rule in load_rules():
        text = _cli("explain", rule.code, "--lang", "en")
        head = text.splitlines()[0]
        if _CJK.search(head) or not text.startswith(f"{rule.code} {rule.name} ("):
            bad.append(head)
        examples = "".join(ex.text for ex in rule.fail + rule.passes)
        for line in text.splitlines():
            if line.startswith("    → ") and cjk(line, examples):
                bad.append(line)
    for kind in ERROR_REASONS:
        zh, en = _cli("explain", f"E{kind}"), _cli("explain", f"E{kind}", "--lang", "en")
        if problems(zh.replace(f"E{kind}", ""), "zh") or not _CJK.search(zh) or _CJK.search(en):
            bad.append((kind, zh, en))
    assert bad == []


def test_a_finding_without_a_place_reads_whole_report():
    """A text file's finding about the whole report (a missing figure) has no line: 全文 says so under
    Chinese (not -:-); concise and github keep their line numbers, which machines read."""
    seed = str(SEEDS / "003_9e41aa4172b10319.txt")
    zh = _cli("check", "--isolated", "--no-cache", "--select", "DL333", seed)
    assert f"{seed}:全文: DL333 警告 " in zh and "-:-" not in zh
    concise = _cli("check", "--isolated", "--no-cache", "--select", "DL333", "--format", "concise", seed)
    assert re.search(r":\d+:\d+: DL333 ", concise)
