"""`disclint explain CODE` for a person: what the rule checks, why, the article, and its examples
as the writer sees them — a table shown as a table with the form's row labels and column headers
(a run-together line of digits says nothing), followed by the message the example gets. Chinese
under Chinese (rules/explain-zh.yaml), English under English."""
from __future__ import annotations

from functools import lru_cache

from ..paths import builtin_rules_dir
from .. import yamlsafe
from ._ruledoc import what_it_checks
from .common import severity_word

_LONG_LINE = 160  # a line this long holding a table is a run-together copy: shown as the table


@lru_cache(maxsize=1)
def zh_docs() -> dict:
    with open(builtin_rules_dir() / "explain-zh.yaml", encoding="utf-8") as fh:
        return yamlsafe.load(fh)


def kind_name(kind: str, lang: str) -> str:
    entry = zh_docs()["kinds"].get(kind) if lang != "en" else None
    return entry["name"] if entry else kind


def zh_texts(rule) -> tuple[str | None, str | None]:
    """What the rule's kind checks and why the rule exists, in Chinese (rules/explain-zh.yaml); None
    for a rule of a user's pack, which has no entry there."""
    docs = zh_docs()
    return docs["kinds"].get(rule.kind, {}).get("checks"), docs["rationales"].get(rule.code)


def explain_text(rule, lang: str = "zh", rule_dirs=()) -> str:
    """`rule_dirs`: the packs besides the built-in ones the rule may come from (its examples are
    linted with them)."""
    zh = lang != "en"
    checks, rationale = zh_texts(rule) if zh else (None, None)
    sep = "：" if zh else ": "
    head = (f"{rule.code} {rule.name}（{kind_name(rule.kind, lang)}，{severity_word(rule.severity, lang)}）" if zh else
            f"{rule.code} {rule.name} ({rule.kind} → {rule.finding_kind}, {rule.severity.value})")
    lines = [
        head, "",
        ("检查内容" if zh else "What it checks") + sep + (checks or what_it_checks(rule)),
        ("适用格式" if zh else "Profiles") + sep + ("、" if zh else ", ").join(rule.profiles),
        ("依据" if zh else "Reference") + sep + rule.reference_for(lang),
        "",
        ("理由" if zh else "Why") + sep + (rationale or " ".join(rule.rationale.split())),
    ]
    for title, examples in ((("不合规示例" if zh else "Failing example"), rule.fail),
                            (("合规示例" if zh else "Passing example"), rule.passes)):
        for example in examples[:1]:
            note = f" ({example.note})" if example.note and not zh else ""
            lines += ["", f"{title}{note}{sep.strip()}"]
            lines += ["    " + line for line in example_view(rule, example, lang, rule_dirs)]
    return "\n".join(lines) + "\n"


def example_view(rule, example, lang: str, rule_dirs=()) -> list[str]:
    """The example's lines, its run-together tables shown as tables, then what disclint says."""
    import os

    import disclint
    from ..settings import Settings

    profile = example.profile or (rule.profiles[0] if len(rule.profiles) == 1 else None)
    settings = Settings(profile=profile, lang=lang, rule_dirs=tuple(os.path.abspath(d) for d in rule_dirs))
    result = disclint.lint_text(example.text, settings)
    doc = result.document
    out: list[str] = []
    shown = False
    for line in example.text.rstrip("\n").split("\n"):
        if len(line) > _LONG_LINE and doc is not None and doc.tables:
            if not shown:
                out += table_lines(doc, lang)
                shown = True
            continue
        out.append(line)
    said = [f for f in result.findings if f.rule == rule.code]
    for f in said:
        out.append(("→ " + f.rule + " " + (f.message_en if lang == "en" else f.message)))
    if not said:
        out.append("→ " + ("没有问题" if lang != "en" else "no finding"))
    return out


def table_lines(doc, lang: str) -> list[str]:
    """Each rebuilt table as rows of `| label | cell | … |` under its headers."""
    from ..tables.names import column_name, row_name, table_name

    out: list[str] = []
    for table in doc.tables.values():
        cols = list(table.columns)
        out.append(f"「{table_name(table.id, lang)}」" + ("表" if lang != "en" else ""))
        out.append("| " + " | ".join([""] + [column_name(table.id, table.layout, c, lang) for c in cols]) + " |")
        for row in table.rows:
            cells = table.cells[row]
            values = ["" if c not in cells else (cells[c].raw.strip() or "") for c in cols]
            out.append("| " + " | ".join([row_name(table.id, table.layout, row, lang)] + values) + " |")
    return out
