"""The stages of one report, from text to findings: segment → facts → tables → rule kinds → located
findings. `Linter` (engine/linter.py) runs them; nothing here loads rules: it is handed them."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import kinds
from ..facts import establish_facts
from ..grammar import segment
from ..model import Document, Finding, Severity
from ..readers import ReadError, Source
from ..settings import Settings
from .guarded import guarded_check
from .rule import Rule

if TYPE_CHECKING:
    from ..suppress.directives import Suppression
    from ..tables.build import TableIdentities


@dataclass
class FileResult:
    """One file linted: its document (None when it could not be read), its findings, or its read error.

    `directives` are the inline suppressions of the text the reader read (parsed where that text is
    at hand, so suppression never reads the file again); `rules` are the rules the result was made
    with, for formatters (SARIF's rule table) — left out when a result is pickled (pool, cache)."""

    path: str
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: ReadError | None = None
    directives: list[Suppression] = field(default_factory=list)
    rules: tuple[Rule, ...] = field(default=(), compare=False, repr=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["rules"] = ()
        return state


def analyse(source: Source, settings: Settings, identities: TableIdentities) -> Document:
    """The typed model with its facts and tables, before any rule runs."""
    doc = establish_facts(segment(source), settings.profile)
    if doc.genre == "annual-report":
        from ..tables import rebuild_tables

        doc.tables = rebuild_tables(doc, identities)
    return doc


def check_document(doc: Document, rules: Iterable[Rule], error_rule: Rule) -> list[Finding]:
    """Run `rules` on `doc`: located findings, in rule order (overrides and order are the Linter's). A rule
    that cannot finish gives a finding of `error_rule`, the rule set's rule-error rule (RuleSet.rule_error)."""
    findings: list[Finding] = []
    for rule in rules:
        if doc.genre == "not-annual-report":
            if rule.kind != "not-annual-report":
                continue
        elif doc.profile not in rule.profiles:
            continue
        # A user pattern that runs too long becomes one rule-error finding, not a hang (safe_regex).
        for finding in guarded_check(kinds.get(rule.kind).check, doc, rule, error_rule):
            findings.append(locate(doc, finding))
    return findings


def apply_severity(findings: list[Finding], levels: dict[str, str]) -> None:
    """The configuration's per-rule severities (RuleSet.severity_levels), applied once to a file's
    final findings (a rule error keeps its own: it is about the rule, not the report)."""
    for finding in findings:
        level = levels.get(finding.rule)
        if level and finding.finding_kind != "rule-error":
            finding.severity = Severity(level)


def sort_findings(findings: list[Finding]) -> None:
    findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule))


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


def lint_file(path: str, settings: Settings = Settings()) -> FileResult:
    """`Linter.lint_path` with one Settings object (tests, and callers written before the Linter): the
    engine's Linter for these settings, so the packs are still read once per process."""
    from .linter import linter_for

    return linter_for(settings).lint_path(path, settings)


def lint_source(source: Source, settings: Settings = Settings()) -> FileResult:
    """`Linter.lint_source` with one Settings object (see lint_file)."""
    from .linter import linter_for

    return linter_for(settings).lint_source(source, settings)
