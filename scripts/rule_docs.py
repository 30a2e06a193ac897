"""Regenerate docs/rules.md (each rule's page, the target of SARIF's helpUri) from the rule packs."""
from pathlib import Path

from disclint.engine.loader import load_rules
from disclint.formatters._ruledoc import RULES_DOC, rules_markdown

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    (ROOT / RULES_DOC).write_text(rules_markdown(load_rules(())), encoding="utf-8")
