"""`disclint explain CODE`: what a rule checks, why, the article or notice it enforces, and a failing
and a passing example — all read from the rule's YAML, so the documentation cannot drift. The tool's
own codes (unused suppressions, rule errors) are rules too; a file that could not be read carries a
read-error kind instead of a code (`Ebinary` in concise output, `read-error/binary` in SARIF, `binary`
in JSON), and those are explained from the readers' list of them."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE
from ..settings import LANGS


@click.command("explain")
@click.argument("rule")
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option("--rule-dir", multiple=True, type=click.Path(file_okay=False), help="Also load the packs in this folder.")
def command(rule, lang, rule_dir):
    """Explain one rule, given by code (DL101) or name (missing-section-2008)."""
    from ..engine.loader import RuleError
    from ..engine.ruleset import RuleSet
    from ..formatters._explain import explain_text

    try:
        rules = list(RuleSet.load(rule_dir).rules)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    wanted = rule.strip()
    found = [r for r in rules if wanted.upper() == r.code or wanted == r.name]
    read_error = _read_error(wanted, lang)
    if not found and read_error:
        click.echo(read_error, nl=False)
        return
    if not found:
        close = [r.code for r in rules if r.code.startswith(wanted.upper()[:4])] or [r.code for r in rules]
        click.echo(f"disclint: no rule '{rule}'; try one of {', '.join(sorted(close)[:12])} "
                   "(`disclint rules` lists them all)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(explain_text(found[0], lang, rule_dir), nl=False)


def _read_error(wanted: str, lang: str) -> str | None:
    """The explanation of a read-error kind, given as any output writes it, or None."""
    from ..formatters._read_error import read_error_explained
    from ..readers.base import ERROR_REASONS

    for kind, meaning in ERROR_REASONS.items():
        if wanted in (kind, f"E{kind}", f"read-error/{kind}"):
            return read_error_explained(kind, meaning, lang)
    return None
