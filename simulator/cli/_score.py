"""`salesim score`, `salesim baseline import`, `salesim export`: existing transcripts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table

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
)
from simulator.interchange import export_run
from simulator.judge import load_judge
from simulator.metrics import SCORECARD_METRICS
from simulator.results import SCORES, SUMMARY, write_json_atomic
from simulator.rubrics import load_rubrics
from simulator.runs import safe_name
from simulator.scorecard import format_rate, terminal_console
from simulator.scoring import score_file


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
    as_json: bool,
) -> None:
    """Score transcripts: JSONL in the interchange format, CSV, Parquet or a datasets dataset.

    Simulated runs and real human chats are scored by the same code. A line that cannot be read
    is reported with its line number and counted, never dropped silently; a file that cannot be
    read at all exits with code 2.
    """
    out = out or file.parent / f"{file.stem}.scored"
    rubric_set = load_rubrics(rubrics, judge=load_judge(judge) if judge else None)
    out.mkdir(parents=True, exist_ok=True)
    scored = score_file(
        file,
        out / SCORES,
        sla_s,
        rubric_set,
        mapping=parse_pairs(mapping, "--map"),
        roles=parse_pairs(roles, "--roles"),
        default_tz=default_tz,
    )
    for line in scored.unreadable[:20]:
        click.echo(f"warning: {line}", err=True)
    if len(scored.unreadable) > 20:
        click.echo(
            f"warning: ... and {len(scored.unreadable) - 20} more unreadable lines", err=True
        )
    summary = {
        "source": str(file),
        "sla_s": sla_s,
        **scored.summary(),
        "unreadable": scored.unreadable[:100],
        "skipped_rules": rubric_set.skipped,
    }
    write_json_atomic(out / SUMMARY, summary)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        table = Table(
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
    if not scored.rows and scored.unreadable:
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
) -> None:
    """Import human-handled chats (JSONL, CSV, Parquet, datasets on disk) as a scored baseline.

    Compare a run against it with `salesim run --baseline DIR`.
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
    )
    for line in summary["unreadable"][:20]:
        click.echo(f"warning: {line}", err=True)
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
    """Export a run's scores and messages for pandas (Parquet, CSV) or as a datasets dataset."""
    written = export_run(run_dir, fmt, out or run_dir / f"export-{fmt}")  # type: ignore[arg-type]
    for path in written:
        click.echo(f"wrote {path}")
