"""disclint: a compliance linter for 政府信息公开工作年度报告 (government information disclosure annual reports)."""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "Linter", "lint_path", "lint_text"]


def lint_path(path, config=None):
    """Lint one file as `disclint check` does; returns a FileResult (document facts, findings, or a
    read error) holding the same data as the JSON output.

    `config` is None (use the configuration file found by walking up from the file), a Settings
    object, the path of a configuration file, or a mapping of configuration keys. Inline directives,
    a sidecar file and a configured baseline are applied. For many files, make one `Linter` and call
    its lint_path or lint_many: the rule packs are then read once.
    """
    from .engine.linter import Linter

    return Linter(config).lint_path(str(path))


def lint_text(text: str, config=None, path: str = "<text>"):
    """Lint a report given as text (`config` as for lint_path; None means the defaults: no
    configuration file is looked for). Inline directives in the text are applied."""
    from .engine.linter import Linter
    from .readers.base import Source
    from .readers.text import normalise_newlines

    linter = Linter(config, discover=False)
    source = Source(path=path, text=normalise_newlines(text), format="text", encoding="utf-8")
    return linter.lint_source(source)


def __getattr__(name: str) -> Any:
    if name == "Linter":  # lazy, so `import disclint` stays cheap
        from .engine.linter import Linter

        return Linter
    raise AttributeError(name)
