"""Messages are rendered by substituting named fields only; a user pattern's time is measured per
pattern, and a rule error says how long the pattern really ran (issue 18 item 9: one said "over 2 s"
in a run that took 0.65 s in all)."""
from __future__ import annotations

import json
import re
import time

import pytest

from disclint import safe_regex
from disclint.engine import template
from tests.ecosystem.conftest import SEED_003, run_cli


def test_render_substitutes_named_fields_and_nothing_else():
    values = {"residue": "XX", "problem_zh": "编号缺少数字", "n": 3}
    assert template.render("残留「{residue}」{{字面}}，{problem}，{n}", values, "zh") == "残留「XX」{字面}，编号缺少数字，3"
    assert template.render("{missing} stays", values, "en") == "{missing} stays"  # a gap shows, nothing fails


@pytest.mark.parametrize("bad", ["{residue.__class__}", "{x[0]}", "{residue:>300000000}", "{x!r}", "{0}", "{}",
                                 "{", "}", "{a{b}}"])
def test_anything_but_a_name_is_refused(bad):
    assert template.problems(bad, {"residue", "x", "a"}, "zh")
    with pytest.raises(template.TemplateError):
        template.parse(bad)


def test_the_budget_is_per_pattern():
    slow, quick = safe_regex.compile_pattern(r"(x+x+)+y"), safe_regex.compile_pattern("依申请")
    with safe_regex.budget(0.3) as spent, pytest.raises(safe_regex.RuleTimeout) as e:
        for _ in range(10_000):
            quick.search("依申请公开")
            slow.search("x" * 22)
    assert set(spent.spent) == {"依申请", r"(x+x+)+y"}
    assert spent.spent["依申请"] < 0.3 <= spent.spent[r"(x+x+)+y"] + 0.25
    assert e.value.pattern == r"(x+x+)+y" and not e.value.per_search and e.value.limit == 0.3


PACK = """\
pack: user
rules:
  - code: DL901
    name: letters-at-the-end
    kind: placeholder
    severity: warning
    message: {zh: "「{residue}」", en: "\\"{residue}\\""}
    reference: a user's pack
    rationale: a pattern that backtracks catastrophically on a run of letters
    patterns: ['(a|aa)+$']
    examples: {fail: ["aa"], pass: ["b"]}
"""


def test_a_rule_error_says_how_long_the_pattern_really_ran(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "user.yaml").write_text(PACK, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(SEED_003.read_text(encoding="utf-8") + "\n" + "a" * 60 + "b\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", "--isolated", "--no-cache", "--format", "json", "--lang", "en",
                     "--rule-dir", str(tmp_path / "packs"), str(report))
    took = time.perf_counter() - started
    findings = json.loads(result.out)["files"][0]["findings"]
    [error] = [f for f in findings if f["rule"] == "DL690"]
    ran = float(re.search(r"ran for ([\d.]+) s, past the limit of 0.25 s for one search", error["message"]).group(1))
    assert 0.25 <= ran <= took, (ran, took, error["message"])
    assert "DL901" in error["message"] and "user.yaml:3" in error["message"]
    assert [f for f in findings if f["rule"] != "DL690"], "the other rules still ran"


def test_the_rule_error_rule_comes_from_the_runs_rule_set(tmp_path):
    """DL690 is handed to the guarded check by the Linter's rule set (RuleSet.rule_error), selected or
    not; guarded execution loads no rules of its own (issue 12: one engine owns the rule set)."""
    import ast
    from pathlib import Path

    from disclint.engine import guarded
    from disclint.engine.linter import Linter
    from disclint.settings import Settings

    imported = {n.module for n in ast.walk(ast.parse(Path(guarded.__file__).read_text(encoding="utf-8")))
                if isinstance(n, ast.ImportFrom)}
    assert "loader" not in imported and "ruleset" not in imported, imported
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "user.yaml").write_text(PACK, encoding="utf-8")
    settings = Settings(rule_dirs=(str(tmp_path / "packs"),), select=("DL901",))
    linter = Linter(settings)
    error_rule = linter.rule_set(settings).rule_error()
    assert error_rule.code == "DL690" and error_rule not in linter.rules(settings)
    text = SEED_003.read_text(encoding="utf-8") + "\n" + "a" * 60 + "b\n"
    from disclint.readers import Source

    result = linter.lint_source(Source(path="report.txt", text=text, format="text"), settings)
    [finding] = [f for f in result.findings if f.rule == "DL690"]
    assert finding.name == error_rule.name and "DL901" in finding.message_en
