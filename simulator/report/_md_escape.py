"""Data as text in markdown: ids and names that can neither mark up nor link nor break a table.

The markdown summary is pasted into pull-request comments, where markdown and raw HTML render.
Run, conversation and agent ids come from config files and imported chats: an agent called
``<img src=x onerror=...>`` would be an image, ``[click](http://evil)`` a link, ``a|b`` an extra
table cell, and an id with a newline and ``# Approved`` a heading. Every data-derived string goes
through :func:`md_text` (or :func:`md_code` for ids shown as code): markdown and HTML specials
are backslash-escaped, newlines become spaces, URL schemes and ``www.`` are broken so that no
autolink forms, and bidi controls are written out (:mod:`simulator.visible`).

``_`` between two letters or digits is left alone: it cannot start or end emphasis there, and
the codes people read in a terminal (``legal_outcome_promise``, ``slow_reply``) stay as written.
"""

from __future__ import annotations

import re

from simulator.visible import show_controls

_SPECIALS = frozenset("\\`*[]<>|~&")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def _one_line(value: object) -> str:
    return " ".join(str(value).splitlines())


def md_text(value: object) -> str:
    """``value`` as literal text in markdown (and in a table cell)."""
    text = _one_line(value)
    out = []
    for i, char in enumerate(text):
        if char in _SPECIALS:
            out.append("\\" + char)
        elif char == "_":
            inside = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            out.append("_" if inside else "\\_")
        else:
            out.append(char)
    return show_controls(_AUTOLINK.sub(_no_autolink, "".join(out)))


def _no_autolink(match: re.Match[str]) -> str:
    token = match.group(0)
    return "\\" + token if token == "://" else token[:-1] + "\\."


def md_code(value: object) -> str:
    """``value`` as an inline code span (not for table cells, where a ``|`` still splits)."""
    text = show_controls(_one_line(value))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
