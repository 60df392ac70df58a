"""Simulated customers: sampling persona instances and the scripted customer policy.

The :class:`ScriptedCustomer` is a small, seeded policy driven entirely by the persona spec (see
DESIGN.md "The simulated customer"). It reads each agent message through its locale's phrase bank,
moves trust by the persona's parameters, and acts: asks its next need, repeats an ignored one,
objects, probes, shares its contact (only when trust is high enough AND the agent asked or gave a
reason), refuses, says goodbye, leaves or goes silent. Patience is the customer's: a reply later
than ``patience.reply_s`` finds it gone.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from faker import Faker
from faker.providers.person import Provider as PersonProvider

from simulator.contacts import national_number_if_valid
from simulator.models import Outcome, PersonaInstance, Transcript
from simulator.reading import RULES_READER, Act, Flag, ReadContext, Reader, Reading
from simulator.reading._surface import SOFT_LIMIT
from simulator.registry import Registry
from simulator.seeding import derive_seed, rng_for
from simulator.specs import Persona
from simulator.style import apply_style, sample_traits, split_burst
from simulator.text import PhraseBank, load_phrase_bank

# Naive on purpose: a local wall-clock time, made aware in the persona's zone per arrival.
ARRIVAL_WEEK_START = datetime(2026, 11, 23)  # noqa: DTZ001
"""Monday of the simulated week; arrivals fall on one of its seven days."""
UNQUALIFIED_EXTRA_TRUST = 0.25
"""A customer with no real need is harder to convince to leave a contact."""
READY_MARGIN = 0.15
"""How close to its share threshold a customer must be to ask for the next step by itself."""
PROACTIVE_SHARE = 0.05
"""Chance that a ready customer writes its number unasked when the agent never asks."""
_PUNCTUATION = set("。，！？、~…,.!?:：")
PATIENCE_SHAPE = 4.0
"""Shape of the waiting survival curve exp(-(wait/reply_s)^k): smooth, but steep past patience."""
UNASKED_CREDIT = 0.25
"""Share of ``per_answer`` for one answer the customer had not asked for yet (per reply)."""
DEFERRAL_CREDIT = 0.5
"""Share of ``per_answer`` for an outcome question deferred with what it turns on: the writers of
the reader sets call such a reply no answer (10 of 10), the blind labeller of the customer's
verdicts an answer (10 of 10); an honest "can't tell yet, it turns on X" earns some trust, less
than a view of the case."""
PROMISE_COST = -0.05
"""Trust lost to a guaranteed outcome the customer did not probe for: it sounds too good."""
FLAG_COSTS: dict[str, float] = {
    Flag.WALL: -0.05,
    Flag.UNASKED_DUMP: -0.05,
    Flag.ECHO: -0.05,
    Flag.REPEATS: -0.05,
    Flag.FRAGMENTED: -0.1,
    Flag.OFF_TOPIC: -0.05,
}
"""Trust a reply costs for how it is written, whatever it says (walls double past 3x the limit)."""
_DEMANDS_ANSWER = re.compile(r"回答|没问清楚|一上来|\banswer", re.IGNORECASE)
"""A refusal that complains the question went unanswered ("你先回答我的问题", "I haven't even got
an answer"): said only when it did."""
_PRICE_OBJECTION = re.compile(
    r"(expensive|pricey|price|cost|afford|budget|cheaper|贵|价|钱|预算|便宜)", re.I
)


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
    NUDGE = "nudge"
    """"Hello? Anyone there?" after a reply the customer could not read."""


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


@cache
def _name_table(locale: str, which: str) -> tuple[Sequence[str], list[float] | None] | None:
    """Faker's ``first_names`` or ``last_names`` for ``locale``, with cumulative weights.

    Faker draws a weighted name with ``random.choices(names, weights)``, which adds up the
    weights of up to a thousand names on every call (a third of sampling a customer); handed
    the sums computed once, ``choices`` draws the same name from the same random number.
    None when the locale's provider draws names its own way (then Faker is asked).
    """
    provider = getattr(_faker(locale), which).__self__  # the locale's person provider
    if getattr(type(provider), which) is not getattr(PersonProvider, which):
        return None
    names = getattr(provider, f"{which}s")
    if not isinstance(names, dict):
        return names, None
    if not provider.__use_weighting__:
        return tuple(names), None
    return tuple(names), list(itertools.accumulate(names.values()))


def _draw_name(faker: Faker, locale: str, which: str) -> str:
    """``faker.first_name()`` or ``faker.last_name()``: the same draw, without the re-summing."""
    table = _name_table(locale, which)
    if table is None:
        return str(getattr(faker, which)())
    names, cumulative = table
    if cumulative is None:
        return str(faker.random.choice(names))
    return str(faker.random.choices(names, cum_weights=cumulative)[0])


def _sample_phone(faker: Faker, rng: random.Random, locale: str) -> str:
    for _ in range(1000):
        if locale == "zh_CN":
            candidate = faker.phone_number()
        else:
            candidate = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
            candidate += f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
            candidate += f"{rng.randint(0, 9999):04d}"
        digits = national_number_if_valid(candidate, locale)
        if digits:
            return digits
    raise RuntimeError(f"could not sample a valid {locale} phone number")


def _weighted_sample(
    rng: random.Random, keys: list[str], weights: list[float], count: int
) -> list[str]:
    """``count`` keys without replacement, each draw in proportion to the remaining weights."""
    keys, weights = list(keys), list(weights)
    chosen: list[str] = []
    for _ in range(count):
        i = rng.choices(range(len(keys)), weights=weights)[0]
        chosen.append(keys.pop(i))
        weights.pop(i)
    return chosen


def sample_instance(persona: Persona, index: int, seed: int) -> PersonaInstance:
    """Customer ``index`` of ``persona`` under run seed ``seed``: same inputs, same customer."""
    instance_seed = derive_seed(seed, persona.id, persona.locale, index)
    rng = random.Random(instance_seed)
    faker = _faker(persona.locale)
    faker.seed_instance(rng.getrandbits(32))
    if persona.locale == "zh_CN":
        surname = _draw_name(faker, persona.locale, "last_name")
        first = _draw_name(faker, persona.locale, "first_name")
        name = surname + first
    else:
        first = _draw_name(faker, persona.locale, "first_name")
        surname = _draw_name(faker, persona.locale, "last_name")
        name = f"{first} {surname}"
    city = rng.choice(persona.identity.cities) if persona.identity.cities else faker.city()
    phone = _sample_phone(faker, rng, persona.locale)
    arrival_weights = persona.arrival.weights
    hour = (
        rng.choices(persona.arrival.hours, weights=arrival_weights)[0]
        if arrival_weights
        else rng.choice(persona.arrival.hours)
    )
    local = ARRIVAL_WEEK_START + timedelta(
        days=rng.randrange(7), hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60)
    )
    arrival = local.replace(tzinfo=ZoneInfo(persona.arrival.tz))
    keys = [need.key for need in persona.needs]
    low, high = persona.behaviour.needs or (len(keys), len(keys))
    count = min(len(keys), rng.randint(low, high))
    weights = [need.weight for need in persona.needs]
    needs = (
        rng.sample(keys, count)
        if all(w == 1.0 for w in weights)
        else _weighted_sample(rng, keys, weights, count)
    )
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
    asked_kind: str | None = None
    """Which contact it asked for (phone, wechat, email): a refusal names that one."""
    voiced: list[str] = field(default_factory=list)
    """Needs the customer has asked about so far."""
    deferred: list[str] = field(default_factory=list)
    """Outcome needs the agent said cannot be judged yet, naming what they turn on: no longer
    asked about, and never answered (the report lists them with the needs left unanswered)."""
    price_heard: bool = False
    """A price was given: only then can the customer object that it is too expensive."""
    last_act: str | None = None


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

    def __init__(
        self, persona: Persona, instance: PersonaInstance, *, reader: Reader | None = None
    ) -> None:
        self.persona = persona
        self.instance = instance
        # The policy acts on a Reading only; a model reader (async ``aread``) is awaited, and the
        # rules reader still reads alongside it so a run can report how often they agree.
        self.reader: Reader = RULES_READER
        self.model_reader: Any = reader if reader is not None and hasattr(reader, "aread") else None
        if reader is not None and self.model_reader is None:
            self.reader = reader
        self.need_views = persona.need_views()
        self.need_types = {need.key: need.types for need in persona.needs}
        self.need_market = {need.key: need.market for need in persona.needs if need.market}
        self.reading: Reading | None = None
        self._why: list[str] = []
        self.bank: PhraseBank = load_phrase_bank(persona.locale)
        # Trial 0 keeps the original seed; later trials redraw the same customer's reactions.
        trial = (instance.trial,) if instance.trial else ()
        self.rng = rng_for(instance.seed, "customer", *trial)
        # Style has its own RNG: it changes how the customer writes, never what it decides.
        self.style_rng = rng_for(instance.seed, "style", *trial)
        self.style_used: set[str] = set()  # the asides already written (each said once)
        self._asked: dict[str, str] = {}  # each need's question, as first asked
        # Patience has its own RNG too: how long it waits never shifts what it says.
        self.patience_rng = rng_for(instance.seed, "patience", *trial)
        self.traits = frozenset(instance.style)
        self.needs = {need.key: need for need in persona.needs}
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
        question = self._fill(self.rng.choice(self.needs[key].ask))
        self._asked.setdefault(key, question)
        return question

    def _repeat_need(self, key: str) -> str:
        """The unanswered question again: "You did not answer my question: …" when it is the
        question asked, "Let me put it another way: …" when the customer rephrases it (the
        need's other question: it never claims to have asked what it did not)."""
        first = self._asked.get(key)
        question = self._ask_need(key)
        if first is None or question == first:
            return self._say("repeat_need", ask=question)
        return self._say("repeat_rephrased", ask=question)

    def _turn(
        self,
        text: str | None,
        act: CustomerAct,
        *,
        end: Outcome | None = None,
        reason: str | None = None,
        why: str | None = None,
    ) -> CustomerTurn:
        low, high = self.persona.pace.think_s
        delay = self.rng.uniform(low, high) * (1.3 if self.instance.verbose else 1.0)
        state = self.state
        if text is not None:
            state.turns += 1
        meta: dict[str, object] = {"act": str(act), "trust": round(state.trust, 3)}
        if act in (CustomerAct.ASK, CustomerAct.REPEAT) and state.pending:
            meta["need"] = state.pending
            if state.pending not in state.voiced:
                state.voiced.append(state.pending)
        if act == CustomerAct.REFUSE and state.pending and state.pending not in state.voiced:
            state.voiced.append(state.pending)
        burst: list[tuple[str, float]] = []
        if text is not None:
            opening = act == CustomerAct.OPEN
            asking = act in (CustomerAct.ASK, CustomerAct.PROBE)
            text = apply_style(
                text,
                self.traits,
                self.persona.locale,
                self.style_rng,
                opening,
                asking=asking,
                used=self.style_used,
            )
            if self.style_rng.random() < self.persona.traits.burst:
                # a hello leads only an opening, "quick question" a question; nothing leads a
                # goodbye or a complaint
                lead = "hello" if opening else "question" if asking else ""
                first, *rest = split_burst(text, self.persona.locale, self.style_rng, lead)
                text = first
                burst = [(part, float(self.style_rng.randint(3, 15))) for part in rest]
        if state.asked_now:
            # a reaction to a request for its contact: how many of its questions had been answered
            meta["contact_asked"] = True
            meta["answered_before"] = state.answered
        if self.reading is not None:
            meta["understood"] = self.reading.to_json()
            self.reading = None
        reasons = [*self._why, why] if why else self._why
        if reasons:
            meta["why"] = "; ".join(reasons)
        self._why = []
        meta["open_needs"] = list(state.open_needs)
        if state.deferred:
            meta["deferred_needs"] = list(state.deferred)
        state.last_act = act
        return CustomerTurn(
            text, act, delay_s=round(delay), end=end, reason=reason, meta=meta, burst=burst
        )

    def _lead_outcome(self) -> Outcome:
        """A contact left by a complaint or a probe closes the conversation, but is no lead."""
        return Outcome.LEAD_CAPTURED if self.persona.intent == "sale" else Outcome.ENDED_NO_LEAD

    # -- policy ----------------------------------------------------------------------------

    def next(
        self, transcript: Transcript, now: datetime
    ) -> CustomerTurn | Awaitable[CustomerTurn | None] | None:
        """React to the agent's latest message(s); the opening when nothing was said yet.

        With a model reader the reading is awaited, so this returns a coroutine; the policy
        after it is the same synchronous code for every reader.
        """
        if not transcript.messages:
            text = self._fill(self.rng.choice(self.persona.opening))
            return self._turn(text, CustomerAct.OPEN)
        last_customer = max(i for i, m in enumerate(transcript.messages) if m.role == "customer")
        replies = [m for m in transcript.messages[last_customer + 1 :] if m.role == "agent"]
        if not replies:
            return None
        waited = (replies[0].ts - transcript.messages[last_customer].ts).total_seconds()
        state = self.state
        if self._gives_up_waiting(waited):
            end = self._lead_outcome() if state.shared else Outcome.CUSTOMER_LEFT
            return self._turn(
                None,
                CustomerAct.LEAVE,
                end=end,
                reason="slow_reply",
                why=f"waited {waited:.0f} s, patience {self.persona.patience.reply_s:.0f} s → left",
            )
        if state.shared:
            return self._turn(
                self._say("goodbye_lead"), CustomerAct.GOODBYE, end=self._lead_outcome()
            )
        text = "\n".join(m.text for m in replies)
        context = self._context(transcript, last_customer)
        if self.model_reader is not None:
            return self._react_later(text, context)
        return self._react(self.reader.read(text, context))

    async def _react_later(self, text: str, context: ReadContext) -> CustomerTurn:
        assert self.model_reader is not None
        reading = await self.model_reader.aread(text, context)
        rules = self.reader.read(text, context)
        turn = self._react(reading)
        turn.meta["understood_rules"] = rules.to_json()
        return turn

    def _context(self, transcript: Transcript, last_customer: int) -> ReadContext:
        messages = transcript.messages
        first = last_customer
        while first > 0 and messages[first - 1].role == "customer":
            first -= 1  # a burst: the customer's latest messages together
        voiced = tuple(k for k in self.state.voiced if k in self.state.open_needs)
        return ReadContext(
            locale=self.persona.locale,
            needs=self.need_views,
            asked=self.state.pending,
            voiced=voiced,
            customer_text=" ".join(m.text for m in messages[first : last_customer + 1]),
            earlier_agent=tuple(m.text for m in messages[:first] if m.role == "agent"),
            industry=self.persona.industry,
        )

    def _gives_up_waiting(self, waited: float) -> bool:
        """Patience is a survival curve, not a cliff: the longer the wait, the likelier it leaves.

        The chance of still being there after ``waited`` seconds is exp(-(waited/reply_s)^4):
        about 0.94 at half the persona's patience, 0.37 at its patience, under 0.01 at 1.5x.
        Every wait also costs trust, growing with its square (``trust.per_wait`` at the full
        patience, a quarter of it at half): a quick reply costs next to nothing.
        """
        patience = self.persona.patience.reply_s
        ratio = max(0.0, waited) / patience
        self.state.trust -= self.persona.trust.per_wait * min(1.0, ratio) ** 2
        self.state.trust = max(0.0, self.state.trust)
        stays = math.exp(-(ratio**PATIENCE_SHAPE))
        return self.patience_rng.random() >= stays

    def _react(self, reading: Reading) -> CustomerTurn:
        state, trust = self.state, self.persona.trust
        self.reading = reading
        why: list[str] = []
        pending = state.pending
        flags = reading.flags
        if Flag.UNREADABLE in flags:
            return self._not_understood("the reply showed nothing readable", "unreadable")
        if Flag.WRONG_LANGUAGE in flags:
            state.trust += trust.per_push / 2
            return self._not_understood("the reply was not in a language I read", "wrong_language")

        answered_now: list[str] = []
        unasked_credit = False
        skimmed = bool(flags & {Flag.WALL, Flag.UNASKED_DUMP})
        for key in reading.answers:
            if key not in state.open_needs:
                continue
            if key == pending or key in state.voiced:
                state.trust += trust.per_answer
            elif skimmed:
                continue  # an unasked answer buried in a wall or a dump goes unnoticed
            else:
                if not unasked_credit:
                    state.trust += trust.per_answer * UNASKED_CREDIT
                    unasked_credit = True
            state.open_needs.remove(key)
            state.answered += 1
            answered_now.append(key)
            if "money" in self.need_types[key]:
                state.price_heard = True
        deferred = (
            pending is not None and reading.deferred == pending and pending in state.open_needs
        )
        if deferred:
            # "I can't judge that yet; it turns on your papers and the deadline": no answer, but no
            # question ignored either; half the credit, and the customer moves on (_deferral.py)
            state.open_needs.remove(pending)
            state.deferred.append(pending)
            state.trust += trust.per_answer * DEFERRAL_CREDIT
        if pending is not None:
            if pending in answered_now:
                why.append(f"asked {pending}; answered: {reading.evidence.get(pending, '')[:60]}")
            elif deferred:
                why.append(
                    f"asked {pending}; the reply said it cannot be judged yet and what it turns"
                    f" on ({reading.evidence.get('deferred', '')[:40]}) → deferred, half credit"
                )
            elif pending in state.open_needs:
                why.append(f"asked {pending}; {self._no_answer_reason(reading, pending)}")
        for key in answered_now:
            if key != pending:
                why.append(f"also answered {key}")
        for flag, cost in self._flag_costs(reading):
            state.trust += cost
            why.append(f"{flag} → trust {cost:+.2f}")
        pending_answered = pending is None or pending not in state.open_needs
        if reading.has(Act.SHOWS_EMPATHY) and state.empathy_seen < 2:
            state.empathy_seen += 1
            state.trust += trust.per_empathy
        if reading.has(Act.PRESSURES):
            state.trust += trust.per_push
            why.append(
                f"pressured ('{reading.evidence.get(Act.PRESSURES, '')[:40]}')"
                f" → trust {trust.per_push:+.2f}"
            )
        if reading.has(Act.PROMISES):
            cost = trust.per_push if state.last_act == CustomerAct.PROBE else PROMISE_COST
            state.trust += cost
            why.append(f"promised an outcome → suspicious, trust {cost:+.2f}")
        if reading.amounts and pending is not None:
            market = self.need_market.get(pending)
            if market and (
                min(reading.amounts) < market[0] / 3 or max(reading.amounts) > market[1] * 3
            ):
                state.trust += trust.per_push / 2
                why.append(
                    f"price {min(reading.amounts):g} far outside {market[0]:g}–{market[1]:g}"
                    " → suspicious"
                )
        asked_contact = reading.solicits_contact()
        state.asked_now = asked_contact
        state.asked_kind = reading.contact_kind if asked_contact else None
        gives_reason = reading.has(Act.GIVES_REASON)
        if asked_contact:
            state.contact_asks += 1
            invited = state.ready_said  # the customer asked how to proceed: asking is no push
            if not invited and (state.refusals > 0 or state.answered == 0):
                state.trust += trust.per_push  # asked again after a refusal, or before any answer
                why.append(
                    "asked for my contact "
                    + ("again after a refusal" if state.refusals else "before answering anything")
                )
            if gives_reason and not state.reason_credited:
                state.reason_credited = True
                state.trust += trust.per_reason
            if reading.has(Act.ASKS_CONSENT) and not state.consent_credited:
                state.consent_credited = True
                state.trust += trust.per_empathy
        state.trust = min(1.0, max(0.0, state.trust))
        self._why = why

        if asked_contact or (state.ready_said and (gives_reason or reading.next_step)):
            if self.instance.shares_contact and state.trust >= self.threshold - 1e-9:
                why.append(f"trust {state.trust:.2f} ≥ {self.threshold:.2f} → shared contact")
                return self._share()
            if asked_contact:
                why.append(
                    "never shares in chat"
                    if not self.instance.shares_contact
                    else f"trust {state.trust:.2f} < {self.threshold:.2f} → refused"
                )
                return self._refuse(left_unanswered=not pending_answered)
            # offered a next step but not asked for a contact: nothing to refuse, it goes on
            why.append(f"trust {state.trust:.2f} < {self.threshold:.2f}, not asked → went on")
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
                self._repeat_need(state.pending or ""),
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
            return self._continue(acknowledge=bool(answered_now) or deferred)
        return self._wrap_up()

    def _no_answer_reason(self, reading: Reading, pending: str) -> str:
        flags = reading.flags
        if Flag.ECHO in flags:
            return "the reply only echoed my message → unanswered"
        if Flag.FRAGMENTED in flags:
            return "the reply was a list of words, not an answer → unanswered"
        if Flag.OFF_TOPIC in flags:
            return "the reply was off topic → unanswered"
        kinds = "/".join(self.need_types[pending])
        return f"the reply held no {kinds} information about it → unanswered"

    def _flag_costs(self, reading: Reading) -> list[tuple[str, float]]:
        costs = []
        for flag in (
            Flag.WALL,
            Flag.UNASKED_DUMP,
            Flag.ECHO,
            Flag.REPEATS,
            Flag.FRAGMENTED,
            Flag.OFF_TOPIC,
        ):
            if flag in reading.flags:
                cost = FLAG_COSTS[flag]
                if flag == Flag.WALL and reading.chars > 3 * SOFT_LIMIT[self.persona.locale]:
                    cost *= 2
                costs.append((str(flag), cost))
        return costs

    def _not_understood(self, why: str, reason: str) -> CustomerTurn:
        """Nothing the customer could read: it nudges, and leaves once its patience is used up."""
        state = self.state
        state.unanswered += 1
        self._why = [why]
        if state.unanswered >= self.persona.patience.unanswered:
            return self._turn(
                self._say("leave_ignored"),
                CustomerAct.LEAVE,
                end=Outcome.CUSTOMER_LEFT,
                reason=reason,
            )
        return self._turn(self._say("nudge"), CustomerAct.NUDGE)

    def _continue(self, acknowledge: bool) -> CustomerTurn:
        state, behaviour = self.state, self.persona.behaviour
        if (
            state.answered
            and not state.objected
            and self.persona.objections
            and self.rng.random() < behaviour.object
        ):
            # "too expensive" only once a price was given; other objections at any time
            fitting = [
                o
                for o in self.persona.objections
                if state.price_heard or not _PRICE_OBJECTION.search(o)
            ]
            if fitting:
                state.objected = True
                state.pending = None
                return self._turn(self._fill(self.rng.choice(fitting)), CustomerAct.OBJECT)
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

    def _refuse(self, left_unanswered: bool) -> CustomerTurn:
        """Decline the contact asked for; ``left_unanswered``: the reply asking for it left the
        question just asked unanswered, so the refusal may say "answer my question first"."""
        state = self.state
        state.refusals += 1
        if state.refusals > self.persona.patience.refusals:
            return self._turn(
                self._say("leave_declined"),
                CustomerAct.LEAVE,
                end=Outcome.CUSTOMER_DECLINED,
                reason="pushed",
            )
        lines = self._lines("refuse_contact" if state.refusals == 1 else "refuse_again")
        if not left_unanswered:
            # "answer my question first" only when the reply did leave it unanswered
            lines = [line for line in lines if not _DEMANDS_ANSWER.search(line)] or lines
        refusal = self._name_contact(self._fill(self.rng.choice(lines)))
        if state.pending not in state.open_needs:
            state.pending = state.open_needs[0] if state.open_needs else None
        question = self._ask_need(state.pending) if state.pending else ""
        return self._turn(self._join(refusal, question), CustomerAct.REFUSE)

    def _name_contact(self, refusal: str) -> str:
        """A refusal speaks of the contact that was asked for (WeChat, not "my number")."""
        kind = self.state.asked_kind
        if kind == "wechat":
            if self.persona.locale == "zh_CN":
                refusal = refusal.replace("打电话", "加微信").replace("接电话", "回微信")
                return re.sub("(手机号|电话号码|电话|号码|手机)", "微信", refusal)
            return re.sub(r"\b(phone number|number|phone)\b", "WeChat", refusal)
        if kind == "email":
            if self.persona.locale == "zh_CN":
                return re.sub("(手机号|电话号码|电话|号码|手机)", "邮箱", refusal)
            return re.sub(r"\b(phone number|number|phone)\b", "email", refusal)
        return refusal
