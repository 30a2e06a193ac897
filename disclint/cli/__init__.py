"""The command line: a click group whose sub-commands are the modules of this package (one per
command, imported only when that command runs, so `disclint --help` stays fast)."""
from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


class _Commands(click.Group):
    def list_commands(self, ctx):
        return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))

    def get_command(self, ctx, name):
        if name not in self.list_commands(ctx):
            return None
        return importlib.import_module(f"{__name__}.{name.replace('-', '_')}").command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="disclint")
def main():
    """disclint — 政府信息公开工作年度报告合规检查 (a linter for government information disclosure annual reports)."""
