"""The outcome of one run over many files: counters and the exit code, kept in one place."""
from __future__ import annotations

from dataclasses import dataclass, field

from .engine.rule import Rule
from .engine.run import FileResult
from .model import Severity
from .settings import Settings

# 0 clean; 1 findings at or above fail-on; 2 usage or configuration error; 3 an input could not be
# read (the others are reported); 4 an output could not be written (disclint.atomic.OutputError).
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_OUTPUT = 0, 1, 2, 3, 4


@dataclass
class Report:
    results: list[FileResult] = field(default_factory=list)
    settings: Settings = Settings()
    rules: tuple[Rule, ...] = ()  # the rules the run selected (SARIF's rule table), from the engine

    def count(self, severity: Severity) -> int:
        return sum(1 for r in self.results for f in r.findings if f.severity == severity)

    @property
    def unreadable(self) -> int:
        return sum(1 for r in self.results if r.error)

    @property
    def failing(self) -> int:
        floor = self.settings.fail_on.rank
        return sum(1 for r in self.results for f in r.findings if f.severity.rank >= floor)

    @property
    def return_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        if self.failing and not self.settings.exit_zero:
            return EXIT_FINDINGS
        return EXIT_CLEAN
