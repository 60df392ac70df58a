"""`salesim personas fit` (a persona fitted to real chats) and `salesim fidelity`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from simulator.agents import load_agent
from simulator.cli._common import (
    EXIT_BAD_INPUT,
    clean_errors,
    main,
    parse_pairs,
    table_input_options,
    warn,
)
from simulator.cli._library import personas
from simulator.cli._score import report_unreadable
from simulator.fitting import fit_persona
from simulator.fitting._fidelity import fidelity
from simulator.fitting._fit import file_digest
from simulator.interchange import read_transcripts
from simulator.models import Transcript
from simulator.report._fidelity import FIDELITY_HTML, FIDELITY_JSON, render_fidelity_html
from simulator.results import MANIFEST, TRANSCRIPTS, atomic_text, write_json_atomic
from simulator.scorecard import terminal_console
from simulator.specs import (
    LOCALES,
    Persona,
    SpecError,
    load_persona,
    load_persona_library,
    read_yaml,
)
from simulator.terminal import PlainTable


def persona_with_path(ref: str, locale: str | None) -> tuple[Persona, Path]:
    """A persona by id (in ``locale``, or its only locale) or by path, and its file."""
    if ref.endswith((".yaml", ".yml")):
        path = Path(ref)
        persona = load_persona(path)
        if locale is not None and persona.locale != locale:
            raise SpecError(f"--locale: {ref} is a {persona.locale} persona, not {locale}")
        return persona, path
    library = load_persona_library()
    locales = sorted(loc for pid, loc in library if pid == ref and (locale in (None, loc)))
    if len(locales) != 1:
        known = sorted({pid for pid, _ in library})
        raise SpecError(
            f"--persona {ref}: no such persona"
            + (f" in {locale}" if locale else "")
            + f" (known: {', '.join(known)})"
            if not locales
            else f"--persona {ref} exists in {', '.join(locales)}; pass --locale"
        )
    return library[(ref, locales[0])]


def read_chats(
    path: Path,
    mapping: tuple[str, ...],
    roles: tuple[str, ...],
    default_tz: str | None,
    locale: str | None = None,
) -> tuple[list[Transcript], list[str]]:
    """Every readable conversation of ``path`` (missing timestamps allowed) and the unreadable
    places; rows without a locale get ``locale``."""
    transcripts: list[Transcript] = []
    unreadable: list[str] = []
    for where, transcript, error in read_transcripts(
        path,
        mapping=parse_pairs(mapping, "--map"),
        roles=parse_pairs(roles, "--roles"),
        default_tz=default_tz,
        missing_ts=True,
    ):
        if transcript is None:
            unreadable.append(f"{where}: {error}")
            continue
        if transcript.locale is None and locale is not None:
            transcript.locale = locale
        transcripts.append(transcript)
    return transcripts, unreadable


@personas.command("fit")
@click.argument("chats", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--persona",
    "persona_ref",
    required=True,
    metavar="PERSONA",
    help="Base persona (id or path): its needs, texts and unfitted parameters are kept.",
)
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=None,
    help="Locale of the base persona, and of conversations that have none.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Fitted persona file [default: <persona>_fitted.<locale>.yaml here].",
)
@click.option(
    "--id", "new_id", default=None, help="Id of the fitted persona [default: <persona>_fitted]."
)
@click.option(
    "--agent",
    default="human",
    show_default=True,
    help="Stands in for your staff when parameters are matched by simulation (an offline agent).",
)
@click.option(
    "--no-simulate",
    is_flag=True,
    help="Fit only what is read off the data; keep the base values of simulated matches.",
)
@click.option(
    "--sim-n",
    type=click.IntRange(min=20),
    default=300,
    show_default=True,
    help="Conversations simulated per candidate value.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@table_input_options
@click.option("--json", "as_json", is_flag=True, help="Print the fit record as JSON.")
@clean_errors
def personas_fit(
    chats: Path,
    persona_ref: str,
    locale: str | None,
    out: Path | None,
    new_id: str | None,
    agent: str,
    no_simulate: bool,
    sim_n: int,
    seed: int,
    mapping: tuple[str, ...],
    roles: tuple[str, ...],
    default_tz: str | None,
    as_json: bool,
) -> None:
    """Fit a persona's behaviour to real conversations (CHATS: JSONL, CSV, Parquet, datasets).

    Estimated from the chats: arrival hours and time zone, the customers' reply delays,
    patience (a survival fit of leaving against the agent's reply time), which needs they ask
    about; matched by simulating the persona against --agent: how many needs a customer asks,
    the share who never leave a contact, bursts and message length. A parameter the data
    cannot support keeps the base value, and the fitted file's comment block says so. Messages
    without timestamps are allowed: such chats count for everything but timing.
    """
    base, base_path = persona_with_path(persona_ref, locale)
    transcripts, unreadable = read_chats(chats, mapping, roles, default_tz, base.locale)
    report_unreadable(unreadable)
    if not transcripts:
        click.echo(f"error: {chats}: no readable conversations", err=True)
        sys.exit(EXIT_BAD_INPUT)
    stand_in = None if no_simulate else load_agent(agent)
    if stand_in is not None and stand_in.kind not in ("human", "scripted", "python"):
        raise SpecError(
            f"--agent {agent}: a {stand_in.kind} agent would be called thousands of times; "
            "use an offline agent (human, scripted, python) or --no-simulate"
        )
    result = fit_persona(
        transcripts,
        base,
        raw=read_yaml(base_path),
        agent=stand_in,
        sim_n=sim_n,
        seed=seed,
        source=f"{chats.name} (sha256 {file_digest(chats)})",
        new_id=new_id,
    )
    out = out or Path(f"{result.persona.id}.{base.locale}.yaml")
    with atomic_text(out) as handle:
        handle.write(result.yaml())
    if as_json:
        click.echo(json.dumps(fit_record(result, out), ensure_ascii=False, indent=2))
        return
    for line in result.comment().splitlines():
        click.echo(line.removeprefix("# "))
    kept = sum(1 for p in result.parameters if p.status == "kept")
    if kept:
        warn(f"{kept} parameters kept the base persona's values (see 'kept' above)")
    click.echo(f"wrote {out}")


def fit_record(result: Any, out: Path) -> dict[str, Any]:
    """The fit as JSON: every parameter's status, value, base, evidence and interval."""
    return {
        "out": str(out),
        "persona": result.persona.id,
        "base": result.base.id,
        "locale": result.base.locale,
        "source": result.source,
        "conversations": result.conversations,
        "used": result.used,
        "excluded": result.excluded,
        "agent": result.agent,
        "parameters": [
            {
                "name": p.name,
                "status": p.status,
                "value": p.value,
                "base": p.base,
                "n": p.n,
                "how": p.how,
                "interval": list(p.interval) if p.interval else None,
            }
            for p in result.parameters
        ],
        "observed": result.observed,
    }


# --- fidelity ------------------------------------------------------------------------------------


def _run_personas(run: Path) -> dict[tuple[str, str], Persona]:
    """The personas a run used (its manifest's files where they still exist), else the library."""
    found = {key: persona for key, (persona, _) in load_persona_library().items()}
    manifest = run / MANIFEST if run.is_dir() else None
    if manifest is not None and manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8")).get("personas", []):
            path = Path(entry.get("path", ""))
            if path.is_file():
                persona = load_persona(path)
                found[(persona.id, persona.locale)] = persona
    return found


@main.command("fidelity")
@click.argument("real", type=click.Path(exists=True, path_type=Path))
@click.argument("sim_run", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--agent",
    default=None,
    help="The run's agent that stands for the real chats' staff [default: human if the run has "
    "it, else its only agent].",
)
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=None,
    help="Locale of real conversations that have none.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where fidelity.json and fidelity.html go [default: the run directory].",
)
@click.option(
    "--bootstrap",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="Bootstrap resamples per distance (0: no intervals).",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@table_input_options
@click.option("--json", "as_json", is_flag=True, help="Print fidelity.json.")
@clean_errors
def fidelity_command(
    real: Path,
    sim_run: Path,
    agent: str | None,
    locale: str | None,
    out: Path | None,
    bootstrap: int,
    seed: int,
    lang: str,
    mapping: tuple[str, ...],
    roles: tuple[str, ...],
    default_tz: str | None,
    as_json: bool,
) -> None:
    """Compare real conversations (REAL) with a simulated run (SIM_RUN: a run directory or a
    transcripts file): drop-off against reply latency, turns, lead rate by hour of arrival,
    questions asked, which needs, refusal after a contact ask, first-message hour, reply delays
    and message length, each with a distance (KS, JS or a gap) and a 95% bootstrap interval;
    one summary line per persona. Writes fidelity.json and fidelity.html; `salesim report` on
    the run then has a Fidelity tab.
    """
    real_chats, unreadable = read_chats(real, mapping, roles, default_tz, locale)
    report_unreadable(unreadable)
    if not real_chats:
        click.echo(f"error: {real}: no readable conversations", err=True)
        sys.exit(EXIT_BAD_INPUT)
    sim_chats, sim_unreadable = read_chats(
        sim_run / TRANSCRIPTS if sim_run.is_dir() else sim_run, (), (), None
    )
    report_unreadable(sim_unreadable)
    if not sim_chats:
        click.echo(f"error: {sim_run}: no readable conversations", err=True)
        sys.exit(EXIT_BAD_INPUT)
    result = fidelity(
        real_chats, sim_chats, _run_personas(sim_run), agent=agent, reps=bootstrap, seed=seed
    )
    result["real_source"] = str(real)
    result["sim_source"] = str(sim_run)
    out = out or (sim_run if sim_run.is_dir() else sim_run.parent / f"{sim_run.stem}.fidelity")
    out.mkdir(parents=True, exist_ok=True)
    write_json_atomic(out / FIDELITY_JSON, result)
    page = render_fidelity_html(result, out / FIDELITY_HTML, lang)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    overall = result["groups"][0]
    table = PlainTable(title=f"real vs simulated ({result['agent']})", caption_justify="left")
    numeric = ("distance", "95% interval", "noise")
    for column in ("distribution", *numeric, "real", "simulated"):
        table.add_column(column, justify="right" if column in numeric else "left")
    for c in overall["comparisons"]:
        low, high = c["interval"]
        noise = "" if c["noise"] is None else f"{c['noise']:.2f}"
        table.add_row(
            c["title"],
            "–" if c["distance"] is None else f"{c['measure']} {c['distance']:.2f}",
            f"[{low:.2f}, {high:.2f}]" if low is not None and high is not None else "",
            noise + (" ✓" if c["within_noise"] else ""),
            c["real"]["summary"],
            c["sim"]["summary"],
        )
    table.caption = (
        "noise: the distance two random splits of the pooled conversations show (95th "
        "percentile); ✓ = within it"
    )
    terminal_console().print(table)
    for group in result["groups"]:
        click.echo(group["summary"])
    if result["real_untimed"]:
        warn(
            f"{result['real_untimed']} real conversations have no timestamps: "
            "not in the timing distributions"
        )
    click.echo(f"wrote {out / FIDELITY_JSON} and {page}")
