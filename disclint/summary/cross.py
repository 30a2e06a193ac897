"""Cross-report checks inside a batch: pair the reports of one body in consecutive years, run the
cross-report rule kinds on each pair, and attach their findings to the later report (regulation.md
§5.2: X-CARRY, X-VALID-2021, X-DUP)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import kinds
from ..formatters.common import path_text
from ..formatters.json import finding_json
from ..model import Severity
from ..settings import Settings
from . import forked
from .agency import normalise_agency, short_key
from .digest import ReportDigest


@dataclass
class Pairing:
    pairs: list[tuple[ReportDigest, ReportDigest]] = field(default_factory=list)  # (previous year, this year)
    notes: list[str] = field(default_factory=list)  # why a report that could have paired did not


def agency_key(d: ReportDigest) -> str | None:
    """The body a report is of: the name in its title, else the agency the facts found."""
    doc = d.document or {}
    return normalise_agency(d.title_agency) or normalise_agency(doc.get("agency"))


def _pairable(d: ReportDigest) -> bool:
    doc = d.document
    return bool(doc) and doc["kind"] == "annual-report" and isinstance(doc.get("year"), int)


def _merge_parent_forms(groups: dict[str, list[ReportDigest]]) -> None:
    """淮安市洪泽区 and 洪泽区 are one body when nothing else shortens to 洪泽区 (南京市城市管理局 and
    苏州市城市管理局 both shorten to 城市管理局, so neither joins a bare 城市管理局)."""
    by_short: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        short = short_key(key)
        if short != key:
            by_short[short].append(key)
    for short, longs in by_short.items():
        if len(longs) == 1 and short in groups:
            groups[short].extend(groups.pop(longs[0]))


def pair_reports(digests: list[ReportDigest]) -> Pairing:
    groups: dict[str, list[ReportDigest]] = defaultdict(list)
    for d in digests:
        key = agency_key(d) if _pairable(d) else None
        if key:
            groups[key].append(d)
    _merge_parent_forms(groups)
    out = Pairing()
    for key, reports in groups.items():
        by_year: dict[int, list[ReportDigest]] = defaultdict(list)
        for d in reports:
            by_year[d.document["year"]].append(d)
        for year in sorted(by_year):
            if year - 1 not in by_year:
                continue
            prev, this = by_year[year - 1], by_year[year]
            if len(prev) > 1 or len(this) > 1:
                names = "、".join(path_text(d.path) for d in prev + this)
                out.notes.append(f"{key} {year - 1}/{year}: 同一年有多份报告，未做跨年度比对 ({names})")
                continue
            out.pairs.append((prev[0], this[0]))  # each body's years in order: see duplicate_content.shingles
    return out


# Below this many pairs a second process costs more than it saves (a fork, and pickling findings back).
PARALLEL_PAIRS = 256


def cross_check(digests: list[ReportDigest], settings: Settings, processes: int = 1, rules=None) -> Pairing:
    """Run every selected cross-report rule (`rules`: the engine's, by default those `settings` select) on
    every pair; findings go into the later report's entry. With `processes` > 1 and many pairs, a forked
    child checks the second half of them meanwhile."""
    if rules is None:
        from ..engine.linter import linter_for

        rules = linter_for(settings).rule_set(settings).cross_report(settings)
    overrides = dict(settings.severity)
    pairing = pair_reports(digests)
    pairs = pairing.pairs

    def check(part: list[tuple[ReportDigest, ReportDigest]]) -> list[list[dict]]:
        return [_pair_findings(prev, this, rules, overrides, settings.lang) for prev, this in part]

    if processes > 1 and len(pairs) >= PARALLEL_PAIRS and forked.fork_available():
        half = len(pairs) // 2
        rest = forked.Child(lambda: check(pairs[half:]), "checking pairs of reports")
        found = check(pairs[:half]) + rest.result()
    else:
        found = check(pairs)
    for (_, this), records in zip(pairs, found):
        _attach(this, records)
    return pairing


def _attach(this: ReportDigest, records: list[dict]) -> None:
    this.findings.extend(records)
    this.findings.sort(key=lambda f: (f.get("line") or 0, f.get("column") or 0, f["rule"]))


def _pair_findings(prev: ReportDigest, this: ReportDigest, rules, overrides: dict, lang: str) -> list[dict]:
    this_doc, prev_doc = this.document, prev.document
    records = []
    for rule in rules:
        if this_doc["profile"] not in rule.profiles or prev_doc["profile"] not in rule.profiles:
            continue
        module = kinds.get(rule.kind)
        mine, theirs = this.cross.get(rule.kind), prev.cross.get(rule.kind)
        if mine is None or theirs is None:
            continue
        for finding in module.check_pair(mine, theirs, rule, this_year=this_doc["year"], prev_year=prev_doc["year"]):
            severity = overrides.get(rule.code) or overrides.get(rule.name)
            if severity:
                finding.severity = Severity(severity)
            record = finding_json(finding, lang)
            record["previous"] = path_text(prev.path)  # the report it was compared with
            records.append(record)
    return records
