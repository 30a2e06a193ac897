"""`disclint rules`: every rule loaded (built-in and extra packs), one per line, from the YAML."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE
from ..settings import LANGS


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True,
              help="Language of the text listing's headers, kind names and severities (JSON keeps the ids).")
@click.option("--rule-dir", multiple=True, type=click.Path(file_okay=False), help="Also load the packs in this folder.")
def command(fmt, lang, rule_dir):
    """List every rule: code, name, kind, severity and profiles."""
    from ..engine.loader import RuleError
    from ..engine.ruleset import RuleSet
    from ..formatters._explain import kind_name
    from ..formatters._width import width as display_width
    from ..formatters.common import severity_word

    try:
        rules = sorted(RuleSet.load(rule_dir).rules, key=lambda r: r.code)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        import json

        click.echo(json.dumps([{"code": r.code, "name": r.name, "kind": r.kind, "finding_kind": r.finding_kind,
                                "severity": r.severity.value, "profiles": list(r.profiles),
                                "reference": r.reference} for r in rules], ensure_ascii=False, indent=2))
        return
    # the rule's name is an id (what select, ignore and directives take), kept as it is in both languages
    rows = [("CODE", "NAME", "KIND", "SEVERITY", "PROFILES") if lang == "en" else ("代码", "名称", "类别", "级别", "适用格式")]
    rows += [(r.code, r.name, kind_name(r.finding_kind, lang), severity_word(r.severity, lang), ",".join(r.profiles))
             for r in rules]
    widths = [max(display_width(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row[:4]))
                   + "  " + row[4])
