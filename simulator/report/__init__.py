"""The transcript review report: one self-contained HTML file per run (or a markdown summary).

``write_report(run_dir)`` reads a run directory (manifest.json, summary.json, scores.jsonl,
transcripts.jsonl) in two streaming passes and writes ``report.html``: the scorecard against the
human baseline as interval plots, the funnel, reply and lead rates by hour of day, violations by
rule, per-persona and per-locale tables, why customers left and the needs they left unanswered,
and every conversation as chat bubbles behind filters and a search, rendered only when opened
(under each simulated customer's message, what it understood of the reply and why it acted).
``compare=`` adds side-by-side transcripts of the same persona instances in a second run,
flipped conversations first; ``redact=True`` masks phones, WeChat IDs, e-mails and names
everywhere in the file. Reviewers can mark findings and outcomes wrong (or add
missed findings) and download their annotations for ``salesim calibrate``
(:mod:`simulator.calibrate`).

No network: no CDN, no fonts, no request of any kind (a Content-Security-Policy forbids them).
Transcript text is hostile input: it is embedded as escaped JSON and put into the page with
``textContent`` only.
"""

from __future__ import annotations

from pathlib import Path

from simulator.report._data import ReportData, collect
from simulator.report._i18n import LANGS, strings
from simulator.report._markdown import render_markdown
from simulator.report._redact import Redactor
from simulator.report._render import (
    ANNOTATIONS_FORMAT,
    ANNOTATIONS_VERSION,
    render_html,
    script_json,
)
from simulator.results import REPORT

REPORT_HTML = REPORT

__all__ = [
    "ANNOTATIONS_FORMAT",
    "ANNOTATIONS_VERSION",
    "LANGS",
    "REPORT_HTML",
    "Redactor",
    "ReportData",
    "collect",
    "render_markdown",
    "script_json",
    "strings",
    "write_markdown",
    "write_report",
]


def write_report(
    run_dir: Path,
    out: Path | None = None,
    *,
    compare: Path | None = None,
    redact: bool = False,
    lang: str = "en",
) -> Path:
    """Write the HTML report of ``run_dir`` (default ``run_dir/report.html``); return its path.

    ``compare`` is a second run directory (B, the candidate, as in ``salesim compare A B``): the
    report then pairs each persona instance's conversations under both runs' first candidates.
    """
    run_dir = Path(run_dir)
    data = collect(run_dir, compare=Path(compare) if compare else None, redact=redact, lang=lang)
    return render_html(data, Path(out) if out else run_dir / REPORT_HTML)


def write_markdown(
    run_dir: Path,
    out: Path | None = None,
    *,
    compare: Path | None = None,
    lang: str = "en",
) -> str:
    """The markdown summary of ``run_dir`` (written to ``out`` too when given)."""
    data = collect(Path(run_dir), compare=Path(compare) if compare else None, lang=lang)
    text = render_markdown(data)
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text
