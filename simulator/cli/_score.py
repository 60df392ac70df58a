"""`salesim score`, `salesim baseline import`, `salesim export`: existing transcripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from simulator.baseline import import_baseline
from simulator.cli._common import (
    EXIT_BAD_INPUT,
    clean_errors,
    judge_option,
    main,
    parse_pairs,
    rubrics_option,
    sla_option,
    table_input_options,
    warn,
    warn_about_judge_errors,
)
from simulator.interchange import export_run
from simulator.judge import load_judge
from simulator.metrics import DEFAULT_LOCALE, SCORECARD_METRICS
from simulator.rubrics import load_rubrics
from simulator.runs import safe_name
from simulator.scorecard import format_rate, terminal_console
from simulator.scoring import ImportOptions, check_import_options, score_into
from simulator.specs import LOCALES
from simulator.terminal import PlainTable

F = TypeVar("F", bound=Callable[..., Any])


def import_options(func: F) -> F:
    """What to assume where imported chats say nothing: locale, industry, which outcome to keep."""
    func = click.option(
        "--trust-outcome",
        is_flag=True,
        help="Keep any outcome the input has. By default only salesim's own outcome values are "
        "kept; missing, 'unknown' and other labels are derived from the chat.",
    )(func)
    func = click.option(
        "--industry",
        default=None,
        metavar="INDUSTRY",
        help="Industry of conversations without one (one the rubrics name, e.g. dental) "
        "[default: none: only the rules for every industry apply, with a warning].",
    )(func)
    func = click.option(
        "--locale",
        type=click.Choice(LOCALES),
        default=None,
        help=f"Locale of conversations without one [default: scored as {DEFAULT_LOCALE}, "
        "with a warning].",
    )(func)
    return func


SHOWN_UNREADABLE = 20
"""Unreadable lines listed one by one on stderr; the rest are counted (all are in the summary's
count, the first 100 in its ``unreadable`` list)."""


def report_unreadable(lines: list[str], total: int | None = None) -> None:
    """``warning: file:line: reason`` for the first unreadable lines, then how many more."""
    total = len(lines) if total is None else total
    for line in lines[:SHOWN_UNREADABLE]:
        warn(line)
    if total > SHOWN_UNREADABLE:
        click.echo(f"warning: ... and {total - SHOWN_UNREADABLE} more unreadable lines", err=True)


def warn_about_input(summary: dict[str, Any]) -> None:
    """One warning line per kind of gap the input had that no option filled (stderr)."""
    gaps, total = summary["defaults"], summary["conversations"]
    if gaps["locale_missing"]:
        click.echo(
            f"warning: {gaps['locale_missing']} of {total} conversations have no locale "
            f"(scored as {gaps['missing_locale_scored_as']}); pass --locale",
            err=True,
        )
    if gaps["industry_missing"]:
        click.echo(
            f"warning: {gaps['industry_missing']} of {total} conversations have no industry "
            "(industry rules not applied); pass --industry",
            err=True,
        )
    if gaps["unsupported_locale"]:
        which = ", ".join(f"{k}: {v}" for k, v in gaps["unsupported_locales"].items())
        warn(
            f"{gaps['unsupported_locale']} of {total} conversations have an "
            f"unsupported locale ({which}); scored without language rules: no compliance or "
            "contact-ask verdict, leads from e-mails, WeChat IDs and +country phones only"
        )


@main.command()
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory for scores.jsonl and summary.json [default: FILE's name + .scored].",
)
@sla_option
@rubrics_option
@judge_option
@table_input_options
@import_options
@click.option("--json", "as_json", is_flag=True, help="Print summary.json instead of a table.")
@clean_errors
def score(
    file: Path,
    out: Path | None,
    sla_s: float,
    rubrics: Path | None,
    judge: str | None,
    mapping: tuple[str, ...],
    roles: tuple[str, ...],
    default_tz: str | None,
    locale: str | None,
    industry: str | None,
    trust_outcome: bool,
    as_json: bool,
) -> None:
    """Score transcripts: JSONL in the interchange format, CSV, Parquet or a datasets dataset.

    Simulated runs and real human chats are scored by the same code. A line that cannot be read
    is reported with its line number and counted, never dropped silently; a file that cannot be
    read at all exits with code 2.

    Conversations without a locale are scored as zh_CN and those without an industry get only
    the rules for every industry, each with a warning and a count in summary.json ("defaults");
    --locale and --industry fill them in instead. A locale other than zh_CN/en_US is not scored
    with either language's rules: reply, engagement, outcome and locale-free leads (e-mail,
    WeChat, +country phones) are scored, contact_asked and compliance are null, and the row's
    "notes" say so.

    Conversations without an outcome (missing, null, "unknown") get one derived from the chat,
    marked outcome_derived: lead_captured (the customer wrote a contact), no_reply (the agent
    never answered), customer_left (the answer to the customer's last message came after the
    SLA and the customer never wrote again, or the chat ended on the customer's question),
    customer_silent (answered in time, then no answer) or ended_no_lead (the customer had the
    last word without asking anything). Outcome labels that are not salesim's are derived too
    unless --trust-outcome.
    """
    out = out or file.parent / f"{file.stem}.scored"
    rubric_set = load_rubrics(rubrics, judge=load_judge(judge) if judge else None)
    options = ImportOptions(locale=locale, industry=industry, trust_outcome=trust_outcome)
    check_import_options(options, rubric_set)  # before --out is created
    scored, summary = score_into(
        file,
        out,
        sla_s,
        rubric_set,
        mapping=parse_pairs(mapping, "--map"),
        roles=parse_pairs(roles, "--roles"),
        default_tz=default_tz,
        options=options,
    )
    report_unreadable(scored.unreadable)
    warn_about_input(summary)
    warn_about_judge_errors(summary)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        table = PlainTable(
            caption=f"{summary['conversations']} conversations scored, "
            f"{summary['unreadable_lines']} unreadable lines -> {out}",
            caption_justify="left",
        )
        table.add_column("metric")
        for agent in summary["agents"]:
            table.add_column(agent, justify="right")
        for name in SCORECARD_METRICS:
            cells = [format_rate(stats["metrics"][name]) for stats in summary["agents"].values()]
            table.add_row(name, *cells)
        terminal_console().print(table)
    if not scored.count and scored.unreadable:
        sys.exit(EXIT_BAD_INPUT)


# --- baseline and export -----------------------------------------------------------------------


@main.group()
def baseline() -> None:
    """Real human transcripts as the baseline (instead of the simulated human)."""


@baseline.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--name", default=None, help="Baseline name [default: the source's name].")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("results") / "baselines",
    show_default=True,
    help="Directory that holds baselines.",
)
@sla_option
@rubrics_option
@judge_option
@table_input_options
@import_options
@clean_errors
def baseline_import(
    source: Path,
    name: str | None,
    out_dir: Path,
    sla_s: float,
    rubrics: Path | None,
    judge: str | None,
    mapping: tuple[str, ...],
    roles: tuple[str, ...],
    default_tz: str | None,
    locale: str | None,
    industry: str | None,
    trust_outcome: bool,
) -> None:
    """Import human-handled chats (JSONL, CSV, Parquet, datasets on disk) as a scored baseline.

    Compare a run against it with `salesim run --baseline DIR`. --locale, --industry and
    --trust-outcome work as for `salesim score`; the defaults are stored with the baseline.
    """
    rubric_set = load_rubrics(rubrics, judge=load_judge(judge) if judge else None)
    target = out_dir / safe_name(name or source.stem, "--name")
    summary = import_baseline(
        source,
        target,
        sla_s=sla_s,
        rubrics=rubric_set,
        mapping=parse_pairs(mapping, "--map"),
        roles=parse_pairs(roles, "--roles"),
        default_tz=default_tz,
        options=ImportOptions(locale=locale, industry=industry, trust_outcome=trust_outcome),
    )
    report_unreadable(summary["unreadable"], summary["unreadable_lines"])
    warn_about_input(summary)
    click.echo(
        f"imported {summary['conversations']} conversations "
        f"({summary['unreadable_lines']} unreadable) -> {target}"
    )


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "hf"]),
    default="parquet",
    show_default=True,
    help="parquet/csv for pandas; hf for a datasets dataset on disk.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output directory [default: RUN_DIR/export-FORMAT].",
)
@clean_errors
def export(run_dir: Path, fmt: str, out: Path | None) -> None:
    """Export a run's scores and messages for pandas (Parquet, CSV) or as a datasets dataset.

    A line of the run that cannot be read is reported (file:line: reason) and left out; when
    no line at all can be read the export exits with code 2 and writes nothing.
    """
    unreadable: list[str] = []
    target = out or run_dir / f"export-{fmt}"
    written = export_run(run_dir, fmt, target, unreadable)  # type: ignore[arg-type]
    report_unreadable(unreadable)
    for path in written:
        click.echo(f"wrote {path}")
