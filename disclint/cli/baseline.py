"""`disclint baseline PATH…`: record today's findings, so that `check` with this baseline reports only
findings that are new (for adopting disclint on years of old reports)."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE
from ._options import config_options, pop_resolver

DEFAULT_FILE = ".disclint-baseline.json"


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output-file", "-o", type=click.Path(), default=DEFAULT_FILE, show_default=True,
              help="The baseline file to write.")
@config_options
def command(paths, output_file, **options):
    """Write a baseline of the current findings of PATH… (then pass --baseline, or set `baseline`)."""
    from .. import suppress
    from ..atomic import OutputError
    from ..config import ConfigError
    from ..engine.loader import RuleError
    from . import _output
    from ._walk import expand
    from .check import lint_all

    try:
        resolver = pop_resolver(options)
        notes: list[str] = []
        files = list(expand(paths, notes))
        _output.check_file(output_file, files)
        results = lint_all(files, resolver, output_file=output_file, baseline=False)
    except (ConfigError, RuleError) as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    for note in notes:
        click.echo(note, err=True)
    try:
        total = suppress.write_baseline(results, output_file)
    except OutputError as e:
        _output.fail(e)
    click.echo(f"{output_file}: {total} finding(s) in {sum(1 for r in results if r.findings)} file(s) recorded",
               err=True)
