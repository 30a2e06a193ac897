"""Years that disagree with the year the report is about (the title's year), by one of three kinds
of evidence, chosen by the rule's `evidence` key:

- statistics-period: "本报告所列数据统计期限自2020年1月1日起至2020年12月31日止" names another
  year than the title, or does not cover the whole year (pingtan/051: 2019年9月1日 to 12月31日);
- issue-date: the report is signed or published on or before the last day of the year it reports
  on (seed 003 signed 2017年12月27日; pingtan/039 signed 2017年1月8日 on the 2017 report);
- statement: a sentence names a year at an offset from the report year that the rule does not allow
  — "2016年，我们将采取以下措施" in the 2016 report (pingtan/011), or "2020年我局…" in a 2021 report.

Only a year taken from the title is compared: when the year itself came from the statistics period
or the body, there is nothing independent to compare it with.
"""
from __future__ import annotations

import re
from datetime import date

from ..content.dates import issue_dates, valid_date
from .. import safe_regex
from ..model import Document
from ..engine.schema import Pattern

FINDING_KIND = "year-mismatch"
EVIDENCE = ("statistics-period", "issue-date", "statement")
PARAMS = {
    "evidence": (str, True),
    "patterns": (list[Pattern], False),  # statistics-period: groups y1 m1 d1 [y2] m2 d2; statement: group y
    "allowed_offsets": (list[int], False),  # statement: year − report year values that are fine
    "unless": (list[Pattern], False),  # statement: a sentence matching one of these is not about the year itself
    "sections": (list[str], False),  # statement: only in these top-level sections
}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "date", "expected", "found", "next_year", "problem_en", "problem_zh", "section",
          "stated", "which_en", "which_zh", "year")

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_ISSUE_ZH = {"published": "发布日期", "signed": "落款日期", "page": "网页日期"}
_ISSUE_EN = {"published": "publication date", "signed": "signature date", "page": "page date"}


def validate(params: dict, vocab) -> str | None:
    evidence = params["evidence"]
    if evidence not in EVIDENCE:
        return f"evidence must be one of {list(EVIDENCE)}"
    if evidence != "issue-date" and not params.get("patterns"):
        return f"evidence {evidence} needs patterns"
    needed = {"statistics-period": {"y1", "m1", "d1", "m2", "d2"}, "statement": {"y"}}.get(evidence, set())
    for p in params.get("patterns", []):  # compiled by the loader already (schema.Pattern)
        if not needed <= set(safe_regex.user_pattern(p).groupindex):
            return f"pattern {p!r} needs the named groups {sorted(needed)}"
    unknown = [s for s in params.get("sections", []) if s not in vocab.by_id]
    return f"unknown section id(s) {unknown}" if unknown else None


def check(doc: Document, rule):
    if not doc.year or doc.facts.year_source != "title":
        return
    yield from _CHECKS[rule.params["evidence"]](doc, rule)


def _statistics_period(doc: Document, rule):
    for pattern in rule.params["patterns"]:
        for m in safe_regex.user_pattern(pattern).finditer(doc.norm):
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if m.groupdict().get("y2") else y1
            start = valid_date(y1, int(m.group("m1")), int(m.group("d1")))
            end = valid_date(y2, int(m.group("m2")), int(m.group("d2")))
            if not start or not end:
                continue  # a date that is no date is the garbled kind's finding
            found = doc.text[m.start():m.end()]
            if y1 != doc.year or y2 != doc.year:
                stated = y1 if y1 != doc.year else y2
                yield rule.finding(FINDING_KIND, start=m.start(), end=m.end(), found=found, year=doc.year,
                                   expected=doc.year, actual=stated, section=doc.top_section_id_at(m.start()),
                                   problem_zh=f"统计期限写的是{stated}年，标题是{doc.year}年",
                                   problem_en=f"the statistics period names {stated}, the title {doc.year}")
            elif (start, end) != (date(y1, 1, 1), date(y1, 12, 31)):
                yield rule.finding(FINDING_KIND, start=m.start(), end=m.end(), found=found, year=doc.year,
                                   expected=f"{doc.year}-01-01..{doc.year}-12-31",
                                   actual=f"{start.isoformat()}..{end.isoformat()}",
                                   section=doc.top_section_id_at(m.start()),
                                   problem_zh="统计期限不是完整的自然年度（应为1月1日至12月31日）",
                                   problem_en="the statistics period is not the whole calendar year (1 Jan to 31 Dec)")
            return  # the first statement of the period is the one that counts


def _issue_date(doc: Document, rule):
    year_end = date(doc.year, 12, 31)
    for issued in issue_dates(doc):
        when = date.fromisoformat(issued.iso)
        if when <= year_end:
            found = issued.label if issued.kind == "signed" else f"{issued.label} {issued.iso}"
            yield rule.finding(FINDING_KIND, start=issued.start, end=issued.end, found=found, year=doc.year,
                               date=issued.iso, which_zh=_ISSUE_ZH[issued.kind], which_en=_ISSUE_EN[issued.kind],
                               expected=f"> {year_end.isoformat()}", actual=issued.iso)
            return  # one date before the period ends says it; the others repeat it


def _sentence(norm: str, start: int, end: int) -> str:
    begin = max((m.end() for m in _SENTENCE_END.finditer(norm, max(0, start - 120), start)), default=max(0, start - 120))
    stop = _SENTENCE_END.search(norm, end)
    return norm[begin:stop.start() if stop else len(norm)]


def _statement(doc: Document, rule):
    allowed = set(rule.params.get("allowed_offsets", [0]))
    unless = [safe_regex.user_pattern(p) for p in rule.params.get("unless", [])]
    sections = set(rule.params.get("sections", []))
    for pattern in rule.params["patterns"]:
        for m in safe_regex.user_pattern(pattern, multiline=True).finditer(doc.norm):
            stated = int(m.group("y"))
            if stated - doc.year in allowed:
                continue
            if sections and doc.top_section_id_at(m.start()) not in sections:
                continue
            sentence = _sentence(doc.norm, m.start(), m.end())
            if any(u.search(sentence) for u in unless):
                continue
            yield rule.finding(FINDING_KIND, start=m.start("y"), end=m.end(), found=doc.text[m.start("y"):m.end()].strip(),
                               year=doc.year, stated=stated, next_year=doc.year + 1, expected=doc.year, actual=stated,
                               section=doc.top_section_id_at(m.start()))


_CHECKS = {"statistics-period": _statistics_period, "issue-date": _issue_date, "statement": _statement}
