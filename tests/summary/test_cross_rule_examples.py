"""The examples of the cross-report rules (rules/cross-report.yaml) run as pairs: last year's report,
a line `--- 下一年度 ---`, this year's. Each failing pair makes its rule fire on the later report,
each passing pair does not. (tests/spine runs the single-report rules' examples.)"""
from __future__ import annotations

import pytest

import disclint
from disclint import kinds
from disclint.engine.loader import load_rules
from disclint.settings import Settings
from disclint.summary.cross import cross_check
from disclint.summary.digest import digest_result

SEPARATOR = "--- 下一年度 ---"
RULES = [r for r in load_rules() if getattr(kinds.get(r.kind), "CROSS_REPORT", False)]
CASES = [(r, o, i, ex) for r in RULES for o, exs in (("fail", r.fail), ("pass", r.passes)) for i, ex in enumerate(exs)]


def test_every_cross_report_rule_is_in_the_cross_report_pack():
    assert sorted(r.code for r in RULES) == ["DL501", "DL502", "DL503", "DL504"]
    assert all(r.source.split(":")[0].endswith("cross-report.yaml") for r in RULES)


@pytest.mark.parametrize("rule, outcome, index, example", CASES, ids=[f"{r.code}-{o}{i}" for r, o, i, _ in CASES])
def test_cross_rule_example(rule, outcome, index, example):
    prev_text, this_text = example.text.split(SEPARATOR + "\n")
    settings = Settings(select=(rule.code,))
    prev, this = (digest_result(disclint.lint_text(t, settings, path=f"{name}.txt"), settings)
                  for t, name in ((prev_text, "prev"), (this_text, "this")))
    pairing = cross_check([prev, this], settings)
    assert len(pairing.pairs) == 1, f"the example's two reports did not pair: {pairing.notes}"
    fired = [f for f in this.findings if f["rule"] == rule.code]
    assert not [f for f in prev.findings if f["rule"] == rule.code]
    if outcome == "fail":
        assert fired, f"{rule.code} did not fire on its failing example {index}"
    else:
        assert not fired, f"{rule.code} fired on its passing example {index}: {[f['message'] for f in fired]}"
