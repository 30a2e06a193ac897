"""A rule that could not finish on a report: one of its user patterns ran past its time limit
(catastrophic backtracking). The finding names the rule, the pattern and how long it ran; the rule is
skipped for that report and everything else is still checked.

The engine makes these findings itself (disclint.engine.guarded); the kind exists so that the code
is a rule like any other: listed by `disclint rules`, explained by `disclint explain DL690`.
"""
from __future__ import annotations

from ..model import Document

FINDING_KIND = "rule-error"
PARAMS: dict = {}
# the fields its messages may name (engine.template)
FIELDS = ("detail_en", "detail_zh", "rule_code", "rule_name", "rule_source")


def check(doc: Document, rule):
    return ()
