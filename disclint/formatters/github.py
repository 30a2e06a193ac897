"""GitHub Actions workflow commands: each finding becomes an annotation on the file (and line) in the
pull request. `::error file=…,line=…,col=…,title=…::message`; info findings are `::notice`.

Escaping follows the runner's rules: in the message `%`, CR and LF are percent-encoded; in property
values `:` and `,` are too, since they separate properties. A file name's control characters and
bytes that are not UTF-8 are backslash escapes first, as in the text formats (docs/output.md).
"""
from __future__ import annotations

from .common import display_path, message_of

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report) -> str:
    lang = report.settings.lang
    out: list[str] = []
    for result in report.results:
        path = _prop(display_path(result.path.replace("\\", "/")))
        if result.error:
            out.append(f"::error file={path},title={_prop('disclint ' + result.error.reason)}::"
                       f"{_data(result.error.message)}")
            continue
        for f in result.findings:
            props = [f"file={path}"]
            if f.line:
                props += [f"line={f.line}", f"col={f.column or 1}"]
            props.append(f"title={_prop(f'{f.rule} {f.name}')}")
            out.append(f"::{_COMMAND[f.severity.value]} {','.join(props)}::{_data(message_of(f, lang))}")
    return "".join(line + "\n" for line in out)
