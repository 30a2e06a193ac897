"""Terminal colour for the human formats (text, concise): severity coloured, the caret line dim.
click.style writes the ANSI codes; whether to colour at all is the command line's choice."""
from __future__ import annotations

STYLES = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
    "path": {"bold": True},
    "caret": {"dim": True},
}


def paint(text: str, role: str, on: bool) -> str:
    if not on:
        return text
    import click

    return click.style(text, **STYLES[role])
