"""`disclint check PATH…`: lint files and folders, print findings, exit non-zero on them.

The run is the engine's (disclint.engine.Linter: configuration per folder, cache, process pool,
suppressions and the baseline); this command parses options and prints."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE, Report
from . import _output, _signals
from ._options import config_options, pop_resolver
from ._walk import expand


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              help="Output format: text, concise, json, sarif, junit, github.")
@click.option("--output-file", "-o", type=click.Path(), default=None, help="Write the output here.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule and each kind gave.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches (default: the usable cores).")
@click.option("--no-cache", is_flag=True, help="Do not use or fill the cache of results.")
@config_options
def command(paths, fmt, output_file, statistics, jobs, no_cache, **options):
    """Lint annual reports (.txt .md .html .docx .pdf …) and folders of them."""
    from .. import formatters

    if fmt not in formatters.names():
        raise click.UsageError(f"unknown format '{fmt}'; choose from {', '.join(formatters.names())}")
    with _signals.handled():
        notes: list[str] = []
        report = lint_all(paths, options, notes, jobs=jobs, use_cache=not no_cache, output_file=output_file)
        for note in notes:
            click.echo(note, err=True)
        text = formatters.render(fmt, report)
        if statistics:
            from ..formatters import _statistics

            if fmt in ("text", "concise"):
                text += _statistics.render(report)
            else:  # machine formats stay parseable: the table goes to the terminal
                click.echo(_statistics.render(report), err=True, nl=False)
        if output_file:
            _output.write(output_file, text)
        else:
            click.echo(text, nl=False)
    sys.exit(report.return_code)


def lint_all(paths, options: dict, notes: list[str], *, jobs=None, use_cache=True, output_file=None,
             baseline=True) -> Report:
    """The Report of linting PATH… with the command's configuration options; a configuration or rule
    error exits 2 (`check` and `baseline` share this)."""
    from ..config import ConfigError
    from ..engine.linter import Linter
    from ..engine.loader import RuleError
    from . import _progress

    try:
        linter = Linter(pop_resolver(options))
        files = list(expand(paths, notes))
        if output_file:
            _output.check_file(output_file, files)
        settings = linter.run_settings(files)
        with _progress.bar(len(files), _progress.wanted(len(files), output_file)) as tick:
            results = linter.lint_many(files, jobs=jobs, use_cache=use_cache, progress=tick, baseline=baseline)
    except ConfigError as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    return Report(results=results, settings=settings, rules=linter.rules(settings))
