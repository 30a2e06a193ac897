"""Formatters: each module renders a Report as one output format, through `render(report) -> str`."""
from __future__ import annotations

import importlib
import pkgutil


_HELPERS = {"common"}  # shared pieces, not formats


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_") and m.name not in _HELPERS)


def render(name: str, report, color: bool = False, quiet: bool = False) -> str:
    """`color` and `quiet` reach the formats that declare them in OPTIONS (text, concise); machine
    formats never get colour, and `quiet` only drops what is not a finding."""
    module = importlib.import_module(f"{__name__}.{name}")
    given = {"color": color, "quiet": quiet}
    return module.render(report, **{k: v for k, v in given.items() if k in getattr(module, "OPTIONS", ())})
