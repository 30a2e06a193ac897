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
        self.table_starts = tuple(re.compile(p) for p in data.get("table_starts", []))
        self.table_labels = tuple(re.compile(p) for p in data.get("table_labels", []))

    def match_title(self, title: str, anchored: bool = False) -> TitleMatch | None:
        """Which mandated section a heading's words name, if any. `anchored`: the keyword must
        stand among the first words (for markers found inside running text)."""
        key = compact(title)[:40]
        if not key:
            return None
        for term in self.sections:
            for literal in term.titles:
                if key.startswith(literal):
                    return TitleMatch(term.id, len(literal))
        head = key[:20]
        # "政府信息公开工作存在的…" names its subject after a prefix every title may carry.
        lead = len(_SUBJECT_PREFIX.match(head).group())
        for term in self.sections:
            for pattern in term.keywords:
                m = pattern.search(head)
                if m and (not anchored or m.start() - lead <= 6):
                    return TitleMatch(term.id, _title_end(key, m.end()))
        return None

    def starts_table(self, text: str) -> bool:
        key = compact(text)
        return any(p.search(key) for p in self.table_starts)

    def is_table_label(self, title: str) -> bool:
        key = compact(title)[:30]
        return any(p.search(key) for p in self.table_labels)


def _title_end(key: str, at: int) -> int:
    """Extend a keyword match to the end of its title phrase (up to 情况/措施/事项/打算)."""
    m = re.compile(r"[^。,;:]{0,16}?(情况|措施|事项|打算|概述|概况)").match(key, at)
    return m.end() if m else at


@lru_cache(maxsize=4)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    file = Path(path) if path else builtin_rules_dir() / "sections.yaml"
    with open(file, encoding="utf-8") as fh:
        return Vocabulary(yamlsafe.load(fh))
