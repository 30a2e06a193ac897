"""User-written regular expressions that cannot hang a run.

Rule packs may carry patterns written by users. Python's `re` backtracks, so `(a|aa)+$` on 40
characters runs for minutes. Patterns from YAML are therefore compiled with the `regex` module, whose
`timeout=` stops a match (spec/libraries.md §1: `timeout=0.05` stopped that pattern at 50 ms; re2 would be
linear but rejects the lookarounds heading patterns need). Bundled, reviewed patterns keep using `re`.

For kind authors::

    from disclint import safe_regex
    from disclint.engine.schema import Pattern

    PARAMS = {"pattern": (Pattern, True)}      # compiled here at load: a bad one names the YAML line

    def check(doc, rule):
        pattern = safe_regex.compile_pattern(rule.params["pattern"])
        for m in pattern.finditer(doc.norm):   # raises RuleTimeout past the time limit
            yield rule.finding(start=m.start(), end=m.end(), found=m.group())

The engine runs each rule's `check` inside a `budget` (disclint.engine.guarded): each user pattern
may spend RULE_BUDGET seconds on one document for one rule, CALL_TIMEOUT seconds on any one search,
and past either a `RuleTimeout` says which pattern and how long it really ran, measured here around
each call (the regex module only says that a call timed out).
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

CALL_TIMEOUT = 0.25  # seconds for one search over one text; real patterns take microseconds
RULE_BUDGET = 2.0  # seconds for all the searches of one pattern of one rule on one document
MAX_PATTERN_CHARS = 2000
MAX_REPEAT_PRODUCT = 100_000  # compiling ((a{100}){100}){100} alone takes over a second
# What the distinct patterns of one rule pack may cost to compile together (compile_cost): about 2 s.
# Each pattern under MAX_REPEAT_PRODUCT still takes up to 0.2 s, and a 1 MB pack holds 60,000 of
# them; the built-in packs cost about 50,000.
MAX_PACK_COMPILE_COST = 1_000_000

_budget: ContextVar[budget | None] = ContextVar("disclint_regex_budget", default=None)
_COUNTED = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


_TIMED_OUT = object()


class PatternError(ValueError):
    """A pattern that does not compile, or would cost too much to compile."""


class RuleTimeout(Exception):
    """A user pattern ran past its time limit: `ran` seconds in all on this document (measured),
    against a `limit` of that many seconds per search (`per_search`) or per document."""

    def __init__(self, pattern: str, ran: float, limit: float, per_search: bool):
        scope = "per search" if per_search else "per report"
        super().__init__(f"pattern {pattern!r} ran {ran:.2f} s, past its limit of {limit:g} s {scope}")
        self.pattern = pattern
        self.ran = ran
        self.limit = limit
        self.per_search = per_search


def problem(source: Any) -> str | None:
    """Why `source` cannot be used as a rule pattern, or None. For a kind's `validate`."""
    try:
        compile_pattern(source, multiline=False)  # user_pattern's flags: the run finds it compiled
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
    if _repeat_product(source) > MAX_REPEAT_PRODUCT:
        raise PatternError("the pattern's counted repetitions {m,n} are too large to compile safely")
    import regex

    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.MULTILINE if multiline else 0)
    try:
        return SafePattern(_compile(source, flags), source)
    except (regex.error, OverflowError, RecursionError, ValueError) as e:
        raise PatternError(f"not a valid regular expression: {e}") from None


def _repeat_product(source: str) -> int:
    """The product of the pattern's counted repetitions {m,n}, which compiling time follows (stops
    counting past MAX_REPEAT_PRODUCT)."""
    product = 1
    for low, high in _COUNTED.findall(source):
        product *= max(int(low), int(high or 0), 1)
        if product > MAX_REPEAT_PRODUCT:
            break
    return product


def compile_cost(source: str) -> int:
    """A measure of what compiling `source` costs (its length plus its counted repetitions), for
    bounding the patterns of a whole rule pack (MAX_PACK_COMPILE_COST). A pattern over
    MAX_REPEAT_PRODUCT is refused before it is compiled, so costs only its length."""
    product = _repeat_product(source)
    return len(source) + (product if product <= MAX_REPEAT_PRODUCT else 0)


@lru_cache(maxsize=1024)
def user_pattern(source: str, multiline: bool = False) -> SafePattern:
    """A pattern from a rule pack, with `re`'s default flags, that cannot hang the run."""
    return compile_pattern(source, multiline=multiline)


class budget:
    """Limit the matching time of each user pattern used inside the block to `seconds` in all,
    measured per pattern (one slow pattern of a rule does not use up another's time). A class, not
    a @contextmanager generator: the engine enters one for every rule of every report."""

    def __init__(self, seconds: float = RULE_BUDGET):
        self.seconds = seconds
        self.spent: dict[str, float] = {}  # pattern → seconds its searches took inside the block

    def __enter__(self) -> budget:
        self.spent = {}
        self._token = _budget.set(self)
        return self

    def __exit__(self, *exc: Any) -> None:
        _budget.reset(self._token)


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
        """The time this call may take: CALL_TIMEOUT, or what is left of this pattern's budget."""
        current = _budget.get()
        if current is None:
            return CALL_TIMEOUT
        spent = current.spent.get(self.pattern, 0.0)
        left = current.seconds - spent
        if left <= 0:
            raise RuleTimeout(self.pattern, spent, current.seconds, per_search=False)
        return min(CALL_TIMEOUT, left)

    def _timed(self, method: Callable, limit: float, *args: Any) -> Any:
        """Call `method` with the regex module's timeout, adding the time it took to this pattern's
        budget; a timeout becomes a RuleTimeout that says how long the pattern really ran."""
        started = time.perf_counter()
        try:
            result = method(*args, timeout=limit)
        except TimeoutError:
            result = _TIMED_OUT
        ran = time.perf_counter() - started
        current = _budget.get()
        if current is not None:
            ran = current.spent[self.pattern] = current.spent.get(self.pattern, 0.0) + ran
        if result is _TIMED_OUT:
            # the call's own cap, or what was left of the pattern's budget on this report
            per_search = current is None or limit >= CALL_TIMEOUT
            raise RuleTimeout(self.pattern, ran, limit if per_search else current.seconds, per_search)
        return result

    def _absent(self, text: str, pos: int, endpos: int | None) -> bool:
        """Whether a plain-text pattern certainly has no match in text[pos:endpos]."""
        if pos < 0 or endpos is not None and endpos < 0:
            return False
        return text.find(self.literal, pos, len(text) if endpos is None else endpos) < 0

    def _run(self, method: Callable, text: str, pos: int, endpos: int | None) -> Any:
        return self._timed(method, self._limit(), text, pos, endpos)

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
        return self._timed(self._all, self._limit(), text, pos, endpos)

    def _all(self, text: str, pos: int, endpos: int | None, timeout: float) -> list:
        return list(self.compiled.finditer(text, pos, endpos, timeout=timeout))

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
