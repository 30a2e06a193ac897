"""The engine of a run: `Linter`, made once per run from the resolved settings, owns everything between
a path and a finished `FileResult` — `disclint check`, `summary`, `baseline` and the Python API all
lint through it, and the CLI only parses options and prints.

    settings for the file (configuration found for its folder) → read → directives of the text read
    → segment → facts → tables → rule kinds → suppressions (directives, sidecar, baseline)
    → severity overrides → sorted findings, and the rules they were made with

The rule packs are read and validated once per rule-pack folder list (`RuleSet.load`), before any
file is linted or any worker forked, so a broken pack is a usage error of the run, not of each file.
"""
from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from .. import suppress
from ..config import Resolver, resolver_for
from ..model import Document, Finding
from ..readers import ReadError, Source, file_bytes, read_bytes
from ..settings import Settings
from ..suppress.directives import directives_of
from . import pool
from .rule import Rule
from .ruleset import RuleSet
from .run import FileResult, analyse, apply_severity, check_document, sort_findings

if TYPE_CHECKING:
    from ..tables.build import TableIdentities

T = TypeVar("T")
Progress = Callable[[FileResult], None]


class Linter:
    """One run's engine. `config` is a Resolver (per-folder configuration, as the CLI builds it), a
    Settings object (every file alike), or what `config.resolver_for` takes (None, a path, a mapping)."""

    def __init__(self, config: Resolver | Settings | Any = None, *, discover: bool = True):
        self.resolver = config if isinstance(config, Resolver) else resolver_for(config, discover=discover)
        self._rule_sets: dict[tuple[tuple[str, ...], int], RuleSet] = {}  # (rule_dirs, pack size limit) →
        self._checked: set[Settings] = set()

    # --- settings and rules ---------------------------------------------------------------------------

    def settings_for(self, path: str) -> Settings:
        """The settings of one file (its folder's configuration, per-file ignores applied), checked."""
        return self._checked_settings(self.resolver.for_path(path))

    def settings_for_folder(self, folder: str) -> Settings:
        return self._checked_settings(self.resolver.for_folder(folder))

    def run_settings(self, files: Sequence[str]) -> Settings:
        """Settings for what belongs to the whole run (language, fail-on, exit-zero): those of the one
        configuration every file shares, else those of the current folder's."""
        folders = {os.path.dirname(os.path.abspath(f)) for f in files}
        configs = {self.resolver.config_for_folder(d) for d in folders}
        if len(configs) == 1 and folders:
            return self.settings_for_folder(next(iter(folders)))
        return self.settings_for_folder(os.getcwd())

    def _checked_settings(self, settings: Settings) -> Settings:
        if settings not in self._checked:
            self.rule_set(settings).check_selectors(settings)  # ConfigError: a selector naming no rule
            self._checked.add(settings)
        return settings

    def rule_set(self, settings: Settings | None = None) -> RuleSet:
        """Every rule of the packs `settings` names (built-in ones and its rule-dirs), read once."""
        settings = settings or Settings()
        key = (settings.rule_dirs, settings.max_rule_pack_bytes)
        if key not in self._rule_sets:
            self._rule_sets[key] = RuleSet.load(*key)
        return self._rule_sets[key]

    def rules(self, settings: Settings) -> tuple[Rule, ...]:
        """The rules `settings` selects."""
        return self.rule_set(settings).select(settings)

    def table_identities(self, settings: Settings) -> TableIdentities:
        """The table identities the builders cut run-together numbers with (every table-identity rule)."""
        return self.rule_set(settings).table_identities()

    # --- one file -------------------------------------------------------------------------------------

    def lint_path(self, path: str | os.PathLike, settings: Settings | None = None, *,
                  baseline: bool = True) -> FileResult:
        """Lint one file: a FileResult with suppressions, the baseline and severities applied."""
        name = os.fspath(path)
        settings = settings or self.settings_for(name)
        return self.finish(self.lint_unsuppressed(name, settings), settings, baseline=baseline)

    def lint_bytes(self, name: str, data: bytes, settings: Settings | None = None, *,
                   baseline: bool = True, outside: suppress.Outside | None = None) -> FileResult:
        """Lint a file's bytes, read as the format `name`'s suffix says (a cluster worker, a server);
        `outside`, its sidecar and baseline gathered where the file is (else read beside `name`)."""
        settings = settings or self.settings_for(name)
        return self.finish(self._guarded(name, lambda: self._from_bytes(name, data, settings)), settings,
                           baseline=baseline, outside=outside)

    def lint_source(self, source: Source, settings: Settings | None = None, *, baseline: bool = False) -> FileResult:
        """Lint text already read (the API's lint_text, tests)."""
        settings = settings or self.settings_for_folder(".")
        return self.finish(self._from_source(source, settings, None), settings, baseline=baseline)

    def analyse(self, source: Source, settings: Settings) -> Document:
        """The typed model with facts and tables, before any rule runs."""
        return analyse(source, settings, self.table_identities(settings))

    def check(self, doc: Document, settings: Settings) -> list[Finding]:
        """The selected rules' findings on `doc`, severities applied and sorted (no suppressions)."""
        rules = self.rules(settings)
        rule_set = self.rule_set(settings)
        findings = check_document(doc, rules, rule_set.rule_error())
        apply_severity(findings, rule_set.severity_levels(settings))
        sort_findings(findings)
        return findings

    def lint_unsuppressed(self, path: str, settings: Settings) -> FileResult:
        """Read and check one file, before suppressions: what the cache keeps. A bug on one file
        becomes that file's `internal` error, never an exception."""
        return self._guarded(path, lambda: self._from_bytes(path, file_bytes(path, settings.max_bytes), settings))

    def finish(self, result: FileResult, settings: Settings, *, baseline: bool = True,
               outside: suppress.Outside | None = None) -> FileResult:
        """Suppressions, the baseline and severity overrides, applied once; findings sorted once."""
        rules = self.rules(settings)
        result.rules = rules
        if result.error is not None:
            return result
        findings = suppress.apply(result.findings, result.directives, result.path, settings, self.rule_set(settings),
                                  rules, use_baseline=baseline, outside=outside)
        apply_severity(findings, self.rule_set(settings).severity_levels(settings))
        sort_findings(findings)
        result.findings = findings
        return result

    def _from_bytes(self, path: str, data: bytes, settings: Settings) -> FileResult:
        source = read_bytes(path, data)
        markup = None
        # ASCII "disclint-" is the same bytes in UTF-8 and GB18030; a UTF-16 page is always decoded
        if source.format == "html" and (b"disclint-" in data or b"\x00" in data[:4096]):
            from ..readers.text import decode

            try:
                markup = decode(data)[0]
            except ReadError:  # the page's own decoding succeeded: its comments just cannot be placed
                markup = None
        return self._from_source(source, settings, markup)

    def _from_source(self, source: Source, settings: Settings, markup: str | None) -> FileResult:
        doc = self.analyse(source, settings)
        findings = check_document(doc, self.rules(settings), self.rule_set(settings).rule_error())
        has_directive = "disclint-" in (markup if markup is not None else source.text)
        directives = directives_of(source.text, source.format, markup) if has_directive else []
        return FileResult(path=source.path, document=doc, findings=findings, directives=directives)

    @staticmethod
    def _guarded(path: str, lint: Callable[[], FileResult]) -> FileResult:
        try:
            return lint()
        except ReadError as e:
            return FileResult(path=path, error=e)
        except (MemoryError, RecursionError) as e:
            return FileResult(path=path, error=ReadError("internal", f"disclint ran out of {_resource(e)} on this file"))
        except Exception as e:  # noqa: BLE001 - one file must never stop the batch
            return FileResult(path=path, error=_internal(e))

    # --- many files -----------------------------------------------------------------------------------

    def _prepare(self, names: Sequence[str]) -> list[Settings]:
        """Each file's settings, with their rules loaded (ConfigError / RuleError here, before any file is
        linted) and the parser built, so that forked workers inherit both instead of each building them."""
        from ..grammar.segment import parser

        settings = [self.settings_for(n) for n in names]
        for s in set(settings):
            self.rules(s)
            self.table_identities(s)
        if names:
            parser()
        return settings

    def lint_many(self, paths: Iterable[str | os.PathLike], *, jobs: int | None = None, use_cache: bool = True,
                  progress: Progress | None = None, baseline: bool = True) -> list[FileResult]:
        """One finished FileResult per path, in order: from the cache when a file's content was seen
        before, else serially for a handful and in the process pool for more. `progress` is called once
        per file as results become available (cached files first, then the others in input order)."""
        names = [os.fspath(p) for p in paths]
        settings = self._prepare(names)
        results: list[FileResult | None] = [None] * len(names)
        caches: dict[Settings, Any] = {}
        keys: list[str | None] = [None] * len(names)
        if use_cache:
            from ..cache import Cache

            for i, name in enumerate(names):
                if settings[i] not in caches:
                    caches[settings[i]] = Cache.open(settings[i])
                cache = caches[settings[i]]
                keys[i] = cache.key_for(name) if cache is not None else None
                hit = cache.get(keys[i], name) if keys[i] else None
                if hit is not None:
                    results[i] = self.finish(hit, settings[i], baseline=baseline)
                    if progress:
                        progress(results[i])

        def done(i: int, raw: FileResult) -> None:
            if keys[i]:
                caches[settings[i]].put(keys[i], raw)
            results[i] = self.finish(raw, settings[i], baseline=baseline)
            if progress:
                progress(results[i])

        todo = [i for i, r in enumerate(results) if r is None]
        pool.run(lambda i: self.lint_unsuppressed(names[i], settings[i]), todo, jobs, done,
                 died=lambda i: FileResult(path=names[i], error=ReadError("internal", pool.DIED)))
        return results  # type: ignore[return-value]

    def map(self, paths: Sequence[str], work: Callable[[str, Settings], T], *, jobs: int | None = None,
            done: Callable[[int, T], None] | None = None, died: Callable[[str], T]) -> list[T]:
        """`work(path, its settings)` for every path, in the pool: a worker that calls lint_path and
        reduces the result before it travels back (the summary's digests). `done(index, value)` is
        called in input order; `died(path)` stands in for a path whose worker process died."""
        names = list(paths)
        settings = self._prepare(names)
        out: list[Any] = [None] * len(names)

        def one(i: int) -> T:
            return work(names[i], settings[i])

        def store(i: int, value: T) -> None:
            out[i] = value
            if done:
                done(i, value)

        pool.run(one, list(range(len(names))), jobs, store, died=lambda i: died(names[i]))
        return out


def _resource(e: BaseException) -> str:
    return "memory" if isinstance(e, MemoryError) else "stack (nesting too deep)"


def _internal(e: BaseException) -> ReadError:
    frame = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return ReadError("internal", f"disclint failed on this file ({type(e).__name__}{where}: {e}); please report it")


@lru_cache(maxsize=4)
def linter_for(settings: Settings) -> Linter:
    """A Linter for one Settings object, kept for the process: for callers handed only Settings (a Dask
    worker, the summary's helpers) — the packs are still read once per process."""
    return Linter(settings)
