"""index.html: one self-contained page (CSS, script and SVG charts inline; nothing fetched):

    totals · charts (problems by type, bodies with most errors, the trend over years) · the ranking
    of bodies · the per-report table (sortable; filters by body, region, level, problem type, rule,
    late publication, status, year, format) · a detail view per report · a print-only part: one block
    per report with its failing cells, so that printing gives a document to circulate

The table rows are rendered here, so the page reads without script; the detail views are drawn by
the page's script from one embedded JSON document (tables as row/column/value arrays), which keeps
a 10,000-report page to a few tens of megabytes. The script only ever sets textContent: report
text is untrusted."""
from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from .. import report_view
from .charts import ERROR, bar_chart, sparkline
from .digest import ReportDigest
from .labels import cell_words, problem_type, similarity
from .ranking import Overview, Ranking
from ..report_view.words import labels
from .rows import SEVERITY_ZH, STATUS_ZH, Row

TEMPLATES = Path(__file__).parent / "templates"
TOP_BODIES = 10
TOP_TYPES = 10
PRINT_QUOTE = 90  # characters of the report's line quoted under a finding on paper


def _detail(d: ReportDigest, row: Row, labels: dict, shown: dict[str, str]) -> dict:
    """The report's data for the detail view (report_view, the view check --format html draws), with
    what a supervisor reads besides: the problem type, a similarity, the other year's file."""
    data = report_view.report_data(d.entry, labels, text_lines=d.excerpts, extra={
        "path": row.shown, "agency": row.agency, "year": row.year, "profile": row.profile, "status": row.status,
        "kind": row.genre, "title": d.title or "", "error": row.error_message, "published": row.published,
        "missing": row.missing_sections})
    for f, shown_f in zip(d.findings, data["findings"]):
        sim = similarity(f)
        shown_f.update(type=problem_type(f), sim=sim, exp=None if sim else f.get("expected"),
                       act=None if sim else f.get("actual"),
                       prev=shown.get(f.get("previous"), f.get("previous")) if f.get("previous") else None)
    return data


def _charts(rows: list[Row], ranking: Ranking, o: Overview) -> list[tuple[str, str]]:
    """(card title, svg): each chart one quantity."""
    charts = [("各类问题涉及的报告数", bar_chart([(k, r) for k, _, r in o.by_type[:TOP_TYPES]], "各类问题涉及的报告数",
                                         "chart-kinds", unit=" 份"))]
    top = [b for b in ranking.bodies if b.errors][:TOP_BODIES]
    title = f"错误最多的机关（前 {TOP_BODIES}）" if len(top) == TOP_BODIES else "有错误的机关"
    charts.append((title, bar_chart([(b.name, b.errors) for b in top], title, "chart-agencies", colour=ERROR,
                                    unit=" 处", empty="没有机关的报告有错误")))
    if len(o.years) > 1:  # the trend: errors per report, year by year
        per_year = []
        for y in o.years:
            of_year = [r for r in rows if r.year == y and r.status != "unreadable"]
            per_year.append((f"{y} 年度（{len(of_year)} 份）", sum(r.errors for r in of_year) / max(1, len(of_year))))
        charts.append(("各年度报告平均错误数", bar_chart(per_year, "各年度报告平均错误数", "chart-years", unit=" 处/份",
                                              decimals=1)))
    return charts


def print_blocks(digests: list[ReportDigest], rows: list[Row], ranking: Ranking) -> str:
    """The printed document's part after the ranking: one block per report with errors or warnings,
    body by body in ranking order, each finding with its cell in the form's words and the report's
    line quoted once. Built here with html.escape, not in the template: for 10,000 reports Jinja's
    attribute lookups and escaping took ~9 s, this ~1 s."""
    order = [i for b in ranking.bodies for i in sorted(b.reports, key=lambda i: (rows[i].year or 0, i))]
    order += sorted(ranking.unknown.reports)
    out = ['<section class="print-only" id="print-blocks" aria-label="逐份报告的问题"><h2>逐份报告的问题</h2>']
    blocks = 0
    for i in order:
        d, r = digests[i], rows[i]
        failing = [f for f in d.findings if f["severity"] in ("error", "warning")]
        if not failing and not r.error_message:
            continue
        blocks += 1
        late = f' · <span class="late">{escape(r.deadline_zh)}</span>' if r.late else ""
        out.append(f'<div class="block"><h3>{escape(r.agency or "（未识别机关）")}'
                   f'{f" · {r.year} 年度" if r.year else ""}</h3><div class="meta">{escape(r.shown)} · {r.status_zh} · '
                   f"错误 {r.errors} 处，警告 {r.warnings} 处{late}</div>")
        if r.error_message:
            out.append(f'<div class="meta">无法读取：{escape(r.error_message)}</div>')
        out.append("<ol>")
        quoted: set = set()
        for f in failing:
            line = f.get("line")
            text = d.excerpts.get(line, "") if line and line not in quoted else ""
            quoted.add(line)  # a line quoted once per report: several findings often point at one line
            out.append(f'<li><span class="sev-{f["severity"]}">【{SEVERITY_ZH.get(f["severity"], "")}·'
                       f'{escape(problem_type(f))}】</span>{escape(f["message"])}{escape(_where(f))}'
                       f' <span class="meta">{escape(f["rule"])}{f" · 第{line}行" if line else ""}</span>'
                       + (f'<div class="q">{escape(_clip(text))}</div>' if text else "") + "</li>")
        out.append("</ol></div>")
    if not blocks:
        out.append("<p>没有报告有错误或警告。</p>")
    out.append("</section>")
    return "".join(out)


def _where(f: dict) -> str:
    """（「行政规范性文件」行「现行有效件数」列，应为 499，实为 440）, or less, as far as known."""
    if f.get("repairs"):
        # The finding's row and column only anchor the identity, and its message (issue 13) names the
        # cells the repairs point at: repeating them doubled the block. The page's detail marks them.
        return ""
    where = cell_words(f.get("table"), f.get("row"), f.get("table_column"))
    sim = similarity(f)
    if sim:
        numbers = f"相似度 {sim}"
    elif f.get("expected") is not None:
        numbers = f"应为 {f['expected']}，实为 {f.get('actual') if f.get('actual') is not None else '—'}"
    else:
        numbers = ""
    said = "，".join(x for x in (where, numbers) if x)
    return f"（{said}）" if said else ""


def _clip(text: str, chars: int = PRINT_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[:chars] + "……"


def render_index(digests: list[ReportDigest], rows: list[Row], ranking: Ranking, o: Overview, *,
                 sources: list[str], notes: list[str], shown: dict[str, str], xlsx: bool = True,
                 notice: str | None = None) -> str:
    try:
        import jinja2
    except ImportError as e:  # pragma: no cover - jinja2 is in the summary extra
        raise RuntimeError("the HTML summary needs jinja2: pip install 'disclint[summary]'") from e
    from markupsafe import Markup

    from .agency import region_of

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    view = {**labels("zh"), "status": STATUS_ZH}
    data = {"labels": view, "reports": [_detail(d, r, view["tables"], shown) for d, r in zip(digests, rows)]}
    body_of = {i: b for b in ranking.bodies for i in b.reports}
    facets = []  # per row: what the filters test
    for d, r in zip(digests, rows):
        body = body_of.get(r.index)
        found = [f for f in d.findings if f["severity"] in ("error", "warning")]
        facets.append({"body": body.key if body else "", "region": body.region if body else region_of(r.agency),
                       "types": "|" + "|".join(sorted({problem_type(f) for f in found})) + "|",
                       "rules": "|" + "|".join(sorted({f["rule"] for f in found})) + "|"})
    rules = sorted({f["rule"] for d in digests for f in d.findings if f["severity"] in ("error", "warning")})
    return env.get_template("index.html.j2").render(
        rows=rows, facets=facets, o=o, ranking=ranking, charts=[(t, Markup(svg)) for t, svg in _charts(rows, ranking, o)],
        sparks={b.key: Markup(sparkline(b.trend, f"{b.name} 历年错误")) for b in ranking.bodies},
        years=o.years, profiles=sorted({r.profile for r in rows if r.profile}), statuses=STATUS_ZH,
        regions=sorted({f["region"] for f in facets if f["region"]}),
        levels=[lv for lv, *_ in o.by_level if lv != "未能判断"], types=[k for k, *_ in o.by_type], rules=rules,
        blocks=Markup(print_blocks(digests, rows, ranking)), generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        sources=sources, notes=notes, xlsx=xlsx, notice=notice, data_json=Markup(report_view.script_json(data)),
        view_css=Markup(report_view.stylesheet()), view_js=Markup(report_view.script()))
