"""SARIF as code-scanning dashboards need it, over every labelled report (tests/corpus), and GitLab's
Code Quality report."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from tests.ecosystem.conftest import HERE, ROOT, SEED_003, run_cli

CORPUS = ROOT / "tests" / "corpus" / "docs"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def corpus_log() -> dict:
    # absolute paths on purpose: the URIs must still come out relative to %SRCROOT%
    result = run_cli("check", str(CORPUS), "--format", "sarif", "--isolated", "--no-cache", cwd=ROOT)
    assert result.code in (1, 3)
    return json.loads(result.out)


def test_sarif_over_the_labelled_reports_validates_and_every_result_has_a_start_line(corpus_log):
    schema = json.loads((HERE / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(corpus_log)] == []
    results = corpus_log["runs"][0]["results"]
    assert len(results) > 100
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1, result
    whole = [r for r in results if r["properties"].get("documentLevel")]
    assert whole and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] == 1 for r in whole)


def test_sarif_uris_are_relative_to_srcroot_even_for_absolute_paths(corpus_log):
    run = corpus_log["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.endswith("/") and Path(unquote(urlparse(base).path)) == ROOT
    seen = set()
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith(("file:", "/"))
        assert (ROOT / unquote(location["uri"])).is_file()
        seen.add(location["uri"])
    assert len(seen) > 40  # the findings come from most of the labelled reports


def test_sarif_path_outside_srcroot_keeps_an_absolute_uri(tmp_path):
    elsewhere = tmp_path / "r.txt"
    elsewhere.write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cwd").mkdir()
    log = json.loads(run_cli("check", str(elsewhere), "--format", "sarif", "--isolated", "--no-cache",
                             "--select", "DL010", cwd=tmp_path / "cwd").out)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": elsewhere.as_uri()}


@pytest.mark.parametrize("lang, other", [("zh", "en"), ("en", "zh")])
def test_sarif_rules_describe_themselves_in_both_languages_the_runs_first(lang, other):
    from disclint.engine.loader import load_rules
    from disclint.formatters._ruledoc import descriptions

    texts = {r.code: dict(zip(("shortDescription", "fullDescription"), descriptions(r))) for r in load_rules(())}
    log = json.loads(run_cli("check", "seeds", "--format", "sarif", "--isolated", "--no-cache", "--lang", lang,
                             cwd=ROOT).out)
    driver = log["runs"][0]["tool"]["driver"]
    assert urlparse(driver["informationUri"]).scheme == "https"
    assert log["runs"][0]["language"].startswith(lang)
    for rule in driver["rules"]:
        for key in ("shortDescription", "fullDescription"):
            zh, en = texts[rule["id"]][key]["zh"], texts[rule["id"]][key]["en"]
            assert CJK.search(zh) and len(re.findall("[A-Za-z]", en)) > len(CJK.findall(en)), (rule["id"], key)
            assert rule[key]["text"] == texts[rule["id"]][key][lang], (rule["id"], key)
            assert rule[key]["properties"] == {other: texts[rule["id"]][key][other]}, (rule["id"], key)
        assert list(rule["messageStrings"]) == [lang, other]


def test_sarif_help_uri_points_at_the_rules_section_in_docs():
    from disclint.engine.loader import load_rules
    from disclint.formatters._ruledoc import RULES_DOC, rules_markdown
    from disclint.formatters.sarif import rule_descriptor

    rules = load_rules(())
    doc = (ROOT / RULES_DOC).read_text(encoding="utf-8")
    assert doc == rules_markdown(rules), "docs/rules.md is stale: run python scripts/update_snapshots.py"
    anchors = set(re.findall(r"^## (DL\d{3})$", doc, re.M))
    for rule in rules:
        uri = rule_descriptor(rule, "zh")["helpUri"]
        path, anchor = urlparse(uri).path, urlparse(uri).fragment
        assert path.endswith("/" + RULES_DOC) and anchor == rule.code.lower() and rule.code in anchors


# --- GitLab Code Quality ------------------------------------------------------------------------------------

def test_gitlab_code_quality_report(monkeypatch):
    data = json.loads(run_cli("check", "seeds", "--format", "gitlab", "--isolated", "--no-cache", cwd=ROOT).out)
    findings = json.loads(run_cli("check", "seeds", "--format", "json", "--isolated", "--no-cache", cwd=ROOT).out)
    flat = [(file["path"], f) for file in findings["files"] for f in file["findings"]]
    assert len(data) == len(flat)
    severity = {"error": "major", "warning": "minor", "info": "info"}
    for issue, (path, finding) in zip(data, flat):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == finding["rule"] and finding["message"] in issue["description"]
        assert issue["severity"] == severity[finding["severity"]]
        assert issue["location"] == {"path": path, "lines": {"begin": finding["line"] or 1}}
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in data}) == len(data)  # GitLab needs them unique


def test_gitlab_paths_are_relative_to_ci_project_dir_and_unreadable_files_are_critical(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_text("", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "sub" / "empty.txt"), "--format", "gitlab", "--isolated", "--no-cache",
                     env={"CI_PROJECT_DIR": str(tmp_path)})
    issue = json.loads(result.out)[0]
    assert result.code == 3
    assert issue["location"] == {"path": "sub/empty.txt", "lines": {"begin": 1}}
    assert issue["severity"] == "critical" and issue["check_name"] == "read-error/empty"


def test_a_file_name_that_is_not_utf8_survives_sarif_and_gitlab(tmp_path):
    import os

    (tmp_path / ".git").mkdir()
    with open(os.path.join(os.fsencode(tmp_path), b"\xb1\xa8\xb8\xe6.txt"), "wb") as fh:  # 报告 in GBK
        fh.write(SEED_003.read_bytes())
    sarif = json.loads(run_cli("check", ".", "--format", "sarif", "--no-cache", "--select", "DL010", cwd=tmp_path).out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "%B1%A8%B8%E6.txt"
    gitlab = json.loads(run_cli("check", ".", "--format", "gitlab", "--no-cache", "--select", "DL010", cwd=tmp_path).out)
    assert gitlab[0]["location"]["path"] == "\\xb1\\xa8\\xb8\\xe6.txt"
