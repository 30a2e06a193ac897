"""The baseline (`disclint baseline`), for adopting disclint on old reports: findings recorded there,
counted per file and fingerprint, are not reported; new ones are."""
from __future__ import annotations

import json
import os
from collections import Counter
from functools import lru_cache

from .. import regular_file
from ..config import ConfigError
from ..model import Finding

BASELINE_VERSION = 1


def baseline_key(path: str, baseline_file: str) -> str:
    """A linted file's name in a baseline: relative to the baseline's folder, with "/"."""
    rel = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(baseline_file)))
    return rel.replace(os.sep, "/")


def write_baseline(results, baseline_file: str) -> int:
    """Record every finding of `results`; returns how many."""
    from ..atomic import write_text
    from ..formatters.common import json_text

    files: dict[str, dict[str, int]] = {}
    total = 0
    for result in results:
        counts = Counter(f.fingerprint for f in result.findings)
        if counts:
            files[baseline_key(result.path, baseline_file)] = dict(sorted(counts.items()))
            total += sum(counts.values())
    data = {"version": BASELINE_VERSION, "tool": "disclint", "files": dict(sorted(files.items()))}
    write_text(baseline_file, json_text(data) + "\n")  # any bytes in a name come back exactly
    return total


@lru_cache(maxsize=4)
def _load_baseline(path: str, mtime: float) -> dict[str, dict[str, int]]:
    try:
        data = json.loads(regular_file.read_text(path))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with `disclint baseline`)") from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{path}: not a disclint baseline: {e}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("files"), dict):
        raise ConfigError(f"{path}: not a disclint baseline (version {BASELINE_VERSION})")
    return data["files"]


def load_baseline(path: str) -> dict[str, dict[str, int]]:
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        mtime = 0.0
    return _load_baseline(path, mtime)


def baseline_counts(path: str, baseline_file: str) -> dict[str, int]:
    """What the baseline records for `path`: fingerprint → how many findings of it."""
    return dict(load_baseline(baseline_file).get(baseline_key(path, baseline_file), {}))


def drop_baselined(findings: list[Finding], counts: dict[str, int]) -> list[Finding]:
    """`findings` less those a baseline records (`counts`, baseline_counts; each recorded one takes
    one finding)."""
    allowance = Counter(counts)
    kept = []
    for f in findings:
        if allowance[f.fingerprint] > 0:
            allowance[f.fingerprint] -= 1
        else:
            kept.append(f)
    return kept
