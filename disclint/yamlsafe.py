"""Safe YAML loading for every data file disclint reads: libyaml's safe loader when the wheel has it
(9× faster than the pure-Python one, spec libraries.md §1); tags such as !!python/object are refused."""
from __future__ import annotations

from functools import lru_cache

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(stream):
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader


@lru_cache(maxsize=8)
def load_file(path: str):
    """A data file, parsed once per process: rules/document.yaml serves four readers of its sections
    (facts, furniture, body names, body types), which only read what it holds."""
    with open(path, encoding="utf-8") as fh:
        return load(fh)
