"""Simulated customers: sampling persona instances and the scripted customer policy.

The :class:`ScriptedCustomer` is a small, seeded policy driven entirely by the persona spec (see
DESIGN.md "The simulated customer"). It reads each agent message through its locale's phrase bank,
moves trust by the persona's parameters, and acts: asks its next need, repeats an ignored one,
objects, probes, shares its contact (only when trust is high enough AND the agent asked or gave a
reason), refuses, says goodbye, leaves or goes silent. Patience is the customer's: a reply later
than ``patience.reply_s`` finds it gone.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Protocol
from zoneinfo import ZoneInfo

from faker import Faker

from simulator.contacts import normalize_phone
from simulator.models import Outcome, PersonaInstance, Transcript
from simulator.registry import Registry
from simulator.seeding import derive_seed, rng_for
from simulator.specs import Persona
from simulator.style import apply_style, sample_traits, split_burst
from simulator.text import PhraseBank, load_phrase_bank, normalize

# Naive on purpose: a local wall-clock time, made aware in the persona's zone per arrival.
ARRIVAL_WEEK_START = datetime(2026, 11, 23)  # noqa: DTZ001
"""Monday of the simulated week; arrivals fall on one of its seven days."""
UNQUALIFIED_EXTRA_TRUST = 0.25
"""A customer with no real need is harder to convince to leave a contact."""
READY_MARGIN = 0.15
"""How close to its share threshold a customer must be to ask for the next step by itself."""
PROACTIVE_SHARE = 0.05
_PUNCTUATION = set("。，！？、~…,.!?:：")
"""Chance that a ready customer writes its number unasked when the agent never asks."""


class CustomerAct(StrEnum):
    """What a customer message does; recorded in the message's meta."""

    OPEN = "open"
    ASK = "ask"
    REPEAT = "repeat"
    OBJECT = "object"
    PROBE = "probe"
    READY = "ready"
    SHARE_CONTACT = "share_contact"
    REFUSE = "refuse"
    GOODBYE = "goodbye"
    LEAVE = "leave"
    SILENT = "silent"


@dataclass(frozen=True)
class CustomerTurn:
    """The customer's next move. ``text`` None means it sends nothing (left, silent)."""

    text: str | None
    act: CustomerAct
    delay_s: float = 0.0
    end: Outcome | None = None
    """Set when the conversation ends with (or instead of) this message."""
    reason: str | None = None
    """Drop-off reason when the conversation ends: slow_reply, ignored, pushed, ..."""
    meta: dict[str, object] = field(default_factory=dict)
    burst: list[tuple[str, float]] = field(default_factory=list)
    """Further messages sent right after ``text`` (a DM habit), each with its gap in seconds."""


class Customer(Protocol):
    """One simulated customer in one conversation."""

    def next(self, transcript: Transcript, now: datetime) -> CustomerTurn | None:
        """The customer's reaction to the transcript so far (its opening when it is empty)."""
        ...


CustomerFactory = Callable[..., Customer]
"""Builds the customer of one conversation: ``factory(persona, instance[, attempt])``."""
customer_kinds: Registry[CustomerFactory] = Registry("customer kind", "salesim.customers")


# --- sampling ---------------------------------------------------------------------------------


@cache
def _faker(locale: str) -> Faker:
    # One Faker per locale, reseeded per instance: building one costs far more than seeding it.
    return Faker(locale)


def _sample_phone(faker: Faker, rng: random.Random, locale: str) -> str:
    for _ in range(1000):
        if locale == "zh_CN":
            candidate = faker.phone_number()
        else:
            candidate = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
            candidate += f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
            candidate += f"{rng.randint(0, 9999):04d}"
        digits = normalize_phone(candidate, locale)
        if digits:
            return digits
    raise RuntimeError(f"could not sample a valid {locale} phone number")


def sample_instance(persona: Persona, index: int, seed: int) -> PersonaInstance:
    """Customer ``index`` of ``persona`` under run seed ``seed``: same inputs, same customer."""
    instance_seed = derive_seed(seed, persona.id, persona.locale, index)
    rng = random.Random(instance_seed)
    faker = _faker(persona.locale)
    faker.seed_instance(rng.getrandbits(32))
    if persona.locale == "zh_CN":
        surname, first = faker.last_name(), faker.first_name()
        name = surname + first
    else:
        first, surname = faker.first_name(), faker.last_name()
        name = f"{first} {surname}"
    city = rng.choice(persona.identity.cities) if persona.identity.cities else faker.city()
    phone = _sample_phone(faker, rng, persona.locale)
    hour = rng.choice(persona.arrival.hours)
    local = ARRIVAL_WEEK_START + timedelta(
        days=rng.randrange(7), hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60)
    )
    arrival = local.replace(tzinfo=ZoneInfo(persona.arrival.tz))
    keys = [need.key for need in persona.needs]
    low, high = persona.behaviour.needs or (len(keys), len(keys))
    count = min(len(keys), rng.randint(low, high))
    needs = rng.sample(keys, count)
    jitter = persona.trust.jitter
    trust = persona.trust.initial + rng.uniform(-jitter, jitter)
    qualified = rng.random() < persona.qualified
    share_at = persona.trust.share_at + rng.uniform(-jitter, jitter)
    share_at += 0.0 if qualified else UNQUALIFIED_EXTRA_TRUST
    return PersonaInstance(
        persona_id=persona.id,
        persona_version=persona.version,
        locale=persona.locale,
        industry=persona.industry,
        instance=index,
        seed=instance_seed,
        name=name,
        surname=surname,
        city=city,
        age=rng.randint(*persona.identity.age),
        phone=phone,
        qualified=qualified,
        arrival=arrival,
        details={key: rng.choice(values) for key, values in sorted(persona.details.items())},
        needs=needs,
        trust_initial=round(min(1.0, max(0.0, trust)), 4),
        share_at=round(share_at, 4),
        shares_contact=rng.random() >= persona.behaviour.never_share,
        verbose=rng.random() < 0.3,
        style=sample_traits(
            persona.traits.model_dump(), persona.locale, rng_for(instance_seed, "traits")
        ),
    )


# --- the scripted policy ------------------------------------------------------------------------


@dataclass
class _State:
    trust: float
    open_needs: list[str]
    pending: str | None = None
    answered: int = 0
    contact_asks: int = 0
    refusals: int = 0
    unanswered: int = 0
    empathy_seen: int = 0
    reason_credited: bool = False
    consent_credited: bool = False
    shared: bool = False
    ready_said: bool = False
    objected: bool = False
    probed: bool = False
    turns: int = 0
    asked_now: bool = False
    """The agent's latest message asked for the contact."""


def _format_phone(digits: str, template: str) -> str:
    if len(digits) == 11:  # CN mobile: 3-4-4
        parts = {
            "d": digits,
            "d3": digits[:3],
            "d4": digits[3:7],
            "d4b": digits[7:],
            "d3b": digits[3:6],
        }
    else:  # NANP: 3-3-4
        parts = {
            "d": digits,
            "d3": digits[:3],
            "d3b": digits[3:6],
            "d4": digits[6:],
            "d4b": digits[6:],
        }
    return template.format_map(parts)


@customer_kinds.register("scripted")
class ScriptedCustomer:
    """The default offline customer: deterministic for a persona instance, reacting to the agent."""

    def __init__(self, persona: Persona, instance: PersonaInstance) -> None:
        self.persona = persona
        self.instance = instance
        self.bank: PhraseBank = load_phrase_bank(persona.locale)
        # Trial 0 keeps the original seed; later trials redraw the same customer's reactions.
        trial = (instance.trial,) if instance.trial else ()
        self.rng = rng_for(instance.seed, "customer", *trial)
        # Style has its own RNG: it changes how the customer writes, never what it decides.
        self.style_rng = rng_for(instance.seed, "style", *trial)
        self.traits = frozenset(instance.style)
        self.needs = {need.key: need for need in persona.needs}
        self.need_matchers = persona.need_matchers()
        self.state = _State(trust=instance.trust_initial, open_needs=list(instance.needs))
        self.threshold = instance.share_at
        self._values = {
            "name": instance.name,
            "surname": instance.surname,
            "first": instance.name.removeprefix(instance.surname)
            if persona.locale == "zh_CN"
            else instance.name.split(" ")[0],
            "city": instance.city,
            "age": str(instance.age),
            **instance.details,
        }

    # -- text ------------------------------------------------------------------------------

    def _lines(self, act: str) -> tuple[str, ...] | list[str]:
        return self.persona.phrases.get(act) or self.bank.say[act]

    def _say(self, act: str, **extra: str) -> str:
        template = self.rng.choice(self._lines(act))
        return template.format_map({**self._values, **extra})

    def _fill(self, template: str) -> str:
        return template.format_map(self._values)

    def _join(self, *parts: str) -> str:
        zh = self.persona.locale == "zh_CN"
        kept = [part.strip() for part in parts if part and part.strip()]
        for i, part in enumerate(kept[:-1]):
            if part[-1] not in _PUNCTUATION:
                kept[i] = part + ("，" if zh else ".")
        return ("" if zh else " ").join(kept)

    def _ask_need(self, key: str) -> str:
        return self._fill(self.rng.choice(self.needs[key].ask))

    def _turn(
        self,
        text: str | None,
        act: CustomerAct,
        *,
        end: Outcome | None = None,
        reason: str | None = None,
    ) -> CustomerTurn:
        low, high = self.persona.pace.think_s
        delay = self.rng.uniform(low, high) * (1.3 if self.instance.verbose else 1.0)
        if text is not None:
            self.state.turns += 1
        meta: dict[str, object] = {"act": str(act), "trust": round(self.state.trust, 3)}
        if act in (CustomerAct.ASK, CustomerAct.REPEAT) and self.state.pending:
            meta["need"] = self.state.pending
        burst: list[tuple[str, float]] = []
        if text is not None:
            text = apply_style(text, self.traits, self.persona.locale, self.style_rng)
            if self.style_rng.random() < self.persona.traits.burst:
                first, *rest = split_burst(text, self.persona.locale, self.style_rng)
                text = first
                burst = [(part, float(self.style_rng.randint(3, 15))) for part in rest]
        if self.state.asked_now:
            # a reaction to a request for its contact: how many of its questions had been answered
            meta["contact_asked"] = True
            meta["answered_before"] = self.state.answered
        return CustomerTurn(
            text, act, delay_s=round(delay), end=end, reason=reason, meta=meta, burst=burst
        )

    def _lead_outcome(self) -> Outcome:
        """A contact left by a complaint or a probe closes the conversation, but is no lead."""
        return Outcome.LEAD_CAPTURED if self.persona.intent == "sale" else Outcome.ENDED_NO_LEAD

    # -- policy ----------------------------------------------------------------------------

    def next(self, transcript: Transcript, now: datetime) -> CustomerTurn | None:
        """React to the agent's latest message(s); the opening when nothing was said yet."""
        if not transcript.messages:
            return self._turn(self._fill(self.rng.choice(self.persona.opening)), CustomerAct.OPEN)
        last_customer = max(i for i, m in enumerate(transcript.messages) if m.role == "customer")
        replies = [m for m in transcript.messages[last_customer + 1 :] if m.role == "agent"]
        if not replies:
            return None
        waited = (replies[0].ts - transcript.messages[last_customer].ts).total_seconds()
        state = self.state
        if waited > self.persona.patience.reply_s:
            end = self._lead_outcome() if state.shared else Outcome.CUSTOMER_LEFT
            return self._turn(None, CustomerAct.LEAVE, end=end, reason="slow_reply")
        if state.shared:
            return self._turn(
                self._say("goodbye_lead"), CustomerAct.GOODBYE, end=self._lead_outcome()
            )
        return self._react(normalize(" ".join(m.text for m in replies)))

    def _react(self, text: str) -> CustomerTurn:
        state, trust, understand = self.state, self.persona.trust, self.bank.understand
        answered_now = [k for k in state.open_needs if self.need_matchers[k].matches(text)]
        for key in answered_now:
            state.open_needs.remove(key)
            state.answered += 1
            state.trust += trust.per_answer
        # answered now or earlier (a customer may re-ask a question the agent already answered)
        pending_answered = state.pending is None or state.pending not in state.open_needs
        if understand["shows_empathy"].matches(text) and state.empathy_seen < 2:
            state.empathy_seen += 1
            state.trust += trust.per_empathy
        if understand["pressures"].matches(text):
            state.trust += trust.per_push
        asked_contact = understand["asks_contact"].matches(text)
        state.asked_now = asked_contact
        gives_reason = understand["gives_reason"].matches(text)
        if asked_contact:
            state.contact_asks += 1
            invited = state.ready_said  # the customer asked how to proceed: asking is no push
            if not invited and (state.refusals > 0 or state.answered == 0):
                state.trust += trust.per_push  # asked again after a refusal, or before any answer
            if gives_reason and not state.reason_credited:
                state.reason_credited = True
                state.trust += trust.per_reason
            if understand["asks_consent"].matches(text) and not state.consent_credited:
                state.consent_credited = True
                state.trust += trust.per_empathy
        state.trust = min(1.0, max(0.0, state.trust))

        if asked_contact or (state.ready_said and gives_reason):
            if self.instance.shares_contact and state.trust >= self.threshold - 1e-9:
                return self._share()
            return self._refuse()
        if not pending_answered:
            state.unanswered += 1
            if state.unanswered >= self.persona.patience.unanswered:
                return self._turn(
                    self._say("leave_ignored"),
                    CustomerAct.LEAVE,
                    end=Outcome.CUSTOMER_LEFT,
                    reason="ignored",
                )
            return self._turn(
                self._say("repeat_need", ask=self._ask_need(state.pending or "")),
                CustomerAct.REPEAT,
            )
        silent_chance = self.persona.pace.silent * (
            2.0 if state.trust < self.instance.trust_initial else 1.0
        )
        if state.turns > 1 and self.rng.random() < silent_chance:
            return self._turn(
                None, CustomerAct.SILENT, end=Outcome.CUSTOMER_SILENT, reason="silent"
            )
        if state.turns >= self.persona.patience.max_turns:
            return self._turn(
                self._say("goodbye_no_lead"),
                CustomerAct.GOODBYE,
                end=Outcome.MAX_TURNS,
                reason="max_turns",
            )
        if state.open_needs:
            return self._continue(acknowledge=bool(answered_now))
        return self._wrap_up()

    def _continue(self, acknowledge: bool) -> CustomerTurn:
        state, behaviour = self.state, self.persona.behaviour
        if (
            state.answered
            and not state.objected
            and self.persona.objections
            and self.rng.random() < behaviour.object
        ):
            state.objected = True
            state.pending = None
            return self._turn(
                self._fill(self.rng.choice(self.persona.objections)), CustomerAct.OBJECT
            )
        if (
            state.answered
            and not state.probed
            and self.persona.probes
            and self.rng.random() < behaviour.probe
        ):
            state.probed = True
            state.pending = None
            return self._turn(self._fill(self.rng.choice(self.persona.probes)), CustomerAct.PROBE)
        state.pending = state.open_needs[0]
        ack = self._say("ack") if acknowledge and self.rng.random() < 0.5 else ""
        return self._turn(self._join(ack, self._ask_need(state.pending)), CustomerAct.ASK)

    def _wrap_up(self) -> CustomerTurn:
        state = self.state
        state.pending = None
        near = state.trust >= self.threshold - READY_MARGIN
        if not state.ready_said and near and self.instance.shares_contact:
            state.ready_said = True
            return self._turn(self._say("ready"), CustomerAct.READY)
        if (
            state.ready_said
            and state.trust >= self.threshold
            and self.rng.random() < PROACTIVE_SHARE
        ):
            return self._share()
        return self._turn(
            self._say("goodbye_no_lead"),
            CustomerAct.GOODBYE,
            end=Outcome.ENDED_NO_LEAD,
            reason="no_lead",
        )

    def _share(self) -> CustomerTurn:
        self.state.shared = True
        self.state.pending = None
        phone = _format_phone(self.instance.phone, self.rng.choice(self.bank.phone_formats))
        title = self.rng.choice(self.bank.say["titles"])
        return self._turn(
            self._say("share_contact", phone=phone, title=title), CustomerAct.SHARE_CONTACT
        )

    def _refuse(self) -> CustomerTurn:
        state = self.state
        state.refusals += 1
        if state.refusals > self.persona.patience.refusals:
            return self._turn(
                self._say("leave_declined"),
                CustomerAct.LEAVE,
                end=Outcome.CUSTOMER_DECLINED,
                reason="pushed",
            )
        refusal = self._say("refuse_contact" if state.refusals == 1 else "refuse_again")
        if state.pending not in state.open_needs:
            state.pending = state.open_needs[0] if state.open_needs else None
        question = self._ask_need(state.pending) if state.pending else ""
        return self._turn(self._join(refusal, question), CustomerAct.REFUSE)
