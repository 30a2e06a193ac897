"""Heading numbers that skip, repeat, restart, lose their numeral or mix styles within one level.

Seed 003 shows all of them: 一、工作开展基本情况 restarts inside 二、, and （2）（3） continue a
（一） list in another style."""
from __future__ import annotations

from ..model import Document, Section

FINDING_KIND = "numbering"
PARAMS: dict = {}
# the fields its messages may name (engine.template)
FIELDS = ("heading", "problem_en", "problem_zh")

_CN = "零一二三四五六七八九十"


def _show(heading, n: int | None) -> str:
    if n is None:
        return "?"
    if heading.style.value in ("cn", "cn-paren", "part") and n <= 10:
        return _CN[n]
    return str(n)


def check(doc: Document, rule):
    for parent in doc.root.walk():
        yield from _check_children(parent, rule)


def _check_children(parent: Section, rule):
    by_style: dict = {}
    for child in parent.children:
        by_style.setdefault(child.heading.style, []).append(child.heading)
    for style, headings in by_style.items():
        last = 0
        for i, h in enumerate(headings):
            n = h.number
            label = f"{h.marker}{h.title[:16]}"
            if n is None:
                yield rule.finding(FINDING_KIND, start=h.start, end=h.end, problem_zh="编号缺少数字",
                                   problem_en="the number was lost", heading=label)
                last += 1
                continue
            if i == 0 and n != 1:
                parent_h = parent.heading
                if parent_h and parent_h.number == n - 1 and parent_h.style != style:
                    yield rule.finding(FINDING_KIND, start=h.start, end=h.end, heading=label,
                                       problem_zh=f"编号样式混用：接在{parent_h.marker}之后却写作{h.marker}",
                                       problem_en=f'mixed styles: "{h.marker}" continues "{parent_h.marker}"')
                else:
                    yield rule.finding(FINDING_KIND, start=h.start, end=h.end, heading=label,
                                       problem_zh=f"本级编号从{_show(h, n)}开始", problem_en=f"the list starts at {n}")
            elif i > 0 and n <= last:
                yield rule.finding(FINDING_KIND, start=h.start, end=h.end, heading=label,
                                   problem_zh=f"编号重复或重新开始（前一个是{_show(h, last)}）",
                                   problem_en=f"the number repeats or restarts (the previous one is {last})")
                continue
            elif i > 0 and n > last + 1:
                yield rule.finding(FINDING_KIND, start=h.start, end=h.end, heading=label,
                                   problem_zh=f"编号跳过了{_show(h, last + 1)}",
                                   problem_en=f"number {last + 1} is skipped")
            last = max(last, n)
