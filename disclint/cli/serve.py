"""`disclint serve`: the local page for report writers (disclint.serve), served by uvicorn."""
from __future__ import annotations

import sys

import click

from ..report import EXIT_USAGE
from ._options import config_options, pop_resolver

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback lets other computers upload reports.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
@config_options
def command(host, port, no_browser, **options):
    """Open a local web page to drop a report on and read its findings (本机网页：拖入年报即可检查)."""
    import os
    import threading
    import webbrowser

    import uvicorn

    from ..config import ConfigError
    from ..engine.linter import Linter
    from ..serve.app import create_app

    try:
        linter = Linter(pop_resolver(options))
        settings = linter.settings_for_folder(os.getcwd())
    except ConfigError as e:
        click.echo(f"disclint: configuration error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    if host not in LOOPBACK:
        click.echo(f"disclint: listening on {host}: other computers on the network can upload reports to this page",
                   err=True)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    click.echo(f"disclint: 年报检查页面 {url}（按 Ctrl-C 停止）", err=True)
    if not no_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(create_app(linter, settings), host=host, port=port, log_level="warning")
