"""Every rule's YAML examples, the one place a rule's cases live (tests/rules/examples.py says how they
run): each failing example gives exactly the findings it states — code, line, and the section,
table, row, column and figures where they matter; each passing example gives none of its rule. A
rule without docs, a reference, or a failing and a passing example fails here (the loader refuses
it), and so does a failing example that states no findings."""
from __future__ import annotations

import pytest

from disclint.engine.loader import load_rules
from tests.rules.examples import expected_of, findings_of

RULES = load_rules()
CASES = [(r, o, i, ex) for r in RULES for o, exs in (("fail", r.fail), ("pass", r.passes)) for i, ex in enumerate(exs)]


@pytest.mark.parametrize("rule, outcome, index, example", CASES,
                         ids=[f"{r.code}-{r.name}-{o}{i}" for r, o, i, _ in CASES])
def test_rule_example(rule, outcome, index, example):
    got = findings_of(rule, example)
    if outcome == "fail":
        assert example.findings, f"{rule.code}'s failing example {index} states no findings ({rule.source})"
        assert got == expected_of(rule, example)
        assert got, f"{rule.code}'s failing example {index} must give a finding of its rule"
    else:
        assert example.findings is None or example.findings == (), "a passing example states no findings"
        assert got == [], f"{rule.code} fired on its passing example {index}"


def test_every_rule_is_documented():
    for rule in RULES:
        assert rule.reference.strip() and rule.rationale.strip(), rule.code
        assert rule.message["zh"].strip() and rule.message["en"].strip(), rule.code
        assert rule.fail and rule.passes, rule.code


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_every_cross_report_rule_is_in_the_cross_report_pack():
    cross = [r for r in RULES if r.cross_report]
    assert sorted(r.code for r in cross) == ["DL501", "DL502", "DL503", "DL504"]
    assert all(r.source.split(":")[0].endswith("cross-report.yaml") for r in cross)
