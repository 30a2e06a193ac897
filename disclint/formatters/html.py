"""`--format html`: one self-contained page for one or more reports — each report's text with its
findings marked where they are, the three tables with failing cells and the likely wrong cell
marked, and the list of findings. The view is disclint.report_view's, the one the summary's
detail view and `disclint serve` draw; nothing is fetched from anywhere."""
from __future__ import annotations

import html

from .. import report_view
from ..report_view.words import labels
from ._position import is_text_input, position_text
from .json import file_json

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="disclint">
<title>{title}</title>
<style>
body {{ font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif; margin: 0; background: #f4f6f9; color: #1f2933; }}
main {{ max-width: 1180px; margin: 0 auto; padding: 20px; }}
header.page h1 {{ font-size: 22px; margin: 8px 0 4px; }}
header.page p {{ color: #52606d; margin: 0 0 12px; }}
section.report {{ background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 16px 22px; margin: 16px 0; }}
section.report h2 {{ font-size: 18px; margin: 0; }}
section.report .meta {{ color: #7b8794; font-size: 12px; word-break: break-all; }}
p.download a {{ display: inline-block; background: #2563eb; color: #fff; padding: 8px 14px; border-radius: 6px; text-decoration: none; }}
{css}
</style>
</head>
<body>
<main>
<header class="page"><h1>{title}</h1><p>{totals}</p>{before}</header>
{sections}
<noscript><p>{noscript}</p></noscript>
</main>
<script>
var DISCLINT = {data};
{js}
(function () {{
  DISCLINT.reports.forEach(function (r, i) {{
    var section = document.getElementById("report-" + i);
    section.querySelector("h2").textContent = DisclintView.title(r, DISCLINT.labels);
    section.querySelector(".meta").textContent = DisclintView.meta(r, DISCLINT.labels);
    DisclintView.render(section.querySelector(".dv"), r, DISCLINT.labels);
  }});
}})();
</script>
</body>
</html>
"""


def render(report, before: str = "") -> str:
    """The page; `before` is trusted HTML placed under the heading (serve's download link)."""
    from .common import summary_line

    lang = "en" if report.settings.lang == "en" else "zh"
    view_labels = labels(lang)
    reports = []
    for i, result in enumerate(report.results):
        entry = file_json(result, lang)
        text = result.document.text if result.document is not None else ""
        lines = {n: line for n, line in enumerate(text.split("\n"), 1) if line.strip()}
        data = report_view.report_data(entry, view_labels["tables"], text_lines=lines,
                                       extra={"anchor": f"{i}-", "fullText": True,
                                              "title": result.document.title if result.document else None})
        if result.document is not None and not is_text_input(result.document):
            data["lines"] = False  # Word, PDF and pages have no line numbers a reader can find
            for f, shown in zip(result.findings, data["findings"]):
                shown["place"] = position_text(f, result.document, lang)
        reports.append(data)
    title = "disclint report check" if lang == "en" else "disclint 年报检查结果"
    sections = "\n".join(f'<section class="report" id="report-{i}"><h2></h2><div class="meta"></div>'
                         f'<div class="dv"></div></section>' for i in range(len(reports)))
    noscript = ("This page draws the findings with JavaScript; use --format text for a plain listing."
                if lang == "en" else "此页面用 JavaScript 显示检查结果；纯文本结果请用 --format text。")
    return _PAGE.format(lang="en" if lang == "en" else "zh-CN", title=html.escape(title),
                        totals=html.escape(summary_line(report)), before=before, sections=sections,
                        noscript=html.escape(noscript), css=report_view.stylesheet(), js=report_view.script(),
                        data=report_view.script_json({"labels": view_labels, "reports": reports}))
