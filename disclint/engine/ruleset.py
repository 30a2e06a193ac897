"""The rules of one run, read from the packs once (`RuleSet.load`, the one place that calls the
loader) and asked everything else a run needs of them: which rules a configuration selects, whether a
selector names a rule, which rules look across reports, and the table identities the table builders
cut run-together numbers with."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import ConfigError
from ..paths import builtin_rules_dir
from ..settings import MAX_RULE_PACK_BYTES, Settings
from . import loader
from .rule import Rule

if TYPE_CHECKING:
    from ..tables.build import TableIdentities

RULE_ERROR = "DL690"  # the tool's rule-error rule (rules/tool.yaml)


@dataclass(eq=False)
class RuleSet:
    """Every rule of the built-in packs and of `rule_dirs`, in load order."""

    rules: tuple[Rule, ...]
    rule_dirs: tuple[str, ...] = ()
    _selected: dict[Settings, tuple[Rule, ...]] = field(default_factory=dict, repr=False)
    _levels: dict[Settings, dict[str, str]] = field(default_factory=dict, repr=False)
    _identities: TableIdentities | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._by_code = {r.code: r for r in self.rules}

    @classmethod
    def load(cls, rule_dirs: Iterable[str] = (), max_pack_bytes: int = MAX_RULE_PACK_BYTES) -> RuleSet:
        """Read and validate the packs (raises loader.RuleError)."""
        dirs = tuple(rule_dirs)
        return cls(rules=tuple(loader.load_rules(dirs, max_pack_bytes)), rule_dirs=dirs)

    def by_code(self) -> dict[str, Rule]:
        return self._by_code

    def rule_error(self) -> Rule:
        """The tool's rule-error rule (DL690, rules/tool.yaml), which the engine reports a rule that could
        not finish with: from every rule loaded, selected or not (a run that selects DL3 still learns that
        its user pattern timed out)."""
        return self._by_code[RULE_ERROR]

    def select(self, settings: Settings) -> tuple[Rule, ...]:
        """The rules `settings` runs: those `select` names (all when empty), minus those `ignore` names."""
        if settings not in self._selected:
            self._selected[settings] = tuple(r for r in self.rules if _selected(r, settings))
        return self._selected[settings]

    def names_a_rule(self, selector: str, rules: Iterable[Rule] | None = None) -> bool:
        return any(r.matches(selector) for r in (self.rules if rules is None else rules))

    def cross_report(self, settings: Settings) -> tuple[Rule, ...]:
        """The selected rules that compare two reports of one body (run by `disclint summary`)."""
        return tuple(r for r in self.select(settings) if r.cross_report)

    def table_identities(self) -> TableIdentities:
        """The identities of every built-in table-identity rule, selected or not: the table builders cut
        run-together numbers with them whatever the configuration runs (a user pack's identity is checked,
        but does not change how the tables are read)."""
        if self._identities is None:
            from ..tables.build import TableIdentities

            builtin = str(builtin_rules_dir())
            self._identities = TableIdentities(r.params for r in self.rules
                                               if r.kind == "table-identity" and r.source.startswith(builtin))
        return self._identities

    def severity_levels(self, settings: Settings) -> dict[str, str]:
        """Code → the severity the configuration gives it (by code or name), for the rules it selects."""
        if settings not in self._levels:
            overrides = dict(settings.severity)
            self._levels[settings] = {r.code: level for r in self.select(settings)
                                      if (level := overrides.get(r.code) or overrides.get(r.name))}
        return self._levels[settings]

    def check_selectors(self, settings: Settings) -> None:
        """A selector that matches no rule is a configuration error: a typo in `ignore` would otherwise
        silently do nothing, and one in `select` would silently turn every rule off."""
        checks = [("select", s) for s in settings.select] + [("ignore", s) for s in settings.ignore]
        checks += [("severity", s) for s, _ in settings.severity]
        checks += [("per-file-ignores", s) for _, sel in settings.per_file_ignores for s in sel]
        for key, selector in checks:
            if not self.names_a_rule(selector):
                raise ConfigError(f"{settings.origin(key)}: key '{key}': '{selector}' matches no rule "
                                  "(give a code such as DL101, a code prefix such as DL1, a rule name or a finding"
                                  " kind; `disclint rules` lists them)")


def _selected(rule: Rule, settings: Settings) -> bool:
    if settings.select and not any(rule.matches(s) for s in settings.select):
        return False
    return not any(rule.matches(s) for s in settings.ignore)

