"""Suppression: findings a writer has looked at and accepted, kept out of the output.

Three ways, applied in this order to each file's findings after the rules ran:

1. **Inline directives** in text formats (.txt .md .html), as HTML comments so a rendered page
   hides them: `<!-- disclint-disable DL201 -->` … `<!-- disclint-enable -->`,
   `<!-- disclint-disable-next-line DL010 -->`, and `<!-- disclint-disable-file DL101 -->` (also
   for findings that have no line). With no code, a directive covers every rule. A code may be a
   code prefix, a rule name or a finding kind, as in `select`. Text after ` -- ` is the reason.
2. **A sidecar file** next to the document, `<document>.disclint.yaml` (the only way for .docx and
   .pdf, which cannot hold a comment a reader keeps), keyed by the finding's fingerprint — rule +
   section + table + row + column, no line numbers, so it survives edits.
3. **A baseline** (`disclint baseline`), for adopting disclint on old reports: findings recorded
   there, counted per file and fingerprint, are not reported; new ones are.

A directive or a sidecar entry that suppressed nothing is itself reported (DL601), and so is one
that names no rule at all (DL602): a stale suppression hides the next real problem.
"""
from __future__ import annotations

import html as _html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import regular_file
from .config import ConfigError
from .model import Finding, Severity
from .settings import Settings

UNUSED = "DL601"
UNKNOWN = "DL602"
SIDECAR_SUFFIX = ".disclint.yaml"
BASELINE_VERSION = 1
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

    def takes(self, finding: Finding, rule=None) -> bool:
        """Whether this suppression takes `finding` (of `rule`, the loaded rule of its code)."""
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
        hit = [s for s in self.selectors if selector_matches(s, finding, rule)]
        self.used.update(hit)
        return bool(hit)


def selector_matches(selector: str, finding: Finding, rule=None) -> bool:
    """A selector means here what it means in select and ignore (Rule.matches); a finding of a rule
    this run did not load (none should be) is matched on its own code, name and kind."""
    if rule is not None:
        return rule.matches(selector)
    return finding.rule.startswith(selector) or selector in (finding.name, finding.kind)


# --- inline directives --------------------------------------------------------------------------------

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


# --- sidecar -------------------------------------------------------------------------------------------

def sidecar_path(path: str) -> str:
    return path + SIDECAR_SUFFIX


def sidecar_entries(path: str) -> list[Suppression]:
    """Entries of the sidecar next to `path` (none when there is no sidecar)."""
    side = sidecar_path(path)
    if not os.path.exists(side):  # a FIFO or a folder of that name is an error, not "no sidecar"
        return []
    import yaml

    try:
        node = yaml.compose(regular_file.read_text(side), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"{side}: cannot read the suppression file: {e}") from None
    data = yaml.safe_load(yaml.serialize(node)) if node is not None else None
    if not isinstance(data, dict) or set(data) != {"suppress"} or not isinstance(data["suppress"], list):
        raise ConfigError(f"{side}: a suppression file is a mapping with one key, 'suppress', a list of entries")
    entry_nodes = next(v for k, v in node.value if k.value == "suppress").value
    out = []
    for entry, entry_node in zip(data["suppress"], entry_nodes):
        at = f"{side}:{entry_node.start_mark.line + 1}"
        if not isinstance(entry, dict) or set(entry) - {"fingerprint", "rule", "reason"}:
            raise ConfigError(f"{at}: key 'suppress': each entry has fingerprint or rule, and a reason")
        if ("fingerprint" in entry) == ("rule" in entry):
            raise ConfigError(f"{at}: key 'suppress': give either fingerprint or rule")
        if "fingerprint" in entry:
            fp = str(entry["fingerprint"])
            out.append(Suppression(form="sidecar", selectors=(fp.split("/", 1)[0],), text=f"fingerprint {fp}",
                                   fingerprint=fp, origin=at))
        else:
            rule = str(entry["rule"])
            out.append(Suppression(form="sidecar", selectors=(rule,), text=f"rule {rule}", origin=at))
    return out


# --- baseline ------------------------------------------------------------------------------------------

def baseline_key(path: str, baseline_file: str) -> str:
    """A linted file's name in a baseline: relative to the baseline's folder, with "/"."""
    rel = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(baseline_file)))
    return rel.replace(os.sep, "/")


def write_baseline(results, baseline_file: str) -> int:
    """Record every finding of `results`; returns how many."""
    from .atomic import write_text
    from .formatters.common import json_text

    files: dict[str, dict[str, int]] = {}
    total = 0
    for result in results:
        counts = Counter(f.fingerprint for f in result.findings)
        if counts:
            files[baseline_key(result.path, baseline_file)] = dict(sorted(counts.items()))
            total += sum(counts.values())
    data = {"version": BASELINE_VERSION, "tool": "disclint", "files": dict(sorted(files.items()))}
    write_text(baseline_file, json_text(data) + "\n")  # any bytes in a name come back exactly
    return total


@lru_cache(maxsize=4)
def _load_baseline(path: str, mtime: float) -> dict[str, dict[str, int]]:
    try:
        data = json.loads(regular_file.read_text(path))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with `disclint baseline`)") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{path}: not a disclint baseline: {e}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("files"), dict):
        raise ConfigError(f"{path}: not a disclint baseline (version {BASELINE_VERSION})")
    return data["files"]


def load_baseline(path: str) -> dict[str, dict[str, int]]:
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        mtime = 0.0
    return _load_baseline(path, mtime)


# --- applying them -------------------------------------------------------------------------------------

def apply(result, settings: Settings, use_baseline: bool = True):
    """`result` with suppressed findings removed and unused suppressions reported (a new FileResult)."""
    if result.error is not None:
        return result
    source = result.document.source if result.document is not None else None
    suppressions: list[Suppression] = []
    if source is not None and source.format in INLINE_FORMATS:
        if source.format == "html":
            suppressions += html_directives(_raw_html(result.path), source.text)
        else:
            suppressions += inline_directives(source.text)
    suppressions += sidecar_entries(result.path)
    kept = list(result.findings)
    if suppressions:
        from .engine.loader import load_rules

        rules = {r.code: r for r in load_rules(settings.rule_dirs, settings.max_rule_pack_bytes)}
        kept = [f for f in result.findings if not _suppressed(f, suppressions, rules.get(f.rule))]
    kept += _tool_findings(suppressions, settings, result.path)
    if use_baseline and settings.baseline:
        kept = _drop_baselined(kept, result.path, settings.baseline)
    kept.sort(key=lambda f: (f.line or 0, f.column or 0, f.rule))
    return replace(result, findings=kept)


def _suppressed(finding: Finding, suppressions: list[Suppression], rule) -> bool:
    # every matching suppression is marked used, so two that overlap are not reported as unused
    return sum(s.takes(finding, rule) for s in suppressions) > 0


def _drop_baselined(findings: list[Finding], path: str, baseline_file: str) -> list[Finding]:
    allowance = Counter(load_baseline(baseline_file).get(baseline_key(path, baseline_file), {}))
    kept = []
    for f in findings:
        if allowance[f.fingerprint] > 0:
            allowance[f.fingerprint] -= 1
        else:
            kept.append(f)
    return kept


def _raw_html(path: str) -> str:
    from .readers.text import decode

    try:
        return decode(regular_file.read_bytes(path))[0]
    except Exception:  # noqa: BLE001 - unreadable now: then there is no directive to place
        return ""


def _tool_findings(suppressions: list[Suppression], settings: Settings, path: str) -> list[Finding]:
    from .engine.loader import load_rules
    from .engine.run import rules_for

    active = rules_for(settings)
    by_code = {r.code: r for r in active}
    if UNUSED not in by_code and UNKNOWN not in by_code:
        return []
    every = load_rules(settings.rule_dirs, settings.max_rule_pack_bytes)
    out: list[Finding] = []
    for sup in suppressions:
        unknown = [s for s in sup.selectors if sup.fingerprint is None and not _names_a_rule(s, every)]
        if unknown and UNKNOWN in by_code:
            out.append(_finding(by_code[UNKNOWN], settings, sup, path, selector=", ".join(unknown)))
        # selectors of rules that did not run here (ignored, another profile's) cannot have been used
        could = [s for s in sup.selectors if s not in unknown and _names_a_rule(s, active)]
        if sup.fingerprint is not None:
            unused = not sup.used
        elif not sup.selectors:
            unused = not sup.used
        else:
            unused = bool([s for s in could if s not in sup.used])
        if unused and UNUSED in by_code:
            out.append(_finding(by_code[UNUSED], settings, sup, path))
    return out


def _names_a_rule(selector: str, rules) -> bool:
    return any(r.matches(selector) for r in rules)


def _finding(rule, settings: Settings, sup: Suppression, path: str, selector: str = "") -> Finding:
    where = {}
    if sup.form == "sidecar":
        where = {"suppression": sup.origin}
    elif sup.origin:
        where = {"suppression": f"{os.path.basename(path)} {sup.origin}"}
    f = rule.finding(directive=sup.text, selector=selector, where=where)
    f.line, f.column = (sup.line, sup.column or 1) if sup.line else (None, None)
    level = dict(settings.severity).get(rule.code) or dict(settings.severity).get(rule.name)
    if level:
        f.severity = Severity(level)
    return f
