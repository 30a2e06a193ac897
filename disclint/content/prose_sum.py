"""Category counts stated in prose against the total they break down.

"2014年主动公开政府信息2543条 … 主要类别有：机构职能类信息594条，… 其他应主动公开的信息946条"
(pingtan/009: the categories add to 2641). A breakdown is a run of "label N unit" items, after a
total ("…364条，人事信息17条，…") or after an introduction that names the total's subject
("在公开的74条信息中，…"; "主要类别有：" refers to the last total stated before it).

The items are taken to be disjoint parts. A sum above the total is always reported; a sum below it
only when the breakdown claims to be complete — its percentages add to about 100 %, it ends in an
"其他" (other) item, or it falls short by less than a tenth — because a list of a few notable kinds
("其中涉及财政预算决算信息9条；保障性住房信息7条") need not add up (pingtan/004).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import safe_regex
from .flat import Flat
from .numbers import NUMBER, number_value

UNITS = "条件份项篇个"
# One item: a label (no digits, no clause breaks), a count with its unit, an optional share.
_ITEM = re.compile(
    rf"(?P<label>[^\d，,。；;：:（）()|]{{1,40}}?)(?P<n>{NUMBER})(?P<unit>[{UNITS}])"
    r"(?:[，,]?(?:占(?:比)?)?(?P<pct>\d+(?:\.\d+)?)%)?")
_SEPARATOR = re.compile(r"[，,；;、。]|和|及")
_ATTRIBUTE = re.compile(r"全文电子化|电子化率|同比|增长|下降|累计|历年|比例|占比")
_LEAD = re.compile(r"^(其中|包括|分别为|分别是|主要有|有|为)[：:，,]?")
_OTHER = re.compile(r"其他|其它")


@dataclass(frozen=True)
class Item:
    label: str
    value: int | float
    unit: str
    pct: float | None
    start: int  # flat offsets
    end: int


@dataclass(frozen=True)
class Breakdown:
    total: int | float
    total_start: int  # flat offsets of the stated total
    total_end: int
    items: tuple[Item, ...]

    @property
    def sum(self) -> int | float:
        return sum(i.value for i in self.items)

    @property
    def complete(self) -> bool:
        """The breakdown says it covers the whole total."""
        shares = [i.pct for i in self.items if i.pct is not None]
        if len(shares) == len(self.items):
            # With a share on every item the writer says how much the list covers: 91.8 % is a list of
            # the main kinds only (pingtan/005), about 100 % is the whole.
            return 95 <= sum(shares) <= 105
        if any(_OTHER.search(i.label) for i in self.items):
            return True
        return abs(self.total - self.sum) <= 0.1 * self.total


def read_items(text: str, at: int, limit: int = 900) -> list[Item]:
    """Consecutive items from `at`: each separated from the last by one clause break or conjunction."""
    items: list[Item] = []
    pos = at
    end = min(len(text), at + limit)
    while pos < end:
        m = _ITEM.match(text, pos)
        if not m or _ATTRIBUTE.search(m.group("label")):
            break
        value = number_value(m.group("n"))
        if value is None:
            break
        label = _LEAD.sub("", m.group("label"))
        pct = float(m.group("pct")) if m.group("pct") else None
        items.append(Item(label, value, m.group("unit"), pct, m.start("label"), m.end()))
        if _OTHER.search(label):  # the catch-all comes last: what follows is another list
            break
        pos = m.end()
        sep = _SEPARATOR.match(text, pos)
        # A list goes on past a full stop only while its items carry shares ("占73%。各乡镇…534条，占27%",
        # pingtan/004); otherwise the next sentence is something else (pingtan/052: 依申请公开信息1144条).
        if not sep or sep.group() == "。" and pct is None:
            break
        pos = sep.end()
    # one unit for the whole run: a change of unit ("…319份，…处罚决定545起") ends it
    if items:
        unit = items[0].unit
        cut = next((i for i, it in enumerate(items) if it.unit != unit), len(items))
        items = items[:cut]
    return items


def find_breakdowns(flat: Flat, totals: list[str], introductions: list[dict]) -> list[Breakdown]:
    """Breakdowns after each stated total (patterns with group n), and after each introduction of a
    list ({pattern, subject}) that refers to the last total before it whose text matches `subject`.

    A total that is itself an item of another breakdown is not a total of its own: in "总数3978条，
    其中主动公开政府信息2026条，作为依申请公开信息数46条，…" (pingtan/003) the clauses after 2026
    are its siblings, not its parts. An introduction may still refer to such a total when the
    enclosing total is about something else ("主动公开的政府信息，县直…2475条" refers to the 2026,
    not to the 3978), but not when it is about the same subject (pingtan/009: "主要类别有" refers
    to the 2543, not to its part 856)."""
    text = flat.text
    stated: list[tuple[int, int, int | float]] = []  # (start, end, value) of totals, in order
    for pattern in totals:
        for m in safe_regex.user_pattern(pattern.replace("NUMBER", NUMBER)).finditer(text):
            value = number_value(m.group("n"))
            if value:
                stated.append((m.start("n"), m.end(), value))
    stated = sorted(set(stated))
    after_total: list[Breakdown] = []
    for start, end, value in stated:
        items = read_items(text, _skip_connector(text, end))
        if len(items) >= 2:
            after_total.append(Breakdown(value, start, end, tuple(items)))
    found = [b for b in after_total if not _inside(after_total, b.total_start)]
    for intro in introductions:
        subject = safe_regex.user_pattern(intro["subject"])
        for m in safe_regex.user_pattern(intro["pattern"]).finditer(text):
            candidates = [s for s in stated if s[1] <= m.start() and m.start() - s[1] < 1500
                          and subject.search(_total_text(text, s))
                          and not _inside([b for b in after_total if subject.search(_total_text(text, b))], s[0])]
            if not candidates:
                continue
            start, end, value = candidates[-1]
            items = read_items(text, m.end())
            if len(items) >= 2 and not any(b.items[0].end == items[0].end for b in found):
                found.append(Breakdown(value, start, end, tuple(items)))
    return found


def _inside(breakdowns: list[Breakdown], pos: int) -> bool:
    return any(i.start <= pos < i.end for b in breakdowns for i in b.items)


def _total_text(text: str, total) -> str:
    """The words before a stated total's number, which say what it counts."""
    start = total.total_start if isinstance(total, Breakdown) else total[0]
    return text[max(0, start - 16):start]


_CONNECTOR = re.compile(r"(?:[。，,；;：:]?\s*(?:其中|包括|主要包括|分别为|分别是)?\s*[，,：:]?)")
# An attribute of the whole total, not a part of it: "37条，其中全文电子化主动公开信息35条，包括…" (pingtan/066).
_ATTRIBUTE_CLAUSE = re.compile(rf"(?:其中)?[^，,。；;]{{0,12}}(?:全文电子化|电子化)[^，,。；;\d]{{0,20}}{NUMBER}[{UNITS}%][，,]?(?:包括|其中)?[：:，,]?")


def _skip_connector(text: str, pos: int) -> int:
    m = _CONNECTOR.match(text, pos)
    pos = m.end() if m else pos
    m = _ATTRIBUTE_CLAUSE.match(text, pos)
    return m.end() if m else pos
