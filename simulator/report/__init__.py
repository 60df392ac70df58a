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

import re
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
from simulator.results import REPORT, atomic_text

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
    "report_name",
    "script_json",
    "strings",
    "write_markdown",
    "write_report",
]


def report_name(compare_run_id: str | None = None, redact: bool = False, lang: str = "en") -> str:
    """The file name of a view of a run: ``report.html`` for the plain one, others marked.

    A compare view (``report-vs-B.html``), a redacted one (``.redacted``) and one in another
    language (``.zh``) each get their own name in the run directory, so writing one never
    replaces another, least of all the report ``salesim run`` wrote.
    """
    stem = REPORT_HTML.removesuffix(".html")
    if compare_run_id:
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", compare_run_id).strip("._") or "b"
        stem += f"-vs-{safe}"
    if redact:
        stem += ".redacted"
    if lang != "en":
        stem += f".{lang}"
    return f"{stem}.html"


def write_report(
    run_dir: Path,
    out: Path | None = None,
    *,
    compare: Path | None = None,
    redact: bool = False,
    lang: str = "en",
) -> Path:
    """Write the HTML report of ``run_dir`` and return its path.

    ``out`` defaults to ``run_dir/`` and :func:`report_name`: ``report.html`` for the plain
    view. ``compare`` is a second run directory (B, the candidate, as in ``salesim compare A
    B``): the report then pairs each persona instance's conversations under both runs' first
    candidates.
    """
    run_dir = Path(run_dir)
    data = collect(run_dir, compare=Path(compare) if compare else None, redact=redact, lang=lang)
    default = run_dir / report_name(data.b.run_id if data.b else None, redact, lang)
    return render_html(data, Path(out) if out else default)


def write_markdown(
    run_dir: Path,
    out: Path | None = None,
    *,
    compare: Path | None = None,
    redact: bool = False,
    lang: str = "en",
) -> str:
    """The markdown summary of ``run_dir`` (written to ``out`` too when given).

    ``redact`` shows aliases for conversation ids that hold a contact and masks the agents'
    error messages, as the redacted HTML report does.
    """
    data = collect(
        Path(run_dir), compare=Path(compare) if compare else None, redact=redact, lang=lang
    )
    text = render_markdown(data)
    if out is not None:
        with atomic_text(Path(out)) as handle:  # whole or not at all, a name of its own
            handle.write(text)
    return text
