"""Screenshots of a summary as a supervisor sees it, for docs/summary.md and for looking at:
the overview, the ranking, one report's detail and the first pages of the print preview.

    .venv/bin/python scripts/summary_screenshots.py SUMMARY_DIR OUT_DIR [--detail TEXT]

Needs Debian's chromium, Playwright's Python package, and pdftoppm (poppler-utils) for the print
preview (page.pdf() as Chromium prints it, A4, then one PNG per page)."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("summary")
    ap.add_argument("out")
    ap.add_argument("--detail", default="019.html", help="text of the report row to open")
    ap.add_argument("--pages", type=int, default=3, help="print-preview pages to keep")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    index = Path(a.summary, "index.html").resolve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900}, locale="zh-CN")
        page.goto(index.as_uri())
        page.screenshot(path=str(out / "overview.png"))
        page.locator("#ranking-panel").screenshot(path=str(out / "ranking.png"))
        page.locator("#reports tbody tr", has_text=a.detail).first.click()
        page.locator("dialog#detail[open]").wait_for()
        fail = page.locator("dialog#detail td.cell-fail").first
        if fail.count():
            fail.scroll_into_view_if_needed()
        page.screenshot(path=str(out / "detail.png"))
        page.click("#detail-close")
        page.emulate_media(media="print")
        pdf = out / "print.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
        browser.close()
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", str(a.pages), str(pdf), str(out / "print")], check=True)
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    print(next((line for line in pages.splitlines() if line.startswith("Pages")), ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
