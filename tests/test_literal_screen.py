"""Literal screens rule texts out only when a pattern could not have matched them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from simulator.literal_screen import necessary_literals, passes, union_of_literals
from simulator.rubrics import Screens, counted_matches, load_rubrics

LABELLED = Path(__file__).parent / "fixtures" / "labelled"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"guarantee", {"guarantee"}),
        (r"\bGuarantee[sd]?\b", {"guarantee"}),
        (r"(包|保)(过|证)", {"包过", "包证", "保过", "保证"}),
        (r"\d+\s*元", {"元"}),
        (r"(?<!不)一定(能|会)", {"一定能", "一定会"}),
        (r"(?:100|一百)\s*%", {"100", "一百"}),
        (r"no (extra|hidden) (fees?|charges?)", {"no extra ", "no hidden "}),
        (r"(best|top)\s+in\s+town", {"town"}),
        (r"a?b*", None),
        (r"\d+", None),
        (r"(?:guarantee|\w+ly sure)", {"guarantee", "ly sure"}),
        (r"(?:guarantee|\w+)", None),
    ],
)
def test_the_literals_a_pattern_cannot_match_without(pattern, expected):
    found = necessary_literals(pattern)
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I GUARANTEE it",
        "I guarantee it",
        "I \u212aNOW",
        "it\u017f fine",
        "\u0130NSURANCE",
        "ınsurance",
    ],
)
def test_case_insensitive_twins_pass_the_screen_when_the_pattern_matches(text):
    for pattern in (r"guarantee", r"know", r"its", r"insurance"):
        literals = union_of_literals([pattern])
        assert literals is not None
        if re.search(pattern, text, re.IGNORECASE):
            assert passes(literals, text), (pattern, text)


def _labelled_texts(count: int) -> list[str]:
    texts: set[str] = set()
    for path in sorted(LABELLED.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for message in row.get("messages", []) or []:
                if isinstance(message, dict) and message.get("text"):
                    texts.add(message["text"])
            if isinstance(row.get("text"), str):
                texts.add(row["text"])
    return random.Random(7).sample(sorted(texts), min(count, len(texts)))


def test_screened_rules_find_what_unscreened_ones_find_on_labelled_texts():
    """Every rule, both locales, on labelled texts: the screened search (the rule's literals,
    then only the patterns whose literals occur) finds exactly what the unscreened search
    (one prefilter scan, then every pattern) finds, in order; and no pattern matches a text
    its literals ruled out."""
    texts = _labelled_texts(1500)
    rules = [rule for rubric in load_rubrics().rubrics for rule in rubric.rules]
    compared = found = 0
    for rule in rules:
        for locale, prefilter in rule.prefilter.items():
            screens = rule.screens[locale]
            unscreened = Screens(
                rule=None,
                patterns=[None] * len(screens.patterns),
                together=[None] * len(screens.together),
            )
            for text in texts:
                if not prefilter.search(text):
                    continue  # no pattern matches: the screened search stops at or before it
                if screens.rule is not None:
                    assert passes(screens.rule, text), (rule.id, text)
                patterns = rule.compiled["patterns"].get(locale, [])
                for pattern, literals in zip(patterns, screens.patterns, strict=True):
                    if literals is not None and pattern.search(text):
                        assert passes(literals, text), (rule.id, pattern.pattern, text)
                screened = list(counted_matches(rule, text, locale))
                rule.screens[locale] = unscreened
                try:
                    assert list(counted_matches(rule, text, locale)) == screened
                finally:
                    rule.screens[locale] = screens
                compared += 1
                found += bool(screened)
    assert compared > 300 and found > 100, (compared, found)
