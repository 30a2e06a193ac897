"""How a lint command prints: colour (`--color`, NO_COLOR, FORCE_COLOR) and quietness (-q, --silent)."""
from __future__ import annotations

import os
import sys

COLOURED = ("text", "concise")  # machine formats are never coloured, whatever is asked


def color_wanted(choice: str, fmt: str, output_file: str | None, stdout=None, env=None) -> bool:
    """`always` and `never` win over the environment (no-color.org: a flag overrides NO_COLOR); with
    `auto`, NO_COLOR (set and not empty) turns colour off, then FORCE_COLOR turns it on (CI logs that
    render ANSI but are no terminal), else colour when stdout is a terminal. A file written with
    --output-file is coloured only on `always`. NO_COLOR wins over FORCE_COLOR: it is the reader's own
    setting, FORCE_COLOR usually a CI system's."""
    if fmt not in COLOURED or choice == "never":
        return False
    if choice == "always":
        return True
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return output_file is None
    if output_file is not None:
        return False
    stdout = stdout or sys.stdout
    try:
        return stdout.isatty()
    except (AttributeError, ValueError):
        return False


def quiet_level(quiet: int, silent: bool) -> int:
    """0 everything; 1 (-q) the findings only; 2 (-qq, --silent) nothing, the exit status tells."""
    return 2 if silent else min(quiet, 2)
