"""How an imported chat ended, derived from who wrote last and when.

The engine records every simulated conversation's outcome as it ends. A real chat exported from
a CRM or chat tool rarely says how it ended, and without an outcome the summary's outcome table
and the report's funnel of lost conversations are empty exactly where a team wants to compare
its own people. These rules read structure only (roles, timestamps, whether the scorer found a
contact, a question mark), never the language, so they treat every locale alike, including
locales salesim has no language rules for.

The rules are deliberately coarse: they say where a chat stopped, not why the customer lost
interest. A derived outcome is marked ``outcome_derived: true`` on its score row, so it is never
mistaken for one the engine or the source system recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from simulator.models import Message, Outcome
from simulator.reading import is_unreadable

UNKNOWN_OUTCOMES = frozenset({"", "unknown"})
"""Outcome values that mean "not recorded" (besides a missing field or null)."""
KNOWN_OUTCOMES = frozenset(outcome.value for outcome in Outcome)

_QUESTION = re.compile(r"[?？]|[吗呢么嘛][\s。.!！~～…]*$")
"""A question mark anywhere, or a Chinese question particle ending the message."""


class DerivedOutcome(NamedTuple):
    """An outcome read off a chat, with the drop-off reason the report groups lost chats by."""

    outcome: Outcome
    drop_off: str | None


def should_derive(outcome: str | None, trust_outcome: bool) -> bool:
    """Whether an imported chat's own outcome gives way to a derived one.

    Missing, null and ``"unknown"`` always do. Any other value is kept when ``trust_outcome``
    (``--trust-outcome``); otherwise only salesim's own outcome values are kept (a salesim run
    exported and scored again keeps the engine's word), and a source system's label outside
    that vocabulary ("closed", "won") is replaced, since the summary and report could not place it.
    """
    if outcome is None or outcome.strip().lower() in UNKNOWN_OUTCOMES:
        return True
    return not trust_outcome and outcome not in KNOWN_OUTCOMES


def derive_outcome(
    messages: Sequence[Message], lead_captured: bool, sla_s: float
) -> DerivedOutcome:
    """The outcome of a chat that recorded none: the first rule that matches wins.

    System messages are ignored; an agent message with nothing readable (an emoji, a sticker
    placeholder) is not a reply, as in the reply-rate scorer.

    1. ``lead_captured`` (no drop-off): the customer wrote a contact, as the scorer found it
       (so a complaint that leaves a number is not a lead here either).
    2. ``ended_no_lead`` / ``empty``: the chat has no customer or agent message at all.
    3. ``customer_silent`` / ``silent``: the customer never wrote (an outbound greeting nobody
       answered).
    4. ``no_reply`` / ``no_reply``: the agent never replied after the customer's first message.
    5. The agent wrote last and the customer never wrote again:
       ``customer_left`` / ``slow_reply`` when the agent's first reply to the customer's last
       message came more than ``sla_s`` after it (the customer had waited past the SLA: the
       same reading as a simulated customer who gives up waiting); otherwise
       ``customer_silent`` / ``silent`` (answered in time, then no answer).
    6. The customer wrote last, after the agent's last reply, and left without a contact:
       ``customer_left`` / ``unanswered`` when one of those last messages asked something (a
       question mark, or 吗/呢/么/嘛 at the end): the chat ended on a question nobody answered;
       otherwise ``ended_no_lead`` / ``no_lead`` (the customer had the last word without asking
       anything: thanks, goodbye, "I'll think about it").
    """
    if lead_captured:
        return DerivedOutcome(Outcome.LEAD_CAPTURED, None)
    chat = [
        m
        for m in messages
        if m.role == "customer" or (m.role == "agent" and not is_unreadable(m.text))
    ]
    if not chat:
        return DerivedOutcome(Outcome.ENDED_NO_LEAD, "empty")
    first_customer = next((i for i, m in enumerate(chat) if m.role == "customer"), None)
    if first_customer is None:
        return DerivedOutcome(Outcome.CUSTOMER_SILENT, "silent")
    if not any(m.role == "agent" for m in chat[first_customer:]):
        return DerivedOutcome(Outcome.NO_REPLY, "no_reply")
    last_customer = max(i for i, m in enumerate(chat) if m.role == "customer")
    if last_customer < len(chat) - 1:
        answer = chat[last_customer + 1]  # an agent message: the first after the customer's last
        waited = (answer.ts - chat[last_customer].ts).total_seconds()
        if waited > sla_s:
            return DerivedOutcome(Outcome.CUSTOMER_LEFT, "slow_reply")
        return DerivedOutcome(Outcome.CUSTOMER_SILENT, "silent")
    last_agent = max(i for i, m in enumerate(chat) if m.role == "agent")
    unanswered = chat[last_agent + 1 :]
    if any(_QUESTION.search(m.text.strip()) for m in unanswered):
        return DerivedOutcome(Outcome.CUSTOMER_LEFT, "unanswered")
    return DerivedOutcome(Outcome.ENDED_NO_LEAD, "no_lead")
