"""Every rule's YAML examples run: each failing example makes the rule fire, each passing one does not.
A rule without a reference, a rationale or examples fails here (the loader refuses it)."""
from __future__ import annotations

import pytest

import disclint
from disclint import kinds
from disclint.engine.loader import load_rules
from disclint.settings import Settings

RULES = load_rules()
# Cross-report kinds compare two reports; their examples run in tests/summary/test_cross_rule_examples.py.
SINGLE = [r for r in RULES if not getattr(kinds.get(r.kind), "CROSS_REPORT", False)]
CASES = [(r, "fail", i, ex) for r in SINGLE for i, ex in enumerate(r.fail)] + \
        [(r, "pass", i, ex) for r in SINGLE for i, ex in enumerate(r.passes)]


@pytest.mark.parametrize("rule, outcome, index, example", CASES,
                         ids=[f"{r.code}-{r.name}-{o}{i}" for r, o, i, _ in CASES])
def test_rule_example(rule, outcome, index, example):
    profile = example.profile or (rule.profiles[0] if len(rule.profiles) == 1 else None)
    # All rules run, as for a user: some rules (unused suppressions) speak of the others.
    result = disclint.lint_text(example.text, Settings(profile=profile))
    fired = [f for f in result.findings if f.rule == rule.code]
    if outcome == "fail":
        assert fired, f"{rule.code} did not fire on its failing example {index}"
    else:
        assert not fired, f"{rule.code} fired on its passing example {index}: {[f.message for f in fired]}"


def test_every_rule_is_documented():
    for rule in RULES:
        assert rule.reference.strip() and rule.rationale.strip(), rule.code
        assert rule.message["zh"].strip() and rule.message["en"].strip(), rule.code
        assert rule.fail and rule.passes, rule.code


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
