"""``salesim report --format md``: a short markdown summary for terminals and PR comments.

Every string that comes from the data (run, agent and conversation ids, rules, drop-off reasons,
needs, error messages, warnings) is escaped on its way in (:mod:`simulator.report._md_escape`):
the summary is pasted where markdown and HTML render.
"""

from __future__ import annotations

from typing import Any

from simulator.report._charts import NIGHT_HOURS
from simulator.report._data import FUNNEL_STEPS, ReportData, Tally, ordered_agents
from simulator.report._i18n import label, plural, skipped_rule_text, strings
from simulator.report._md_escape import md_code, md_text
from simulator.report._overview import agent_error_lines, baseline_notes
from simulator.report._tables import (
    LostColumn,
    compare_lost_columns,
    diff_text,
    lost_columns,
    lost_context,
    metric_labels,
    pct,
    scorecards,
    usage_rows,
)

MAX_FLIPS_LISTED = 10
MAX_LOST_ROWS = 8
"""The markdown lists this many needs and drop-off reasons (the HTML report lists them all)."""


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table of cells escaped already: data through :func:`md_text`, our own words as is."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    return [line(head), "|" + "|".join(" --- " for _ in head) + "|", *(line(r) for r in rows)]


def is_night(hour: int) -> bool:
    """The hours shaded as night in the charts (22:00–06:00)."""
    start, end = NIGHT_HOURS
    return hour >= start or hour < end


def night_and_day(hours: list[Tally], field: str) -> tuple[str, str]:
    """A field's rate over night hours and over day hours, with the counts."""
    out = []
    for night in (True, False):
        group = [h for hour, h in enumerate(hours) if is_night(hour) == night]
        n = sum(h.n for h in group)
        yes = sum(h.yes[field] for h in group)
        out.append(f"{pct(yes / n, 0)} ({yes}/{n})" if n else "–")
    return out[0], out[1]


def lost_lines(t: dict[str, str], columns: list[LostColumn], suffix: str = "") -> list[str]:
    """Why customers left and the needs they left with, most frequent first (short)."""
    lost = lost_context(columns, limit=MAX_LOST_ROWS)
    if not lost["any_lost"]:
        return []
    heads = [md_text(head) for head in lost["heads"]]

    def cells(row: list[dict[str, Any]]) -> list[str]:
        return [c["text"] for c in row]

    def more(count: int) -> list[str]:
        return [f"(+{count})"] if count else []

    lines = [f"### {t['why_left']}{suffix}", ""]
    rows = [
        [md_text(label(t, "drop_", r["key"]) or t["not_recorded"]), *cells(r["cells"])]
        for r in lost["drop_offs"]["rows"]
    ]
    rows.append([t["without_lead"], *cells(lost["without"])])
    lines += [*_table([t["drop_off"], *heads], rows), *more(lost["drop_offs"]["more"]), ""]
    if not lost["any_noted"]:
        return lines  # imported or older transcripts: no customer notes to count
    lines += [f"### {t['needs_left']}{suffix}", ""]
    if not lost["needs"]["rows"]:
        return [*lines, t["all_needs_answered"], ""]
    rows = [[md_text(r["key"]), *cells(r["cells"])] for r in lost["needs"]["rows"]]
    return [*lines, *_table([t["need"], *heads], rows), *more(lost["needs"]["more"]), ""]


def render_markdown(data: ReportData) -> str:
    """Scorecard, funnel, night vs day, violations and (with --compare) flips, in markdown."""
    t = strings(data.lang)
    side = data.a
    agents = ordered_agents(side)
    names = {agent: md_text(agent) for agent in agents}
    total = sum(side.tallies[a].n for a in agents)
    lines = [
        f"## {t['title']}: {md_text(side.run_id)}",
        "",
        f"{plural(t, 'conversations_n', total)} · {', '.join(names.values())}"
        + (f" · {t['sla']} {side.sla_s:g} s" if side.sla_s else "")
        + (f" · {t['redacted']}" if data.redact else ""),
        "",
    ]
    for error in agent_error_lines(data, agents, t):
        first = f" · {md_code(error['first'])}" if error["first"] else ""
        lines += [f"**⚠ {md_text(error['text'])}**{first}"]
    if lines[-1] != "":
        lines.append("")
    lines += [f"⚠ {md_text(note)}" for note in baseline_notes(data, t)]
    if lines[-1] != "":
        lines.append("")
    for card in scorecards(side, {}, data.lang):
        agent = md_text(card["agent"])
        baseline = md_text(card["baseline"]) if card["baseline"] else None
        lines.append(f"### {t['scorecard']}: {agent}" + (f" vs {baseline}" if baseline else ""))
        lines.append("")
        rows = []
        for row in card["rows"]:
            cells = [f"{row['label']} ({row['other']})", row["cand"] or t["errored"]]
            if baseline:
                cells += [row["base"], row["diff"], row["lift"]]
            rows.append(cells)
        head = [t["metric"], agent]
        if baseline:
            head += [baseline, t["difference"], t["lift"]]
        lines += [*_table(head, rows), ""]
        if card["baseline_line"]:
            lines += [md_text(card["baseline_line"]), ""]

    lines += [f"### {t['funnel']}", ""]
    labels = {
        "opened": t["step_opened"],
        "replied": t["step_replied"],
        "engaged": t["step_engaged"],
        "asked": t["step_asked"],
        "lead": t["step_lead"],
        "valid": t["step_valid"],
    }
    rows = []
    for step, field in FUNNEL_STEPS:
        cells = [labels[step]]
        for agent in agents:
            tally = side.tallies[agent]
            count = tally.n if field is None else tally.yes[field]
            cells.append(f"{count} ({pct(count / tally.n, 0)})" if tally.n else "–")
        rows.append(cells)
    lines += [*_table(["", *names.values()], rows), ""]

    start, end = NIGHT_HOURS
    lines += [f"### {t['by_hour']}", ""]
    rows = []
    for agent in agents:
        reply_night, reply_day = night_and_day(side.hours[agent], "replied_within_sla")
        lead_night, lead_day = night_and_day(side.hours[agent], "lead_captured")
        rows.append([names[agent], reply_night, reply_day, lead_night, lead_day])
    night = f"{t['night']} {start:02d}–{end:02d}"
    lines += [
        *_table(
            [
                t["agent"],
                f"{t['hour_reply']}, {night}",
                f"{t['hour_reply']}, {end:02d}–{start:02d}",
                f"{t['hour_lead']}, {night}",
                f"{t['hour_lead']}, {end:02d}–{start:02d}",
            ],
            rows,
        ),
        "",
    ]

    rules = sorted({r for a in agents for r in side.rules[a]})
    if rules:
        lines += [f"### {t['violations']} (/100)", ""]
        rows = [
            [
                md_text(rule),
                md_text(label(t, "sev_", side.severities.get(rule, ""))),
                *[
                    f"{100 * side.rules[a][rule] / side.scored[a]:.1f}" if side.scored[a] else "–"
                    for a in agents
                ],
            ]
            for rule in rules
        ]
        lines += [*_table([t["rule"], t["severity"], *names.values()], rows), ""]
    skipped = (side.summary or {}).get("skipped_rules") or []
    if skipped:
        entries = "; ".join(md_text(skipped_rule_text(t, entry)) for entry in skipped)
        lines += [f"{plural(t, 'skipped_rules', len(skipped))}{t['colon']}{entries}", ""]

    lines += lost_lines(t, lost_columns(side, agents))

    usage = usage_rows(side.summary or {}, agents)
    if usage:
        lines += [f"### {t['usage']}", ""]
        table = _table(["", *names.values()], [[t[row["key"]], *row["cells"]] for row in usage])
        lines += [*table, ""]

    if data.comparison is not None and data.b is not None:
        comparison = data.comparison
        lines += [
            f"### {t['compare_table']}: A: {md_text(comparison.agent_a)} "
            f"({md_text(side.run_id)}) · B: {md_text(comparison.agent_b)} "
            f"({md_text(data.b.run_id)})",
            "",
        ]
        rows = [
            [
                metric_labels(m.metric, data.lang)[0],
                pct(m.a.value),
                pct(m.b.value),
                diff_text(m.model_dump())[0],
                "–" if m.p_value is None else f"{m.p_value:.3g}",
                label(t, "verdict_", m.verdict),
            ]
            for m in comparison.metrics
        ]
        lines += [*_table([t["metric"], "A", "B", "B − A", "p", t["verdict"]], rows), ""]
        for metric, sides in comparison.flips.items():
            for name, flips in sides.items():
                if flips:
                    ids = ", ".join(
                        md_code(data.b.shown(f.conversation_b)) for f in flips[:MAX_FLIPS_LISTED]
                    )
                    more = (
                        f" (+{len(flips) - MAX_FLIPS_LISTED})"
                        if len(flips) > MAX_FLIPS_LISTED
                        else ""
                    )
                    flipped = f"{'lead' if metric == 'lead_capture' else metric}_{name}"
                    lines.append(f"- {label(t, '', flipped)}: {len(flips)}: {ids}{more}")
        lines.append("")
        lines += lost_lines(t, compare_lost_columns(data), " (A / B)")
    return "\n".join(lines)
