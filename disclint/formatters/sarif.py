"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, VS Code's SARIF viewer).

Written as plain dicts (spec/libraries.md: a fixed JSON shape, checked in the tests against the SARIF
2.1.0 JSON schema vendored in tests/ecosystem). Choices that make results stable across runs:
- `ruleId` is the rule code, and `tool.driver.rules` lists the rules the run selected, in code order,
  with their help text from the YAML, so `ruleIndex` only moves when the selection does;
- `columnKind` is `unicodeCodePoints`: disclint counts columns in characters, and 一 is one column;
- `partialFingerprints` carries the finding's fingerprint (rule + section + table + row + column), so a
  dashboard follows a finding across edits that move lines.
Files that cannot be read are tool execution notifications of the invocation, not results.

What code-scanning dashboards require beyond the schema (GitHub rejects a result without
`region.startLine`, and shows `helpUri` and the descriptions on the alert):
- every result has a physical location with a region; a finding about the whole document (a missing
  section, a missing statistic) is placed at line 1, column 1 and marked `documentLevel`;
- artifact URIs are relative to `%SRCROOT%` (the current folder, declared in `originalUriBaseIds`),
  also when the paths were given absolute, so a log made on one machine opens on another; a path
  outside that folder keeps its absolute `file:` URI;
- rules carry short and full descriptions and their message template in the run's language, the other
  language in each string's `properties` (SARIF's own translation mechanism, external translation
  files, is not read by any dashboard), and `helpUri` to the rule's section in docs/rules.md.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__
from ._ruledoc import PROJECT_URL, descriptions, help_text, help_uri
from .common import message_of, path_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "disclint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
LANGUAGE = {"zh": "zh-CN", "en": "en-US"}


def artifact_location(path: str, root: str | None = None) -> dict:
    """`{"uri": …, "uriBaseId": "%SRCROOT%"}` for a path under `root` (the current folder), an absolute
    `file:` URI for one outside it, and `-` (standard input) as it is."""
    if path == "-":
        return {"uri": "-"}
    root = os.path.abspath(root or os.getcwd())
    full = os.path.abspath(path)
    if full == root or full.startswith(root.rstrip(os.sep) + os.sep):
        return {"uri": _quote(os.path.relpath(full, root)), "uriBaseId": SRCROOT}
    return {"uri": "file://" + _quote(full)}


def _quote(path: str) -> str:
    """A URI is percent-encoded bytes (RFC 3986): the file name's own bytes, so a name that is not
    UTF-8 keeps them (`%FF`) and a newline cannot break the JSON."""
    return quote(os.fsencode(path.replace(os.sep, "/")))


def _root_uri(root: str | None = None) -> str:
    return "file://" + _quote(os.path.abspath(root or os.getcwd())).rstrip("/") + "/"


def _bilingual(texts: dict[str, str], lang: str) -> dict:
    other = "en" if lang == "zh" else "zh"
    out = {"text": texts[lang]}
    if texts.get(other):
        out["properties"] = {other: texts[other]}
    return out


def rule_descriptor(rule, lang: str) -> dict:
    short, full = descriptions(rule)
    languages = [lang] + [code for code in ("zh", "en") if code != lang]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": _bilingual(short, lang),
        "fullDescription": _bilingual(full, lang),
        "messageStrings": {code: {"text": rule.message[code]} for code in languages if rule.message.get(code)},
        "help": {"text": help_text(rule, lang)},
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"kind": rule.kind, "findingKind": rule.finding_kind, "profiles": list(rule.profiles),
                       "reference": rule.reference_for(lang), "tags": [rule.finding_kind]},
    }


def _region(f, doc) -> dict:
    if not f.line:  # about the whole document: dashboards need a line, and the first is the title
        return {"startLine": 1, "startColumn": 1}
    region = {"startLine": f.line, "startColumn": f.column or 1}
    if doc is not None and f.start is not None and f.end is not None and f.end > f.start:
        end_line, end_column = doc.position(f.end)
        if (end_line, end_column) > (f.line, f.column or 1):
            region.update(endLine=end_line, endColumn=end_column)
    return region


def _result(f, doc, location: dict, index: int, lang: str) -> dict:
    physical: dict = {"artifactLocation": location, "region": _region(f, doc)}
    properties = {"kind": f.finding_kind, "severity": f.severity.value}
    if not f.line:
        properties["documentLevel"] = True
    for key, value in (("section", f.section), ("table", f.table), ("row", f.row), ("tableColumn", f.table_column),
                       ("expected", f.expected), ("actual", f.actual)):
        if value is not None:
            properties[key] = value
    properties.update(f.where)
    return {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity.value],
        "message": {"text": message_of(f, lang)},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": properties,
    }


def report_sarif(report) -> dict:
    lang = report.settings.lang
    rules = sorted(report.rules, key=lambda r: r.code)
    descriptors = [rule_descriptor(r, lang) for r in rules]
    index = {r.code: i for i, r in enumerate(rules)}
    results, notifications = [], []
    for result in report.results:
        if result.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{path_text(result.path)}: {result.error.message}"},
                "descriptor": {"id": f"read-error/{result.error.reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path)}}],
            })
            continue
        location = artifact_location(result.path)
        for f in result.findings:
            if f.rule not in index:  # a rule only a per-folder configuration selects: its result knows it
                index[f.rule] = len(descriptors)
                rule = next((r for r in result.rules if r.code == f.rule), None)
                descriptors.append(rule_descriptor(rule, lang) if rule else {
                    "id": f.rule, "name": f.name, "shortDescription": {"text": f.name},
                    "defaultConfiguration": {"level": LEVELS[f.severity.value]}})
            results.append(_result(f, result.document, location, index[f.rule], lang))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "disclint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": PROJECT_URL, "language": LANGUAGE[lang], "rules": descriptors}},
            "originalUriBaseIds": {SRCROOT: {"uri": _root_uri()}},
            "language": LANGUAGE[lang],
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report) -> str:
    return json.dumps(report_sarif(report), ensure_ascii=False, indent=2) + "\n"
