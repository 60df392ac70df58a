"""Parsing one JSON line from a file someone else wrote, so that a hostile line is one error.

``json.loads`` accepts three things that later blow up far from the line that caused them: a
lone surrogate escape (``"\\ud800"``) gives a ``str`` that cannot be written as UTF-8 again, so
the scores file fails mid-write; nesting ~1,000 deep raises ``RecursionError`` (and a few
hundred levels break validation and serialisation later); an integer of more than 4,300 digits
raises a plain ``ValueError``. Any of them used to abort ``salesim score``, ``export`` or
``baseline import`` with a traceback, losing every good line after it.

:func:`loads_line` turns each into a :class:`JSONLineError` whose message is the short reason
that readers report as ``file:line: reason`` before they go on with the next line. The checks
cost little on ordinary lines: the depth walk runs only when a line has more brackets than the
limit, the surrogate walk only when the raw text holds a surrogate escape.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64
"""Deepest nesting accepted: a transcript line needs about six levels."""
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
"""A ``\\uD800``-``\\uDFFF`` escape; only escapes can make a lone surrogate from valid UTF-8."""


class JSONLineError(ValueError):
    """A line that is not usable JSON; ``str()`` is the reason, short and without the data."""


def loads_line(raw: bytes | str) -> Any:
    """The JSON value of one line, or :class:`JSONLineError` saying why it cannot be used."""
    text = _text(raw)
    value = parse_json(text)
    check_value(value, text)
    return value


def parse_json(raw: bytes | str) -> Any:
    """``json.loads`` with every way it can fail as a :class:`JSONLineError`, and no checks of
    the value: for a whole document whose parts are checked one by one (:func:`check_value`)."""
    try:
        return json.loads(_text(raw))
    except json.JSONDecodeError as exc:
        raise JSONLineError(f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise JSONLineError(f"invalid JSON (nested deeper than {MAX_DEPTH} levels)") from None
    except ValueError as exc:  # int() refused a number of more than 4,300 digits
        reason = str(exc).split(";")[0]
        raise JSONLineError(f"invalid JSON (a number too long to read: {reason})") from None


def _text(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JSONLineError(f"not UTF-8 text (byte {exc.start + 1})") from None


def check_value(value: Any, text: str | None = None) -> None:
    """Refuse parsed JSON nested deeper than :data:`MAX_DEPTH` or holding a lone surrogate.

    ``text``, the line it was parsed from, lets both walks be skipped when they cannot find
    anything.
    """
    if text is None or text.count("[") + text.count("{") > MAX_DEPTH:
        _check_depth(value)
    if text is None or _SURROGATE_ESCAPE.search(text):
        _check_strings(value)


def _check_depth(value: Any) -> None:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            raise JSONLineError(f"invalid JSON (nested deeper than {MAX_DEPTH} levels)")
        stack.extend((child, depth + 1) for child in children)


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in item:
                _check_string(key)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            _check_string(item)


def _check_string(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        raise JSONLineError(
            f"invalid Unicode: a lone surrogate (\\u{code:04x}) in a string"
        ) from None
