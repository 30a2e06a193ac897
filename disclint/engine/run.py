"""One report from path to findings: read → segment → facts → tables → rule kinds → located findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import kinds
from ..facts import establish_facts
from ..grammar import segment
from ..model import Document, Finding, Severity
from ..readers import ReadError, Source, read_path
from ..settings import Settings
from .guarded import guarded_check
from .loader import load_rules
from .rule import Rule


@dataclass
class FileResult:
    path: str
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: ReadError | None = None


@lru_cache(maxsize=8)
def rules_for(settings: Settings) -> tuple[Rule, ...]:
    return tuple(r for r in load_rules(settings.rule_dirs, settings.max_rule_pack_bytes) if _selected(r, settings))


def _selected(rule: Rule, settings: Settings) -> bool:
    if settings.select and not any(map(rule.matches, settings.select)):
        return False
    return not any(map(rule.matches, settings.ignore))


def analyse(source: Source, settings: Settings) -> Document:
    """The typed model with its facts and tables, before any rule runs."""
    doc = establish_facts(segment(source), settings.profile)
    if doc.kind == "annual-report":
        from ..tables import rebuild_tables

        doc.tables = rebuild_tables(doc)
    return doc


def check_document(doc: Document, settings: Settings) -> list[Finding]:
    overrides = dict(settings.severity)
    findings: list[Finding] = []
    for rule in rules_for(settings):
        if doc.kind == "not-annual-report":
            if rule.kind != "not-annual-report":
                continue
        elif doc.profile not in rule.profiles:
            continue
        # A user pattern that runs too long becomes one rule-error finding, not a hang (safe_regex).
        for finding in guarded_check(kinds.get(rule.kind).check, doc, rule):
            severity = overrides.get(rule.code) or overrides.get(rule.name)
            if severity and finding.kind != "rule-error":
                finding.severity = Severity(severity)
            findings.append(locate(doc, finding))
    findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule))
    return findings


def locate(doc: Document, finding: Finding) -> Finding:
    if finding.start is not None and finding.line is None:
        finding.line, finding.column = doc.position(finding.start)
    if finding.start is not None and not finding.anchor:
        end = finding.end if finding.end is not None and finding.end > finding.start else finding.start + 12
        finding.anchor = " ".join(doc.text[finding.start:min(end, finding.start + 24)].split())
    if finding.line is not None:
        extra = doc.source.locations.get(finding.line)
        if extra:
            finding.where = {**extra, **finding.where}
    return finding


def lint_source(source: Source, settings: Settings = Settings()) -> FileResult:
    doc = analyse(source, settings)
    return FileResult(path=source.path, document=doc, findings=check_document(doc, settings))


def lint_file(path: str, settings: Settings = Settings()) -> FileResult:
    try:
        source = read_path(path, settings.max_bytes)
    except ReadError as e:
        return FileResult(path=path, error=e)
    return lint_source(source, settings)
