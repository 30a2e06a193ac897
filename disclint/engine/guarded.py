"""One rule run on one document so that nothing its user patterns do can stop the run: the rule's
check runs inside a time budget for its patterns (disclint.safe_regex), and a pattern past its
limit becomes one finding of the tool's rule-error rule (DL690, rules/tool.yaml) that names the
rule, the pattern and how long it really ran; the rest of the document and of the batch is linted.
The rule-error rule is handed in by the run's rule set (RuleSet.rule_error): nothing here loads rules."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..model import Finding
from ..safe_regex import RULE_BUDGET, RuleTimeout
from ..safe_regex import budget as pattern_budget
from .rule import Rule


def rule_error(error_rule: Rule, rule: Rule, detail_zh: str, detail_en: str) -> Finding:
    """The finding of `error_rule` (DL690) about a rule that could not run on this document."""
    finding = error_rule.finding(rule_code=rule.code, rule_name=rule.name, rule_source=rule.source,
                                 detail_zh=detail_zh, detail_en=detail_en)
    finding.reference = rule.source or None  # where to fix it: the user's pack
    return finding


def timeout_details(e: RuleTimeout) -> tuple[str, str]:
    """What a rule error says of a pattern past its limit: how long it really ran, and which limit."""
    pattern, ran, limit = repr(e.pattern), f"{e.ran:.2f}", f"{e.limit:g}"
    if e.per_search:
        return (f"正则表达式 {pattern} 运行了 {ran} 秒，超过单次搜索 {limit} 秒的上限（可能存在灾难性回溯）",
                f"its regular expression {pattern} ran for {ran} s, past the limit of {limit} s for one search "
                "(catastrophic backtracking?)")
    return (f"正则表达式 {pattern} 在本报告上共运行了 {ran} 秒，超过 {limit} 秒的上限（可能存在灾难性回溯）",
            f"its regular expression {pattern} ran for {ran} s on this report, past the limit of {limit} s "
            "(catastrophic backtracking?)")


def guarded_check(check: Callable[[Any, Rule], Iterable[Finding]], doc: Any, rule: Rule,
                  error_rule: Rule) -> list[Finding]:
    """Run one rule's check on one document, each of its user patterns within RULE_BUDGET; a pattern
    past its limit becomes a finding of `error_rule`."""
    with pattern_budget(RULE_BUDGET):
        try:
            return list(check(doc, rule))
        except RuleTimeout as e:
            return [rule_error(error_rule, rule, *timeout_details(e))]
