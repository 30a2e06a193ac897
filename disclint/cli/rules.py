"""`disclint rules`: every rule loaded (built-in and extra packs), one per line, from the YAML."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rule-dir", multiple=True, type=click.Path(file_okay=False), help="Also load the packs in this folder.")
def command(fmt, rule_dir):
    """List every rule: code, name, kind, severity and profiles."""
    from ..engine.loader import RuleError
    from ..engine.ruleset import RuleSet
    from ..formatters._ruledoc import finding_kind

    try:
        rules = sorted(RuleSet.load(rule_dir).rules, key=lambda r: r.code)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "kind": r.kind, "finding_kind": finding_kind(r),
                                "severity": r.severity.value, "profiles": list(r.profiles),
                                "reference": r.reference} for r in rules], ensure_ascii=False, indent=2))
        return
    rows = [("CODE", "NAME", "KIND", "SEVERITY", "PROFILES")]
    rows += [(r.code, r.name, finding_kind(r), r.severity.value, ",".join(r.profiles)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
