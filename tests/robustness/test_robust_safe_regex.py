"""User-written patterns cannot hang a run: a pattern that backtracks catastrophically stops at its time
limit and becomes one rule-error finding (DL690) naming the rule; the rest of the run goes on."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import disclint
from disclint import kinds, safe_regex
from disclint.engine.rule import Example, Rule
from disclint.model import Severity
from disclint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
CATASTROPHIC = r"(a|aa)+$"


def user_rule(pattern: str) -> Rule:
    return Rule(code="DL901", name="user-pattern", kind="user-pattern", severity=Severity.WARNING,
                message={"zh": "匹配「{text}」", "en": "matched {text}"}, profiles=("2008", "2019", "2021"),
                reference="test", rationale="test", fail=(Example("x"),), passes=(Example("y"),),
                params={"pattern": pattern}, source="user.yaml:3")


class _PatternKind:
    """A rule kind that reports every match of a user pattern, written the way safe_regex asks."""

    KIND = FINDING_KIND = "user-pattern"
    PARAMS = {"pattern": (str, True)}

    @staticmethod
    def check(doc, rule):
        for m in safe_regex.compile_pattern(rule.params["pattern"]).finditer(doc.norm):
            yield rule.finding("user-pattern", start=m.start(), end=m.end(), text=m.group())


def test_catastrophic_pattern_times_out():
    pattern = safe_regex.compile_pattern(CATASTROPHIC)
    with pytest.raises(safe_regex.RuleTimeout):
        pattern.search("a" * 60 + "b")


def test_budget_spans_all_calls_of_a_rule():
    pattern = safe_regex.compile_pattern(r"(x+x+)+y")
    # Each search of 120 x's takes some 25 ms, far below one call's limit: only their sum is too much.
    # (22 x's took 0.35 ms: a thousand of them came to the budget or not depending on the machine.)
    with safe_regex.budget(0.3), pytest.raises(safe_regex.RuleTimeout):
        for _ in range(1000):
            pattern.search("x" * 120)


def test_ordinary_patterns_match_like_re():
    pattern = safe_regex.compile_pattern(r"(?<![0-9])([0-9]+)件(?![0-9])")
    assert [m.group(1) for m in pattern.finditer("收到申请12件，办结11件")] == ["12", "11"]
    assert pattern.search("没有") is None


@pytest.mark.parametrize("bad, why", [("(", "not a valid"), ("", "empty"), (123, "string"),
                                      ("a" * 5000, "limit"), (r"((a{100}){100}){100}", "too large")])
def test_problems_are_reported_for_the_loader(bad, why):
    assert why in safe_regex.problem(bad)


def test_a_hanging_rule_becomes_a_rule_error_finding(monkeypatch):
    real_get = kinds.get
    monkeypatch.setattr(kinds, "get", lambda k: _PatternKind if k == "user-pattern" else real_get(k))
    rule = user_rule(CATASTROPHIC)
    monkeypatch.setattr("disclint.engine.linter.Linter.rules", lambda self, settings: (rule,))
    text = SEED + "\n" + "a" * 60 + "b\n"
    result = disclint.lint_text(text, Settings())
    [finding] = result.findings
    assert (finding.rule, finding.finding_kind, finding.severity) == ("DL690", "rule-error", Severity.ERROR)
    assert "DL901" in finding.message and "user.yaml:3" in finding.message
    assert "DL901" in finding.message_en and "catastrophic" in finding.message_en


def test_a_well_behaved_user_rule_still_fires(monkeypatch):
    real_get = kinds.get
    monkeypatch.setattr(kinds, "get", lambda k: _PatternKind if k == "user-pattern" else real_get(k))
    monkeypatch.setattr("disclint.engine.linter.Linter.rules", lambda self, settings: (user_rule("依申请公开"),))
    result = disclint.lint_text(SEED, Settings())
    assert result.findings and {f.rule for f in result.findings} == {"DL901"}
    assert all(result.document.text[f.start:f.end] == "依申请公开" for f in result.findings)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="申请件12 \n", max_size=30), st.sampled_from(["申请", "件", "请件", "申 请"]),
       st.integers(-3, 32), st.one_of(st.none(), st.integers(-3, 32)))
def test_plain_text_patterns_match_like_the_regex(text, literal, pos, endpos):
    # Plain-text patterns are looked for with str.find before the regex module is asked.
    pattern = safe_regex.compile_pattern(literal)
    assert pattern.literal == literal
    found = pattern.search(text, pos, endpos)
    expected = pattern.compiled.search(text, pos, endpos)
    assert (found.span() if found else None) == (expected.span() if expected else None)
    assert [m.span() for m in pattern.finditer(text, pos, endpos)] == \
        [m.span() for m in pattern.compiled.finditer(text, pos, endpos)]


def test_a_plain_text_pattern_stops_a_rule_past_its_budget_too():
    pattern = safe_regex.compile_pattern("依申请公开")
    with safe_regex.budget(-1), pytest.raises(safe_regex.RuleTimeout):
        pattern.search("没有")
    assert safe_regex.compile_pattern("依申请(公开)").literal is None
    assert safe_regex.compile_pattern("依申请公开", ignore_case=True).literal is None
