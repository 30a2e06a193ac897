"""index.html: one self-contained page (CSS, script and SVG charts inline; nothing fetched) with the
totals, two charts, a sortable and filterable table of reports and a detail view per report.

The table rows are rendered here, so the page reads without script; the detail views are drawn by
the page's script from one embedded JSON document (tables as row/column/value arrays), which keeps
a 10,000-report page to a few tens of megabytes. The script only ever sets textContent: report
text is untrusted."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

from .charts import bar_chart
from .digest import ReportDigest
from .rows import KIND_ZH, SECTION_ZH, SEVERITY_ZH, STATUS_ZH, TABLE_ZH, Row

TEMPLATES = Path(__file__).parent / "templates"
TOP_AGENCIES = 15


def _labels() -> dict:
    """Row and column labels of the three tables (from the table layouts), for the detail view."""
    out = {tid: {"title": title, "rows": {}, "cols": {}} for tid, title in TABLE_ZH.items()}
    try:
        from ..tables.layout import load_layouts
    except ImportError:
        return out
    for tid, spec in load_layouts().items():
        entry = out.setdefault(tid, {"title": spec.caption, "rows": {}, "cols": {}})
        groups = {g.get("id"): g.get("label") for g in spec.column_groups}
        for col in spec.columns:
            group = groups.get(col.group)
            entry["cols"].setdefault(col.id, f"{group}·{col.label}" if group else col.label)
        # The newest layout's wording first (2021: 行政规范性文件, not 2019's 规范性文件).
        for layout in sorted(spec.layouts.values(), key=lambda lay: lay.name, reverse=True):
            groups_of_rows = {row.id: row for row in layout.rows if not row.numeric}
            for row in layout.rows:
                parent = groups_of_rows.get(row.id.rsplit("_", 1)[0])
                # 1.属于国家秘密 alone does not say which group: prefix （三）不予公开.
                label = f"{parent.label} · {row.label}" if parent and parent.id != row.id else row.label
                entry["rows"].setdefault(row.id, label)
                for col in row.columns:
                    entry["cols"].setdefault(col.id, col.label)
    return out


def _table(t: dict, labels: dict) -> dict:
    rows = list(t.get("cells", {}))
    cols: list[str] = []
    for r in rows:
        for c in t["cells"][r]:
            if c not in cols:
                cols.append(c)
    # the format's column order (自然人 … 其他, 总计 last), whatever order the cells were read in
    order = {c: i for i, c in enumerate(labels.get(t["id"], {}).get("cols", {}))}
    cols.sort(key=lambda c: order.get(c, len(order)))
    return {"id": t["id"], "line": t.get("line"), "rows": rows, "cols": cols,
            "v": [[t["cells"][r].get(c, "") if c in t["cells"][r] else "" for c in cols] for r in rows]}


def _detail(d: ReportDigest, row: Row, labels: dict) -> dict:
    doc = d.document or {}
    return {
        "path": row.path, "agency": row.agency, "year": row.year, "profile": row.profile, "status": row.status,
        "kind": row.kind, "title": d.title or "", "error": row.error_message, "published": row.published,
        "sections": [[s["id"], s["title"], s["line"]] for s in doc.get("sections", [])],
        "missing": row.missing_sections,
        "tables": [_table(t, labels) for t in doc.get("tables", [])],
        "findings": [{"rule": f["rule"], "kind": f["kind"], "sev": f["severity"], "line": f.get("line"),
                      "msg": f["message"], "table": f.get("table"), "row": f.get("row"),
                      "col": f.get("table_column"), "exp": f.get("expected"), "act": f.get("actual"),
                      "text": d.excerpts.get(f.get("line")) if f.get("line") else None,
                      "prev": f.get("previous")} for f in d.findings],
    }


def _script_json(value) -> str:
    """JSON safe inside <script>: no '</script>' or '<!--' can close or confuse the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _charts(digests: list[ReportDigest], rows: list[Row]) -> tuple[str, str]:
    by_kind: dict[str, Counter] = {}
    by_agency: dict[str, Counter] = {}
    for d, r in zip(digests, rows):
        for f in d.findings:
            by_kind.setdefault(KIND_ZH.get(f["kind"], f["kind"]), Counter())[f["severity"]] += 1
            by_agency.setdefault(r.agency or "（未识别机关）", Counter())[f["severity"]] += 1
    kinds = sorted(by_kind.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    agencies = sorted(by_agency.items(), key=lambda kv: (-kv[1]["error"], -sum(kv[1].values()), kv[0]))
    kind_chart = bar_chart([(k, dict(v)) for k, v in kinds], "问题类型分布", "chart-kinds")
    title = f"问题最多的机关（前{TOP_AGENCIES}）" if len(agencies) > TOP_AGENCIES else "各机关问题数"
    agency_chart = bar_chart([(k, dict(v)) for k, v in agencies[:TOP_AGENCIES]], title, "chart-agencies")
    return kind_chart, agency_chart


def render_index(digests: list[ReportDigest], rows: list[Row], *, sources: list[str], notes: list[str],
                 pairs: int) -> str:
    try:
        import jinja2
    except ImportError as e:  # pragma: no cover - jinja2 is in the summary extra
        raise RuntimeError("the HTML summary needs jinja2: pip install 'disclint[summary]'") from e
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    status = Counter(r.status for r in rows)
    totals = {"reports": len(rows), "compliant": status["compliant"], "errors": status["errors"],
              "unreadable": status["unreadable"],
              "error_findings": sum(r.errors for r in rows), "warning_findings": sum(r.warnings for r in rows),
              "pairs": pairs}
    kind_chart, agency_chart = _charts(digests, rows)
    labels = _labels()
    data = {"labels": {"tables": labels, "kinds": KIND_ZH, "sections": SECTION_ZH, "severity": SEVERITY_ZH,
                       "status": STATUS_ZH},
            "reports": [_detail(d, r, labels) for d, r in zip(digests, rows)]}
    from markupsafe import Markup

    return env.get_template("index.html.j2").render(
        rows=rows, totals=totals, kind_chart=Markup(kind_chart), agency_chart=Markup(agency_chart),
        years=sorted({r.year for r in rows if r.year is not None}),
        profiles=sorted({r.profile for r in rows if r.profile}), statuses=STATUS_ZH,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"), sources=sources, notes=notes,
        data_json=Markup(_script_json(data)))
