"""`disclint check -`: lint standard input, as editors and `cat report.txt | disclint check -` use it.

`--stdin-filename NAME` says what the text is: its suffix picks the reader (text when unknown), its
folder the configuration, and NAME is the path findings, per-file-ignores, the sidecar and the baseline
go by — so the findings are those of the file of that name. Without it the path is `-` and the text is
read as plain text."""
from __future__ import annotations

import os
import sys

from ._options import usage_error


def wanted(paths: tuple[str, ...], stdin_filename: str | None) -> bool:
    """Whether this run reads standard input (ruff's rule: `-` alone, or no path with --stdin-filename);
    a mixture is refused rather than half-honoured."""
    if "-" in paths and len(paths) > 1:
        usage_error("- (standard input) cannot be combined with other paths")
    if stdin_filename is not None and paths not in ((), ("-",)):
        usage_error("--stdin-filename names standard input: give - as the only path, or no path")
    if not paths and stdin_filename is None:
        usage_error("give the files or folders to lint, or - to read standard input")
    return paths == ("-",) or not paths


def lint(stdin_filename: str | None, linter, stream=None) -> list:
    """The one FileResult of standard input, suppressions applied (none when --force-exclude takes
    the name)."""
    from ..engine.run import FileResult
    from ..readers import ReadError
    from ._exclude import force_excluded

    path = stdin_filename or "-"
    settings = linter.settings_for(stdin_filename) if stdin_filename else linter.settings_for_folder(os.getcwd())
    if stdin_filename and force_excluded(stdin_filename, settings):
        return []
    stream = stream or sys.stdin.buffer
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        error = ReadError("too-large", f"is over the limit of {settings.max_bytes:,} bytes (set max-file-size)")
        return [FileResult(path=path, error=error)]
    return [linter.lint_bytes(path, data, settings)]
