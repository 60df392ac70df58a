"""`salesim personas`, `salesim agents`, `salesim schema`: the spec library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from simulator.agents import agent_spec_files
from simulator.cli._common import (
    EXIT_BAD_INPUT,
    clean_errors,
    echo_error,
    main,
)
from simulator.customers import sample_instance
from simulator.specs import (
    LOCALES,
    Persona,
    SpecError,
    load_agent_spec,
    load_persona,
    load_persona_library,
    persona_files,
)

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
            echo_error(str(exc))
    click.echo(f"{len(files) - bad} of {len(files)} persona files valid")
    if bad:
        sys.exit(EXIT_BAD_INPUT)


@personas.command("sample")
@click.argument("persona_id")
@click.option("--locale", type=click.Choice(LOCALES), default=None)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--instance", type=click.IntRange(min=0), default=0, show_default=True)
@click.option(
    "--agent", default="scripted-v2", show_default=True, help="Agent for the sample conversation."
)
@click.option("--json", "as_json", is_flag=True, help="Print the instance and transcript as JSON.")
@clean_errors
def personas_sample(
    persona_id: str, locale: str | None, seed: int, instance: int, agent: str, as_json: bool
) -> None:
    """Print one sampled customer of a persona and a sample conversation with an agent."""
    import asyncio

    from simulator.agents import load_agent
    from simulator.engine import run_conversation

    persona = _find_persona(persona_id, locale)
    customer = sample_instance(persona, instance, seed)
    transcript = asyncio.run(run_conversation(persona, customer, load_agent(agent), seed=seed))
    if as_json:
        payload = {
            "instance": customer.model_dump(mode="json"),
            "transcript": transcript.model_dump(mode="json"),
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(customer.model_dump_json(indent=2))
    click.echo(f"\n--- sample conversation with {agent} (outcome: {transcript.outcome}) ---")
    for message in transcript.messages:
        who = "customer" if message.role == "customer" else agent
        click.echo(f"[{message.ts:%a %H:%M:%S}] {who}: {message.text}")


@personas.command("draft")
@click.argument("description")
@click.option(
    "--model",
    "model_name",
    required=True,
    metavar="MODEL",
    help="Chat model: 'provider:model' (init_chat_model) or module:attr.",
)
@click.option("--locale", type=click.Choice(LOCALES), default="zh_CN", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the persona YAML (only if it validates).",
)
@clean_errors
def personas_draft(description: str, model_name: str, locale: str, out: Path) -> None:
    """Draft a persona YAML from a one-paragraph DESCRIPTION with a chat model (validated
    before it is written; review it before use)."""
    from simulator.drafting import draft_persona
    from simulator.judge import load_judge

    if out.exists():
        raise SpecError(f"--out {out}: already exists")
    model = load_judge(model_name).model  # the same model loading as LLM judges
    persona = draft_persona(description, model, locale, out)
    click.echo(
        f"wrote {out}: persona {persona.id} ({persona.locale}, {persona.industry}), "
        f"{len(persona.needs)} needs; validate with `salesim personas validate {out}`"
    )


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
