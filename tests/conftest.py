"""Shared fixtures: the labelled real reports copied from the project's corpus (tests/corpus)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT / "seeds"


def corpus_labels() -> list[dict]:
    with open(CORPUS / "labels.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def labels() -> list[dict]:
    return corpus_labels()
