"""Kind, year and profile of every labelled real report, against the reviewer's labels."""
from __future__ import annotations

import pytest

import disclint
from tests.conftest import CORPUS, corpus_labels

LABELS = corpus_labels()
# The sections each profile requires (2007 条例 第三十二条; the six parts of the 2019/2021 formats).
REQUIRED = {
    "2008": {"proactive", "requests", "fees", "appeals", "problems", "other"},
    "2019": {"overview", "proactive", "requests", "appeals", "problems", "other"},
    "2021": {"overview", "proactive", "requests", "appeals", "problems", "other"},
}


@pytest.mark.parametrize("label", LABELS, ids=[lab["file"] for lab in LABELS])
def test_kind_year_and_profile_match_the_label(label):
    doc = disclint.lint_path(CORPUS / label["file"]).document
    assert doc is not None, "the document could not be read"
    assert doc.genre == label["kind"]
    if label["kind"] == "annual-report":
        assert doc.year == label["year"]
        assert doc.profile == label["profile"]


@pytest.mark.parametrize("label", [lab for lab in LABELS if lab.get("sections")],
                         ids=[lab["file"] for lab in LABELS if lab.get("sections")])
def test_missing_sections_match_the_label(label):
    result = disclint.lint_path(CORPUS / label["file"])
    flagged = {f.section for f in result.findings if f.finding_kind == "missing-section"}
    for section, present in label["sections"].items():
        if section not in REQUIRED[label["profile"]]:
            continue
        assert (section in flagged) == (not present), section
