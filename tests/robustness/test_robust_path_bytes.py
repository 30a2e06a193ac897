"""Any bytes in a file name survive every format (issue 18, item 4): real files named with b"\\xff"
(not UTF-8) and with a newline, linted by `python -m disclint` in every format. JSON and SARIF are
valid UTF-8 JSON, JUnit is well-formed XML, and the line formats keep one finding per line; how the
bytes are written is docs/output.md's."""
from __future__ import annotations

import json
import os
import shutil
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree

import pytest

from .cli_process import GOOD, assert_no_traceback, disclint

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")

BAD = b"\xff\xfe\xe4\xb8\x80.txt"  # two bytes that are not UTF-8, then 一
NEWLINE = "报告\n第二行.txt"
CONTROL = "esc\x1b[31m.txt"


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    data = GOOD.read_bytes()  # a real report with findings
    with open(os.fsencode(folder) + b"/" + BAD, "wb") as fh:
        fh.write(data)
    (folder / NEWLINE).write_bytes(data)
    (folder / CONTROL).write_bytes(data)
    return folder


def run(folder, fmt: str) -> bytes:
    proc = disclint("check", "--format", fmt, "reports", cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    proc.stdout.decode("utf-8")  # valid UTF-8 whatever the format
    return proc.stdout


def test_json_keeps_the_bytes_in_path_bytes(folder):
    data = json.loads(run(folder, "json"))
    files = {f["path"]: f for f in data["files"]}
    bad = files["reports/\ufffd\ufffd一.txt"]
    assert bytes.fromhex(bad["path_bytes"]) == b"reports/" + BAD
    assert bad["findings"]
    assert "path_bytes" not in files[f"reports/{NEWLINE}"]  # a newline is valid UTF-8: JSON escapes it
    assert f"reports/{CONTROL}" in files


def test_json_validates_against_the_schema(folder):
    jsonschema = pytest.importorskip("jsonschema")
    from disclint.formatters.json import VERSION

    schema_path = os.path.join(os.path.dirname(__import__("disclint").__file__), "schema", f"check-v{VERSION}.json")
    with open(schema_path, encoding="utf-8") as fh:
        jsonschema.validate(json.loads(run(folder, "json")), json.load(fh))


def test_sarif_uris_are_the_percent_encoded_bytes(folder):
    sarif = json.loads(run(folder, "sarif"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert {unquote_to_bytes(u) for u in uris} == {b"reports/" + BAD, os.fsencode(f"reports/{NEWLINE}"),
                                                   os.fsencode(f"reports/{CONTROL}")}
    assert all(u.isascii() and "\n" not in u for u in uris)
    assert "reports/%FF%FE%E4%B8%80.txt" in uris


def test_junit_is_well_formed(folder):
    root = ElementTree.fromstring(run(folder, "junit"))
    names = {suite.get("name") for suite in root.iter("testsuite")}
    assert names == {"reports/\\xff\\xfe一.txt", "reports/报告\\n第二行.txt", "reports/esc\\x1b[31m.txt"}


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_line_formats_keep_one_finding_per_line(folder, fmt):
    out = run(folder, fmt).decode("utf-8")
    finding_lines = [line for line in out.splitlines() if "DL" in line and not line.startswith(" ")]
    assert finding_lines
    # every finding line starts with its path (or the workflow command): no name split a line
    start = "::" if fmt == "github" else "reports/"
    assert all(line.startswith(start) for line in finding_lines), out
    assert "\x1b" not in out and "\ufffd" not in out
    for name in ("reports/\\xff\\xfe一.txt", "reports/报告\\n第二行.txt", "reports/esc\\x1b[31m.txt"):
        if fmt == "github":
            assert any(f" file={name}," in line for line in finding_lines), (name, out)
        else:
            assert any(line.startswith(name + ":") for line in finding_lines), (name, out)


def test_summary_outputs_stay_valid_utf8(folder, tmp_path):
    proc = disclint("summary", "reports", "--out", "out", "-j", "1", cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    out = tmp_path / "out"
    data = json.loads((out / "findings.json").read_bytes().decode("utf-8"))
    paths = {f["path"]: f.get("path_bytes") for f in data["files"]}
    assert paths == {"reports/\ufffd\ufffd一.txt": (b"reports/" + BAD).hex(), f"reports/{NEWLINE}": None,
                     f"reports/{CONTROL}": None}
    (out / "index.html").read_bytes().decode("utf-8")
    csv_text = (out / "summary.csv").read_bytes().decode("utf-8-sig")
    assert '"\ufffd\ufffd一.txt"' in csv_text  # relative to the folder summarised (docs/summary.md)
    openpyxl = pytest.importorskip("openpyxl")
    openpyxl.load_workbook(out / "summary.xlsx", read_only=True).close()


def test_baseline_brings_any_name_back_exactly(folder):
    proc = disclint("baseline", "reports", cwd=folder.parent)
    assert_no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    (folder.parent / ".disclint-baseline.json").read_bytes().decode("utf-8")
    # every finding of the three files is in the baseline, so none is reported
    proc = disclint("check", "reports", "--baseline", ".disclint-baseline.json", cwd=folder.parent)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
