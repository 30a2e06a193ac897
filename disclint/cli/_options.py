"""The options every command that lints shares (check, baseline, config): where the configuration
comes from and the keys the command line may override. Each override goes through the same parser
as a configuration file, so `--fail-on bogus` and `fail-on = "bogus"` fail the same way."""
from __future__ import annotations

import os
from collections.abc import Callable

import click

from ..settings import LANGS, PROFILES

# option name → configuration key
_OVERRIDES = {
    "lang": "lang", "profile": "profile", "select": "select", "ignore": "ignore", "severity": "severity",
    "fail_on": "fail-on", "exit_zero": "exit-zero", "rule_dir": "rule-dirs", "baseline": "baseline",
    "exclude": "exclude", "extend_exclude": "extend-exclude", "respect_gitignore": "respect-gitignore",
    "force_exclude": "force-exclude",
}
_ON_OFF = ("respect_gitignore", "force_exclude")  # --x/--no-x: False is a choice, None is "not given"


def usage_error(message: str) -> None:
    """Contradictory or pointless options: one line on stderr and exit 2, before anything runs."""
    from ..report import EXIT_USAGE

    click.echo(f"disclint: {message}", err=True)
    raise SystemExit(EXIT_USAGE)


def config_options(command: Callable) -> Callable:
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Use this configuration file instead of discovering one per file."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--lang", type=click.Choice(LANGS), default=None, help="Message language (default zh)."),
        click.option("--profile", type=click.Choice(PROFILES), default=None,
                     help="Force a rule profile instead of the one the reported year implies."),
        click.option("--select", multiple=True, metavar="CODES",
                     help="Run only these rules: codes, code prefixes, rule names or finding kinds (comma list)."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these rules (comma list)."),
        click.option("--severity", multiple=True, metavar="RULE=LEVEL",
                     help="Override a rule's severity, e.g. DL111=warning (repeatable)."),
        click.option("--rule-dir", multiple=True, type=click.Path(file_okay=False),
                     help="Also load the YAML rule packs in this folder (repeatable)."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
                     help="Lowest severity that makes the exit code 1 (default warning)."),
        click.option("--exit-zero", is_flag=True, default=None, help="Exit 0 even when there are findings."),
        click.option("--baseline", type=click.Path(dir_okay=False), default=None,
                     help="Do not report findings recorded in this baseline file."),
        click.option("--exclude", multiple=True, metavar="GLOBS",
                     help="Files and folders to leave out, replacing the default list (comma list, repeatable)."),
        click.option("--extend-exclude", multiple=True, metavar="GLOBS",
                     help="Files and folders to leave out, besides the configured exclude (comma list, repeatable)."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                     help="Skip what .gitignore and .git/info/exclude ignore (default: respect them)."),
        click.option("--force-exclude/--no-force-exclude", default=None,
                     help="Apply the exclusions to paths named on the command line too (for pre-commit)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def pop_resolver(kwargs: dict):
    """Take the shared options out of a command's keyword arguments and build the Resolver."""
    from ..config import parse

    config_file = kwargs.pop("config_file")
    isolated = kwargs.pop("isolated")
    if isolated and config_file:
        usage_error("--isolated ignores every configuration file, so --config cannot be used with it")
    raw: dict = {}
    origins: dict[str, str] = {}
    for option, key in _OVERRIDES.items():
        value = kwargs.pop(option)
        if value is None or value == () or (value is False and option not in _ON_OFF):
            continue
        if option in ("select", "ignore"):
            value = ",".join(value)
        elif option in ("exclude", "extend_exclude"):
            value = [g.strip() for item in value for g in item.split(",") if g.strip()]
        elif option == "severity":
            value = _severity_pairs(value)
        elif option == "rule_dir":
            value = list(value)
        raw[key] = value
        origins[key] = f"command line (--{option.replace('_', '-')})"
    values = parse(raw, "command line", os.getcwd())
    from ..config import KEYS, Resolver

    field_origins = {KEYS[k].field: o for k, o in origins.items()}
    return Resolver(values, config=config_file, isolated=isolated, override_origins=field_origins)


def _severity_pairs(items: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for item in items:
        rule, sep, level = item.partition("=")
        if not sep:
            raise click.BadParameter(f"'{item}' is not RULE=LEVEL", param_hint="--severity")
        pairs[rule.strip()] = level.strip()
    return pairs
