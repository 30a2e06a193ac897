"""Hand-written inline SVG bar charts for the summary page: no library, no script, no network, and
they print. Labels are escaped here because the markup is inserted into the page as is.

Each chart shows one quantity (one series, one colour), sorted, and is drawn inside a fixed viewBox
that scales to its card: the longest bar ends where the space kept for its number begins, so no bar
runs off the card and no number is cut."""
from __future__ import annotations

from html import escape

WIDTH = 420
VALUE_W = 64  # room kept right of the longest bar for its number
ERROR, ACCENT = "#c0392b", "#1d4e89"


def _text_width(label: str, size: float = 13) -> float:
    """Approximate rendered width: CJK characters are square, Latin about half."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.56 for ch in label)


def bar_chart(items: list[tuple[str, float]], title: str, chart_id: str, *, colour: str = ACCENT,
              unit: str = "", decimals: int = 0, empty: str = "无问题") -> str:
    """Horizontal bars, one per (label, value), in the order given."""
    row_h, gap, top = 24, 8, 8
    label_w = min(170, max([_text_width(label) for label, _ in items] + [60]) + 12)
    bar_w = WIDTH - label_w - VALUE_W
    height = top + max(1, len(items)) * (row_h + gap) + 4
    peak = max([v for _, v in items] + [0]) or 1
    out = [f'<svg id="{escape(chart_id)}" class="chart" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
           f'style="max-width:{WIDTH * 1.25:.0f}px" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title>"]
    if not items:
        out.append(f'<text x="{label_w}" y="{top + 18}" class="empty">{escape(empty)}</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * (row_h + gap)
        fits = _text_width(label) <= label_w - 12
        shown = label if fits else label[: max(1, int((label_w - 26) / 13))] + "…"
        number = f"{value:.{decimals}f}{unit}"
        out.append(f'<text x="{label_w - 8}" y="{y + row_h * 0.7:.1f}" text-anchor="end" class="label">'
                   f"<title>{escape(label)}</title>{escape(shown)}</text>")
        w = max(2.0, bar_w * value / peak) if value else 0.0
        out.append(f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{row_h}" rx="3" '
                   f'fill="{colour}"><title>{escape(label)}：{escape(number)}</title></rect>')
        out.append(f'<text x="{label_w + w + 6:.1f}" y="{y + row_h * 0.7:.1f}" class="value">{escape(number)}</text>')
    out.append("</svg>")
    return "".join(out)


def sparkline(points: list[tuple[int, int]], label: str) -> str:
    """A body's errors year by year, small enough for a table cell; the numbers stay readable beside it."""
    if len(points) < 2:
        return ""
    w, h, pad = 90, 22, 3
    peak = max(v for _, v in points) or 1
    step = (w - 2 * pad) / (len(points) - 1)
    xy = [(pad + i * step, h - pad - (h - 2 * pad) * v / peak) for i, (_, v) in enumerate(points)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2"/>' for x, y in xy)
    return (f'<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
            f'<polyline points="{path}" fill="none" stroke="{ERROR}" stroke-width="1.5"/>'
            f'<g fill="{ERROR}">{dots}</g></svg>')
