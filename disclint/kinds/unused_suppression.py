"""Suppressions that suppressed nothing (finding kind `unused-suppression`, rules DL601 and DL602).

These findings are about the linting itself, not the report: an inline directive, a sidecar entry
or a directive naming no rule. They need every other rule's findings first, so `disclint.suppress`
makes them after the rules ran; this module is the kind the rules of rules/tool.yaml name, so that
they load, list, explain, select and take severity overrides like every other rule.
"""
from __future__ import annotations

FINDING_KIND = "unused-suppression"
PARAMS: dict = {}
# the fields its messages may name (engine.template)
FIELDS = ("directive", "selector")


def check(doc, rule):
    return ()
