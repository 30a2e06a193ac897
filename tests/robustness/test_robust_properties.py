"""Properties over any input (hypothesis): for any bytes under any file name, and any text, disclint
returns findings or a documented error kind — never an unhandled exception — and what it returns is
well-formed (offsets inside the text, lines that exist, output that renders)."""
from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from disclint.engine.linter import linter_for
from disclint.grammar import segment
from disclint.model import Heading
from disclint.readers.base import Source
from disclint.readers.text import normalise_newlines
from disclint.settings import Settings
from tests.robustness import fuzzing

CORPUS = fuzzing.Corpus()
# No shrinking: a hang would be re-run at its full time limit for every shrink step.
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    database=None)

# Pieces real reports are made of, so generated text reaches headings, tables and facts.
LABELS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
          "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
          "（一）", "(二)", "1.", "2、", "（3）", "①", "第二十条第(一)项", "本年新收政府信息公开申请数量",
          "（一）予以公开", "1.属于国家秘密", "合计", "自然人", "商业企业", "信息内容", "本年制发件数",
          "行政复议", "维持", "纠正", "|", "　", "2020年", "政府信息公开工作年度报告", "某某县人民政府"]
NUMBERS = st.one_of(st.integers(-10, 10**6).map(str), st.integers(0, 10**40).map(str),
                    st.sampled_from(["０", "１２", "—", "/", "-", "1.5", "1,234", "9" * 400, "−3"]))
REPORTISH = st.lists(st.tuples(st.one_of(st.sampled_from(LABELS), NUMBERS, st.text(max_size=20)),
                               st.sampled_from(["\n", " ", "", "\n\n", "\t"])), max_size=120).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))


def assert_ok(outcome: fuzzing.Outcome) -> None:
    assert outcome.status == "ok" or outcome.status.startswith("error:"), f"{outcome.status}\n{outcome.detail}"


@PROPERTY
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(fuzzing.SUFFIXES))
def test_any_bytes_under_any_name(data, suffix):
    assert_ok(fuzzing.run_case(f"x{suffix}", data, time_limit=10))


@PROPERTY
@given(text=st.text(max_size=3000), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-16-le"]))
def test_any_text_in_any_encoding(text, encoding):
    assert_ok(fuzzing.run_case("x.txt", text.encode(encoding, errors="replace"), time_limit=10))


@PROPERTY
@given(text=REPORTISH)
def test_grammar_blocks_are_inside_the_text_and_ordered(text):
    text = normalise_newlines(text)
    if not text.strip():
        return
    doc = segment(Source(path="x.txt", text=text, format="text"))
    assert len(doc.norm) == len(doc.text)
    last = 0
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        assert block.start >= last
        last = block.start
        if isinstance(block, Heading):
            assert block.marker.strip()


@PROPERTY
@given(text=REPORTISH, profile=st.sampled_from([None, "2008", "2019", "2021"]))
def test_tables_and_rules_on_report_like_text(text, profile):
    text = normalise_newlines(text)
    if not text.strip():
        return
    settings_ = Settings(profile=profile)
    doc = linter_for(settings_).analyse(Source(path="x.txt", text=text, format="text"), settings_)
    for table in doc.tables.values():
        table.to_json()
    lines = text.count("\n") + 1
    for f in linter_for(settings_).check(doc, settings_):
        assert f.line is None or 1 <= f.line <= lines
        assert f.start is None or 0 <= f.start <= len(text)
        assert f.message and f.rule


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), index=st.integers(0, 10**6))
def test_mutations_of_the_real_corpus(seed, index):
    case = CORPUS.case(seed, index)
    assert_ok(fuzzing.run_case(case.name, case.data, time_limit=10))
