"""docs/cli.md's comparison table is kept true: every option `disclint check --help` prints is in the
disclint column and nothing else is, and the exit codes are those of disclint/report.py."""
from __future__ import annotations

import re

from disclint import report
from tests.ecosystem.conftest import ROOT, run_cli

DOC = ROOT / "docs" / "cli.md"
OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def _table(title: str) -> list[list[str]]:
    section = DOC.read_text(encoding="utf-8").split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_the_options_table_lists_exactly_what_check_help_prints():
    help_text = run_cli("check", "--help").out
    options_part = help_text.split("Options:", 1)[1]
    shown = {m for line in options_part.splitlines() for m in OPTION.findall(line.split("  ")[1] if
                                                                             line.startswith("  ") else "")}
    shown = {o for o in shown if o != "-"}
    documented = {o for row in _table("Options") for o in OPTION.findall(row[0])}
    documented.discard("-")
    assert shown, help_text
    assert documented - {"-qq"} == shown, (sorted(shown - documented), sorted(documented - shown))


def test_every_row_names_the_other_linters():
    for row in _table("Options"):
        assert len(row) == 5 and all(row[1:4]), row


def test_the_exit_codes_are_those_of_the_report():
    codes = {int(row[0]): row[1] for row in _table("Exit codes")}
    assert set(codes) == {getattr(report, name) for name in dir(report) if name.startswith("EXIT_")}
    assert "fail-on" in codes[report.EXIT_CLEAN] and "configuration" in codes[report.EXIT_USAGE]
    assert "could not be read" in codes[report.EXIT_UNREADABLE]
    assert "could not be written" in codes[report.EXIT_OUTPUT]
