"""Safe YAML loading for every data file disclint reads: libyaml's safe loader when the wheel has it
(9× faster than the pure-Python one, spec libraries.md §1); tags such as !!python/object are refused."""
from __future__ import annotations

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(stream):
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader
