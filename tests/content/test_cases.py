"""Runs tests/content/cases.yaml: each case's text through the content rules, with the exact findings."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from disclint.engine.run import analyse, check_document
from disclint.readers.base import Source
from disclint.readers.text import normalise_newlines
from disclint.settings import Settings

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    settings = Settings(select=tuple(case["select"]))
    doc = analyse(Source(path="<case>", text=normalise_newlines(case["text"]), format="text", encoding="utf-8"),
                  settings)
    if "body_type" in case:
        doc.facts["body_type"] = case["body_type"]
    findings = check_document(doc, settings)
    got = [{key: _field(f, key) for key in want} for f, want in zip(findings, case["expect"])]
    assert len(findings) == len(case["expect"]), [f"{f.rule} {f.line}: {f.message}" for f in findings]
    assert got == case["expect"]


def _field(finding, key):
    value = getattr(finding, key)
    return value.value if key == "severity" else value
