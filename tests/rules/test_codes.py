"""Every code an output can carry is a rule with docs: `disclint explain` answers for each code
`disclint rules` lists, for the tool's own codes (suppressions, rule errors) written in the source,
and for the finding kind of every rule kind."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from disclint import kinds
from disclint.engine.loader import load_rules
from disclint.engine.rule import Example, Rule
from disclint.model import Severity
from tests.ecosystem.conftest import run_cli

SOURCE = Path(__file__).resolve().parents[2] / "disclint"
LISTED = [r["code"] for r in json.loads(run_cli("rules", "--format", "json").out)]


def test_rules_lists_every_loaded_rule_including_the_tools_own():
    assert sorted(LISTED) == sorted(r.code for r in load_rules())
    assert {"DL601", "DL602", "DL690"} <= set(LISTED)


@pytest.mark.parametrize("code", LISTED)
def test_explain_answers_for_every_listed_code(code):
    result = run_cli("explain", code, "--lang", "en")
    assert result.code == 0, result.err
    assert result.out.startswith(f"{code} ") and "Why:" in result.out and "Failing example" in result.out


def test_every_code_written_in_the_source_is_a_rule():
    written = set()
    for path in SOURCE.rglob("*.py"):
        written |= set(re.findall(r"""["'](DL\d{3})["']""", path.read_text(encoding="utf-8")))
    assert written, "the tool's own codes are written in the source"
    assert written <= set(LISTED), sorted(written - set(LISTED))


@pytest.mark.parametrize("form", ["{}", "E{}", "read-error/{}"])
def test_explain_answers_for_every_read_error_kind_as_each_output_writes_it(form):
    from disclint.formatters._read_error import ZH
    from disclint.readers.base import ERROR_REASONS

    assert set(ZH) == set(ERROR_REASONS)
    for kind, meaning in ERROR_REASONS.items():
        result = run_cli("explain", form.format(kind), "--lang", "en")
        assert result.code == 0 and result.out.startswith(f"read-error/{kind} ") and meaning[1:] in result.out
        result = run_cli("explain", form.format(kind))  # Chinese: the kind's Chinese name and meaning
        assert result.code == 0 and result.out.startswith(f"E{kind} {ZH[kind][0]}（") and ZH[kind][1] in result.out


def test_every_rule_kind_has_a_rule_so_its_finding_kind_is_documented():
    rules = load_rules()
    assert set(kinds.names()) == {r.kind for r in rules}
    for name in kinds.names():
        module = kinds.get(name)
        assert any(r.finding_kind == getattr(module, "FINDING_KIND", name) for r in rules), name


def _rule(**changes) -> Rule:
    base = dict(code="DL101", name="missing-section-2008", kind="required-section", severity=Severity.ERROR,
                message={"zh": "{title}", "en": "{title}"}, profiles=("2008",), reference="r", rationale="r",
                fail=(Example("x"),), passes=(Example("y"),), finding_kind="missing-section")
    return Rule(**{**base, **changes})


@pytest.mark.parametrize("selector, matches", [
    ("DL101", True), ("DL1", True), ("DL", True), ("DL10", True), ("DL102", False), ("DL2", False),
    ("missing-section-2008", True), ("required-section", True), ("missing-section", True),
    ("missing-section-2019", False), ("numbering", False),
])
def test_one_meaning_of_a_selector(selector, matches):
    assert _rule().matches(selector) is matches


def test_rules_know_their_finding_kind_and_whether_they_look_across_reports():
    rules = {r.code: r for r in load_rules()}
    assert rules["DL101"].finding_kind == "missing-section" and not rules["DL101"].cross_report
    assert rules["DL503"].finding_kind == "year-mismatch" and rules["DL503"].cross_report
    assert rules["DL690"].finding_kind == "rule-error"


def test_a_suppression_selects_as_select_does(tmp_path):
    """A rule kind in a directive suppresses that rule's findings, as `select` and `ignore` take it
    (before, suppressions matched the finding kind only)."""
    import disclint

    text = "2017年红花尔基镇政府信息公开工作年度报告\n<!-- disclint-disable-file required-section -->\n一、概述\n"
    plain = disclint.lint_text(text.replace("<!-- disclint-disable-file required-section -->\n", ""))
    assert any(f.rule.startswith("DL1") and f.finding_kind == "missing-section" for f in plain.findings)
    found = disclint.lint_text(text).findings
    assert not [f for f in found if f.finding_kind == "missing-section"]
    assert not [f for f in found if f.rule in ("DL601", "DL602")]
