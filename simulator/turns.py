"""Checking what an agent hands over, where it enters the engine.

An agent is someone else's code, and everything it returns ends up in the simulated clock, in
``transcripts.jsonl`` and in the scores. A value the results cannot hold must cost the
conversation that produced it, never the run: a ``latency_s`` of ``1e12`` or infinity moved the
clock past the year 9999 (``OverflowError: date value out of range``), a ``lead`` holding a lone
surrogate or an ``object()`` could not be serialised, and because the agent answers the same way
on ``--resume``, the run died again at the same conversation, for ever.

:func:`check_turn` runs on every reply before the engine uses it: the latency must be a finite
number of seconds within :data:`MAX_LATENCY_S`; ``lead`` and ``usage`` must be JSON data
(strings, finite numbers, booleans, null, lists and objects with string keys) of bounded depth
and size, with lone surrogates in their strings replaced (as the engine repairs the reply text);
token counts must be counts. A reply that fails raises :class:`TurnError`, which the engine
records as that conversation's ``agent_error`` (kind ``malformed``). The reply text itself is
repaired and truncated by the engine (``clean_reply``), which flags what it did.
"""

from __future__ import annotations

import math
from typing import Any

from simulator.models import AgentTurn

MAX_LATENCY_S = 30 * 24 * 3600.0
"""Longest simulated reply time accepted: 30 days. A human answering after a long weekend says
so in hours; anything longer is a bug, and the clock must stay far from datetime's limits."""
MAX_MORE = 20
"""Most further messages one reply may carry."""
MAX_DEPTH = 8
"""Deepest nesting of ``lead``/``usage`` objects: a CRM record is flat or nearly so."""
MAX_ITEMS = 1_000
"""Most values (objects, lists and scalars together) in one ``lead`` or ``usage``."""
MAX_STRING_CHARS = 10_000
"""Longest string inside ``lead``/``usage``."""
MAX_INT = 2**63
"""Integers must fit in 64 bits: longer ones cannot be read back (Python refuses to parse more
than 4,300 digits) nor stored in Parquet."""
COUNT_FIELDS = ("input_tokens", "output_tokens")
"""``usage`` fields the summary adds up: they must be whole non-negative numbers."""


class TurnError(ValueError):
    """An agent reply that the results cannot hold; the message names the field."""


def clean_string(text: str) -> str:
    """``text`` with each lone surrogate (not encodable as UTF-8) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)
    return text


def check_turn(turn: AgentTurn) -> AgentTurn:
    """``turn`` with its ``lead`` and ``usage`` cleaned, or :class:`TurnError` naming the field.

    Fields are checked as they are, not as declared: agent code can build a turn with
    ``model_construct`` or change it after validation.
    """
    if not isinstance(turn.text, str):
        raise TurnError(f"text: expected a string, got {type(turn.text).__name__}")
    more = turn.more
    if not isinstance(more, list) or not all(isinstance(item, str) for item in more):
        raise TurnError("more: expected a list of strings")
    if len(more) > MAX_MORE:
        raise TurnError(f"more: {len(more)} messages in one reply (at most {MAX_MORE})")
    update: dict[str, Any] = {}
    latency = _latency(turn.latency_s)
    if latency is not turn.latency_s:
        update["latency_s"] = latency
    for name in ("lead", "usage"):
        value = getattr(turn, name)
        if value is not None:
            if not isinstance(value, dict):
                raise TurnError(f"{name}: expected an object, got {type(value).__name__}")
            update[name] = _data(value, name, [0], 0)
    if turn.usage is not None:
        _check_usage(update["usage"])
    return turn.model_copy(update=update) if update else turn


def _latency(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TurnError(f"latency_s: expected seconds, got {type(value).__name__}")
    try:
        seconds = float(value)
    except OverflowError:
        seconds = math.inf
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_LATENCY_S:
        raise TurnError(
            f"latency_s: {value!r:.40} is not a number of seconds from 0 to {MAX_LATENCY_S:.0f}"
        )
    return value if type(value) is float else seconds


def _data(value: Any, where: str, count: list[int], depth: int) -> Any:
    """A cleaned copy of JSON data, or TurnError naming the first bad value's path."""
    count[0] += 1
    if count[0] > MAX_ITEMS:
        raise TurnError(f"{where}: more than {MAX_ITEMS} values")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if not -MAX_INT < value < MAX_INT:
            raise TurnError(f"{where}: integer out of range (more than 64 bits)")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TurnError(f"{where}: {value} is not a finite number")
        return value
    if isinstance(value, str):
        if len(value) > MAX_STRING_CHARS:
            raise TurnError(f"{where}: {len(value)} characters (at most {MAX_STRING_CHARS})")
        return clean_string(value)
    if depth >= MAX_DEPTH and isinstance(value, dict | list | tuple):
        raise TurnError(f"{where}: nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TurnError(f"{where}: key {key!r:.40} is not a string")
            key = clean_string(key)
            out[key] = _data(item, f"{where}.{key[:40]}", count, depth + 1)
        return out
    if isinstance(value, list | tuple):
        return [_data(item, f"{where}.{i}", count, depth + 1) for i, item in enumerate(value)]
    raise TurnError(f"{where}: a {type(value).__name__} is not JSON data")


def _check_usage(usage: dict[str, Any]) -> None:
    for name in COUNT_FIELDS:
        value = usage.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TurnError(f"usage.{name}: expected a whole number of tokens, got {value!r:.40}")
    cost = usage.get("cost", 0.0)
    if isinstance(cost, bool) or not isinstance(cost, int | float) or cost < 0:
        raise TurnError(f"usage.cost: expected a non-negative amount, got {cost!r:.40}")
