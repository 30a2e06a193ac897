"""index.html in a real browser: Debian's chromium driven by Playwright (its Python package ships a
driver, not a browser: the system chromium is the executable). Opened from file://, with no network.

Without chromium or Playwright the test fails when CI=true (the project's test set-up installs both:
.ci/apt-packages and the test extra) and is skipped elsewhere."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(why: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser test cannot run in CI: {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (test extra)")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        _unavailable("chromium is not installed (.ci/apt-packages)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 1000}, locale="zh-CN")
        # file:// only: any request elsewhere means the page is not self-contained
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        yield page, requests
        context.close()


def _visible_rows(page):
    return page.locator("#reports tbody tr:not([hidden])")


def test_summary_page_in_chromium(summary, browser_page):
    page, requests = browser_page
    index = Path(summary.out_dir, "index.html")
    page.goto(index.as_uri())
    assert page.title() == "政府信息公开工作年度报告检查汇总"

    # one row per report, and the totals
    n = len(summary.digests)
    assert _visible_rows(page).count() == n
    assert page.locator("#total-reports .n").inner_text() == str(n)
    assert page.locator("#total-unreadable .n").inner_text() == "2"
    assert page.locator("svg#chart-kinds rect.bar").count() >= 2

    # sort by year: ascending, then descending (unknown years sort as -1, first)
    page.click("#reports thead th[data-key=year]")
    years = [int(y) for y in page.locator("#reports tbody tr td:nth-child(2)").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")]
    assert years == sorted(years) and years[-1] == 2025
    page.click("#reports thead th[data-key=year]")
    assert page.get_attribute("#reports thead th[data-key=year]", "aria-sort") == "descending"
    first_year = page.locator("#reports tbody tr").first.locator("td").nth(1).inner_text()
    assert first_year == "2025"

    # filter by status
    page.select_option("#status-filter", "unreadable")
    assert _visible_rows(page).count() == 2
    assert page.locator("#shown").inner_text() == "2"
    assert set(_visible_rows(page).locator("td.file").all_inner_texts()) == {"zz-damaged.pdf", "zz-empty.txt"}
    page.select_option("#status-filter", "compliant")
    compliant = sum(1 for d in summary.digests if not d.error and not any(f["severity"] == "error" for f in d.findings))
    assert _visible_rows(page).count() == compliant
    page.select_option("#status-filter", "")
    assert _visible_rows(page).count() == n

    # a report's detail: the 2024 report of 平潭综合实验区, whose 现行有效件数 breaks the roll-forward
    page.locator("#reports tbody tr", has_text="pingtan-019.html").click()
    dialog = page.locator("dialog#detail[open]")
    dialog.wait_for()
    assert "平潭综合实验区 · 2024 年度" in dialog.locator("#detail-title").inner_text()
    assert dialog.locator("ul.sections li").count() == 6
    failing = dialog.locator("table.grid[data-table=proactive] td.cell-fail")
    assert failing.count() == 1
    assert failing.get_attribute("data-col") == "valid"
    assert failing.inner_text().split() == ["440", "应为", "499"]
    assert failing.evaluate("td => td.closest('tr').dataset.row") == "art20_1.normative"
    finding = dialog.locator("ol.findings li", has_text="DL502")
    assert "现行有效件数为440" in finding.inner_text() and "行政规范性文件 | 62 | 33 | 440" in finding.locator("pre.text").inner_text()
    shots = Path(os.environ.get("DISCLINT_ARTIFACTS") or summary.out_dir)
    shots.mkdir(parents=True, exist_ok=True)
    failing.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "summary-detail.png"))
    assert (shots / "summary-detail.png").stat().st_size > 10_000
    page.click("#detail-close")
    assert page.locator("dialog#detail[open]").count() == 0
    page.screenshot(path=str(shots / "summary-page.png"), full_page=True)
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


def test_ranking_filters_and_print_in_chromium(summary, browser_page):
    page, requests = browser_page
    page.goto(Path(summary.out_dir, "index.html").as_uri())
    n = len(summary.digests)

    # the ranking: bodies by errors, the reports of unknown bodies apart and unranked
    places = page.locator("#ranking tr.body td.place").all_inner_texts()
    assert places == [str(i) for i in range(1, len(places) + 1)]
    errors = [int(t) for t in page.locator("#ranking tr.body td:nth-child(5)").all_inner_texts()]
    assert errors == sorted(errors, reverse=True)
    assert "不参与排名" in page.locator("#ranking-unknown").inner_text()
    # a click on a body shows only its reports
    page.locator("#ranking tr.body", has_text="平潭县人民政府").click()
    assert set(_visible_rows(page).locator("td.file").all_inner_texts()) == {"pingtan-002.txt", "pingtan-003.txt",
                                                                           "pingtan-005.txt"}
    page.select_option("#body-filter", "")

    # filters: problem type, rule, late publication, level
    page.select_option("#type-filter", "正文与上年雷同")
    assert set(_visible_rows(page).locator("td.file").all_inner_texts()) == {"pingtan-003.txt", "pingtan-005.txt",
                                                                           "pingtan-006.txt"}
    page.select_option("#type-filter", "")
    page.select_option("#rule-filter", "DL502")
    assert set(_visible_rows(page).locator("td.file").all_inner_texts()) == {"pingtan-019.html", "pingtan-020.html"}
    page.select_option("#rule-filter", "")
    page.check("#late-filter")
    late = {os.path.basename(d.path) for d in summary.digests if any(f["kind"] == "deadline" for f in d.findings)}
    assert late and set(_visible_rows(page).locator("td.file").all_inner_texts()) == late
    page.uncheck("#late-filter")
    page.select_option("#level-filter", "县级以上人民政府部门")
    shown = _visible_rows(page).locator("td.file").all_inner_texts()
    assert shown and "pingtan-031.txt" in shown and "pingtan-019.html" not in shown  # 公安局, not the 实验区
    page.select_option("#level-filter", "")
    assert _visible_rows(page).count() == n

    # every chart fits its card: no bar or number beyond the card's right edge
    for chart in page.locator("svg.chart").all():
        card = chart.evaluate("svg => svg.closest('.panel').getBoundingClientRect().right")
        for box in chart.locator("rect.bar, text.value").evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().right)"):
            assert box <= card

    # printed: title, totals and ranking, then one block per report with problems; no controls, no charts
    page.emulate_media(media="print")
    assert not page.locator("#reports-panel").is_visible() and not page.locator("svg.chart").first.is_visible()
    assert page.locator("#ranking").is_visible() and page.locator("#print-blocks").is_visible()
    blocks = page.locator("#print-blocks .block")
    with_problems = sum(1 for d in summary.digests if d.error or any(f["severity"] in ("error", "warning")
                                                                     for f in d.findings))
    assert blocks.count() == with_problems
    carry = page.locator("#print-blocks .block", has_text="pingtan-019.html").inner_text()
    assert "「第二十条第（一）项·行政规范性文件」行「现行有效件数」列，应为 499，实为 440" in carry
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


def test_repairs_mark_the_likely_wrong_cells_in_chromium(summary, browser_page, tmp_path):
    """Issue 13's Finding.repairs, as the words helper fills them: one option marks its cells as the
    wrong ones with the value they should have; several options mark every candidate as uncertain."""
    import copy

    from disclint.summary.html import render_index
    from disclint.summary.ranking import overview, rank
    from disclint.summary.rows import make_rows

    digests = copy.deepcopy(summary.digests)
    d = next(d for d in digests if d.path.endswith("pingtan-019.html"))
    d.findings.append({"rule": "DL301", "name": "requests-balance", "kind": "table-identity", "severity": "error",
                       "line": 29, "column": 1, "message": "申请数与办理结果数不平衡", "section": "requests",
                       "table": "requests", "row": None, "table_column": None, "expected": None, "actual": None,
                       "fingerprint": "x", "repairs": [[{"row": "r1_new", "column": "np", "actual": 217, "expected": 216}],
                                                       [{"row": "r3_1_granted", "column": "np", "actual": 71,
                                                         "expected": 72}]]})
    d.findings.append({"rule": "DL302", "name": "requests-total", "kind": "table-identity", "severity": "error",
                       "line": 29, "column": 1, "message": "总计不等于各列之和", "section": "requests",
                       # anchored at another cell: only the repair's cell is marked
                       "table": "requests", "row": "r3_7_total", "table_column": "np", "expected": 217, "actual": 218,
                       "fingerprint": "y", "repairs": [[{"row": "r1_new", "column": "total", "actual": 218,
                                                        "expected": 217}]]})
    rows = make_rows(digests)
    html = render_index(digests, rows, rank(digests, rows), overview(digests, rows, summary.pairs), sources=[],
                        notes=[], shown={})
    index = tmp_path / "index.html"
    index.write_text(html, encoding="utf-8")
    page, _ = browser_page
    page.goto(index.as_uri())
    page.locator("#reports tbody tr", has_text="pingtan-019.html").click()
    grid = page.locator("dialog#detail[open] table.grid[data-table=requests]")
    sure = grid.locator("td.cell-fail")
    assert sure.count() == 1 and sure.get_attribute("data-col") == "total"
    assert sure.inner_text().split() == ["218", "应为", "217"]
    maybe = grid.locator("td.cell-maybe")
    assert sorted(maybe.evaluate_all("tds => tds.map(td => td.closest('tr').dataset.row)")) == ["r1_new", "r3_1_granted"]
    assert "或应为 216" in maybe.first.inner_text() or "或应为 72" in maybe.first.inner_text()
    page.click("#detail-close")
    # printed: the message, never the anchor cell as if it were the wrong one
    page.emulate_media(media="print")
    block = page.locator("#print-blocks .block", has_text="pingtan-019.html").inner_text()
    assert "总计不等于各列之和" in block and "「（七）总计」行" not in block and "实为 218" not in block
    page.emulate_media(media="screen")
