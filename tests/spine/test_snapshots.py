"""Every seed and labelled real document against its reviewed snapshot (tests/snapshots)."""
from __future__ import annotations

import pytest

from tests.snapshot import documents, dump, observe, snapshot_path

DOCS = documents()


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_findings_match_the_reviewed_snapshot(doc):
    path = snapshot_path(doc)
    assert path.exists(), f"no snapshot for {doc.name}: run scripts/update_snapshots.py and review it"
    assert dump(observe(doc)) == path.read_text(encoding="utf-8")
