"""`disclint check PATH…`: lint files and folders, print findings, exit non-zero on them."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE, Report
from ._walk import expand


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True, help="Output format (text, json, …).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default zh).")
@click.option("--profile", type=click.Choice(["2008", "2019", "2021"]), default=None,
              help="Force a rule profile instead of the one the reported year implies.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the output here.")
def command(paths, fmt, lang, profile, output_file):
    """Lint annual reports (.txt .md .html .docx .pdf …) and folders of them."""
    from .. import formatters
    from ..engine.loader import RuleError
    from ..engine.run import lint_file
    from ..settings import Settings

    if fmt not in formatters.names():
        raise click.UsageError(f"unknown format '{fmt}'; choose from {', '.join(formatters.names())}")
    settings = Settings(lang=lang or "zh", profile=profile)
    notes: list[str] = []
    report = Report(settings=settings)
    try:
        for path in expand(paths, notes):
            report.results.append(lint_file(path, settings))
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    for note in notes:
        click.echo(note, err=True)
    text = formatters.render(fmt, report)
    if output_file:
        from ..atomic import write_text

        write_text(output_file, text)
    else:
        click.echo(text, nl=False)
    sys.exit(report.return_code)
