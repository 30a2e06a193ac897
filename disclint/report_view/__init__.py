"""One report shown to a person: the view that `disclint check --format html`, the summary's detail
view and `disclint serve` all draw — the report's text with each finding marked where it is, the
three tables with their failing cells and the cell most likely wrong, and the list of findings.

The page's script draws it from plain data (`report_data`), so the summary can carry 10,000
reports in one page and draw one at a time; the script only ever sets textContent (report text is
untrusted)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

ASSETS = Path(__file__).parent


@lru_cache(maxsize=1)  # read once per process, not once per page (serve renders one per upload)
def script() -> str:
    return (ASSETS / "view.js").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (ASSETS / "view.css").read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON safe inside <script>: no '</script>' or '<!--' can close or confuse the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def table_labels(lang: str = "zh") -> dict:
    """Printed titles, row labels and column headers of the three tables, as the form prints them
    (tables.names): the view never shows an internal id. The newest era's wording first (2021:
    行政规范性文件, not 2019's 规范性文件)."""
    from ..tables.layout import load_layouts
    from ..tables.names import column_name, row_name, table_name

    out: dict = {}
    for tid, spec in load_layouts().items():
        entry = out.setdefault(tid, {"title": table_name(tid, lang), "rows": {}, "cols": {}})
        for layout in sorted(spec.layouts.values(), key=lambda lay: lay.name, reverse=True):
            for row in layout.rows:
                entry["rows"].setdefault(row.id, row_name(tid, layout.name, row.id, lang))
            for col in layout.columns:
                entry["cols"].setdefault(col.id, column_name(tid, layout.name, col.id, lang))
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


def report_data(entry: dict, labels: dict, *, text_lines: dict[int, str] | None = None,
                extra: dict | None = None) -> dict:
    """The view's data for one file's entry of the JSON contract.

    `text_lines` maps line numbers to their text: all of them for a one-report page, only the lines
    findings point at for the summary."""
    doc = entry.get("document") or {}
    error = entry.get("error")
    return {
        "path": entry["path"], "agency": doc.get("agency"), "year": doc.get("year"),
        "profile": doc.get("profile"), "format": doc.get("format"), "kind": doc.get("kind"),
        "published": doc.get("published"),
        "error": f"{error['message']}（{error['kind']}）" if error else None,
        "sections": [[s["id"], s["title"], s["line"]] for s in doc.get("sections", [])],
        "missing": sorted({f["section"] for f in entry["findings"] if f["kind"] == "missing-section" and f.get("section")}),
        "tables": [_table(t, labels) for t in doc.get("tables", [])],
        "findings": [{"rule": f["rule"], "kind": f["kind"], "sev": f["severity"], "line": f.get("line"),
                      "colno": f.get("column"), "msg": f["message"], "table": f.get("table"), "row": f.get("row"),
                      "col": f.get("table_column"), "exp": f.get("expected"), "act": f.get("actual"),
                      "repairs": f.get("repairs") or [], "page": f.get("page"), "prev": f.get("previous")}
                     for f in entry["findings"]],
        "text": {str(k): v for k, v in (text_lines or {}).items()},
        **(extra or {}),
    }
