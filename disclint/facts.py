"""Document facts: is it a report at all, which year it reports on, who issued it, when it was
published, and so which profile of rules applies (regulation.md §2) — decided from the opening as a
person reads it, with the page furniture set aside (furniture.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import furniture, yamlsafe

from .content.body_name import body_name, from_title, has_body_suffix
from .content.dates import valid_date
from .model import Document, Heading, Paragraph
from .normalize import compact
from .paths import builtin_rules_dir

_META_DATE = re.compile(
    r"(?:发布时间|发布日期|发文日期|公开日期|成文日期|印发日期|生成日期|时间)\s*:?\s*\|?\s*((?:19|20)\d\d)[-年./]([01]?\d)[-月./]([0-3]?\d)")
_SIGNED_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*([01]?\d)\s*月\s*([0-3]?\d)\s*日")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_YEAR_BEFORE_REPORT = re.compile(r"((?:19|20)\d\d)\s*年度?[^。,;]{0,30}?信息公开")
_DECLARED_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?[^。,，;《》]{0,24}?(?:报告|年报)")
_PERIOD_YEAR = re.compile(r"((?:19|20)\d\d)")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_HAN = re.compile("[\u4e00-\u9fff]")
_HEAD_CHARS = 6000
_HEAD_LINES = 80
_TITLE_MAX = 90  # a title line is short and is not a sentence
_TITLE_LIKE = re.compile(r"(?:19|20)\d\d.{0,40}(?:报告|年报)|信息公开.{0,16}(?:报告|年报)|"
                         r"(?:通知|通报|方案|要点|制度|办法|意见|指南|总结|规划|计划|细则|函|公告|规定)$")


@dataclass(frozen=True)
class DocumentVocabulary:
    report: tuple[re.Pattern, ...]
    about_report: tuple[re.Pattern, ...]
    wrapper: tuple[re.Pattern, ...]
    not_report: tuple[re.Pattern, ...]
    institution: tuple[re.Pattern, ...]
    institution_opening: tuple[re.Pattern, ...]
    about_opening: tuple[re.Pattern, ...]
    declaration: tuple[re.Pattern, ...]
    statistics_period: tuple[re.Pattern, ...]
    min_sections: int
    layouts: dict[str, tuple[re.Pattern, ...]]


@lru_cache(maxsize=4)
def load_document_vocabulary(path: str | None = None) -> DocumentVocabulary:
    data = yamlsafe.load_file(str(path or builtin_rules_dir() / "document.yaml"))
    pats = lambda xs: tuple(re.compile(x) for x in xs)  # noqa: E731
    return DocumentVocabulary(
        report=pats(data["title"]["report"]),
        about_report=pats(data["title"]["about_report"]),
        wrapper=pats(data["title"]["wrapper"]),
        not_report=pats(data["title"]["not_report"]),
        institution=pats(data["institution"]),
        institution_opening=pats(data["institution_opening"]),
        about_opening=pats(data["about_opening"]),
        declaration=pats(data["declaration"]),
        statistics_period=pats(data["statistics_period"]),
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


@dataclass
class Head:
    """The document's opening as a reader sees it: its lines without page furniture (with their
    offsets in the text), and the page's metadata fields read for their values."""
    lines: list[tuple[str, int]]  # (line as printed, furniture taken off; offset of its first character)
    meta: furniture.Metadata
    text: str  # the lines joined, for the declaration and year patterns

    @classmethod
    def read(cls, doc: Document) -> "Head":
        norm = doc.norm[:_HEAD_CHARS]
        raw: list[tuple[str, int]] = []
        pos = 0
        for line in norm.split("\n")[:_HEAD_LINES]:
            raw.append((line, pos))
            pos += len(line) + 1
        meta = furniture.read_metadata([line for line, _ in raw], limit=_HEAD_LINES)
        lines = []
        for i, (line, at) in enumerate(raw):
            if i in meta.lines or line.lstrip().startswith("<!--"):
                continue
            cleaned = furniture.strip_furniture(line)
            if cleaned:
                lines.append((cleaned, at + max(0, line.find(cleaned))))
        return cls(lines=lines, meta=meta, text="\n".join(line for line, _ in lines))


def _title(doc: Document, head: Head) -> tuple[str | None, int | None]:
    """The title as written, and its offset: the page's 标题 field, else the first line of the opening
    a reader takes for a title (furniture and breadcrumbs set aside), with the body's name printed
    on the line above and its own continuation lines, else the first short lines."""
    vocab = load_document_vocabulary()
    if head.meta.title and len(re.findall("[\u4e00-\u9fff]", head.meta.title)) >= 4:
        at = doc.norm.find(head.meta.title[:12])
        return head.meta.title, (at if at >= 0 else None)
    first_section = min((h.start for h in doc.headings if h.section_id), default=len(doc.norm))
    lines = [(text, at) for text, at in head.lines if at < first_section]
    candidates = [i for i, (text, _) in enumerate(lines) if _could_be_title(text)]
    i = next((i for i in candidates
              if _names_a_document(_joined(lines, i), vocab) or _TITLE_LIKE.search(compact(_joined(lines, i)))), None)
    if i is not None:
        text, at = _joined(lines, i), lines[i][1]
        prev = compact(lines[i - 1][0]) if i else ""
        if (prev and len(prev) <= 30 and not re.search(r"\d", prev) and has_body_suffix(prev)
                and re.match(r"(?:19|20)\d\d|关于|政府信息公开|信息公开", compact(text))):
            # 「北京市大兴区商务局」 over 「2023年政府信息公开工作年度报告」
            return lines[i - 1][0] + text, lines[i - 1][1]
        return text, at
    # No title-like line: the first short paragraphs that are not furniture (a heading-only text, a
    # title run into its first heading on one line: 「乡镇政府信息主动公开制度一、…」).
    picked: list[str] = []
    first = None
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.section_id:
                break
            continue
        if not isinstance(block, Paragraph):
            continue
        text = furniture.strip_furniture(block.text)
        if not text or doc.norm.count("\n", 0, block.start) in head.meta.lines:  # a metadata field
            continue
        if len(text) > 60 or _NOT_A_TITLE.search(text) or re.search("[，,]", text):
            break
        if first is None:
            first = block.start + max(0, block.text.find(text))
        picked.append(text)
        if len(picked) >= 4:
            break
    return ("\n".join(picked) or None), first


# Not a title: a sentence, a label, an article or heading, a bare column name (2020年年报).
_NOT_A_TITLE = re.compile(r"[。；;]|[:：]$|^第[一二三四五六七八九十百零\d]+[条章]|^[（(]?[一二三四五六七八九十]+[、）)]|"
                          r"^(?:19|20)\d\d\s*年度?\s*(?:政府信息公开)?(?:年报|年度报告)$|^(?:根据|依据|按照|本报告|本年度报告)")
_CONTINUES = re.compile(r"^(?:有关事项的|的)?(?:通知|通报|函|意见|公告|决定|批复)$|^(?:政府)?信息公开|^工作|^年度报告|^报告")


def _could_be_title(text: str) -> bool:
    return (len(text) <= _TITLE_MAX and not _NOT_A_TITLE.search(text) and text.count("，") + text.count(",") <= 1
            and len(_HAN.findall(text)) >= 4)


def _names_a_document(text: str, vocab: DocumentVocabulary) -> bool:
    key = compact(text)
    return any(p.search(key) for group in (vocab.report, vocab.about_report) for p in group)


def _joined(lines: list[tuple[str, int]], i: int) -> str:
    """A title printed over several lines: 「…办公室」「关于政府信息公开工作年度报告」「有关事项的通知」,
    「蓬江区2024年政府」「信息公开工作年度报告」."""
    text = lines[i][0]
    for nxt, _ in lines[i + 1:i + 3]:
        key = compact(nxt)
        if len(key) > 30 or not _could_be_title(nxt) or not _CONTINUES.search(key):
            break
        text += nxt
    return text


def _any(patterns, text: str) -> re.Match | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


@dataclass
class GenreVerdict:
    genre: str  # annual-report | not-annual-report
    signals: tuple[str, ...]
    note: str | None = None


def _genre(doc: Document, head: Head, title: str | None, agency: str | None,
          vocab: DocumentVocabulary) -> GenreVerdict:
    """As a person decides: what the title says it is, what the text says it is (self-declaration,
    statistics period), the mandated headings and the tables; one strong signal is enough. A title
    about reports (a notice on compiling them, a 通报, news, an index) decides against the rest."""
    key = compact(title.replace("\n", "")) if title else ""
    opening = compact(head.text[:3000])
    said = []
    if _any(vocab.declaration, opening):
        said.append("declaration")
    if _any(vocab.statistics_period, opening):
        said.append("statistics-period")
    named = {h.section_id for h in doc.headings if h.section_id}
    if len(named) >= vocab.min_sections:
        said.append("sections")
    if any(doc.facts.layout_hits.values()):
        said.append("tables")
    before_year = _ANY_YEAR.split(key)[0] if key else ""
    if (_any(vocab.institution, before_year) or (key and re.search("学年", key))
            or (agency and _any(vocab.institution, agency)) or _any(vocab.institution_opening, opening[:600])):
        return GenreVerdict("not-annual-report", ("institution",))
    # What the title says the document is, its issuer's name aside (宜城市职业技能培训中心 is no 培训).
    named_body = from_title(title) if title else None
    about = key[len(named_body):] if named_body and key.startswith(named_body) else key
    if about and _any(vocab.about_report, about):
        return GenreVerdict("not-annual-report", ("title-about-report",))
    if key and _any(vocab.wrapper, key):
        return GenreVerdict("annual-report" if said else "not-annual-report", ("wrapper",) + tuple(said))
    if key and _any(vocab.report, key):
        return GenreVerdict("annual-report", ("title",) + tuple(said))
    # The tables' labels alone could be quoted by a notice; with one mandated heading they are a report's.
    strong = [s for s in said if s != "tables"] or (["tables"] if "tables" in said and named else [])
    if strong:
        note = "title-not-report" if key and _any(vocab.not_report, key) else None
        return GenreVerdict("annual-report", tuple(said), note)
    if key and _any(vocab.not_report, key):
        return GenreVerdict("not-annual-report", ("title-not-report",))
    if _any(vocab.about_opening, head.text[:1500]):
        return GenreVerdict("not-annual-report", ("opening-about-report",))
    if _opens_with_overview(doc, head):
        return GenreVerdict("annual-report", ("overview-opening",))
    if _any(vocab.report, compact(doc.norm[:600])) and len(named) >= 2:
        return GenreVerdict("annual-report", ("report-words", "sections"))
    return GenreVerdict("not-annual-report", ())


_DISCLOSURE_WORK = re.compile(r"政府信息公开|政务公开|信息公开条例|依申请公开|主动公开")


def _opens_with_overview(doc: Document, head: Head) -> bool:
    """A page that opens on the format's first heading (一、总体情况 / 一、概述) and speaks of
    disclosure work: the opening of a report whose title the page did not keep."""
    first = next((h for h in doc.headings if h.section_id), None)
    if first is None or first.section_id != "overview":
        return False
    before = [text for text, at in head.lines if at < first.start]
    return sum(len(t) for t in before) <= 120 and bool(_DISCLOSURE_WORK.search(doc.norm[first.start:first.start + 1500]))


def _valid(y: str, m: str, d: str) -> str | None:
    day = valid_date(int(y), int(m), int(d))
    return day.isoformat() if day else None


def _year(doc: Document, head: Head, title: str | None, published: str | None,
          vocab: DocumentVocabulary) -> tuple[int | None, str]:
    """The year reported on: the title's, else the self-declaration's, else the statistics
    period's, else the year the opening ties to 信息公开; never a site date (set aside as furniture)
    when one of those says otherwise; the publication date's year before as a last resort."""
    if title:
        m = _YEAR.search(title) or re.search(r"((?:19|20)\d\d)", title)
        if m:
            return int(m.group(1)), "title"
    opening = head.text[:4000]
    period = None
    for pattern in vocab.statistics_period:
        m = pattern.search(opening)
        y = _PERIOD_YEAR.search(opening, m.end(), m.end() + 30) if m else None
        if y:
            period = int(y.group(1))
            break
    for pattern in vocab.declaration:
        m = pattern.search(opening)
        # the year the declared report is of, not a regulation's (2008年市人民政府令第3号)
        y = _DECLARED_YEAR.search(m.group(0)) if m else None
        if y:
            # A declaration copied from last year's report (特向社会公布2018年度… above 统计期限自2019年1月1日
            # 起至2019年12月31日止) is the slip; the period states what the figures cover.
            if period is not None and period != int(y.group(1)):
                return period, "statistics-period"
            return int(y.group(1)), "declaration"
    if period is not None:
        return period, "statistics-period"
    m = _YEAR_BEFORE_REPORT.search(opening[:1500])
    if m:
        return int(m.group(1)), "body"
    years = [int(y) for y in _YEAR.findall(opening[:1500]) if 2007 <= int(y) <= 2035]
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
    """Fill in genre, title, year, published, agency, layout and profile, and the evidence in doc.facts."""
    vocab = load_document_vocabulary()
    head = Head.read(doc)
    title, title_at = _title(doc, head)
    doc.title = title.split("\n")[0] if title else None
    doc.layout, doc.facts.layout_hits = _layout(doc, vocab)
    doc.facts.title_at = title_at
    doc.agency, doc.facts.agency_source = body_name(doc, head.text, title, head.meta.publisher)
    verdict = _genre(doc, head, title, doc.agency, vocab)
    doc.genre = verdict.genre
    doc.facts.genre_signals, doc.facts.genre_note = verdict.signals, verdict.note
    doc.published, doc.facts.published_at = _published(doc)
    doc.year, doc.facts.year_source = _year(doc, head, title, doc.published, vocab)
    if doc.genre == "not-annual-report":
        doc.profile = None
    elif profile:
        doc.profile = profile
    else:
        doc.profile = profile_for_year(doc.year) or {"2019": "2019", "2021": "2021"}.get(doc.layout or "", "2021")
    return doc
