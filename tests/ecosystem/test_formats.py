"""Every output format on the seeds: a snapshot of the whole output, and each machine format checked
by the consumer that reads it (the SARIF 2.1.0 schema, an XML parser, the JSON contract's schema)."""
from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from disclint.formatters import names as format_names
from tests.ecosystem.conftest import HERE, ROOT, SEED_003
from tests.ecosystem.snapshots import FORMATS, arguments, comparable, names, produce, snapshot_path


def test_every_format_has_a_snapshot():
    assert set(format_names()) == set(FORMATS)


@pytest.mark.parametrize("name", names())
def test_snapshot(name):
    code, text = produce(name)
    assert code == 1  # the seeds have errors
    path = snapshot_path(name)
    assert path.exists(), f"no snapshot {path.name}: run scripts/update_snapshots.py and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed: run scripts/update_snapshots.py"


def _run(fmt: str, *extra: str):
    from tests.ecosystem.conftest import run_cli

    return run_cli(*arguments(fmt), *extra, cwd=ROOT)


def test_sarif_validates_against_the_sarif_2_1_0_schema():
    schema = json.loads((HERE / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    log = json.loads(_run("sarif").out)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(log)] == []
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert all(r["help"]["text"] and r["fullDescription"]["text"] for r in rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert re.fullmatch(r"DL\d{3}/.*", result["partialFingerprints"]["disclint/v1"])


def test_sarif_columns_count_code_points_under_chinese_text():
    # seed 003 line 7 is "（2） 完善制度，升华意识": the finding starts at column 1 and covers the heading
    log = json.loads(_run("sarif").out)
    ours = [r for r in log["runs"][0]["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(SEED_003.name)
            and r["ruleId"] == "DL010"]
    region = ours[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (7, 1)
    line = SEED_003.read_text(encoding="utf-8").split("\n")[6]
    assert region["endColumn"] - region["startColumn"] <= len(line)


def test_sarif_reports_an_unreadable_file_as_a_notification(tmp_path):
    from tests.ecosystem.conftest import run_cli

    (tmp_path / ".git").mkdir()
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run_cli("check", "empty.txt", "--format", "sarif", "--no-cache", cwd=tmp_path)
    assert result.code == 3
    invocation = json.loads(result.out)["runs"][0]["invocations"][0]
    assert invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "read-error/empty"


def test_junit_parses_and_counts_agree_with_the_findings():
    root = ET.fromstring(_run("junit").out.encode("utf-8"))
    findings = json.loads(_run("json").out)
    n = sum(len(f["findings"]) for f in findings["files"])
    failing = sum(1 for f in findings["files"] for x in f["findings"] if x["severity"] in ("error", "warning"))
    assert root.tag == "testsuites"
    assert len(root.findall("testsuite")) == len(findings["files"])
    assert int(root.get("failures")) == failing == len(root.findall(".//failure"))
    assert int(root.get("tests")) >= n


def test_json_validates_against_the_contract_schema():
    schema = json.loads((ROOT / "disclint" / "schema" / "check-v1.json").read_text(encoding="utf-8"))
    data = json.loads(_run("json").out)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert comparable("json", _run("json").out)  # the snapshot's masking keeps it valid JSON


def test_github_annotations_escape_what_the_runner_would_split_on():
    from disclint.formatters.github import _data, _prop

    assert _prop("a,b:c%") == "a%2Cb%3Ac%25"
    assert _data("第一行\n第二行") == "第一行%0A第二行"
    lines = _run("github").out.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=seeds/[^,]+(,line=\d+,col=\d+)?,title=DL\d{3} ", ln)
                         for ln in lines)


def test_statistics_count_per_rule_and_per_kind():
    text = _run("statistics").out
    per_rule = text.split("按规则统计：\n", 1)[1].split("按问题类别统计：\n")[0]
    counts = {m.group(2): int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\s+(DL\d{3})", per_rule, re.M)}
    concise = [ln for ln in text.splitlines() if re.match(r"seeds/", ln)]
    assert sum(counts.values()) == len(concise)
    assert counts["DL010"] == sum(" DL010 " in ln for ln in concise)


def test_statistics_keep_machine_output_parseable():
    result = _run("json", "--statistics")
    json.loads(result.out)
    assert "按规则统计" in result.err


def test_output_file_gets_the_output_and_stdout_stays_empty(tmp_path):
    target = tmp_path / "out.sarif"
    result = _run("sarif", "--output-file", str(target))
    assert result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
