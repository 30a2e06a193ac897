"""Hostile and broken rule packs through the command line: each is one line
`disclint: rule error: FILE:LINE: …` naming the line of the offending key, exit 2, nothing on
stdout, no traceback and no per-file internal error, and nothing is linted."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.ecosystem.conftest import SEED_003, run_cli

GOOD = """\
pack: user
rules:
  - code: DL901
    name: user-residue
    kind: placeholder
    severity: warning
    message:
      zh: "模板残留「{residue}」"
      en: "residue \\"{residue}\\""
    reference: a user's pack
    rationale: names left as 某某 in a report
    patterns: ['某某']
    ignore: ['电子邮箱']
    examples: {fail: ["某某"], pass: ["一"]}
"""


def pack_dir(tmp_path: Path, text: str, name: str = "user.yaml") -> tuple[Path, Path]:
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return folder, path


def check_with(folder: Path, *extra: str):
    return run_cli("check", "--isolated", "--no-cache", "--rule-dir", str(folder), *extra, str(SEED_003))


def assert_rule_error(result, path: Path, line: int, words: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"disclint: rule error: {path}:{line}: "), lines[0]
    assert words in lines[0], lines[0]
    assert "Traceback" not in result.err and "internal error" not in result.err


def test_the_good_pack_loads_and_its_rule_runs(tmp_path):
    folder, _ = pack_dir(tmp_path, GOOD)
    result = check_with(folder, "--select", "DL901", "--format", "json")
    assert result.code == 0, result.err


@pytest.mark.parametrize("old, new, line, words", [
    # message templates: only {name} of a field the kind declares
    ('zh: "模板残留「{residue}」"', 'zh: "模板残留「{typo}」"', 8, "message.zh: unknown placeholder {typo}"),
    ('zh: "模板残留「{residue}」"', 'zh: "模板残留「{0}」"', 8, "positional placeholder {0}"),
    ('en: "residue \\"{residue}\\""', 'en: "{residue.__class__}"', 9, "placeholder {residue.__class__} reaches into a field"),
    ('en: "residue \\"{residue}\\""', 'en: "{residue[0]}"', 9, "placeholder {residue[0]} reaches into a field"),
    ('zh: "模板残留「{residue}」"', 'zh: "{residue:>300000000}"', 8, "has a conversion or format spec"),
    ('zh: "模板残留「{residue}」"', 'zh: "{residue!r}"', 8, "has a conversion or format spec"),
    ('zh: "模板残留「{residue}」"', 'zh: "模板残留「{residue"', 8, "unmatched '{'"),
    ('zh: "模板残留「{residue}」"', 'zh: ""', 8, "message needs exactly zh and en texts"),
    # patterns, compiled at load by the engine that runs them
    ("patterns: ['某某']", "patterns: ['某某(']", 12, "'patterns[0]': not a valid regular expression"),
    ("patterns: ['某某']", "patterns: ['((a{100}){100}){100}']", 12, "too large to compile safely"),
    ("ignore: ['电子邮箱']", "ignore:\n      - '电子邮箱'\n      - '(?<x>'", 15, "'ignore[1]': not a valid regular expression"),
    # a wrong type anywhere
    ("ignore: ['电子邮箱']", "ignore: [['电子邮箱']]", 13, "'ignore[0]' must be a regular expression (string), not a list"),
    ("patterns: ['某某']", "patterns: [5]", 12, "'patterns[0]' must be a regular expression (string), not an integer"),
    ("patterns: ['某某']", "patterns: {a: b}", 12, "'patterns' must be a list of regular expressions (strings), not a mapping"),
    ("severity: warning", "severity: [warning]", 6, "'severity' must be a string, not a list"),
    ("severity: warning", "severity: fatal", 6, "severity must be error, warning or info"),
    ('    message:\n      zh: "模板残留「{residue}」"\n      en: "residue \\"{residue}\\""\n', '    message: 模板残留\n', 7,
     "'message' must be a mapping with zh, en, not a string"),
    ('      en: "residue \\"{residue}\\""\n', '      en: 5\n', 9, "'message.en' must be a string, not an integer"),
    ("name: user-residue", "name: {a: 1}", 4, "'name' must be a string, not a mapping"),
    ('examples: {fail: ["某某"], pass: ["一"]}', "examples: {fail: [{text: 1}], pass: ['一']}", 14,
     "'examples.fail[0].text' must be a string, not an integer"),
    ('examples: {fail: ["某某"], pass: ["一"]}', "examples: {fail: [], pass: ['一']}", 14,
     "examples.fail must be a non-empty list"),
    ("rationale: names left as 某某 in a report", "rationale: names\n    colour: red", 12, "unknown key(s) colour"),
    ("kind: placeholder", "kind: placeholders", 5, "unknown rule kind 'placeholders'"),
    ("pack: user", "pack: [user]", 1, "'pack' must be a string, not a list"),
    # aliases let a small file stand for an enormous one
    ("patterns: ['某某']", "patterns: &p ['某某']", 13, "aliases (*name) are not allowed in rule packs"),
])
def test_a_broken_pack_is_one_rule_error_line(tmp_path, old, new, line, words):
    assert old in GOOD
    text = GOOD.replace(old, new)
    if "&p" in new:
        text = text.replace("ignore: ['电子邮箱']", "ignore: *p")
    folder, path = pack_dir(tmp_path, text)
    assert_rule_error(check_with(folder), path, line, words)


def test_a_pattern_is_compiled_by_the_engine_that_runs_it(tmp_path):
    # \p{Han} is the regex module's (re refuses it): the pack loads and the rule finds the name
    folder, _ = pack_dir(tmp_path, GOOD.replace("patterns: ['某某']", r"patterns: ['某某\p{Han}']"))
    result = check_with(folder, "--select", "DL901", "--format", "concise")
    assert result.code == 0, result.err


def test_the_pack_size_limit_is_checked_before_parsing(tmp_path):
    filler = "# " + "填" * 60 + "\n"
    big = GOOD + filler * (1024 * 1024 // len(filler.encode()) + 1)
    folder, path = pack_dir(tmp_path, big)
    size = path.stat().st_size
    assert_rule_error(check_with(folder), path, 0,
                      f"the rule pack is {size} bytes, over the limit of 1048576 (max-rule-pack-bytes)")


def test_the_pack_size_limit_is_configurable(tmp_path):
    folder, path = pack_dir(tmp_path, GOOD)
    config = tmp_path / ".disclint.toml"
    config.write_text(f'rule-dirs = ["{folder}"]\nmax-rule-pack-bytes = 200\n', encoding="utf-8")
    result = run_cli("check", "--config", str(config), "--no-cache", str(SEED_003))
    assert_rule_error(result, path, 0, "over the limit of 200 (max-rule-pack-bytes)")
    config.write_text(f'rule-dirs = ["{folder}"]\nmax-rule-pack-bytes = 100000\n', encoding="utf-8")
    assert run_cli("check", "--config", str(config), "--no-cache", str(SEED_003)).code == 1


def test_a_huge_pack_is_refused_at_once(tmp_path):
    # issue 18: a 42 MB pack took 96 s and 2.7 GB before validation rejected it
    folder = tmp_path / "packs"
    folder.mkdir()
    path = folder / "huge.yaml"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(GOOD)
        for i in range(600_000):
            fh.write(f"  - {{code: DL{i}, name: r{i}, kind: placeholder, severity: warning}}\n"[:100])
    assert path.stat().st_size > 40_000_000
    started = time.perf_counter()
    assert_rule_error(check_with(folder), path, 0, "over the limit of 1048576")
    assert time.perf_counter() - started < 5


def test_a_pack_just_under_the_limit_loads_in_bounded_time(tmp_path):
    rule = GOOD.split("rules:\n", 1)[1]
    rules = [rule.replace("DL901", f"DL{9000 + i}").replace("user-residue", f"user-residue-{i}") for i in range(2900)]
    text = "pack: user\nrules:\n" + "".join(rules)
    assert 900_000 < len(text.encode()) < 1024 * 1024
    folder, _ = pack_dir(tmp_path, text)
    started = time.perf_counter()
    result = run_cli("rules", "--rule-dir", str(folder))
    assert result.code == 0, result.err
    assert time.perf_counter() - started < 60  # about 5 s on an idle machine: linear in the capped size


def test_patterns_too_costly_to_compile_together_are_refused(tmp_path):
    # each is under the per-pattern limit, and takes about 0.2 s to compile; 60,000 fit in 1 MB
    items = "".join(f"      - 'x{i}a{{99999}}'\n" for i in range(40))
    folder, path = pack_dir(tmp_path, GOOD.replace("patterns: ['某某']", "patterns:\n" + items))
    started = time.perf_counter()
    assert_rule_error(check_with(folder), path, 13 + 9,
                      "'patterns[9]': the pack's patterns together are too costly to compile")
    assert time.perf_counter() - started < 30


def test_the_builtin_packs_are_well_within_the_compile_budget():
    from disclint import safe_regex
    from disclint.engine.loader import load_rules

    def patterns(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from patterns(v)
        elif isinstance(value, dict):
            for v in value.values():
                yield from patterns(v)

    by_pack: dict = {}
    for rule in load_rules():
        by_pack.setdefault(rule.source.split(":")[0], set()).update(patterns(rule.params))
    for pack, sources in by_pack.items():
        assert sum(map(safe_regex.compile_cost, sources)) < safe_regex.MAX_PACK_COMPILE_COST / 5, pack


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_rule_folder_does_not_hang(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    assert_rule_error(check_with(folder), path, 0, "cannot read rule file: not a regular file")


def test_nesting_too_deep(tmp_path):
    folder, path = pack_dir(tmp_path, GOOD.replace("patterns: ['某某']", "patterns: " + "[" * 5000 + "]" * 5000))
    result = check_with(folder)
    assert result.code == 2 and len(result.err.splitlines()) == 1 and "Traceback" not in result.err
    assert result.err.startswith(f"disclint: rule error: {path}:12: ")
