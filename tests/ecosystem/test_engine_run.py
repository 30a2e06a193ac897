"""One engine owns the whole run (issue 12): `disclint check` and `disclint summary` over the same folder
give the same findings for every file and the same exit status — inline directives (text and HTML),
a sidecar suppression file, a baseline made with `disclint baseline`, and a sub-folder whose
.disclint.toml ignores missing-section all honoured alike — and the rule packs are read once per run.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, run_cli

CORPUS = ROOT / "tests" / "corpus" / "docs"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _folder(tmp_path: Path, with_new_findings: bool) -> Path:
    """Real reports, each kept quiet by a different means."""
    root = tmp_path / "reports"
    root.mkdir()
    # an inline directive in a text report and in an HTML page (whose reader drops comments)
    text = _seed("003").read_text(encoding="utf-8")
    (root / "directive.txt").write_text(text + "\n<!-- disclint-disable-file -- reviewed in 2024 -->\n",
                                        encoding="utf-8")
    page = (CORPUS / "pingtan" / "001.html").read_text(encoding="utf-8")
    at = page.lower().index("<body") if "<body" in page.lower() else 0
    at = page.index(">", at) + 1 if at else 0
    (root / "directive.html").write_text(page[:at] + "<!-- disclint-disable-file -->" + page[at:], encoding="utf-8")
    # a sidecar file, by rule
    shutil.copy(_seed("001"), root / "sidecar.txt")
    (root / "sidecar.txt.disclint.yaml").write_text(
        "suppress:\n  - rule: DL430\n    reason: dates checked\n  - rule: DL441\n    reason: n/a\n"
        "  - rule: DL010\n    reason: as printed\n", encoding="utf-8")
    # a baseline, written by `disclint baseline`, named in the folder's configuration
    shutil.copy(_seed("002"), root / "baselined.txt")
    made = run_cli("baseline", "baselined.txt", "-o", ".disclint-baseline.json", cwd=root)
    assert made.code == 0, made.err
    (root / ".disclint.toml").write_text('baseline = ".disclint-baseline.json"\n', encoding="utf-8")
    # a sub-folder whose own configuration ignores missing-section
    sub = root / "sub"
    sub.mkdir()
    (sub / ".disclint.toml").write_text('ignore = ["missing-section"]\n', encoding="utf-8")
    shutil.copy(CORPUS / "old" / "008.txt", sub / "008.txt")
    if with_new_findings:
        shutil.copy(_seed("000"), root / "plain.txt")  # nothing keeps its finding out
        shutil.copy(_seed("003"), sub / "003.txt")  # missing-section ignored, its other findings not
    return root


def _by_file(entries: list[dict]) -> dict[str, list[tuple]]:
    return {Path(e["path"]).relative_to(e["path"].split("reports")[0]).as_posix():
            [(f["rule"], f.get("line"), f.get("column"), f["severity"], f["message"], f.get("fingerprint"))
             for f in e["findings"]] for e in entries}


@pytest.mark.parametrize("with_new_findings", [False, True], ids=["all-suppressed", "new-findings"])
def test_check_and_summary_agree_on_every_file(tmp_path, with_new_findings):
    root = _folder(tmp_path, with_new_findings)
    check = run_cli("check", "--format", "json", "--no-cache", str(root), cwd=tmp_path)
    out = tmp_path / "out"
    summary = run_cli("summary", str(root), "--out", str(out), "--no-xlsx", "--no-progress", cwd=tmp_path)
    checked = _by_file(json.loads(check.out)["files"])
    summarised = _by_file(json.loads((out / "findings.json").read_text(encoding="utf-8"))["files"])
    assert checked == summarised
    assert len(checked) == (7 if with_new_findings else 5)
    assert (check.code, summary.code) == ((1, 1) if with_new_findings else (0, 0)), (check.err, summary.err)
    if not with_new_findings:
        assert not any(checked.values()), checked
    else:
        assert [f[0] for f in checked["reports/plain.txt"]] == ["DL111"]
        sub = checked["reports/sub/003.txt"]
        assert sub and "DL101" not in {f[0] for f in sub}


def _count_pack_reads(monkeypatch, tmp_path) -> Path:
    """Every call of the rule loader, from any process of the run (forked workers inherit the patch),
    appended to a file."""
    from disclint.engine import loader

    log = tmp_path / "reads.log"
    real = loader.load_rules.__wrapped__  # past its cache: every call reads and validates the packs

    def counting(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write("read\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "load_rules", counting)
    return log


@pytest.mark.parametrize("command", ["check", "summary"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rule_packs_are_read_once_per_run(tmp_path, monkeypatch, command, jobs):
    from disclint.engine.pool import SERIAL_BELOW

    folder = tmp_path / "many"
    folder.mkdir()
    reports = sorted((CORPUS / "pingtan").glob("*.txt"))[:SERIAL_BELOW + 2]
    for report in reports:
        shutil.copy(report, folder / report.name)
    log = _count_pack_reads(monkeypatch, tmp_path)
    args = ["check", "--no-cache", "--format", "concise"] if command == "check" else \
        ["summary", "--out", str(tmp_path / "out"), "--no-xlsx", "--no-progress"]
    result = run_cli(*args, "-j", jobs, str(folder), cwd=tmp_path)
    assert result.code in (0, 1), result.err
    assert log.read_text(encoding="utf-8").count("read") == 1


def test_only_the_rule_set_calls_the_loader():
    """The packs are loaded in one place (engine/ruleset.py); everything else asks the engine."""
    callers = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "disclint").rglob("*.py")
                     if "load_rules(" in p.read_text(encoding="utf-8"))
    assert callers == ["disclint/engine/loader.py", "disclint/engine/ruleset.py"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_an_html_directive_is_found_in_the_bytes_the_reader_read(tmp_path, encoding):
    """The reader drops comments; the engine places them from the page it read, in any encoding the
    reader reads (the file is not read again)."""
    import disclint

    page = (CORPUS / "pingtan" / "001.html").read_text(encoding="utf-8")
    at = page.index(">", page.lower().index("<body")) + 1
    quiet = tmp_path / "quiet.html"
    quiet.write_bytes((page[:at] + "<!-- disclint-disable-file -->" + page[at:]).encode(encoding))
    loud = tmp_path / "loud.html"
    loud.write_bytes(page.encode(encoding))
    assert disclint.lint_path(loud, {}).findings
    assert disclint.lint_path(quiet, {}).findings == []


def test_summary_on_a_dask_cluster_agrees_with_check(tmp_path):
    """`--scheduler`: the workers get each report's bytes with its folder's configuration, its sidecar
    and its baseline counts from the client, so the cluster's findings are check's."""
    distributed = pytest.importorskip("distributed")
    root = _folder(tmp_path, with_new_findings=True)
    check = run_cli("check", "--format", "json", "--no-cache", str(root), cwd=tmp_path)
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        summary = run_cli("summary", str(root), "--out", str(out), "--no-xlsx", "--no-progress",
                          "--scheduler", cluster.scheduler_address, cwd=tmp_path)
    assert (check.code, summary.code) == (1, 1), (check.err, summary.err)
    summarised = _by_file(json.loads((out / "findings.json").read_text(encoding="utf-8"))["files"])
    assert summarised == _by_file(json.loads(check.out)["files"])
    assert summarised["reports/baselined.txt"] == [] and summarised["reports/sidecar.txt"] == []
