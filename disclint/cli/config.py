"""`disclint config --show [PATH]`: the effective configuration for a file or folder, and where each
value came from (a configuration file, the command line, or the default)."""
from __future__ import annotations

import json
import os
import sys

import click

from ..report import EXIT_USAGE
from ._options import config_options, pop_resolver, usage_error


@click.command("config")
@click.argument("path", required=False, default=".", type=click.Path())
@click.option("--show", is_flag=True, help="Print the effective configuration (the default action).")
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@config_options
def command(path, show, fmt, **options):
    """Show the configuration that applies to PATH (default: the current folder)."""
    from ..config import ConfigError, describe
    from ..engine.linter import Linter
    from ..engine.loader import RuleError

    if not os.path.exists(path):  # the configuration "for" nothing would be the current folder's: misleading
        usage_error(f"{path}: no such file or folder")
    try:
        linter = Linter(pop_resolver(options))  # it checks that every selector names a rule
        folder = os.path.dirname(os.path.abspath(path)) if os.path.isfile(path) else path
        settings = linter.settings_for_folder(folder)
        per_file = settings.for_file(path).ignore[len(settings.ignore):] if os.path.isfile(path) else ()
    except (ConfigError, RuleError) as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    rows = describe(settings)
    if fmt == "json":
        click.echo(json.dumps({"config_file": settings.config_file, "per_file_ignores_applied": list(per_file),
                               "settings": {k: {"value": _plain(v), "origin": o} for k, v, o in rows}},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"# effective configuration for {path}")
    click.echo(f"# configuration file: {settings.config_file or 'none found'}")
    for key, value, origin in rows:
        line = f"{key} = {_toml(value)}" if value is not None else f"# {key} is not set"
        click.echo(f"{line:<48} # {origin}")
    if per_file:
        click.echo(f"# per-file-ignores matching {path}: {_toml(per_file)}")


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _toml(value) -> str:
    """The value as TOML, so the output can be pasted into .disclint.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple) and value and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value) + " }"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
