"""`salesim compare`, `salesim gate`, `salesim noise`: is the candidate better, worse, or noise?"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from simulator.cli._common import agent_path_option, clean_errors, main, split_values, warn
from simulator.compare import Comparison, MetricComparison, compare_runs, rows_of
from simulator.gate import junit_xml, load_gate_config, markdown, run_gate
from simulator.models import RunConfig
from simulator.noise import NOISE_FILE, load_noise_floor, measure_noise
from simulator.registry import add_import_paths
from simulator.results import write_json_atomic
from simulator.runs import run_suite
from simulator.scorecard import terminal_console
from simulator.specs import LOCALES
from simulator.terminal import PlainTable, plain

EXIT_FAILED_CHECK = 1
VERDICT_STYLE = {"better": "green", "worse": "red", "inconclusive": "yellow"}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _metric_rows(
    table: Table, comparisons: list[MetricComparison], group: str | None = None
) -> None:
    """One row per metric; with ``group`` (a persona or a locale), a first column naming it.

    The group is its own column, written on its first row only, and each group ends a table
    section: a group name in the metric column would read as a header over a row of figures
    that are in fact its first metric's.
    """
    for i, mc in enumerate(comparisons):
        diff = "–"
        if mc.diff is not None:
            diff = f"{mc.diff * 100:+.1f} pp"
            if mc.diff_low is not None and mc.diff_high is not None:
                diff += f" [{mc.diff_low * 100:+.0f}, {mc.diff_high * 100:+.0f}]"
        p_value = "–" if mc.p_value is None else f"{mc.p_value:.3g}"
        verdict = Text(mc.verdict, style=VERDICT_STYLE.get(mc.verdict, ""))
        cells = [mc.metric, _pct(mc.a.value), _pct(mc.b.value), diff, p_value, verdict]
        if group is not None:
            cells.insert(0, group if i == 0 else "")
        table.add_row(*cells, end_section=group is not None and i == len(comparisons) - 1)


def comparison_title(result: Comparison) -> str:
    """Which run and agent is A and which is B, in the order of the columns (A, then B)."""
    return f"A: {result.agent_a} ({result.run_a})  ·  B: {result.agent_b} ({result.run_b})"


def print_comparison(result: Comparison, breakdown: bool) -> None:
    """Tables: metrics, optional per-persona and per-locale breakdown, flipped conversations."""
    console = terminal_console()
    caption = (
        f"paired on {result.n_pairs} persona instances, McNemar p-values"
        if result.paired
        else "UNPAIRED: two-proportion z-tests"
    )
    table = PlainTable(
        title=comparison_title(result),
        title_justify="left",
        caption=caption,
        caption_justify="left",
    )
    for column in ("metric", "A", "B", "B - A [95%]", "p", "verdict"):
        table.add_column(column, justify="left" if column in ("metric", "verdict") else "right")
    _metric_rows(table, result.metrics)
    console.print(table)
    if result.warning:
        warn(result.warning)
    if breakdown:
        for by, groups in (("persona", result.by_persona), ("locale", result.by_locale)):
            detail = PlainTable(title=f"by {by} (A, then B)", title_justify="left")
            # the group names whole: a persona cut to "elderly_dental_patient…" loses its locale
            widest = max((len(key) for key in groups), default=len(by))
            detail.add_column(by, no_wrap=True, min_width=widest)
            for column in ("metric", "A", "B", "B - A [95%]", "p", "verdict"):
                justify = "left" if column in ("metric", "verdict") else "right"
                detail.add_column(column, justify=justify, no_wrap=column != "verdict")
            for key, comparisons in groups.items():
                _metric_rows(detail, [m for m in comparisons if m.verdict != "no data"], key)
            console.print(detail)
    for metric, sides in result.flips.items():
        for side, flips in sides.items():
            if flips:
                ids = ", ".join(f.conversation_b for f in flips[:20])
                more = f" (+{len(flips) - 20} more)" if len(flips) > 20 else ""
                click.echo(plain(f"{metric} {side} in B ({len(flips)}): {ids}{more}"))


@main.command()
@click.argument("run_a", type=click.Path(exists=True, path_type=Path))
@click.argument("run_b", type=click.Path(exists=True, path_type=Path))
@click.option("--agent-a", default=None, help="Agent of RUN_A [default: its first candidate].")
@click.option("--agent-b", default=None, help="Agent of RUN_B [default: its first candidate].")
@click.option(
    "--alpha",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.05,
    show_default=True,
    help="Significance level (Bonferroni-corrected across metrics).",
)
@click.option(
    "--noise",
    "noise_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="noise.json (or its run directory) from `salesim noise`.",
)
@click.option(
    "--breakdown/--no-breakdown",
    default=True,
    show_default=True,
    help="Per-persona and per-locale tables.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@clean_errors
def compare(
    run_a: Path,
    run_b: Path,
    agent_a: str | None,
    agent_b: str | None,
    alpha: float,
    noise_path: Path | None,
    breakdown: bool,
    as_json: bool,
) -> None:
    """Compare run B (candidate) with run A (reference), metric by metric.

    Runs with the same persona instances and seed pair up conversation by conversation (paired
    bootstrap intervals, exact McNemar tests) and list the conversations that flipped.
    """
    _, rows_a = rows_of(run_a, agent_a)
    _, rows_b = rows_of(run_b, agent_b)
    result = compare_runs(
        rows_a,
        rows_b,
        run_a=str(run_a),
        run_b=str(run_b),
        alpha=alpha,
        noise=load_noise_floor(noise_path),
    )
    if as_json:
        click.echo(result.model_dump_json(indent=2))
        return
    print_comparison(result, breakdown)


@main.command()
@click.option(
    "--baseline",
    "baseline_run",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="The reference run.",
)
@click.option(
    "--candidate",
    "candidate_run",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="The run that wants to ship.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="gate.yaml [default: built-in limits].",
)
@click.option("--baseline-agent", "agent_a", default=None, help="Agent of the baseline run.")
@click.option("--candidate-agent", "agent_b", default=None, help="Agent of the candidate run.")
@click.option(
    "--noise",
    "noise_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="noise.json from `salesim noise`: drops inside it are inconclusive.",
)
@click.option(
    "--allow-underpowered",
    is_flag=True,
    help="Pass even when too few conversations were run to detect the allowed drop.",
)
@click.option(
    "--junit",
    "junit_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write JUnit XML (one test case per check).",
)
@click.option(
    "--markdown",
    "markdown_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a markdown summary for a pull-request comment.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the gate result as JSON.")
@clean_errors
def gate(
    baseline_run: Path,
    candidate_run: Path,
    config_path: Path | None,
    agent_a: str | None,
    agent_b: str | None,
    noise_path: Path | None,
    allow_underpowered: bool,
    junit_path: Path | None,
    markdown_path: Path | None,
    as_json: bool,
) -> None:
    """Fail (exit 1) when the candidate regresses against the baseline; 0 when it may ship."""
    config = load_gate_config(config_path)
    _, rows_a = rows_of(baseline_run, agent_a)
    _, rows_b = rows_of(candidate_run, agent_b)
    result = run_gate(
        rows_a,
        rows_b,
        config,
        allow_underpowered=allow_underpowered,
        noise=load_noise_floor(noise_path),
        run_a=str(baseline_run),
        run_b=str(candidate_run),
    )
    if junit_path:
        junit_path.write_text(junit_xml(result), encoding="utf-8")
    if markdown_path:
        markdown_path.write_text(markdown(result), encoding="utf-8")
    if as_json:
        click.echo(result.model_dump_json(indent=2))
    else:
        table = PlainTable(
            title=f"salesim gate: {'PASSED' if result.passed else 'FAILED'}", title_justify="left"
        )
        table.add_column("check")
        table.add_column("status")
        table.add_column("detail")
        for check in result.checks:
            style = {"pass": "green", "fail": "red", "underpowered": "red"}.get(
                check.status, "yellow"
            )
            table.add_row(check.name, Text(check.status, style=style), check.message)
        terminal_console().print(table)
        if result.comparison.warning:
            warn(result.comparison.warning)
    sys.exit(0 if result.passed else EXIT_FAILED_CHECK)


@main.command()
@click.argument("agent")
@agent_path_option
@click.option(
    "--repeats",
    type=click.IntRange(2, 50),
    default=5,
    show_default=True,
    help="Runs of the unchanged agent on the same persona instances.",
)
@click.option("--personas", "personas", multiple=True, metavar="ID|PATH")
@click.option("--locale", "locales", multiple=True, type=click.Choice(LOCALES))
@click.option("--n", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="results", show_default=True)
@click.option("--run-id", default=None)
@click.option("--json", "as_json", is_flag=True)
@clean_errors
def noise(
    agent: str,
    agent_paths: tuple[str, ...],
    repeats: int,
    personas: tuple[str, ...],
    locales: tuple[str, ...],
    n: int,
    seed: int,
    out: str,
    run_id: str | None,
    as_json: bool,
) -> None:
    """Measure how far repeats of an UNCHANGED agent drift: the floor below which a difference
    between two runs is noise. Writes noise.json into the run directory."""
    config = RunConfig(
        agents=[agent],
        agent_paths=add_import_paths(agent_paths),
        baseline_agent=None,
        personas=split_values(personas),
        locales=list(locales) or list(LOCALES),
        n=n,
        seed=seed,
        out=out,
        run_id=run_id,
        trials=repeats,
    )
    directory, _ = run_suite(config)
    from simulator.compare import load_rows

    report = measure_noise(load_rows(directory))
    write_json_atomic(directory / NOISE_FILE, report)
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    table = PlainTable(
        title=f"noise floor of {agent}: {repeats} repeats of {report['instances']} "
        f"persona instances",
        title_justify="left",
        caption=f"-> {directory / NOISE_FILE}",
        caption_justify="left",
    )
    for column in ("metric", "rates per repeat", "largest gap", "mean gap", "flip rate"):
        table.add_column(column)
    for name, stats in report["metrics"].items():
        table.add_row(
            name,
            " ".join(_pct(r) for r in stats["rates"]),
            _pct(stats["max_gap"]),
            _pct(stats["mean_gap"]),
            _pct(stats["flip_rate"]),
        )
    terminal_console().print(table)
