"""Rule kinds: a closed set of Python modules, one kind per module (rules are data, kinds are code).

The module of kind `table-identity` is `disclint.kinds.table_identity` (the module's name is the rule
kind named in YAML, `kind: required-section`). Each defines
- FINDING_KIND: the contract's finding kind its findings carry (`missing-section`);
- PARAMS: {key: (type, required)} — the kind's own YAML keys, checked all the way down at load
  (engine.schema: `list[Pattern]` is a list of user patterns compiled then by safe_regex);
- FIELDS: the names its findings fill, the only placeholders its rules' messages may use
  (engine.template; `{x}` may also stand for `x_zh` / `x_en`);
- optionally CROSS_REPORT = True (compares a report with last year's; summary.cross runs it) and
  validate(params, vocabulary) -> a problem or None, for what types cannot say;
- check(doc, rule) -> iterable of Finding, made with `rule.finding(start=…, end=…, **fields)`.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=None)
def names() -> tuple[str, ...]:
    return tuple(sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@lru_cache(maxsize=None)
def get(kind: str) -> ModuleType:
    if kind not in names():
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind.replace('-', '_')}")
