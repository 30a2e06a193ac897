"""The command line: linter-shaped text output with a caret aligned under CJK text, exit codes of the
contract, folders walked with unsupported files skipped, `python -m disclint` = `disclint`."""
from __future__ import annotations

import shutil
import subprocess
import sys

from disclint.formatters._width import width
from tests.conftest import CORPUS, SEEDS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "disclint", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_text_output_points_at_the_line_with_a_caret_under_it():
    proc = run("check", next(SEEDS.glob("003_*.txt")))
    lines = proc.stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if ":7:1: DL010 警告" in line)
    assert lines[i + 1].strip().startswith("（2）")
    assert lines[i + 2].startswith("    ^")


def test_caret_is_aligned_by_display_width(tmp_path):
    report = tmp_path / "r.txt"
    body = (CORPUS / "docs/pingtan/032.txt").read_text(encoding="utf-8")
    report.write_text(body.replace("六、其他需要报告的事项", "七、其他需要报告的事项"), encoding="utf-8")
    proc = run("check", report)
    lines = proc.stdout.splitlines()
    i = next(i for i, line in enumerate(lines) if "DL010" in line)
    excerpt, caret = lines[i + 1], lines[i + 2]
    col = caret.index("^")
    # the caret stands under 七: the display width of what precedes it is the caret's column
    prefix = excerpt[: next(k for k in range(len(excerpt)) if width(excerpt[:k]) >= col)]
    assert excerpt[len(prefix)] == "七"


def test_exit_codes(tmp_path):
    assert run("check", next(SEEDS.glob("001_*.txt"))).returncode in (0, 1)
    assert run("check", SEEDS).returncode == 1
    assert run("check", tmp_path / "nope.txt").returncode == 3
    assert run("check", "--format", "nonsense", SEEDS).returncode == 2


def test_unreadable_file_does_not_stop_the_batch(tmp_path):
    shutil.copy(next(SEEDS.glob("002_*.txt")), tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.odt").write_bytes(b"x")
    proc = run("check", tmp_path)
    assert proc.returncode == 3
    assert "empty.txt: Eempty 无法读取（空文件）" in proc.stdout
    assert "good.txt:" in proc.stdout and "DL101" in proc.stdout
    assert "notes.odt: skipped" in proc.stderr


def test_python_dash_m_is_the_console_script():
    exe = shutil.which("disclint", path=str(__import__("pathlib").Path(sys.executable).parent))
    a = subprocess.run([exe, "check", SEEDS], capture_output=True, text=True)
    b = run("check", SEEDS)
    assert (a.returncode, a.stdout) == (b.returncode, b.stdout)
