"""A statement the 条例 or the format requires is not made anywhere in the report: the 信息处理费
charged in the year, or none (2021 format, 六、其他需要报告的事项), and, in reports of 各级人民政府,
the results of 工作考核、社会评议和责任追究 (2019 条例 art. 50(4)).

A statement has parts (`requires`), each found by any of its patterns; the finding names the parts
that are missing. `bodies` limits a rule to reports by those body types (content/body_type.py);
the finding is placed at the start of `place_at` (a section id) when the report has that section."""
from __future__ import annotations


from ..content.body_type import BODY_TYPES, NAMES_ZH, body_type
from .. import safe_regex
from ..model import Document
from ..engine.schema import Pattern, Struct

# The contract has no kind of its own for an absent statement; a required figure or statement
# that a section lacks is a missing statistic.
FINDING_KIND = "missing-statistic"
PARAMS = {
    "requires": (list[Struct(required={"name": Struct(required={"zh": str, "en": str}),
                                          "patterns": list[Pattern]})], True),  # [{name: {zh, en}, patterns: [regex, ...]}, ...]
    "bodies": (list[str], False),
    "place_at": (str, False),
}
# the fields its messages may name (engine.template)
FIELDS = ("body_en", "body_zh", "missing_en", "missing_zh", "section")


def validate(params: dict, vocab) -> str | None:
    unknown = set(params.get("bodies", [])) - set(BODY_TYPES)
    if unknown:
        return f"unknown body type(s) {sorted(unknown)}; known: {list(BODY_TYPES)}"
    if "place_at" in params and params["place_at"] not in vocab.by_id:
        return f"unknown section id {params['place_at']!r}"
    return None


def check(doc: Document, rule):
    bodies = rule.params.get("bodies")
    kind, how = body_type(doc)
    if bodies and kind not in bodies:
        return
    text = doc.norm
    missing = [part["name"] for part in rule.params["requires"]
               if not any(safe_regex.user_pattern(p).search(text) for p in part["patterns"])]
    if not missing:
        return
    place = rule.params.get("place_at")
    at = next((s for s in doc.sections if s.id == place), None) if place else None
    start = at.start if at else (doc.sections[-1].start if doc.sections else 0)
    yield rule.finding(FINDING_KIND, start=start, end=at.heading.end if at else None, section=place if at else None,
                       missing_zh="、".join(n["zh"] for n in missing), missing_en=", ".join(n["en"] for n in missing),
                       body_zh=f"（按名称推断为{NAMES_ZH.get(kind, '')}）" if how in ("agency", "title") else "",
                       body_en=f" (inferred from its name: {kind})" if how in ("agency", "title") else "")

