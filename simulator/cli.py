"""The ``salesim`` command line: one thin function per command (parse, call the library, format).

Exit codes: 0 ok, 1 a failed check (gate), 2 bad input (a spec, a flag, a file).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from simulator.agents import agent_spec_files
from simulator.baseline import import_baseline
from simulator.customers import sample_instance
from simulator.engine import prepare_suite, run_suite
from simulator.interchange import export_run
from simulator.judge import load_judge
from simulator.metrics import SCORECARD_METRICS
from simulator.models import RunConfig
from simulator.registry import RegistryError
from simulator.results import SCORES, SUMMARY, write_json_atomic
from simulator.rubrics import load_rubrics
from simulator.scorecard import format_rate, print_scorecard, terminal_console
from simulator.scoring import score_file
from simulator.specs import (
    LOCALES,
    Persona,
    SpecError,
    load_agent_spec,
    load_persona,
    load_persona_library,
    persona_files,
)

F = TypeVar("F", bound=Callable[..., Any])
EXIT_BAD_INPUT = 2
PROGRESS_MIN_CONVERSATIONS = 200


def _err(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def clean_errors(func: F) -> F:
    """Turn bad-input exceptions into one line on stderr and exit code 2 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (SpecError, RegistryError) as exc:
            _err(str(exc))
            sys.exit(EXIT_BAD_INPUT)
        except KeyboardInterrupt:
            _err("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeatable options also accept comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


sla_option = click.option(
    "--sla",
    "sla_s",
    type=click.FloatRange(min=0, min_open=True),
    default=180.0,
    show_default=True,
    help="Reply-rate SLA in seconds (the '3-minute reply rate' by default).",
)
"""Shared by every command that scores: the SLA a first reply must meet."""

rubrics_option = click.option(
    "--rubrics",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Directory of rubric YAML files [default: the shipped rubrics/].",
)
judge_option = click.option(
    "--judge",
    default=None,
    metavar="MODEL",
    help="Chat model for LLM-judge rules: 'provider:model' (init_chat_model) or module:attr. "
    "Without it those rules are skipped, and the scorecard says so.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="salesim")
def main() -> None:
    """salesim: simulate DM sales conversations with synthetic customers and score the agents."""


# --- run -----------------------------------------------------------------------------------------


@main.command()
@click.option(
    "--agent",
    "agents",
    multiple=True,
    metavar="NAME|PATH|MODULE:ATTR",
    help="Candidate agent (repeatable): a name from agents/, a YAML spec, or module:attr.  "
    "[default: scripted-v2]",
)
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
    "--locale",
    "locales",
    multiple=True,
    type=click.Choice(LOCALES),
    help="Locale(s) of the personas to run. [default: zh_CN and en_US]",
)
@click.option(
    "--n",
    "n",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Instances (sampled customers) per persona and locale.",
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
    help="Conversations in flight at once.",
)
@click.option(
    "--timeout",
    "agent_timeout_s",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds an agent may take for one reply before the conversation ends.",
)
@rubrics_option
@judge_option
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
    "--json", "as_json", is_flag=True, help="Print summary.json instead of the scorecard."
)
@clean_errors
def run(
    agents: tuple[str, ...],
    baseline_path: Path | None,
    baseline_agent: str,
    personas: tuple[str, ...],
    locales: tuple[str, ...],
    n: int,
    seed: int,
    out: str,
    run_id: str | None,
    sla_s: float,
    concurrency: int,
    agent_timeout_s: float,
    rubrics: Path | None,
    judge: str | None,
    customer: str,
    cache: str,
    regenerate_unfaithful: int,
    as_json: bool,
) -> None:
    """Simulate personas x instances x agents and print the scorecard.

    With no options: the three seed personas in zh_CN and en_US, 50 customers each, scripted-v2
    against the simulated human baseline, seed 0.
    """
    config = RunConfig(
        agents=_split(agents) or ["scripted-v2"],
        baseline_agent=None if baseline_agent.lower() == "none" else baseline_agent,
        personas=_split(personas),
        locales=list(locales) or list(LOCALES),
        n=n,
        seed=seed,
        out=out,
        run_id=run_id,
        sla_s=sla_s,
        concurrency=concurrency,
        agent_timeout_s=agent_timeout_s,
        rubrics=str(rubrics) if rubrics else None,
        judge=judge,
        baseline=str(baseline_path) if baseline_path else None,
        customer=customer,
        cache=None if cache == "off" else cache,
        regenerate_unfaithful=regenerate_unfaithful,
    )
    suite = prepare_suite(config)
    console = Console(stderr=True)
    show_progress = (
        console.is_terminal and suite.total >= PROGRESS_MIN_CONVERSATIONS and not as_json
    )
    if show_progress:
        with Progress(
            TextColumn("simulating"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("run", total=suite.total)
            directory, summary = run_suite(config, lambda k: progress.advance(task, k), suite=suite)
    else:
        directory, summary = run_suite(config, suite=suite)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    out_console = terminal_console()
    out_console.print(
        f"[bold]salesim run[/bold] {summary['run_id']}: {summary['conversations']} conversations "
        f"in {summary['elapsed_s']:.1f} s -> {directory}"
    )
    print_scorecard(summary, out_console)


# --- score ----------------------------------------------------------------------------------------


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    """``KEY=VALUE`` options into a dict (a bad one is exit 2, naming the option)."""
    out: dict[str, str] = {}
    for value in values:
        key, sep, item = value.partition("=")
        if not sep or not key or not item:
            raise SpecError(f"{option} {value}: expected KEY=VALUE")
        out[key.strip()] = item.strip()
    return out


def table_input_options(func: F) -> F:
    """Options that map a CRM or chat-tool export (CSV, Parquet, datasets) to the format."""
    func = click.option(
        "--tz",
        "default_tz",
        default=None,
        metavar="ZONE",
        help="Time zone for timestamps written without one (e.g. Asia/Shanghai).",
    )(func)
    func = click.option(
        "--roles",
        "roles",
        multiple=True,
        metavar="VALUE=ROLE",
        help="Map the source's role values to customer/agent, e.g. --roles 客户=customer.",
    )(func)
    func = click.option(
        "--map",
        "mapping",
        multiple=True,
        metavar="FIELD=COLUMN",
        help="Map a field to the source's column, e.g. --map text=content --map ts=sent_at.",
    )(func)
    return func


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
        mapping=_pairs(mapping, "--map"),
        roles=_pairs(roles, "--roles"),
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
    target = out_dir / (name or source.stem)
    summary = import_baseline(
        source,
        target,
        sla_s=sla_s,
        rubrics=rubric_set,
        mapping=_pairs(mapping, "--map"),
        roles=_pairs(roles, "--roles"),
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


# --- personas ----------------------------------------------------------------------------------


@main.group()
def personas() -> None:
    """List, show and validate persona specs."""


@personas.command("list")
@click.option("--json", "as_json", is_flag=True)
@clean_errors
def personas_list(as_json: bool) -> None:
    """The persona library: id, locale, industry and summary."""
    library = load_persona_library()
    rows = [
        {
            "id": p.id,
            "locale": p.locale,
            "industry": p.industry,
            "version": p.version,
            "summary": p.summary,
            "path": str(path),
        }
        for (p, path) in library.values()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="personas")
    for column in ("id", "locale", "industry", "summary"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["id"], row["locale"], row["industry"], row["summary"])
    Console().print(table)


def _find_persona(persona_id: str, locale: str | None) -> Persona:
    if persona_id.endswith((".yaml", ".yml")):
        return load_persona(Path(persona_id))
    library = load_persona_library()
    for (pid, loc), (persona, _) in library.items():
        if pid == persona_id and (locale is None or loc == locale):
            return persona
    raise SpecError(f"no persona {persona_id!r}" + (f" in {locale}" if locale else ""))


@personas.command("show")
@click.argument("persona_id")
@click.option("--locale", type=click.Choice(LOCALES), default=None)
@clean_errors
def personas_show(persona_id: str, locale: str | None) -> None:
    """Print one persona spec (validated) as JSON."""
    persona = _find_persona(persona_id, locale)
    click.echo(persona.model_dump_json(indent=2))


@personas.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def personas_validate(paths: tuple[Path, ...]) -> None:
    """Validate persona files (default: the whole library); one line per bad file, exit 2 if any."""
    files: list[Path] = []
    for path in paths or (None,):
        files.extend(persona_files(path) if path is None or path.is_dir() else [path])
    bad = 0
    for path in files:
        try:
            load_persona(path)
        except SpecError as exc:
            bad += 1
            _err(str(exc))
    click.echo(f"{len(files) - bad} of {len(files)} persona files valid")
    if bad:
        sys.exit(EXIT_BAD_INPUT)


@personas.command("sample")
@click.argument("persona_id")
@click.option("--locale", type=click.Choice(LOCALES), default=None)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--instance", type=click.IntRange(min=0), default=0, show_default=True)
@clean_errors
def personas_sample(persona_id: str, locale: str | None, seed: int, instance: int) -> None:
    """Print one sampled customer (identity, truth, traits) of a persona."""
    persona = _find_persona(persona_id, locale)
    click.echo(sample_instance(persona, instance, seed).model_dump_json(indent=2))


# --- agents --------------------------------------------------------------------------------------


@main.group()
def agents() -> None:
    """List agent specs."""


@agents.command("list")
@clean_errors
def agents_list() -> None:
    """Agent specs in agents/ with their kind and description."""
    table = Table(title="agents (use with --agent NAME; or a YAML path, or module:attr)")
    for column in ("name", "kind", "description"):
        table.add_column(column)
    for path in agent_spec_files():
        spec = load_agent_spec(path)
        table.add_row(path.stem, spec.kind, spec.description)
    Console().print(table)


@main.command()
@click.argument("kind", type=click.Choice(["persona", "agent"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a spec kind (for editor validation of YAML files)."""
    from pydantic import TypeAdapter

    from simulator.specs import AgentSpec

    schema_doc = (
        Persona.model_json_schema() if kind == "persona" else TypeAdapter(AgentSpec).json_schema()
    )
    click.echo(json.dumps(schema_doc, ensure_ascii=False, indent=2))


# --- not built yet ------------------------------------------------------------------------------


def _not_built(name: str, what: str) -> None:
    @main.command(
        name,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        help=f"{what} (not built yet in this version).",
    )
    def command() -> None:
        _err(f"'salesim {name}' is not built yet in this version of salesim ({what}).")
        sys.exit(EXIT_BAD_INPUT)


_not_built("report", "HTML report of a run")
_not_built("compare", "paired comparison of two runs")
_not_built("gate", "CI gate on a regression")
