"""`--statistics`: how many findings of each rule and of each finding kind, most frequent first."""
from __future__ import annotations

from collections import Counter


def render(report) -> str:
    en = report.settings.lang == "en"
    by_rule: Counter = Counter()
    names: dict[str, tuple[str, str]] = {}
    by_kind: Counter = Counter()
    for result in report.results:
        for f in result.findings:
            by_rule[f.rule] += 1
            names[f.rule] = (f.name, f.severity.value)
            by_kind[f.finding_kind] += 1
    out = ["Findings per rule:" if en else "按规则统计："]
    for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        name, severity = names[code]
        out.append(f"{n:6d}  {code}  {severity:<7}  {name}")
    out.append("Findings per kind:" if en else "按问题类别统计：")
    for kind, n in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:6d}  {kind}")
    if not by_rule:
        out.insert(1, "     0")
    return "\n".join(out) + "\n"
