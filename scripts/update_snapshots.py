"""Regenerate tests/snapshots from the current disclint; review `git diff tests/snapshots` afterwards."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.snapshot import SNAPSHOTS, documents, dump, observe, snapshot_path  # noqa: E402


def main() -> None:
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    changed = 0
    for doc in documents():
        path = snapshot_path(doc)
        text = dump(observe(doc))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed += 1
            print(f"updated {path.name}")
    print(f"{changed} snapshot(s) changed")


if __name__ == "__main__":
    main()
