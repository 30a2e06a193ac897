"""`disclint baseline PATH…`: record today's findings, so that `check` with this baseline reports only
findings that are new (for adopting disclint on years of old reports)."""
from __future__ import annotations

import click

from . import _signals
from ._options import config_options

DEFAULT_FILE = ".disclint-baseline.json"


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output-file", "-o", type=click.Path(), default=DEFAULT_FILE, show_default=True,
              help="The baseline file to write.")
@config_options
def command(paths, output_file, **options):
    """Write a baseline of the current findings of PATH… (then pass --baseline, or set `baseline`)."""
    from ..atomic import OutputError
    from ..suppress import write_baseline
    from . import _output
    from .check import lint_all

    with _signals.handled():
        notes: list[str] = []
        results = lint_all(paths, options, notes, output_file=output_file, baseline=False).results
        for note in notes:
            click.echo(note, err=True)
        try:
            total = write_baseline(results, output_file)
        except OutputError as e:
            _output.fail(e)
    click.echo(f"{output_file}: {total} finding(s) in {sum(1 for r in results if r.findings)} file(s) recorded",
               err=True)
