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
