"""Page furniture: what a government site prints around an article — navigation, breadcrumbs,
font-size and accessibility bars, share/print/close links, visit counters, footers, the site's
date line — told apart from the article, and the metadata table (索引号, 发布机构, 成文日期 …)
read for its values.

Readers keep furniture they cannot place (a saved page's text, a page opening copied as text), so
the facts (title, kind, year, body) look past it here, whatever the format. The vocabulary is data:
the `furniture` mapping of rules/document.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import yamlsafe
from .paths import builtin_rules_dir

_SEPARATORS = "|｜•·●▪■◆"
_SPACES = " \t\u3000\u00a0"


@dataclass(frozen=True)
class FurnitureVocabulary:
    line: re.Pattern  # a whole line of furniture
    prefix: re.Pattern  # furniture glued before the article's first words
    crumb_start: re.Pattern  # a breadcrumb's opening (您的位置：首页 …)
    crumb_tail: re.Pattern  # a column name a breadcrumb ends with, glued to the title
    meta_key: re.Pattern  # a metadata label, spaces allowed between its characters
    meta_canonical: dict[str, str]  # label without spaces → title | publisher | date | other


# A prefix token may sit in brackets and be followed by a bar or a colon: 【打印】｜【关闭】.
_WRAPPED = r"(?:[【\[（(]?\s*(?:{})\s*[】\]）)]?[\s|｜/:：]*)"


def _spaced(word: str) -> str:
    """標 題, 索 引 号: sites pad two- and three-character labels with spaces."""
    return r"[ \u3000]*".join(re.escape(ch) for ch in word)


@lru_cache(maxsize=2)
def load(path: str | None = None) -> FurnitureVocabulary:
    data = yamlsafe.load_file(path or str(builtin_rules_dir() / "document.yaml"))["furniture"]
    canonical = {}
    for role, words in data["metadata"].items():
        for word in words:
            canonical[word] = role
    keys = sorted(canonical, key=len, reverse=True)
    return FurnitureVocabulary(
        line=re.compile("|".join(f"(?:{p})" for p in data["line"])),
        prefix=re.compile("^(?:" + "|".join(_WRAPPED.format(p) for p in data["prefix"]) + ")+"),
        crumb_start=re.compile("^(?:" + "|".join(data["breadcrumb"]["start"]) + ")"),
        crumb_tail=re.compile("(?:" + "|".join(data["breadcrumb"]["tail"]) + ")"),
        meta_key=re.compile(r"(?:^|(?<=[\s|｜•]))(?:" + "|".join(_spaced(k) for k in keys)
                            + r")(?:[ \u3000]*[:：|｜][ \u3000]*|[ \u3000]+|$)"),
        meta_canonical=canonical,
    )


def is_furniture(line: str) -> bool:
    """The whole line is site furniture (a navigation bar, a counter, a footer, a site date)."""
    text = line.strip(_SPACES + _SEPARATORS)
    if not text:
        return True
    return load().line.search(text) is not None


_CRUMB_SPLIT = re.compile(r"\s*(?:>>|»|＞|>|›|→|/|／|\\)\s*")


def strip_furniture(line: str) -> str:
    """The line without the furniture glued before its first words: 「登录注册无障碍浏览兴华乡…」 →
    「兴华乡…」, 「首页/…/正文张家湾镇…」 → 「张家湾镇…」, 「您的位置:首页>…信息公开年报相山区外资办…」 →
    「相山区外资办…」. A line that is all furniture comes back empty."""
    vocab = load()
    # Question marks in front are characters a wrong decoding lost (??一、总体情况), never words.
    text = line.strip(_SPACES + _SEPARATORS).lstrip("?" + _SPACES)
    for _ in range(4):
        before = text
        m = vocab.prefix.match(text)
        if m:
            text = text[m.end():].lstrip(_SPACES + _SEPARATORS + ":：")
        if vocab.crumb_start.match(text) or _looks_like_crumbs(text) or text[:1] in ">»＞›":
            text = _after_crumbs(text, vocab)
        if text == before:
            break
    # Page fields printed after the title on the same line: 「…年度报告 来源：…管委会 时间：2013-02-25」.
    key = next((k for k in vocab.meta_key.finditer(text) if k.start() > 0), None)
    if key:
        text = text[:key.start()].rstrip(_SPACES + _SEPARATORS)
    return "" if is_furniture(text) else text


def _looks_like_crumbs(text: str) -> bool:
    """首页 > 政务公开 > 部门公开 > …: a path of short names that starts at the home page."""
    return text.startswith("首页") and len(_CRUMB_SPLIT.split(text)) >= 2


def _after_crumbs(text: str, vocab: FurnitureVocabulary) -> str:
    parts = [p for p in _CRUMB_SPLIT.split(text) if p]
    last = parts[-1] if parts else ""
    if len(parts) <= 1:
        last = vocab.crumb_start.sub("", text, count=1)
    # The title glued to the path's last column: 「信息公开年报相山区外资办2023年…」, 「正文张家湾镇…」.
    ends = [m.end() for m in vocab.crumb_tail.finditer(last)]
    year = re.search(r"(?:19|20)\d\d", last)
    ends = [e for e in ends if not year or e <= year.start()]
    if ends:
        last = last[ends[-1]:]
    elif len(parts) > 1:
        return ""  # the path's own last step (…> 2020年年报): the page's title is printed below it
    last = last.strip(_SPACES + _SEPARATORS + ":：")
    # A path that ends in a column name (首页 > 公开领域 > 城乡规划) is all furniture; a title glued
    # to it names its year.
    return last if re.search(r"(?:19|20)\d\d", last) else ""


@dataclass
class Metadata:
    """The values of a page's metadata table; the line numbers it took up."""
    title: str | None = None
    publisher: str | None = None
    dates: list[str] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)


def read_metadata(lines: list[str], limit: int = 60) -> Metadata:
    """Values of 「标 题｜…」「发布机构：…」「成文日期 2024-01-16」 rows in the first `limit` lines:
    a label and its value on one line (several pairs a line), or the value on the next line."""
    vocab = load()
    meta = Metadata()
    pending: str | None = None
    for i, raw in enumerate(lines[:limit]):
        line = raw.strip(_SPACES + _SEPARATORS)
        if not line:
            continue
        keys = list(vocab.meta_key.finditer(line)) if len(line) <= 240 else []
        if not keys or keys[0].start() > 0:
            if pending and len(line) <= 80 and not keys and _fits(pending, line):
                _take(meta, pending, line)
                meta.lines.add(i)
                pending = None
                continue
            pending = None
            if not keys:
                continue
        else:
            meta.lines.add(i)  # a line of fields; fields after a title on its line are read too
        pending = None
        for n, key in enumerate(keys):
            end = keys[n + 1].start() if n + 1 < len(keys) else len(line)
            label = re.sub(r"[\s:：|｜]", "", key.group(0))
            value = line[key.end():end].strip(_SPACES + _SEPARATORS + ":：")
            role = vocab.meta_canonical.get(label, "other")
            if value:
                _take(meta, role, value)
            elif n + 1 == len(keys):
                pending = role
    return meta


_CJK_RUN = re.compile("[\u4e00-\u9fff]{4}")
_DATE_VALUE = re.compile(r"^(?:19|20)\d\d\s*[-年./]")


def _fits(role: str, value: str) -> bool:
    """A value printed on the line below its label, not the next thing on the page (the title
    after a last empty field such as 「时效」)."""
    if role == "date":
        return bool(_DATE_VALUE.match(value))
    if role == "publisher":
        return len(value) <= 30 and not re.search(r"\d", value)
    if role == "other":
        return not _CJK_RUN.search(value)
    return True


def _take(meta: Metadata, role: str, value: str) -> None:
    if role == "title" and meta.title is None and len(value) >= 4:
        meta.title = value
    elif role == "publisher" and meta.publisher is None:
        meta.publisher = value.split()[0] if value.split() else None
    elif role == "date":
        meta.dates.append(value)
