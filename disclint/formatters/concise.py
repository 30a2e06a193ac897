"""One line per finding, `path:line:column: CODE [severity] message`, for editors' problem matchers
(Vim's errorformat, VS Code's $eslint-compact style matchers). No excerpt, no summary line."""
from __future__ import annotations

from ._style import paint
from .common import display_path, message_of

OPTIONS = ("color",)


def render(report, color: bool = False) -> str:
    lang = report.settings.lang
    out: list[str] = []
    for result in report.results:
        path = display_path(result.path)
        if result.error:
            out.append(f"{path}:1:1: E{result.error.reason} [error] {result.error.message}")
            continue
        for f in result.findings:
            severity = paint(f.severity.value, f.severity.value, color)
            out.append(f"{path}:{f.line or 1}:{f.column or 1}: {f.rule} [{severity}] "
                       f"{message_of(f, lang)}")
    return "".join(line + "\n" for line in out)
