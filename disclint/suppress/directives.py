"""Inline directives: HTML comments in text formats (.txt .md .html) that keep findings out of the
output — `<!-- disclint-disable DL201 -->` … `<!-- disclint-enable -->`,
`<!-- disclint-disable-next-line DL010 -->` and `<!-- disclint-disable-file DL101 -->` (also for
findings that have no line). With no code, a directive covers every rule. A code may be a code
prefix, a rule name or a finding kind, as in `select`. Text after ` -- ` is the reason.

They are parsed from the text the reader read (for HTML, the decoded markup, since the reader drops
comments), when that text is at hand: the file is never read a second time for them.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from ..model import Finding

INLINE_FORMATS = ("text", "markdown", "html")

_DIRECTIVE = re.compile(r"<!--\s*disclint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S)
_SELECTOR = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass
class Suppression:
    """One directive or sidecar entry, and which findings it took."""

    form: str  # disable | disable-next-line | disable-file | enable | sidecar
    selectors: tuple[str, ...]  # empty: every rule
    text: str  # as written, for messages
    line: int | None = None  # where it is written, in the document's text (directives)
    column: int | None = None
    first: int | None = None  # lines it covers, inclusive; None: the whole file
    last: int | None = None
    fingerprint: str | None = None  # sidecar entries keyed by fingerprint
    origin: str = ""  # sidecar: file:line
    used: set[str] = field(default_factory=set)  # selectors that suppressed something ("*" for all)

    def takes(self, finding: Finding, rule) -> bool:
        """Whether this suppression takes `finding` (of `rule`, the loaded rule of its code: a selector
        means here what it means in select and ignore, Rule.matches)."""
        if self.fingerprint is not None:
            if finding.fingerprint != self.fingerprint:
                return False
            self.used.add("*")
            return True
        if self.first is not None:
            if finding.line is None or not self.first <= finding.line <= (self.last or finding.line):
                return False
        if not self.selectors:
            self.used.add("*")
            return True
        hit = [s for s in self.selectors if rule.matches(s)]
        self.used.update(hit)
        return bool(hit)


def directives_of(text: str, fmt: str, markup: str | None = None) -> list[Suppression]:
    """The directives of a file read as `fmt` whose rendered text is `text`; `markup` is an HTML page's
    decoded source (its comments are not in `text`)."""
    if fmt not in INLINE_FORMATS:
        return []
    if fmt == "html":
        return html_directives(markup or "", text)
    return inline_directives(text)


def _parse_directive(body: str) -> tuple[tuple[str, ...], str]:
    codes, _, reason = body.partition(" -- ")
    selectors = tuple(s for s in re.split(r"[,\s]+", codes.strip()) if s)
    bad = [s for s in selectors if not _SELECTOR.fullmatch(s)]
    if bad:
        selectors = tuple(s for s in selectors if s not in bad)
    return selectors, reason.strip()


def inline_directives(text: str) -> list[Suppression]:
    """Directives of a .txt/.md text, with the lines each covers."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    n_lines = len(line_starts) - (1 if text.endswith("\n") else 0)
    placed = []
    for m in _DIRECTIVE.finditer(text):
        line = _line_of(line_starts, m.start())
        placed.append((m, line, m.start() - line_starts[line - 1] + 1, _next_content_line(text, line_starts, m.end())))
    return _scope(placed, n_lines)


def html_directives(raw: str, text: str) -> list[Suppression]:
    """Directives of an HTML page. The reader drops comments, so each directive is placed at the line of
    the rendered text where the page's next text node appears (searched forwards, in order)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    n_lines = len(line_starts) - (1 if text.endswith("\n") else 0)
    raw_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
    cursor = 0
    placed = []
    for m in _DIRECTIVE.finditer(raw):
        anchor = _next_text_node(raw, m.end())
        at = -1
        for size in (12, 4):
            if anchor and (at := text.find(anchor[:size], cursor)) >= 0:
                break
        target = None
        if at >= 0:
            cursor = at
            target = _line_of(line_starts, at)
        # the rendered line is where the directive acts; its own line in the page source is kept for messages
        directive_line = target if target is not None else None
        placed.append((m, directive_line, None, target, _line_of(raw_starts, m.start())))
    return _scope(placed, n_lines)


def _scope(placed: list[tuple], n_lines: int) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for item in placed:
        m, line, column, target = item[:4]
        form = m.group(1)
        selectors, _ = _parse_directive(m.group(2))
        sup = Suppression(form=form, selectors=selectors, text=" ".join(m.group(0).split()), line=line, column=column)
        if len(item) > 4:
            sup.origin = f"source line {item[4]}"
        if form == "disable-next-line":
            sup.first = sup.last = target if target is not None else -1
        elif form == "disable":
            sup.first, sup.last = (target if target is not None else (line or 1)), n_lines
            open_ranges.append(sup)
        elif form == "enable":
            end = (target if target is not None else n_lines + 1) - 1
            for rng in list(open_ranges):
                if not selectors or set(rng.selectors) & set(selectors):
                    rng.last = max(rng.first or 1, end)
                    open_ranges.remove(rng)
            continue  # an enable suppresses nothing itself
        out.append(sup)
    return out


def _line_of(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset)


def _next_content_line(text: str, line_starts: list[int], offset: int) -> int | None:
    """The first line after the directive's own that holds text other than directives."""
    line = _line_of(line_starts, offset)
    for n in range(line + 1, len(line_starts) + 1):
        begin = line_starts[n - 1]
        end = line_starts[n] if n < len(line_starts) else len(text)
        if _DIRECTIVE.sub("", text[begin:end]).strip():
            return n
    return None


_TAGS = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def _next_text_node(raw: str, offset: int) -> str:
    for chunk in _TAGS.split(raw[offset:offset + 20000]):
        if chunk and chunk.lower() not in ("script", "style"):
            words = " ".join(_html.unescape(chunk).split())
            if words:
                return words
    return ""
