"""`salesim personas`, `salesim agents`, `salesim schema`: the spec library."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from simulator.agents import agent_spec_files
from simulator.cli._common import (
    EXIT_BAD_INPUT,
    agent_path_option,
    clean_errors,
    echo_error,
    main,
    reader_option,
)
from simulator.customers import sample_instance
from simulator.jsonsafe import JSONLineError, loads_line
from simulator.reading import ModelReader, ReadContext, Reading, RulesReader, load_reader
from simulator.registry import add_import_paths
from simulator.specs import (
    LOCALES,
    Persona,
    SpecError,
    load_agent_spec,
    load_persona,
    load_persona_library,
    persona_files,
)
from simulator.terminal import PlainTable

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
    table = PlainTable(title="personas")
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
    """Validate persona files (default: the whole library); every problem on a line of its own
    (file, field, what was expected), exit 2 if any file is bad."""
    files: list[Path] = []
    for path in paths or (None,):
        files.extend(persona_files(path) if path is None or path.is_dir() else [path])
    bad = 0
    for path in files:
        try:
            load_persona(path)
        except SpecError as exc:
            bad += 1
            for problem in exc.problems:
                echo_error(problem)
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
@agent_path_option
@click.option("--json", "as_json", is_flag=True, help="Print the instance and transcript as JSON.")
@clean_errors
def personas_sample(
    persona_id: str,
    locale: str | None,
    seed: int,
    instance: int,
    agent: str,
    agent_paths: tuple[str, ...],
    as_json: bool,
) -> None:
    """Print one sampled customer of a persona and a sample conversation with an agent."""
    import asyncio

    from simulator.agents import load_agent
    from simulator.engine import run_conversation

    add_import_paths(agent_paths)
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
    model = load_judge(model_name, option="--model").model  # the same loading as LLM judges
    persona = draft_persona(description, model, locale, out)
    click.echo(
        f"wrote {out}: persona {persona.id} ({persona.locale}, {persona.industry}), "
        f"{len(persona.needs)} needs; validate with `salesim personas validate {out}`"
    )


# --- personas read ------------------------------------------------------------------------------

READ_BATCH = 32
"""Lines of a --file read at once: a model reader asks for them concurrently, within its rpm."""


def _resolve_persona(
    ref: str, locale: str | None, loaded: dict[tuple[str, str | None], Persona]
) -> Persona:
    """A persona by id (in ``locale``, or its only locale) or path, loaded once per command."""
    if (ref, locale) in loaded:
        return loaded[(ref, locale)]
    if ref.endswith((".yaml", ".yml")):
        persona = load_persona(Path(ref))
        if locale is not None and persona.locale != locale:
            raise SpecError(f"locale: {ref} is a {persona.locale} persona, not {locale}")
    elif locale is None:
        library = load_persona_library()
        locales = sorted(loc for pid, loc in library if pid == ref)
        if len(locales) != 1:
            raise SpecError(
                f"no persona {ref!r}"
                if not locales
                else f"locale: persona {ref} exists in {', '.join(locales)}; say which"
            )
        persona = library[(ref, locales[0])][0]
    else:
        persona = _find_persona(ref, locale)
    loaded[(ref, locale)] = persona
    return persona


def _read_context(persona: Persona, asked: str | None, question: str | None) -> ReadContext:
    """What the persona knows when it reads a reply; an unknown ``asked`` key is an error."""
    needs = persona.need_views()
    if asked is not None and asked not in {need.key for need in needs}:
        known = ", ".join(need.key for need in needs)
        raise SpecError(
            f"asked: no need {asked!r} in persona {persona.id} ({persona.locale}); known: {known}"
        )
    return ReadContext(
        locale=persona.locale,
        needs=needs,
        asked=asked,
        customer_text=question or "",
        industry=persona.industry,
    )


async def _read_one(reader: RulesReader | ModelReader, text: str, context: ReadContext) -> Reading:
    if isinstance(reader, ModelReader):
        return await reader.aread(text, context)
    return reader.read(text, context)


def _parse_line(
    line: str, loaded: dict[tuple[str, str | None], Persona]
) -> tuple[Any, str, ReadContext]:
    """(id, text, context) of one --file line; a :class:`SpecError` naming the field if bad."""
    try:
        item = loads_line(line)
    except JSONLineError as exc:
        raise SpecError(f"not JSON: {exc}") from None
    if not isinstance(item, dict):
        raise SpecError("not a JSON object")
    for field, required in (("persona", True), ("text", True), ("locale", False)):
        value = item.get(field)
        if (required or value is not None) and not isinstance(value, str):
            raise SpecError(f"{field}: expected a string")
    for field in ("asked", "question"):
        if item.get(field) is not None and not isinstance(item[field], str):
            raise SpecError(f"{field}: expected a string or null")
    locale = item.get("locale")
    if locale is not None and locale not in LOCALES:
        raise SpecError(f"locale: {locale!r} is not one of {', '.join(LOCALES)}")
    try:
        persona = _resolve_persona(item["persona"], locale, loaded)
    except SpecError as exc:
        message = str(exc)
        field = "" if message.startswith("locale:") else "persona: "
        raise SpecError(f"{field}{message}") from None
    context = _read_context(persona, item.get("asked"), item.get("question"))
    return item.get("id"), item["text"], context


def _jsonl_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of every non-blank line of a --file."""
    if not path.is_file():
        raise SpecError(f"--file {path}: no such file")
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"--file {path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(f"--file {path}: not UTF-8 text (byte {exc.start})") from None
    return [(n, line) for n, line in enumerate(content.splitlines(), start=1) if line.strip()]


async def _read_line(
    line: str, loaded: dict[tuple[str, str | None], Persona], reader: RulesReader | ModelReader
) -> tuple[Any, Reading | Exception]:
    """(id, reading) of one --file line, or (id, the error that line is reported with)."""
    from simulator.llm import CallError

    try:
        item_id, text, context = _parse_line(line, loaded)
    except SpecError as exc:
        return _id_of(line), exc
    try:
        return item_id, await _read_one(reader, text, context)
    except CallError as exc:  # a failed model call fails its line, not the whole file
        return item_id, exc


async def _read_file(
    path: Path, lines: list[tuple[int, str]], reader: RulesReader | ModelReader
) -> int:
    """Print one JSON line per input line, in order; errors also on stderr. Failed lines."""
    loaded: dict[tuple[str, str | None], Persona] = {}
    failed = 0
    try:
        for start in range(0, len(lines), READ_BATCH):
            batch = lines[start : start + READ_BATCH]
            outcomes = await asyncio.gather(*(_read_line(ln, loaded, reader) for _, ln in batch))
            for (number, _), (item_id, outcome) in zip(batch, outcomes, strict=True):
                if isinstance(outcome, Exception):
                    failed += 1
                    echo_error(f"{path}:{number}: {outcome}")
                    row: dict[str, Any] = {"id": item_id, "error": str(outcome)}
                else:
                    row = {"id": item_id, **outcome.to_json()}
                click.echo(json.dumps(row, ensure_ascii=False))
    finally:
        if isinstance(reader, ModelReader):
            await reader.aclose()
    return failed


def _id_of(line: str) -> Any:
    """The id of a line that could not be used, when it has one."""
    try:
        item = loads_line(line)
    except JSONLineError:
        return None
    return item.get("id") if isinstance(item, dict) else None


async def _read_text(reader: RulesReader | ModelReader, text: str, context: ReadContext) -> Reading:
    try:
        return await _read_one(reader, text, context)
    finally:
        if isinstance(reader, ModelReader):
            await reader.aclose()


@personas.command("read")
@click.argument("persona_id", metavar="[PERSONA]", required=False)
@click.argument("text", metavar="[TEXT]", required=False)
@click.option("--locale", type=click.Choice(LOCALES), default=None)
@click.option("--asked", default=None, metavar="NEED", help="Key of the need the customer asked.")
@click.option("--question", default=None, help="The customer's message TEXT replies to.")
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSONL of {id, persona, locale, asked, text[, question]}: one output line per line.",
)
@reader_option
@click.option(
    "--cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite cache of a model reader's answers (reuse it and a rerun makes no calls).",
)
@clean_errors
def personas_read(
    persona_id: str | None,
    text: str | None,
    locale: str | None,
    asked: str | None,
    question: str | None,
    file: Path | None,
    reader: str | None,
    cache: Path | None,
) -> None:
    """Print what PERSONA understands of an agent reply TEXT, as JSON (or each line of --file)."""
    from simulator.llm import CallError, LLMCache

    if file is not None and (persona_id or text or locale or asked or question):
        raise SpecError(
            "--file: PERSONA, TEXT, --locale, --asked and --question come from each line"
        )
    if file is None and (persona_id is None or text is None):
        raise SpecError("PERSONA and TEXT are required (or --file F.jsonl)")
    lines = _jsonl_lines(file) if file is not None else []
    context: ReadContext | None = None
    if file is None:
        assert persona_id is not None  # checked above
        try:
            context = _read_context(_resolve_persona(persona_id, locale, {}), asked, question)
        except SpecError as exc:
            message = str(exc)
            flag = "--" if message.startswith(("asked:", "locale:")) else ""
            raise SpecError(f"{flag}{message}") from None
    llm_cache = LLMCache(cache) if cache else None
    try:
        model_reader = load_reader(reader, llm_cache)
        if file is not None:
            if asyncio.run(_read_file(file, lines, model_reader)):
                sys.exit(EXIT_BAD_INPUT)
            return
        assert text is not None and context is not None
        try:
            reading = asyncio.run(_read_text(model_reader, text, context))
        except CallError as exc:
            raise SpecError(f"--reader {reader}: {exc}") from None
    finally:
        if llm_cache is not None:
            llm_cache.close()
    click.echo(json.dumps(reading.to_json(), ensure_ascii=False, indent=2))


# --- agents --------------------------------------------------------------------------------------


@main.group()
def agents() -> None:
    """List agent specs."""


@agents.command("list")
@clean_errors
def agents_list() -> None:
    """Agent specs in agents/ with their kind and description."""
    table = PlainTable(title="agents (use with --agent NAME; or a YAML path, or module:attr)")
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
