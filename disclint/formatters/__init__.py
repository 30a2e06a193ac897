"""Formatters: each module renders a Report as one output format, through `render(report) -> str`."""
from __future__ import annotations

import importlib
import pkgutil


def names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def render(name: str, report) -> str:
    return importlib.import_module(f"{__name__}.{name}").render(report)
