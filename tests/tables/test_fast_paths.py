"""The table rebuilder's fast paths give what the plain forms they stand for give: label patterns
written as branches, the prefix-maximum chain, compact offsets kept per run, run cuts cached by
text, identities bound once per rule and layout."""
from __future__ import annotations

import random
import re

import pytest

from disclint.tables.identity import bind, bound_identities, parse_expression
from disclint.tables.layout import label_regex, label_pattern, load_layouts
from disclint.tables.scan import _KEEP, SPACES, Compact, chain
from disclint.tables.values import MAX_CANDIDATES, _cuts, splits


def test_spaces_are_what_backslash_s_matches():
    written = re.compile(f"[{SPACES}]")
    for code in range(0x110000):
        ch = chr(code)
        assert bool(written.fullmatch(ch)) == ch.isspace(), hex(code)


def _plain_pattern(labels: list[str]) -> re.Pattern:
    """The label pattern as first written: each label with its numbering optional."""
    sources = [label_regex(x)[0] for x in labels]
    return re.compile("|".join(f"(?:{s})" for s in sorted(sources, key=len, reverse=True)))


def _layout_labels() -> list[list[str]]:
    from disclint import yamlsafe
    from disclint.paths import builtin_rules_dir

    with open(builtin_rules_dir() / "table-layouts.yaml", encoding="utf-8") as fh:
        data = yamlsafe.load(fh)
    out = []
    for table in data["tables"].values():
        groups = [r for rows in table.get("layouts", {}).values() for r in rows]
        groups += [r for blocks in table.get("blocks", {}).values() for b in blocks for r in b["rows"]]
        out += [[r["label"], *r.get("variants", [])] for r in groups if r["label"]]
    return out


def test_branch_patterns_match_as_the_optional_prefix_patterns_do():
    rng = random.Random(7)
    groups = _layout_labels()
    alphabet = sorted(set("".join(x for g in groups for x in g))) + list("()1234一二三、,.;:/ 0")
    for _ in range(3000):
        labels = rng.choice(groups)
        fast, plain = label_pattern(labels), _plain_pattern(labels)
        text = list(rng.choice(["", "(一)", "一、", "1.", "2,", "12"]) + rng.choice(labels))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.4 and text:
                del text[min(at, len(text) - 1)]
            else:
                text.insert(at, rng.choice(alphabet))
        s = "".join(text)
        for how in ("search", "fullmatch", "match"):
            a, b = getattr(fast, how)(s), getattr(plain, how)(s)
            assert (a and a.span()) == (b and b.span()), (s, how)


class _Row:
    def __init__(self, pattern: str, k: int):
        self.pattern, self.id, self.numeric = re.compile(pattern), k, True


def _plain_chain(comp: Compact, rows, lo: int, hi: int):
    """The chain as first written: every earlier layout position tried for each match."""
    matches = [(m.start(), m.end(), idx, row) for idx, row in enumerate(rows)
               for m in row.pattern.finditer(comp.text, lo, hi) if m.end() > m.start()]
    if not matches:
        return []
    matches.sort(key=lambda m: (m[0], -m[1]))
    by_end = sorted(range(len(matches)), key=lambda k: matches[k][1])
    ended, top, best = 0, [None] * len(rows), []
    for i, (s, _, idx, _) in enumerate(matches):
        while ended < len(by_end) and matches[by_end[ended]][1] <= s and by_end[ended] < i:
            j = by_end[ended]
            key, at = (best[j][0], best[j][1]), matches[j][2]
            if top[at] is None or key > top[at][0]:
                top[at] = (key, j)
            ended += 1
        score, pred = (1, s), -1
        for at in range(idx):
            if top[at] is not None and (top[at][0][0] + 1, top[at][0][1]) > score:
                score, pred = (top[at][0][0] + 1, top[at][0][1]), top[at][1]
        best.append((score[0], score[1], pred))
    i = max(range(len(best)), key=lambda k: (best[k][0], best[k][1], -matches[k][1]))
    out = []
    while i >= 0:
        out.append((matches[i][3].id, matches[i][0], matches[i][1]))
        i = best[i][2]
    return out[::-1]


def test_chain_is_the_plain_longest_tightest_chain():
    rng = random.Random(5)
    patterns = ["a", "b", "c", "ab", "bc", "abc", "a|b", "ca", "b+", "x?a", "cc"]
    for _ in range(5000):
        rows = [_Row(rng.choice(patterns), k) for k in range(rng.randint(1, 12))]
        text = "".join(rng.choice("abcx") for _ in range(rng.randint(0, 40)))
        comp = Compact.of(text)
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        got = [(r.id, s, e) for r, s, e in chain(comp, rows, lo, hi)]
        assert got == _plain_chain(comp, rows, lo, hi), (text, [r.pattern.pattern for r in rows])


@pytest.mark.parametrize("norm", ["", "   ", "a", " a ", "“引号”", "一、 本年\n新收\u3000申请 “三安全一稳定” 12 3"])
def test_compact_offsets_are_those_of_every_character(norm):
    offsets = [i for m in _KEEP.finditer(norm) for i in range(m.start(), m.end())]
    comp = Compact.of(norm)
    assert comp.text == "".join(norm[i] for i in offsets)
    for i in range(len(comp.text) + 2):
        want = offsets[i] if i < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        assert comp.offset(i) == want
    for i in range(len(comp.text) + 1):
        assert comp.end_offset(i) == (offsets[i - 1] + 1 if i else 0)


def _plain_splits(tokens, n):
    """Every cut by plain recursion over the tokens, as first written."""
    results = []

    def walk(i, acc):
        if len(results) >= MAX_CANDIDATES:
            return
        if i == len(tokens):
            if len(acc) == n:
                results.append(list(acc))
            return
        left = n - len(acc)
        if left < len(tokens) - i:
            return
        text, off = tokens[i]
        room = left - (len(tokens) - i - 1)
        for cut in _cuts(text, room):
            if len(cut) <= room:
                starts = [sum(len(p) for p in cut[:k]) for k in range(len(cut))]
                walk(i + 1, acc + [(p, off + pos) for p, pos in zip(cut, starts)])

    walk(0, [])
    return results


def test_splits_are_the_plain_recursive_cuts():
    rng = random.Random(3)
    words = ["0", "00", "1", "10", "012", "1000001", "640020470", "-", "无", "+6", "-15", "3.5", "12元",
             "0+11"]
    for _ in range(3000):
        texts = [rng.choice(words) for _ in range(rng.randint(0, 8))]
        tokens, at = [], rng.randint(0, 50)
        for t in texts:
            tokens.append((t, at))
            at += len(t) + rng.randint(1, 3)
        n = rng.randint(0, 9)
        assert splits(tokens, n) == _plain_splits(tokens, n), (texts, n)


def test_identities_bound_once_are_those_bound_each_time():
    layout = load_layouts()["requests"].layouts["2021"]
    for expression, forall in [("$r.total == $r.np", {"$r": "all_numeric_rows"}),
                               ("r3_7_total.$c == r3_1_granted.$c + sum(r3_6_*.$c)", {"$c": ["np", "total"]})]:
        once = bound_identities(expression, forall, "requests", "2021")
        assert once == tuple(bind(parse_expression(expression), forall, layout))
        assert bound_identities(expression, forall, "requests", "2021") is once
