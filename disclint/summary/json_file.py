"""findings.json: the JSON contract (spec/output-contract.md, version 1) of the whole batch,
cross-report findings included."""
from __future__ import annotations

import json

from .digest import ReportDigest


def findings_json(digests: list[ReportDigest]) -> str:
    from ..formatters.json import VERSION

    counts = {"error": 0, "warning": 0, "info": 0}
    for d in digests:
        for f in d.findings:
            counts[f["severity"]] += 1
    summary = {"files": len(digests), "errors": counts["error"], "warnings": counts["warning"],
               "infos": counts["info"], "unreadable": sum(1 for d in digests if d.error)}
    # One file entry per line: readable with grep and head, and written by json's C encoder (an
    # indented dump falls back to the pure-Python one, 5× slower on a 10,000-report batch).
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    files = ",\n".join(dump(d.entry) for d in digests)
    return f'{{"version":{VERSION},"files":[\n{files}\n],\n"summary":{dump(summary)}}}\n'
