"""One line per finding, `path:line:column: CODE [severity] message`, for editors' problem matchers
(Vim's errorformat, VS Code's $eslint-compact style matchers). No excerpt, no summary line."""
from __future__ import annotations

from .common import display_path, message_of


def render(report) -> str:
    lang = report.settings.lang
    out: list[str] = []
    for result in report.results:
        path = display_path(result.path)
        if result.error:
            out.append(f"{path}:1:1: E{result.error.kind} [error] {result.error.message}")
            continue
        for f in result.findings:
            out.append(f"{path}:{f.line or 1}:{f.column or 1}: {f.rule} [{f.severity.value}] "
                       f"{message_of(f, lang)}")
    return "".join(line + "\n" for line in out)
