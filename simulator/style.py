"""Customer writing style: the same archetype written by different people.

A sampled customer carries a few traits (terse, verbose, typos, emoji, slang, dialect); this
module applies them to each message it writes, using the locale's phrase bank ``style`` section,
and sometimes splits a message into a burst of two or three, as people do in DMs. A separate,
seeded RNG is used, so style never changes what the customer decides, only how it writes, and
digits (phone numbers) are never altered.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from simulator.text import phrase_bank_data

TRAITS = ("terse", "verbose", "typos", "emoji", "slang", "dialect")
_GREETING = re.compile(
    r"(hi|hey|hello|good (morning|afternoon|evening))\b|你好|您好|在吗|哈喽", re.I
)
"""A message that starts by greeting: an aside goes after the hello, so none is put before it."""
_SPLIT = re.compile(r"(?<=[，,？?。！!])\s*")


@dataclass(frozen=True)
class StyleBank:
    """A locale's style material."""

    emoji: tuple[str, ...]
    slang: dict[str, str]
    dialect: dict[str, str]
    typos: dict[str, str]
    fillers: tuple[str, ...]
    opening_fillers: tuple[str, ...]
    """Asides that only introduce a conversation ("My friend recommended you.")."""
    terse_drop: tuple[str, ...]
    burst_lead: tuple[str, ...]
    question_lead: tuple[str, ...]
    """What leads a question's burst mid-conversation ("quick question"; a hello would not)."""
    openers: tuple[str, ...]
    endings: dict[str, list[str]]
    joiner: str


@cache
def style_bank(locale: str) -> StyleBank:
    """The ``style`` section of a locale's phrase bank."""
    data: dict[str, Any] = phrase_bank_data(locale).get("style", {})
    return StyleBank(
        emoji=tuple(data.get("emoji", [])),
        slang=dict(data.get("slang") or {}),
        dialect=dict(data.get("dialect") or {}),
        typos=dict(data.get("typos") or {}),
        fillers=tuple(data.get("fillers", [])),
        opening_fillers=tuple(data.get("opening_fillers", [])),
        terse_drop=tuple(data.get("terse_drop", [])),
        burst_lead=tuple(data.get("burst_lead", [])),
        question_lead=tuple(data.get("question_lead", [])),
        openers=tuple(data.get("openers", [])),
        endings=dict(data.get("endings") or {}),
        joiner="" if locale == "zh_CN" else " ",
    )


def _substitute(text: str, table: dict[str, str], rng: random.Random, at_most: int) -> str:
    candidates = [word for word in table if word in text]
    rng.shuffle(candidates)
    for word in candidates[:at_most]:
        if re.search(r"\d", word):
            continue
        if re.fullmatch(r"[A-Za-z ']+", word):
            text = re.sub(rf"\b{re.escape(word)}\b", table[word], text, count=1)
        else:
            text = text.replace(word, table[word], 1)
    return text


def _lead_in(words: str, text: str, joiner: str) -> str:
    """``words`` put before ``text``: "Also, will it hurt?" lowercases the question after a
    comma or a word ("Quick q: Will it hurt?" keeps its capital; so does "I"), and a sentence
    before it ends where the question starts with a capital."""
    if not joiner or not text:
        return words + text
    if re.search(r"[.!?]$", words):  # "I asked around already. Is it painful?"
        return words + joiner + text[0].upper() + text[1:]
    lower = (words[-1].isalpha() or words[-1] == ",") and not re.match(r"I\b", text)
    return words + joiner + (text[0].lower() + text[1:] if lower else text)


def apply_style(
    text: str,
    traits: frozenset[str],
    locale: str,
    rng: random.Random,
    opening: bool = False,
    asking: bool = True,
    used: set[str] | None = None,
) -> str:
    """``text`` as this customer would type it.

    A question's opener ("Also,", "One more thing -", 再问一句) starts only a message that
    ``asking`` a new question: not the ``opening`` message, nor a goodbye ("Btw ok thanks."), a
    complaint or a refusal. A verbose customer's aside ("I asked a couple of other places
    already.") comes with the opening or a question, and once a conversation (``used`` keeps the
    ones said). The draws are the same either way, so leaving one out changes nothing else.
    """
    bank = style_bank(locale)
    if "terse" in traits:
        for prefix in bank.terse_drop:
            if text.startswith(prefix) and len(text) > len(prefix) + 2:
                text = text[len(prefix) :].lstrip()
                break
    # asides and openers go after a short acknowledgement ("Got it. Also, how many visits?"),
    # and not at all inside one that runs on ("I see, is it painful?", 明白了，…)
    ack = next((a for a in bank.terse_drop if text.startswith(a) and len(text) > len(a)), "")
    runs_on = bool(ack) and not re.search(r"[.!?。！？]\s*$", ack)
    text = text[len(ack) :].lstrip()
    filled = False  # one lead-in a message: no "Also, sorry, I'm new to this."
    if "verbose" in traits and bank.fillers and rng.random() < 0.4:
        filler = rng.choice(bank.fillers + bank.opening_fillers if opening else bank.fillers)
        if (
            (opening or asking)
            and not runs_on
            and (used is None or filler not in used)
            and not _GREETING.match(text)  # not "Just want to understand. Hey, saw your ad"
        ):
            text = _lead_in(filler, text, bank.joiner)
            filled = True
            if used is not None:
                used.add(filler)
    if "slang" in traits and rng.random() < 0.7:
        text = _substitute(text, bank.slang, rng, 2)
    if "dialect" in traits and rng.random() < 0.7:
        text = _substitute(text, bank.dialect, rng, 2)
    if "typos" in traits and rng.random() < 0.5:
        text = _substitute(text, bank.typos, rng, 1)
    # Everyone varies a little: how a question starts and how it ends.
    if bank.openers and rng.random() < 0.3 and not re.search(r"\d{4}", text) and not opening:
        opener = rng.choice(bank.openers)
        if asking and not runs_on and not filled:
            text = _lead_in(opener, text, bank.joiner)
    if ack:
        text = ack.rstrip() + bank.joiner + text if bank.joiner else ack + text
    for ending, variants in bank.endings.items():
        if text.endswith(ending) and rng.random() < 0.35:
            text = text[: -len(ending)] + rng.choice(variants)
            break
    if "emoji" in traits and bank.emoji and rng.random() < 0.6:
        text = text + rng.choice(bank.emoji)
    return text


def _says_something(part: str, locale: str) -> bool:
    """Whether a burst's part is a message of its own, not an opener cut off ("Also,", 再问一句)."""
    bank = style_bank(locale)
    if part.strip() in bank.openers or part.strip() in bank.fillers:
        return False
    if locale == "zh_CN":
        return len(re.findall(r"[\u4e00-\u9fff]", part)) >= 3
    return len(re.findall(r"[A-Za-z0-9']+", part)) >= 2


def split_burst(text: str, locale: str, rng: random.Random, lead: str = "hello") -> list[str]:
    """Two or three messages instead of one: split at a clause, or lead with a short message:
    ``lead`` "hello" (an opening: "hi", 在吗), "question" (a question mid-conversation: "quick
    question", 问一下) or "" (none: a goodbye or a complaint is not led by "hi"). A part is never an
    opener alone ("Also," then the question)."""
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) >= 2 and not any(re.search(r"\d{4}", p) for p in parts):
        cut = rng.randint(1, len(parts) - 1)
        joiner = style_bank(locale).joiner
        cuts = [
            c
            for c in range(1, len(parts))
            if _says_something(joiner.join(parts[:c]), locale)
            and _says_something(joiner.join(parts[c:]), locale)
        ]
        if cuts:
            cut = cut if cut in cuts else cuts[0]
            return [joiner.join(parts[:cut]), joiner.join(parts[cut:])]
    bank = style_bank(locale)
    leads = {"hello": bank.burst_lead, "question": bank.question_lead}.get(lead, ())
    if leads:
        return [rng.choice(leads), text]
    return [text]


def sample_traits(chances: dict[str, float], locale: str, rng: random.Random) -> list[str]:
    """Which traits one customer has (dialect only where the locale has dialect words)."""
    chosen = []
    for trait in TRAITS:
        if trait == "dialect" and not style_bank(locale).dialect:
            continue
        if rng.random() < chances.get(trait, 0.0):
            chosen.append(trait)
    if "terse" in chosen and "verbose" in chosen:
        chosen.remove(rng.choice(["terse", "verbose"]))
    return chosen
