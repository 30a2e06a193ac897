"""Inline enumerations (一是…二是…三是) that skip or repeat a number within one section.

Reports list measures as 一是…二是… inside paragraphs (regulation.md §8.2); a list that goes
一是…三是 or says 三是 twice (pingtan 007, 010, 018) lost or duplicated an item when it was edited.
A new list starting again at 一是 is normal and not reported."""
from __future__ import annotations


from .. import safe_regex
from ..model import Document, Heading, Paragraph
from ..normalize import chinese_numeral
from ..engine.schema import Pattern

FINDING_KIND = "numbering"
PARAMS = {"marker": (Pattern, True)}  # regex with one group: the numeral (e.g. ([一二…十]{1,2})是)
# the fields its messages may name (engine.template)
FIELDS = ("problem_en", "problem_zh")


def validate(params: dict, vocab) -> str | None:
    # compiled by the loader already (schema.Pattern)
    if safe_regex.user_pattern(params["marker"]).compiled.groups != 1:
        return "marker needs exactly one group, the numeral"
    return None


def check(doc: Document, rule):
    marker = safe_regex.user_pattern(rule.params["marker"])
    for section in doc.root.walk():
        last = 0
        for block in section.blocks:
            if not isinstance(block, (Paragraph, Heading)):
                continue
            for m in marker.finditer(doc.norm, block.start, block.end):
                n = chinese_numeral(m.group(1)) or 0
                if last and n == last:
                    problem = ("zh", f"「{m.group()}」重复出现", "en", f"\"{m.group()}\" appears twice")
                elif last and n > last + 1:
                    problem = ("zh", f"「{m.group()}」前缺少第{last + 1}项", "en", f"item {last + 1} is missing before \"{m.group()}\"")
                else:
                    last = n
                    continue
                last = n
                yield rule.finding(FINDING_KIND, start=m.start(), end=m.end(), problem_zh=problem[1],
                                   problem_en=problem[3])
