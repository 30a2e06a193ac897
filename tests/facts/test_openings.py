"""Kind, year, body and title read from real page openings (tests/facts/openings.yaml), as a person
reads them: furniture set aside, the title or the self-declaration first."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from disclint.engine.linter import linter_for
from disclint.readers.base import Source
from disclint.readers.text import normalise_newlines
from disclint.settings import Settings

CASES = yaml.safe_load((Path(__file__).parent / "openings.yaml").read_text(encoding="utf-8"))


def facts_of(text: str):
    settings = Settings()
    return linter_for(settings).analyse(
        Source(path="<opening>", text=normalise_newlines(text), format="text", encoding="utf-8"), settings)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_opening(case):
    doc = facts_of(case["text"])
    want = case["expect"]
    assert doc.genre == want["kind"], doc.facts.genre_signals
    if want["kind"] == "annual-report":
        assert doc.year == want["year"], doc.facts.year_source
        if "agency" in want:
            assert doc.agency == want["agency"], doc.facts.agency_source
        if "title" in want:
            assert doc.title == want["title"]


def test_every_case_names_its_source():
    assert all(c.get("url") for c in CASES)
