"""The types a rule kind's own YAML keys may have (its PARAMS), checked all the way down when a pack
loads, so a wrong type anywhere (a list inside `ignore`, a number where a pattern goes) is a rule
error naming the line, never a traceback when the rule later runs.

A kind writes its PARAMS as `{key: (type, required)}` where type is
- `str`, `int`, `float` (an int is accepted), `bool`, `dict`, `list` — checked as they are;
- `Pattern` — a string compiled now by the engine that will run it (disclint.safe_regex), so an
  invalid or too costly pattern is refused at load; `Phrase` — the same with NUMBER written where a
  count goes (content.figures);
- `list[T]`, `dict[str, T]` — every item checked against T;
- `Struct(required={...}, optional={...})` — a mapping with exactly these keys, each checked.
A tuple of types means any one of them.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Iterator, get_args, get_origin


class Pattern(str):
    """Type marker: a user regular expression (compiled at load by safe_regex)."""


class Phrase(str):
    """Type marker: a user regular expression with NUMBER where a count goes."""


@dataclass(frozen=True)
class Struct:
    required: dict[str, Any] = field(default_factory=dict)
    optional: dict[str, Any] = field(default_factory=dict)


@dataclass
class _CompileBudget:
    left: int
    seen: set[str] = field(default_factory=set)


_budget: ContextVar[_CompileBudget | None] = ContextVar("disclint_pattern_compile_budget", default=None)


@contextmanager
def compile_budget(cost: int) -> Iterator[None]:
    """Bound what the distinct patterns checked inside the block may cost to compile together
    (safe_regex.compile_cost): one pack, so that loading it is bounded in time."""
    token = _budget.set(_CompileBudget(cost))
    try:
        yield
    finally:
        _budget.reset(token)


def _spend(source: str, path: str, line: int) -> None:
    from .. import safe_regex

    budget = _budget.get()
    if budget is None or source in budget.seen:
        return
    budget.seen.add(source)
    budget.left -= safe_regex.compile_cost(source)
    if budget.left < 0:
        raise SchemaError(f"'{path}': the pack's patterns together are too costly to compile (over "
                          f"{safe_regex.MAX_PACK_COMPILE_COST:,} in length and counted repetitions)", line)


class SchemaError(ValueError):
    """`str()` is the problem; `line` the line of the offending key or item (0: unknown)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


def type_name(spec: Any) -> str:
    if isinstance(spec, tuple):
        return " or ".join(type_name(s) for s in spec)
    if spec is Pattern or spec is Phrase:
        return "a regular expression (string)"
    if isinstance(spec, Struct):
        return "a mapping with " + ", ".join(list(spec.required) + list(spec.optional))
    origin = get_origin(spec)
    if origin is list:
        return f"a list of {_plural(_item(spec))}"
    if origin is dict:
        return f"a mapping of {_plural(get_args(spec)[1])}"
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false",
            list: "a list", dict: "a mapping", type(None): "null"}.get(spec, getattr(spec, "__name__", str(spec)))


def _item(spec: Any) -> Any:
    """The item type of list[T]; list[(A, B)] spells a list whose items are A or B."""
    args = get_args(spec)
    return args[0] if len(args) == 1 else tuple(args)


def _plural(spec: Any) -> str:
    if spec in (Pattern, Phrase):
        return "regular expressions (strings)"
    simple = {str: "strings", int: "integers", float: "numbers", bool: "booleans", list: "lists", dict: "mappings"}
    if not isinstance(spec, (tuple, Struct)) and spec in simple:
        return simple[spec]
    return f"items that are each {type_name(spec)}"


def _actual(value: Any) -> str:
    for typ, name in ((bool, "a boolean"), (str, "a string"), (int, "an integer"), (float, "a number"),
                      (list, "a list"), (dict, "a mapping"), (type(None), "nothing (null)")):
        if isinstance(value, typ):
            return name
    return type(value).__name__


def line_of(container: Any, key: Any, default: int) -> int:
    """The YAML line of `container[key]` (a key of a mapping, an index of a list), as the rule loader
    recorded it, else `default`."""
    lines = getattr(container, "lines", None)
    try:
        return lines[key] if lines is not None else default
    except (KeyError, IndexError, TypeError):
        return default


def check(value: Any, spec: Any, path: str, line: int) -> None:
    """Raise SchemaError when `value` (at YAML `line`, named `path` in messages) is not of `spec`."""
    if isinstance(spec, tuple):
        for option in spec:
            try:
                check(value, option, path, line)
                return
            except SchemaError:
                continue
        raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
    if spec is Pattern or spec is Phrase:
        if not isinstance(value, str):
            raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
        from .. import safe_regex

        source = value
        if spec is Phrase:
            from ..content.numbers import NUMBER

            source = value.replace("NUMBER", NUMBER)
        _spend(source, path, line)
        problem = safe_regex.problem(source)
        if problem:
            raise SchemaError(f"'{path}': {problem}", line)
        return
    if isinstance(spec, Struct):
        if not isinstance(value, dict):
            raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
        for key in value:
            if key not in spec.required and key not in spec.optional:
                raise SchemaError(f"'{path}' has an unknown key '{key}' (it has "
                                  f"{', '.join(list(spec.required) + list(spec.optional))})", line_of(value, key, line))
        for key in spec.required:
            if key not in value:
                raise SchemaError(f"'{path}' needs the key '{key}'", line)
        for key, sub in {**spec.required, **spec.optional}.items():
            if key in value:
                check(value[key], sub, f"{path}.{key}", line_of(value, key, line))
        return
    origin = get_origin(spec)
    if origin is list:
        if not isinstance(value, list):
            raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
        item = _item(spec)
        for i, v in enumerate(value):
            check(v, item, f"{path}[{i}]", line_of(value, i, line))
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
        key_type, item = get_args(spec)
        for k, v in value.items():
            if not isinstance(k, key_type):
                raise SchemaError(f"'{path}' has a key {k!r} that is not {type_name(key_type)}", line_of(value, k, line))
            check(v, item, f"{path}.{k}", line_of(value, k, line))
        return
    ok = isinstance(value, spec) and not (isinstance(value, bool) and spec in (int, float))
    if spec is float and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        raise SchemaError(f"'{path}' must be {type_name(spec)}, not {_actual(value)}", line)
