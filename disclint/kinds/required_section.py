"""A section the profile requires has no heading at any level (finding kind `missing-section`).

When the missing section's subject is discussed under another heading (seed 002 gives its
application counts inside 一、（三）), the finding says where, so the writer moves it rather than
writing it twice."""
from __future__ import annotations

import re

from .. import safe_regex
from ..engine.schema import Pattern
from ..model import Document, Paragraph
from ..normalize import compact

FINDING_KIND = "missing-section"
PARAMS = {
    "sections": (list[str], True),  # canonical section ids, in the order the profile lists them
    "discussed_when": (dict[str, list[Pattern]], False),  # section id → regexes that show its subject in prose
}
# the fields its messages may name (engine.template)
FIELDS = ("discussed_en", "discussed_zh", "section", "title_en", "title_zh")


def validate(params: dict, vocab) -> str | None:
    unknown = [s for s in params["sections"] + list(params.get("discussed_when", {})) if s not in vocab.by_id]
    if unknown:
        return f"unknown section id(s) {unknown}; known: {sorted(vocab.by_id)}"
    return None


def check(doc: Document, rule):
    present = {h.section_id for h in doc.headings if h.section_id and not h.table_label}
    vocab_titles = {s.id: s for s in _vocab().sections}
    order = rule.params["sections"]
    for sid in order:
        if sid in present:
            continue
        at = _insertion_point(doc, order, sid)
        where_zh, where_en = _discussed(doc, rule.params.get("discussed_when", {}).get(sid, []))
        term = vocab_titles[sid]
        title_zh = term.zh_2008 if doc.profile == "2008" else term.zh
        yield rule.finding(FINDING_KIND, start=at, section=sid, title_zh=title_zh, title_en=term.en,
                           discussed_zh=where_zh, discussed_en=where_en)


def _vocab():
    from ..grammar.vocabulary import load_vocabulary

    return load_vocabulary()


def _insertion_point(doc: Document, order: list[str], sid: str) -> int | None:
    """Where the section belongs: at the next mandated section that is there, else at the end."""
    later = order[order.index(sid) + 1:]
    for section in doc.sections:
        if section.id in later:
            return section.start
    return doc.sections[-1].start if doc.sections else None


_SENTENCE_END = "。！？!?\n"  # not ；: a contents list (总体情况；主动公开…；) is one sentence
# A sentence announcing the report's parts: 全文包括…, 本报告主要包括：…；…, 分为…四个部分.
_CONTENTS = re.compile(r"(?:全文|本报告|报告|内容|年报)(?:主要)?(?:包括|分为|分成|由)|以下几个部分|如下几个部分"
                       r"|[0-9一二三四五六七八九十两]+个?部分")
_OPENING = 18  # characters of a sentence's opening that find it with Ctrl+F


def _discussed(doc: Document, patterns: list[str]) -> tuple[str, str]:
    """Where the subject is treated: the first sentence matching a pattern that is not a mere list
    of section names (an introduction's 「全文包括总体情况、主动公开…、依申请公开…」), quoted by its
    opening words with the heading it sits under; nothing when there is none."""
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        norm = doc.norm[block.start:block.end]
        for p in patterns:
            for match in safe_regex.user_pattern(p).finditer(norm):
                begin, end = _sentence(norm, match.start(), match.end())
                if _names_sections(norm[begin:end]) or _in_title(norm, match.start()):
                    continue
                # quoted from the clause that holds the match (after a ；, which the normalised text writes ;)
                begin = max(begin, norm.rfind(";", begin, match.start()) + 1)
                return _where(doc, block.start + begin, " ".join(doc.text[block.start + begin:block.start + end].split()))
    return "", ""


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    stops = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    return begin, (min(stops) + 1 if stops else len(text))


def _names_sections(sentence: str) -> bool:
    """A sentence naming three or more of the mandated sections, or announcing the report's parts
    and naming one, lists them; it treats none."""
    key = compact(sentence)
    named = sum(1 for term in _vocab().sections if any(k.search(key) for k in term.keywords))
    return named >= 3 or (named >= 1 and bool(_CONTENTS.search(key)))


def _in_title(text: str, at: int) -> bool:
    """Inside 《…》: the name of a regulation or notice (《依申请公开政府信息办法》), not a discussion."""
    opened = text.rfind("《", 0, at)
    return opened >= 0 and text.find("》", opened, at) < 0


def _where(doc: Document, offset: int, sentence: str) -> tuple[str, str]:
    opening = sentence[:_OPENING] + ("…" if len(sentence) > _OPENING else "")
    owner = doc.section_at(offset)
    title = " ".join(f"{owner.heading.marker}{owner.heading.title}".split())[:24] if owner and owner.heading else ""
    if title:
        return (f"；相关内容见「{title}」下「{opening}」一句，应单列成节",
                f'; it is discussed under "{title}" in the sentence beginning "{opening}" and belongs in its own section')
    return (f"；相关内容见「{opening}」一句，应单列成节",
            f'; it is discussed in the sentence beginning "{opening}" and belongs in its own section')
