"""`disclint check PATH…`: lint files and folders, print findings, exit non-zero on them.

Each file gets the settings of the configuration found for it (disclint.config), files that share
settings are linted as one batch (disclint.batch: cache and process pool), then suppressions and the
baseline are applied (disclint.suppress)."""
from __future__ import annotations

import os
import sys

import click

from ..report import EXIT_USAGE, Report
from . import _output
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
    from ..config import ConfigError
    from ..engine.loader import RuleError

    if fmt not in formatters.names():
        raise click.UsageError(f"unknown format '{fmt}'; choose from {', '.join(formatters.names())}")
    try:
        resolver = pop_resolver(options)
        notes: list[str] = []
        files = list(expand(paths, notes))
        if output_file:
            _output.check_file(output_file, files)
        report = Report(settings=run_settings(resolver, files))
        report.results = lint_all(files, resolver, jobs=jobs, use_cache=not no_cache, output_file=output_file)
    except ConfigError as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    except RuleError as e:
        click.echo(f"disclint: rule error: {e}", err=True)
        sys.exit(EXIT_USAGE)
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


def run_settings(resolver, files: list[str]):
    """Settings for what belongs to the whole run (language, fail-on, exit-zero): those of the one
    configuration every file shares, else those of the current folder's."""
    folders = {os.path.dirname(os.path.abspath(f)) for f in files}
    configs = {resolver.config_for_folder(d) for d in folders}
    if len(configs) == 1 and folders:
        return resolver.for_folder(next(iter(folders)))
    return resolver.for_folder(os.getcwd())


def lint_all(files: list[str], resolver, jobs=None, use_cache=True, output_file=None, baseline=True):
    """One FileResult per file, in order, suppressions applied."""
    from .. import suppress
    from . import _progress

    groups: dict = {}
    for i, path in enumerate(files):
        groups.setdefault(resolver.for_path(path), []).append(i)
    results: list = [None] * len(files)
    with _progress.bar(len(files), _progress.wanted(len(files), output_file)) as tick:
        for settings, indexes in groups.items():
            batch = _lint_many([files[i] for i in indexes], settings, jobs, use_cache, tick)
            for i, result in zip(indexes, batch):
                results[i] = suppress.apply(result, settings, use_baseline=baseline)
    return results


def _lint_many(paths, settings, jobs, use_cache, tick):
    try:
        from ..batch import lint_many
    except ImportError:  # the batch module (cache, process pool) is optional here
        from ..engine.run import lint_file

        out = []
        for path in paths:
            out.append(lint_file(path, settings))
            tick(out[-1])
        return out
    return lint_many(paths, settings, jobs=jobs, use_cache=use_cache, progress=tick)
