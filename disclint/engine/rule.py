"""A rule as loaded from YAML: the shared header every rule has, plus its kind's own keys, resolved
when it loads (its finding kind, whether it looks across reports, the fields its messages may use),
so nothing later looks the kind up again."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, Severity
from .template import render



@dataclass(frozen=True)
class Example:
    text: str
    note: str = ""
    profile: str | None = None
    # The exact findings the example must give, each {code, line, and section/table/row/column/
    # expected/actual where they matter}; None when the example only states that its rule fires (fail)
    # or does not (pass).
    findings: tuple[dict, ...] | None = field(default=None, hash=False, compare=False)
    pack: str | None = None  # a user rule pack the example is linted with (the tool's rule-error rule)


@dataclass(frozen=True)
class Rule:
    code: str  # DL101
    name: str  # kebab-case: missing-section-2008
    kind: str  # rule kind (module in disclint.kinds)
    severity: Severity
    message: dict[str, str]  # {"zh": ..., "en": ...} with {named} placeholders (engine.template)
    profiles: tuple[str, ...]
    reference: str  # the article or notice the rule enforces
    rationale: str
    fail: tuple[Example, ...]
    passes: tuple[Example, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""  # file:line the rule was defined at
    finding_kind: str = ""  # the contract's finding kind its findings carry (missing-section); kind if ""
    cross_report: bool = False  # compares a report with the year before (summary.cross runs it)
    fields: frozenset[str] = field(default=frozenset(), hash=False, compare=False)  # its kind's FIELDS
    reference_en: str = ""  # the reference in English; "" where the Chinese title is cited as it is

    def reference_for(self, lang: str) -> str:
        return self.reference_en if lang == "en" and self.reference_en else self.reference

    def __post_init__(self) -> None:
        if not self.finding_kind:
            object.__setattr__(self, "finding_kind", self.kind)

    def matches(self, selector: str) -> bool:
        """Whether `selector` names this rule: a code or code prefix (DL1, DL101), the rule's name,
        its rule kind or its finding kind. The one meaning of a selector in select, ignore,
        per-file-ignores, severity, suppressions and configuration checks alike."""
        return self.code.startswith(selector) or selector in (self.name, self.kind, self.finding_kind)

    def finding(self, finding_kind: str | None = None, *, start: int | None = None, end: int | None = None,
                severity: Severity | None = None, **fields: Any) -> Finding:
        """A finding of this rule; `fields` fill the message placeholders and the Finding's fields.
        (`finding_kind` is the rule's own unless given: kinds still pass it.)"""
        record = {k: fields.get(k) for k in ("section", "table", "row", "table_column", "expected", "actual")}
        return Finding(rule=self.code, name=self.name, finding_kind=finding_kind or self.finding_kind,
                       severity=severity or self.severity, message=render(self.message["zh"], fields, "zh"),
                       message_en=render(self.message["en"], fields, "en"), start=start, end=end,
                       reference=self.reference, where=fields.get("where") or {},
                       repairs=fields.get("repairs") or [], **record)
