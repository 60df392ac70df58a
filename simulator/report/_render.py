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
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from simulator.report._charts import (
    PALETTE,
    agent_colors,
    interval_axis,
    legend,
    violations_chart,
)
from simulator.report._data import (
    ReportData,
    ordered_agents,
)
from simulator.report._fidelity import fidelity_context
from simulator.report._i18n import UIText, label, plural, skipped_rule_text, strings
from simulator.report._overview import (
    agent_error_lines,
    baseline_notes,
    compare_overview,
    compared_side,
    single_overview,
)
from simulator.report._tables import (
    breakdown,
    compare_lost_columns,
    diff_text,
    lost_columns,
    lost_context,
    metric_labels,
    pct,
    usage_rows,
)
from simulator.report._transcripts import iter_transcript_lines
from simulator.results import atomic_text
from simulator.visible import show_controls

TRANSCRIPTS_SLOT = "\x00salesim:transcripts\x00"
INDEX_SLOT = "\x00salesim:index\x00"
ANNOTATIONS_FORMAT = "salesim-annotations"
ANNOTATIONS_VERSION = 1
RANK = {"critical": 0, "major": 1, "minor": 2}


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` as \\u escapes."""
    return escape_script_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def escape_script_text(text: str) -> str:
    """Escape an already serialised JSON text for a ``<script>`` element (same value as JSON).

    Bidi controls become JSON escapes too, so that no raw one is in the file at all (not even in
    its source view); the report's script writes them out where it shows them.
    """
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return show_controls(text)


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


def build_context(data: ReportData) -> dict[str, Any]:
    """Everything the template shows, except the transcripts and the index (streamed)."""
    side = data.a
    t = strings(data.lang)
    agents = ordered_agents(side)
    colors = agent_colors(agents, side.baseline)
    overview = compare_overview(data, t) if data.b else single_overview(data, agents, colors, t)
    # the sections below the charts: every agent of the run, or A's agent and B's when comparing
    shown, shown_agents, shown_colors = side, agents, colors
    if data.b is not None:
        shown, shown_colors = compared_side(data)
        shown_agents = shown.agents
    rules = sorted(
        {r for a in shown_agents for r in shown.rules[a]},
        key=lambda r: (RANK.get(shown.severities.get(r, "minor"), 3), r),
    )
    rule_rows = [
        (
            rule,
            shown.severities.get(rule, "minor"),
            {
                a: round(100 * shown.rules[a][rule] / shown.scored[a], 2)
                if shown.scored[a]
                else 0.0
                for a in shown_agents
            },
        )
        for rule in rules
    ]
    outcome_names = sorted({o for a in shown_agents for o in shown.outcomes[a]})
    summary = side.summary or {}
    css = _asset("report.css")
    js = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    comparison = data.comparison
    return {
        "t": UIText(data.lang),
        "plural": lambda key, count, **values: plural(t, key, count, **values),
        "label": lambda prefix, code: label(t, prefix, code),
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
        "fidelity": fidelity_context(data.fidelity, data.lang) if data.fidelity else None,
        "redacted": data.redact,
        "colors": colors,
        "legend": legend(agents, colors),
        "axis": interval_axis(),
        **overview,
        "agent_errors": agent_error_lines(data, agents, t),
        "baseline_notes": baseline_notes(data, t),
        "shown_agents": shown_agents,
        "shown_colors": shown_colors,
        "shown_legend": legend(shown_agents, shown_colors),
        "violations_svg": (
            violations_chart(
                rule_rows,
                shown_agents,
                shown_colors,
                severity_labels={sev: label(t, "sev_", sev) for sev in RANK},
                per_100=t["per_100"],
            )
            if rule_rows
            else None
        ),
        "rule_rows": rule_rows,
        "skipped_rules": [skipped_rule_text(t, s) for s in summary.get("skipped_rules") or []],
        "agents": agents,
        "metric_heads": [
            metric_labels(n, data.lang)[0]
            for n in ("reply_rate", "lead_capture", "valid_lead", "compliance")
        ],
        "personas": breakdown(shown, shown_agents, "persona"),
        "locales": breakdown(shown, shown_agents, "locale"),
        "outcome_names": outcome_names,
        "outcomes": {a: shown.outcomes[a] for a in shown_agents},
        "usage_rows": usage_rows(summary, agents),
        "lost": lost_context(lost_columns(shown, shown_agents)),
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
        "run_fingerprint": side.fingerprint,
        "compare_run_fingerprint": data.b.fingerprint if data.b else None,
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
    # ids, agents and personas come from the data: a bidi control in one is shown written out
    html = show_controls(
        _environment().get_template("report.html.j2").render(**build_context(data))
    )
    head, rest = html.split(TRANSCRIPTS_SLOT)
    middle, tail = rest.split(INDEX_SLOT)
    out.parent.mkdir(parents=True, exist_ok=True)
    # a temporary name of this writer's own: two `salesim report --out F` at once used to share
    # F.tmp, truncate each other's file and rename one full of NULs into place
    with atomic_text(out) as handle:
        handle.write(head)
        for chunk in _transcripts_block(iter_transcript_lines(data)):
            handle.write(chunk)
        handle.write(middle)
        for chunk in _json_array(data.index):
            handle.write(chunk)
        handle.write(tail)
    return out
