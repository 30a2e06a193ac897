"""Published after the statutory deadline for the issuing body (regulation.md §1.3).

Reports on 2008–2018: every organ by 3月31日 (2007 条例 art. 31). From 2019: departments of
county-level and higher governments by 1月31日, those governments by 3月31日 (2019 条例 art. 49);
townships, subdistricts and other bodies are not named in art. 49, so a late date there is only a
warning that names the statutory reference. The deadlines are the rule's data.

Which date: the page's own 发布时间/成文日期 field, else the signature date — these give the rule's
severity; other page fields (公开日期, a bare 时间) come from the site a copy was taken from and are
only warnings. A report that cannot be dated is not flagged.
"""
from __future__ import annotations

from datetime import date

from ..content.body_type import BODY_TYPES, NAMES_ZH, body_type
from ..content.dates import issue_dates
from ..model import Document, Severity
from ..engine.schema import Struct

FINDING_KIND = "deadline"
PARAMS = {
    # each: {years: [first, last or null], bodies: [body types], by: "MM-DD" of the next year,
    #        basis: the article, basis_en: the article in English (the English message cites it),
    #        statutory: false when only local rules set the date}
    "deadlines": (list[Struct(required={"years": list[(int, type(None))], "bodies": list[str], "by": str,
                                           "basis": str}, optional={"statutory": bool, "basis_en": str})], True),
}
# the fields its messages may name (engine.template)
FIELDS = ("actual", "basis_en", "basis_zh", "body_en", "body_zh", "date", "days", "deadline", "deadline_en", "expected",
          "note_en", "note_zh", "which_en", "which_zh")

_EN_BODY = {"government": "a county-level or higher government", "department": "a department of such a government",
            "township": "a township government", "subdistrict": "a subdistrict office", "other": "another body"}
_EN_DATE = {"published": "published", "signed": "signed", "page": "dated on the page"}
_ZH_DATE = {"published": "发布", "signed": "落款", "page": "网页显示"}


def validate(params: dict, vocab) -> str | None:
    for i, entry in enumerate(params["deadlines"]):
        if not isinstance(entry, dict) or set(entry) - {"years", "bodies", "by", "basis", "basis_en", "statutory"}:
            return f"deadlines[{i}]: keys are years, bodies, by, basis, basis_en, statutory"
        years, bodies = entry.get("years"), entry.get("bodies")
        if not (isinstance(years, list) and len(years) == 2 and isinstance(years[0], int)):
            return f"deadlines[{i}].years must be [first year, last year or null]"
        if not isinstance(bodies, list) or set(bodies) - set(BODY_TYPES):
            return f"deadlines[{i}].bodies must be a list of {list(BODY_TYPES)}"
        try:
            month, day = (int(x) for x in str(entry.get("by", "")).split("-"))
            date(2001, month, day)
        except ValueError:
            return f"deadlines[{i}].by must be MM-DD"
        if not isinstance(entry.get("basis"), str):
            return f"deadlines[{i}].basis must name the article"
    return None


def _deadline_for(entries: list[dict], year: int, body: str | None) -> dict | None:
    """The entry for this year and body; for an unknown body, the latest date any body of that year has."""
    current = [e for e in entries if e["years"][0] <= year and (e["years"][1] is None or year <= e["years"][1])]
    if body is None:
        return max(current, key=lambda e: e["by"], default=None)
    return next((e for e in current if body in e["bodies"]), None)


def _dated(doc: Document):
    """The most authoritative issue date: the page's own field, else the signature, else a page field."""
    dates = issue_dates(doc)
    for kind in ("published", "signed", "page"):
        for d in dates:
            if d.kind == kind:
                return d
    return None


def check(doc: Document, rule):
    if not doc.year:
        return
    body, how = body_type(doc)
    entry = _deadline_for(rule.params["deadlines"], doc.year, body)
    dated = _dated(doc)
    if not entry or not dated:
        return
    month, day = (int(x) for x in entry["by"].split("-"))
    deadline = date(doc.year + 1, month, day)
    when = date.fromisoformat(dated.iso)
    if when <= deadline:
        return
    statutory = entry.get("statutory", True)
    known = body is not None or len(entry["bodies"]) == len(BODY_TYPES)
    severity = None if statutory and known and dated.kind != "page" else Severity.WARNING
    if len(entry["bodies"]) == len(BODY_TYPES):  # one date for every organ: the body does not matter
        body, how = None, ""
    body_zh = NAMES_ZH[body] if body else "各级行政机关"
    body_en = _EN_BODY[body] if body else "any administrative organ"
    days = (when - deadline).days
    yield rule.finding(
        FINDING_KIND, start=dated.start, end=dated.end, severity=severity,
        date=dated.iso, deadline=f"{deadline.year}年{deadline.month}月{deadline.day}日",
        deadline_en=deadline.isoformat(), basis_zh=entry["basis"], basis_en=entry.get("basis_en", entry["basis"]),
        days=days,
        which_zh=_ZH_DATE[dated.kind], which_en=_EN_DATE[dated.kind],
        body_zh=body_zh + ("（按名称推断）" if how in ("agency", "title") else ""),
        body_en=body_en + (" (inferred from its name)" if how in ("agency", "title") else ""),
        note_zh="" if statutory else "；条例未规定此类机关的期限，以当地规定为准",
        note_en="" if statutory else "; the Regulations set no date for such bodies, local rules apply",
        expected=deadline.isoformat(), actual=dated.iso)
