"""Phrase matching: the fuzzy screen must never change what a matcher finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from simulator.text import FUZZY_CUTOFF, PhraseMatcher, _best_fuzzy, _screen, match_each

# A small alphabet so that random phrases and texts often come close to each other.
_CHARS = st.sampled_from("abcde 价格多少钱")
_PHRASE = st.text(_CHARS, min_size=5, max_size=12)
_TEXT = st.text(_CHARS, min_size=0, max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, phrases=st.lists(_PHRASE, min_size=1, max_size=6))
def test_screen_keeps_every_phrase_that_reaches_the_cutoff(text: str, phrases: list[str]) -> None:
    """The screened best match is extractOne's over all phrases, near misses included."""
    expected = process.extractOne(text, phrases, scorer=fuzz.partial_ratio, score_cutoff=90.0)
    found = _best_fuzzy(text, _screen(text, phrases))
    assert found == (None if expected is None else expected[0])
    for phrase in phrases:
        if fuzz.partial_ratio(text, phrase) >= FUZZY_CUTOFF:
            assert phrase in _screen(text, [phrase])


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, banks=st.lists(st.lists(_PHRASE, min_size=1, max_size=4), max_size=5))
def test_match_each_answers_as_each_matcher_would(text: str, banks: list[list[str]]) -> None:
    matchers = [PhraseMatcher.build(phrases) for phrases in banks]
    assert match_each(matchers, text) == [_unscreened_match(m, text) for m in matchers]


def _unscreened_match(matcher: PhraseMatcher, text: str) -> bool:
    """What a matcher found before the screen: substrings, then extractOne over every phrase."""
    if any(phrase in text for phrase in matcher.phrases):
        return True
    best = process.extractOne(text, matcher.fuzzy, scorer=fuzz.partial_ratio, score_cutoff=90.0)
    return bool(matcher.fuzzy) and best is not None


def test_a_typo_still_matches_a_long_phrase() -> None:
    matcher = PhraseMatcher.build(["how much does it cost"])
    assert matcher.matches("so how much dose it cost?")
    assert not matcher.matches("what time do you open")
