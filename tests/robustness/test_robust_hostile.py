"""Hostile inputs through the whole command line: `disclint check` over a folder holding the hostile file
and a real report. Each run exits 3, prints one clear line naming the hostile file with its error kind,
and still lints the good report. (The readers' own tests check the same files at the reader level.)"""
from __future__ import annotations

import io
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclint.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOOD = next((ROOT / "seeds").glob("002_*.txt"))  # a 2008-era report with findings (DL101 and others)
TEMPLATE_DOCX = ROOT / "tests" / "corpus" / "docs" / "peers" / "政务公开年报模版.docx"
PINGTAN_HTML = ROOT / "tests" / "corpus" / "docs" / "pingtan" / "001.html"


def check(folder: Path, *args: str):
    return CliRunner().invoke(main, ["check", *args, str(folder)], catch_exceptions=False)


def folder_with(tmp_path: Path, name: str, data: bytes | None = None) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    if data is not None:
        (folder / name).write_bytes(data)
    return folder


def assert_refused(result, name: str, kind: str) -> None:
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if name in line]
    assert len(lines) == 1, result.output
    assert f"error[{kind}]" in lines[0] or f": E{kind} 无法读取（" in lines[0]  # English, or Chinese with the id
    # the good report was still linted: its findings are printed
    assert re.search(r"good\.txt:\d+:\d+:.* DL\d+ ", result.output), result.output


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
    return out.getvalue()


def test_file_over_the_size_limit_is_refused_up_front(tmp_path):
    folder = folder_with(tmp_path, "huge.txt")
    with open(folder / "huge.txt", "wb") as fh:  # sparse: refused by its size, never read
        fh.truncate(20 * 1024 * 1024 + 1)
    assert_refused(check(folder), "huge.txt", "too-large")


def test_size_limit_is_configurable(tmp_path):
    from disclint.engine.linter import Linter
    from disclint.settings import Settings

    folder = folder_with(tmp_path, "x.txt")
    [result] = Linter(Settings(max_bytes=1000)).lint_many([folder / "good.txt"], use_cache=False)
    assert result.error is not None and result.error.reason == "too-large"
    assert "1,000" in result.error.message


def test_zip_bomb_docx(tmp_path):
    zeros = b"\0" * (20 * 1024 * 1024)  # deflates about 1000:1
    bomb = rezip(TEMPLATE_DOCX.read_bytes(), {"word/document.xml": zeros})
    assert len(bomb) < 200_000
    assert_refused(check(folder_with(tmp_path, "bomb.docx", bomb)), "bomb.docx", "bomb")


def test_xml_entity_bomb_in_docx(tmp_path):
    lol = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                                      for i in range(1, 10)]
    lol[1] = '<!ENTITY lol1 "' + "&lol;" * 10 + '">'
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(lol)}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode()
    bomb = rezip(TEMPLATE_DOCX.read_bytes(), {"word/document.xml": xml})
    assert_refused(check(folder_with(tmp_path, "laughs.docx", bomb)), "laughs.docx", "bomb")


def test_deeply_nested_html(tmp_path):
    page = PINGTAN_HTML.read_text(encoding="utf-8")
    nested = page.replace("<body", "<body><div>" + "<div>" * 100_000 + "</div>" * 100_000 + "</div><x", 1)
    assert_refused(check(folder_with(tmp_path, "nested.html", nested.encode("utf-8"))), "nested.html", "nesting")


def test_binary_file_named_txt(tmp_path):
    data = Path(sys.executable).read_bytes()[:200_000]  # an ELF executable
    assert_refused(check(folder_with(tmp_path, "program.txt", data)), "program.txt", "binary")


def test_png_named_txt(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    assert_refused(check(folder_with(tmp_path, "picture.txt", data)), "picture.txt", "binary")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode("utf-8"), b"\xef\xbb\xbf\n"],
                         ids=["empty", "blanks", "ideographic-spaces", "bom-only"])
def test_empty_or_whitespace_only(tmp_path, data):
    assert_refused(check(folder_with(tmp_path, "blank.txt", data)), "blank.txt", "empty")


def test_unreadable_file(tmp_path):
    folder = folder_with(tmp_path, "x")
    os.symlink("loop-b.txt", folder / "loop-a.txt")  # a link that leads nowhere but back to itself
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    result = check(folder)
    assert result.exit_code == 3
    assert "loop-a.txt: Eunreadable 无法读取（无法打开）" in result.output
    assert re.search(r"good\.txt:\d+:\d+:", result.output)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path):
    folder = folder_with(tmp_path, "secret.txt", GOOD.read_bytes())
    (folder / "secret.txt").chmod(0)
    assert_refused(check(folder), "secret.txt", "unreadable")


def test_symlink_loop_between_folders_is_walked_once(tmp_path):
    folder = folder_with(tmp_path, "x")
    sub = folder / "sub"
    sub.mkdir()
    shutil.copy(GOOD, sub / "again.txt")
    os.symlink("..", sub / "up")  # reports/sub/up → reports: a cycle
    os.symlink(str(sub), folder / "side")
    result = check(folder)
    assert result.exit_code == 1, result.output  # findings, and nothing unreadable
    linted = {line.split(":")[0] for line in result.output.splitlines() if re.match(r"\S+\.txt:\d+:", line)}
    assert {Path(p).name for p in linted} == {"good.txt", "again.txt"}
    assert len(linted) == 2, linted


def test_rule_pack_with_python_tags_is_rejected(tmp_path):
    from disclint.engine.linter import Linter
    from disclint.engine.loader import RuleError
    from disclint.settings import Settings

    marker = tmp_path / "pwned"
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "evil.yaml").write_text(
        "pack: evil\nrules:\n"
        f"  - !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(RuleError, match="safe"):
        Linter(Settings(rule_dirs=(str(pack),))).lint_many([GOOD], use_cache=False)
    assert not marker.exists()
    (pack / "evil.yaml").write_text("pack: evil\nrules: !!python/object:collections.OrderedDict {}\n",
                                    encoding="utf-8")
    with pytest.raises(RuleError):
        Linter(Settings(rule_dirs=(str(pack),))).lint_many([GOOD], use_cache=False)


def test_inputs_are_never_modified(tmp_path):
    folder = folder_with(tmp_path, "t.docx", TEMPLATE_DOCX.read_bytes())
    shutil.copy(PINGTAN_HTML, folder / "p.html")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    check(folder)
    check(folder, "--format", "json")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert before == after
