"""A rule as loaded from YAML: the shared header every rule has, plus its kind's own keys."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, Severity

PROFILES = ("2008", "2019", "2021")


@dataclass(frozen=True)
class Example:
    text: str
    note: str = ""
    profile: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str  # DL101
    name: str  # kebab-case: missing-section-2008
    kind: str  # rule kind (module in disclint.kinds)
    severity: Severity
    message: dict[str, str]  # {"zh": ..., "en": ...} with {named} placeholders
    profiles: tuple[str, ...]
    reference: str  # the article or notice the rule enforces
    rationale: str
    fail: tuple[Example, ...]
    passes: tuple[Example, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    source: str = ""  # file:line the rule was defined at

    def applies_to(self, profile: str | None) -> bool:
        return profile is None and not self.profiles or profile in self.profiles

    def finding(self, finding_kind: str, *, start: int | None = None, end: int | None = None,
                severity: Severity | None = None, **fields: Any) -> Finding:
        """A finding of this rule; `fields` fill the message placeholders and the Finding's fields."""
        values = fields  # (a dict of its own: made for this call)
        placeholders = _Defaulting(values, "zh")
        zh = self.message["zh"].format_map(placeholders)
        placeholders.lang = "en"
        en = self.message["en"].format_map(placeholders)
        record = {k: values.get(k) for k in ("section", "table", "row", "table_column", "expected", "actual")}
        return Finding(rule=self.code, name=self.name, kind=finding_kind, severity=severity or self.severity,
                       message=zh, message_en=en, start=start, end=end, reference=self.reference,
                       where=values.get("where") or {}, **record)


class _Defaulting(dict):
    """format_map helper: {x_zh}/{x_en} pick a language variant; unknown names stay visible."""

    def __init__(self, values: dict, lang: str):
        super().__init__(values)
        self.lang = lang

    def __missing__(self, key: str) -> str:
        localized = f"{key}_{self.lang}"
        if localized in self:
            return str(self[localized])
        return "{" + key + "}"
