"""One frozen settings object, built once (from the command line and configuration files) and passed
down; hashable, so it can key a cache."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity


@dataclass(frozen=True)
class Settings:
    lang: str = "zh"  # message language: zh | en
    profile: str | None = None  # force a profile instead of the one the reported year implies
    max_bytes: int = 20 * 1024 * 1024
    rule_dirs: tuple[str, ...] = ()  # extra YAML rule packs
    select: tuple[str, ...] = ()  # codes, code prefixes, rule names or finding kinds; empty = all
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule code or name, severity) overrides
    fail_on: Severity = Severity.WARNING
    exit_zero: bool = False
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # key → where its value came from
