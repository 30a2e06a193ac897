"""The default output: `path:place: CODE severity message`, the line, and a caret under the place. The
place is line:col for a text file and what the reader's format shows otherwise (_position)."""
from __future__ import annotations

from ._position import position_text
from ._read_error import read_error_line
from ._style import paint
from ._width import line_excerpt
from .common import display_path, message_of, severity_word, summary_line

OPTIONS = ("color", "quiet")
# A finding about the whole report (a missing section) has no line: the place says so.
_NO_PLACE = {False: "全文", True: "-:-"}


def render(report, color: bool = False, quiet: bool = False) -> str:
    out: list[str] = []
    lang = report.settings.lang
    for result in report.results:
        path = display_path(result.path)
        if result.error:
            out.append(read_error_line(path, result.error, lang))
            continue
        doc = result.document
        for f in result.findings:
            pos = position_text(f, doc, lang) or _NO_PLACE[lang == "en"]
            out.append(f"{paint(path, 'path', color)}:{pos}: {f.rule} "
                       f"{paint(severity_word(f.severity, lang), f.severity.value, color)} {message_of(f, lang)}")
            if f.line and doc is not None:
                span = (f.end - f.start) if f.start is not None and f.end is not None else 1
                line, caret = line_excerpt(doc, f.line, f.column or 1, max(1, min(span, 40)))
                if line.strip():
                    out.append(f"    {line}")
                    out.append(f"    {paint(caret, 'caret', color)}")
    if not quiet:
        out.append(summary_line(report))
    return "".join(line + "\n" for line in out)
