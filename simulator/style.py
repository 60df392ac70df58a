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
_SPLIT = re.compile(r"(?<=[，,？?。！!])\s*")


@dataclass(frozen=True)
class StyleBank:
    """A locale's style material."""

    emoji: tuple[str, ...]
    slang: dict[str, str]
    dialect: dict[str, str]
    typos: dict[str, str]
    fillers: tuple[str, ...]
    terse_drop: tuple[str, ...]
    burst_lead: tuple[str, ...]
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
        terse_drop=tuple(data.get("terse_drop", [])),
        burst_lead=tuple(data.get("burst_lead", [])),
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


def apply_style(
    text: str, traits: frozenset[str], locale: str, rng: random.Random, opening: bool = False
) -> str:
    """``text`` as this customer would type it.

    An ``opening`` message gets no conversational opener: "One more thing -" or "Also," cannot
    start a conversation.
    """
    bank = style_bank(locale)
    if "terse" in traits:
        for prefix in bank.terse_drop:
            if text.startswith(prefix) and len(text) > len(prefix) + 2:
                text = text[len(prefix) :].lstrip()
                break
    if "verbose" in traits and bank.fillers and rng.random() < 0.4:
        text = rng.choice(bank.fillers) + bank.joiner + text
    if "slang" in traits and rng.random() < 0.7:
        text = _substitute(text, bank.slang, rng, 2)
    if "dialect" in traits and rng.random() < 0.7:
        text = _substitute(text, bank.dialect, rng, 2)
    if "typos" in traits and rng.random() < 0.5:
        text = _substitute(text, bank.typos, rng, 1)
    # Everyone varies a little: how a question starts and how it ends.
    if bank.openers and rng.random() < 0.3 and not re.search(r"\d{4}", text) and not opening:
        opener = rng.choice(bank.openers)
        lower_first = opener[-1].isalpha() and bank.joiner
        text = opener + bank.joiner + (text[0].lower() + text[1:] if lower_first else text)
    for ending, variants in bank.endings.items():
        if text.endswith(ending) and rng.random() < 0.35:
            text = text[: -len(ending)] + rng.choice(variants)
            break
    if "emoji" in traits and bank.emoji and rng.random() < 0.6:
        text = text + rng.choice(bank.emoji)
    return text


def split_burst(text: str, locale: str, rng: random.Random) -> list[str]:
    """Two or three messages instead of one: split at a clause, or lead with a short hello."""
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) >= 2 and not any(re.search(r"\d{4}", p) for p in parts):
        cut = rng.randint(1, len(parts) - 1)
        joiner = style_bank(locale).joiner
        return [joiner.join(parts[:cut]), joiner.join(parts[cut:])]
    bank = style_bank(locale)
    if bank.burst_lead:
        return [rng.choice(bank.burst_lead), text]
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
