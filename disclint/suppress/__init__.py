"""Suppression: findings a writer has looked at and accepted, kept out of the output.

Three ways, applied in this order to each file's findings after the rules ran:

1. **Inline directives** in text formats (.txt .md .html), as HTML comments (suppress.directives).
2. **A sidecar file** next to the document, `<document>.disclint.yaml` (suppress.sidecars).
3. **A baseline** (`disclint baseline`), counted per file and fingerprint (suppress.baseline).

A directive or a sidecar entry that suppressed nothing is itself reported (DL601), and so is one
that names no rule at all (DL602): a stale suppression hides the next real problem.

Nothing here loads rules or reads the linted file: the engine hands over its rule set and the
directives it parsed from the text the reader read.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..model import Finding
from ..settings import Settings
from .baseline import baseline_counts, drop_baselined, write_baseline
from .directives import Suppression
from .sidecars import sidecar_entries

__all__ = ["UNUSED", "UNKNOWN", "Outside", "apply", "gather", "write_baseline"]

UNUSED = "DL601"
UNKNOWN = "DL602"


class Rules(Protocol):
    """What suppression asks of the engine's rule set."""

    def names_a_rule(self, selector: str, rules: Iterable[Any] | None = None) -> bool: ...

    def by_code(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Outside:
    """What suppresses a file's findings from outside its text: its sidecar's entries and what the
    baseline records for it (None: no baseline in use). Gathered where the file is, so that a worker
    without that file system (a Dask cluster) is handed them with the file's bytes."""

    sidecar: tuple[Suppression, ...] = ()
    baseline: dict[str, int] | None = None


def gather(path: str, settings: Settings, use_baseline: bool = True) -> Outside:
    """The sidecar next to `path` and the baseline `settings` name, read (ConfigError if unusable)."""
    counts = baseline_counts(path, settings.baseline) if use_baseline and settings.baseline else None
    return Outside(tuple(sidecar_entries(path)), counts)


def apply(findings: list[Finding], directives: Iterable[Suppression], path: str, settings: Settings,
          rule_set: Rules, active: Sequence[Any], use_baseline: bool = True,
          outside: Outside | None = None) -> list[Finding]:
    """`findings` less the suppressed ones, plus a finding for each unused or unknown suppression.
    `directives` are the file's inline directives, `active` the rules that ran on it; `outside` its
    sidecar and baseline, read from beside `path` when not given."""
    outside = outside if outside is not None else gather(path, settings, use_baseline)
    # fresh copies: `used` is filled in here, and a cached result's directives are shared
    suppressions = [replace(s, used=set()) for s in (*directives, *outside.sidecar)]
    kept = list(findings)
    if suppressions:
        by_code = rule_set.by_code()
        kept = [f for f in findings if not _suppressed(f, suppressions, by_code[f.rule])]
        kept += _tool_findings(suppressions, rule_set, active, path)
    if outside.baseline is not None:
        kept = drop_baselined(kept, outside.baseline)
    return kept


def _suppressed(finding: Finding, suppressions: list[Suppression], rule: Any) -> bool:
    # every matching suppression is marked used, so two that overlap are not reported as unused
    return sum(s.takes(finding, rule) for s in suppressions) > 0


def _tool_findings(suppressions: list[Suppression], rule_set: Rules, active: Sequence[Any],
                   path: str) -> list[Finding]:
    by_code = {r.code: r for r in active}
    if UNUSED not in by_code and UNKNOWN not in by_code:
        return []
    out: list[Finding] = []
    for sup in suppressions:
        unknown = [s for s in sup.selectors if sup.fingerprint is None and not rule_set.names_a_rule(s)]
        if unknown and UNKNOWN in by_code:
            out.append(_finding(by_code[UNKNOWN], sup, path, selector=", ".join(unknown)))
        # selectors of rules that did not run here (ignored, another profile's) cannot have been used
        could = [s for s in sup.selectors if s not in unknown and rule_set.names_a_rule(s, active)]
        if sup.fingerprint is not None or not sup.selectors:
            unused = not sup.used
        else:
            unused = bool([s for s in could if s not in sup.used])
        if unused and UNUSED in by_code:
            out.append(_finding(by_code[UNUSED], sup, path))
    return out


def _finding(rule, sup: Suppression, path: str, selector: str = "") -> Finding:
    where = {}
    if sup.form == "sidecar":
        where = {"suppression": sup.origin}
    elif sup.origin:
        where = {"suppression": f"{os.path.basename(path)} {sup.origin}"}
    f = rule.finding(directive=sup.text, selector=selector, where=where)
    f.line, f.column = (sup.line, sup.column or 1) if sup.line else (None, None)
    return f
