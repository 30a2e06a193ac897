"""Suppression: inline directives (.txt .md .html), sidecar files keyed by fingerprint (.docx and any
other format), the baseline, and the findings that unused or unknown suppressions give (DL601, DL602).

Fixtures are seed 003 (红花尔基镇 2017) and mutations of it: its numbering findings are at lines 7
(（2） after （一）) and 17 (一、 restarting inside 二、)."""
from __future__ import annotations

import html
import json
import shutil

import pytest

import disclint
from tests.ecosystem.conftest import SEED_003, seed_text

DISABLE_NEXT = "<!-- disclint-disable-next-line DL010 -- 原件如此 -->"


def rules_at(result) -> list[tuple[str, int | None]]:
    return [(f.rule, f.line) for f in result.findings]


def with_lines(inserted: dict[int, str], tail: list[str] = ()) -> str:
    """Seed 003 with lines inserted before the given 1-based line numbers."""
    lines = seed_text().split("\n")
    out = []
    for n, line in enumerate(lines, 1):
        if n in inserted:
            out.append(inserted[n])
        out.append(line)
    return "\n".join(out + list(tail))


def lint(tmp_path, text: str, name: str = "report.txt", **config):
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return disclint.lint_path(path, {"select": ["DL010", "DL6"], **config})


def test_without_directives_both_numbering_findings_show(tmp_path):
    assert rules_at(lint(tmp_path, seed_text())) == [("DL010", 7), ("DL010", 17)]


def test_disable_next_line_suppresses_only_the_next_line(tmp_path):
    result = lint(tmp_path, with_lines({7: DISABLE_NEXT}))
    assert rules_at(result) == [("DL010", 18)]


def test_disable_enable_range(tmp_path):
    text = with_lines({5: "<!-- disclint-disable DL010 -->", 9: "<!-- disclint-enable -->"})
    assert rules_at(lint(tmp_path, text, "report.md")) == [("DL010", 19)]


def test_disable_without_enable_runs_to_the_end_and_takes_prefixes_names_and_kinds(tmp_path):
    for selector in ("DL01", "numbering", ""):
        text = with_lines({2: f"<!-- disclint-disable {selector} -->"})
        assert rules_at(lint(tmp_path, text)) == [], selector


def test_disable_file_covers_findings_without_a_line(tmp_path):
    text = with_lines({2: "<!-- disclint-disable-file DL101 -->"})
    result = lint(tmp_path, text, select=["DL101", "DL6"])
    assert [f for f in result.findings if f.rule == "DL101"] == []
    assert lint(tmp_path, seed_text(), select=["DL101"]).findings  # the seed has DL101 findings


def test_a_directive_for_another_rule_suppresses_nothing_and_is_reported(tmp_path):
    text = with_lines({7: "<!-- disclint-disable-next-line DL001 -->"})
    result = lint(tmp_path, text, select=["DL010", "DL001", "DL6"])
    assert rules_at(result) == [("DL601", 7), ("DL010", 8), ("DL010", 18)]
    assert "disclint-disable-next-line DL001" in result.findings[0].message


def test_an_unused_directive_is_reported_where_it_is_written(tmp_path):
    fixed = seed_text().replace("（2） 完善制度", "（二）完善制度").replace("（3） 加强监督", "（三）加强监督")
    lines = fixed.split("\n")
    text = "\n".join(lines[:6] + [DISABLE_NEXT] + lines[6:])
    result = lint(tmp_path, text)
    assert rules_at(result) == [("DL601", 7), ("DL010", 18)]
    assert result.findings[0].column == 1 and result.findings[0].finding_kind == "unused-suppression"


def test_a_directive_naming_no_rule_is_reported(tmp_path):
    text = with_lines({7: "<!-- disclint-disable-next-line DL1O1 -->"})
    result = lint(tmp_path, text)
    assert ("DL602", 7) in rules_at(result) and "DL1O1" in result.findings[0].message


def test_unused_suppressions_can_be_ignored_like_any_rule(tmp_path):
    text = with_lines({2: "<!-- disclint-disable-file DL001 -->"})
    assert ("DL601", 2) in rules_at(lint(tmp_path, text, select=["DL010", "DL001", "DL6"]))
    assert rules_at(lint(tmp_path, text, select=["DL010", "DL001"])) == [("DL010", 8), ("DL010", 18)]


def test_a_directive_for_a_rule_that_did_not_run_is_not_called_unused(tmp_path):
    # DL101 is not selected here: the directive cannot be judged, so it is left alone
    text = with_lines({2: "<!-- disclint-disable-file DL101 -->"})
    assert [r for r, _ in rules_at(lint(tmp_path, text))] == ["DL010", "DL010"]


def _page(body_lines: list[str]) -> str:
    paragraphs = "\n".join(line if line.startswith("<!--") else f"<p>{html.escape(line)}</p>" for line in body_lines)
    return (f"<html><head><meta charset='utf-8'><title>年报</title></head><body><div class='nav'>首页</div>"
            f"<div class='article'>\n{paragraphs}\n</div></body></html>")


def test_html_directives_are_placed_on_the_rendered_lines(tmp_path):
    lines = [ln for ln in seed_text().split("\n") if ln.strip()]
    plain = lint(tmp_path, _page(lines), "page.html")
    assert [r for r, _ in rules_at(plain)] == ["DL010", "DL010"]
    at = lines.index(next(ln for ln in lines if ln.startswith("（2）")))
    marked = lines[:at] + ["<!-- disclint-disable-next-line DL010 -->"] + lines[at:]
    result = lint(tmp_path, _page(marked), "page.html")
    # the first finding is gone, the second stays on the rendered line it had (the comment is not a line)
    assert rules_at(result) == [("DL010", plain.findings[1].line)]


def _docx(path, text: str) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(path)


def test_sidecar_suppresses_a_docx_finding_by_fingerprint_and_survives_edits(tmp_path):
    (tmp_path / ".git").mkdir()
    path = tmp_path / "report.docx"
    _docx(path, seed_text())
    before = disclint.lint_path(path, {"select": ["DL010", "DL6"]})
    target = before.findings[0]
    (tmp_path / "report.docx.disclint.yaml").write_text(
        f"suppress:\n  - fingerprint: '{target.fingerprint}'\n    reason: 原件如此\n", encoding="utf-8")
    after = disclint.lint_path(path, {"select": ["DL010", "DL6"]})
    assert [f.fingerprint for f in after.findings] == [before.findings[1].fingerprint]
    # new paragraphs above move every line; the fingerprint still matches
    _docx(path, "\n".join(["说明：本报告已更新。", "另附说明。"]) + "\n" + seed_text())
    moved = disclint.lint_path(path, {"select": ["DL010", "DL6"]})
    assert [f.fingerprint for f in moved.findings] == [before.findings[1].fingerprint]
    assert moved.findings[0].line != before.findings[1].line


def test_a_sidecar_entry_that_matches_nothing_is_reported_with_its_place(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(SEED_003, tmp_path / "r.txt")
    (tmp_path / "r.txt.disclint.yaml").write_text(
        "suppress:\n  - rule: DL010\n  - fingerprint: DL010/requests///\n", encoding="utf-8")
    result = disclint.lint_path(tmp_path / "r.txt", {"select": ["DL010", "DL6"]})
    assert [(f.rule, f.line) for f in result.findings] == [("DL601", None)]
    assert result.findings[0].where == {"suppression": f"{tmp_path / 'r.txt.disclint.yaml'}:3"}


def test_a_broken_sidecar_is_a_configuration_error(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(SEED_003, tmp_path / "r.txt")
    (tmp_path / "r.txt.disclint.yaml").write_text("suppress:\n  - rule: DL010\n    why: x\n", encoding="utf-8")
    result = cli("check", "r.txt", "--no-cache", cwd=tmp_path)
    assert result.code == 2 and "r.txt.disclint.yaml:2" in result.err


def test_baseline_reports_only_new_findings(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(SEED_003, tmp_path / "r.txt")
    made = cli("baseline", "r.txt", "--select", "DL010,DL101", cwd=tmp_path)
    assert made.code == 0 and "7 finding(s)" in made.err
    data = json.loads((tmp_path / ".disclint-baseline.json").read_text(encoding="utf-8"))
    assert sum(data["files"]["r.txt"].values()) == 7
    args = ["check", "r.txt", "--no-cache", "--select", "DL010,DL101", "--format", "concise"]
    clean = cli(*args, "--baseline", ".disclint-baseline.json", cwd=tmp_path)
    assert (clean.code, clean.out) == (0, "")
    # a new problem: 四、 renumbered to 六、 — only its finding is new
    text = (tmp_path / "r.txt").read_text(encoding="utf-8").replace("四、下一步工作安排", "六、下一步工作安排")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".disclint.toml").write_text('baseline = ".disclint-baseline.json"\n', encoding="utf-8")
    new = cli(*args, cwd=tmp_path)
    assert new.code == 1 and len(new.out.splitlines()) == 1 and "DL010" in new.out


def test_baseline_paths_are_relative_to_the_baseline_file(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports").mkdir()
    shutil.copy(SEED_003, tmp_path / "reports" / "r.txt")
    cli("baseline", "reports", "--select", "DL010", "-o", "reports/base.json", cwd=tmp_path)
    assert list(json.loads((tmp_path / "reports" / "base.json").read_text())["files"]) == ["r.txt"]
    inside = cli("check", "r.txt", "--select", "DL010", "--baseline", "base.json", "--no-cache",
                 cwd=tmp_path / "reports")
    assert inside.code == 0
