"""Load rule packs from YAML, strictly: unknown keys, wrong types anywhere, unknown kinds, section ids
or profiles, patterns the regex engine refuses and message placeholders the kind does not fill are
errors that name the file and the line of the offending key (a rule that silently never fires, or
fails on every report, is the worst bug a linter can have). Only safe YAML: tags such as
!!python/object are refused, and so are aliases (a pack has no use for them, and they let a small
file stand for an enormous one). A pack larger than `max_pack_bytes` is refused before it is parsed,
so loading is bounded in time and memory."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import kinds, regular_file
from ..grammar.vocabulary import load_vocabulary
from ..model import PROFILES, Severity
from ..paths import builtin_rules_dir
from ..safe_regex import MAX_PACK_COMPILE_COST
from ..settings import MAX_RULE_PACK_BYTES as MAX_PACK_BYTES
from ..yamlsafe import SafeLoader as _SafeLoader
from . import schema, template
from .rule import Example, Rule

HEADER = {
    "code": (str, True),
    "name": (str, True),
    "kind": (str, True),
    "severity": (str, True),
    "message": (schema.Struct(required={"zh": str, "en": str}), True),
    "profiles": (list[(str, int)], False),  # profiles: [2019] means "2019"
    "reference": (str, True),
    "reference_en": (str, False),  # the reference in English, where it is not a Chinese title cited as is
    "rationale": (str, True),
    "examples": (dict, True),
}
PACK_KEYS = {"pack": str, "description": str, "profiles": list[(str, int)], "rules": list}
VOCABULARY_FILES = {"sections.yaml", "document.yaml", "table-layouts.yaml", "explain-zh.yaml"}
# The exact findings a failing example must give (tests/rules/examples.py runs them).
_EXPECTED = schema.Struct(required={"code": str}, optional={
    "line": (int, type(None)), "section": (str, type(None)), "table": (str, type(None)), "row": (str, type(None)),
    "table_column": (str, type(None)), "expected": (str, int, float, type(None)),
    "actual": (str, int, float, type(None)), "severity": str})
_EXAMPLE = schema.Struct(required={"text": str},
                         optional={"note": str, "profile": (str, int), "findings": list[_EXPECTED], "pack": str})


class RuleError(Exception):
    """A rule file that cannot be used; str() is `file:line: message`."""


class _LineDict(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    line = 0
    lines: dict


class _LineList(list):
    """A YAML sequence that remembers the line of each item."""

    lines: list




class _LineLoader(_SafeLoader):
    """The safe loader (libyaml's when present: 9× faster) keeping the lines of keys and items."""


def _first_alias(text: str) -> int | None:
    """The line of the first alias (*name) in a pack, or None. Read from the event stream: once
    composed, an alias is the very node it names, and its own line is lost."""
    if "*" not in text:
        return None
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1
    return None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = _LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value",
                                                    key_node.start_mark) from None
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list:
    items = _LineList(loader.construct_object(item, deep=True) for item in node.value)
    items.lines = [item.start_mark.line + 1 for item in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _check(file: str, data: dict, key: str, spec: Any, line: int) -> None:
    try:
        schema.check(data[key], spec, key, schema.line_of(data, key, line))
    except schema.SchemaError as e:
        raise RuleError(f"{file}:{e.line or line}: {e}") from None


def _check_keys(file: str, line: int, data: dict, spec: dict[str, tuple[Any, bool]]) -> None:
    for key, (typ, required) in spec.items():
        if key in data:
            _check(file, data, key, typ, line)
        elif required:
            raise RuleError(f"{file}:{line}: missing key '{key}'")


def _examples(file: str, examples: dict, key: str, line: int) -> tuple[Example, ...]:
    items = examples.get(key)
    at = schema.line_of(examples, key, line)
    if not isinstance(items, list) or not items:
        raise RuleError(f"{file}:{at}: examples.{key} must be a non-empty list")
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            out.append(Example(text=item))
            continue
        try:
            schema.check(item, _EXAMPLE, f"examples.{key}[{i}]", schema.line_of(items, i, at))
        except schema.SchemaError as e:
            raise RuleError(f"{file}:{e.line or at}: {e}") from None
        if item.get("profile") is not None and str(item["profile"]) not in PROFILES:
            raise RuleError(f"{file}:{item.lines['profile']}: unknown profile '{item['profile']}'; "
                            f"profiles are {list(PROFILES)}")
        findings = tuple(dict(f) for f in item["findings"]) if "findings" in item else None
        profile = str(item["profile"]) if item.get("profile") is not None else None
        out.append(Example(text=item["text"], note=str(item.get("note", "")), profile=profile,
                           findings=findings, pack=item.get("pack")))
    return tuple(out)


def _problem_line(data: dict, params: dict, problem: str, line: int) -> int:
    """The line of the key a kind's `validate` complains about: the one its message names, else the
    kind's first key (validators check across keys, and name values rather than keys)."""
    named = [k for k in params if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", problem)]
    key = named[0] if named else next(iter(params), None)
    return schema.line_of(data, key, line) if key is not None else line


def _fields(module: Any) -> frozenset[str]:
    return frozenset(getattr(module, "FIELDS", ()))


def parse_rule(data: Any, file: str, pack_profiles: list[str], line: int = 0) -> Rule:
    line = getattr(data, "line", line)
    where = f"{file}:{line}"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    kind = data.get("kind")
    try:
        module = kinds.get(str(kind))
    except KeyError:
        at = schema.line_of(data, "kind", line)
        raise RuleError(f"{file}:{at}: unknown rule kind '{kind}' (known: {', '.join(kinds.names())})") from None
    params_spec = getattr(module, "PARAMS", {})
    unknown = [k for k in data if k not in HEADER and k not in params_spec]
    if unknown:
        at = schema.line_of(data, unknown[0], line)
        raise RuleError(f"{file}:{at}: unknown key(s) {', '.join(sorted(map(str, unknown)))} for a {kind} rule")
    _check_keys(file, line, data, HEADER)
    _check_keys(file, line, data, params_spec)
    try:
        severity = Severity(data["severity"])
    except ValueError:
        at = schema.line_of(data, "severity", line)
        raise RuleError(f"{file}:{at}: severity must be error, warning or info") from None
    message = data["message"]
    fields = _fields(module)
    for lang in ("zh", "en"):
        at = schema.line_of(message, lang, line)
        if not message[lang]:
            raise RuleError(f"{file}:{at}: message needs exactly zh and en texts")
        problem = template.problems(message[lang], fields, lang)
        if problem:
            raise RuleError(f"{file}:{at}: message.{lang}: {problem}")
    profiles = [str(p) for p in data.get("profiles", pack_profiles)]
    bad = [p for p in profiles if p not in PROFILES]
    if bad:
        at = schema.line_of(data, "profiles", line)
        raise RuleError(f"{file}:{at}: unknown profile(s) {bad}; profiles are {list(PROFILES)}")
    examples = data["examples"]
    extra = [k for k in examples if k not in ("fail", "pass")]
    if extra:
        raise RuleError(f"{file}:{schema.line_of(examples, extra[0], line)}: examples has only fail and pass")
    params = {k: data[k] for k in params_spec if k in data}
    validate = getattr(module, "validate", None)
    if validate:
        try:
            problem = validate(params, load_vocabulary())
        except (TypeError, ValueError, KeyError, AttributeError, IndexError) as e:
            # the schema above should leave nothing for this; a kind's deeper check that trips on a
            # value is still the pack's error, not an internal one
            problem = f"a value of the wrong type or shape ({type(e).__name__}: {e})"
        if problem:
            raise RuleError(f"{file}:{_problem_line(data, params, problem, line)}: {problem}")
    return Rule(code=data["code"], name=data["name"], kind=kind, severity=severity, message=dict(message),
                profiles=tuple(profiles), reference=data["reference"], rationale=data["rationale"],
                reference_en=data.get("reference_en", ""), fail=_examples(file, examples, "fail", line), passes=_examples(file, examples, "pass", line),
                params=params, source=where, finding_kind=getattr(module, "FINDING_KIND", kind),
                cross_report=bool(getattr(module, "CROSS_REPORT", False)), fields=fields)


def read_pack(path: Path, max_bytes: int = MAX_PACK_BYTES) -> str:
    """The text of a pack: a regular file (opened without blocking, so a FIFO cannot hang the run)
    of at most `max_bytes`, refused before it is parsed otherwise."""
    try:
        with regular_file.open_regular(path) as (fh, info):
            if info.st_size > max_bytes:
                raise RuleError(f"{path}:0: the rule pack is {info.st_size} bytes, over the limit of {max_bytes} "
                                "(max-rule-pack-bytes)")
            data = fh.read(max_bytes + 1)
    except regular_file.NotRegularFile as e:
        raise RuleError(f"{path}:0: cannot read rule file: not a regular file ({e.what})") from None
    except OSError as e:
        raise RuleError(f"{path}:0: cannot read rule file: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise RuleError(f"{path}:0: the rule pack is over the limit of {max_bytes} bytes (max-rule-pack-bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RuleError(f"{path}:0: cannot read rule file: not UTF-8 ({e.reason} at byte {e.start})") from None


def load_pack(path: Path, max_bytes: int = MAX_PACK_BYTES) -> list[Rule]:
    text = read_pack(path, max_bytes)
    try:
        alias = _first_alias(text)
        if alias is not None:
            raise RuleError(f"{path}:{alias}: aliases (*name) are not allowed in rule packs")
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = " ".join(str(getattr(e, "problem", None) or e).split())
        raise RuleError(f"{path}:{line}: not valid (safe) YAML: {problem}") from None
    except RecursionError:
        raise RuleError(f"{path}:0: the rule pack is nested too deeply") from None
    if not isinstance(data, dict) or "rules" not in data:
        raise RuleError(f"{path}:1: a rule pack is a mapping with a 'rules' list")
    unknown = [k for k in data if k not in PACK_KEYS]
    if unknown:
        at = schema.line_of(data, unknown[0], 1)
        raise RuleError(f"{path}:{at}: unknown pack key(s) {', '.join(sorted(map(str, unknown)))}")
    for key, spec in PACK_KEYS.items():
        if key in data:
            _check(str(path), data, key, spec, 1)
    pack_profiles = [str(p) for p in data.get("profiles", PROFILES)]
    rules = data["rules"]
    with schema.compile_budget(MAX_PACK_COMPILE_COST):
        return [parse_rule(r, str(path), pack_profiles, schema.line_of(rules, i, 1)) for i, r in enumerate(rules)]


@lru_cache(maxsize=16)
def load_rules(extra_dirs: tuple[str, ...] = (), max_pack_bytes: int = MAX_PACK_BYTES) -> list[Rule]:
    """The built-in packs plus YAML packs in `extra_dirs`; codes and names must be unique."""
    files = sorted(p for p in builtin_rules_dir().glob("*.yaml") if p.name not in VOCABULARY_FILES)
    builtin = len(files)
    for d in extra_dirs:
        files += sorted(Path(d).glob("*.yaml")) + sorted(Path(d).glob("*.yml"))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for i, f in enumerate(files):
        # the size limit is for packs from elsewhere; the built-in ones are part of disclint
        for rule in load_pack(f, max_pack_bytes if i >= builtin else max(max_pack_bytes, MAX_PACK_BYTES)):
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleError(f"{rule.source}: '{key}' is already defined at {seen[key]}")
                seen[key] = rule.source
            rules.append(rule)
    return rules
