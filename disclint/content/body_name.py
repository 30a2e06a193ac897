"""The issuing body's name as the document gives it: in the title, the self-declaration
(现公布××局2024年…年度报告, 本报告由××编制), the page's publisher field, the signature, the
contact sentence (请与××办公室联系) or the first sentence (2023年，××局坚持…) — the title's name
first, widened to the fuller form another place gives (公安局 → 平潭县公安局, 区执法应急局 →
平潭综合实验区综合执法与应急管理局, 城关镇 → 城关镇人民政府), so that 我局 and abbreviations stand
only when the document names the body nowhere else. Read from the normalised text, so traditional
characters come out simplified, and from lines the furniture was taken off (furniture.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import yamlsafe
from ..model import Document
from ..normalize import compact, compact_normalised
from ..paths import builtin_rules_dir

_NAME = r"([\u4e00-\u9fff（）()]{2,40}?)"
_ONLY_HAN = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()]*$")
_YEAR = r"(?:19|20)\d\d"
_TITLE_PREFIX = re.compile(r"^(?:关于(?:报送|上报|呈报|提交|公布|发布|印发)?)?[《\"“]?")
_BEFORE_YEAR = re.compile(r"([\u4e00-\u9fff（）()、]{2,60}?)(?:关于)?(?:" + _YEAR + r")")
_TRAILING_ALIAS = re.compile(r"[（(][^（）()]{1,20}[）)]$")
_AFTER_YEAR = re.compile(_YEAR + r"\s*年度?" + _NAME + r"(?:政府信息公开|信息公开|政务公开)")
_NO_YEAR = re.compile("^" + _NAME + r"(?:政府信息公开|信息公开|政务公开)")
_DECLARATIONS = tuple(re.compile(p) for p in (
    r"现(?:予以?|予)?公布" + _NAME + _YEAR + "年",
    r"本(?:年度)?报告由" + _NAME + r"(?:依据.{0,30}?|根据.{0,30}?)?编制",
    r"由" + _NAME + r"(?:依据|根据).{0,30}?编制",
    r"由" + _NAME + r"编制",
    r"由" + _NAME + r"(?:负责|牵头|组织|根据|依据|按照)",
    r"(?:特|现)编制(?:了)?" + _NAME + _YEAR + "年",
    r"现将" + _NAME + "(?:" + _YEAR + "年度?)?(?:政府信息公开|信息公开|政务公开)",
    r"向社会公布" + _NAME + _YEAR,
    r"(?:^|[,，。])" + _NAME + r"(?:现将|特将|现编制|特编制|现公布)",  # …要求,滨湖街现将2021年度…报告如下
))
_CONTACT = re.compile(r"(?:与|联系[:：]?)([\u4e00-\u9fff（）()]{2,50}?)(?:联系|[(（]地址|[,，;；](?:地址|邮编|电话|联系电话))")
_CONTACT_OFFICE = re.compile(r"(?:党政综合办公室|党政综合办|党政办公室|党政办|综合科|综合处|秘书科|综合办公室|综合办|办公室)$")
# 北京市环境保护局(以下简称“我局”): the document defines its own body.
_DEFINED = re.compile(_NAME + r"[（(](?:以下)?简称[“\"]?(?:我|本)")
_MENTION = re.compile(r"(?:" + _YEAR + r"年(?:度|以来)?[,，]?(?:在[^，,。]{2,30}[,，])?|[,，。])" + _NAME
                      + r"(?:坚持|认真|深入|全面|始终|紧紧|紧密|严格|按照|围绕|持续|继续|高度|进一步|积极|通过|以|在|根据|依据)")
_DATE_TAIL = re.compile(r"\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\s*$")


@dataclass(frozen=True)
class _Vocabulary:
    suffix: re.Pattern
    not_a_name: re.Pattern
    not_inside: re.Pattern
    left_of_name: re.Pattern
    full_form: tuple[tuple[re.Pattern, str], ...]
    full_form_not: re.Pattern


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = yamlsafe.load_file(str(builtin_rules_dir() / "document.yaml"))["body_name"]
    return _Vocabulary(suffix=re.compile(data["suffix"]), not_a_name=re.compile(data["not_a_name"]),
                       not_inside=re.compile(data["not_inside"]),
                       left_of_name=re.compile(data["left_of_name"]),
                       full_form=tuple((re.compile(p), add) for p, add in data["full_form"]),
                       full_form_not=re.compile(data["full_form_not"]))


def full_form(name: str, text: str) -> str:
    """The body's official name when the document prints it somewhere besides the short form it
    uses in the title: 城关镇 → 城关镇人民政府, 东街街道 → 东街街道办事处, 阿里地区 → 阿里地区行政公署."""
    vocab = _vocabulary()
    if vocab.full_form_not.search(name):
        return name
    own = _own_name(name)
    for pattern, add in vocab.full_form:
        if pattern.search(name):
            # 文昌市铺前镇 printed, 铺前镇人民政府 signed
            return own + add if own + add in text or name + add in text else name
    return name


# A government's name after its parent regions: 如皋市长江镇 → 长江镇, 上海市长宁区 → 长宁区,
# 临夏回族自治州广河县 → 广河县; the parent must end like a region and the rest still name one.
_PARENT_REGION = re.compile(r"^(.{2,12}?(?:省|自治区|自治州|地区|市|州|盟|县|区|旗)(?:人民政府|政府)?)"
                            r"(.{2,}?(?:镇|乡|街道|苏木|县|区|市|旗)(?:人民政府|办事处)?)$")


def _own_name(name: str) -> str:
    m = _PARENT_REGION.match(name)
    while m and not _vocabulary().full_form_not.search(m.group(2)):
        name = m.group(2)
        m = _PARENT_REGION.match(name)
    return name


_DISCLOSURE_OFFICE = re.compile(r"(?:信息公开|政务公开)(?:工作)?(?:领导小组|办公室|中心|办)")
# Traditional characters of place and body names that the text's normal form leaves as they are.
_NAME_FOLD = str.maketrans(
    "壯蘭張爾寧遼蘇閩贛魯粵瓊貴陝慶灣豐華嶺漢鶴烏崗湯瀋臺壩溝滬鄭錫興濱潤萊濰隴雞麗黃紹餘灤薊滄鄲晉聖懷龍綏嶽甯廈藍蓮溫揚連雲鹽蕪銅馬紅橫嶼澤濟隨鄖荊麥瀘綿內樂資達閬銀區縣鄉廳辦東陽關開務發執監審計統質農業財園營體術檔鐵線陰陸順館駐會議環護劃總機稅鄰貿經態圖書醫療藥險員黨組織紀檢軍軟網數據價糧儲備電氣節獎勵傳眾導設運輸擴",
    "壮兰张尔宁辽苏闽赣鲁粤琼贵陕庆湾丰华岭汉鹤乌岗汤沈台坝沟沪郑锡兴滨润莱潍陇鸡丽黄绍余滦蓟沧郸晋圣怀龙绥岳宁厦蓝莲温扬连云盐芜铜马红横屿泽济随郧荆麦泸绵内乐资达阆银区县乡厅办东阳关开务发执监审计统质农业财园营体术档铁线阴陆顺馆驻会议环护划总机税邻贸经态图书医疗药险员党组织纪检军软网数据价粮储备电气节奖励传众导设运输扩")


def _fold(name: str) -> str:
    return name.translate(_NAME_FOLD)


def _plain(name: str | None) -> str | None:
    """The name without the words before it (「向社会公布榆盘镇」 → 榆盘镇), the first of joint bodies
    (城南办事处、城南园区), without an alias in brackets (城南办事处(城南园区))."""
    if not name:
        return name
    name = _TRAILING_ALIAS.sub("", name.split("、")[0])
    # 南平市人民政府信息公开工作领导小组办公室, 丽水市人民政府办公室政府信息公开中心: the body is the
    # one the disclosure office works for.
    inner = _DISCLOSURE_OFFICE.search(name)
    if inner and inner.start() >= 2:
        name = name[:inner.start()]
        if name.endswith("政府") and not name.endswith("人民政府") and len(name) > 4:
            name = name[:-2]  # 丽水市人民政府办公室|政府信息公开中心
    cuts = [m.end() for m in _vocabulary().left_of_name.finditer(name)]
    name = name[cuts[-1]:] if cuts else name
    return _fold(name)


def has_body_suffix(text: str) -> bool:
    """Whether `text` holds a body's ending (局, 人民政府, 街道办事处 …)."""
    return _vocabulary().suffix.search(text) is not None


def is_body_name(name: str | None) -> bool:
    """Ends like the name of an administrative body and is not a stand-in (我局, 本机关, 政府)."""
    if not name or len(name) < 2:
        return False
    vocab = _vocabulary()
    return (_ONLY_HAN.match(name) is not None and bool(vocab.suffix.search(name)) and not vocab.not_a_name.match(name) and not vocab.not_inside.search(name))


def from_title(title: str | None) -> str | None:
    """平潭县公安局2021年…, 2022年上海市政府信息公开…, 城关镇政府信息公开工作年度报告."""
    if not title:
        return None
    text = _TITLE_PREFIX.sub("", compact(title.replace("\n", "")))
    for pattern in (_BEFORE_YEAR, _AFTER_YEAR, _NO_YEAR):
        m = pattern.match(text) if pattern is not _AFTER_YEAR else pattern.search(text)
        if m and is_body_name(_plain(m.group(1))):
            return _plain(m.group(1))
    return None


_REPORT_NAMED = re.compile(r"(?:19|20)\d\d年度?(?:[\u4e00-\u9fff]{0,12}?)(?:政府信息公开|信息公开|政务公开)"
                           r"(?:[\u4e00-\u9fff]{0,6}?)(?:年度报告|年报|工作报告)(?![\u4e00-\u9fff]{0,8}(?:通知|函|意见))")
_HAN_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff（）()]{2,40}$")


# 由城中区人民政府办公室综合区政府各镇办、各部门的工作情况编制: the government's own report, which
# its general office compiles from everyone's.
_COMPILED_FOR = re.compile(r"由" + _NAME + r"(?:办公室|办公厅)(?:综合|汇总|在)")


_COMPILING_OFFICE = re.compile(r"(办公室|办公厅)$")


def _served(name: str) -> str:
    """由××人民政府办公厅编制, 由××委员会办公室编制: the general office compiles its body's report
    (a 人民政府办公室 also reports on its own, and is left as named)."""
    body = _COMPILING_OFFICE.sub("", name)
    if body == name or not is_body_name(body):
        return name
    return body if name.endswith("办公厅") or body.endswith(("委员会", "管委会")) else name


def from_declaration(opening: str) -> str | None:
    """The body a declaration names (现公布××局2024年…, 本报告由××编制), else the body in front of a
    report's name quoted in the opening (…向社会公布《榆盘镇2021年政府信息公开工作年度报告》)."""
    text = _sentences(opening[:3000])
    m = _COMPILED_FOR.search(text)
    if m and _plain(m.group(1)).endswith("人民政府") and is_body_name(_plain(m.group(1))):
        return _plain(m.group(1))
    for pattern in _DECLARATIONS:
        for m in pattern.finditer(text):
            name = _plain(m.group(1))
            if is_body_name(name):
                return _served(name) if "由" in pattern.pattern else name
    for m in _REPORT_NAMED.finditer(text):
        name = _name_before(text, m.start())
        if name:
            return name
        after = _AFTER_YEAR.match(text, m.start())
        if after and is_body_name(_plain(after.group(1))):
            return _plain(after.group(1))
    return None


def _name_before(text: str, end: int) -> str | None:
    """The body name ending at `end`: 「结合我镇工作实际编制并向社会公布榆盘镇」 → 榆盘镇."""
    run = _HAN_RUN_BEFORE.search(text, max(0, end - 40), end)
    if not run:
        return None
    name = _plain(run.group(0))
    return name if is_body_name(name) else None


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


@lru_cache(maxsize=8)  # one opening's windows are asked for by several of body_name's candidates
def _sentences(text: str) -> str:
    """Spaces out; a line end is a stop unless it wraps a paragraph (「由石景山区司法」「局编制的…」):
    a masthead's name never runs into the title below it."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        out.append("" if len(line.strip()) >= 30 and not line.rstrip().endswith(("。", "：", ":")) else "。")
    return compact("".join(out))


def _contact(text: str) -> str | None:
    """请与广元市商务局办公室联系, 请与宣武区政府大栅栏街道办事处信息公开办公室联系: the body whose office answers."""
    for m in _CONTACT.finditer(text):
        name = _plain(m.group(1))
        body = _CONTACT_OFFICE.sub("", name) if name else name
        for candidate in (body, name):
            if is_body_name(candidate):
                return candidate
    return None


def _masthead(opening: str) -> str | None:
    """A line of the opening that is a body's name and nothing else (石家庄市长安区人民政府 above a
    title without one) — after every other place, as a site's masthead names its parent body."""
    for line in opening.split("\n")[:12]:
        name = compact(line)
        if len(name) <= 30 and not re.search(r"[\d，。,;；:：]", name) and is_body_name(name):
            return name
    return None


def _first(pattern: re.Pattern, text: str) -> str | None:
    for m in pattern.finditer(text):
        if is_body_name(_plain(m.group(1))):
            return _plain(m.group(1))
    return None


_SUFFIX_TAILS = ("公室", "公厅", "事处", "员会")
_REGION_END = re.compile(r"(省|自治区|市|州|盟|县|区|旗)$")


def _widened(name: str, fuller: str) -> str:
    """`fuller` cut after the character `name` ends with, when `name` is an abbreviation of it: its
    characters in order (区执法应急局 in 平潭综合实验区综合执法与应急管理局, 公安局 in 平潭县公安局办公室,
    自治区北部湾办 in 广西壮族自治区北部湾经济区规划建设管理办公室); a name printed whole inside the
    fuller form is widened only by the regions in front of it (市商务局 → 广元市商务局)."""
    at = fuller.find(name)
    if at >= 0:
        return fuller[:at + len(name)] if at and _REGION_END.search(fuller[:at]) else name
    it = 0
    for i, ch in enumerate(fuller):
        if it < len(name) and ch == name[it]:
            it += 1
            if it == len(name):
                rest = fuller[i + 1:]
                return fuller if rest in _SUFFIX_TAILS else fuller[:i + 1]
    return name


def body_name(doc: Document, opening: str, title: str | None, publisher: str | None) -> tuple[str | None, str]:
    """(name, where it was found) — None, "" when the document names no body."""
    publisher = compact(publisher) if publisher else None
    candidates = [
        ("title", from_title(title)),
        ("definition", _first(_DEFINED, _sentences(opening[:3000]))),
        ("declaration", from_declaration(opening)),
        ("publisher", _plain(publisher) if is_body_name(_plain(publisher)) else None),
        ("signature", from_signature(doc)),
        ("mention", _first(_MENTION, _sentences(opening[:4000]))),
        ("masthead", _masthead(opening)),
        # Last: the office that answers questions is often not the body (…政府信息公开中心).
        ("contact", _contact(_sentences(opening[:4000]) + "。" + _sentences(doc.norm[-1500:]))),
    ]
    found = [(source, name) for source, name in candidates if name]
    if not found:
        return None, ""
    source, name = found[0]
    for _, other in found[1:]:
        wider = _widened(name, other)
        if len(wider) > len(name):
            name = wider
    return full_form(_own_name(name), compact_normalised(doc.norm)), source
