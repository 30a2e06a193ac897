"""The small parts every summary output shares: paths as a reader sees them, charts that fit their
card, the cells issue 13's `repairs` point at, in the form's words, and the ranking of bodies."""
from __future__ import annotations

import re

from disclint.summary.charts import WIDTH, bar_chart
from disclint.summary.labels import cell_words, expected_actual, problem_type, repair_words, similarity
from disclint.summary.rows import shown_paths


def test_two_reports_of_the_same_name_in_different_folders_stay_apart(tmp_path):
    for folder in ("2024", "2025", "2025/乡镇"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    a, b, c = (str(tmp_path / f / "010.txt") for f in ("2024", "2025", "2025/乡镇"))
    both = [str(tmp_path / "2024"), str(tmp_path / "2025")]
    assert shown_paths([a, b, c], both) == {a: "2024/010.txt", b: "2025/010.txt", c: "2025/乡镇/010.txt"}
    assert shown_paths([b, c], [str(tmp_path / "2025")]) == {b: "010.txt", c: "乡镇/010.txt"}
    assert shown_paths([a, b], []) == {a: "2024/010.txt", b: "2025/010.txt"}  # the API, without sources


def _geometry(svg: str):
    bars = [(float(x), float(w)) for x, w in re.findall(r'<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)]
    values = re.findall(r'<text x="([\d.]+)" y="[\d.]+" class="value">([^<]+)</text>', svg)
    return bars, [(float(x), v) for x, v in values]


def test_the_longest_bar_and_its_number_stay_inside_the_chart():
    items = [("平潭综合实验区管委会办公室", 1234), ("平潭县人民政府", 8), ("登录注册无障碍浏览兴华乡人民政府", 617)]
    svg = bar_chart(items, "错误最多的机关", "c", unit=" 处")
    bars, values = _geometry(svg)
    assert max(bars, key=lambda b: b[1]) == bars[0]  # 1234: the longest, and it too leaves room for its number
    for (x, w), (vx, v) in zip(bars, values):
        # a number is at most 7 characters ("1234 处") of ~8 px: it ends inside the viewBox
        assert x + w <= vx <= WIDTH - 7 * 8, (x, w, vx, v)
    assert [v for _, v in values] == ["1234 处", "8 处", "617 处"]
    assert 'viewBox="0 0 420 ' in svg and 'width="100%"' in svg  # scales to its card, never wider


def test_repairs_name_the_likely_wrong_cells_in_the_forms_words():
    one = {"table": "proactive", "repairs": [[{"row": "art20_1.normative", "column": "valid", "actual": 440,
                                               "expected": 499}]]}
    assert repair_words(one) == "「第二十条第（一）项·行政规范性文件」行「现行有效件数」列应为 499"
    two = {"table": "requests", "repairs": [[{"row": "r1_new", "column": "np", "actual": 217, "expected": 216}],
                                           [{"row": "r3_1_granted", "column": "np", "actual": 71, "expected": 72}]]}
    said = repair_words(two)
    assert said.startswith("可能是：") and "216" in said and "72" in said  # both, neither picked
    assert "r1_new" not in said and "np" not in said
    assert repair_words({"table": "requests", "repairs": []}) == "" and repair_words({}) == ""
    assert cell_words("proactive", "no-such-row", "valid") == "「现行有效件数」列"  # never the id


def test_copied_text_is_its_own_problem_with_a_similarity_not_a_year_mismatch():
    dup = {"rule": "DL503", "name": "duplicate-narrative", "kind": "year-mismatch", "expected": "< 90%",
           "actual": 0.928}
    assert (problem_type(dup), similarity(dup), expected_actual(dup)) == ("正文与上年雷同", "93%", ("", ""))
    carry = {"rule": "DL502", "name": "carry-over-valid-documents", "kind": "carry-over", "expected": 499,
             "actual": 440}
    assert (problem_type(carry), similarity(carry), expected_actual(carry)) == ("跨年度衔接", "", (499, 440))


def test_reports_of_unknown_bodies_are_counted_apart_not_ranked(summary):
    from disclint.summary.ranking import rank
    from disclint.summary.rows import make_rows

    rows = make_rows(summary.digests)
    ranking = rank(summary.digests, rows)
    assert all(b.key for b in ranking.bodies)
    assert len(ranking.unknown.reports) == 2 and ranking.unknown.unreadable == 2  # the empty and the damaged file
    errors = [b.errors for b in ranking.bodies]
    assert errors == sorted(errors, reverse=True)
    pingtan = next(b for b in ranking.bodies if b.name == "平潭综合实验区")
    assert [y for y, _ in pingtan.trend] == [2012, 2013, 2014, 2015, 2016, 2023, 2024, 2025]
