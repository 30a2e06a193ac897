"""Cross-report checks on real consecutive reports of the same bodies (tests/summary/corpus/README.md)."""
from __future__ import annotations

import shutil

import pytest

from disclint.settings import Settings
from disclint.summary.cross import cross_check, pair_reports
from disclint.summary.digest import digest_path

from .conftest import FILES


def digests(*names: str, settings: Settings = Settings()):
    return [digest_path(str(FILES[n]), settings) for n in names]


def cross_findings(d, code: str | None = None):
    return [f for f in d.findings if f.get("previous")
            and (code is None or f["rule"] == code)]


def test_valid_documents_roll_forward_breaks_in_the_real_2024_and_2025_reports():
    ds = digests("pingtan-018.html", "pingtan-019.html", "pingtan-020.html")
    pairing = cross_check(ds, Settings())
    assert [(p.path[-8:], t.path[-8:]) for p, t in pairing.pairs] == [("018.html", "019.html"), ("019.html", "020.html")]
    y2023, y2024, y2025 = ds
    assert cross_findings(y2023) == []  # the earliest report has nothing before it
    (f2024,) = cross_findings(y2024)
    assert (f2024["rule"], f2024["kind"], f2024["severity"]) == ("DL502", "carry-over", "warning")
    assert (f2024["table"], f2024["row"], f2024["table_column"]) == ("proactive", "art20_1.normative", "valid")
    assert (f2024["expected"], f2024["actual"]) == (470 + 62 - 33, 440)
    assert f2024["previous"] == str(FILES["pingtan-018.html"])
    assert "440" in y2024.excerpts[f2024["line"]] and "行政规范性文件" in y2024.excerpts[f2024["line"]]
    (f2025,) = cross_findings(y2025)
    assert (f2025["rule"], f2025["expected"], f2025["actual"]) == ("DL502", 440 + 58 - 45, 546)
    assert "现行有效件数为546" in f2025["message"] and "2024" in f2025["message"]


def test_carried_applications_match_in_the_real_reports():
    # 2023 carries 0 into 2024 and 2024 carries 0 into 2025, in all seven columns: no DL501
    ds = digests("pingtan-018.html", "pingtan-019.html", "pingtan-020.html")
    carry_out_2024 = {c: v["value"] for c, v in ds[1].cross["carry-over"]["carry_out"].items()}
    carry_in_2025 = {c: v["value"] for c, v in ds[2].cross["carry-over"]["carry_in"].items()}
    assert carry_out_2024 == carry_in_2025 == dict.fromkeys(["np", "biz", "res", "npo", "law", "oth", "total"], 0)
    cross_check(ds, Settings())
    assert not [f for d in ds for f in cross_findings(d, "DL501")]


def test_carried_applications_that_do_not_match_are_found_per_column(tmp_path):
    # 2025's real 结转下年度 is 4 自然人 + 2 商业企业 = 6. Relabel the real 2024 report (上年结转 all 0)
    # as the 2026 one: a next report that carries in 0 breaks X-CARRY in exactly those columns.
    y2024, y2025 = digests("pingtan-019.html", "pingtan-020.html")
    carry_out = y2025.cross["carry-over"]["carry_out"]
    assert {c: v["value"] for c, v in carry_out.items() if v["value"]} == {"np": 4, "biz": 2, "total": 6}
    y2024.document["year"] = 2026
    cross_check([y2025, y2024], Settings())
    assert cross_findings(y2025, "DL501") == []
    carry = {f["table_column"]: (f["expected"], f["actual"]) for f in cross_findings(y2024, "DL501")}
    assert carry == {"np": (4, 0), "biz": (2, 0), "total": (6, 0)}


def test_copied_narratives_of_a_county_government_are_found():
    ds = digests("pingtan-002.txt", "pingtan-003.txt", "pingtan-005.txt")
    cross_check(ds, Settings())
    assert cross_findings(ds[0]) == []
    for d, prev_year in ((ds[1], 2011), (ds[2], 2012)):
        (f,) = cross_findings(d)
        assert (f["rule"], f["kind"], f["severity"]) == ("DL503", "year-mismatch", "warning")
        assert f["actual"] >= 0.9 and f"{prev_year}年度报告雷同" in f["message"]
    assert 0.9 <= cross_findings(ds[1])[0]["actual"] < cross_findings(ds[2])[0]["actual"]


def test_the_shi_yan_qu_pairs_across_its_name_variants():
    # 2012 and 2013 are signed 平潭综合实验区, 2014 平潭综合实验区管委会; 2013's page was posted by the
    # 管委会办公室 (its 发布机构), but the title names the 实验区 itself.
    ds = digests("pingtan-004.txt", "pingtan-006.txt", "pingtan-009.txt", "pingtan-010.txt", "pingtan-011.txt")
    pairing = cross_check(ds, Settings())
    years = [(p.document["year"], t.document["year"]) for p, t in pairing.pairs]
    assert sorted(years) == [(2012, 2013), (2013, 2014), (2014, 2015), (2015, 2016)]
    found = {d.path[-7:]: [f["rule"] for f in cross_findings(d)] for d in ds}
    assert found == {"004.txt": [], "006.txt": ["DL503"], "009.txt": [], "010.txt": [], "011.txt": []}


def test_only_consecutive_years_pair():
    ds = digests("pingtan-031.txt", "pingtan-032.txt")  # 公安局 2019 and 2021
    assert [d.document["year"] for d in ds] == [2019, 2021]
    assert pair_reports(ds).pairs == []


def test_two_reports_of_one_body_and_year_are_not_guessed_at(tmp_path):
    copy = tmp_path / "019-copy.html"
    shutil.copy(FILES["pingtan-019.html"], copy)
    ds = digests("pingtan-018.html", "pingtan-019.html") + [digest_path(str(copy), Settings())]
    pairing = cross_check(ds, Settings())
    assert pairing.pairs == []
    assert len(pairing.notes) == 1 and "2023/2024" in pairing.notes[0]
    assert not [f for d in ds for f in cross_findings(d)]


def test_select_and_severity_settings_apply_to_cross_report_rules():
    quiet = Settings(ignore=("DL502",))
    ds = digests("pingtan-018.html", "pingtan-019.html", settings=quiet)
    cross_check(ds, quiet)
    assert cross_findings(ds[1]) == []
    loud = Settings(severity=(("DL502", "error"),))
    ds = digests("pingtan-018.html", "pingtan-019.html", settings=loud)
    cross_check(ds, loud)
    assert [f["severity"] for f in cross_findings(ds[1])] == ["error"]


@pytest.mark.parametrize("share_of", [0.0])
def test_repeated_share_is_zero_for_unrelated_text(share_of):
    from disclint.kinds.duplicate_content import repeated_share

    assert repeated_share("一二三四五六七八九十", "甲乙丙丁戊己庚辛壬癸") == share_of
    assert repeated_share("本年度共收到申请#件", "本年度共收到申请#件") == 1.0


def test_a_forked_child_checking_half_of_the_pairs_finds_what_one_process_finds(monkeypatch):
    from disclint.summary import cross

    names = ("pingtan-018.html", "pingtan-019.html", "pingtan-020.html", "pingtan-002.txt", "pingtan-003.txt",
             "pingtan-005.txt", "pingtan-004.txt", "pingtan-006.txt", "pingtan-009.txt")
    alone = digests(*names)
    cross_check(alone, Settings())
    monkeypatch.setattr(cross, "PARALLEL_PAIRS", 2)
    shared = digests(*names)
    pairing = cross_check(shared, Settings(), processes=2)
    assert len(pairing.pairs) == 6
    assert [d.findings for d in shared] == [d.findings for d in alone]
    assert any(cross_findings(this) for _, this in pairing.pairs[3:])  # the child's half found something


@pytest.mark.parametrize("size", [1, 2, 3, 4, 5])
def test_shingles_as_machine_words_give_the_shares_of_shingles_as_strings(size):
    from disclint.kinds.duplicate_content import repeated_share

    def share(this, prev):
        mine = {this[i:i + size] for i in range(len(this) - size + 1)}
        theirs = {prev[i:i + size] for i in range(len(prev) - size + 1)}
        return len(mine & theirs) / len(mine) if mine else 0.0

    texts = ["本年度共收到申请#件，办结#件。", "本年度共收到申请#件，办结#件，转下年度#件。", "",
             "𠀀本年度共收到申请#件𠀁", "abc", "本年度共收到申请#件，办结#件。" * 3]
    for this in texts:
        for prev in texts:
            assert repeated_share(this, prev, size) == share(this, prev)
