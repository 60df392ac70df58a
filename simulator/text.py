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

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from simulator.yamlsafe import load_yaml

FUZZY_CUTOFF = 90.0
"""partial_ratio needed for a fuzzy phrase match (tolerates a typo in a longer phrase)."""
FUZZY_MIN_CHARS = 5
"""Shorter phrases must match exactly: a fuzzy 3-character match is mostly noise."""
_SCREEN_MARGIN = 0.1
"""The screen keeps phrases whose bound is this close under the cutoff (float rounding)."""


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """NFKC (fullwidth -> halfwidth), lower case, collapsed white space.

    Cached: the reference agents normalise the whole customer history on every turn."""
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
        return _best_fuzzy(normalized_text, _screen(normalized_text, self.fuzzy))

    def exact(self, normalized_text: str) -> bool:
        """Whether a phrase is a substring of ``normalized_text`` or a pattern is found in it."""
        for phrase in self.phrases:  # a plain loop: this runs for every entry of a knowledge base
            if phrase in normalized_text:
                return True
        return any(pattern.search(normalized_text) for pattern in self.patterns)

    def matches(self, normalized_text: str) -> bool:
        """Whether anything in this matcher is found in ``normalized_text``."""
        return self.find(normalized_text) is not None


@lru_cache(maxsize=65536)
def _find(matcher: PhraseMatcher, normalized_text: str) -> str | None:
    return matcher._find(normalized_text)


def match_each(matchers: Sequence[PhraseMatcher], normalized_text: str) -> list[bool]:
    """``[m.matches(normalized_text) for m in matchers]``, with one screen for all their fuzzy
    phrases: a knowledge base asks a dozen matchers about every customer message."""
    found = [matcher.exact(normalized_text) for matcher in matchers]
    unsettled = [i for i, hit in enumerate(found) if not hit and matchers[i].fuzzy]
    phrases = [phrase for i in unsettled for phrase in matchers[i].fuzzy]
    kept = set(_screen(normalized_text, phrases))
    for i in unsettled:
        candidates = [phrase for phrase in matchers[i].fuzzy if phrase in kept]
        found[i] = _best_fuzzy(normalized_text, candidates) is not None
    return found


def _screen(normalized_text: str, phrases: Sequence[str]) -> list[str]:
    """The ``phrases`` whose partial_ratio with ``normalized_text`` could reach the cutoff.

    partial_ratio scores the shorter string (length ``s``) against parts of the longer one, each
    part ``w`` as 200 * LCS(shorter, w) / (s + len(w)); since LCS(shorter, w) is at most both
    ``len(w)`` and M, the LCS of the two whole strings, no part scores above 200 * M / (s + M).
    M for every phrase is one C pass, far cheaper than the alignments, and rules out almost every
    phrase (fuzzy matching was ~6% of an offline run, and nearly all of it said no).
    """
    if not phrases:
        return []
    common = process.cdist([normalized_text], phrases, scorer=LCSseq.similarity)[0].tolist()
    length = len(normalized_text)
    kept = []
    for phrase, m in zip(phrases, common, strict=True):
        shorter = min(length, len(phrase))
        if m and 200 * m / (shorter + m) >= FUZZY_CUTOFF - _SCREEN_MARGIN:
            kept.append(phrase)
    return kept


def _best_fuzzy(normalized_text: str, phrases: Sequence[str]) -> str | None:
    """The best of ``phrases`` at or above the cutoff (the first of equals), else None."""
    if not phrases:
        return None
    best = process.extractOne(
        normalized_text, phrases, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF
    )
    return None if best is None else str(best[0])


@dataclass(frozen=True)
class PhraseBank:
    """A locale's customer phrase bank: what it recognises in agent messages and what it says."""

    locale: str
    understand: dict[str, PhraseMatcher]
    say: dict[str, tuple[str, ...]]
    phone_formats: tuple[str, ...]


@cache
def phrase_bank_data(locale: str) -> dict[str, Any]:
    """The shipped phrase bank file of ``locale`` as plain data, parsed once per process (the
    phrase matchers and the style section both read it)."""
    resource = resources.files("simulator.phrasebanks") / f"{locale}.yaml"
    data: dict[str, Any] = load_yaml(resource.read_text(encoding="utf-8"))
    return data


@cache
def load_phrase_bank(locale: str) -> PhraseBank:
    """The shipped phrase bank of ``locale``, compiled once per process."""
    data = phrase_bank_data(locale)
    understand = {
        act: PhraseMatcher.build(spec.get("phrases", []), spec.get("patterns", []))
        for act, spec in data["understand"].items()
    }
    say = {act: tuple(lines) for act, lines in data["say"].items()}
    return PhraseBank(locale, understand, say, tuple(data["phone_formats"]))


def any_in(normalized_text: str, phrases: Sequence[str]) -> bool:
    """Plain substring test for short marker lists (phrases must already be normalised)."""
    return any(p in normalized_text for p in phrases)
