"""Pydantic models at salesim's edges: messages, transcripts, agent turns and run settings.

Persona specs live in :mod:`simulator.specs` (they are parsed from user YAML); everything here is
what flows between the engine, the agents and the scorers, and what is written to disk.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1
"""Version of the transcript and score row formats written by this code."""

Role = Literal["customer", "agent", "system"]
_FLAGS = {"true": True, "yes": True, "y": True, "1": True, "false": False, "no": False}
_FLAGS.update({"n": False, "0": False})
"""Yes/no values that imported data writes as text or numbers."""


class Outcome(StrEnum):
    """Why a conversation ended; recorded on every transcript."""

    LEAD_CAPTURED = "lead_captured"
    """The customer left a contact and the conversation closed."""
    CUSTOMER_LEFT = "customer_left"
    """The customer ran out of patience: a reply came too late, or questions went unanswered."""
    CUSTOMER_DECLINED = "customer_declined"
    """The customer left after refusing to leave a contact (pushed too hard)."""
    CUSTOMER_SILENT = "customer_silent"
    """The customer stopped answering without a word."""
    ENDED_NO_LEAD = "ended_no_lead"
    """The customer said goodbye politely without leaving a contact."""
    MAX_TURNS = "max_turns"
    """The conversation hit the persona's turn limit."""
    AGENT_ERROR = "agent_error"
    """The agent raised, timed out or returned an empty reply."""
    CUSTOMER_ERROR = "customer_error"
    """An LLM customer's model call failed for good."""
    NO_REPLY = "no_reply"
    """Nobody ever answered the customer. Only derived for imported chats
    (:mod:`simulator.outcomes`): a simulated agent always answers or fails with agent_error."""


class Message(BaseModel):
    """One private message. ``ts`` is aware and in the customer's time zone."""

    model_config = ConfigDict(extra="ignore")

    role: Role
    text: str
    ts: AwareDatetime
    meta: dict[str, Any] = Field(default_factory=dict)


class Transcript(BaseModel):
    """One conversation in the interchange format (DESIGN.md), simulated or imported."""

    model_config = ConfigDict(extra="allow")

    conversation_id: str
    persona_id: str | None = None
    agent_id: str | None = None
    industry: str | None = None
    locale: str | None = None
    started_at: AwareDatetime | None = None
    messages: list[Message] = Field(default_factory=list)
    lead: dict[str, Any] | None = None
    outcome: str | None = None
    truth: dict[str, Any] | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @field_validator("truth")
    @classmethod
    def _qualified_is_yes_or_no(cls, truth: dict[str, Any] | None) -> dict[str, Any] | None:
        """``qualified`` as a bool: exports write "false", and a non-empty string is truthy, so
        "false" used to count as qualified. Anything that is not yes or no is an error."""
        if truth is None or "qualified" not in truth:
            return truth
        value = truth["qualified"]
        if value is None or isinstance(value, bool):
            return truth
        flag = _FLAGS.get(str(value).strip().lower()) if isinstance(value, str | int) else None
        if flag is None:
            raise ValueError(f"qualified: expected true or false, got {value!r:.40}")
        return {**truth, "qualified": flag}

    @property
    def last_customer_message(self) -> Message | None:
        """The most recent customer message, if any (what an agent usually answers)."""
        for message in reversed(self.messages):
            if message.role == "customer":
                return message
        return None

    def by_role(self, role: Role) -> list[Message]:
        """Messages from one side, in order."""
        return [m for m in self.messages if m.role == role]


class AgentTurn(BaseModel):
    """What an agent returns for one turn.

    ``latency_s`` is the simulated time the reply took (a human answering at 9 am says so);
    when it is ``None`` the engine uses the measured wall time. ``lead`` is what the agent would
    write to the CRM; ``usage`` carries token counts for LLM agents.
    """

    text: str
    latency_s: float | None = Field(default=None, ge=0)
    lead: dict[str, Any] | None = None
    usage: dict[str, Any] | None = None
    more: list[str] = Field(default_factory=list)
    """Further messages sent right after ``text`` (agents, like people, split long answers)."""


class PersonaInstance(BaseModel):
    """One sampled customer of a persona: identity, truth and per-instance traits."""

    persona_id: str
    persona_version: int
    locale: str
    industry: str
    instance: int
    seed: int
    name: str
    surname: str
    city: str
    age: int
    phone: str
    """True contact, normalised: digits only, no country code."""
    qualified: bool
    arrival: datetime
    details: dict[str, str] = Field(default_factory=dict)
    needs: list[str]
    """Keys of the needs this customer will ask about, in order."""
    trust_initial: float
    share_at: float
    """Trust this customer needs before it leaves a contact (qualification included)."""
    shares_contact: bool = True
    """False for customers who never leave a contact in chat."""
    verbose: bool = False
    style: list[str] = Field(default_factory=list)
    """Writing traits of this customer (terse, verbose, typos, emoji, slang, dialect)."""
    trial: int = 0
    """Repeat number under ``--trials``: same customer, fresh randomness in how it reacts."""

    @property
    def key(self) -> str:
        """Stable id shared by every agent's conversation with this customer (runs pair on it)."""
        return f"{self.persona_id}#{self.instance}"


class RunConfig(BaseModel):
    """Everything that defines a run; written to the manifest so a run can be reproduced."""

    model_config = ConfigDict(extra="forbid")

    agents: list[str] = Field(default_factory=lambda: ["scripted-v2"])
    agent_paths: list[str] = Field(default_factory=list)
    """Folders searched first for ``module:attr`` agents (``--agent-path``), absolute."""
    baseline_agent: str | None = "human"
    personas: list[str] = Field(default_factory=list)
    """Persona ids (without locale) or paths; empty means the suite's."""
    suite: str = "default"
    """Named persona mix (personas/suites/<suite>.yaml) used when ``personas`` is empty."""
    locales: list[str] = Field(default_factory=lambda: ["zh_CN", "en_US"])
    n: int = Field(default=50, ge=1)
    trials: int = Field(default=1, ge=1, le=100)
    """Repeats of every persona instance with different customer randomness (pass^k)."""
    seed: int = 0
    out: str = "results"
    run_id: str | None = None
    sla_s: float = Field(default=180.0, gt=0)
    concurrency: int = Field(default=16, ge=1)
    """Conversations in flight at once, in total: with several workers each holds its share."""
    report: bool = True
    """Write report.html into the run directory at the end (runs up to REPORT_LIMIT)."""
    workers: int = Field(default=1, ge=1, le=256)
    """Processes (or Ray actors) the plan is spread over; results are identical for any N.

    One process keeps ~400 model calls a second moving (bench/concurrency.py); more pay off for
    large offline runs and for fast endpoints with hundreds of conversations in flight."""

    executor: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    agent_timeout_s: float = Field(default=30.0, gt=0)
    """Seconds one agent reply may take (``--agent-timeout``), sync agents included."""
    baseline: str | None = None
    """An imported human baseline (directory from `salesim baseline import`, or a transcripts
    file); when set it replaces ``baseline_agent``."""
    rubrics: str | None = None
    """Directory of rubric YAML files; None for the shipped rubrics/."""
    judge: str | None = None
    """Chat model for LLM-judge rules (init_chat_model string or module:attr); None skips them."""
    customer: str = "scripted"
    reader: str | None = None
    """How the scripted customer reads agent replies: None for the offline rules reader, or a
    chat model (init_chat_model string, ``module:attr`` or spec file) asked for the same Reading."""
    """Customer kind from the customer registry (``module:attr`` accepted), or a path to an
    LLM customer spec (the same kind/model/base_url/api_key_env fields as agent specs)."""
    cache: str | None = "auto"
    """SQLite cache of model calls: "auto" (``<out>/.cache/llm.sqlite``), a path, or None."""
    inject_faults: str | None = None
    """Fault-injection spec wrapped around the candidate agents (see simulator.faults)."""
    regenerate_unfaithful: int = Field(default=0, ge=0, le=10)
    """Retry an LLM-customer conversation flagged by the fidelity checks up to this many times."""
