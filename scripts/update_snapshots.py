"""Regenerate every snapshot the tests compare against, in one run; then read `git diff` and keep a
change only when it is right:

- tests/snapshots/: the findings and facts of each real report and seed (tests/snapshot.py);
- tests/ecosystem/snapshots/: the whole output of each format on the seeds (tests/ecosystem/snapshots.py);
- README.md's sample output of `disclint check` (tests/readme_sample.py);
- README.md's section on configuration, suppression, formats and pre-commit: the output under each
  `$` command (tests/ecosystem/test_docs.py);
- docs/rules.md, each rule's section (SARIF's helpUri points there), from the rule packs.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.snapshot import SNAPSHOTS, documents, dump, observe, snapshot_path  # noqa: E402


def corpus() -> list[Path]:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    changed = []
    for doc in documents():
        path = snapshot_path(doc)
        text = dump(observe(doc))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def formats() -> list[Path]:
    from tests.ecosystem.snapshots import update

    return update()


def readme_sample() -> list[Path]:
    from tests.readme_sample import README, rendered

    text = rendered()
    if README.read_text(encoding="utf-8") == text:
        return []
    README.write_text(text, encoding="utf-8")
    return [README]


def readme_examples() -> list[Path]:
    from tests.ecosystem.test_docs import DOC, run_page

    with tempfile.TemporaryDirectory() as tmp:
        return [DOC] if run_page(Path(tmp), update=True) else []


def rule_docs() -> list[Path]:
    from disclint.engine.loader import load_rules
    from disclint.formatters._ruledoc import RULES_DOC, rules_markdown

    path = ROOT / RULES_DOC
    text = rules_markdown(load_rules(()))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return []
    path.write_text(text, encoding="utf-8")
    return [path]


def main() -> None:
    changed: list[Path] = []
    for step in (corpus, formats, readme_sample, readme_examples, rule_docs):
        changed += step()
    for path in changed:
        print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(changed)} snapshot(s) changed")


if __name__ == "__main__":
    main()
