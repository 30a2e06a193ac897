"""GitLab Code Quality (a JSON array of issues), for the merge-request widget: `artifacts: reports:
codequality: gl-code-quality-report.json`. Each issue has the fields GitLab reads:
`description`, `check_name`, `fingerprint`, `severity`, `location.path`, `location.lines.begin`.

- `severity`: info → info, warning → minor, error → major; a file that cannot be read → critical
  (nothing in it was checked). `blocker` is left to no finding: no single finding makes a report
  unpublishable.
- `location.path` is relative to the repository (GitLab resolves it from the project root): to
  `CI_PROJECT_DIR` when GitLab sets it, as ruff does, else to the current folder.
- `fingerprint` is an MD5 of path, rule fingerprint and occurrence (GitLab tracks issues across
  pipelines by it, and it must be unique in one report): stable across edits that move lines, like
  the finding's own fingerprint.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

from .common import display_path, message_of

SEVERITY = {"info": "info", "warning": "minor", "error": "major"}
UNREADABLE = "critical"


def _path(path: str) -> str:
    root = os.path.abspath(os.environ.get("CI_PROJECT_DIR") or os.getcwd())
    full = os.path.abspath(path)
    if full.startswith(root.rstrip(os.sep) + os.sep):
        full = os.path.relpath(full, root)
    elif not os.path.isabs(path):
        full = path
    # a name that is not UTF-8 (its bytes held as surrogates) is shown with \xNN escapes: JSON holds text only
    return display_path(full.replace(os.sep, "/"))


def _fingerprint(*parts: object) -> str:
    return hashlib.md5("\0".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def render(report) -> str:
    lang = report.settings.lang
    issues: list[dict] = []
    seen: Counter = Counter()
    for result in report.results:
        path = _path(result.path)
        if result.error:
            issues.append({"description": f"{result.error.reason}: {result.error.message}",
                           "check_name": f"read-error/{result.error.reason}",
                           "fingerprint": _fingerprint(path, "read-error", result.error.reason),
                           "severity": UNREADABLE, "location": {"path": path, "lines": {"begin": 1}}})
            continue
        for f in result.findings:
            key = (path, f.fingerprint)
            seen[key] += 1
            issues.append({"description": f"{f.rule} {message_of(f, lang)}", "check_name": f.rule,
                           "fingerprint": _fingerprint(path, f.fingerprint, seen[key]),
                           "severity": SEVERITY[f.severity.value],
                           "location": {"path": path, "lines": {"begin": f.line or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
