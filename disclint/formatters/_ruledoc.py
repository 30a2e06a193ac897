"""A rule's documentation, read only from its YAML (and its kind's docstring), so `disclint explain`,
`disclint rules` and SARIF's help text cannot drift from what the rule does."""
from __future__ import annotations

import inspect
import re

# Where disclint's documentation lives (the README's placeholder until the project has a public home):
# SARIF's informationUri, and helpUri to each rule's section of docs/rules.md.
PROJECT_URL = "https://example.invalid/disclint"
RULES_DOC = "docs/rules.md"


def help_uri(code: str) -> str:
    return f"{PROJECT_URL}/blob/main/{RULES_DOC}#{code.lower()}"


def template_text(message: str) -> str:
    """A message template as prose: each {placeholder} becomes "…"."""
    return re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "…", message)


def descriptions(rule) -> tuple[dict[str, str], dict[str, str]]:
    """Short and full descriptions, {"zh": …, "en": …}: what the rule kind checks and why the rule
    exists — English from the kind's docstring and the rule's rationale, Chinese from
    rules/explain-zh.yaml (what `disclint explain` prints). A rule of a user's pack has no Chinese
    entry there: its Chinese then is the kind's name and the message's shape, with the reference."""
    from ._explain import kind_name, zh_texts

    checks, rationale = zh_texts(rule)
    shape = template_text(rule.message["zh"])
    short = {"zh": f"{kind_name(rule.kind, 'zh')}：{checks or shape}", "en": what_it_checks(rule) or rule.name}
    full = {"zh": f"{rationale or shape}（依据：{rule.reference}）", "en": " ".join(rule.rationale.split())}
    return short, full


def what_it_checks(rule) -> str:
    """The first paragraph of the rule kind's docstring, on one line."""
    from .. import kinds

    doc = inspect.getdoc(kinds.get(rule.kind)) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def help_text(rule, lang: str = "zh") -> str:
    """Plain text: what, why, the reference, and a failing and a passing example."""
    zh = lang != "en"
    lines = [
        f"{rule.code} {rule.name} ({rule.kind} → {rule.finding_kind}, {rule.severity.value})",
        "",
        ("检查内容: " if zh else "What it checks: ") + what_it_checks(rule),
        ("提示信息: " if zh else "Message: ") + rule.message["zh" if zh else "en"],
        ("适用格式: " if zh else "Profiles: ") + ", ".join(rule.profiles),
        ("依据: " if zh else "Reference: ") + rule.reference_for(lang),
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


def rules_markdown(rules) -> str:
    """docs/rules.md: one section per rule, anchored by its code (the target of SARIF's helpUri)."""
    out = ["# Rules", "",
           "Generated from the rule packs by `python scripts/update_snapshots.py`; a test keeps it equal to them.",
           "`disclint explain CODE` prints the same in a terminal.", ""]
    for rule in sorted(rules, key=lambda r: r.code):
        short, full = descriptions(rule)
        out += [f"## {rule.code}", "",
                f"`{rule.name}` — {rule.severity.value}, finding kind `{rule.finding_kind}`, "
                f"profiles {', '.join(rule.profiles)}", "",
                f"- 检查内容: {short['zh']}", f"- What it checks: {short['en']}",
                f"- 提示信息: {rule.message['zh']}", f"- Message: {rule.message['en']}",
                *([f"- 依据: {rule.reference}", f"- Reference: {rule.reference_en}"] if rule.reference_en else
                  [f"- 依据 / Reference: {rule.reference}"]), "",
                "理由: " + full["zh"], "", "Why: " + full["en"], ""]
        for title, examples in (("Failing example", rule.fail), ("Passing example", rule.passes)):
            for example in examples[:1]:
                note = f" ({example.note})" if example.note else ""
                out += [f"{title}{note}:", "", "```text", example.text.rstrip("\n"), "```", ""]
    return "\n".join(out)
