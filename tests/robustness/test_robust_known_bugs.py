"""Failures the long fuzz run found, each replayed from its fuzz input (seed 1 of scripts/fuzz.py) so
that it stays fixed."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.robustness import fuzzing

CORPUS = fuzzing.Corpus()


def outcome_of(index: int, seed: int = 1) -> fuzzing.Outcome:
    case = CORPUS.case(seed, index)
    return fuzzing.run_case(case.name, case.data, time_limit=5)


@pytest.mark.parametrize("index", [19, 357, 518, 5005])
def test_glued_or_huge_numbers_in_a_table(index):
    # fixed in c8a9dd3 (cuts bounded by cells × 15 digits); was a hang or a RecursionError
    assert outcome_of(index).status == "ok"


def test_huge_number_in_prose_totals():
    # fixed: figures of more than 15 digits are not numbers (content/numbers.py); was an OverflowError
    assert outcome_of(1974).status == "ok"


def test_findings_on_one_enormous_line():
    # fixed: the caret excerpt is cut from a window around the column (formatters/_width.py)
    assert outcome_of(807).status == "ok"


def test_catastrophic_user_pattern_in_a_missing_statistic_rule(tmp_path):
    # fixed: every pattern from a rule pack goes through safe_regex.user_pattern; was a hang
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "user.yaml").write_text(textwrap.dedent("""\
        pack: user
        rules:
          - code: DL901
            name: user-catastrophic
            kind: missing-statistic
            severity: warning
            profiles: ['2008']
            message: {zh: "缺少统计", en: "statistic missing"}
            reference: test
            rationale: a user pattern that backtracks catastrophically
            statistic: proactive-count
            patterns: ['(a|aa)+$']
            examples: {fail: ['x'], pass: ['y']}
        """), encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("2010年政府信息公开工作年度报告\n一、概述\n" + "a" * 60 + "b\n", encoding="utf-8")
    code = ("import sys; from disclint.engine.linter import Linter; from disclint.settings import Settings\n"
            f"[r] = Linter(Settings(rule_dirs=({str(pack)!r},), profile='2008')).lint_many([{str(report)!r}], "
            "use_cache=False)\nprint(sorted({f.rule for f in r.findings}))")
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the run hung on a user pattern")
    assert "DL690" in proc.stdout, proc.stdout + proc.stderr


def _unsupported_zip_version(data: bytes) -> bytes:
    """A byte flip seen by the fuzz run (seed 2, input 2864): a central-directory entry that asks for
    zip version 9.3 to extract, which zipfile refuses with NotImplementedError, not BadZipFile."""
    at = data.index(b"PK\x01\x02") + 6
    return data[:at] + bytes([93, 0]) + data[at + 2:]


@pytest.mark.parametrize("name", ["flipped.docx", "flipped.doc", "flipped.xlsx"])
def test_zip_asking_for_an_unsupported_version(name):
    data = _unsupported_zip_version((fuzzing.ROOT / "tests/corpus/docs/peers/政务公开年报模版.docx").read_bytes())
    outcome = fuzzing.run_case(name, data, time_limit=20)
    assert outcome.status == "error:format", outcome.detail
