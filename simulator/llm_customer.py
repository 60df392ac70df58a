"""Customers played by a chat model, and the fidelity checks that keep them honest.

The persona spec becomes the customer's prompt: who it is, what it wants to know, its hidden true
contact and when it may share it, its patience, and how to end (the ``<END>`` marker). Patience is
enforced by the engine's clock exactly as for the scripted customer: a reply later than
``patience.reply_s`` finds the customer gone, whatever the model would have said.

An LLM customer can drift: start selling, give its number before anyone asked, switch language
or identity, or never end. Swapping the customer model alone can move a benchmark by many points,
so :func:`check_fidelity` measures each conversation and the summary reports the rates per
customer model.
"""

from __future__ import annotations

import random
import re
from datetime import datetime
from typing import Any

from simulator.contacts import find_contacts
from simulator.customers import CustomerAct, CustomerTurn
from simulator.llm import ChatClient
from simulator.models import Outcome, PersonaInstance, Transcript
from simulator.seeding import rng_for
from simulator.specs import Persona
from simulator.text import load_phrase_bank, normalize

END_MARKER = "<END>"
LANGUAGE = {
    "zh_CN": "Simplified Chinese, as people write in WeChat/Douyin DMs",
    "en_US": "US English",
}
OPENING_CUE = "(The chat window is open. Write your first message to the business.)"


def customer_prompt(persona: Persona, instance: PersonaInstance) -> str:
    """The system prompt of an LLM customer, from the persona spec and the sampled instance."""
    needs = {need.key: need for need in persona.needs}
    asks = "\n".join(f"- ASK: {needs[key].ask[0]}" for key in instance.needs)
    details = ", ".join(f"{k}: {v}" for k, v in instance.details.items()) or "none"
    answered_needed = max(1, len(instance.needs) // 2)
    intent = (
        "You genuinely need this service and may buy if you are treated well."
        if instance.qualified
        else "You are only curious and unlikely to buy."
    )
    return f"""ROLE: customer
You are a CUSTOMER writing private messages to a local business ({persona.industry}). Stay in
character. You are not the business: never offer services, prices, advice or appointments.

Who you are: {instance.name}, age {instance.age}, in {instance.city}. {persona.summary}
Details: {details}. {intent}

What you want to know, one question per message, in your own words:
{asks}

Your phone number is PHONE: {instance.phone}. It is private. Share it only when at least
{answered_needed} of your questions have been answered well AND the business asks for it or
offers a callback, quote or appointment with a reason. If they push for it earlier, refuse
politely and ask your question again. Never invent another number or name.

Patience: if your questions are ignored twice, or you are pushed repeatedly, say so and leave.
Write short, natural messages in {LANGUAGE.get(persona.locale, persona.locale)}, one at a time.
When the conversation is over for you (you left your number and said goodbye, or you give up),
end that last message with {END_MARKER}."""


class LLMCustomer:
    """A customer whose words come from a chat model; time and patience stay the engine's."""

    def __init__(
        self, persona: Persona, instance: PersonaInstance, client: ChatClient, attempt: int = 0
    ) -> None:
        self.persona = persona
        self.instance = instance
        self.client = client
        self.attempt = attempt
        self.prompt = customer_prompt(persona, instance)
        self.rng: random.Random = rng_for(instance.seed, "llm-customer", attempt, instance.trial)
        self.turns = 0

    def _messages(self, transcript: Transcript) -> list[tuple[str, str]]:
        messages: list[tuple[str, str]] = [("system", self.prompt)]
        if not transcript.messages:
            messages.append(("human", OPENING_CUE))
        for message in transcript.messages:
            if message.role == "agent":
                messages.append(("human", message.text))
            elif message.role == "customer":
                messages.append(("ai", message.text))
        return messages

    async def next(self, transcript: Transcript, now: datetime) -> CustomerTurn | None:
        """The model's next message, or the customer leaving when the reply came too late."""
        if transcript.messages:
            last = max(i for i, m in enumerate(transcript.messages) if m.role == "customer")
            replies = [m for m in transcript.messages[last + 1 :] if m.role == "agent"]
            if not replies:
                return None
            waited = (replies[0].ts - transcript.messages[last].ts).total_seconds()
            if waited > self.persona.patience.reply_s:
                shared = _shared_contact(transcript, self.instance)
                end = Outcome.LEAD_CAPTURED if shared else Outcome.CUSTOMER_LEFT
                return CustomerTurn(None, CustomerAct.LEAVE, end=end, reason="slow_reply")
            if self.turns >= self.persona.patience.max_turns:
                return CustomerTurn(
                    None, CustomerAct.LEAVE, end=Outcome.MAX_TURNS, reason="max_turns"
                )
        completion = await self.client.complete(
            self._messages(transcript),
            seed=(self.instance.seed, "customer", self.attempt, self.instance.trial),
        )
        text = completion.text.strip()
        ended = END_MARKER in text
        text = text.replace(END_MARKER, "").strip()
        low, high = self.persona.pace.think_s
        meta: dict[str, Any] = {"act": "llm", "end_signal": ended, "usage": completion.usage()}
        if not text:
            end = (
                Outcome.LEAD_CAPTURED
                if _shared_contact(transcript, self.instance)
                else (Outcome.ENDED_NO_LEAD if ended else Outcome.CUSTOMER_SILENT)
            )
            return CustomerTurn(None, CustomerAct.SILENT, end=end, reason="ended", meta=meta)
        self.turns += 1
        end = None
        reason = None
        if ended:
            shared = _shared_contact(transcript, self.instance) or bool(
                find_contacts(text, self.persona.locale)
            )
            end = Outcome.LEAD_CAPTURED if shared else Outcome.ENDED_NO_LEAD
            reason = "ended"
        return CustomerTurn(
            text,
            CustomerAct.GOODBYE if ended else CustomerAct.ASK,
            delay_s=round(self.rng.uniform(low, high)),
            end=end,
            reason=reason,
            meta=meta,
        )


def _shared_contact(transcript: Transcript, instance: PersonaInstance) -> bool:
    locale = transcript.locale or "zh_CN"
    return any(
        find_contacts(m.text, locale) for m in transcript.messages if m.role == "customer"
    ) or instance.phone in "".join(m.text for m in transcript.messages if m.role == "customer")


# --- fidelity ---------------------------------------------------------------------------------

FIDELITY_FLAGS = ("role_inversion", "early_contact_leak", "broke_persona", "no_end_signal")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _wrong_language(text: str, locale: str) -> bool:
    cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
    if cjk + latin < 6:
        return False
    share_cjk = cjk / (cjk + latin)
    return share_cjk < 0.3 if locale == "zh_CN" else share_cjk > 0.3


def check_fidelity(transcript: Transcript, truth_phone: str | None) -> dict[str, bool]:
    """Flags for one LLM-customer conversation, and ``faithful`` when none is raised.

    - ``role_inversion``: the customer writes like the business (offers, "our clinic", asks for
      the agent's number as a salesperson would);
    - ``early_contact_leak``: its true number appears before the agent asked for a contact or
      offered a reason (callback, quote, appointment);
    - ``broke_persona``: it writes in the other locale's language, or gives a number that is not
      its own;
    - ``no_end_signal``: the conversation ran out (turn limit, silence) without the model ever
      ending it with the end marker.
    """
    locale = transcript.locale or "zh_CN"
    understand = load_phrase_bank(locale).understand
    flags = dict.fromkeys(FIDELITY_FLAGS, False)
    invited = False
    for message in transcript.messages:
        text = normalize(message.text)
        if message.role == "agent":
            if understand["asks_contact"].matches(text) or understand["gives_reason"].matches(text):
                invited = True
            continue
        if message.role != "customer":
            continue
        if understand["business_voice"].matches(text):
            flags["role_inversion"] = True
        contacts = [c for c in find_contacts(message.text, locale) if c.kind == "phone"]
        if contacts and not invited:
            flags["early_contact_leak"] = True
        if truth_phone and any(c.value != truth_phone for c in contacts):
            flags["broke_persona"] = True
        if _wrong_language(message.text, locale):
            flags["broke_persona"] = True
    ended = any(m.meta.get("end_signal") for m in transcript.messages if m.role == "customer")
    if not ended and transcript.outcome in (Outcome.MAX_TURNS, Outcome.CUSTOMER_SILENT):
        flags["no_end_signal"] = True
    return {**flags, "faithful": not any(flags.values())}
