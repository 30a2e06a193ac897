"""Formatters: each module renders a Report as one output format, through `render(report) -> str`."""
from __future__ import annotations

import importlib
import pkgutil


_HELPERS = {"common"}  # shared pieces, not formats


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_") and m.name not in _HELPERS)


def render(name: str, report) -> str:
    return importlib.import_module(f"{__name__}.{name}").render(report)
