"""Literal screens: the words a regex cannot match without, checked before the regex runs.

A rubric rule's prefilter is one alternation of all its patterns. Python's ``re`` tries every
branch of it at every position of a text, so a 5,000-character reply (an LLM's long answer, a
real consultation) cost about 5 ms per rule even when nothing matched. Most patterns cannot
match without one of a few literal strings ("guarantee", "保证", "100%"): a plain substring
check for those (C speed, no backtracking) rules such texts out first.

``necessary_literals(pattern)`` reads the pattern's parse tree and returns a set of lower-case
strings of which every match contains at least one, or None when it cannot say (a pattern
that may match without any fixed text, e.g. ``\\d+元``). The screen only ever rules a text out
when the pattern could not have matched it, so verdicts are unchanged; the tests compare
screen and pattern on every labelled text of the repository.

Case: patterns are compiled with IGNORECASE. Under it, an ASCII letter also matches four
non-ASCII letters (İ ı ſ K); :func:`screen_text` maps those to their ASCII twins and lowers the
text. A literal letter outside ASCII that has case is never used (its case-insensitive twins
are not mapped), so the pattern around it must supply another literal or the screen is None.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache, lru_cache

try:  # Python 3.11+: the parser is re._parser (sre_parse is a deprecated alias)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older interpreters
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MAX_STRINGS = 64
"""A set of literals larger than this (the product of many alternatives) is not worth checking."""

_ASCII_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})

Strings = frozenset[str]


_REPEATS = tuple(
    op
    for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None))
    if op is not None
)
"""The parser's repeat operators (possessive ones from Python 3.11)."""


def _group_body(op: object, value: object) -> list[tuple] | None:
    """The items inside a group, ``(...)`` or an atomic ``(?>...)``; None for anything else."""
    if op is _c.SUBPATTERN:
        return list(value[-1])  # type: ignore[index]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return list(value)  # type: ignore[call-overload]
    return None


def _usable(char: str) -> bool:
    """A literal character the lowered screen text compares faithfully."""
    return char.isascii() or char.lower() == char.upper()


def _char_set(items: list[tuple]) -> Strings | None:
    """The characters a class ``[...]`` matches, when it is a few usable literals."""
    chars = []
    for op, value in items:
        if op is not _c.LITERAL:
            return None
        char = chr(value)
        if not _usable(char):
            return None
        chars.append(char.lower())
    return frozenset(chars) if 0 < len(chars) <= 8 else None


def _exact(item: tuple) -> Strings | None:
    """The strings one parsed item matches in full, when they are few and fixed; zero-width
    items (anchors, look-arounds) match the empty string."""
    op, value = item
    if op is _c.LITERAL:
        char = chr(value)
        return frozenset({char.lower()}) if _usable(char) else None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})
    if op is _c.IN:
        return _char_set(value)
    group = _group_body(op, value)
    if group is not None:
        return _exact_seq(group)
    if op is _c.BRANCH:
        return _union(value[1], _exact_seq)
    if op in _REPEATS:
        low, high, body = value
        if low != high or low > 4:
            return None
        return _power(_exact_seq(list(body)), low)
    return None


def _union(branches: list, read: Callable[[list[tuple]], Strings | None]) -> Strings | None:
    """The strings of an alternation: every branch's, read by ``read``; None if one has none."""
    out: set[str] = set()
    for branch in branches:
        strings = read(list(branch))
        if strings is None:
            return None
        out |= strings
    return frozenset(out) if len(out) <= MAX_STRINGS else None


def _power(strings: Strings | None, times: int) -> Strings | None:
    if strings is None:
        return None
    out: Strings = frozenset({""})
    for _ in range(times):
        out = _product(out, strings)
        if out is None:
            return None
    return out


def _product(left: Strings | None, right: Strings | None) -> Strings | None:
    if left is None or right is None or len(left) * len(right) > MAX_STRINGS:
        return None
    return frozenset(a + b for a, b in itertools.product(left, right))


def _exact_seq(items: list[tuple]) -> Strings | None:
    out: Strings | None = frozenset({""})
    for item in items:
        out = _product(out, _exact(item))
        if out is None:
            return None
    return out


def _needed(item: tuple) -> Strings | None:
    """Strings one of which every match of the item contains, or None."""
    exact = _exact(item)
    if exact is not None:
        return exact if "" not in exact else None
    op, value = item
    group = _group_body(op, value)
    if group is not None:
        return _needed_seq(group)
    if op is _c.BRANCH:
        return _union(value[1], _needed_seq)
    if op in _REPEATS:
        low, _high, body = value
        return _needed_seq(list(body)) if low >= 1 else None
    return None


def _score(strings: Strings) -> tuple[int, int]:
    """Longer shortest string first (fewer chance hits), then fewer strings."""
    return (min(len(s) for s in strings), -len(strings))


def _needed_seq(items: list[tuple]) -> Strings | None:
    """The best necessary set of a sequence: a run of fixed items read as one string set, or
    the necessary set of any single item (every item of a sequence must match)."""
    candidates: list[Strings] = []
    run: Strings | None = frozenset({""})
    for item in items:
        exact = _exact(item)
        joined = _product(run, exact) if exact is not None else None
        if joined is None:
            if run is not None and "" not in run:
                candidates.append(run)
            run = exact if exact is not None else frozenset({""})
            if exact is None:
                needed = _needed(item)
                if needed is not None:
                    candidates.append(needed)
        else:
            run = joined
    if run is not None and "" not in run:
        candidates.append(run)
    return max(candidates, key=_score) if candidates else None


@cache
def necessary_literals(pattern: str) -> Strings | None:
    """Lower-case strings one of which every match of ``pattern`` (IGNORECASE) contains."""
    try:
        parsed = _p.parse(pattern, re.IGNORECASE)
    except Exception:
        return None
    return _needed_seq(list(parsed))


def union_of_literals(patterns: list[str]) -> tuple[str, ...] | None:
    """One screen for an alternation of ``patterns``: None when any of them has none."""
    out: set[str] = set()
    for pattern in patterns:
        strings = necessary_literals(pattern)
        if strings is None:
            return None
        out |= strings
    # a string that contains another is implied by it
    kept = sorted(out, key=len)
    minimal = [s for i, s in enumerate(kept) if not any(t in s for t in kept[:i])]
    return tuple(minimal)


@lru_cache(maxsize=4096)
def screen_text(text: str) -> str:
    """``text`` as literals are compared with it: the ASCII twins mapped, lower case."""
    return text.translate(_ASCII_TWINS).lower()


def passes(literals: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` contains one of ``literals`` (so a pattern screened by them may match)."""
    lowered = screen_text(text)
    return any(literal in lowered for literal in literals)
