"""Rendering: the Jinja template around streamed transcripts, and the markdown summary.

The HTML is rendered once with two placeholders; the transcripts are then streamed between the
head and the tail, so the file is written without ever holding the transcripts in memory. Every
JSON block is escaped so that no ``<`` appears inside a ``<script>`` element: a message saying
``</script><script>...`` stays text. A Content-Security-Policy allows only the report's own
script (by its hash) and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from simulator.metrics import SCORECARD_METRICS, metrics
from simulator.report._charts import (
    PALETTE,
    agent_colors,
    funnel_chart,
    hour_chart,
    interval_axis,
    interval_plot,
    legend,
    violations_chart,
)
from simulator.report._data import (
    FUNNEL_STEPS,
    ReportData,
    RunSide,
    iter_transcript_lines,
    ordered_agents,
)
from simulator.report._i18n import UIText, strings
from simulator.report._notes import NOT_RECORDED, LostReasons
from simulator.scorecard import money

TRANSCRIPTS_SLOT = "\x00salesim:transcripts\x00"
INDEX_SLOT = "\x00salesim:index\x00"
ANNOTATIONS_FORMAT = "salesim-annotations"
ANNOTATIONS_VERSION = 1
RANK = {"critical": 0, "major": 1, "minor": 2}


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` as \\u escapes."""
    return escape_script_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def escape_script_text(text: str) -> str:
    """Escape an already serialised JSON text for a ``<script>`` element (same bytes as JSON)."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("simulator.report").joinpath("templates", name).read_text("utf-8")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("simulator.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,  # a misspelt name fails the report, never renders as nothing
    )


# --- formatting ----------------------------------------------------------------------------------


def pct(value: float | None, digits: int = 1) -> str:
    """``61.3%``, or ``–`` for no value."""
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def rate_text(rate: dict[str, Any] | None) -> str:
    """``61.3% [56–67]``."""
    if not rate or rate.get("value") is None:
        return "–"
    return f"{pct(rate['value'])} [{rate['low'] * 100:.0f}–{rate['high'] * 100:.0f}]"


def diff_text(comparison: dict[str, Any] | None) -> tuple[str, str]:
    """``+29.3 pp [+24, +35]`` and a CSS class: up (interval above 0), down, or flat."""
    if not comparison or comparison.get("diff") is None:
        return "–", "flat"
    text = f"{comparison['diff'] * 100:+.1f} pp"
    low, high = comparison.get("diff_low"), comparison.get("diff_high")
    if low is not None and high is not None:
        text += f" [{low * 100:+.0f}, {high * 100:+.0f}]"
    css = "up" if low is not None and low > 0 else "down" if high is not None and high < 0 else ""
    return text, css or "flat"


def lift_text(comparison: dict[str, Any] | None) -> str:
    """``+92% [+69%, +123%]`` or ``n/a`` (baseline rate 0)."""
    if not comparison or comparison.get("lift") is None:
        return "n/a"
    text = f"{comparison['lift'] * 100:+.0f}%"
    low, high = comparison.get("lift_low"), comparison.get("lift_high")
    if low is not None and high is not None:
        text += f" [{low * 100:+.0f}%, {high * 100:+.0f}%]"
    return text


def point_comparison(
    cand: dict[str, Any] | None, base: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Difference and lift without intervals, for a run whose summary.json is not written yet."""
    if not cand or not base or cand.get("value") is None or base.get("value") is None:
        return None
    diff = cand["value"] - base["value"]
    return {"diff": diff, "lift": diff / base["value"] if base["value"] else None}


def metric_labels(name: str, lang: str) -> tuple[str, str]:
    """The metric's label in the UI language, and in the other one."""
    metric = metrics.get(name)
    return (metric.label_zh, metric.label) if lang == "zh" else (metric.label, metric.label_zh)


# --- context -------------------------------------------------------------------------------------


def agent_rate(side: RunSide, agent: str, name: str) -> dict[str, Any] | None:
    """A scorecard rate: from summary.json when the run finished, else counted from the scores."""
    summary_agents = (side.summary or {}).get("agents") or {}
    if agent in summary_agents:
        return summary_agents[agent].get("metrics", {}).get(name)
    return side.tallies[agent].metric(name) if agent in side.tallies else None


def scorecards(side: RunSide, colors: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """One card per candidate: each metric against the baseline, plotted and in figures."""
    baseline = side.baseline
    comparisons = (side.summary or {}).get("comparisons") or {}
    summary_agents = (side.summary or {}).get("agents") or {}
    cards = []
    for agent in side.candidates or ordered_agents(side):
        rows = []
        for name in SCORECARD_METRICS:
            cand = agent_rate(side, agent, name)
            base = agent_rate(side, baseline, name) if baseline else None
            plotted = [(agent, cand or {}, colors.get(agent, "#2563eb"))]
            if base:
                plotted.append((baseline or "", base, colors.get(baseline or "", "#6b7280")))
            comparison = comparisons.get(agent, {}).get("metrics", {}).get(name)
            comparison = comparison or point_comparison(cand, base)
            diff, css = diff_text(comparison)
            label, other = metric_labels(name, lang)
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "other": other,
                    "plot": interval_plot(plotted),
                    "cand": rate_text(cand),
                    "base": rate_text(base),
                    "diff": diff,
                    "css": css,
                    "lift": lift_text(comparison),
                }
            )
        n = summary_agents.get(agent, {}).get("n") or side.tallies[agent].n
        n_base = (
            summary_agents.get(baseline, {}).get("n")
            or (side.tallies[baseline].n if baseline in side.tallies else None)
            if baseline
            else None
        )
        cards.append(
            {
                "agent": agent,
                "baseline": baseline,
                "rows": rows,
                "n": n,
                "n_base": n_base,
                "paired": comparisons.get(agent, {}).get("paired"),
            }
        )
    return cards


def _rate_cells(tally_of: Any, agents: list[str], key: str) -> list[dict[str, Any]]:
    cells = []
    for agent in agents:
        tally = tally_of.get((agent, key))
        for name in ("reply_rate", "lead_capture", "valid_lead", "compliance"):
            rate = tally.metric(name) if tally else None
            cells.append(
                {
                    "text": pct(rate["value"], 0) if rate else "–",
                    "title": f"{rate['successes']}/{rate['n']}" if rate and rate["n"] else "",
                    "value": rate["value"] if rate else None,
                }
            )
    return cells


def breakdown(side: RunSide, agents: list[str], by: str) -> list[dict[str, Any]]:
    """Rows of the per-persona or per-locale table."""
    tally_of = side.by_persona if by == "persona" else side.by_locale
    keys = sorted({key for (_, key) in tally_of})
    return [
        {
            "key": key,
            "n": sum(tally_of[(a, key)].n for a in agents if (a, key) in tally_of),
            "cells": _rate_cells(tally_of, agents, key),
        }
        for key in keys
    ]


LostColumn = tuple[str, int, LostReasons]
"""One column of the lost-conversation tables: its heading, the conversations, their reasons."""


def lost_columns(side: RunSide, agents: list[str]) -> list[LostColumn]:
    """One column per agent of ``side`` (all of its conversations are the shares' denominator)."""
    return [(agent, side.tallies[agent].n, side.lost.get(agent, LostReasons())) for agent in agents]


def compare_lost_columns(data: ReportData) -> list[LostColumn]:
    """The compared agent of each run, A then B, as in the compare view."""
    columns = []
    for tag, side in (("A", data.a), ("B", data.b)):
        if side is None:
            continue
        agent = side.manifest.get("compared_agent")
        if agent in side.tallies:
            heading = f"{tag}: {agent} ({side.run_id})"
            columns.append((heading, side.tallies[agent].n, side.lost.get(agent, LostReasons())))
    return columns


def _count_cell(count: int, n: int) -> dict[str, Any]:
    return {
        "text": f"{count} ({pct(count / n, 0)})" if n else str(count),
        "title": f"{count}/{n}",
        "value": count / n if n else None,
    }


def lost_context(columns: list[LostColumn], limit: int | None = None) -> dict[str, Any]:
    """The needs-left and why-left tables: most frequent first, each count with its share.

    ``any_noted`` tells a run whose customers record no notes (imported chats, older runs:
    "no data") from one where every need was answered ("no rows").
    """

    def rows(which: str) -> dict[str, Any]:
        counters: list[Counter[str]] = [getattr(reasons, which) for _, _, reasons in columns]
        total: Counter[str] = Counter()
        for counter in counters:
            total.update(counter)
        keys = sorted(total, key=lambda k: (k == NOT_RECORDED, -total[k], k))
        sizes = [n for _, n, _ in columns]
        shown = keys if limit is None else keys[:limit]
        return {
            "rows": [
                {
                    "key": key,
                    "cells": [_count_cell(c[key], n) for c, n in zip(counters, sizes, strict=True)],
                }
                for key in shown
            ],
            "more": len(keys) - len(shown),
        }

    return {
        "heads": [heading for heading, _, _ in columns],
        "needs": rows("needs"),
        "drop_offs": rows("drop_offs"),
        "without": [_count_cell(reasons.lost, n) for _, n, reasons in columns],
        "noted": [_count_cell(reasons.noted, n) for _, n, reasons in columns],
        "any_lost": any(reasons.lost for _, _, reasons in columns),
        "any_noted": any(reasons.noted for _, _, reasons in columns),
    }


def build_context(data: ReportData) -> dict[str, Any]:
    """Everything the template shows, except the transcripts and the index (streamed)."""
    side = data.a
    t = strings(data.lang)
    agents = ordered_agents(side)
    colors = agent_colors(agents, side.baseline)
    step_labels = {
        "opened": t["step_opened"],
        "replied": t["step_replied"],
        "engaged": t["step_engaged"],
        "asked": t["step_asked"],
        "lead": t["step_lead"],
        "valid": t["step_valid"],
    }
    funnels = []
    for agent in agents:
        tally = side.tallies[agent]
        steps = [
            (step_labels[step], tally.n if field is None else tally.yes[field])
            for step, field in FUNNEL_STEPS
        ]
        funnels.append(
            {"agent": agent, "svg": funnel_chart(steps, tally.n, colors[agent]), "n": tally.n}
        )
    hour_series = {
        field: [(a, colors[a], [(h.yes[field], h.n) for h in side.hours[a]]) for a in agents]
        for field in ("replied_within_sla", "lead_captured")
    }
    rules = sorted(
        {r for a in agents for r in side.rules[a]},
        key=lambda r: (RANK.get(side.severities.get(r, "minor"), 3), r),
    )
    rule_rows = [
        (
            rule,
            side.severities.get(rule, "minor"),
            {
                a: round(100 * side.rules[a][rule] / side.scored[a], 2) if side.scored[a] else 0.0
                for a in agents
            },
        )
        for rule in rules
    ]
    outcome_names = sorted({o for a in agents for o in side.outcomes[a]})
    summary = side.summary or {}
    css = _asset("report.css")
    js = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    comparison = data.comparison
    return {
        "t": UIText(data.lang),
        "lang": data.lang,
        "css": Markup(css),
        "js": Markup(js),
        "script_hash": f"sha256-{digest}",
        "run": {
            "id": side.run_id,
            "conversations": sum(side.tallies[a].n for a in agents),
            "agents": agents,
            "seed": summary.get("seed", side.manifest.get("seed")),
            "sla_s": side.sla_s,
            "status": side.manifest.get("status"),
            "created_at": side.manifest.get("created_at"),
            "imported_baseline": summary.get("baseline_kind") == "imported",
        },
        "compare_run": data.b.run_id if data.b else None,
        "redacted": data.redact,
        "colors": colors,
        "legend": legend(agents, colors),
        "axis": interval_axis(),
        "scorecards": scorecards(side, colors, data.lang),
        "funnels": funnels,
        "hour_reply": hour_chart(hour_series["replied_within_sla"], t["night"]),
        "hour_lead": hour_chart(hour_series["lead_captured"], t["night"]),
        "violations_svg": violations_chart(rule_rows, agents, colors) if rule_rows else None,
        "rule_rows": rule_rows,
        "skipped_rules": summary.get("skipped_rules") or [],
        "agents": agents,
        "metric_heads": [
            metric_labels(n, data.lang)[0]
            for n in ("reply_rate", "lead_capture", "valid_lead", "compliance")
        ],
        "personas": breakdown(side, agents, "persona"),
        "locales": breakdown(side, agents, "locale"),
        "outcome_names": outcome_names,
        "outcomes": {a: side.outcomes[a] for a in agents},
        "usage_rows": usage_rows(summary, agents),
        "lost": lost_context(lost_columns(side, agents)),
        "compare_lost": lost_context(compare_lost_columns(data)) if data.b else None,
        "comparison": comparison,
        "comparison_rows": [
            {
                "label": metric_labels(m.metric, data.lang)[0],
                "a": pct(m.a.value),
                "b": pct(m.b.value),
                "diff": diff_text(m.model_dump())[0],
                "css": diff_text(m.model_dump())[1],
                "p": "–" if m.p_value is None else f"{m.p_value:.3g}",
                "verdict": m.verdict,
            }
            for m in (comparison.metrics if comparison else [])
        ],
        "transcripts_slot": Markup(TRANSCRIPTS_SLOT),
        "index_slot": Markup(INDEX_SLOT),
        "meta_json": Markup(script_json(meta(data, agents, colors))),
    }


USAGE_ROWS = (
    ("tokens_per_conversation", False),
    ("cost_per_conversation", True),
    ("cost_per_lead", True),
    ("cost_per_valid_lead", True),
    ("tokens_per_valid_lead", False),
    ("customer_tokens", False),
)
"""The summary's usage figures the report shows, and whether each is money."""


def usage_rows(summary: dict[str, Any], agents: list[str]) -> list[dict[str, Any]]:
    """Tokens and cost per agent (as the scorecard shows them); empty when no model was used."""
    usage = {a: ((summary.get("agents") or {}).get(a) or {}).get("usage") or {} for a in agents}
    if not any(
        u.get("agent_tokens") or u.get("customer_tokens") or u.get("judge_tokens")
        for u in usage.values()
    ):
        return []
    shown = USAGE_ROWS
    if any(u.get("judge_tokens") for u in usage.values()):
        shown += (("judge_tokens", False), ("judge_cost", True))
    return [
        {
            "key": key,
            "cells": [
                "–"
                if usage[a].get(key) is None
                else money(usage[a][key])
                if is_money
                else f"{usage[a][key]:,.0f}"
                for a in agents
            ],
        }
        for key, is_money in shown
    ]


def meta(data: ReportData, agents: list[str], colors: dict[str, str]) -> dict[str, Any]:
    """What the report's script needs besides the index: labels, runs, rules, pairs."""
    side = data.a
    colors = dict(colors)
    if data.b is not None:
        agent_b = data.b.manifest.get("compared_agent")
        if agent_b and agent_b not in colors:
            colors[agent_b] = PALETTE[len(colors) % len(PALETTE)]
    return {
        "lang": data.lang,
        "strings": strings(data.lang),
        "run_id": side.run_id,
        "compare_run_id": data.b.run_id if data.b else None,
        "agents": agents,
        "colors": colors,
        "sla_s": side.sla_s,
        "rules": {rule: list(info) for rule, info in data.catalog.items()},
        "pairs": data.pairs,
        "compare_agents": (
            [side.manifest.get("compared_agent"), data.b.manifest.get("compared_agent")]
            if data.b
            else None
        ),
        "redacted": data.redact,
        "annotations_format": ANNOTATIONS_FORMAT,
        "annotations_version": ANNOTATIONS_VERSION,
    }


# --- writing -------------------------------------------------------------------------------------


def _transcripts_block(lines: Iterable[str]) -> Iterable[str]:
    """A JSON array with one conversation a line: valid JSON, and cheap to parse line by line."""
    yield "[\n"
    first = True
    for line in lines:
        if not first:
            yield ",\n"
        first = False
        yield escape_script_text(line)
    yield "\n]"


def _json_array(items: Iterable[Any]) -> Iterable[str]:
    """A JSON array, one item at a time (the index of 5,000 conversations is never one string)."""
    yield "["
    for i, item in enumerate(items):
        yield ("," if i else "") + script_json(item)
    yield "]"


def render_html(data: ReportData, out: Path) -> Path:
    """Write the HTML report of ``data`` to ``out`` (atomically: a temporary file, then rename)."""
    html = _environment().get_template("report.html.j2").render(**build_context(data))
    head, rest = html.split(TRANSCRIPTS_SLOT)
    middle, tail = rest.split(INDEX_SLOT)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for chunk in _transcripts_block(iter_transcript_lines(data)):
            handle.write(chunk)
        handle.write(middle)
        for chunk in _json_array(data.index):
            handle.write(chunk)
        handle.write(tail)
    os.replace(tmp, out)
    return out
