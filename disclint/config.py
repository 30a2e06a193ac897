"""Configuration: find it by walking up from each linted file, parse it strictly, and build the one
frozen `Settings` object every part of a run reads.

Files, looked for in this order in each folder from the linted file's folder upwards, stopping after
the folder that holds `.git` (a repository's root) or at the file-system root:
`.disclint.toml`, `.disclint.yaml`, `.disclint.yml`, and `pyproject.toml` when it has a
`[tool.disclint]` table. `--config FILE` replaces discovery; command-line options override both.

Nothing in a configuration is executed: extra rule packs are YAML folders read by the strict loader,
never Python. Every error names the file and the key (and the line, when the format gives one) and
makes `disclint` exit 2.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import regular_file
from .model import Severity
from .settings import LANGS, PROFILES, Settings

CONFIG_NAMES = (".disclint.toml", ".disclint.yaml", ".disclint.yml", "pyproject.toml")
SEVERITIES = tuple(s.value for s in Severity)


class ConfigError(Exception):
    """A configuration that cannot be used; str() names the file, the key and, when known, the line."""


@dataclass(frozen=True)
class Key:
    field: str  # the Settings field it sets
    value_type: str  # str | int | bool | list | table | table-of-lists | path | paths
    help: str
    choices: tuple[str, ...] = ()


# The keys of a configuration file, as written there (kebab-case), in the order `config --show` prints.
KEYS: dict[str, Key] = {
    "lang": Key("lang", "str", "message language", LANGS),
    "profile": Key("profile", "str", "force a rule profile instead of the one the report's year implies", PROFILES),
    "select": Key("select", "list", "run only rules matching these codes, code prefixes, names or finding kinds"),
    "ignore": Key("ignore", "list", "never run rules matching these"),
    "severity": Key("severity", "table", "per-rule severity: {code or name = error|warning|info}"),
    "per-file-ignores": Key("per_file_ignores", "table-of-lists", "{glob = [codes…]}: ignores for matching files"),
    "fail-on": Key("fail_on", "str", "lowest severity that makes disclint exit 1", SEVERITIES),
    "exit-zero": Key("exit_zero", "bool", "exit 0 even when there are findings"),
    "rule-dirs": Key("rule_dirs", "paths", "folders of extra YAML rule packs (never code)"),
    "baseline": Key("baseline", "path", "baseline file: findings recorded there are not reported"),
    "max-file-size": Key("max_bytes", "int", "files larger than this many bytes are not read"),
    "max-rule-pack-bytes": Key("max_rule_pack_bytes", "int", "rule packs larger than this many bytes are refused"),
    "exclude": Key("exclude", "globs", "files and folders not linted when walking folders (replaces the defaults)"),
    "extend-exclude": Key("extend_exclude", "globs", "more files and folders not linted, added to exclude"),
    "respect-gitignore": Key("respect_gitignore", "bool", "skip what .gitignore and .git/info/exclude ignore"),
    "force-exclude": Key("force_exclude", "bool", "apply the exclusions to paths named on the command line too"),
}


def find_config(start: str | os.PathLike) -> Path | None:
    """The configuration file that governs files in folder `start`, or None."""
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.exists() and not path.is_file():  # a FIFO or a device is never read (issue 18)
                raise ConfigError(f"{path}: {regular_file.kind_of(path.stat().st_mode)} cannot be a configuration file")
            if path.is_file() and (name != "pyproject.toml" or _pyproject_has_table(path)):
                return path
        if (candidate / ".git").exists():
            return None
    return None


def _pyproject_has_table(path: Path) -> bool:
    # A [tool.disclint] table that cannot be parsed still counts: load_file then reports the error.
    try:
        text = regular_file.read_text(path)
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*disclint\s*[\].]", text, re.M) is not None


def load_file(path: str | os.PathLike) -> tuple[dict[str, Any], dict[str, int]]:
    """The raw key → value mapping of one configuration file, and key → line where known."""
    path = Path(path)
    try:
        text = regular_file.read_text(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the configuration file: {e}") from None
    if path.suffix in (".yaml", ".yml"):
        return _load_yaml(path, text)
    return _load_toml(path, text)


def _load_toml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("disclint", {})
    lines = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*"?([A-Za-z0-9_-]+)"?\s*=', line) or re.match(r"\s*\[\s*(?:tool\.)?(?:disclint\.)?"
                                                                        r'"?([A-Za-z0-9_-]+)"?\s*\]', line)
        if m and m.group(1) in data and m.group(1) not in lines:
            lines[m.group(1)] = n
    return data, lines


def _load_yaml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{line}: not valid (safe) YAML: {getattr(e, 'problem', None) or e}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: a configuration is a mapping of keys (lang, select, ignore, …)")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return data, lines


def parse(data: dict[str, Any], where: str, base: str, lines: dict[str, int] | None = None) -> dict[str, Any]:
    """Check raw keys and turn them into Settings field values. `base` is the folder relative paths
    start from; errors say `where:line: key 'k': …`."""
    lines = lines or {}
    out: dict[str, Any] = {}
    for key, value in data.items():
        at = f"{where}:{lines[key]}" if key in lines else where
        spec = KEYS.get(key)
        if spec is None:
            hint = f" (did you mean '{key.replace('_', '-')}'?)" if key.replace("_", "-") in KEYS else ""
            raise ConfigError(f"{at}: unknown key '{key}'{hint}; known keys: {', '.join(KEYS)}")
        try:
            out[spec.field] = _convert(spec, value, base)
        except ValueError as e:
            raise ConfigError(f"{at}: key '{key}': {e}") from None
    return out


def _convert(spec: Key, value: Any, base: str) -> Any:
    value_type = spec.value_type
    if value_type == "str":
        if isinstance(value, int) and not isinstance(value, bool) and spec.field == "profile":
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"must be a string, not {type(value).__name__}")
        if spec.choices and value not in spec.choices:
            raise ValueError(f"'{value}' is not one of {', '.join(spec.choices)}")
        return Severity(value) if spec.field == "fail_on" else value
    if value_type == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {value!r}")
        return value
    if value_type == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(f"must be a positive whole number of bytes, not {value!r}")
        return value
    if value_type == "list":
        return _strings(value)
    if value_type == "globs":
        if isinstance(value, str):
            value = [value]
        return tuple(anchor_glob(g, base) for g in _strings(value))
    if value_type == "paths":
        folders = tuple(os.path.normpath(os.path.join(base, p)) for p in _strings(value))
        for folder in folders:
            if not os.path.isdir(folder):
                raise ValueError(f"'{folder}' is not a folder")
        return folders
    if value_type == "path":
        if not isinstance(value, str) or not value:
            raise ValueError("must be a file name")
        return os.path.normpath(os.path.join(base, value))
    if value_type == "table":
        if not isinstance(value, dict):
            raise ValueError("must be a table of rule = severity")
        pairs = []
        for rule, level in value.items():
            if level not in SEVERITIES:
                raise ValueError(f"'{rule}': severity '{level}' is not one of {', '.join(SEVERITIES)}")
            pairs.append((str(rule), level))
        return tuple(sorted(pairs))
    if value_type == "table-of-lists":
        if not isinstance(value, dict):
            raise ValueError("must be a table of glob = [codes…]")
        return tuple((str(glob), _strings(codes)) for glob, codes in value.items())
    raise AssertionError(value_type)


def anchor_glob(pattern: str, base: str) -> str:
    """A gitignore-style glob as ruff reads `exclude`: one without "/" (or starting with "**/") matches a
    file or folder name anywhere; one with a "/" is a path from `base` (the configuration's folder, or
    the current folder for the command line), so it is made absolute here and means the same whichever
    folder the walk starts from."""
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    if "/" in body.rstrip("/") and not body.startswith("**/"):
        body = "/" + os.path.normpath(os.path.join(base, body.lstrip("/"))).lstrip("/").replace(os.sep, "/") + \
            ("/" if body.endswith("/") else "")
    return ("!" if negated else "") + body


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):  # a single code, or the command line's comma list
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be a list of strings")
    return tuple(value)


class Resolver:
    """Settings for any linted path: the command line's `overrides` (Settings field → value, already
    converted) on top of the configuration found for it. One Settings object per configuration file."""

    def __init__(self, overrides: dict[str, Any] | None = None, config: str | os.PathLike | None = None,
                 isolated: bool = False, override_origins: dict[str, str] | None = None):
        self.overrides = dict(overrides or {})
        self.override_origins = dict(override_origins or {})
        self.config = Path(os.path.abspath(config)) if config else None
        self.isolated = isolated
        self._by_folder: dict[str, Path | None] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def config_for_folder(self, folder: str) -> Path | None:
        if self.config is not None:
            return self.config
        if self.isolated:
            return None
        folder = os.path.abspath(folder)
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def for_folder(self, folder: str) -> Settings:
        path = self.config_for_folder(folder)
        if path not in self._by_config:
            self._by_config[path] = self._build(path)
        return self._by_config[path]

    def for_path(self, path: str) -> Settings:
        """The settings of one linted file, its per-file ignores applied."""
        folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
        return self.for_folder(folder).for_file(path)

    def _build(self, path: Path | None) -> Settings:
        values: dict[str, Any] = {}
        origins: dict[str, str] = {}
        root = None
        if path is not None:
            raw, lines = load_file(path)
            where = f"{path} [tool.disclint]" if path.name == "pyproject.toml" else str(path)
            root = str(path.parent)
            values = parse(raw, where, root, lines)
            origins = {_key_of(f): str(path) for f in values}
        extend = values.get("extend_exclude", ())
        values.update(self.overrides)
        if "extend_exclude" in self.overrides:  # --extend-exclude adds to the file's list, as in ruff
            values["extend_exclude"] = extend + self.overrides["extend_exclude"]
        origins.update({_key_of(f): self.override_origins.get(f, "command line") for f in self.overrides})
        # Selectors are checked against the rules by the engine (engine.ruleset.RuleSet.check_selectors),
        # which holds the rule packs: configuration does not read them.
        return Settings(**values, root=root, config_file=str(path) if path else None,
                        origins=tuple(sorted(origins.items())))


def _key_of(field: str) -> str:
    return next((k for k, spec in KEYS.items() if spec.field == field), field)


def describe(settings: Settings) -> list[tuple[str, Any, str]]:
    """(key, value, origin) for every configuration key, as `disclint config --show` prints them."""
    out = []
    for key, spec in KEYS.items():
        value = getattr(settings, spec.field)
        if isinstance(value, Severity):
            value = value.value
        out.append((key, value, settings.origin(key)))
    return out


class _Fixed(Resolver):
    """A resolver that hands out one given Settings object for every path."""

    def __init__(self, settings: Settings):
        super().__init__()
        self.settings = settings

    def config_for_folder(self, folder: str) -> Path | None:
        return Path(self.settings.config_file) if self.settings.config_file else None

    def for_folder(self, folder: str) -> Settings:
        return self.settings


def resolver_for(config: Any = None, discover: bool = True) -> Resolver:
    """What the Python API's `config` argument may be: None (discover configuration files, as the
    command line does, when `discover`), a Settings object, the path of a configuration file, or a
    mapping of configuration keys (`{"select": ["DL1"], "fail-on": "error"}`)."""
    if config is None:
        return Resolver(isolated=not discover)
    if isinstance(config, Settings):
        return _Fixed(config)
    if isinstance(config, (str, os.PathLike)):
        return Resolver(config=config)
    if isinstance(config, dict):
        return Resolver(parse(config, "config argument", os.getcwd()), isolated=True,
                        override_origins={KEYS[k].field: "config argument" for k in config if k in KEYS})
    raise TypeError(f"config must be None, Settings, a path or a mapping, not {type(config).__name__}")
