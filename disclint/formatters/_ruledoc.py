"""A rule's documentation, read only from its YAML (and its kind's docstring), so `disclint explain`,
`disclint rules` and SARIF's help text cannot drift from what the rule does."""
from __future__ import annotations

import inspect


def finding_kind(rule) -> str:
    return rule.finding_kind


def what_it_checks(rule) -> str:
    """The first paragraph of the rule kind's docstring, on one line."""
    from .. import kinds

    doc = inspect.getdoc(kinds.get(rule.kind)) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def help_text(rule, lang: str = "zh") -> str:
    """Plain text: what, why, the reference, and a failing and a passing example."""
    zh = lang != "en"
    lines = [
        f"{rule.code} {rule.name} ({rule.kind} → {finding_kind(rule)}, {rule.severity.value})",
        "",
        ("检查内容: " if zh else "What it checks: ") + what_it_checks(rule),
        ("提示信息: " if zh else "Message: ") + rule.message["zh" if zh else "en"],
        ("适用格式: " if zh else "Profiles: ") + ", ".join(rule.profiles),
        ("依据: " if zh else "Reference: ") + rule.reference,
        "",
        ("理由: " if zh else "Why: ") + " ".join(rule.rationale.split()),
    ]
    for title, examples in ((("不合规示例" if zh else "Failing example"), rule.fail),
                            (("合规示例" if zh else "Passing example"), rule.passes)):
        for example in examples[:1]:
            note = f" ({example.note})" if example.note else ""
            lines += ["", f"{title}{note}:"]
            lines += ["    " + line for line in example.text.rstrip("\n").split("\n")]
    return "\n".join(lines) + "\n"
