"""`disclint summary PATH… --out DIR`: supervisor mode — lint a whole batch in parallel, compare each
body's consecutive reports, and write index.html, summary.xlsx, summary.csv, findings.json and a
draft 通报 (all or nothing: see disclint/summary/outset.py)."""
from __future__ import annotations

import os
import sys

import click

from ..report import EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_USAGE
from . import _signals
from ._options import config_options, pop_resolver
from ._walk import expand


@click.command("summary")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the summary into (new, empty, or holding a previous summary; "
                   "never inside the folders summarised unless it holds only a previous summary).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: every usable core).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run on a Dask distributed cluster, e.g. tcp://10.0.0.5:8786 (needs disclint[dask]).")
@click.option("--no-xlsx", is_flag=True,
              help="Skip summary.xlsx (openpyxl needs ~18 s of CPU for 10,000 reports and their findings).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@config_options
def command(paths, out_dir, jobs, scheduler, no_xlsx, progress, **options):
    """Lint every report under PATHS and write a summary for supervisors into --out."""
    from ..atomic import OutputError
    from ..config import ConfigError
    from ..engine.linter import Linter
    from ..engine.loader import RuleError
    from ..summary import OUTPUTS, build_summary
    from ..summary.outset import OutputRefused, check_out, outside
    from . import _output, _progress

    with _signals.handled():
        try:
            linter = Linter(pop_resolver(options))
            notes: list[str] = []
            files = outside(expand(paths, notes, linter.resolver), out_dir)  # a previous summary there is not a report
            check_out(out_dir, paths, files)  # before check_out_folder makes the folder
            _output.check_out_folder(out_dir, OUTPUTS, files)
            settings = linter.run_settings(files)
            for note in notes:
                click.echo(note, err=True)
            show = _progress.wanted(len(files), out_dir) if progress is None else progress
            with _progress.bar(len(files), show, label="检查中") as tick:
                result = build_summary(files, out_dir, settings, linter=linter, jobs=jobs, scheduler=scheduler,
                                       progress=lambda n: [tick(None) for _ in range(n)], sources=list(paths),
                                       xlsx=not no_xlsx)
        except (ConfigError, RuleError) as e:
            click.echo(f"disclint: {'configuration' if isinstance(e, ConfigError) else 'rule'} error: {e}", err=True)
            sys.exit(EXIT_USAGE)
        except OutputRefused as e:
            click.echo(f"disclint: {e}", err=True)
            sys.exit(EXIT_USAGE)
        except OutputError as e:  # also a summary that could not be written: the previous one is unchanged
            _output.fail(e)
        except RuntimeError as e:  # a missing optional extra, an unreachable scheduler
            click.echo(f"disclint: {e}", err=True)
            sys.exit(EXIT_USAGE)
    for note in result.notes:
        click.echo(note, err=True)
    reports = len(result.digests)
    compliant = sum(1 for d in result.digests if not d.error and not any(f["severity"] == "error" for f in d.findings))
    click.echo(f"共 {reports} 份报告：合规 {compliant}，有错误 {reports - compliant - result.unreadable}，"
               f"无法读取 {result.unreadable}；跨年度比对 {result.pairs} 组", err=True)
    written = "index.html、summary.csv、findings.json、通报草稿.docx" + ("" if no_xlsx else "、summary.xlsx")
    click.echo(f"已写入 {os.path.abspath(out_dir)}：{written}", err=True)
    floor = {"info": 0, "warning": 1, "error": 2}[settings.fail_on.value]
    rank = {"info": 0, "warning": 1, "error": 2}
    failing = any(rank[f["severity"]] >= floor for d in result.digests for f in d.findings)
    if result.unreadable:
        sys.exit(EXIT_UNREADABLE)
    sys.exit(EXIT_FINDINGS if failing and not settings.exit_zero else EXIT_CLEAN)
