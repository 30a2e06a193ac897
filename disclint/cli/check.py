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
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              help="Output format: text, concise, json, sarif, junit, github, gitlab.")
@click.option("--output-file", "-o", type=click.Path(), default=None, help="Write the output here.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule and each kind gave.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large batches (default: the usable cores).")
@click.option("--no-cache", is_flag=True, help="Do not use or fill the cache of results.")
@click.option("--stdin-filename", metavar="NAME", default=None,
              help="The name of what - reads from standard input: its suffix picks the format.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal; NO_COLOR and FORCE_COLOR are honoured).")
@click.option("--quiet", "-q", count=True, help="Print only the findings; -qq: print nothing, as --silent.")
@click.option("--silent", is_flag=True, help="Print nothing: only the exit status tells.")
@config_options
def command(paths, fmt, output_file, statistics, jobs, no_cache, stdin_filename, color, quiet, silent, **options):
    """Lint annual reports (.txt .md .html .docx .pdf …) and folders of them; - reads standard input."""
    from .. import formatters
    from . import _stdin
    from ._color import color_wanted, quiet_level

    if fmt not in formatters.names():
        raise click.UsageError(f"unknown format '{fmt}'; choose from {', '.join(formatters.names())}")
    stdin = _stdin.wanted(paths, stdin_filename)
    quiet = quiet_level(quiet, silent)
    with _signals.handled():
        notes: list[str] = []
        report = lint_all(paths, options, notes, jobs=jobs, use_cache=not no_cache, output_file=output_file,
                          stdin=stdin, stdin_filename=stdin_filename, progress=quiet == 0)
        if quiet == 0:
            for note in notes:
                click.echo(note, err=True)
        colored = color_wanted(color, fmt, output_file)
        text = formatters.render(fmt, report, color=colored, quiet=quiet > 0)
        if statistics:
            from ..formatters import _statistics

            if fmt in ("text", "concise"):
                text += _statistics.render(report)
            elif quiet < 2:  # machine formats stay parseable: the table goes to the terminal
                click.echo(_statistics.render(report), err=True, nl=False)
        if output_file:
            _output.write(output_file, text)
        elif quiet < 2:
            click.echo(text, nl=False, color=colored)
    sys.exit(report.return_code)


def lint_all(paths, options: dict, notes: list[str], *, jobs=None, use_cache=True, output_file=None,
             baseline=True, stdin=False, stdin_filename=None, progress=True) -> Report:
    """The Report of linting PATH… (or standard input, `stdin`) with the command's configuration
    options; a configuration or rule error exits 2 (`check` and `baseline` share this)."""
    from ..config import ConfigError
    from ..engine.linter import Linter
    from ..engine.loader import RuleError
    from . import _progress

    try:
        linter = Linter(pop_resolver(options))
        if stdin:
            from . import _stdin

            if output_file:
                _output.check_file(output_file, [stdin_filename] if stdin_filename else [])
            settings = linter.run_settings([stdin_filename or "-"])
            results = _stdin.lint(stdin_filename, linter)
        else:
            files = list(expand(paths, notes, linter.resolver))
            if output_file:
                _output.check_file(output_file, files)
            settings = linter.run_settings(files)
            shown = progress and _progress.wanted(len(files), output_file)
            with _progress.bar(len(files), shown) as tick:
                results = linter.lint_many(files, jobs=jobs, use_cache=use_cache, progress=tick, baseline=baseline)
    except ConfigError as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    return Report(results=results, settings=settings, rules=linter.rules(settings))
