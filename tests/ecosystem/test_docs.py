"""README's section on configuration, suppression, formats and pre-commit is run, so its examples cannot go stale: in one empty repository folder, blocks
after `<!-- file: NAME -->` are written to NAME, each `$ command` of a console block runs in bash with
`disclint` on the PATH and its output (stdout and stderr) must be the lines under it, python blocks run,
and the pre-commit configuration names a hook that `.pre-commit-hooks.yaml` defines.

`python scripts/update_snapshots.py` writes the real outputs into the page (`run_page(update=True)`)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.ecosystem.conftest import ROOT

DOC = ROOT / "README.md"
_FENCE = re.compile(r"^```(\w*)\s*$")
_MARK = re.compile(r"^<!--\s*(file|pre-commit-config)\s*:?\s*(.*?)\s*-->\s*$")


@dataclass
class Block:
    lang: str
    body: list[str]
    start: int  # index of the first body line in the page's lines
    mark: tuple[str, str] | None = None
    outputs: list[str] = field(default_factory=list)


def blocks(lines: list[str]) -> list[Block]:
    out, mark, i = [], None, 0
    while i < len(lines):
        m = _MARK.match(lines[i])
        if m:
            mark = (m.group(1), m.group(2))
        fence = _FENCE.match(lines[i])
        if fence and fence.group(1):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            out.append(Block(fence.group(1), lines[i + 1:end], i + 1, mark))
            mark, i = None, end
        elif lines[i].strip() and not m:
            mark = None
        i += 1
    return out


def commands(body: list[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in body:
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return out


def _env(workspace: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "DISCLINT"))}
    bin_dir = str(Path(sys.executable).parent)
    env.update(PATH=bin_dir + os.pathsep + env.get("PATH", ""), XDG_CACHE_HOME=str(workspace / ".cache"),
               COLUMNS="100", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    return env


def _run(command: str, workspace: Path, env: dict) -> list[str]:
    # `disclint` is the console script next to this Python; fall back to `python -m disclint`
    prelude = "command -v disclint >/dev/null || disclint() { python -m disclint \"$@\"; }\n"
    proc = subprocess.run(["bash", "-c", prelude + command], cwd=workspace, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=300)
    text = proc.stdout.replace(str(workspace), "<workspace>")
    return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip() else []


def test_every_example_of_the_ecosystem_page_runs_as_shown(tmp_path):
    mismatches = run_page(tmp_path)
    assert not mismatches, "\n\n".join(f"$ {c}\nexpected:\n" + "\n".join(e) + "\ngot:\n" + "\n".join(g)
                                       for c, e, g in mismatches) + "\n\n(run scripts/update_snapshots.py)"


def run_page(tmp_path: Path, update: bool = False) -> list[tuple[str, list[str], list[str]]]:
    """Run the page's examples in a new repository under `tmp_path`; the commands whose output
    differs from the page's, after writing the real outputs into the page when `update`."""
    workspace = tmp_path / "work"
    (workspace / ".git").mkdir(parents=True)
    env = _env(workspace)
    lines = DOC.read_text(encoding="utf-8").split("\n")
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    replacements: list[tuple[int, int, list[str]]] = []
    mismatches = []
    for block in blocks(lines):
        if block.mark and block.mark[0] == "file":
            target = workspace / block.mark[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(block.body) + "\n", encoding="utf-8")
        elif block.mark and block.mark[0] == "pre-commit-config":
            config = yaml.safe_load("\n".join(block.body))
            assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hooks
        elif block.lang == "python":
            proc = subprocess.run([sys.executable, "-c", "\n".join(block.body)], cwd=workspace, env=env,
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, proc.stderr
        elif block.lang == "console":
            new_body = []
            for command, expected in commands(block.body):
                got = _run(command, workspace, env)
                new_body += ["$ " + command] + got
                if got != [line.rstrip() for line in expected]:
                    mismatches.append((command, expected, got))
            replacements.append((block.start, block.start + len(block.body), new_body))
    if update and mismatches:
        for start, end, body in reversed(replacements):
            lines[start:end] = body
        DOC.write_text("\n".join(lines), encoding="utf-8")
    return mismatches


def test_the_page_documents_every_configuration_key_and_format():
    from disclint.config import KEYS
    from disclint.formatters import names

    text = DOC.read_text(encoding="utf-8")
    assert all(f"| `{key}` |" in text for key in KEYS)
    assert all(f"`{fmt}`" in text for fmt in names())
