"""`salesim run`: simulate a suite and print the scorecard."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from simulator.cli._common import (
    PROGRESS_MIN_CONVERSATIONS,
    agent_path_option,
    clean_errors,
    judge_option,
    main,
    reader_option,
    rubrics_option,
    sla_option,
    split_values,
    warn_about_judge_errors,
)
from simulator.engine import prepare_suite, resolve_personas
from simulator.models import RunConfig
from simulator.registry import add_import_paths
from simulator.results import REPORT
from simulator.runs import resume_run, run_suite
from simulator.scorecard import print_scorecard, terminal_console
from simulator.specs import (
    LOCALES,
    SpecError,
)
from simulator.stats import sample_size
from simulator.terminal import plain

T = TypeVar("T")

# --- run -----------------------------------------------------------------------------------------


PROGRESS_REFRESH_S = 0.1
"""Seconds between redraws of the progress bar (it is redrawn as conversations finish)."""


def with_progress(total: int | None, quiet: bool, work: Callable[[Any], T]) -> T:
    """Run ``work(progress)`` under a progress bar when a person is watching a long run."""
    console = Console(stderr=True)
    if (
        quiet
        or not console.is_terminal
        or (total is not None and total < PROGRESS_MIN_CONVERSATIONS)
    ):
        return work(None)
    with Progress(
        TextColumn("simulating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        # no refresh thread: with none, --workers can fork (instant) rather than spawn
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("run", total=total)
        shown = [0.0]

        def advance(done: int) -> None:
            progress.advance(task, done)
            now = time.monotonic()
            if now - shown[0] >= PROGRESS_REFRESH_S:
                shown[0] = now
                progress.refresh()

        return work(advance)


def resolve_n(
    value: str,
    mde: float,
    rate: float,
    personas: list[str],
    locales: list[str],
    suite: str = "default",
) -> int:
    """``--n``: a number, or ``auto``: the instances per persona and locale that make an
    unpaired comparison of two agents detect ``mde`` at ``rate`` (alpha 0.05, power 0.8)."""
    if value != "auto":
        try:
            number = int(value)
        except ValueError:
            raise SpecError(f"--n {value}: expected a whole number or 'auto'") from None
        if number < 1:
            raise SpecError(f"--n {value}: must be at least 1")
        return number
    cells = len(resolve_personas(personas, locales, suite))
    total = sample_size(mde, rate)
    per_cell = max(1, -(-total // cells))
    click.echo(
        f"--n auto: detecting a difference of {mde:.0%} around a rate of {rate:.0%} "
        f"(alpha 0.05, power 0.8, unpaired) needs {total} conversations per agent; "
        f"over {cells} persona/locale cells that is n={per_cell} each. Paired runs "
        f"(same seed) usually need fewer.",
        err=True,
    )
    return per_cell


@main.command()
@click.option(
    "--agent",
    "agents",
    multiple=True,
    metavar="NAME|PATH|MODULE:ATTR",
    help="Candidate agent (repeatable): a name from agents/, a YAML spec, or module:attr.  "
    "[default: scripted-v2]",
)
@agent_path_option
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Imported human baseline (from `salesim baseline import`) instead of --baseline-agent.",
)
@click.option(
    "--baseline-agent",
    default="human",
    show_default=True,
    help="Baseline agent every candidate is compared with; 'none' for no baseline.",
)
@click.option(
    "--personas",
    "personas",
    multiple=True,
    metavar="ID|PATH",
    help="Persona ids or YAML paths (repeatable or comma-separated). [default: the seed personas]",
)
@click.option(
    "--suite",
    default="default",
    show_default=True,
    help="Named persona mix from personas/suites/ (default, night, hard, zh, all) or a YAML path; "
    "used when --personas is not given.",
)
@click.option(
    "--locale",
    "locales",
    multiple=True,
    type=click.Choice(LOCALES),
    help="Locale(s) of the personas to run. [default: zh_CN and en_US]",
)
@click.option(
    "--n",
    "n",
    default="50",
    show_default=True,
    metavar="N|auto",
    help="Instances (sampled customers) per persona and locale; 'auto' sizes the run for --mde.",
)
@click.option(
    "--mde",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.05,
    show_default=True,
    help="With --n auto: the smallest difference (absolute) the run must be able to detect.",
)
@click.option(
    "--baseline-rate",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.5,
    show_default=True,
    help="With --n auto: the expected rate of the metric (0.5 is the worst case).",
)
@click.option(
    "--trials",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
    help="Repeat every persona instance K times with fresh customer randomness (pass^k).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the whole run.")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="results",
    show_default=True,
    help="Directory that holds run directories.",
)
@click.option(
    "--run-id", default=None, help="Name of the run directory [default: UTC time and seed]."
)
@sla_option
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Conversations in flight at once, across all workers.",
)
@click.option(
    "--report/--no-report",
    default=True,
    show_default=True,
    help="Write report.html into the run directory (runs up to 20,000 conversations).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help=(
        "Processes for the run, sharing --concurrency and rate limits; results identical for "
        "any N (large offline runs, or hundreds of fast model calls in flight)."
    ),
)
@click.option(
    "--executor",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where conversations run: this machine, or a Ray cluster (pip install 'salesim[ray]').",
)
@click.option(
    "--address", "ray_address", default=None, help="Ray cluster address (--executor ray)."
)
@click.option(
    "--max-agent-errors",
    "max_agent_errors",
    type=click.FloatRange(min=0, max=1),
    default=0.1,
    show_default=True,
    help="Exit 1 when more than this share of one agent's conversations ended in agent_error "
    "(its code raised, timed out, or its endpoint failed): a broken agent is not a result.",
)
@click.option(
    "--agent-timeout",
    "--timeout",
    "agent_timeout_s",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds an agent may take for one reply before the conversation ends with a timeout "
    "error (sync agents too: their call is abandoned and finishes in the background).",
)
@rubrics_option
@judge_option
@reader_option
@click.option(
    "--customer",
    default="scripted",
    show_default=True,
    metavar="scripted|PATH.yaml",
    help="Who plays the customers: the offline scripted policy, or an LLM customer spec "
    "(kind openai/langchain, same fields as agent specs).",
)
@click.option(
    "--cache",
    default="auto",
    show_default=True,
    metavar="auto|off|PATH",
    help="SQLite cache of model calls; 'auto' is OUT/.cache/llm.sqlite. A rerun makes no calls.",
)
@click.option(
    "--regenerate-unfaithful",
    type=click.IntRange(0, 10),
    default=0,
    show_default=True,
    help="Retry an LLM-customer conversation flagged by the fidelity checks up to N times.",
)
@click.option(
    "--resume",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Finish an interrupted run in this directory (its own settings; other options ignored).",
)
@click.option(
    "--force", is_flag=True, help="With --resume: continue even though spec files changed."
)
@click.option(
    "--inject-faults",
    default=None,
    metavar="SPEC",
    help="Wrap the candidate agents with injected faults, e.g. 'raise=0.05,hang=0.02,none=0.02,"
    "nonstring=0.02,huge=0.02,unicode=0.02' (chance per reply).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print summary.json instead of the scorecard."
)
@clean_errors
def run(
    agents: tuple[str, ...],
    agent_paths: tuple[str, ...],
    baseline_path: Path | None,
    baseline_agent: str,
    personas: tuple[str, ...],
    suite: str,
    locales: tuple[str, ...],
    n: str,
    mde: float,
    baseline_rate: float,
    trials: int,
    seed: int,
    out: str,
    run_id: str | None,
    sla_s: float,
    concurrency: int,
    report: bool,
    workers: int,
    executor: str,
    ray_address: str | None,
    agent_timeout_s: float,
    max_agent_errors: float,
    rubrics: Path | None,
    judge: str | None,
    reader: str | None,
    customer: str,
    cache: str,
    regenerate_unfaithful: int,
    resume: Path | None,
    force: bool,
    inject_faults: str | None,
    as_json: bool,
) -> None:
    """Simulate personas x instances x agents and print the scorecard.

    With no options: the three seed personas in zh_CN and en_US, 50 customers each, scripted-v2
    against the simulated human baseline, seed 0.
    """
    chosen_locales = list(locales) or list(LOCALES)
    folders = add_import_paths(agent_paths)  # checked first: a typo is one line
    per_cell = resolve_n(n, mde, baseline_rate, split_values(personas), chosen_locales, suite)
    config = RunConfig(
        agents=split_values(agents) or ["scripted-v2"],
        agent_paths=folders,
        baseline_agent=None if baseline_agent.lower() == "none" else baseline_agent,
        personas=split_values(personas),
        suite=suite,
        locales=chosen_locales,
        n=per_cell,
        trials=trials,
        seed=seed,
        out=out,
        run_id=run_id,
        sla_s=sla_s,
        concurrency=concurrency,
        report=report,
        workers=workers,
        executor=executor,
        ray_address=ray_address,
        agent_timeout_s=agent_timeout_s,
        rubrics=str(rubrics) if rubrics else None,
        judge=judge,
        baseline=str(baseline_path) if baseline_path else None,
        customer=customer,
        reader=reader,
        cache=None if cache == "off" else cache,
        regenerate_unfaithful=regenerate_unfaithful,
        inject_faults=inject_faults,
    )
    if resume is not None:
        directory, summary = with_progress(
            None, as_json, lambda progress: resume_run(resume, progress, force=force)
        )
    else:
        suite = prepare_suite(config)
        directory, summary = with_progress(
            suite.total, as_json, lambda progress: run_suite(config, progress, suite=suite)
        )
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        _warn_about_baseline(summary)
        _fail_on_agent_errors(summary, max_agent_errors)
        return
    out_console = terminal_console()
    out_console.print(
        Text("salesim run", style="bold"),
        plain(
            f"{summary['run_id']}: {summary['conversations']} conversations in "
            f"{summary['elapsed_s']:.1f} s ({summary['conversations_per_s']} conv/s, "
            f"{summary['executor']} executor, {summary['workers']} worker(s)) -> {directory}"
        ),
        markup=False,
    )
    print_scorecard(summary, out_console)
    agreement = summary.get("reader_agreement")
    if agreement and agreement.get("compared"):
        out_console.print(
            f"reader agreement (model vs rules) on {agreement['compared']} readings: "
            f"answers {agreement['answers']:.0%}, acts {agreement['acts']:.0%}, "
            f"both {agreement['both']:.0%}",
            markup=False,
        )
    _warn_about_baseline(summary)
    report = directory / REPORT
    if config.report and report.is_file():
        click.echo(f"report: {report}")  # not through rich: a long path must not wrap
    _fail_on_agent_errors(summary, max_agent_errors)


def _warn_about_baseline(summary: dict[str, Any]) -> None:
    """A baseline too small or about other customers: said next to the scorecard it skews."""
    for warning in summary.get("baseline_warnings") or []:
        click.echo(f"warning: {warning['message']}", err=True)


def _fail_on_agent_errors(summary: dict[str, Any], max_share: float) -> None:
    """Say which agents failed and how, on stderr; exit 1 past ``max_share`` for any of them."""
    warn_about_judge_errors(summary)
    failed = []
    for agent_id, agent in (summary.get("agents") or {}).items():
        errors, n = agent.get("agent_errors", 0), agent.get("n", 0)
        if not errors or not n:
            continue
        examples = "; ".join(agent.get("agent_error_examples") or [])
        click.echo(
            plain(
                f"agent errors: {agent_id}: {errors} of {n} conversations ended in agent_error"
                + (f" (e.g. {examples})" if examples else "")
            ),
            err=True,
        )
        if errors / n > max_share:
            failed.append(f"{agent_id} ({errors / n:.0%})")
    if failed:
        click.echo(
            f"salesim run: more than {max_share:.0%} of the conversations of "
            f"{plain(', '.join(failed))} "
            "ended in agent_error (see agent_error in scores.jsonl; --max-agent-errors to allow)",
            err=True,
        )
        raise SystemExit(1)
