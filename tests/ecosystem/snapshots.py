"""Whole outputs of `disclint check` on the seeds, one snapshot per format.

The runs select the spine's rules (DL0xx, DL1xx) and ignore configuration files: the snapshots pin
down how each format renders findings, not which findings the table and content rules (written
elsewhere, changing often) add. Regenerate with `python scripts/update_snapshots.py` (which
regenerates every snapshot) and read the diff before committing it.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNAPSHOTS = HERE / "snapshots"
ROOT = HERE.parents[1]
FORMATS = {"text": "txt", "concise": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "github": "txt",
           "gitlab": "json", "html": "json"}
ARGS = ["check", "seeds", "--isolated", "--no-cache", "--select", "DL0,DL1"]
VARIANTS = {  # name → extra arguments; each variant is one more snapshot
    "text-en": ["--format", "text", "--lang", "en"],
    "statistics": ["--format", "concise", "--statistics"],
}


def snapshot_path(name: str) -> Path:
    fmt = name.split("-")[0] if name in VARIANTS else name
    return SNAPSHOTS / f"seeds.{name}.{FORMATS.get(fmt, 'txt')}"


def arguments(name: str) -> list[str]:
    return ARGS + (VARIANTS[name] if name in VARIANTS else ["--format", name])


def comparable(name: str, text: str) -> str:
    """The output with what other parts own taken out: table cells (rebuilt by disclint.tables); and
    what depends on where the checkout is: SARIF's %SRCROOT%; of the HTML page, the data its script
    draws (the page around it and report_view's script are the browser tests' to check)."""
    if name == "html":
        line = next(x for x in text.splitlines() if x.startswith("var DISCLINT = "))
        data = json.loads(line[len("var DISCLINT = "):].rstrip(";"))
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if name == "sarif":
        data = json.loads(text)
        for run in data["runs"]:
            run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///<checkout>/"
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if name != "json":
        return text
    data = json.loads(text)
    for file in data["files"]:
        for table in (file["document"] or {}).get("tables", []):
            table["cells"] = "<table cells: see the tables' own tests>"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def names() -> list[str]:
    return list(FORMATS) + list(VARIANTS)


def produce(name: str) -> tuple[int, str]:
    from tests.ecosystem.conftest import run_cli

    result = run_cli(*arguments(name), cwd=ROOT)
    return result.code, comparable(name, result.out)


def update() -> list[Path]:
    """Write every format's snapshot; the paths that changed."""
    SNAPSHOTS.mkdir(exist_ok=True)
    changed = []
    for name in names():
        _, text = produce(name)
        path = snapshot_path(name)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
