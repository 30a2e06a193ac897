"""User-written regular expressions that cannot hang a run.

Rule packs may carry patterns written by users. Python's `re` backtracks, so `(a|aa)+$` on 40
characters runs for minutes. Patterns from YAML are therefore compiled with the `regex` module, whose
`timeout=` stops a match (spec/libraries.md §1: `timeout=0.05` stopped that pattern at 50 ms; re2 would be
linear but rejects the lookarounds heading patterns need). Bundled, reviewed patterns keep using `re`.

For kind authors::

    from disclint import safe_regex

    def validate(params, vocabulary):          # at load: a bad pattern names the YAML file and line
        return safe_regex.problem(params["pattern"])

    def check(doc, rule):
        pattern = safe_regex.compile_pattern(rule.params["pattern"])
        for m in pattern.finditer(doc.norm):   # raises RuleTimeout past the time limit
            yield rule.finding("...", start=m.start(), end=m.end())

The engine runs each rule's `check` through `guarded_check`, which gives the rule a time budget per
document and turns a `RuleTimeout` into one `rule-error` finding (DL690) that names the rule, so the
rest of the document, and the rest of the batch, is still linted.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

CALL_TIMEOUT = 0.25  # seconds for one search over one text; real patterns take microseconds
RULE_BUDGET = 2.0  # seconds for all of one rule's matching on one document
MAX_PATTERN_CHARS = 2000
MAX_REPEAT_PRODUCT = 100_000  # compiling ((a{100}){100}){100} alone takes over a second

RULE_ERROR_CODE = "DL690"
RULE_ERROR_NAME = "rule-error"

_deadline: ContextVar[float | None] = ContextVar("disclint_regex_deadline", default=None)
_COUNTED = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


class PatternError(ValueError):
    """A pattern that does not compile, or would cost too much to compile."""


class RuleTimeout(Exception):
    """A user pattern ran past its time limit."""

    def __init__(self, pattern: str, seconds: float):
        super().__init__(f"pattern {pattern!r} ran longer than {seconds:g} s")
        self.pattern = pattern
        self.seconds = seconds


def problem(source: Any) -> str | None:
    """Why `source` cannot be used as a rule pattern, or None. For a kind's `validate`."""
    try:
        compile_pattern(source)
    except PatternError as e:
        return str(e)
    return None


@lru_cache(maxsize=512)
def _compile(source: str, flags: int) -> Any:
    import regex

    return regex.compile(source, flags | regex.VERSION0)


def compile_pattern(source: Any, ignore_case: bool = False, multiline: bool = True) -> SafePattern:
    """Compile a user pattern (cached). Raises PatternError with a message fit for the user."""
    if not isinstance(source, str):
        raise PatternError(f"a pattern must be a string, not {type(source).__name__}")
    if not source:
        raise PatternError("the pattern is empty (it would match everywhere)")
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"the pattern is {len(source)} characters long; the limit is {MAX_PATTERN_CHARS}")
    product = 1
    for low, high in _COUNTED.findall(source):
        product *= max(int(low), int(high or 0), 1)
        if product > MAX_REPEAT_PRODUCT:
            raise PatternError("the pattern's counted repetitions {m,n} are too large to compile safely")
    import regex

    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.MULTILINE if multiline else 0)
    try:
        return SafePattern(_compile(source, flags), source)
    except (regex.error, OverflowError, RecursionError, ValueError) as e:
        raise PatternError(f"not a valid regular expression: {e}") from None


@lru_cache(maxsize=1024)
def user_pattern(source: str, multiline: bool = False) -> SafePattern:
    """A pattern from a rule pack, with `re`'s default flags, that cannot hang the run."""
    return compile_pattern(source, multiline=multiline)


class budget:
    """Limit the total matching time of the user patterns used inside the block. A class, not a
    @contextmanager generator: guarded_check enters one for every rule of every report."""

    def __init__(self, seconds: float = RULE_BUDGET):
        self.seconds = seconds

    def __enter__(self) -> None:
        self._token = _deadline.set(time.monotonic() + self.seconds)

    def __exit__(self, *exc: Any) -> None:
        _deadline.reset(self._token)


class SafePattern:
    """A compiled user pattern whose every call has a time limit. `finditer` returns a list, so a
    timeout is raised here and not later, in the middle of a kind's loop."""

    def __init__(self, compiled: Any, source: str):
        self.compiled = compiled
        self.pattern = source
        # A pattern that is plain text matches exactly where that text occurs. str.find rules out
        # most texts first: the regex module reads the process's CPU clock (a system call) for
        # every call given a timeout, which costs more than the search of a short text.
        self.literal = source if _plain_text(source, compiled.flags) else None

    def _limit(self) -> float:
        """The time this call may take: CALL_TIMEOUT, or what is left of the rule's budget."""
        deadline = _deadline.get()
        if deadline is None:
            return CALL_TIMEOUT
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuleTimeout(self.pattern, RULE_BUDGET)
        return min(CALL_TIMEOUT, left)

    def _timeout(self, limit: float) -> RuleTimeout:
        return RuleTimeout(self.pattern, limit if _deadline.get() is None else RULE_BUDGET)

    def _absent(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether a plain-text pattern certainly has no match in text[pos:endpos]."""
        if pos < 0 or endpos is not None and endpos < 0:
            return False
        return text.find(self.literal, pos, len(text) if endpos is None else endpos) < 0

    def _run(self, method: Callable, text: str, pos: int, endpos: int | None) -> Any:
        limit = self._limit()
        try:
            return method(text, pos, endpos, timeout=limit)
        except TimeoutError:
            raise self._timeout(limit) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if self.literal is not None and self._absent(text, pos, endpos):
            self._limit()  # a rule past its budget stops here all the same
            return None
        return self._run(self.compiled.search, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run(self.compiled.match, text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._run(self.compiled.fullmatch, text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        return self._run(self.compiled.findall, text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        if self.literal is not None and self._absent(text, pos, endpos):
            self._limit()
            return []
        limit = self._limit()
        try:
            return list(self.compiled.finditer(text, pos, endpos, timeout=limit))
        except TimeoutError:
            raise self._timeout(limit) from None

    @property
    def groupindex(self):
        return self.compiled.groupindex

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"


# Characters that make a pattern more than plain text (inline flags, such as (?x) where space and #
# count, need a "(").
_SPECIAL = re.compile(r"[\\.^$*+?{}\[\]|()]")


def _plain_text(source: str, flags: int) -> bool:
    import regex

    return not flags & (regex.IGNORECASE | regex.VERBOSE | regex.REVERSE) and not _SPECIAL.search(source)


def rule_error(rule: Any, detail_zh: str, detail_en: str) -> Any:
    """The finding about a rule that could not run on this document (kind `rule-error`, DL690)."""
    from .model import Finding, Severity

    return Finding(
        rule=RULE_ERROR_CODE, name=RULE_ERROR_NAME, kind="rule-error", severity=Severity.ERROR,
        message=f"规则 {rule.code}（{rule.name}）未能完成检查，已跳过：{detail_zh}（规则定义于 {rule.source}）",
        message_en=f"rule {rule.code} ({rule.name}) could not finish and was skipped: {detail_en} "
                   f"(defined at {rule.source})",
        expected=None, actual=None, reference=rule.source or None)


def guarded_check(check: Callable[[Any, Any], Iterable[Any]], doc: Any, rule: Any,
                  seconds: float = RULE_BUDGET) -> list:
    """Run one rule's check on one document within a time budget for its user patterns."""
    with budget(seconds):
        try:
            return list(check(doc, rule))
        except RuleTimeout as e:
            return [rule_error(rule, f"正则表达式 {e.pattern!r} 运行超过 {e.seconds:g} 秒（可能存在灾难性回溯）",
                               f"its regular expression {e.pattern!r} ran longer than {e.seconds:g} s "
                               "(catastrophic backtracking?)")]
