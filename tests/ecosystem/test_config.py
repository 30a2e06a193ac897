"""Configuration: discovery by walking up from each file, the keys, their errors (file + key, exit 2),
command-line overrides, and `disclint config --show` with the origin of every value."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from disclint.config import ConfigError, Resolver, find_config
from disclint.settings import Settings, glob_matches
from tests.ecosystem.conftest import SEED_003, SEEDS


def codes(result) -> list[str]:
    return [ln.split()[1] for ln in result.out.splitlines()]


def concise(cli, *args, cwd):
    return cli("check", "--format", "concise", "--no-cache", *args, cwd=cwd)


@pytest.fixture
def project(repo):
    """A repository with seed 003 (DL010 ×2, DL101 ×5) at the top and in reports/old/."""
    shutil.copy(SEED_003, repo / "003.txt")
    (repo / "reports" / "old").mkdir(parents=True)
    shutil.copy(SEED_003, repo / "reports" / "old" / "003.txt")
    return repo


def test_no_configuration_runs_every_rule(cli, project):
    got = codes(concise(cli, "003.txt", cwd=project))
    assert got.count("DL010") == 2 and "DL101" in got


@pytest.mark.parametrize("name, text", [
    (".disclint.toml", 'select = ["DL010"]\n'),
    (".disclint.yaml", "select: [DL010]\n"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.disclint]\nselect = ["DL010"]\n'),
])
def test_each_configuration_file_is_found_from_a_subfolder(cli, project, name, text):
    (project / name).write_text(text, encoding="utf-8")
    result = concise(cli, "old/003.txt", cwd=project / "reports")
    assert set(codes(result)) == {"DL010"}
    assert find_config(project / "reports" / "old") == project / name


def test_pyproject_without_a_disclint_table_is_passed_over(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(project / "reports") is None


def test_the_nearest_configuration_wins_per_file(cli, project):
    (project / ".disclint.toml").write_text('select = ["DL101"]\n', encoding="utf-8")
    (project / "reports" / ".disclint.yaml").write_text("select: [numbering]\n", encoding="utf-8")
    out = concise(cli, "003.txt", "reports/old/003.txt", cwd=project).out.splitlines()
    top = {ln.split()[1] for ln in out if ln.startswith("003.txt")}
    old = {ln.split()[1] for ln in out if ln.startswith("reports/")}
    assert (top, old) == ({"DL101"}, {"DL010"})


def test_config_option_replaces_discovery(cli, project, tmp_path_factory):
    (project / ".disclint.toml").write_text('select = ["DL101"]\n', encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("cfg") / "strict.toml"
    elsewhere.write_text('select = ["DL010"]\n', encoding="utf-8")
    assert set(codes(concise(cli, "003.txt", "--config", str(elsewhere), cwd=project))) == {"DL010"}
    assert "DL010" in codes(concise(cli, "003.txt", "--isolated", cwd=project))


@pytest.mark.parametrize("selector", ["DL010", "DL01", "numbering"])
def test_ignore_by_code_prefix_name_or_kind(cli, project, selector):
    (project / ".disclint.toml").write_text(f'ignore = ["{selector}"]\n', encoding="utf-8")
    got = codes(concise(cli, "003.txt", cwd=project))
    assert "DL010" not in got and "DL101" in got


def test_severity_override_and_fail_on(cli, project):
    (project / ".disclint.toml").write_text(
        'select = ["DL010"]\nfail-on = "error"\n\n[severity]\nDL010 = "error"\n', encoding="utf-8")
    result = concise(cli, "003.txt", cwd=project)
    assert result.code == 1 and "[error]" in result.out
    (project / ".disclint.toml").write_text('select = ["DL010"]\nfail-on = "error"\n', encoding="utf-8")
    result = concise(cli, "003.txt", cwd=project)
    assert result.code == 0 and "DL010 [warning]" in result.out  # shown, but below fail-on


def test_default_fail_on_is_warning_and_exit_zero_overrides(cli, project):
    (project / ".disclint.toml").write_text('select = ["DL010"]\n', encoding="utf-8")
    assert concise(cli, "003.txt", cwd=project).code == 1
    assert concise(cli, "003.txt", "--exit-zero", cwd=project).code == 0
    assert concise(cli, "003.txt", "--fail-on", "error", cwd=project).code == 0


def test_per_file_ignores_by_glob(cli, project):
    (project / ".disclint.toml").write_text(
        'select = ["DL010", "DL101"]\n[per-file-ignores]\n"reports/old/**" = ["DL101"]\n', encoding="utf-8")
    out = concise(cli, "003.txt", "reports/old/003.txt", cwd=project).out.splitlines()
    assert {ln.split()[1] for ln in out if ln.startswith("reports/")} == {"DL010"}
    assert {ln.split()[1] for ln in out if ln.startswith("003.txt")} == {"DL010", "DL101"}


@pytest.mark.parametrize("pattern, path, hit", [
    ("*.txt", "a/b/c.txt", True), ("reports/*.txt", "reports/a.txt", True),
    ("reports/*.txt", "reports/x/a.txt", False), ("reports/**/*.txt", "reports/x/y/a.txt", True),
    ("reports/**", "reports/a.pdf", True), ("20[12]?/*.pdf", "2019/a.pdf", True), ("*.pdf", "a.txt", False),
])
def test_glob_matching(pattern, path, hit):
    assert glob_matches(pattern, path) is hit


def test_extra_rule_packs_come_from_a_folder_of_yaml(cli, project):
    pack = (project / "house-rules")
    pack.mkdir()
    # A house rule: the 2008 sections, but only 概述 and 其他 are required by this supervisor.
    text = (SEEDS.parent / "rules" / "profile-2008.yaml").read_text(encoding="utf-8")
    rule = text[text.index("  - code: DL101"):text.index("  - code: DL111")]
    rule = rule.replace("DL101", "DL901").replace("missing-section-2008", "house-missing-section")
    (pack / "house.yaml").write_text("pack: house\nrules:\n" + rule, encoding="utf-8")
    (pack / "evil.py").write_text("raise SystemExit('code from a linted repository must never run')\n")
    (project / ".disclint.toml").write_text('rule-dirs = ["house-rules"]\nselect = ["DL9"]\n', encoding="utf-8")
    result = concise(cli, "003.txt", cwd=project)
    assert result.code == 1 and set(codes(result)) == {"DL901"}


@pytest.mark.parametrize("text, needle", [
    ('selct = ["DL010"]\n', "unknown key 'selct'"),
    ('fail_on = "error"\n', "did you mean 'fail-on'"),
    ('fail-on = "fatal"\n', "key 'fail-on': 'fatal' is not one of error, warning, info"),
    ('select = "DL010" \nexit-zero = "yes"\n', "key 'exit-zero'"),
    ('[severity]\nDL010 = "loud"\n', "key 'severity'"),
    ('ignore = ["DL9999"]\n', "key 'ignore': 'DL9999' matches no rule"),
    ('rule-dirs = ["nowhere"]\n', "key 'rule-dirs'"),
    ('select = [\n', "not valid TOML"),
])
def test_a_configuration_error_names_file_and_key_and_exits_2(cli, project, text, needle):
    (project / ".disclint.toml").write_text(text, encoding="utf-8")
    result = concise(cli, "003.txt", cwd=project)
    assert result.code == 2
    assert str(project / ".disclint.toml") in result.err and needle in result.err
    assert result.out == ""


def test_a_toml_error_gives_the_line_of_the_key(cli, project):
    (project / ".disclint.toml").write_text('lang = "zh"\n\nfail-on = "fatal"\n', encoding="utf-8")
    assert f"{project / '.disclint.toml'}:3: key 'fail-on'" in concise(cli, "003.txt", cwd=project).err


def test_a_yaml_error_gives_the_line_of_the_key(cli, project):
    (project / ".disclint.yaml").write_text("lang: zh\nprofile: 1999\n", encoding="utf-8")
    assert f"{project / '.disclint.yaml'}:2: key 'profile'" in concise(cli, "003.txt", cwd=project).err


def test_a_command_line_error_exits_2(cli, project):
    result = concise(cli, "003.txt", "--select", "DL9999", cwd=project)
    assert result.code == 2 and "command line (--select)" in result.err


def test_lang_from_configuration(cli, project):
    (project / ".disclint.toml").write_text('lang = "en"\nselect = ["DL010"]\n', encoding="utf-8")
    assert "heading" in concise(cli, "003.txt", cwd=project).out
    assert "标题" in concise(cli, "003.txt", "--lang", "zh", cwd=project).out


def test_config_show_prints_values_and_where_they_came_from(cli, project):
    cfg = project / ".disclint.toml"
    cfg.write_text('select = ["DL010"]\n[severity]\nDL010 = "error"\n', encoding="utf-8")
    result = cli("config", "--show", "003.txt", "--fail-on", "info", cwd=project)
    assert result.code == 0
    lines = {ln.split(" = ")[0]: ln for ln in result.out.splitlines() if " = " in ln}
    assert re.search(r'select = \["DL010"\]\s+# ' + re.escape(str(cfg)), lines["select"])
    assert lines["fail-on"].endswith("# command line (--fail-on)")
    assert lines["lang"].endswith("# default")
    data = json.loads(cli("config", "--show", "--format", "json", cwd=project).out)
    assert data["config_file"] == str(cfg) and data["settings"]["severity"]["value"] == [["DL010", "error"]]


def test_settings_are_one_frozen_hashable_object_per_configuration_file(project):
    (project / ".disclint.toml").write_text('select = ["DL010"]\n', encoding="utf-8")
    resolver = Resolver()
    a = resolver.for_path(str(project / "003.txt"))
    b = resolver.for_path(str(project / "reports" / "old" / "003.txt"))
    assert a is b and isinstance(hash(a), int)
    with pytest.raises(AttributeError):
        a.select = ()  # type: ignore[misc]
    assert Settings(select=("DL010",), origins=(("select", "x"),)) == Settings(select=("DL010",))


def test_python_api_takes_a_mapping_a_path_or_settings(project):
    import disclint

    (project / "strict.toml").write_text('select = ["DL010"]\n', encoding="utf-8")
    target = project / "003.txt"
    for config in ({"select": ["DL010"]}, project / "strict.toml", Settings(select=("DL010",))):
        assert {f.rule for f in disclint.lint_path(target, config).findings} == {"DL010"}
    with pytest.raises(ConfigError):
        disclint.lint_path(target, {"selct": ["DL010"]})
