"""Agents under test: the protocol, the kinds registry, the reference agents and the human baseline.

An agent is anything with ``async reply(transcript) -> AgentTurn``; a plain callable (sync or
async) that takes the :class:`~simulator.models.Transcript` and returns a ``str`` or an
``AgentTurn`` is adapted automatically, sync ones on a bounded thread pool
(:mod:`simulator.blocking`) so they neither stall the other conversations nor escape the timeout.
``--agent`` accepts a name from agents/, a path to a YAML spec, or ``module:attr`` (whose id is
``module:attr`` itself, so two modules' ``reply`` functions never collide).

The reference agents are rule-based and stateless: everything they decide is derived from the
transcript they are given, so the same transcript always gets the same reply.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from simulator.blocking import BlockingPool
from simulator.contacts import last_contact
from simulator.llm import LLMCache
from simulator.models import AgentTurn, Transcript
from simulator.registry import Registry, RegistryError, import_reference
from simulator.seeding import conversation_key, rng_for, unit_draw
from simulator.specs import (
    HumanAgentSpec,
    Knowledge,
    KnowledgeEntry,
    PythonAgentSpec,
    ScriptedAgentSpec,
    SpecError,
    data_dir,
    load_agent_spec,
    load_knowledge,
    spec_hash,
)
from simulator.text import PhraseMatcher, any_in, match_each, normalize


@runtime_checkable
class Agent(Protocol):
    """A sales agent under test."""

    async def reply(self, transcript: Transcript) -> AgentTurn:
        """The agent's next message given the conversation so far."""
        ...


@dataclass(frozen=True)
class AgentContext:
    """What a kind's factory may need besides its spec: where the spec lives, the run's cache."""

    spec_path: Path | None = None
    cache: LLMCache | None = None
    rate_share: float = 1.0
    """This process's share of the spec's rpm/tpm limits (1/workers when a run is split)."""
    threads: BlockingPool | None = None
    """Where sync user code runs (the run's pool, sized by --concurrency); None: a default."""


AgentFactory = Callable[[Any, AgentContext], Agent]
agent_kinds: Registry[AgentFactory] = Registry("agent kind", "salesim.agents")
# Kinds that call out are imported only when a spec uses them.
agent_kinds.register_lazy("openai", "simulator.remote:openai_agent")
agent_kinds.register_lazy("langchain", "simulator.remote:langchain_agent")
agent_kinds.register_lazy("http", "simulator.remote:http_agent")


@dataclass(frozen=True)
class LoadedAgent:
    """An agent ready to run, with what the manifest records about it."""

    id: str
    kind: str
    version: int
    agent: Agent
    source: str
    spec_hash: str | None = None
    description: str = ""
    parameters: dict[str, Any] | None = None
    """What shapes a simulated human's figures (:meth:`HumanAgentSpec.parameters`), else None."""

    @property
    def shown_source(self) -> str:
        """The spec as a user names it: ``agents/human.yaml`` for a shipped one, else its path."""
        path = Path(self.source)
        try:
            return f"agents/{path.resolve().relative_to(data_dir('agents').resolve()).as_posix()}"
        except (OSError, ValueError):
            return self.source


# --- adapting user callables ------------------------------------------------------------------


def coerce_turn(result: object) -> AgentTurn:
    """Accept ``str``, ``AgentTurn``, a dict of its fields, or a list of messages from user code."""
    if isinstance(result, AgentTurn):
        return result
    if isinstance(result, str):
        return AgentTurn(text=result)
    if isinstance(result, dict):
        return AgentTurn.model_validate(result)
    if isinstance(result, list) and result and all(isinstance(x, str) for x in result):
        return AgentTurn(text=result[0], more=result[1:])
    raise TypeError(f"agent returned {type(result).__name__}; expected str or AgentTurn")


DEFAULT_THREADS = 16
"""Threads for sync agents used outside a run (a run sizes its pool by --concurrency)."""
_default_pool: BlockingPool | None = None


def default_pool() -> BlockingPool:
    """The process-wide pool for sync agents loaded without a run's pool."""
    global _default_pool
    if _default_pool is None:
        _default_pool = BlockingPool(DEFAULT_THREADS)
    return _default_pool


def is_async_callable(func: Any) -> bool:
    """``async def`` functions and methods, and objects whose ``__call__`` is one."""
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(
        getattr(func, "__call__", None)  # noqa: B004 (the method itself is inspected)
    )


class CallableAgent:
    """Wraps a function, a callable object or an object with ``reply`` into an :class:`Agent`.

    Async code is awaited on the event loop; sync code runs on ``threads`` so a blocking call
    holds one thread, not every conversation of the run.
    """

    def __init__(self, target: Any, threads: BlockingPool | None = None) -> None:
        if inspect.isclass(target):
            target = target()
        func = getattr(target, "reply", target)
        if not callable(func):
            raise TypeError(f"{target!r} is not callable and has no reply() method")
        self._func = func
        self._blocking = not is_async_callable(func)
        self._threads = threads

    async def reply(self, transcript: Transcript) -> AgentTurn:
        """Call the user's code (on a pool thread when it is sync), awaiting what it returns."""
        if self._blocking:
            result = await (self._threads or default_pool()).run(self._func, transcript)
        else:
            result = self._func(transcript)
        if inspect.isawaitable(result):  # a sync function may hand back a coroutine
            result = await result
        return coerce_turn(result)


@agent_kinds.register("python")
def python_agent(spec: PythonAgentSpec, context: AgentContext) -> Agent:
    """A user's callable or class named by ``module:attr``."""
    return CallableAgent(import_reference(spec.target), context.threads)


# --- reference agents ---------------------------------------------------------------------------

# What the reference agents listen for in customer messages, beyond their industry knowledge.
_REFUSAL = {
    "zh_CN": ("不留", "先不留", "不方便留", "不想留", "要电话", "老要电话", "不给电话"),
    "en_US": (
        "rather not",
        "not yet",
        "don't want to give",
        "stop asking",
        "again with the phone",
        "keep it here",
        "why do you need my phone",
    ),
}
_READY = {
    "zh_CN": (
        "下一步",
        "怎么安排",
        "怎么预约",
        "怎么约",
        "咋个预约",
        "咋预约",
        "咋个安排",
        "咋安排",
    ),
    "en_US": ("next step", "get started", "how would i book", "how do i book"),
}
MAX_ANSWERS_PER_REPLY = 2
MATCH_MEMO_SIZE = 20_000
ANSWERS_BEFORE_ASKING = 2
"""Answer-first agents ask for a contact once they have answered this many customer messages."""


@dataclass(frozen=True)
class _CompiledKnowledge:
    knowledge: Knowledge
    entries: tuple[tuple[KnowledgeEntry, PhraseMatcher], ...]
    ask_lines: tuple[str, ...]
    _memo: dict[str, list[KnowledgeEntry]] = field(default_factory=dict, compare=False)

    def match(self, normalized_text: str) -> list[KnowledgeEntry]:
        # Memoised: answer-first agents look back over the whole conversation every turn.
        hit = self._memo.get(normalized_text)
        if hit is None:
            matchers = [matcher for _, matcher in self.entries]
            found = match_each(matchers, normalized_text)
            hit = [entry for (entry, _), yes in zip(self.entries, found, strict=True) if yes]
            if len(self._memo) > MATCH_MEMO_SIZE:
                self._memo.clear()
            self._memo[normalized_text] = hit
        return hit


@cache
def _compiled_knowledge(directory: str, industry: str, locale: str) -> _CompiledKnowledge:
    path = Path(directory) / f"{industry}.{locale}.yaml"
    if not path.is_file():
        raise SpecError(f"{path}: no knowledge for industry {industry!r} in {locale}")
    knowledge = load_knowledge(path)
    entries = tuple((entry, PhraseMatcher.build(entry.keywords)) for entry in knowledge.entries)
    return _CompiledKnowledge(
        knowledge, entries, (*knowledge.ask_contact, *knowledge.ask_contact_bare)
    )


class ScriptedAgent:
    """Rule-based reference sales agent; ``policy`` decides when it asks for a contact.

    - ``ask_first`` (scripted-v1): asks for the phone in its first reply and in every reply after,
      with no reason given.
    - ``answer_first`` (scripted-v2): answers the customer's questions, asks for a contact once
      with a reason and consent after two answered messages (or when the customer asks how to
      proceed), and does not ask again after a refusal unless the customer invites it.
    - ``never_ask``: answers questions, never asks for a contact (a control).
    """

    never_suspends = True
    """:meth:`reply` computes its turn without awaiting anything, so the engine's reply timeout
    (an event-loop timer) could never fire and is not armed for it."""

    def __init__(self, spec: ScriptedAgentSpec | HumanAgentSpec) -> None:
        self.spec = spec
        knowledge = spec.knowledge
        self.knowledge_dir = (
            str(data_dir("agents") / "knowledge") if knowledge == "default" else knowledge
        )

    def latency(self, transcript: Transcript, rng_seed: tuple[object, ...]) -> float:
        """Simulated seconds this reply takes (typing time for a bot)."""
        assert isinstance(self.spec, ScriptedAgentSpec)
        low, high = self.spec.typing_s
        return round(low + (high - low) * unit_draw(*rng_seed, "latency"), 1)

    async def reply(self, transcript: Transcript) -> AgentTurn:
        """Compose the next message from the knowledge base and the policy."""
        return self.compose(transcript)

    def overlook(
        self, matched: list[KnowledgeEntry], rng_seed: tuple[object, ...]
    ) -> list[KnowledgeEntry]:
        """The recognised questions this reply answers: all of them, for a bot."""
        return matched

    def offers_contact(self, transcript: Transcript) -> bool:
        """Whether the agent offers to take a contact on its own initiative in this conversation
        (answer-first policy): always, for a bot."""
        return True

    def compose(self, transcript: Transcript) -> AgentTurn:
        """The synchronous core of :meth:`reply`."""
        locale = transcript.locale or "zh_CN"
        kb = _compiled_knowledge(self.knowledge_dir, transcript.industry or "", locale)
        seed = (
            *conversation_key(transcript),
            len(transcript.messages),
            self.spec.id,
        )
        rng = rng_for(*seed)
        knowledge = kb.knowledge
        last_agent = max(
            (i for i, m in enumerate(transcript.messages) if m.role == "agent"), default=-1
        )
        new = [m.text for m in transcript.messages[last_agent + 1 :] if m.role == "customer"]
        latency = self.latency(transcript, seed)
        contact = last_contact(new, locale)
        if contact is not None:
            lead = {contact.kind: contact.value}
            return AgentTurn(text=rng.choice(knowledge.confirm_lead), latency_s=latency, lead=lead)

        text = normalize(" ".join(new))
        history = [normalize(m.text) for m in transcript.messages if m.role == "customer"]
        agent_texts = [m.text for m in transcript.messages if m.role == "agent"]
        asks_so_far = sum(any(line in said for line in kb.ask_lines) for said in agent_texts)
        refused_now = any_in(text, _REFUSAL.get(locale, ()))
        refused_ever = any(any_in(h, _REFUSAL.get(locale, ())) for h in history)
        ready = any_in(text, _READY.get(locale, ()))
        answered_messages = sum(bool(kb.match(h)) for h in history)

        parts: list[str] = []
        if last_agent == -1:
            parts.append(rng.choice(knowledge.greeting))
        matched = self.overlook(kb.match(text)[:MAX_ANSWERS_PER_REPLY], seed)
        parts.extend(rng.choice(entry.answer) for entry in matched)

        policy = self.spec.policy
        if policy == "ask_first":
            parts.append(rng.choice(knowledge.ask_contact_bare))
        elif policy == "answer_first":
            if refused_now:
                parts.append(rng.choice(knowledge.after_refusal))
            elif ready or (
                not refused_ever
                and asks_so_far == 0
                and answered_messages >= ANSWERS_BEFORE_ASKING
                and self.offers_contact(transcript)
            ):
                parts.append(rng.choice(knowledge.ask_contact))
        if not parts:
            parts.append(rng.choice(knowledge.invite_more if ready else knowledge.fallback))
        return AgentTurn(text=_join(parts, locale), latency_s=latency)


def _join(parts: list[str], locale: str) -> str:
    return ("" if locale == "zh_CN" else " ").join(parts)


@agent_kinds.register("scripted")
def scripted_agent(spec: ScriptedAgentSpec, context: AgentContext) -> Agent:
    """Built-in rule-based reference agent (v1 asks for the phone first, v2 answers first)."""
    return ScriptedAgent(spec)


class HumanAgent(ScriptedAgent):
    """The simulated human baseline: a competent answer-first agent who works a shift.

    On duty (``shift``, the customer's local clock) replies take a lognormal time whose median
    is slower in the busy hours (``latency.peak``). Off duty, a person on call (``on_call``)
    picks up a share of the conversations, slowly; the others wait for the start of the next
    shift. The reply text follows the same policy as the reference agent, with a person's
    lapses (``misses``): now and then a question is overlooked, and in some conversations the
    staff member never offers to take a contact. Every draw is seeded by the run seed and the
    conversation, so a rerun is byte-identical.
    """

    spec: HumanAgentSpec

    def latency(self, transcript: Transcript, rng_seed: tuple[object, ...]) -> float:
        """Seconds from the customer's last message until this reply is sent."""
        spec = self.spec
        last = transcript.last_customer_message
        now = last.ts if last is not None else transcript.started_at
        assert now is not None
        spread = rng_for(*rng_seed, "latency").gauss(0.0, 1.0)
        if spec.shift.on_duty(now.hour):
            wait, hour = 0.0, now.hour
        elif spec.on_call is not None and self._on_call_takes(transcript):
            if not self._on_call_engaged(transcript):
                # the first night reply waits until the on-call person notices the chat
                return round(spec.on_call.median_s * math.exp(spec.on_call.sigma * spread), 1)
            wait, hour = 0.0, now.hour  # then they chat at a person's usual pace
        else:
            wait, hour = (
                seconds_until_on_duty(now, spec.shift.start, spec.shift.end),
                spec.shift.start,
            )
        typing = spec.latency.median_at(hour) * math.exp(spec.latency.sigma * spread)
        return round(wait + typing, 1)

    def _on_call_takes(self, transcript: Transcript) -> bool:
        """Decided once per conversation: the on-call person either follows it or never sees it."""
        assert self.spec.on_call is not None
        rng = rng_for(*conversation_key(transcript), self.spec.id, "on_call")
        return rng.random() < self.spec.on_call.share

    def _on_call_engaged(self, transcript: Transcript) -> bool:
        """Whether the on-call person has already answered in this conversation off duty."""
        return any(
            m.role == "agent" and not self.spec.shift.on_duty(m.ts.hour)
            for m in transcript.messages
        )

    def overlook(
        self, matched: list[KnowledgeEntry], rng_seed: tuple[object, ...]
    ) -> list[KnowledgeEntry]:
        """With chance ``misses.question`` one of the recognised questions goes unanswered."""
        chance = self.spec.misses.question
        if not matched or chance <= 0:
            return matched
        rng = rng_for(*rng_seed, "overlook")
        if rng.random() >= chance:
            return matched
        skipped = rng.randrange(len(matched))
        return [entry for i, entry in enumerate(matched) if i != skipped]

    def offers_contact(self, transcript: Transcript) -> bool:
        """False, for a share ``misses.contact_ask`` of conversations (decided once for each)."""
        chance = self.spec.misses.contact_ask
        if chance <= 0:
            return True
        rng = rng_for(*conversation_key(transcript), self.spec.id, "contact_ask")
        return rng.random() >= chance


def seconds_until_on_duty(now: datetime, start: int, end: int) -> float:
    """0 when ``now`` is within the shift ``start``-``end`` (across midnight when ``start >
    end``), else the seconds until the next shift begins."""
    on_duty = start <= now.hour < end if start < end else (now.hour >= start or now.hour < end)
    if on_duty:
        return 0.0
    begin = now.replace(hour=start, minute=0, second=0, microsecond=0)
    if begin <= now:
        begin += timedelta(days=1)
    return (begin - now).total_seconds()


@agent_kinds.register("human")
def human_agent(spec: HumanAgentSpec, context: AgentContext) -> Agent:
    """Simulated human staff: a shift, human reply latency, a night on-call, human lapses."""
    return HumanAgent(spec)


# --- resolving --agent -------------------------------------------------------------------------


def agent_spec_files(directory: Path | None = None) -> list[Path]:
    """Agent specs shipped in (or added to) agents/."""
    return sorted((directory or data_dir("agents")).glob("*.yaml"))


def load_agent(
    name: str,
    cache: LLMCache | None = None,
    rate_share: float = 1.0,
    threads: BlockingPool | None = None,
) -> LoadedAgent:
    """Resolve ``--agent``: a spec name from agents/, a path to a spec, or ``module:attr``.

    A ``module:attr`` agent's id is ``module:attr``; write a ``kind: python`` spec to give it
    another id (and a version and description).
    """
    path = Path(name)
    if name.endswith(".py"):
        raise SpecError(f"--agent {name}: a Python file is not an agent spec; {_py_hint(path)}")
    looks_like_path = name.endswith((".yaml", ".yml")) or path.is_file()
    if not looks_like_path and ":" in name:
        try:
            agent = CallableAgent(import_reference(name), threads)
        except (RegistryError, TypeError) as exc:
            raise SpecError(f"--agent {name}: {exc}") from None
        return LoadedAgent(id=name, kind="python", version=1, agent=agent, source=name)
    if not looks_like_path:
        path = data_dir("agents") / f"{name}.yaml"
        if not path.is_file():
            known = ", ".join(p.stem for p in agent_spec_files()) or "none"
            raise SpecError(
                f"--agent {name}: no such agent (known: {known}; or give a path or module:attr)"
            )
    spec = load_agent_spec(path)
    context = AgentContext(spec_path=path, cache=cache, rate_share=rate_share, threads=threads)
    try:
        factory = agent_kinds.get(spec.kind)
        agent = factory(spec, context)
    except (RegistryError, TypeError) as exc:
        raise SpecError(f"{path}: {exc}") from None
    return LoadedAgent(
        id=spec.id,
        kind=spec.kind,
        version=spec.version,
        agent=agent,
        source=str(path),
        spec_hash=spec_hash(path),
        description=spec.description,
        parameters=spec.parameters() if isinstance(spec, HumanAgentSpec) else None,
    )


def _py_hint(path: Path) -> str:
    """What to type instead of a .py path: module:attr, and the folder when it is elsewhere."""
    folder = str(path.parent)
    if folder in ("", "."):
        return (
            f"did you mean {path.stem}:reply (module:attr, run from the folder that holds "
            f"{path.name})?"
        )
    return f"did you mean --agent-path {folder} --agent {path.stem}:reply (module:attr)?"
