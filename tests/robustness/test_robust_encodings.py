"""Big5 text and UTF-32 text without a BOM are decoded, never reported as `binary` (issue 18).

The Big5 report is seed 003 (a real 2017 report of 红花尔基镇) in traditional characters:
tests/robustness/data/003_traditional.big5.txt was made once with zhconv's `zh-hant` conversion
(character by character, no vocabulary changes), then 爲 着 羣 衆 — the old forms zh-hant writes,
which Big5 lacks — replaced by 為 著 群 眾, the forms Big5 has; encoded with errors="strict", so no
character was lost. zhconv is not a dependency: the file is kept. Before the fix the Big5 bytes were
read as GB18030 (both use the same byte ranges), giving other characters.
"""
from __future__ import annotations

import json
import shutil

import pytest

from disclint.readers.base import ReadError
from disclint.readers.text import decode

from .cli_process import ROOT, assert_no_traceback, disclint, text

SEED = next((ROOT / "seeds").glob("003_*.txt"))
BIG5 = ROOT / "tests" / "robustness" / "data" / "003_traditional.big5.txt"


def lint_json(folder, *names: str) -> dict:
    proc = disclint("check", "--format", "json", "--no-cache", *names, cwd=folder)
    assert_no_traceback(proc)
    assert proc.returncode in (0, 1), text(proc.stdout) + text(proc.stderr)
    return {f["path"]: f for f in json.loads(proc.stdout)["files"]}


def findings(entry: dict) -> list[tuple]:
    return [(f["rule"], f["line"], f["column"], f["message"]) for f in entry["findings"]]


def test_big5_report_is_decoded_as_big5(tmp_path):
    traditional = BIG5.read_bytes().decode("big5")
    shutil.copy(BIG5, tmp_path / "big5.txt")
    (tmp_path / "utf8.txt").write_text(traditional, encoding="utf-8")
    files = lint_json(tmp_path, "big5.txt", "utf8.txt")
    big5, utf8 = files["big5.txt"], files["utf8.txt"]
    assert big5["error"] is None, big5["error"]
    assert big5["document"]["encoding"] == "big5"
    # the same text as its UTF-8 copy: the same document and the same findings
    assert findings(big5) == findings(utf8)
    assert big5["document"]["year"] == utf8["document"]["year"] == 2017


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_decoded(tmp_path, encoding):
    report = SEED.read_text(encoding="utf-8")
    data = report.encode(encoding)  # Python's utf-32-le/-be codecs write no BOM
    assert not data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"))
    (tmp_path / "utf32.txt").write_bytes(data)
    shutil.copy(SEED, tmp_path / "utf8.txt")
    files = lint_json(tmp_path, "utf32.txt", "utf8.txt")
    assert files["utf32.txt"]["error"] is None, files["utf32.txt"]["error"]
    assert files["utf32.txt"]["document"]["encoding"] == encoding
    assert findings(files["utf32.txt"]) == findings(files["utf8.txt"])


def test_gb18030_reports_stay_gb18030():
    """The control: the real corpus reports in GB18030 are not taken for Big5."""
    reports = sorted((ROOT / "tests" / "corpus" / "docs").glob("*/*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    assert len(reports) > 20
    for path in reports:
        report = path.read_text(encoding="utf-8")
        assert decode(report.encode("gb18030")) == (report, "gb18030"), path


def test_undecodable_bytes_are_an_encoding_error_naming_what_was_tried(tmp_path):
    (tmp_path / "odd.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    proc = disclint("check", "--lang", "en", "odd.txt", cwd=tmp_path)  # the reader's own detail is English
    assert proc.returncode == 3
    out = text(proc.stdout)
    assert "error[encoding]" in out and "GB18030" in out and "Big5" in out and "UTF-32" in out, out
    with pytest.raises(ReadError) as error:
        decode(bytes(range(0x80, 0x100)) * 20)
    assert error.value.reason == "encoding"
