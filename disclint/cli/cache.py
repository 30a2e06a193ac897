"""`disclint cache clear|info`: the cache of lint results kept for repeated batch runs."""
from __future__ import annotations

import click


@click.group("cache")
def command():
    """Manage the cache of lint results ($XDG_CACHE_HOME/disclint or ~/.cache/disclint)."""


@command.command("clear")
def clear_command():
    """Remove every cached result."""
    from ..cache import cache_root, clear

    files, size = clear()
    click.echo(f"removed {files} cached file(s), {size:,} bytes, from {cache_root()}")


@command.command("info")
def info_command():
    """Show where the cache is and how big it has grown."""
    from ..cache import cache_root, usage

    files, size = usage()
    click.echo(f"{cache_root()}: {files} file(s), {size:,} bytes")
