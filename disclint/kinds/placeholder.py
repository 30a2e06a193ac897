"""Template residue left in a published report: XX, ××, 某某, 【单位名称】, "此处填写",
"（文字描述）" — the blanks and instructions of the template the report was filled in from.

The patterns are the rule's data and are matched on the normalised text (full-width Ｘ and （）
folded, 【】 folded to 〔〕); `ignore` drops matches whose line is page chrome or a link."""
from __future__ import annotations


from .. import safe_regex
from ..model import Document
from ..engine.schema import Pattern

FINDING_KIND = "placeholder"
PARAMS = {
    "patterns": (list[Pattern], True),  # regexes of residue, on the normalised text
    "ignore": (list[Pattern], False),  # regexes: a match on a line that also matches one of these is not residue
}
# the fields its messages may name (engine.template)
FIELDS = ("residue", "section")


def _line_around(norm: str, start: int, end: int) -> str:
    begin = norm.rfind("\n", 0, start) + 1
    stop = norm.find("\n", end)
    return norm[begin:stop if stop >= 0 else len(norm)]


def check(doc: Document, rule):
    patterns = [safe_regex.user_pattern(p) for p in rule.params["patterns"]]
    ignore = [safe_regex.user_pattern(p) for p in rule.params.get("ignore", [])]
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(doc.norm):
            if m.end() == m.start():
                continue
            line = _line_around(doc.norm, m.start(), m.end())
            if any(i.search(line) for i in ignore):
                continue
            spans.append((m.start(), m.end()))
    last_end = -1
    for start, end in sorted(spans):
        if start < last_end:  # overlapping matches of two patterns are one residue
            continue
        last_end = end
        yield rule.finding(FINDING_KIND, start=start, end=end, residue=doc.text[start:end].strip(),
                           section=doc.top_section_id_at(start))
