"""The conversation loop and the suite runner.

The engine owns time, turn order and termination: the customer speaks, the agent replies after
its (declared or measured) latency on the simulated clock, the customer reacts, and the loop ends
when the customer ends it, the agent fails, or the turn limit is hit. The reason is recorded as an
:class:`~simulator.models.Outcome`.

A suite is personas x instances x agents with one seed; every agent meets the same persona
instances, so runs pair up conversation by conversation.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import inspect
import itertools
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.agents import LoadedAgent, coerce_turn, load_agent
from simulator.baseline import ImportedBaseline, baseline_warnings, load_baseline
from simulator.blocking import BlockingPool
from simulator.customers import (
    Customer,
    CustomerFactory,
    CustomerTurn,
    ScriptedCustomer,
    customer_kinds,
    sample_instance,
)
from simulator.faults import FaultyAgent, parse_fault_spec
from simulator.judge import load_judge
from simulator.llm import CallError, LLMCache
from simulator.llm_customer import LLMCustomer, check_fidelity
from simulator.metrics import (
    AgentAccumulator,
    RunTally,
    ScoreRow,
    SummaryRow,
    compare_accumulated,
    summarize_agent,
)
from simulator.models import AgentTurn, Message, Outcome, PersonaInstance, RunConfig, Transcript
from simulator.registry import RegistryError, add_import_paths
from simulator.results import RunWriter, package_versions
from simulator.rubrics import RubricSet, load_rubrics, rubric_files
from simulator.scoring import error_row, score_safely
from simulator.scrub import scrub, scrub_error
from simulator.seeding import enter_conversation, opaque_id
from simulator.specs import (
    LangChainAgentSpec,
    OpenAIAgentSpec,
    Persona,
    SpecError,
    data_dir,
    load_agent_spec,
    load_persona,
    load_persona_library,
    load_suite,
    spec_hash,
)
from simulator.turns import check_turn, clean_string

MESSAGE_LIMIT_FACTOR = 3
"""Hard stop at this many messages per customer turn allowed, whatever the customer does."""


@dataclass(frozen=True)
class Suite:
    """Everything a run needs, resolved and validated before anything is written."""

    config: RunConfig
    personas: list[tuple[Persona, Path]]
    agents: list[LoadedAgent]
    baseline: LoadedAgent | None
    rubrics: RubricSet
    imported: ImportedBaseline | None = None
    """Real human transcripts used as the baseline instead of a simulated agent."""
    customer: CustomerFactory = ScriptedCustomer
    customer_label: str = "scripted"
    cache: LLMCache | None = None
    threads: BlockingPool | None = None
    """Where sync agents run: --concurrency threads, shut down with the suite."""

    @property
    def baseline_id(self) -> str | None:
        """Id of whichever baseline the run compares against."""
        if self.imported is not None:
            return self.imported.agent_id
        return self.baseline.id if self.baseline else None

    @property
    def all_agents(self) -> list[LoadedAgent]:
        """Candidates first, then the baseline."""
        return [*self.agents, *([self.baseline] if self.baseline else [])]

    @property
    def total(self) -> int:
        """Number of conversations the run will hold."""
        return len(self.personas) * self.config.n * self.config.trials * len(self.all_agents)


def resolve_personas(
    selection: list[str], locales: list[str], suite: str = "default"
) -> list[tuple[Persona, Path]]:
    """Persona ids (in each requested locale) or YAML paths -> validated personas, in order.

    With no selection the suite's personas are used (and its locales, when it names some).
    """
    library = load_persona_library()
    chosen: list[tuple[Persona, Path]] = []
    source = "--personas"
    if not selection:
        spec, suite_path = load_suite(suite)
        selection = list(spec.personas)
        source = f"{suite_path}: personas:"
        if spec.locales:
            locales = [locale for locale in locales if locale in spec.locales] or list(spec.locales)
    for item in selection:
        if item.endswith((".yaml", ".yml")) or Path(item).is_file():
            path = Path(item)
            chosen.append((load_persona(path), path))
            continue
        found = [library[(item, locale)] for locale in locales if (item, locale) in library]
        if not found:
            known = sorted({pid for pid, _ in library})
            raise SpecError(
                f"{source} {item}: no such persona in {', '.join(locales)} "
                f"(known: {', '.join(known)})"
            )
        chosen.extend(found)
    return chosen


def prepare_suite(config: RunConfig, rate_share: float = 1.0) -> Suite:
    """Load and validate every spec of a run; raises :class:`SpecError` on the first bad one.

    ``rate_share``: the part of each model's rpm/tpm budget this process may use (a worker of a
    run split over W processes gets 1/W).
    """
    add_import_paths(config.agent_paths)
    personas = resolve_personas(config.personas, config.locales, config.suite)
    cache = _cache(config)
    threads = BlockingPool(config.concurrency)
    customer, customer_label = resolve_customer(config.customer, cache, rate_share)
    if config.reader and config.reader != "rules":
        if customer is not ScriptedCustomer:
            raise SpecError("--reader: a reader serves the scripted customer only")
        from simulator.reading import load_reader

        reader = load_reader(config.reader, cache=cache, rate_share=rate_share)
        customer = functools.partial(ScriptedCustomer, reader=reader)
        customer.aclose = getattr(reader, "aclose", None)  # type: ignore[attr-defined]
        customer_label = f"scripted+reader:{getattr(reader, 'name', config.reader)}"
    agents = [load_agent(name, cache, rate_share, threads) for name in config.agents]
    if config.inject_faults:
        chances = parse_fault_spec(config.inject_faults)
        agents = [
            dataclasses.replace(agent, agent=FaultyAgent(agent.agent, chances)) for agent in agents
        ]
    simulated_baseline = config.baseline_agent and not config.baseline
    baseline = (
        load_agent(config.baseline_agent, cache, rate_share, threads)
        if simulated_baseline
        else None
    )
    ids = [agent.id for agent in agents] + ([baseline.id] if baseline else [])
    if len(set(ids)) != len(ids):
        raise SpecError(f"--agent: the same agent id appears twice ({', '.join(ids)})")
    judge = load_judge(config.judge, cache, rate_share) if config.judge else None
    rubrics = load_rubrics(
        Path(config.rubrics) if config.rubrics else None,
        judge=judge,
        # an imported baseline brings its own chats' industries: it is scored with them all
        industries=None if config.baseline else {persona.industry for persona, _ in personas},
    )
    imported = (
        load_baseline(Path(config.baseline), config.sla_s, rubrics) if config.baseline else None
    )
    return Suite(
        config,
        personas,
        agents,
        baseline,
        rubrics,
        imported,
        customer,
        customer_label,
        cache,
        threads,
    )


def _cache(config: RunConfig) -> LLMCache | None:
    if config.cache is None or config.cache == "off":
        return None
    path = (
        Path(config.out) / ".cache" / "llm.sqlite" if config.cache == "auto" else Path(config.cache)
    )
    return LLMCache(path)


def resolve_customer(
    name: str, cache: LLMCache | None, rate_share: float = 1.0
) -> tuple[CustomerFactory, str]:
    """``scripted`` (or another registered kind), or an LLM customer spec file."""
    if name.endswith((".yaml", ".yml")) or (Path(name).is_file() and ":" not in name):
        path = Path(name)
        spec = load_agent_spec(path)
        if not isinstance(spec, OpenAIAgentSpec | LangChainAgentSpec):
            raise SpecError(f"{path}: kind: an LLM customer needs kind openai or langchain")
        from simulator.remote import chat_client

        client = chat_client(spec, str(path), cache, rate_share)

        def factory(persona: Persona, instance: PersonaInstance, attempt: int = 0) -> Customer:
            return LLMCustomer(persona, instance, client, attempt)

        factory.aclose = client.aclose  # type: ignore[attr-defined]
        return factory, f"llm:{spec.id}"
    try:
        kind = customer_kinds.get(name)
    except RegistryError as exc:
        raise SpecError(f"--customer {name}: {exc}") from None
    return kind, name


# --- one conversation --------------------------------------------------------------------------


def pair_key(instance: PersonaInstance, seed: int) -> str:
    """Identity of a persona instance in a run: what paired comparisons join on."""
    key = f"{instance.persona_id}/{instance.locale}/s{seed}/{instance.instance}"
    return f"{key}/t{instance.trial}" if instance.trial else key


async def run_conversation(
    persona: Persona,
    instance: PersonaInstance,
    agent: LoadedAgent,
    *,
    seed: int,
    timeout_s: float = 30.0,
    customer: CustomerFactory = ScriptedCustomer,
    attempt: int = 0,
) -> Transcript:
    """Simulate one conversation between a customer (scripted by default) and ``agent``."""
    conversation_id = f"{persona.id}.{persona.locale}.s{seed}.{instance.instance:04d}"
    conversation_id += f".t{instance.trial}" if instance.trial else ""
    conversation_id += f".{agent.id}"
    common: dict[str, Any] = dict(
        conversation_id=conversation_id,
        persona_id=persona.id,
        agent_id=agent.id,
        industry=persona.industry,
        locale=persona.locale,
        started_at=instance.arrival,
    )
    record = Transcript(
        **common,
        truth={
            "phone": instance.phone,
            "qualified": instance.qualified,
            "name": instance.name,
            "intent": persona.intent,
        },
        meta={
            "seed": seed,
            "pair_key": pair_key(instance, seed),
            "instance": instance.instance,
            "trial": instance.trial,
            "persona_version": persona.version,
            "agent_is_human": agent.kind == "human",
            "agent_version": agent.version,
        },
    )
    # What the agent sees: the messages, the industry and the locale under an opaque id; never
    # the persona, seed, instance or truth (an agent could rebuild the customer from them).
    view = Transcript(
        conversation_id=opaque_id(conversation_id),
        agent_id=agent.id,
        industry=persona.industry,
        locale=persona.locale,
        started_at=instance.arrival,
    )
    enter_conversation(seed, conversation_id)
    player = customer(persona, instance, attempt) if attempt else customer(persona, instance)

    def add(role: str, text: str, ts: datetime, meta: dict[str, Any]) -> None:
        record.messages.append(Message(role=role, text=text, ts=ts, meta=meta))  # type: ignore[arg-type]
        view.messages.append(Message(role=role, text=text, ts=ts))  # type: ignore[arg-type]

    now = instance.arrival
    outcome: Outcome | None = None
    drop_off: str | None = None
    limit = persona.patience.max_turns * MESSAGE_LIMIT_FACTOR
    opening, error = await _ask_customer(player, record, now)
    if opening is None or opening.text is None:
        outcome, drop_off = Outcome.CUSTOMER_ERROR, "customer_error"
        record.meta.update(error=error or "no opening message", error_kind="customer")
    else:
        add("customer", opening.text, now, opening.meta)
        for part, gap in opening.burst:
            now = now + timedelta(seconds=gap)
            add("customer", part, now, {"act": "burst"})

    while outcome is None:
        turn, error, kind, wall = await _ask_agent(agent, view, timeout_s)
        if error is not None or turn is None:
            outcome, drop_off = Outcome.AGENT_ERROR, "agent_error"
            record.meta.update(error=error, error_kind=kind)
            break
        latency = turn.latency_s if turn.latency_s is not None else max(1, math.ceil(wall))
        now = now + timedelta(seconds=latency)
        meta: dict[str, Any] = {"latency_s": latency}
        text, repairs = clean_reply(turn.text)
        if repairs:
            meta["repaired"] = repairs
            turn = turn.model_copy(update={"text": text})
        if turn.lead:
            record.lead = {**(record.lead or {}), **turn.lead}
            meta["lead"] = turn.lead
        if turn.usage:
            meta["usage"] = turn.usage
        add("agent", turn.text, now, meta)
        for extra in turn.more:  # an agent may answer with several messages in a row
            now = now + timedelta(seconds=AGENT_MESSAGE_GAP_S)
            add("agent", clean_reply(extra)[0], now, {"latency_s": AGENT_MESSAGE_GAP_S})

        reaction, error = await _ask_customer(player, record, now)
        if error is not None:
            outcome, drop_off = Outcome.CUSTOMER_ERROR, "customer_error"
            record.meta.update(error=error, error_kind=f"customer_{error.split(':')[0]}")
            break
        if reaction is None:
            outcome, drop_off = Outcome.CUSTOMER_SILENT, "silent"
            break
        if reaction.text is not None:
            now = now + timedelta(seconds=reaction.delay_s)
            add("customer", reaction.text, now, reaction.meta)
            for part, gap in reaction.burst:
                now = now + timedelta(seconds=gap)
                add("customer", part, now, {"act": "burst"})
        if reaction.end is not None:
            outcome, drop_off = reaction.end, reaction.reason
        elif reaction.text is None:
            outcome, drop_off = Outcome.CUSTOMER_SILENT, "silent"
        elif len(record.messages) >= limit:
            outcome, drop_off = Outcome.MAX_TURNS, "max_turns"

    record.outcome = str(outcome)
    record.meta["drop_off"] = drop_off
    return record


INSTANCE_CACHE_SIZE = 20_000
"""Persona instances kept for reuse by other agents and trials (about 2 KB each)."""
AGENT_MESSAGE_GAP_S = 2.0
"""Simulated seconds between the messages of one multi-message agent reply."""
MAX_REPLY_CHARS = 20_000
"""Longer agent replies are cut here and flagged: a runaway agent must not bloat the results."""


def clean_reply(text: str) -> tuple[str, list[str]]:
    """Repair invalid Unicode and truncate runaway replies; says what it did."""
    repairs = []
    cleaned = clean_string(text)  # lone surrogates -> U+FFFD
    if cleaned is not text:
        text = cleaned
        repairs.append("invalid_unicode")
    if len(text) > MAX_REPLY_CHARS:
        repairs.append(f"truncated_from_{len(text)}_chars")
        text = text[:MAX_REPLY_CHARS]
    return text, repairs


async def _ask_customer(
    player: Customer, record: Transcript, now: datetime
) -> tuple[CustomerTurn | None, str | None]:
    """The customer's next move (awaited for LLM customers); a failed model call is an error."""
    try:
        reaction = player.next(record, now)
        if inspect.isawaitable(reaction):
            reaction = await reaction
    except CallError as exc:
        return None, str(exc)[:500]
    return reaction, None


async def _ask_agent(
    agent: LoadedAgent, view: Transcript, timeout_s: float
) -> tuple[AgentTurn | None, str | None, str | None, float]:
    """Call the agent; any failure becomes (error, kind) instead of an exception.

    Kinds: the :class:`~simulator.llm.CallError` kinds of remote agents (http_429, http_5xx,
    timeout, connection, malformed, too_large, ...), ``timeout`` for the engine's own limit,
    ``empty`` for an empty reply, ``exception`` for anything an agent's code raised.
    """
    started = time.perf_counter()
    try:
        if getattr(agent.agent, "never_suspends", False):
            # a reply that never yields to the event loop cannot be cut short by it: no timer
            # (the scope's timer was ~3% of an offline run)
            turn = await agent.agent.reply(view)
        else:
            # a timeout scope, not wait_for: wait_for wraps every reply in a new task; the scope
            # cancels the reply just the same
            async with asyncio.timeout(timeout_s):
                turn = await agent.agent.reply(view)
    except TimeoutError:
        return None, f"timeout after {timeout_s:g} s", "timeout", time.perf_counter() - started
    except CallError as exc:
        return None, str(exc)[:500], exc.kind, time.perf_counter() - started
    except ValidationError as exc:  # a turn the agent's own adapter could not build
        kind = "malformed" if exc.title == AgentTurn.__name__ else "exception"
        return None, scrub_error(exc), kind, time.perf_counter() - started
    except Exception as exc:  # an agent's bug must not end the run; it ends this conversation
        error = scrub_error(exc)
        return None, error, "exception", time.perf_counter() - started
    wall = time.perf_counter() - started
    try:
        if not isinstance(turn, AgentTurn):  # agent kinds from plug-ins may return a plain str
            turn = coerce_turn(turn)
        turn = check_turn(turn)  # a value the results cannot hold costs this conversation only
    except (TypeError, ValueError) as exc:
        return None, scrub(str(exc))[:500], "malformed", wall
    if not turn.text.strip():
        return None, "empty reply", "empty", wall
    return turn, None, None, wall


# --- a suite -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    persona: Persona
    index: int
    trial: int
    agent: LoadedAgent


def plan_jobs(suite: Suite) -> Iterator[_Job]:
    """Every conversation of the run, in plan order (agent, persona, instance, trial).

    Jobs name their customer by index; the customer itself is sampled when the job runs (see
    :class:`InstanceCache`), so skipping the finished part of a plan on resume costs nothing.
    """
    for agent in suite.all_agents:
        for persona, _ in suite.personas:
            for index in range(suite.config.n):
                for trial in range(suite.config.trials):
                    yield _Job(persona, index, trial, agent)


class InstanceCache:
    """Persona instances shared by every agent and trial, in a bounded LRU.

    Sampling is deterministic, so an evicted instance sampled again is the same customer: the
    bound keeps memory flat for 100,000-conversation runs at the price of some resampling.
    """

    def __init__(self, seed: int, size: int = INSTANCE_CACHE_SIZE) -> None:
        self.seed = seed
        self.size = size
        self._cache: OrderedDict[tuple[str, str, int], PersonaInstance] = OrderedDict()

    def get(self, persona: Persona, index: int, trial: int = 0) -> PersonaInstance:
        """Customer ``index`` of ``persona`` (in trial ``trial``)."""
        key = (persona.id, persona.locale, index)
        instance = self._cache.get(key)
        if instance is None:
            instance = self._cache[key] = sample_instance(persona, index, self.seed)
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return instance.model_copy(update={"trial": trial}) if trial else instance


def manifest_of(suite: Suite, run_id: str) -> dict[str, Any]:
    """The manifest of a new run: config, versions, seeds and the fingerprint of every spec."""
    return {
        "run_id": run_id,
        "created_at": datetime.now().astimezone().isoformat(),
        "config": suite.config.model_dump(mode="json"),
        "versions": package_versions(),
        "seed": suite.config.seed,
        "conversations_planned": suite.total,
        "personas": [
            {
                "id": p.id,
                "locale": p.locale,
                "version": p.version,
                "path": str(path),
                "sha256": spec_hash(path),
            }
            for p, path in suite.personas
        ],
        "agents": [
            {
                "id": a.id,
                "kind": a.kind,
                "version": a.version,
                "source": a.source,
                "sha256": a.spec_hash,
                "role": "baseline" if a is suite.baseline else "candidate",
            }
            for a in suite.all_agents
        ],
        "customer": suite.config.customer,
        "rubrics": [
            {"id": r.id, "version": r.version, "rules": [rule.id for rule in r.rules]}
            for r in suite.rubrics.rubrics
        ],
        "judge": suite.config.judge,
        "fingerprint": fingerprint(suite),
    }


def fingerprint(suite: Suite) -> dict[str, str]:
    """Content hash of every file that shapes the run's conversations and scores.

    Resume compares it with the files as they are now and refuses to mix results of two
    different sets of specs (unless forced).
    """
    files: set[Path] = {path for _, path in suite.personas}
    files.update(Path(a.source) for a in suite.all_agents if a.spec_hash)
    files.update(rubric_files(Path(suite.config.rubrics) if suite.config.rubrics else None))
    files.update((data_dir("agents") / "knowledge").glob("*.yaml"))
    files.update(
        Path(str(p))
        for p in resources.files("simulator.phrasebanks").iterdir()
        if str(p).endswith(".yaml")
    )
    return {str(path): spec_hash(path) for path in sorted(files) if path.is_file()}


def new_tally(suite: Suite) -> RunTally:
    """Where a run's conversations are counted; pairs are kept only for a paired comparison."""
    paired = suite.baseline is not None or suite.imported is not None
    return RunTally(keep_pairs=paired, trials=suite.config.trials > 1)


def baseline_parameters(suite: Suite) -> dict[str, Any] | None:
    """Which baseline the lifts are relative to: its spec, version and parameters.

    Every lift depends on how good the baseline is, so the scorecard names it
    (:mod:`simulator.baseline_params` writes the line); None without a baseline.
    """
    if suite.imported is not None:
        return {"agent": suite.imported.agent_id, "kind": "imported", "spec": suite.imported.source}
    agent = suite.baseline
    if agent is None:
        return None
    return {
        "agent": agent.id,
        "kind": agent.kind,
        "spec": agent.shown_source,
        "version": agent.version,
        "sha256": agent.spec_hash,
        **(agent.parameters or {}),
    }


def build_summary(suite: Suite, run_id: str, tally: RunTally, elapsed_s: float) -> dict[str, Any]:
    """summary.json: per-agent rates and each candidate against the baseline."""
    for agent in suite.all_agents:
        tally.accumulator(agent.id)
    summary: dict[str, Any] = {
        "run_id": run_id,
        "sla_s": suite.config.sla_s,
        "seed": suite.config.seed,
        "conversations": len(tally),
        "elapsed_s": round(elapsed_s, 3),
        "conversations_per_s": round(len(tally) / elapsed_s, 1) if elapsed_s > 0 else None,
        "executor": suite.config.executor,
        "workers": suite.config.workers,
        "candidates": [agent.id for agent in suite.agents],
        "baseline": suite.baseline_id,
        "baseline_kind": "imported" if suite.imported else "simulated" if suite.baseline else None,
        "baseline_parameters": baseline_parameters(suite),
        "agents": {agent_id: acc.result() for agent_id, acc in tally.agents.items()},
        "comparisons": {},
        "skipped_rules": suite.rubrics.skipped,
        "customer": suite.customer_label,
        "fidelity": tally.fidelity_result(),
        "cache": (
            {"path": str(suite.cache.path), "hits": suite.cache.hits, "misses": suite.cache.misses}
            if suite.cache is not None and (suite.cache.hits or suite.cache.misses)
            else None
        ),
    }
    if suite.imported is not None:
        summary["agents"][suite.imported.agent_id] = summarize_agent(suite.imported.rows)
        summary["baseline_unreadable_lines"] = len(suite.imported.unreadable)
        cells = [(p.id, p.locale, p.industry) for p, _ in suite.personas]
        per_cell = suite.config.n * suite.config.trials
        summary["baseline_warnings"] = baseline_warnings(suite.imported, cells, per_cell)
    baseline_id = suite.baseline_id
    if baseline_id is not None:
        if suite.imported is not None:
            baseline = AgentAccumulator(keep_pairs=True)
            for row in suite.imported.rows:
                baseline.add(row)
        else:
            baseline = tally.accumulator(baseline_id)
        for agent in suite.agents:
            summary["comparisons"][agent.id] = compare_accumulated(
                tally.accumulator(agent.id), baseline, seed=suite.config.seed
            )
    return summary


ProgressCallback = Callable[[int], None]


async def run_job(suite: Suite, job: _Job, instances: InstanceCache) -> tuple[Transcript, ScoreRow]:
    """One planned conversation, fidelity-checked (and regenerated) for LLM customers, scored."""
    config = suite.config
    instance = instances.get(job.persona, job.index, job.trial)
    attempt = 0
    while True:
        transcript = await run_conversation(
            job.persona,
            instance,
            job.agent,
            seed=config.seed,
            timeout_s=config.agent_timeout_s,
            customer=suite.customer,
            attempt=attempt,
        )
        if not suite.customer_label.startswith("llm:"):
            break
        transcript.meta["customer"] = suite.customer_label
        fidelity = check_fidelity(transcript, instance.phone)
        transcript.meta["fidelity"] = fidelity
        if fidelity["faithful"] or attempt >= config.regenerate_unfaithful:
            break
        attempt += 1
    if attempt:
        transcript.meta["regenerated"] = attempt
    try:
        judged = await suite.rubrics.ajudge(transcript)
    except Exception as exc:  # a judge that fails or answers nonsense: an error on the row
        return transcript, error_row(transcript, exc)
    return transcript, score_safely(transcript, config.sla_s, suite.rubrics, judged)


async def close_suite(suite: Suite) -> None:
    """Close the agents', the customer's and the judge's connections before the loop ends."""
    closables = [*(agent.agent for agent in suite.all_agents), suite.customer, suite.rubrics.judge]
    for closable in closables:
        close = getattr(closable, "aclose", None)
        if close is not None:
            await close()
    if suite.threads is not None:
        suite.threads.shutdown()


class RunStopped(Exception):
    """Raised by :func:`execute_suite` when asked to stop (a signal); written lines stay valid."""


async def execute_suite(
    suite: Suite,
    writer: RunWriter,
    progress: ProgressCallback | None = None,
    skip: int = 0,
    stop: asyncio.Event | None = None,
    sink: Any = None,
) -> Any:
    """Run the conversations of the plan after the first ``skip`` (already written, on resume)
    with bounded concurrency; write their results in plan order."""
    config = suite.config
    semaphore = asyncio.Semaphore(config.concurrency)
    rows: Any = sink if sink is not None else []  # a RunTally counts instead of keeping rows
    instances = InstanceCache(config.seed)

    async def one(job: _Job) -> tuple[Transcript, ScoreRow]:
        async with semaphore:
            return await run_job(suite, job, instances)

    window = max(1, config.concurrency * 4)
    pending: list[asyncio.Task[tuple[Transcript, ScoreRow]]] = []

    async def drain(keep: int) -> None:
        while len(pending) > keep:
            if stop is not None and stop.is_set():
                # Checked between writes, so a stop never leaves half a conversation behind.
                raise RunStopped()
            transcript, row = await pending.pop(0)  # in plan order: output is deterministic
            writer.add(transcript, row)
            rows.append(SummaryRow.of(row))  # the full row is on disk; keep what the summary needs
            if progress:
                progress(1)

    try:
        for job in itertools.islice(plan_jobs(suite), skip, None):
            pending.append(asyncio.create_task(one(job)))
            await drain(window)
        await drain(0)
    finally:
        for task in pending:
            task.cancel()
        await close_suite(suite)
    return rows
