"""A copy of the text for matching, the same length as the original, so every offset found in
the copy is an offset in the original and findings keep the user's line and column.

Folded one character to one character (spec regulation.md §8.2–8.3):
- full-width ASCII （），：；．１２ → ASCII, ideographic and no-break spaces → space;
- Kangxi radicals and CJK radical supplements that PDF copies produce (⼀ ⼯ ⼈ → 一 工 人) and
  CJK compatibility ideographs, through their NFKC form when that is one character;
- traditional characters of the report vocabulary → simplified (big5 mirrors);
- the pinyin glosses spam mirrors put after characters, 報(bào)告 → 報      告, become spaces.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Traditional → simplified, limited to characters that occur in report headings, table labels
# and the statistics vocabulary; pairs are (traditional, simplified).
_TRADITIONAL = (
    "報报開开況况務务請请處处復复議议訴讼訟讼設设內内問问題题進进權权責责動动態态發发佈布條条關关於于"
    "與与為为並并說说明明項项數数據据統统計计總总體体們们鎮镇縣县區区號号員员財财預预費费減减執执許许"
    "罰罚強强規规範范檔档檢检業业機机構构組组織织學学術术會会戶户經经濟济環环護护農农產产質质劃划實实"
    "現现應应對对門门網网導导領领監监督督辦办結结轉转續续擔担陽阳時时間间級级歷历營营際际還还違违達达"
    "運运過过選选遺遗驗验難难類类顯显頁页風风飛飞館馆點点齊齐條条聯联廣广東东傳传貫贯徹彻歸归將将專专"
    "衛卫稅税價价獲获據据圍围圖图園园場场壞坏壓压夠够學学寶宝實实審审導导層层屬属島岛歲岁師师幣币"
    "廢废彈弹徑径從从態态慮虑戰战擴扩據据攜携敗败敵敌數数斷断書书會会條条來来東东極极標标樣样橋桥"
    "權权機机歡欢氣气漢汉淨净決决滅灭無无熱热爭争狀状獨独環环現现產产畫画異异當当療疗發发盡尽監监"
    "盤盘眾众礎础確确禮礼種种積积穩稳競竞筆笔節节範范築筑簡简類类納纳紀纪約约級级紙纸細细終终組组"
    "經经綜综緊紧線线練练總总績绩維维網网編编緣缘縣县縮缩繁繁聖圣聲声職职腦脑處处號号術术補补製制"
    "複复規规視视覽览觀观計计訊讯託托記记講讲許许設设評评詢询試试話话該该誠诚認认語语說说請请論论"
    "識识譯译護护讓让財财貨货責责費费資资質质賦赋購购質质跡迹車车軍军輔辅輸输辦办農农這这連连進进遠远"
    "適适遞递部部鄉乡鍵键錄录長长開开關关閱阅隊队陳陈階阶隨随險险隱隐雙双雜杂電电響响順顺須须頒颁"
    "預预頻频題题額额顧顾願愿養养餘余馬马驗验體体點点黨党齡龄並并產产業业舉举么么亂乱億亿優优傷伤"
    "價价儀仪兒儿兩两內内冊册幾几劃划務务勞劳區区協协參参問问單单嚴严團团圍围壇坛妝妆媽妈屆届廳厅"
    "後后徵征應应憂忧懷怀戲戏擇择據据擔担擴扩敘叙斂敛檢检歷历殘残滿满災灾為为營营燈灯爺爷獎奖瑪玛"
    "產产畢毕療疗盡尽碼码礙碍禍祸積积穀谷窮穷紅红納纳純纯級级紙纸組组細细紹绍絡络給给統统絲丝綠绿"
    "維维緒绪緝缉縱纵織织罷罢羅罗聞闻聽听膽胆舊旧莊庄薦荐藥药蘇苏虛虚蟲虫補补裝装見见規规覺觉親亲"
    "觸触訂订訓训託托記记訪访詞词誤误課课調调談谈請请諾诺謀谋證证譜谱變变貢贡販贩貧贫貸贷費费賀贺"
    "賞赏賠赔賣卖趙赵趕赶軟软較较載载輕轻辭辞農农邊边郵邮鄰邻醫医釋释鐵铁錢钱錯错鍋锅閉闭問问閒闲"
    "間间閣阁闆板陸陆陣阵陰阴際际隸隶雲云靈灵韓韩頂顶項项順顺領领頭头頻频類类顯显飯饭養养餐餐駐驻"
    "驗验髮发鬥斗魚鱼鳳凤鹽盐麥麦齊齐龍龙況况準准據据網网頁页錄录碼码圖图據据檔档"
)
_SIMPLE_SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\ufeff\t"


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0xFF01, 0xFF5E), (0x2F00, 0x2FD5), (0x2E80, 0x2EF3), (0xF900, 0xFAD9)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    for ch in _SIMPLE_SPACES:
        table[ord(ch)] = " "
    pairs = _TRADITIONAL
    for i in range(0, len(pairs) - 1, 2):
        trad, simp = pairs[i], pairs[i + 1]
        if trad != simp:
            table[ord(trad)] = simp
    # Brackets and quotes in one form each (regulation.md §8.2); 〔〕 stay as the document-number brackets.
    table.update({ord("【"): "〔", ord("】"): "〕", ord("["): "〔", ord("]"): "〕", ord("“"): '"', ord("”"): '"',
                  ord("‘"): "'", ord("’"): "'", ord("﹝"): "〔", ord("﹞"): "〕", ord("—"): "-", ord("–"): "-",
                  ord("－"): "-", ord("∶"): ":", ord("﹙"): "(", ord("﹚"): ")", ord("⒈"): "1"})
    return table


@lru_cache(maxsize=1)
def _folder() -> tuple[re.Pattern, dict[str, str], dict[str, int]]:
    """A character class of every folded character, their replacements, and the order to replace
    them in.

    str.translate looks every character up in the table (~200 ns each for CJK text), while a
    report has only a few distinct foldable characters (，：（）…), each many times: the regex
    engine finds which in C, and str.replace folds each at once.

    Some characters fold to one that folds again (［ → [ → 〔): one pass of the table turns ［ into
    [, so the later links of a chain are replaced first (the fewer links to its end, the earlier)."""
    folds = {chr(cp): out for cp, out in _table().items()}

    def links(ch: str) -> int:
        n = 1
        while folds.get(ch) in folds:
            ch = folds[ch]
            n += 1
        return n

    order = {ch: links(ch) for ch in folds}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(folds)) + "]"), folds, order


def _fold(text: str) -> str:
    pattern, folds, order = _folder()
    found = pattern.findall(text)
    if not found:  # most titles and keys
        return text
    for ch in sorted(set(found), key=order.__getitem__):
        text = text.replace(ch, folds[ch])
    return text


# A gloss after a CJK character; the look-behind checks it past the "(" so that the regex engine
# skips to each "(" instead of testing every character.
_PINYIN = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def normalise(text: str) -> str:
    """The matching copy of `text`: same length, same line breaks."""
    return normalise_whole(text)[0]


def normalise_whole(text: str) -> tuple[str, bool]:
    """normalise(text), and whether every slice of it is the normalised copy of the same slice of
    `text`, normalise(text[a:b]) == result[a:b], so that pieces need not be normalised again.

    Folding goes character by character; only a pinyin gloss depends on its neighbour, which a
    slice may cut off. A gloss found in a slice is one in the whole text too, so the slices agree
    when the whole text had none."""
    folded = _fold(text)
    if "(" not in folded:
        return folded, True
    blanked, glosses = _PINYIN.subn(lambda m: " " * len(m.group()), folded)
    return blanked, glosses == 0


_COMPACT_MARKS = re.compile("[\"'“”‘’·•]")  # taken out by compact() with the white space


def compact(text: str) -> str:
    """Normalised text without spaces and quotes: what headings and labels are compared by."""
    return compact_normalised(normalise(text))


def compact_normalised(norm: str) -> str:
    """compact() of a text whose normalised copy the caller already has (see normalise_whole)."""
    # White space by str.split, which drops what \s matches (str.isspace): [\s"'“”‘’·•]+ in one
    # regex cost twice as much on the short keys this is called for, line after line.
    out = "".join(norm.split())
    return _COMPACT_MARKS.sub("", out) if _COMPACT_MARKS.search(out) else out


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None when `s` is not a numeral."""
    if not s:
        return None
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)
