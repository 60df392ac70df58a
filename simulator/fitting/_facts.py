"""What one conversation shows about its customer: the observations fitting and fidelity use.

Both ``salesim personas fit`` and ``salesim fidelity`` read conversations through this one
function, so a real chat and a simulated one are measured by the same code. Terms:

- a customer *turn* is a run of consecutive customer messages, an agent *reply* a run of
  consecutive agent messages;
- a *wait* is the time from the customer's last message of a turn to the first message of the
  agent's reply, with whether the customer wrote again after that reply (``continued``). Waits
  after the customer left a contact are not counted: a customer whose purpose is done has no
  reason to stay, whatever the latency;
- the customer's own *delay* is the time from the agent's last message of a reply to the
  customer's next message;
- a *burst* is a turn of two or more messages no more than :data:`BURST_GAP_S` apart.

Timing observations are taken only from conversations whose every timestamp was given (an
import that allowed missing timestamps marks filled-in ones ``meta.ts_missing``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Literal

from simulator.contacts import customer_contacts
from simulator.models import Message, Transcript
from simulator.reading import NeedView, acts_of, needs_asked

BURST_GAP_S = 60.0
"""Consecutive customer messages further apart than this are two turns' worth of typing, not
one message split in parts."""

Response = Literal["shared", "declined", "left"]


@dataclass(frozen=True)
class ContactAsk:
    """An agent reply that asked for the customer's contact, and what the customer did next."""

    with_reason: bool
    response: Response


@dataclass
class ConversationFacts:
    """Observations of one conversation (see the module docstring for the terms)."""

    conversation_id: str
    persona_id: str | None
    agent_id: str | None
    locale: str | None
    timed: bool
    agent_initiated: bool
    customer_messages: int
    customer_turns: int
    burst_turns: int
    agent_replies: int
    first_hour: int | None
    """Local hour (the customer's clock) of the first customer message."""
    utc_offset_min: int | None
    first_reply_s: float | None
    """Seconds from the first customer message to the agent's first reply; None: no reply."""
    waits: list[tuple[float, bool]] = field(default_factory=list)
    latencies: list[tuple[int, float]] = field(default_factory=list)
    """Every timed agent reply to a customer turn: (local hour of the customer's last message,
    seconds until the reply), waits after a shared contact included."""
    delays: list[float] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    """Persona needs the customer asked about, in the persona's order."""
    questions: int = 0
    """Customer turns that ask about at least one of the persona's needs."""
    contact_asks: list[ContactAsk] = field(default_factory=list)
    lead: bool = False
    unanswered_end: bool = False
    """The conversation ends on a customer message nobody answered."""

    @property
    def replied(self) -> bool:
        """The agent answered the customer at least once."""
        return self.first_reply_s is not None


def _runs(messages: list[Message]) -> list[tuple[str, list[int]]]:
    """Consecutive messages of one role, as (role, indices); system messages are skipped."""
    runs: list[tuple[str, list[int]]] = []
    for i, message in enumerate(messages):
        if message.role not in ("customer", "agent"):
            continue
        if runs and runs[-1][0] == message.role:
            runs[-1][1].append(i)
        else:
            runs.append((message.role, [i]))
    return runs


def _seconds(later: Message, earlier: Message) -> float:
    return max(0.0, (later.ts - earlier.ts).total_seconds())


def _is_burst(messages: list[Message], indices: list[int], timed: bool) -> bool:
    if len(indices) < 2:
        return False
    if not timed:
        return True
    return all(
        _seconds(messages[b], messages[a]) <= BURST_GAP_S for a, b in itertools.pairwise(indices)
    )


def conversation_facts(
    transcript: Transcript, needs: tuple[NeedView, ...] = (), locale: str | None = None
) -> ConversationFacts:
    """Observations of ``transcript``; ``needs`` are the persona needs questions are sorted into."""
    messages = transcript.messages
    loc = locale or transcript.locale or "zh_CN"
    timed = not any(m.meta.get("ts_missing") for m in messages)
    runs = _runs(messages)
    customer = [m for m in messages if m.role == "customer"]
    first = customer[0] if customer else None
    contacts = customer_contacts(transcript, loc)
    shared_at = contacts[0].turn if contacts else None
    facts = ConversationFacts(
        conversation_id=transcript.conversation_id,
        persona_id=transcript.persona_id,
        agent_id=transcript.agent_id,
        locale=transcript.locale,
        timed=timed,
        agent_initiated=bool(runs) and runs[0][0] == "agent",
        customer_messages=len(customer),
        customer_turns=sum(1 for role, _ in runs if role == "customer"),
        burst_turns=sum(
            1 for role, ix in runs if role == "customer" and _is_burst(messages, ix, timed)
        ),
        agent_replies=sum(1 for role, _ in runs if role == "agent"),
        first_hour=first.ts.hour if first is not None and timed else None,
        utc_offset_min=(
            int(first.ts.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
            if first is not None and timed
            else None
        ),
        first_reply_s=None,
        lengths=[len(m.text) for m in customer],
        lead=bool(contacts),
    )
    asked: set[str] = set()
    for position, (role, indices) in enumerate(runs):
        if role == "customer":
            if needs:
                text = " ".join(messages[i].text for i in indices)
                found = needs_asked(text, needs, loc)
                asked.update(found)
                facts.questions += bool(found)
            continue
        # an agent reply: what it followed and what came after it
        previous = runs[position - 1] if position > 0 else None
        following = runs[position + 1] if position + 1 < len(runs) else None
        if previous is not None and previous[0] == "customer":
            latency = _seconds(messages[indices[0]], messages[previous[1][-1]])
            if facts.first_reply_s is None and first is not None:
                # without timestamps the reply is known to exist, not when it came
                facts.first_reply_s = _seconds(messages[indices[0]], first) if timed else 0.0
            done = shared_at is not None and shared_at <= previous[1][-1]
            if timed:
                facts.latencies.append((messages[previous[1][-1]].ts.hour, latency))
            if timed and not done:
                facts.waits.append((latency, following is not None))
        if following is not None and timed:
            facts.delays.append(_seconds(messages[following[1][0]], messages[indices[-1]]))
        reply = " ".join(messages[i].text for i in indices)
        acts = acts_of(reply, loc)
        if "asks_contact" in acts and (shared_at is None or shared_at > indices[-1]):
            if following is None:
                response: Response = "left"
            elif any(c.turn in following[1] for c in contacts):
                response = "shared"
            else:
                response = "declined"
            facts.contact_asks.append(ContactAsk("gives_reason" in acts, response))
    facts.needs = [need.key for need in needs if need.key in asked]
    facts.unanswered_end = bool(runs) and runs[-1][0] == "customer"
    return facts
