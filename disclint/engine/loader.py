"""Load rule packs from YAML, strictly: unknown keys, wrong types, unknown kinds, section ids or
profiles are errors that name the file and line (a rule that silently never fires is the worst
bug a linter can have). Only safe YAML: tags such as !!python/object are refused."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import kinds
from ..grammar.vocabulary import load_vocabulary
from ..model import Severity
from ..paths import builtin_rules_dir
from .rule import PROFILES, Example, Rule

HEADER = {
    "code": (str, True),
    "name": (str, True),
    "kind": (str, True),
    "severity": (str, True),
    "message": (dict, True),
    "profiles": (list, False),
    "reference": (str, True),
    "rationale": (str, True),
    "examples": (dict, True),
}
PACK_KEYS = {"pack", "description", "profiles", "rules"}
VOCABULARY_FILES = {"sections.yaml", "document.yaml", "table-layouts.yaml"}


class RuleError(Exception):
    """A rule file that cannot be used; str() is `file:line: message`."""


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when present: 9× faster) remembering the line of each mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


class _LineDict(dict):
    line = 0


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _type_name(t: Any) -> str:
    return " or ".join(x.__name__ for x in t) if isinstance(t, tuple) else t.__name__


def _check_keys(where: str, data: dict, spec: dict[str, tuple[Any, bool]]) -> None:
    for key, (typ, required) in spec.items():
        if key not in data:
            if required:
                raise RuleError(f"{where}: missing key '{key}'")
            continue
        value = data[key]
        if typ is int and isinstance(value, bool) or not isinstance(value, typ):
            raise RuleError(f"{where}: '{key}' must be {_type_name(typ)}, not {type(value).__name__}")


def _examples(where: str, data: dict, key: str) -> tuple[Example, ...]:
    items = data.get(key) or []
    if not isinstance(items, list) or not items:
        raise RuleError(f"{where}: examples.{key} must be a non-empty list")
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Example(text=item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "note", "profile"}:
            out.append(Example(text=item["text"], note=str(item.get("note", "")), profile=item.get("profile")))
        else:
            raise RuleError(f"{where}: each example is a text, or a mapping with text (and note, profile)")
    return tuple(out)


def parse_rule(data: dict, file: str, pack_profiles: list[str]) -> Rule:
    where = f"{file}:{getattr(data, 'line', 0)}"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    kind = data.get("kind")
    try:
        module = kinds.get(str(kind))
    except KeyError:
        raise RuleError(f"{where}: unknown rule kind '{kind}' (known: {', '.join(kinds.names())})") from None
    params_spec = getattr(module, "PARAMS", {})
    unknown = set(data) - set(HEADER) - set(params_spec)
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))} for a {kind} rule")
    _check_keys(where, data, HEADER)
    _check_keys(where, data, params_spec)
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise RuleError(f"{where}: severity must be error, warning or info") from None
    message = data["message"]
    if set(message) != {"zh", "en"} or not all(isinstance(v, str) and v for v in message.values()):
        raise RuleError(f"{where}: message needs exactly zh and en texts")
    profiles = [str(p) for p in data.get("profiles", pack_profiles)]
    bad = [p for p in profiles if p not in PROFILES]
    if bad:
        raise RuleError(f"{where}: unknown profile(s) {bad}; profiles are {list(PROFILES)}")
    examples = data["examples"]
    if set(examples) - {"fail", "pass"}:
        raise RuleError(f"{where}: examples has only fail and pass")
    params = {k: data[k] for k in params_spec if k in data}
    validate = getattr(module, "validate", None)
    if validate:
        problem = validate(params, load_vocabulary())
        if problem:
            raise RuleError(f"{where}: {problem}")
    return Rule(code=data["code"], name=data["name"], kind=kind, severity=severity, message=dict(message),
                profiles=tuple(profiles), reference=data["reference"], rationale=data["rationale"],
                fail=_examples(where, examples, "fail"), passes=_examples(where, examples, "pass"),
                params=params, source=where)


def load_pack(path: Path) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}:0: cannot read rule file: {e}") from None
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise RuleError(f"{path}:{line}: not valid (safe) YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict) or "rules" not in data:
        raise RuleError(f"{path}:1: a rule pack is a mapping with a 'rules' list")
    unknown = set(data) - PACK_KEYS
    if unknown:
        raise RuleError(f"{path}:1: unknown pack key(s) {', '.join(sorted(map(str, unknown)))}")
    if not isinstance(data["rules"], list):
        raise RuleError(f"{path}:1: 'rules' must be a list")
    pack_profiles = [str(p) for p in data.get("profiles", PROFILES)]
    return [parse_rule(r, str(path), pack_profiles) for r in data["rules"]]


@lru_cache(maxsize=16)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """The built-in packs plus YAML packs in `extra_dirs`; codes and names must be unique."""
    files = sorted(p for p in builtin_rules_dir().glob("*.yaml") if p.name not in VOCABULARY_FILES)
    for d in extra_dirs:
        files += sorted(Path(d).glob("*.yaml")) + sorted(Path(d).glob("*.yml"))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for f in files:
        for rule in load_pack(f):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleError(f"{rule.source}: '{key}' is already defined at {seen[key]}")
                seen[key] = rule.source
            rules.append(rule)
    return rules
