"""The commands around `check`: rules, explain, `python -m disclint`, the progress bar, start-up cost,
and the rule documentation every rule must carry."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest

from disclint.cli import _progress
from disclint.engine.loader import load_rules
from tests.ecosystem.conftest import ROOT, SEED_003, SEEDS
from tests.rules.test_hostile_packs import GOOD


def test_every_rule_documents_what_why_reference_and_examples():
    from disclint.formatters._ruledoc import help_text, what_it_checks

    problems = []
    for rule in load_rules():
        for part, value in (("what it checks (the kind's docstring)", what_it_checks(rule)),
                            ("reference", rule.reference.strip()), ("rationale", rule.rationale.strip()),
                            ("failing example", rule.fail and rule.fail[0].text.strip()),
                            ("passing example", rule.passes and rule.passes[0].text.strip()),
                            ("zh message", rule.message.get("zh")), ("en message", rule.message.get("en"))):
            if not value:
                problems.append(f"{rule.source}: {rule.code} has no {part}")
        text = help_text(rule, "en")
        assert rule.reference_for("en") in text and rule.fail[0].text.strip().split("\n")[0] in text
        assert rule.reference in help_text(rule, "zh")
    assert problems == []


def test_rules_lists_every_rule(cli):
    result = cli("rules")
    listed = [line.split()[0] for line in result.out.splitlines()[1:]]
    assert sorted(listed) == sorted(r.code for r in load_rules())
    data = json.loads(cli("rules", "--format", "json").out)
    assert {"code", "name", "kind", "finding_kind", "severity", "profiles"} <= set(data[0])


def test_explain_by_code_or_name_and_unknown_code_exits_2(cli):
    by_code = cli("explain", "DL601", "--lang", "en")
    assert by_code.code == 0 and "Why:" in by_code.out and "Failing example" in by_code.out
    assert cli("explain", "unused-suppression", "--lang", "en").out == by_code.out
    missing = cli("explain", "DL999")
    assert missing.code == 2 and "DL999" in missing.err


def test_explain_runs_the_examples_of_a_rule_from_a_users_pack_with_that_pack(cli, tmp_path):
    """The examples `explain` shows are linted with the packs the rule came from: a user's rule says
    what it finds in its own failing example (it said "no finding", its pack not loaded)."""
    report = "\n".join(" " * 12 + line for line in SEED_003.read_text(encoding="utf-8").splitlines() if line.strip())
    pack = tmp_path / "packs"
    pack.mkdir()
    examples = f"    examples:\n      fail:\n        - text: |\n{report}\n            联系人：某某\n      pass: [\"一\"]\n"
    (pack / "user.yaml").write_text(GOOD.replace('    examples: {fail: ["某某"], pass: ["一"]}\n', examples),
                                    encoding="utf-8")
    done = cli("explain", "DL901", "--rule-dir", str(pack), "--lang", "en")
    assert done.code == 0, done.err
    out = done.out
    failing, passing = out.split("Failing example", 1)[1].split("Passing example", 1)
    assert '→ DL901 residue "某某"' in failing
    assert "→ no finding" in passing


def test_python_dash_m_behaves_exactly_like_the_console_script(tmp_path):
    exe = shutil.which("disclint", path=str(__import__("pathlib").Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the console script is not installed next to this Python")
    args = ["check", str(SEEDS), "--format", "concise", "--select", "DL0,DL1", "--no-cache"]
    a = subprocess.run([exe, *args], capture_output=True, text=True, cwd=ROOT)
    b = subprocess.run([sys.executable, "-m", "disclint", *args], capture_output=True, text=True, cwd=ROOT)
    assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)
    assert a.returncode == 1 and a.stdout
    usage_a = subprocess.run([exe, "check"], capture_output=True, text=True)
    usage_b = subprocess.run([sys.executable, "-m", "disclint", "check"], capture_output=True, text=True)
    assert (usage_a.returncode, usage_a.stderr) == (usage_b.returncode, usage_b.stderr) and usage_a.returncode == 2


def test_check_starts_without_the_heavy_libraries():
    code = ("import sys\nfrom disclint.cli import main\n"
            "try:\n    main(['check', '--no-cache', '--select', 'DL010', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jsonschema', 'lxml', 'docx', 'pdfplumber', 'jinja2') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code, str(next(SEEDS.glob("003_*.txt")))],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_for_batches():
    tty, pipe = _Terminal(), io.StringIO()
    assert _progress.wanted(20, None, stdout=tty, stderr=tty)
    assert not _progress.wanted(20, None, stdout=pipe, stderr=tty)  # findings piped: no bar
    assert _progress.wanted(20, "out.json", stdout=pipe, stderr=tty)  # output to a file: the bar is alone
    assert not _progress.wanted(20, None, stdout=tty, stderr=pipe)
    assert not _progress.wanted(2, None, stdout=tty, stderr=tty)  # a pre-commit run on two files


def test_progress_bar_draws_on_the_terminal_and_nothing_when_disabled():
    tty = _Terminal()
    with _progress.bar(6, True, stream=tty) as tick:
        for _ in range(6):
            tick(None)
    assert "6/6" in tty.getvalue()
    quiet = io.StringIO()
    with _progress.bar(6, False, stream=quiet) as tick:
        tick(None)
    assert quiet.getvalue() == ""


def test_piped_check_prints_nothing_but_the_output(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    result = cli("check", ".", "--format", "json", "--no-cache", cwd=tmp_path)
    json.loads(result.out)
    assert result.err == ""


def test_every_package_is_installed_by_pyproject():
    # the hook installs disclint from a checkout (not editable): a package left out of the list breaks it
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "disclint").rglob("__init__.py")}
    assert found <= listed
