"""Document facts: is it a report at all, which year it reports on, who issued it, when it was
published, and so which profile of rules applies (regulation.md §2)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import yamlsafe

from .content.dates import valid_date
from .model import Document, Heading, Paragraph
from .normalize import compact
from .paths import builtin_rules_dir

_META_TITLE = re.compile(r"^(?:标题|文章标题|题名|名称)\s*:\s*(.+)$", re.M)
_META_AGENCY = re.compile(r"^(?:发布机构|发文机关|信息来源|来源|发布单位)\s*:\s*\|?\s*([^\s|:]{2,30})", re.M)
_META_DATE = re.compile(
    r"(?:发布时间|发布日期|发文日期|公开日期|成文日期|印发日期|生成日期|时间)\s*:?\s*\|?\s*((?:19|20)\d\d)[-年./]([01]?\d)[-月./]([0-3]?\d)")
_SIGNED_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*([01]?\d)\s*月\s*([0-3]?\d)\s*日")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_YEAR_BEFORE_REPORT = re.compile(r"((?:19|20)\d\d)\s*年度?[^。,;]{0,30}?信息公开")
_PERIOD = re.compile(r"统计(?:期限|时限|区间|时间)[^0-9]{0,8}((?:19|20)\d\d)")
_AGENCY_BEFORE_YEAR = re.compile(r"^(?:关于报送)?[《\"]?([^《》\"\s]{2,40}?)\s*(?:关于)?(?:报送)?(?:(?:19|20)\d\d)\s*年")
_AGENCY_AFTER_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?\s*([^《》\"\s]{2,30}?)(?:政府信息公开|信息公开|政务公开)")
_AGENCY_SUFFIX = re.compile(r"(人民政府|政府|委员会|办公室|办公厅|局|委|办|厅|署|院|镇|乡|街道|街道办事处|管委会|实验区|中心|区|县|市)$")


@dataclass(frozen=True)
class DocumentVocabulary:
    report: tuple[re.Pattern, ...]
    never_report: tuple[re.Pattern, ...]
    not_report: tuple[re.Pattern, ...]
    min_sections: int
    layouts: dict[str, tuple[re.Pattern, ...]]


@lru_cache(maxsize=4)
def load_document_vocabulary(path: str | None = None) -> DocumentVocabulary:
    file = Path(path) if path else builtin_rules_dir() / "document.yaml"
    with open(file, encoding="utf-8") as fh:
        data = yamlsafe.load(fh)
    pats = lambda xs: tuple(re.compile(x) for x in xs)  # noqa: E731
    return DocumentVocabulary(
        report=pats(data["title"]["report"]),
        never_report=pats(data["title"]["never_report"]),
        not_report=pats(data["title"]["not_report"]),
        min_sections=int(data["min_sections_without_title"]),
        layouts={k: pats(v) for k, v in data["layouts"].items()},
    )


def profile_for_year(year: int | None) -> str | None:
    if year is None:
        return None
    if year <= 2018:
        return "2008"
    if year <= 2020:
        return "2019"
    return "2021"


def _title_zone(doc: Document) -> tuple[str | None, int | None]:
    """The title as written, and its offset: a "标题:" field, else the first short lines."""
    m = _META_TITLE.search(doc.norm[:3000])
    if m:
        return doc.text[m.start(1):m.end(1)].strip(), m.start(1)
    lines: list[str] = []
    first = None
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.section_id:
                break
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if not text or text.startswith("<!--") or re.match(r"^(索引号|主题分类|发文日期|发布机构|文号|发布时间|发布日期|字体|当前位置|来源)", text):
            continue
        if len(text) > 60:
            break
        if first is None:
            first = block.start
        lines.append(text)
        if len(lines) >= 4:
            break
    return ("\n".join(lines) or None), first


def _kind(doc: Document, title: str | None, vocab: DocumentVocabulary) -> str:
    if title:
        key = compact(title.replace("\n", ""))
        if any(p.search(key) for p in vocab.never_report):
            return "not-annual-report"
        if any(p.search(key) for p in vocab.report):
            return "annual-report"
        if any(p.search(key) for p in vocab.not_report):
            return "not-annual-report"
    named = {h.section_id for h in doc.headings if h.section_id}
    if len(named) >= vocab.min_sections:
        return "annual-report"
    head = compact(doc.norm[:600])
    if any(p.search(head) for p in vocab.report) and len(named) >= 2:
        return "annual-report"
    return "not-annual-report"


def _valid(y: str, m: str, d: str) -> str | None:
    day = valid_date(int(y), int(m), int(d))
    return day.isoformat() if day else None


def _year(doc: Document, title: str | None, published: str | None) -> tuple[int | None, str]:
    if title:
        m = _YEAR.search(title) or re.search(r"((?:19|20)\d\d)", title)
        if m:
            return int(m.group(1)), "title"
    head = doc.norm[:1500]
    m = _YEAR_BEFORE_REPORT.search(head)
    if m:
        return int(m.group(1)), "body"
    m = _PERIOD.search(doc.norm[:4000])
    if m:
        return int(m.group(1)), "statistics-period"
    years = [int(y) for y in _YEAR.findall(head) if 2007 <= int(y) <= 2035]
    if years:
        return max(set(years), key=years.count), "body"
    if published:
        return int(published[:4]) - 1, "published"
    return None, ""


def _published(doc: Document) -> tuple[str | None, int | None]:
    m = _META_DATE.search(doc.norm[:3000])
    if m:
        iso = _valid(*m.groups())
        if iso:
            return iso, m.start(1)
    tail_start = max(0, len(doc.norm) - 400)
    found = list(_SIGNED_DATE.finditer(doc.norm, tail_start))
    for m in reversed(found):
        iso = _valid(*m.groups())
        if iso:
            return iso, m.start()
    return None, None


def _agency(doc: Document, title: str | None) -> str | None:
    m = _META_AGENCY.search(doc.norm[:3000])
    if m and _AGENCY_SUFFIX.search(m.group(1)):
        return m.group(1)
    if title:
        t = compact(title.replace("\n", ""))
        for pattern in (_AGENCY_BEFORE_YEAR, _AGENCY_AFTER_YEAR):
            m = pattern.search(t)
            if m and _AGENCY_SUFFIX.search(m.group(1)):
                return m.group(1)
    return None


_TABLE_CONTEXT = re.compile(r"第二十条|信息内容|申请人情况|本列数据")


def _layout(doc: Document, vocab: DocumentVocabulary) -> tuple[str | None, dict[str, list[int]]]:
    """Which era's table labels the report uses. A signal counts only inside a table (shortly after
    a 第二十条 caption or the application table's header): prose may name 其他对外管理服务事项 too."""
    anchors = [m.start() for m in _TABLE_CONTEXT.finditer(doc.norm)]
    near = lambda pos: any(0 <= pos - a <= 600 for a in anchors)  # noqa: E731
    hits = {era: [m.start() for p in pats for m in p.finditer(doc.norm) if near(m.start())]
            for era, pats in vocab.layouts.items()}
    eras = [era for era, where in hits.items() if where]
    if len(eras) == 1:
        return eras[0], hits
    if len(eras) > 1:
        return "mixed", hits
    return None, hits


def establish_facts(doc: Document, profile: str | None = None) -> Document:
    """Fill in kind, title, year, published, agency, layout and profile."""
    vocab = load_document_vocabulary()
    title, title_at = _title_zone(doc)
    doc.title = title.split("\n")[0] if title else None
    doc.kind = _kind(doc, title, vocab)
    doc.published, published_at = _published(doc)
    doc.year, year_source = _year(doc, title, doc.published)
    doc.agency = _agency(doc, title)
    doc.layout, layout_hits = _layout(doc, vocab)
    doc.facts.update(title_at=title_at, published_at=published_at, year_source=year_source, layout_hits=layout_hits)
    if doc.kind == "not-annual-report":
        doc.profile = None
    elif profile:
        doc.profile = profile
    else:
        doc.profile = profile_for_year(doc.year) or {"2019": "2019", "2021": "2021"}.get(doc.layout or "", "2021")
    return doc
