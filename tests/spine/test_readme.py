"""README's sample output is what disclint really prints on the seeds (scripts/update_readme.py)."""
from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_readme_sample_output_is_current():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.README.read_text(encoding="utf-8") == module.rendered(), "run scripts/update_readme.py"
