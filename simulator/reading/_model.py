"""What a reader returns: the customer's understanding of one agent reply.

The customer policy acts on a :class:`Reading` only, never on raw text, so a reader (the offline
rules reader, a chat model, a user's own) can be swapped without touching the policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, Protocol, get_args


class Act(StrEnum):
    """What an agent message does, as a customer would notice it."""

    GREETS = "greets"
    ASKS_CONTACT = "asks_contact"
    """Solicits the customer's own contact (phone, WeChat, e-mail)."""
    GIVES_REASON = "gives_reason"
    """Says what a contact or next step is for (a call-back, a quote, a booking)."""
    ASKS_CONSENT = "asks_consent"
    """Makes sharing optional, or says what the data is used for."""
    PRESSURES = "pressures"
    """Scarcity, deadlines, urgency; reassurance ("no hurry") is not pressure."""
    SHOWS_EMPATHY = "shows_empathy"
    PROMISES = "promises"
    """Guarantees an outcome; hedged or negated statements are not promises."""


ACT_NAMES: tuple[str, ...] = tuple(act.value for act in Act)

NeedType = Literal[
    "money",
    "time",
    "duration",
    "process",
    "credentials",
    "coverage",
    "safety",
    "location",
    "outcome",
    "policy",
    "documents",
    "availability",
    "product",
    "portfolio",
    "other",
]
NEED_TYPES: tuple[str, ...] = get_args(NeedType)
"""Kinds of information a need asks for; each has a typed recogniser in both locales."""


class Flag(StrEnum):
    """Properties of the reply as a whole that a customer reacts to."""

    UNREADABLE = "unreadable"
    """Nothing visible: empty, invisible characters, emoji or punctuation only."""
    WRONG_LANGUAGE = "wrong_language"
    ECHO = "echo"
    """Repeats the customer's own message back."""
    REPEATS = "repeats"
    """Repeats an earlier agent message."""
    WALL = "wall"
    """Too long for a private message; the customer skims it."""
    FRAGMENTED = "fragmented"
    """A list of words or fragments rather than sentences (a keyword blob)."""
    OFF_TOPIC = "off_topic"
    """Says nothing about what the customer wrote or asked."""
    UNASKED_DUMP = "unasked_dump"
    """Answers several questions nobody asked (an FAQ dump)."""


@dataclass(frozen=True, eq=False)
class NeedView:
    """What a reader knows of one customer need: its key, its kinds of information, its wording."""

    key: str
    types: tuple[str, ...]
    asks: tuple[str, ...]
    hints: tuple[str, ...] = ()
    """Optional phrases a persona author expects in an answer: one path among others, never the
    only one."""
    market: tuple[float, float] | None = None
    """Plausible price range for a money need, in the locale's currency.

    Compared and hashed by identity (``eq=False``): a persona builds its views once, and the
    reader's caches key on them on every read."""


@dataclass(frozen=True)
class ReadContext:
    """What the customer knows when it reads a reply."""

    locale: str
    needs: tuple[NeedView, ...]
    asked: str | None = None
    """The need the customer's latest question was about (pending), if any."""
    voiced: tuple[str, ...] = ()
    """Needs the customer asked about earlier and still considers open."""
    customer_text: str = ""
    """The customer's latest message(s), which the reply answers."""
    earlier_agent: tuple[str, ...] = ()
    """The agent's earlier messages in this conversation."""
    industry: str | None = None


@dataclass(frozen=True)
class Reading:
    """The customer's understanding of one agent reply (one or several messages in a row)."""

    answers: tuple[str, ...] = ()
    """Keys of the needs the reply answers, pending first."""
    acts: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    evidence: dict[str, str] = field(default_factory=dict)
    """Span of text behind each answer and act, keyed by need key or act name."""
    contact_kind: str | None = None
    """Which contact an ``asks_contact`` asks for (phone, wechat, email or contact), or the one a
    question asking leave to call, text or add the customer would need."""
    amounts: tuple[float, ...] = ()
    """Money amounts quoted for the pending need, in the locale's currency."""
    chars: int = 0
    """Visible characters in the reply."""
    unasked: tuple[str, ...] = ()
    """Answers to needs the customer had not asked about (a subset of ``answers``)."""
    next_step: bool = False
    """The reply offers a concrete next step for the customer (a booking, a call-back, a quote
    to send), with or without asking for a contact. ``gives_reason`` is narrower: what a contact
    asked for is for. A customer who has said it is ready takes up such an offer."""
    deferred: str | None = None
    """The pending outcome need, when the reply does not answer it but says it cannot be judged
    yet and what the verdict turns on (``evidence["deferred"]``): no answer, and no question
    ignored either (see ``simulator.reading._deferral``)."""

    def has(self, act: str) -> bool:
        """Whether the reply does ``act`` (an :class:`Act` name)."""
        return act in self.acts

    def solicits_contact(self) -> bool:
        """Whether the reply asks for the customer's contact, or asks leave to call, text or add
        them ("Would it be okay if I call you tomorrow?"): labellers call the second consent,
        not an ask, but a customer who agrees answers it with the number all the same."""
        return self.has(Act.ASKS_CONTACT) or self.contact_kind is not None

    def to_json(self) -> dict[str, Any]:
        """The reading as plain JSON (``salesim personas read`` and message meta)."""
        data: dict[str, Any] = {
            "answers": list(self.answers),
            "acts": sorted(self.acts),
            "evidence": dict(sorted(self.evidence.items())),
        }
        if self.flags:
            data["flags"] = sorted(self.flags)
        if self.contact_kind:
            data["contact_kind"] = self.contact_kind
        if self.unasked:
            data["unasked"] = list(self.unasked)
        if self.amounts:
            data["amounts"] = list(self.amounts)
        if self.deferred:
            data["deferred"] = self.deferred
        data["chars"] = self.chars
        return data


class Reader(Protocol):
    """Turns an agent reply into a :class:`Reading`; synchronous and deterministic."""

    name: str

    def read(self, text: str, context: ReadContext) -> Reading:
        """What a customer in ``context`` understands from ``text``."""
        ...
