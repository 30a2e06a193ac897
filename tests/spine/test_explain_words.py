"""`disclint explain` in Chinese is Chinese: what the rule checks, why, the article; its examples
shown as the table a writer sees, not one run-together line of digits (issue 13)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from disclint import kinds
from disclint.cli import main
from disclint.engine.loader import load_rules
from disclint.formatters._explain import explain_text, zh_docs
from tests.spine.test_message_words import problems

RULES = load_rules()


def test_every_kind_and_rule_has_its_chinese_text():
    docs = zh_docs()
    assert set(kinds.names()) <= set(docs["kinds"])
    assert {r.code for r in RULES} <= set(docs["rationales"])


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_chinese_explanation_has_no_english_words(rule):
    text = explain_text(rule, "zh")
    head = text.split("\n\n不合规示例")[0]
    assert head.startswith(f"{rule.code} {rule.name}（")
    # The rule's name is its stable kebab-case id; everything else is Chinese.
    quoted = rule.reference + "".join(ex.text for ex in rule.fail + rule.passes)  # what it quotes
    assert problems(head.replace(rule.name, ""), "zh", quoted) == [], head
    for line in text.splitlines():
        if line.startswith("    → "):
            assert problems(line, "zh", text) == [], line


def test_a_run_together_example_is_shown_as_the_table():
    out = CliRunner().invoke(main, ["explain", "DL301"]).output
    assert "检查内容：表格的勾稽关系" in out and "理由：这是格式本身印在表上的唯一勾稽关系" in out
    assert "    「收到和处理政府信息公开申请情况」表" in out
    assert "    | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in out
    assert "0000000（三）不予公开" not in out  # the run-together line is not printed
    assert "    → DL301 「收到和处理政府信息公开申请情况」表「自然人」列：第一项加第二项之和（1＋0＝1）" in out
    english = CliRunner().invoke(main, ["explain", "DL301", "--lang", "en"]).output
    assert "What it checks: An arithmetic identity" in english
    assert '    | 4. carried over to next year | 1 | 0 | 0 | 0 | 0 | 0 | 1 |' in english
