"""`disclint annotate REPORT.docx [-o OUT.docx]`: the findings as Word comments in a copy of the report.

The copy is written beside the report as REPORT.disclint.docx unless -o names another file; the
report itself is only read. A .doc or .wps report is converted to .docx by LibreOffice first (as the
reader does), and the copy is that .docx with the comments."""
from __future__ import annotations

import os
import sys

import click

from ..report import EXIT_UNREADABLE, EXIT_USAGE, Report
from ._options import config_options, pop_resolver

WORD_SUFFIXES = (".docx", ".doc", ".wps")


def default_output(path: str) -> str:
    stem, _ = os.path.splitext(path)
    return f"{stem}.disclint.docx"


@click.command("annotate")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the annotated copy here (one report only; default REPORT.disclint.docx beside it).")
@config_options
def command(reports, output_file, **options):
    """Write each Word report's findings as comments (批注) into a copy of it."""
    from ..annotate import annotate_report
    from ..atomic import OutputError
    from ..config import ConfigError
    from ..engine.linter import Linter
    from ..engine.loader import RuleError
    from ..formatters._read_error import read_error_line
    from ..readers import ReadError
    from ._output import check_file, fail

    if output_file and len(reports) > 1:
        raise click.UsageError("-o names one output; give one report, or none to write each copy beside it")
    for path in reports:
        if not path.lower().endswith(WORD_SUFFIXES):
            raise click.UsageError(f"{path}: annotate writes Word comments, so it takes .docx, .doc or .wps reports")
    try:
        linter = Linter(pop_resolver(options))
    except ConfigError as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    status = 0
    for path in reports:
        out = output_file or default_output(path)
        check_file(out, reports)  # never over a report, and writable before the work is done
        try:
            settings = linter.settings_for(path)
            result = annotate_report(path, out, linter, settings)
        except OutputError as e:
            fail(e)
        except ReadError as e:
            click.echo(read_error_line(path, e, settings.lang), err=True)
            status = max(status, EXIT_UNREADABLE)
            continue
        except (ConfigError, RuleError) as e:
            click.echo(f"disclint: configuration error: {e}", err=True)
            sys.exit(EXIT_USAGE)
        if settings.lang == "en":
            click.echo(f"{out}: {len(result.findings)} finding(s) written as comments", err=True)
        else:
            click.echo(f"{out}：已写入 {len(result.findings)} 条批注", err=True)
        status = max(status, Report(results=[result], settings=settings).return_code)
    sys.exit(status)
