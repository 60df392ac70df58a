"""The overview's top: scorecards, funnels and hour charts, for one run or two side by side.

A single run shows every agent it holds. A compare view (``--compare RUN_B``) is about two
agents, A's and B's: its scorecards, funnels and hour charts show exactly those two, each in its
run's colour and marked A or B, so the figures the compare table sums up can be read next to
each other (they used to show run A alone). The sections below them stay run A's, and say so.

Also here: what must be read before any figure, the agents whose conversations ended in
agent_error and the warnings about the baseline.
"""

from __future__ import annotations

from typing import Any

from simulator.report._charts import (
    BASELINE_COLOR,
    PALETTE,
    funnel_chart,
    hour_chart,
    legend,
)
from simulator.report._data import FUNNEL_STEPS, ReportData, RunSide
from simulator.report._i18n import plural
from simulator.report._notes import LostReasons
from simulator.report._redact import mask_anywhere
from simulator.report._tables import scorecards

SIDE_COLORS = {"A": PALETTE[0], "B": PALETTE[1]}
HOUR_FIELDS = ("replied_within_sla", "lead_captured")


def step_labels(t: dict[str, str]) -> dict[str, str]:
    """The funnel's step names in the UI language."""
    return {step: t[f"step_{step}"] for step, _ in FUNNEL_STEPS}


def funnel_card(
    side: RunSide, agent: str, color: str, t: dict[str, str], tag: str | None = None
) -> dict[str, Any]:
    """One agent's funnel: every step as a share of the conversations it opened."""
    tally = side.tallies[agent]
    labels = step_labels(t)
    steps = [
        (labels[step], tally.n if field is None else tally.yes[field])
        for step, field in FUNNEL_STEPS
    ]
    return {
        "agent": agent,
        "svg": funnel_chart(steps, tally.n, color),
        "n": tally.n,
        "color": color,
        "tag": tag,
        "run_id": side.run_id,
    }


def hour_series(side: RunSide, agent: str, name: str, color: str, field: str) -> Any:
    """(label, colour, 24 x (successes, n)) of one agent, as :func:`hour_chart` takes it."""
    return (name, color, [(h.yes[field], h.n) for h in side.hours[agent]])


def single_overview(
    data: ReportData, agents: list[str], colors: dict[str, str], t: dict[str, str]
) -> dict[str, Any]:
    """Scorecards, funnels and hour charts of every agent of the run."""
    side = data.a
    charts = {
        field: hour_chart([hour_series(side, a, a, colors[a], field) for a in agents], t["night"])
        for field in HOUR_FIELDS
    }
    return {
        "scorecards": scorecards(side, colors, data.lang),
        "funnels": [funnel_card(side, a, colors[a], t) for a in agents],
        "hour_reply": charts["replied_within_sla"],
        "hour_lead": charts["lead_captured"],
        "hour_legend": legend(agents, colors),
    }


def compare_overview(data: ReportData, t: dict[str, str]) -> dict[str, Any]:
    """A's agent and B's agent side by side: two scorecards, two funnels, both in each chart.

    Labels carry the side (``A: my-agent``), so the same agent id in both runs (v6 and v7 of
    one agent, say) still gives two lines and two cards.
    """
    assert data.b is not None
    sides: list[tuple[str, RunSide, str]] = []
    for tag, side in (("A", data.a), ("B", data.b)):
        agent = side.manifest.get("compared_agent")
        if agent in side.tallies:
            sides.append((tag, side, agent))
    cards, funnels, names = [], [], {}
    for tag, side, agent in sides:
        colors = {agent: SIDE_COLORS[tag]}
        if side.baseline and side.baseline != agent:
            colors[side.baseline] = BASELINE_COLOR
        cards += scorecards(side, colors, data.lang, agents=[agent], tag=tag)
        funnels.append(funnel_card(side, agent, SIDE_COLORS[tag], t, tag))
        names[f"{tag}: {agent}"] = SIDE_COLORS[tag]
    charts = {
        field: hour_chart(
            [
                hour_series(side, agent, f"{tag}: {agent}", SIDE_COLORS[tag], field)
                for tag, side, agent in sides
            ],
            t["night"],
        )
        for field in HOUR_FIELDS
    }
    return {
        "scorecards": cards,
        "funnels": funnels,
        "hour_reply": charts["replied_within_sla"],
        "hour_lead": charts["lead_captured"],
        "hour_legend": legend(list(names), names),
    }


def compared_side(data: ReportData) -> tuple[RunSide, dict[str, str]]:
    """A's compared agent and B's as one side whose agents are ``A: x`` and ``B: y``, with their
    colours: the compare view's lower sections (violations, personas, locales, outcomes, why
    customers left) show both runs from the same tallies the single-run view uses."""
    assert data.b is not None
    paired = RunSide(
        tag="ab",
        directory=data.a.directory,
        run_id=f"{data.a.run_id} vs {data.b.run_id}",
        manifest={},
        summary=None,
    )
    colors: dict[str, str] = {}
    for tag, side in (("A", data.a), ("B", data.b)):
        agent = side.manifest.get("compared_agent")
        if agent not in side.tallies:
            continue
        name = f"{tag}: {agent}"
        paired.agents.append(name)
        colors[name] = SIDE_COLORS[tag]
        paired.tallies[name] = side.tallies[agent]
        for source, target in (
            (side.by_persona, paired.by_persona),
            (side.by_locale, paired.by_locale),
        ):
            for (owner, key), tally in source.items():
                if owner == agent:
                    target[(name, key)] = tally
        paired.rules[name] = side.rules[agent]
        paired.scored[name] = side.scored[agent]
        paired.outcomes[name] = side.outcomes[agent]
        paired.lost[name] = side.lost.get(agent, LostReasons())
        paired.errors[name] = side.errors.get(agent, 0)
        for rule, severity in side.severities.items():
            paired.severities.setdefault(rule, severity)
    return paired, colors


def agent_error_lines(
    data: ReportData, agents: list[str], t: dict[str, str]
) -> list[dict[str, Any]]:
    """One line per agent with agent_error conversations: how many, and the first message.

    Counted from scores.jsonl (so a run still going has them too); the message is masked in a
    redacted report, as an exception may quote the chat.
    """
    lines = []
    shown = [(data.a, a) for a in agents]
    if data.b is not None and data.b.manifest.get("compared_agent"):
        shown.append((data.b, data.b.manifest["compared_agent"]))
    for side, agent in shown:
        errors = side.errors.get(agent, 0)
        if not errors:
            continue
        message = side.first_error.get(agent) or ""
        if data.redact:
            message = mask_anywhere(message, data.lang)
        name = agent if side is data.a else f"{agent} ({side.run_id})"
        lines.append(
            {
                "agent": agent,
                "run_id": side.run_id,
                "text": plural(
                    t, "agent_errors_line", side.tallies[agent].n, agent=name, errors=errors
                ),
                "first": message,
                "all": errors >= side.tallies[agent].n,
            }
        )
    return lines


def baseline_notes(data: ReportData, t: dict[str, str]) -> list[str]:
    """The run's warnings about its baseline (summary.json ``baseline_warnings``), translated."""
    notes = []
    for warning in (data.a.summary or {}).get("baseline_warnings") or []:
        if not isinstance(warning, dict):
            continue
        key = f"baseline_{warning.get('kind')}"
        values = {k: ", ".join(v) if isinstance(v, list) else v for k, v in warning.items()}
        notes.append(t[key].format(**values) if key in t else str(warning.get("message", "")))
    return notes
