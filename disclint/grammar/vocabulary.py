"""The section vocabulary (rules/sections.yaml): titles of mandated sections and table labels."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import yamlsafe

from ..normalize import compact
from ..paths import builtin_rules_dir




_SUBJECT_PREFIX = re.compile(r"(?:[0-9]{4}年度?)?(?:政府)?(?:信息公开)?(?:工作)?")


@dataclass(frozen=True)
class TitleMatch:
    section_id: str
    end: int  # characters of the (compacted) title the match covers, at least the keyword


@dataclass(frozen=True)
class SectionTerm:
    id: str
    zh: str
    en: str
    zh_2008: str
    titles: tuple[str, ...]
    keywords: tuple[re.Pattern, ...]


class Vocabulary:
    def __init__(self, data: dict):
        self.sections = tuple(
            SectionTerm(
                id=sid,
                zh=spec["zh"],
                en=spec["en"],
                zh_2008=spec.get("zh_2008", spec["zh"]),
                titles=tuple(sorted((compact(t) for t in spec.get("titles", [])), key=len, reverse=True)),
                keywords=tuple(re.compile(k) for k in spec.get("keywords", [])),
            )
            for sid, spec in data["sections"].items()
        )
        self.by_id = {s.id: s for s in self.sections}
        # Every literal title in the order they are tried (section order, longest first): the regex
        # engine compares them all in one call, and its first alternative that matches is the one
        # the loop over sections and titles would find.
        literals = [literal for term in self.sections for literal in term.titles]
        self._literal_titles = re.compile("|".join(re.escape(literal) for literal in literals) or "(?!)")
        self._literal_ids: dict[str, str] = {}
        for term in self.sections:
            for literal in term.titles:
                self._literal_ids.setdefault(literal, term.id)
        # Whether any keyword is there at all, in one call: most headings name no mandated section.
        self._any_keyword = _alternation(tuple(k for term in self.sections for k in term.keywords))
        self.table_starts = tuple(re.compile(p) for p in data.get("table_starts", []))
        self.table_labels = tuple(re.compile(p) for p in data.get("table_labels", []))
        # The labels are anchored at the start of the words: as one alternation they are tried in
        # one call (ten times faster than a search per pattern).
        self._any_table_label = _alternation(self.table_labels)
        # Headings are mostly the mandated titles and the tables' row labels, the same words from
        # report to report: the answers for the last few thousand keys are kept.
        self._match = lru_cache(maxsize=4096)(self._match_key)
        self._starts_table = lru_cache(maxsize=4096)(self._starts_table_key)
        self._table_label = lru_cache(maxsize=4096)(self._is_table_label_key)

    # The methods below take a heading's or a line's words compacted (normalize.compact): the
    # segmenter compacts them once and asks all three questions.

    def match_key(self, key: str, anchored: bool = False) -> TitleMatch | None:
        """Which mandated section a heading's words name, if any. `anchored`: the keyword must
        stand among the first words (for markers found inside running text)."""
        return self._match(key[:40], anchored)

    def starts_table_key(self, key: str) -> bool:
        return self._starts_table(key)

    def is_table_label_key(self, key: str) -> bool:
        return self._table_label(key[:30])

    def _match_key(self, key: str, anchored: bool) -> TitleMatch | None:
        if not key:
            return None
        literal = self._literal_titles.match(key)
        if literal:
            return TitleMatch(self._literal_ids[literal.group()], literal.end())
        head = key[:20]
        if self._any_keyword is not None and not self._any_keyword.search(head):
            return None
        # "政府信息公开工作存在的…" names its subject after a prefix every title may carry.
        lead = len(_SUBJECT_PREFIX.match(head).group())
        for term in self.sections:
            for pattern in term.keywords:
                m = pattern.search(head)
                if m and (not anchored or m.start() - lead <= 6):
                    return TitleMatch(term.id, _title_end(key, m.end()))
        return None

    def _starts_table_key(self, key: str) -> bool:
        for pattern in self.table_starts:  # (a loop, not any() over a generator: called for every line)
            if pattern.search(key):
                return True
        return False

    def _is_table_label_key(self, key: str) -> bool:
        if self._any_table_label is not None:
            return self._any_table_label.search(key) is not None
        return any(p.search(key) for p in self.table_labels)


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _alternation(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One regex that finds a match wherever one of `patterns` would; None when they cannot be
    joined without changing what they mean (back-references count groups across the whole regex;
    inline flags and repeated group names do not compile)."""
    if not patterns or any(_BACKREFERENCE.search(p.pattern) or p.flags != re.UNICODE for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return None


_TITLE_END = re.compile(r"[^。,;:]{0,16}?(情况|措施|事项|打算|概述|概况)")


def _title_end(key: str, at: int) -> int:
    """Extend a keyword match to the end of its title phrase (up to 情况/措施/事项/打算)."""
    m = _TITLE_END.match(key, at)
    return m.end() if m else at


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    file = Path(path) if path else builtin_rules_dir() / "sections.yaml"
    with open(file, encoding="utf-8") as fh:
        return Vocabulary(yamlsafe.load(fh))
