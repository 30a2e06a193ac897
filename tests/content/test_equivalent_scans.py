"""Scans written for speed find exactly what their plain form finds: full dates as two regexes, the
bracketless document numbers found from their issuer, the flat view's offsets kept per run, and the
figures masked in a report's prose."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from disclint.content.dates import full_dates
from disclint.content.flat import flatten
from disclint.kinds.duplicate_content import _FIGURE
from disclint.kinds.garbled import _DOCNUM_NO_BRACKETS, _bracketless_docnums

_FULL_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"
    r"|(?P<cy>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,2})\s*月\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*日")


def _spans(matches):
    return [(m.span(), m.group()) for m in matches]


_date_text = st.lists(st.sampled_from(["2020年1月2日", "二〇二〇年一月二日", "二○二一年十二月三十一日", "2019 年 12 月 31 日",
                                       "2021年二月3日", "二〇二〇", "20", "年", "1月", "日", "一", " ", "\n", "x"]),
                      max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_date_text, st.integers(0, 10))
def test_full_dates_are_the_matches_of_the_alternation(text, pos):
    assert _spans(full_dates(text, pos)) == _spans(_FULL_DATE.finditer(text, pos))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("函发字办文号〔〕 \n19020345x")), max_size=30))
def test_bracketless_document_numbers_are_all_found(text):
    found = [(m.span(), m.groupdict()) for m in _bracketless_docnums(text)]
    assert found == [(m.span(), m.groupdict()) for m in _DOCNUM_NO_BRACKETS.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab申请 \n\t\u3000\u2028\x1c")), max_size=30))
def test_flat_offsets_are_those_of_each_character(norm):
    flat = flatten(norm)
    offsets = [i for i, ch in enumerate(norm) if not ch.isspace()] + [len(norm)]
    assert flat.text == "".join(ch for ch in norm if not ch.isspace())
    for i in range(len(flat.text) + 1):
        assert flat.start(i) == offsets[i]
        assert flat.end(i) == (offsets[i - 1] + 1 if i else 0)


_PLAIN_FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9]+)?|[〇零一二三四五六七八九十百千万]+(?=[年月日件条个次项篇人])")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0１9.．一十万〇年件人是a ")), max_size=30))
def test_figures_are_the_matches_of_the_alternation(text):
    assert _spans(_FIGURE.finditer(text)) == _spans(_PLAIN_FIGURE.finditer(text))
    assert _FIGURE.sub("#", text) == _PLAIN_FIGURE.sub("#", text)
