"""Hand-written inline SVG bar charts for the summary page: no library, no script, no network, and
they print. Labels are escaped here because the markup is inserted into the page as is."""
from __future__ import annotations

from html import escape

SERIES_COLOURS = {"error": "#c0392b", "warning": "#e6a23c", "info": "#7f8c9a"}
SERIES_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _text_width(label: str) -> float:
    """Approximate rendered width at 13px: CJK characters are square, Latin about half."""
    return sum(13 if ord(ch) > 0x2E80 else 7.2 for ch in label)


def bar_chart(items: list[tuple[str, dict[str, int]]], title: str, chart_id: str, empty: str = "无问题") -> str:
    """Horizontal stacked bars, one per item: (label, {series: count}), series error/warning/info."""
    series = [s for s in SERIES_COLOURS if any(v.get(s) for _, v in items)]
    row_h, gap, top = 26, 8, 34
    label_w = min(240, max([_text_width(label) for label, _ in items] + [60]) + 12)
    bar_w, width = 360, 0
    width = int(label_w + bar_w + 70)
    height = top + max(1, len(items)) * (row_h + gap) + 10
    peak = max([sum(v.values()) for _, v in items] + [1])
    out = [f'<svg id="{escape(chart_id)}" class="chart" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title>"]
    legend_x = label_w
    for s in series:
        out.append(f'<rect x="{legend_x}" y="8" width="12" height="12" rx="2" fill="{SERIES_COLOURS[s]}"/>'
                   f'<text x="{legend_x + 17}" y="19" class="legend">{SERIES_ZH[s]}</text>')
        legend_x += 64
    if not items:
        out.append(f'<text x="{label_w}" y="{top + 18}" class="empty">{escape(empty)}</text>')
    for i, (label, values) in enumerate(items):
        y = top + i * (row_h + gap)
        shown = label if _text_width(label) <= label_w - 12 else label[: int((label_w - 24) / 13)] + "…"
        out.append(f'<text x="{label_w - 8}" y="{y + row_h * 0.68:.1f}" text-anchor="end" class="label">'
                   f"<title>{escape(label)}</title>{escape(shown)}</text>")
        x = float(label_w)
        for s in series:
            n = values.get(s, 0)
            if not n:
                continue
            w = max(2.0, bar_w * n / peak)
            out.append(f'<rect class="bar bar-{s}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h}" rx="3" '
                       f'fill="{SERIES_COLOURS[s]}"><title>{escape(label)}：{SERIES_ZH[s]} {n}</title></rect>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + row_h * 0.68:.1f}" class="value">{sum(values.values())}</text>')
    out.append("</svg>")
    return "".join(out)
