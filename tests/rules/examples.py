"""How a rule's YAML examples are run, for the one parametrised test (test_rule_examples.py).

An example is a report text, linted with every rule as for a user (some rules, the unused
suppressions, speak of the others) and the profile it names, or its rule's only profile. Optional keys:
- `pack`: a user rule pack (YAML text) the example is linted with (rule-dirs), for the tool's
  rule-error rule;
- `findings`: the exact findings of the example's rule, each `{code, line}` plus `section`, `table`,
  `row`, `table_column`, `expected`, `actual` and `severity` where they are not null (and not the
  rule's own severity). Every failing example states them; a passing example gives no finding of
  its rule.
A cross-report rule's example is two reports, last year's and this year's, separated by a line
`--- 下一年度 ---`; they are paired as `disclint summary` pairs them, and its findings are this year's.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import disclint
from disclint.engine.rule import Example, Rule
from disclint.settings import Settings

SEPARATOR = "--- 下一年度 ---"
FIELDS = ("section", "table", "row", "table_column", "expected", "actual")


def settings_for(rule: Rule, example: Example, rule_dir: str | None) -> Settings:
    profile = example.profile or (rule.profiles[0] if len(rule.profiles) == 1 else None)
    return Settings(profile=profile, rule_dirs=(rule_dir,) if rule_dir else ())


def _record(finding: Any, rule: Rule) -> dict:
    """A finding (a Finding, or a JSON record of the summary's) as an example states it."""
    get = finding.get if isinstance(finding, dict) else lambda key: getattr(finding, key)
    severity = get("severity")
    severity = getattr(severity, "value", severity)
    out = {"code": get("rule"), "line": get("line")}
    out.update({key: get(key) for key in FIELDS if get(key) is not None})
    if severity != rule.severity.value:
        out["severity"] = severity
    return out


def normalised(expected: dict, rule: Rule) -> dict:
    """An example's stated finding with the fields it leaves out filled in (null, the rule's severity)."""
    out = {"code": expected["code"], "line": expected.get("line")}
    out.update({key: expected[key] for key in FIELDS if expected.get(key) is not None})
    if expected.get("severity", rule.severity.value) != rule.severity.value:
        out["severity"] = expected["severity"]
    return out


def _key(record: dict) -> tuple:
    return (record["line"] or 0, record["code"], repr(sorted(record.items())))


def findings_of(rule: Rule, example: Example) -> list[dict]:
    """The findings of `rule` the example gives, as the example states them, in line order."""
    with tempfile.TemporaryDirectory() as tmp:
        rule_dir = None
        if example.pack:
            rule_dir = tmp
            Path(tmp, "user.yaml").write_text(example.pack, encoding="utf-8")
        settings = settings_for(rule, example, rule_dir)
        if rule.cross_report:
            found = _cross_findings(rule, example, settings)
        else:
            found = [f for f in disclint.lint_text(example.text, settings).findings if f.rule == rule.code]
    return sorted((_record(f, rule) for f in found), key=_key)


def _cross_findings(rule: Rule, example: Example, settings: Settings) -> list[dict]:
    from dataclasses import replace

    from disclint.summary.cross import cross_check
    from disclint.summary.digest import digest_result

    prev_text, this_text = example.text.split(SEPARATOR + "\n")
    settings = replace(settings, select=(rule.code,))
    prev, this = (digest_result(disclint.lint_text(t, settings, path=f"{name}.txt"), settings)
                  for t, name in ((prev_text, "prev"), (this_text, "this")))
    pairing = cross_check([prev, this], settings)
    assert len(pairing.pairs) == 1, f"the example's two reports did not pair: {pairing.notes}"
    assert not [f for f in prev.findings if f["rule"] == rule.code], "last year's report has findings"
    return [f for f in this.findings if f["rule"] == rule.code]


def expected_of(rule: Rule, example: Example) -> list[dict]:
    return sorted((normalised(f, rule) for f in example.findings or ()), key=_key)
