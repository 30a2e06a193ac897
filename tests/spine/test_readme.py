"""README's sample output is what disclint really prints on the seeds (tests/readme_sample.py)."""
from __future__ import annotations

from tests.readme_sample import README, rendered


def test_readme_sample_output_is_current():
    assert README.read_text(encoding="utf-8") == rendered(), "run scripts/update_snapshots.py"
