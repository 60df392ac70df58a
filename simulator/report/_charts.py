"""Inline SVG charts, drawn server-side: interval plots, funnels, hour-of-day lines, rule bars.

Plain SVG strings with every label escaped, so the report needs no charting library, no network
and no script to show its figures: the scorecard is readable the moment the file is parsed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

PALETTE = ("#2563eb", "#d97706", "#059669", "#9333ea", "#db2777", "#0891b2", "#65a30d")
BASELINE_COLOR = "#6b7280"
NIGHT_HOURS = (22, 6)
"""Shaded in the hour charts: from 22:00 to 06:00, customer's local time."""

SEVERITY_COLOR = {"critical": "#b91c1c", "major": "#c2410c", "minor": "#a16207"}


def agent_colors(agents: Sequence[str], baseline: str | None) -> dict[str, str]:
    """A stable colour per agent: the palette for candidates, grey for the baseline."""
    colors: dict[str, str] = {}
    others = [a for a in agents if a != baseline]
    for i, agent in enumerate(others):
        colors[agent] = PALETTE[i % len(PALETTE)]
    if baseline is not None:
        colors[baseline] = BASELINE_COLOR
    return colors


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pct(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def interval_axis(width: int = 260, pad: int = 8) -> Markup:
    """The 0–100% scale shown above a column of interval plots."""
    inner = width - 2 * pad
    parts = [
        f'<svg class="axis" width="{width}" height="16" viewBox="0 0 {width} 16" '
        'aria-hidden="true">'
    ]
    for frac in (0, 0.25, 0.5, 0.75, 1):
        x = pad + inner * frac
        anchor = "start" if frac == 0 else "end" if frac == 1 else "middle"
        parts.append(f'<text x="{_num(x)}" y="12" text-anchor="{anchor}">{int(frac * 100)}%</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def interval_plot(
    rates: Sequence[tuple[str, dict[str, Any], str]], width: int = 260, pad: int = 8
) -> Markup:
    """One row per agent: the rate as a dot on its 95% interval, on a 0–100% scale."""
    row_h = 14
    height = row_h * len(rates) + 4
    inner = width - 2 * pad
    parts = [
        f'<svg class="interval" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img">'
    ]
    for frac in (0, 0.25, 0.5, 0.75, 1):
        x = _num(pad + inner * frac)
        parts.append(f'<line class="grid" x1="{x}" x2="{x}" y1="0" y2="{height}"/>')
    for i, (agent, rate, color) in enumerate(rates):
        y = _num(row_h * i + row_h / 2 + 2)
        value = rate.get("value")
        if value is None:
            continue
        low, high = rate.get("low", value), rate.get("high", value)
        x1, x2, xv = (_num(pad + inner * v) for v in (low, high, value))
        label = escape(
            f"{agent}: {_pct(value, 1)} [{_pct(low, 1)}–{_pct(high, 1)}], "
            f"{rate.get('successes')}/{rate.get('n')}"
        )
        parts.append(
            f"<g><title>{label}</title>"
            f'<line x1="{x1}" x2="{x2}" y1="{y}" y2="{y}" stroke="{color}" stroke-width="3" '
            'stroke-linecap="round" opacity="0.45"/>'
            f'<circle cx="{xv}" cy="{y}" r="4.5" fill="{color}"/></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def funnel_chart(
    steps: Sequence[tuple[str, int]], total: int, color: str, width: int = 400
) -> Markup:
    """Horizontal bars, one per funnel step, as a share of the conversations opened."""
    label_w, value_w, row_h = 118, 92, 24
    bar_w = width - label_w - value_w
    height = row_h * len(steps) + 4
    parts = [
        f'<svg class="funnel" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img">'
    ]
    for i, (label, count) in enumerate(steps):
        share = count / total if total else 0.0
        y = row_h * i + 2
        w = max(1.0, bar_w * share) if count else 0.0
        parts.append(
            f'<g class="step"><title>{escape(label)}: {count} / {total} ({_pct(share, 1)})</title>'
            f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" '
            'class="track"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{_num(w)}" height="{row_h - 8}" '
            f'fill="{color}" rx="2"/>'
            f'<text class="value" x="{label_w + bar_w + 8}" y="{y + 15}">{count} · '
            f"{_pct(share, 0)}</text></g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def hour_chart(
    series: Sequence[tuple[str, str, Sequence[tuple[int, int]]]],
    night_label: str,
    width: int = 560,
    height: int = 210,
) -> Markup:
    """Rate by hour of day (0–23), one line per agent, night hours shaded.

    ``series`` holds (agent, colour, 24 x (successes, n)); an hour with no conversation has no
    dot and breaks the line, so a missing hour is never drawn as a zero.
    """
    left, right, top, bottom = 40, 10, 10, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / 24

    def x_of(hour: float) -> float:
        return left + step * hour

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value)

    parts = [
        f'<svg class="hours" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img">'
    ]
    start, end = NIGHT_HOURS
    for a, b in ((start, 24), (0, end)):
        parts.append(
            f'<rect class="night" x="{_num(x_of(a))}" y="{top}" width="{_num(step * (b - a))}" '
            f'height="{plot_h}"><title>{escape(night_label)}</title></rect>'
            f'<text class="night-label" x="{_num(x_of((a + b) / 2))}" y="{top + 12}" '
            f'text-anchor="middle">{escape(night_label)}</text>'
        )
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = _num(y_of(frac))
        parts.append(
            f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{y}" y2="{y}"/>'
            f'<text class="tick" x="{left - 6}" y="{_num(y_of(frac) + 4)}" text-anchor="end">'
            f"{int(frac * 100)}%</text>"
        )
    for hour in range(0, 24, 3):
        parts.append(
            f'<text class="tick" x="{_num(x_of(hour + 0.5))}" y="{height - 10}" '
            f'text-anchor="middle">{hour:02d}</text>'
        )
    # Earlier series are drawn wider underneath, so agents with equal rates stay visible as
    # nested lines instead of hiding each other.
    widths = [2.0 + 2.0 * (len(series) - 1 - i) for i in range(len(series))]
    for (agent, color, values), stroke in zip(series, widths, strict=True):
        radius = 2.4 + stroke / 2
        segments: list[list[tuple[float, float]]] = [[]]
        dots = []
        for hour, (successes, n) in enumerate(values):
            if not n:
                if segments[-1]:
                    segments.append([])
                continue
            value = successes / n
            point = (x_of(hour + 0.5), y_of(value))
            segments[-1].append(point)
            dots.append(
                f'<circle cx="{_num(point[0])}" cy="{_num(point[1])}" r="{_num(radius)}" '
                f'fill="{color}">'
                f"<title>{escape(agent)} {hour:02d}:00–{hour:02d}:59: {successes}/{n} = "
                f"{_pct(value, 0)}</title></circle>"
            )
        parts.append(f'<g class="series" data-agent="{escape(agent)}">')
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{_num(x)},{_num(y)}" for x, y in segment)
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="{color}" '
                    f'stroke-width="{_num(stroke)}" stroke-linejoin="round" '
                    'stroke-linecap="round"/>'
                )
        parts.extend(dots)
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def violations_chart(
    rules: Sequence[tuple[str, str, dict[str, float]]],
    agents: Sequence[str],
    colors: dict[str, str],
    width: int = 640,
    *,
    severity_labels: Mapping[str, str] | None = None,
    per_100: str = "{value} per 100 conversations",
) -> Markup:
    """Per rule, a bar per agent: conversations with the rule per 100 conversations.

    ``severity_labels`` and ``per_100`` are the hover texts in the report's language.
    """
    severity_labels = severity_labels or {}
    label_w, value_w, bar_h, gap = 230, 48, 11, 10
    bar_w = width - label_w - value_w
    top = max((v for _, _, per in rules for v in per.values()), default=0.0)
    scale = max(top, 1.0)
    group_h = bar_h * len(agents) + gap
    height = group_h * len(rules) + 4
    parts = [
        f'<svg class="rules" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img">'
    ]
    for i, (rule, severity, per_agent) in enumerate(rules):
        y0 = group_h * i + 2
        sev_color = SEVERITY_COLOR.get(severity, "#6b7280")
        parts.append(
            f'<g class="rule-link" data-rule="{escape(rule)}" tabindex="0" role="button">'
            f"<title>{escape(rule)} ({escape(severity_labels.get(severity, severity))})</title>"
            f'<rect class="hit" x="0" y="{y0 - 2}" width="{width}" height="{group_h - 2}"/>'
            f'<circle cx="8" cy="{y0 + bar_h * len(agents) / 2}" r="4" fill="{sev_color}"/>'
            f'<text class="label" x="18" y="{_num(y0 + bar_h * len(agents) / 2 + 4)}">'
            f"{escape(rule)}</text>"
        )
        for j, agent in enumerate(agents):
            value = per_agent.get(agent, 0.0)
            y = y0 + bar_h * j
            w = bar_w * value / scale
            if not value:
                continue
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{_num(max(w, 0.5))}" '
                f'height="{bar_h - 2}" fill="{colors.get(agent, BASELINE_COLOR)}">'
                f"<title>{escape(agent)}: {escape(per_100.format(value=_num(value)))}"
                "</title></rect>"
                f'<text class="value" x="{_num(label_w + w + 4)}" y="{y + bar_h - 3}">'
                f"{_num(value)}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def legend(agents: Sequence[str], colors: dict[str, str]) -> Markup:
    """Colour keys of the agents (HTML, escaped)."""
    items = "".join(
        f'<span class="key"><i style="background:{colors[a]}"></i>{escape(a)}</span>'
        for a in agents
    )
    return Markup(f'<div class="legend">{items}</div>')
