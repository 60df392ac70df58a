"""The overview's figures as rows and cells: scorecards, breakdowns, lost customers, usage.

Shared by the HTML report and the markdown summary, so both show the same numbers formatted the
same way; the template and the markdown only lay them out.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from simulator.baseline_params import describe as describe_baseline
from simulator.metrics import SCORECARD_METRICS, metrics
from simulator.report._charts import interval_plot
from simulator.report._data import ReportData, RunSide, ordered_agents
from simulator.report._i18n import strings
from simulator.report._notes import NOT_RECORDED, LostReasons
from simulator.scorecard import money

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


def scorecards(
    side: RunSide,
    colors: dict[str, str],
    lang: str,
    agents: list[str] | None = None,
    tag: str | None = None,
) -> list[dict[str, Any]]:
    """One card per candidate (or per one of ``agents``): each metric against the baseline.

    ``tag`` (A or B) marks the cards of a compare view with their run. An agent whose every
    conversation ended in agent_error has nothing to score: its figures say "errored" instead of
    rates that read as results (100% compliant, because it never said anything).
    """
    baseline = side.baseline
    words = strings(lang)
    comparisons = (side.summary or {}).get("comparisons") or {}
    summary_agents = (side.summary or {}).get("agents") or {}
    cards = []
    for agent in agents or side.candidates or ordered_agents(side):
        n = summary_agents.get(agent, {}).get("n") or (
            side.tallies[agent].n if agent in side.tallies else 0
        )
        errors = side.errors.get(agent, 0)
        errored = bool(n) and errors >= n
        color = colors.get(agent, "#2563eb")
        base_color = colors.get(baseline or "", "#6b7280")
        rows = []
        for name in SCORECARD_METRICS:
            cand = agent_rate(side, agent, name)
            base = agent_rate(side, baseline, name) if baseline else None
            plotted = [(agent, {} if errored else cand or {}, color)]
            if base:
                plotted.append((baseline or "", base, base_color))
            comparison = comparisons.get(agent, {}).get("metrics", {}).get(name)
            comparison = None if errored else comparison or point_comparison(cand, base)
            diff, css = diff_text(comparison)
            label, other = metric_labels(name, lang)
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "other": other,
                    "plot": interval_plot(plotted),
                    "cand": None if errored else rate_text(cand),
                    "base": rate_text(base),
                    "diff": "–" if errored else diff,
                    "css": css,
                    "lift": "–" if errored else lift_text(comparison),
                }
            )
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
                "color": color,
                "base_color": base_color,
                "tag": tag,
                "run_id": side.run_id,
                "rows": rows,
                "n": n,
                "n_base": n_base,
                "paired": comparisons.get(agent, {}).get("paired"),
                "baseline_line": (
                    describe_baseline((side.summary or {}).get("baseline_parameters"), words)
                    if baseline
                    else None
                ),
                "errors": errors,
                "errored": errored,
            }
        )
    return cards


def _rate_cells(tally_of: Any, agents: list[str], key: str) -> list[dict[str, Any]]:
    cells = []
    for agent in agents:
        tally = tally_of.get((agent, key))
        errored = bool(tally and tally.n and tally.errors >= tally.n)
        for name in ("reply_rate", "lead_capture", "valid_lead", "compliance"):
            rate = tally.metric(name) if tally else None
            cells.append(
                {
                    "text": pct(rate["value"], 0) if rate else "–",
                    "title": f"{rate['successes']}/{rate['n']}" if rate and rate["n"] else "",
                    "value": rate["value"] if rate else None,
                    "errored": errored,  # every conversation errored: no rate to colour
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
