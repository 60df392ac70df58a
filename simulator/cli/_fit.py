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
    parse_pairs,
    table_input_options,
    warn,
)
from simulator.cli._library import personas
from simulator.cli._score import report_unreadable
from simulator.fitting import fit_persona
from simulator.fitting._fit import file_digest
from simulator.interchange import read_transcripts
from simulator.models import Transcript
from simulator.results import atomic_text
from simulator.specs import (
    LOCALES,
    Persona,
    SpecError,
    load_persona,
    load_persona_library,
    read_yaml,
)


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
