"""The issuing body's name as the document gives it: in the title, the self-declaration
(现公布××局2024年…年度报告, 本报告由××编制), the page's publisher field, the signature, the
contact sentence (请与××办公室联系) or the first sentence (2023年，××局坚持…) — the title's name
first, widened to the fuller form another place gives (公安局 → 平潭县公安局, 区执法应急局 →
平潭综合实验区综合执法与应急管理局, 城关镇 → 城关镇人民政府), so that 我局 and abbreviations stand
only when the document names the body nowhere else. Read from the normalised text, so traditional
characters come out simplified, and from lines the furniture was taken off (furniture.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import yamlsafe
from ..model import Document
from ..normalize import compact
from ..paths import builtin_rules_dir

_NAME = r"([\u4e00-\u9fff（）()]{2,40}?)"
_YEAR = r"(?:19|20)\d\d"
_TITLE_PREFIX = re.compile(r"^(?:关于(?:报送|上报|呈报|提交|公布|发布|印发)?)?[《\"“]?")
_BEFORE_YEAR = re.compile(_NAME + r"(?:关于)?(?:" + _YEAR + r")")
_AFTER_YEAR = re.compile(_YEAR + r"\s*年度?" + _NAME + r"(?:政府信息公开|信息公开|政务公开)")
_NO_YEAR = re.compile("^" + _NAME + r"(?:政府信息公开|信息公开|政务公开)")
_DECLARATIONS = tuple(re.compile(p) for p in (
    r"现(?:予以?|予)?公布" + _NAME + _YEAR + "年",
    r"本(?:年度)?报告由" + _NAME + r"(?:依据.{0,30}?|根据.{0,30}?)?编制",
    r"由" + _NAME + r"(?:依据|根据).{0,30}?编制",
    r"由" + _NAME + r"编制(?:完成|而成)?(?:本|此|的)",
    r"(?:特|现)编制(?:了)?" + _NAME + _YEAR + "年",
    r"现将" + _NAME + _YEAR + "年",
    r"向社会公布" + _NAME + _YEAR,
))
_CONTACT = re.compile(r"(?:与|联系)" + _NAME + r"(?:办公室|党政办公室|党政办|综合科|综合办公室|综合办|政务公开办公室|政务公开办)?"
                      r"(?:联系|[(（]地址)")
_MENTION = re.compile(_YEAR + r"年(?:度|以来)?[,，]" + _NAME
                      + r"(?:坚持|认真|深入|全面|始终|紧紧|紧密|严格|按照|围绕|持续|继续|高度|进一步|积极|以|在|根据|依据)")
_DATE_TAIL = re.compile(r"\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\s*$")
_REGION_OF_TOWNSHIP = re.compile(r"(镇|乡)$")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern, re.Pattern]:
    with open(builtin_rules_dir() / "document.yaml", encoding="utf-8") as fh:
        data = yamlsafe.load(fh)["body_name"]
    return re.compile(data["suffix"]), re.compile(data["not_a_name"])


def is_body_name(name: str | None) -> bool:
    """Ends like the name of an administrative body and is not a stand-in (我局, 本机关, 政府)."""
    if not name or len(name) < 2:
        return False
    suffix, not_a_name = _vocabulary()
    return bool(suffix.search(name)) and not not_a_name.match(name)


def from_title(title: str | None) -> str | None:
    """平潭县公安局2021年…, 2022年上海市政府信息公开…, 城关镇政府信息公开工作年度报告."""
    if not title:
        return None
    text = _TITLE_PREFIX.sub("", compact(title.replace("\n", "")))
    for pattern in (_BEFORE_YEAR, _AFTER_YEAR, _NO_YEAR):
        m = pattern.match(text) if pattern is not _AFTER_YEAR else pattern.search(text)
        if m and is_body_name(m.group(1)):
            return m.group(1)
    return None


def from_declaration(opening: str) -> str | None:
    text = compact(opening[:3000])
    for pattern in _DECLARATIONS:
        for m in pattern.finditer(text):
            if is_body_name(m.group(1)):
                return m.group(1)
    return None


def from_signature(doc: Document) -> str | None:
    """The body's name on one of the last lines, before or beside the signature date."""
    lines = [line.strip() for line in doc.norm[-1500:].split("\n") if line.strip()][-15:]
    for i in range(len(lines) - 1, -1, -1):
        line = _DATE_TAIL.sub("", lines[i])
        dated = line != lines[i] or (i + 1 < len(lines) and _DATE_TAIL.match(" " + lines[i + 1]))
        name = compact(line)
        if dated and len(name) <= 30 and not re.search(r"[\d，。,;；:：]", name) and is_body_name(name):
            return name
    return None


def _first(pattern: re.Pattern, text: str) -> str | None:
    for m in pattern.finditer(text):
        if is_body_name(m.group(1)):
            return m.group(1)
    return None


def _widened(name: str, fuller: str) -> str:
    """`fuller` cut after the character `name` ends with, when `name` is an abbreviation of it: its
    characters in order (区执法应急局 in 平潭综合实验区综合执法与应急管理局, 公安局 in 平潭县公安局办公室)."""
    it = 0
    for i, ch in enumerate(fuller):
        if it < len(name) and ch == name[it]:
            it += 1
            if it == len(name):
                return fuller[:i + 1]
    return name


def body_name(doc: Document, opening: str, title: str | None, publisher: str | None) -> tuple[str | None, str]:
    """(name, where it was found) — None, "" when the document names no body."""
    publisher = compact(publisher) if publisher else None
    candidates = [
        ("title", from_title(title)),
        ("declaration", from_declaration(opening)),
        ("publisher", publisher if is_body_name(publisher) else None),
        ("signature", from_signature(doc)),
        ("contact", _first(_CONTACT, compact(opening[:4000]) + compact(doc.norm[-1500:]))),
        ("mention", _first(_MENTION, compact(opening[:4000]))),
    ]
    found = [(source, name) for source, name in candidates if name]
    if not found:
        return None, ""
    source, name = found[0]
    for _, other in found[1:]:
        wider = _widened(name, other)
        if len(wider) > len(name):
            name = wider
    # A township's full name is its people's government's: 城关镇 → 城关镇人民政府, when the text says so.
    if _REGION_OF_TOWNSHIP.search(name) and name + "人民政府" in doc.norm:
        name += "人民政府"
    elif name.endswith("街道") and name + "办事处" in doc.norm:
        name += "办事处"
    return name, source
