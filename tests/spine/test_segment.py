"""Segmenting real text: headings at every numbering level, headings inside one-line documents,
table row labels that look like headings, and offsets that point into the original text."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from disclint.grammar import segment
from disclint.model import Heading, Style
from disclint.normalize import _table, compact_normalised, normalise, normalise_whole
from disclint.readers import read_path
from disclint.readers.base import Source
from tests.conftest import CORPUS, SEEDS


def doc_of(path):
    return segment(read_path(path))


def top(doc):
    return [(s.heading.marker, s.id) for s in doc.sections]


def test_seed_001_sections_and_its_table_labels():
    doc = doc_of(next(SEEDS.glob("001_*.txt")))
    assert [sid for _, sid in top(doc)] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    labels = [h.title for h in doc.headings if h.table_label]
    # 一、本年新收… and （一）予以公开 sit in the table: they are row labels, not sections
    assert "本年新收政府信息公开申请数量" in labels
    assert "予以公开" in labels
    assert any(h.marker == "三、" and h.title == "" and h.table_label for h in doc.headings)


def test_one_line_report_headings_are_found_inside_the_line():
    doc = doc_of(CORPUS / "docs/pingtan/032.txt")
    assert [sid for _, sid in top(doc)] == ["overview", "proactive", "requests", "appeals", "problems", "other"]
    h = doc.sections[0].heading
    assert h.inline and doc.text[h.start:h.end].startswith("一、总体情况")
    # the section heading keeps the line and column of the original text
    assert doc.position(h.start) == (10, 103)


def test_traditional_and_pinyin_mirror_headings_are_matched():
    doc = doc_of(CORPUS / "docs/new/012.txt")
    assert [sid for _, sid in top(doc)] == ["overview", "proactive", "requests", "appeals", "problems", "other"]


def test_kangxi_radical_copy_is_normalised_for_matching():
    doc = doc_of(CORPUS / "docs/new/010.txt")
    assert "工作" in doc.norm and "⼯" in doc.text
    assert len(doc.norm) == len(doc.text)


def test_levels_follow_the_order_styles_appear_in():
    doc = doc_of(next(SEEDS.glob("001_*.txt")))
    overview = doc.sections[0]
    assert overview.heading.style == Style.CN and overview.heading.level == 1
    child = overview.children[0]
    assert child.heading.style == Style.CN_PAREN and child.heading.level == 2
    assert child.children[0].heading.style == Style.NUM and child.children[0].heading.level == 3


def test_enumerations_and_numbers_in_prose_are_not_headings():
    text = "一是强化意识。\n2020年我镇公开信息1.5万条。\n十八届三中全会\n一、总体情况\n"
    doc = segment(Source(path="t.txt", text=text, format="text"))
    assert [(h.marker, h.title) for h in doc.headings] == [("一、", "总体情况")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一二三四五十、（）().,1234567890 \n|　报告情况总计无-/①") + ["\u2f00"]),
               max_size=300))
def test_any_text_segments_and_every_block_maps_back(text):
    doc = segment(Source(path="f.txt", text=text, format="text"))
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        if isinstance(block, Heading):
            assert text[block.start:block.end].strip()


def test_line_ends_spaces_and_blank_lines_stay_out_of_the_blocks():
    # A heading's end takes the spaces after its title, a cell line's does not; indentation and
    # blank lines belong to no block; the first line keeps its indentation (no break before it).
    text = "  x\n一、总体情况  \n二、\n0 0 5  \n\n  abc\n| a | b |\n（一）"
    blocks = segment(Source(path="<t>", text=text, format="text")).blocks
    assert [(type(b).__name__, b.start, b.end) for b in blocks] == [
        ("Paragraph", 0, 3), ("Heading", 4, 12), ("Heading", 13, 15), ("CellLine", 16, 21),
        ("Paragraph", 27, 30), ("PipeRow", 31, 40), ("Heading", 41, 44)]
    assert [b.title for b in blocks if isinstance(b, Heading)] == ["总体情况", "", ""]


_FOLDABLE = "".join(chr(cp) for cp in sorted(_table()))
_PLAIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def _reference_normalise(text: str) -> str:
    """normalise() as the spec words it: the table character by character, then glosses blanked."""
    folded = text.translate(_table())
    return _PLAIN_GLOSS.sub(lambda m: " " * len(m.group()), folded)


# Characters that fold to one that folds again (［ → [ → 〔, ⾒ → 見 → 见): one pass of the table stops after
# the first step, whatever order the folding code works in.
_CHAINED = "".join(chr(cp) for cp, out in _table().items() if ord(out) in _table())
_texts = st.text(alphabet=st.sampled_from(_FOLDABLE[::7] + _CHAINED + "［］（）报告總體a()bào \n\t" + "\u3000\u200b"),
                 max_size=40)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_normalise_is_the_table_then_the_glosses(text):
    assert normalise(text) == _reference_normalise(text)


@settings(max_examples=300, deadline=None)
@given(_texts, st.integers(0, 40), st.integers(0, 40))
def test_slices_of_a_copy_without_glosses_are_normalised_alike(text, a, b):
    norm, alike = normalise_whole(text)
    assert norm == normalise(text)
    if alike:
        assert normalise(text[a:b]) == norm[a:b]


_PLAIN_COMPACT = re.compile(r"[\s\"'“”‘’·•]+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("报告a1 \n\t\u3000\u2028\x1c\x85\"'“”‘’·•")), max_size=30))
def test_compact_takes_out_white_space_and_quotes(norm):
    assert compact_normalised(norm) == _PLAIN_COMPACT.sub("", norm)
