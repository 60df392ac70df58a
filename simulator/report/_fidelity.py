"""The fidelity section: real against simulated customers, in the report and on its own page.

``salesim fidelity`` writes ``fidelity.json`` (and ``fidelity.html``) into the run directory;
``salesim report`` then shows the same figures in a Fidelity tab. Both render the partial
template ``_fidelity.html.j2`` from the same context, built here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from simulator.fitting._svg import plot
from simulator.report._i18n import UIText, strings
from simulator.results import atomic_text

FIDELITY_JSON = "fidelity.json"
FIDELITY_HTML = "fidelity.html"


def _number(value: Any, unit: str) -> str:
    return f"{value:g}{(' ' + unit) if unit else ''}"


def side_text(side: dict[str, Any], kind: str, t: dict[str, str]) -> str:
    """A side's summary in the report's language, from its figures."""
    stats = side.get("stats") or {}
    if not side.get("n") or not stats:
        return t["fid_no_data"]
    if "median" in stats:
        unit = stats.get("unit", "")
        return t["fid_quantity"].format(
            median=_number(stats["median"], unit), p90=_number(stats["p90"], unit)
        )
    if "overall" in stats:
        return t["fid_overall"].format(rate=f"{stats['overall']:.0%}")
    if "top" in stats:
        return t["fid_top"].format(top=stats["top"], share=f"{stats['share']:.0%}")
    return t["fid_rate"].format(rate=f"{stats['rate']:.1%}", n=side["n"])


def fidelity_context(fidelity: dict[str, Any], lang: str) -> dict[str, Any]:
    """Groups with their comparisons, texts and SVG plots, for ``_fidelity.html.j2``."""
    t = strings(lang)
    groups = []
    for group in fidelity.get("groups", []):
        rows = []
        for c in group.get("comparisons", []):
            low, high = (c.get("interval") or [None, None])[:2]
            rows.append(
                {
                    "key": c["key"],
                    "title": t.get(f"fid_{c['key']}", c["title"]),
                    "measure": c["measure"],
                    "distance": "–" if c["distance"] is None else f"{c['distance']:.2f}",
                    "interval": (
                        f"[{low:.2f}, {high:.2f}]" if low is not None and high is not None else ""
                    ),
                    "noise": "" if c.get("noise") is None else f"{c['noise']:.2f}",
                    "within_noise": c.get("within_noise"),
                    "real": side_text(c["real"], c["kind"], t),
                    "sim": side_text(c["sim"], c["kind"], t),
                    "real_n": c["real"]["n"],
                    "sim_n": c["sim"]["n"],
                    "svg": Markup(plot(c, t["fid_real"], t["fid_sim"])),
                }
            )
        name = t["fid_all"] if group["name"] == "all" else group["name"]
        worst = next((r for r in rows if r["key"] == group.get("worst")), None)
        line = t["fid_line"].format(
            name=name,
            real=group["real"],
            sim=group["sim"],
            close=group.get("within_noise", 0),
            compared=group.get("compared", 0),
        )
        if group.get("lead_rates"):
            real_rate, sim_rate = group["lead_rates"]
            line += t["fid_line_lead"].format(real=f"{real_rate:.0%}", sim=f"{sim_rate:.0%}")
        if worst is not None:
            line += t["fid_line_worst"].format(
                title=worst["title"], measure=worst["measure"], distance=worst["distance"]
            )
        groups.append(
            {
                "line": line,
                "name": name,
                "id": group["name"],
                "real": group["real"],
                "sim": group["sim"],
                "summary": group["summary"],
                "rows": rows,
            }
        )
    return {
        "agent": fidelity.get("agent"),
        "real_conversations": fidelity.get("real_conversations", 0),
        "real_untimed": fidelity.get("real_untimed", 0),
        "sim_conversations": fidelity.get("sim_conversations", 0),
        "groups": groups,
    }


def render_fidelity_html(fidelity: dict[str, Any], out: Path, lang: str = "en") -> Path:
    """The standalone fidelity page (same figures as the report's tab)."""
    from simulator.report._render import _asset, _environment

    html = (
        _environment()
        .get_template("fidelity.html.j2")
        .render(
            t=UIText(lang),
            lang=lang,
            css=Markup(_asset("report.css")),
            fid=fidelity_context(fidelity, lang),
        )
    )
    with atomic_text(out) as handle:
        handle.write(html)
    return out
