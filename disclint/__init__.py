"""disclint: a compliance linter for 政府信息公开工作年度报告 (government information disclosure annual reports)."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_path", "lint_text"]


def lint_path(path, config=None):
    """Lint one file as `disclint check` does; returns a FileResult (document facts, findings, or a
    read error) holding the same data as the JSON output.

    `config` is None (use the configuration file found by walking up from the file), a Settings
    object, the path of a configuration file, or a mapping of configuration keys. Inline directives,
    a sidecar file and a configured baseline are applied.
    """
    from .config import resolver_for
    from .engine.run import lint_file
    from .suppress import apply

    settings = resolver_for(config).for_path(str(path))
    return apply(lint_file(str(path), settings), settings)


def lint_text(text: str, config=None, path: str = "<text>"):
    """Lint a report given as text (`config` as for lint_path; None means the defaults: no
    configuration file is looked for). Inline directives in the text are applied."""
    from .config import resolver_for
    from .engine.run import lint_source
    from .readers.base import Source
    from .readers.text import normalise_newlines
    from .suppress import apply

    settings = resolver_for(config, discover=False).for_folder(".")
    source = Source(path=path, text=normalise_newlines(text), format="text", encoding="utf-8")
    return apply(lint_source(source, settings), settings, use_baseline=False)
