"""Small inline SVG plots of one fidelity comparison: real in dark grey, simulated in blue.

Plain SVG strings (no JavaScript, no fonts beyond the page's), so the standalone
fidelity.html, the report's fidelity tab and a Markdown export all show the same figure.
Labels are escaped; the numbers come from fidelity.json.
"""

from __future__ import annotations

from html import escape
from typing import Any

WIDTH, HEIGHT = 360, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 34
REAL, SIM = "#444444", "#2a7ae2"


def _frame(body: str, label: str) -> str:
    return (
        f'<svg class="fidelity-plot" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def _axis(top_label: str) -> str:
    x0, y0, y1 = LEFT, HEIGHT - BOTTOM, TOP
    return (
        f'<line x1="{x0}" y1="{y0}" x2="{WIDTH - RIGHT}" y2="{y0}" stroke="#999"/>'
        f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}" stroke="#999"/>'
        f'<text x="{x0 - 4}" y="{y1 + 8}" font-size="9" '
        f'text-anchor="end">{escape(top_label)}</text>'
        f'<text x="{x0 - 4}" y="{y0}" font-size="9" text-anchor="end">0</text>'
    )


def _legend(real: str, sim: str) -> str:
    y = HEIGHT - 6
    return (
        f'<rect x="{LEFT}" y="{y - 7}" width="8" height="8" fill="{REAL}"/>'
        f'<text x="{LEFT + 11}" y="{y}" font-size="9">{escape(real)}</text>'
        f'<rect x="{LEFT + 110}" y="{y - 7}" width="8" height="8" fill="{SIM}"/>'
        f'<text x="{LEFT + 121}" y="{y}" font-size="9">{escape(sim)}</text>'
    )


def _categories(comparison: dict[str, Any]) -> list[str]:
    seen: dict[str, None] = {}
    for side in ("real", "sim"):
        for label, _ in comparison[side]["points"]:
            seen.setdefault(str(label), None)
    return list(seen)


def _bars(comparison: dict[str, Any]) -> str:
    labels = _categories(comparison)
    values = {
        side: {str(k): float(v) for k, v in comparison[side]["points"]} for side in ("real", "sim")
    }
    top = max([v for side in values.values() for v in side.values()] + [1e-9])
    span = (WIDTH - LEFT - RIGHT) / max(1, len(labels))
    bar = max(1.0, span * 0.38)
    height = HEIGHT - TOP - BOTTOM
    parts = [_axis(f"{top:.0%}" if top <= 1 else f"{top:g}")]
    for i, label in enumerate(labels):
        x = LEFT + i * span + span * 0.1
        for j, (side, colour) in enumerate((("real", REAL), ("sim", SIM))):
            value = values[side].get(label, 0.0)
            h = height * value / top
            parts.append(
                f'<rect x="{x + j * bar:.1f}" y="{HEIGHT - BOTTOM - h:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(label)}: {value:.3g}</title></rect>"
            )
        if len(labels) <= 12 or i % 2 == 0:
            parts.append(
                f'<text x="{x + bar:.1f}" y="{HEIGHT - BOTTOM + 10}" font-size="8" '
                f'text-anchor="middle">{escape(label[:10])}</text>'
            )
    return "".join(parts)


def _curve(comparison: dict[str, Any]) -> str:
    labels = _categories(comparison)
    order = {label: i for i, label in enumerate(labels)}
    span = (WIDTH - LEFT - RIGHT) / max(1, len(labels) - 1)
    height = HEIGHT - TOP - BOTTOM
    parts = [_axis("100%")]
    for side, colour in (("real", REAL), ("sim", SIM)):
        points = [
            (LEFT + order[str(k)] * span, HEIGHT - BOTTOM - height * float(v))
            for k, v in comparison[side]["points"]
        ]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
            parts.extend(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>' for x, y in points
            )
    for label, i in order.items():
        parts.append(
            f'<text x="{LEFT + i * span:.1f}" y="{HEIGHT - BOTTOM + 10}" font-size="8" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    return "".join(parts)


def _cdf(comparison: dict[str, Any]) -> str:
    series = {
        side: [(float(v), float(q)) for q, v in comparison[side]["points"]]
        for side in ("real", "sim")
    }
    xs = [x for points in series.values() for x, _ in points]
    if not xs:
        return _axis("100%")
    lo, hi = min(xs), max(xs)
    hi = hi if hi > lo else lo + 1
    width, height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [_axis("100%")]
    for side, colour in (("real", REAL), ("sim", SIM)):
        points = [
            (LEFT + width * (x - lo) / (hi - lo), HEIGHT - BOTTOM - height * q)
            for x, q in series[side]
        ]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - BOTTOM + 10}" font-size="8">{lo:g}</text>')
    parts.append(
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - BOTTOM + 10}" font-size="8" '
        f'text-anchor="end">{hi:g}</text>'
    )
    return "".join(parts)


def plot(comparison: dict[str, Any], real_label: str = "real", sim_label: str = "simulated") -> str:
    """The SVG of one comparison as fidelity.json stores it."""
    draw = {"bars": _bars, "curve": _curve, "cdf": _cdf}[comparison["kind"]]
    return _frame(draw(comparison) + _legend(real_label, sim_label), comparison["title"])
