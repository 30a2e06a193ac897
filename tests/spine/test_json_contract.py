"""`disclint check --format json` prints the contract of spec/output-contract.md, validated against
the schema the package publishes, for the seeds and every labelled real report."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from tests.conftest import CORPUS, SEEDS

SCHEMA = json.loads(resources.files("disclint.schema").joinpath("check-v1.json").read_text(encoding="utf-8"))


def run_json(*paths):
    proc = subprocess.run([sys.executable, "-m", "disclint", "check", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True)
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def corpus_output():
    return run_json(*sorted((CORPUS / "docs").rglob("*.*")))


def test_seeds_json_validates_and_exits_1():
    code, out = run_json(SEEDS)
    jsonschema.validate(out, SCHEMA)
    assert code == 1
    assert out["summary"]["files"] == 5
    assert [f["document"]["kind"] for f in out["files"]].count("not-annual-report") == 1


def test_corpus_json_validates(corpus_output):
    _, out = corpus_output
    jsonschema.validate(out, SCHEMA)
    assert out["summary"]["files"] == len(list((CORPUS / "docs").rglob("*.*")))


def test_sections_are_listed_with_ids_and_lines():
    _, out = run_json(next(SEEDS.glob("001_*.txt")))
    sections = out["files"][0]["document"]["sections"]
    assert [s["id"] for s in sections] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    assert sections[0] == {"id": "overview", "title": "一、总体情况", "line": 17}
