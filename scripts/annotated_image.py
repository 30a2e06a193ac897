#!/usr/bin/env python3
"""docs/images/annotated-copy.png: the filled template with one wrong cell and section 五 left out
(tests/writer/filled_template.py), annotated by `disclint annotate`, rendered to PDF by LibreOffice
with its comments exported; each page beside the comments LibreOffice placed on it, at their height,
as Word's comment pane shows them. Needs soffice, pdftoppm and Debian's chromium.

    .venv/bin/python scripts/annotated_image.py
"""
from __future__ import annotations

import base64
import html
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "images" / "annotated-copy.png"
DPI = 80


def main() -> None:
    from tests.writer.filled_template import filled
    from tests.writer.test_annotate import pdf_comments

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report = work / "某县2023年报.docx"
        report.write_bytes(filled())
        subprocess.run([sys.executable, "-m", "disclint", "annotate", str(report)], check=False)
        copy = work / "某县2023年报.disclint.docx"
        subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                        "--outdir", str(work), str(copy)], check=True, capture_output=True, timeout=300)
        pdf = copy.with_suffix(".pdf")
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(work / "page")], check=True,
                       capture_output=True)
        notes = pdf_comments(pdf, with_height=True)
        pages = sorted(work.glob("page-*.png"))
        blocks = []
        for number, png in enumerate(pages, 1):
            here = sorted((y, text) for page, text, y in notes if page == number)
            if not here:
                continue
            image = base64.b64encode(png.read_bytes()).decode()
            callouts = "".join(
                f'<div class="note" style="top:{y * DPI / 72:.0f}px"><b>disclint</b>{html.escape(text)}</div>'
                for y, text in here)
            blocks.append(f'<div class="page"><img src="data:image/png;base64,{image}"><div class="pane">{callouts}</div></div>')
        page = ('<html><head><meta charset="utf-8"><style>body{margin:0;background:#e5e7eb;font:12px "WenQuanYi Micro Hei",sans-serif}'
                '.page{position:relative;display:flex;margin:10px}.page img{box-shadow:0 1px 4px #0003}'
                '.pane{position:relative;width:360px;margin-left:8px}.note{position:absolute;left:0;width:340px;'
                'background:#fff8c5;border-left:3px solid #d4a72c;padding:4px 6px;white-space:pre-wrap}'
                '.note b{display:block;color:#6b5300}</style></head><body>' + "".join(blocks) + "<script>document.querySelectorAll('.pane').forEach(function(pane){var bottom=0;"
                "pane.querySelectorAll('.note').forEach(function(n){var top=Math.max(parseFloat(n.style.top),bottom+6);"
                "n.style.top=top+'px';bottom=top+n.offsetHeight;});});</script></body></html>")
        (work / "page.html").write_text(page, encoding="utf-8")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            view = browser.new_page(viewport={"width": 1080, "height": 900})
            view.goto((work / "page.html").as_uri())
            OUT.parent.mkdir(parents=True, exist_ok=True)
            view.screenshot(path=str(OUT), full_page=True)
            browser.close()
    print(OUT)


if __name__ == "__main__":
    main()
