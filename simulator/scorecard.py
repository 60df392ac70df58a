"""The scorecard: a run's summary rendered as rich tables for the terminal.

Each metric is shown for the candidate and the human baseline with Wilson 95% intervals, then the
absolute difference (percentage points) and the lift, each with its bootstrap 95% interval.
"""

from __future__ import annotations

import math
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from simulator.baseline_params import describe as describe_baseline
from simulator.metrics import SCORECARD_METRICS, metrics
from simulator.terminal import PlainTable, plain


def _pct(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def format_rate(rate: dict[str, Any]) -> str:
    """``61.3% [55.7–66.6]`` (n shown separately)."""
    if rate.get("value") is None:
        return "–"
    return f"{_pct(rate['value'])} [{rate['low'] * 100:.0f}–{rate['high'] * 100:.0f}]"


def format_diff(comparison: dict[str, Any]) -> Text:
    """``+52.0 pp [47.1, 57.0]``, green when the whole interval is above zero, red when below."""
    diff, low, high = (
        comparison.get("diff"),
        comparison.get("diff_low"),
        comparison.get("diff_high"),
    )
    if diff is None:
        return Text("–")
    text = f"{diff * 100:+.1f} pp"
    if low is not None and high is not None:
        text += f" [{low * 100:+.0f}, {high * 100:+.0f}]"
    style = (
        "green" if low is not None and low > 0 else "red" if high is not None and high < 0 else ""
    )
    return Text(text, style=style)


def format_lift(comparison: dict[str, Any]) -> str:
    """``+113% [95%, 133%]`` or ``n/a`` when the baseline rate is zero."""
    lift, low, high = (
        comparison.get("lift"),
        comparison.get("lift_low"),
        comparison.get("lift_high"),
    )
    if lift is None:
        return "n/a"
    text = f"{lift * 100:+.0f}%"
    if low is not None and high is not None:
        text += f" [{low * 100:+.0f}%, {high * 100:+.0f}%]"
    return text


def scorecard_tables(summary: dict[str, Any]) -> list[Table]:
    """One comparison table per candidate (or a plain table without a baseline), plus personas."""
    tables: list[Table] = []
    baseline = summary.get("baseline")
    agents = summary["agents"]
    for candidate in summary["candidates"]:
        title = f"{candidate} vs {baseline} (human baseline)" if baseline else candidate
        table = PlainTable(title=title, title_justify="left", show_lines=False)
        table.add_column("metric")
        table.add_column(candidate, justify="right")
        if baseline:
            table.add_column(f"{baseline}", justify="right")
            table.add_column("difference", justify="right")
            table.add_column("lift", justify="right")
        comparison = summary.get("comparisons", {}).get(candidate, {}).get("metrics", {})
        for name in SCORECARD_METRICS:
            metric = metrics.get(name)
            label = f"{metric.label_zh} {metric.label}"
            row = [label, format_rate(agents[candidate]["metrics"][name])]
            if baseline:
                row += [
                    format_rate(agents[baseline]["metrics"][name]),
                    format_diff(comparison.get(name, {})),
                    format_lift(comparison.get(name, {})),
                ]
            table.add_row(*row)
        n_text = f"n = {agents[candidate]['n']}"
        if baseline:
            paired = summary["comparisons"][candidate]
            n_text += f" vs {agents[baseline]['n']}, " + (
                "paired on persona instances" if paired["paired"] else "unpaired"
            )
        table.caption = (
            n_text + "; 95% intervals: Wilson for rates, bootstrap for difference and lift"
        )
        if baseline and any(c.get("lift") is None for c in comparison.values()):
            table.caption += " (lift n/a: the baseline rate is 0)"
        which = describe_baseline(summary.get("baseline_parameters")) if baseline else None
        if which:
            table.caption += "\n" + plain(which)  # a path could hold a newline
        table.caption_justify = "left"
        tables.append(table)

    personas = PlainTable(title="by persona (reply rate / lead-capture rate)", title_justify="left")
    personas.add_column("persona")
    order = [*summary["candidates"], *([baseline] if baseline else [])]
    for agent_id in order:
        personas.add_column(agent_id, justify="right")
    keys = sorted({key for agent_id in order for key in agents[agent_id]["by_persona"]})
    for key in keys:
        cells = []
        for agent_id in order:
            group = agents[agent_id]["by_persona"].get(key)
            cells.append(
                "–"
                if group is None
                else f"{_pct(group['reply_rate']['value'], 0)} / "
                f"{_pct(group['lead_capture']['value'], 0)}"
            )
        personas.add_row(key, *cells)
    tables.append(personas)
    violations = violations_table(summary, order)
    if violations is not None:
        tables.append(violations)

    outcomes = PlainTable(title="outcomes and reply latency", title_justify="left")
    outcomes.add_column("")
    for agent_id in order:
        outcomes.add_column(agent_id, justify="right")
    names = sorted({o for agent_id in order for o in agents[agent_id]["outcomes"]})
    for name in names:
        outcomes.add_row(name, *[str(agents[a]["outcomes"].get(name, 0)) for a in order])
    outcomes.add_row("reply latency p50", *[_seconds(agents[a]["latency_p50_s"]) for a in order])
    outcomes.add_row("reply latency p95", *[_seconds(agents[a]["latency_p95_s"]) for a in order])
    if any(agents[a].get("errors") for a in order):
        outcomes.add_row(
            "errors by kind",
            *[
                ", ".join(f"{k} {v}" for k, v in agents[a].get("errors", {}).items()) or "–"
                for a in order
            ],
        )
    tables.append(outcomes)
    consistency = consistency_table(summary, order)
    if consistency is not None:
        tables.append(consistency)
    usage = usage_table(summary, order)
    if usage is not None:
        tables.append(usage)
    fidelity = fidelity_table(summary)
    if fidelity is not None:
        tables.append(fidelity)
    return tables


def violations_table(summary: dict[str, Any], order: list[str]) -> Table | None:
    """Violations per 100 conversations by rule and agent; None when nothing was scored."""
    agents = summary["agents"]
    stats = {agent: agents[agent].get("violations", {}) for agent in order}
    if not any(s.get("scored") for s in stats.values()):
        return None
    rules: dict[str, str] = {}
    for agent_stats in stats.values():
        for rule, info in agent_stats.get("per_100", {}).items():
            rules[rule] = info["severity"]
    table = PlainTable(title="violations per 100 conversations", title_justify="left")
    table.add_column("rule")
    table.add_column("severity")
    for agent in order:
        table.add_column(agent, justify="right")
    rank = {"critical": 0, "major": 1, "minor": 2}
    for rule, severity in sorted(rules.items(), key=lambda kv: (rank[kv[1]], kv[0])):
        cells = [
            f"{stats[agent].get('per_100', {}).get(rule, {}).get('per_100', 0):.1f}"
            for agent in order
        ]
        style = "red" if severity == "critical" else ""
        table.add_row(Text(rule, style=style), severity, *cells)
    if not rules:
        table.add_row("(none)", "", *["0.0" for _ in order])
    notes = []
    skipped = summary.get("skipped_rules") or []
    if skipped:
        rules_word = "rule" if len(skipped) == 1 else "rules"
        notes.append(f"{len(skipped)} {rules_word} skipped: " + "; ".join(skipped))
    undecided = {agent: agents[agent].get("judge_errors", 0) for agent in order}
    if any(undecided.values()):
        counts = ", ".join(f"{agent} {count}" for agent, count in undecided.items() if count)
        notes.append(f"judge_error: the judge could not decide its rules ({counts} conversations)")
    if notes:
        table.caption = "\n".join(notes)
        table.caption_justify = "left"
    return table


def consistency_table(summary: dict[str, Any], order: list[str]) -> Table | None:
    """pass^k over --trials: share of customers for whom a metric held in every trial."""
    agents = summary["agents"]
    stats = {a: agents[a].get("consistency") for a in order if agents[a].get("consistency")}
    if not stats:
        return None
    k = next(iter(stats.values()))["k"]
    table = PlainTable(
        title=f"consistency over {k} trials per customer (pass^k)", title_justify="left"
    )
    table.add_column("")
    for agent in stats:
        table.add_column(agent, justify="right")
    for name, label in (
        ("lead_capture", "lead in all k"),
        ("compliance", "compliant in all k"),
        ("reply_rate", "replied in SLA in all k"),
        ("lead_capture", "lead in any"),
    ):
        key = f"{name}_any_k" if label == "lead in any" else f"{name}_all_k"
        table.add_row(label, *[format_rate(s[key]) for s in stats.values()])
    return table


def usage_table(summary: dict[str, Any], order: list[str]) -> Table | None:
    """Tokens and cost per conversation and per lead; None when no agent used a model."""
    agents = summary["agents"]
    usage = {a: agents[a].get("usage", {}) for a in order}
    if not any(
        u.get("agent_tokens") or u.get("customer_tokens") or u.get("judge_tokens")
        for u in usage.values()
    ):
        return None
    table = PlainTable(title="tokens and cost (agent side)", title_justify="left")
    table.add_column("")
    for agent in order:
        table.add_column(agent, justify="right")
    whole = "{:.0f}".format
    rows = [
        ("tokens / conversation", "tokens_per_conversation", whole),
        ("cost / conversation", "cost_per_conversation", money),
        ("cost / captured lead", "cost_per_lead", money),
        ("cost / valid lead", "cost_per_valid_lead", money),
        ("tokens / valid lead", "tokens_per_valid_lead", whole),
        ("customer model tokens", "customer_tokens", whole),
    ]
    if any(u.get("judge_tokens") for u in usage.values()):
        rows += [("judge model tokens", "judge_tokens", whole), ("judge cost", "judge_cost", money)]
    for label, key, show in rows:
        table.add_row(
            label, *["–" if usage[a].get(key) is None else show(usage[a][key]) for a in order]
        )
    return table


def money(amount: float) -> str:
    """Dollars with cents, or two significant digits below a cent ($0.000021, not $0.0000).

    A conversation with a cheap model costs a few hundredths of a cent; rounding that to four
    places would show every agent as free.
    """
    if amount == 0:
        return "$0"
    if abs(amount) >= 1:
        return f"${amount:,.2f}"
    if abs(amount) >= 0.01:
        return f"${amount:.4f}"
    decimals = 1 - math.floor(math.log10(abs(amount)))
    return f"${amount:.{decimals}f}"


def fidelity_table(summary: dict[str, Any]) -> Table | None:
    """Share of conversations per LLM-customer model flagged by each fidelity check."""
    fidelity = summary.get("fidelity") or {}
    if not fidelity:
        return None
    table = PlainTable(
        title="LLM customer fidelity (share of conversations flagged)", title_justify="left"
    )
    table.add_column("customer model")
    names = ["role_inversion", "early_contact_leak", "broke_persona", "no_end_signal", "unfaithful"]
    for name in names:
        table.add_column(name, justify="right")
    table.add_column("regenerated", justify="right")
    for customer, stats in fidelity.items():
        table.add_row(customer, *[_pct(stats.get(n), 1) for n in names], str(stats["regenerated"]))
    return table


def _seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 120:
        return f"{value:.0f} s"
    if value < 7200:
        return f"{value / 60:.0f} min"
    return f"{value / 3600:.1f} h"


def terminal_console() -> Console:
    """A console for stdout; wide enough for the scorecard when output goes to a file or CI log."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=120)


def print_scorecard(summary: dict[str, Any], console: Console | None = None) -> None:
    """Print the scorecard tables."""
    console = console or terminal_console()
    console.print(Group(*scorecard_tables(summary)))
