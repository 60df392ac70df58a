"""Text normalisation and phrase matching shared by the simulated customer and the reference agents.

Matching is deliberately simple and explainable: a phrase matches when it is a substring of the
normalised text, or (for phrases long enough that fuzzy matching means something) when rapidfuzz's
``partial_ratio`` reaches :data:`FUZZY_CUTOFF`; regex patterns cover what phrases cannot.
Matchers are compiled once and cached, never rebuilt per conversation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 90.0
"""partial_ratio needed for a fuzzy phrase match (tolerates a typo in a longer phrase)."""
FUZZY_MIN_CHARS = 5
"""Shorter phrases must match exactly: a fuzzy 3-character match is mostly noise."""


def normalize(text: str) -> str:
    """NFKC (fullwidth -> halfwidth), lower case, collapsed white space."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@dataclass(frozen=True, eq=False)
class PhraseMatcher:
    """A compiled set of phrases and regexes that recognise one thing in a message."""

    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    fuzzy: tuple[str, ...] = ()
    """The phrases long enough for fuzzy matching."""

    @classmethod
    def build(cls, phrases: Iterable[str], patterns: Iterable[str] = ()) -> PhraseMatcher:
        """Normalise phrases and compile patterns once."""
        unique = tuple(dict.fromkeys(normalize(p) for p in phrases if p.strip()))
        return cls(
            phrases=unique,
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in patterns),
            fuzzy=tuple(p for p in unique if len(p) >= FUZZY_MIN_CHARS),
        )

    def find(self, normalized_text: str) -> str | None:
        """The first phrase or pattern that matches ``normalized_text`` (already normalised).

        Cached per matcher and text (matchers hash by identity: they are built once per
        process), since the reference agents re-read the whole history every turn."""
        return _find(self, normalized_text)

    def _find(self, normalized_text: str) -> str | None:
        for phrase in self.phrases:
            if phrase in normalized_text:
                return phrase
        for pattern in self.patterns:
            found = pattern.search(normalized_text)
            if found:
                return found.group(0)
        if self.fuzzy:
            # one C call over all long phrases instead of a Python loop (the hot path)
            best = process.extractOne(
                normalized_text, self.fuzzy, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                return str(best[0])
        return None

    def matches(self, normalized_text: str) -> bool:
        """Whether anything in this matcher is found in ``normalized_text``."""
        return self.find(normalized_text) is not None


@lru_cache(maxsize=65536)
def _find(matcher: PhraseMatcher, normalized_text: str) -> str | None:
    return matcher._find(normalized_text)


@dataclass(frozen=True)
class PhraseBank:
    """A locale's customer phrase bank: what it recognises in agent messages and what it says."""

    locale: str
    understand: dict[str, PhraseMatcher]
    say: dict[str, tuple[str, ...]]
    phone_formats: tuple[str, ...]


@cache
def load_phrase_bank(locale: str) -> PhraseBank:
    """The shipped phrase bank of ``locale``, compiled once per process."""
    resource = resources.files("simulator.phrasebanks") / f"{locale}.yaml"
    data: dict[str, Any] = yaml.safe_load(resource.read_text(encoding="utf-8"))
    understand = {
        act: PhraseMatcher.build(spec.get("phrases", []), spec.get("patterns", []))
        for act, spec in data["understand"].items()
    }
    say = {act: tuple(lines) for act, lines in data["say"].items()}
    return PhraseBank(locale, understand, say, tuple(data["phone_formats"]))


def any_in(normalized_text: str, phrases: Sequence[str]) -> bool:
    """Plain substring test for short marker lists (phrases must already be normalised)."""
    return any(p in normalized_text for p in phrases)
