"""Direction controls written out in anything salesim shows a person.

A right-to-left override (U+202E) in an id or a name displays the text after it reversed:
``invoice-<U+202E>fdp.exe`` reads as ``invoice-exe.pdf``. Conversation ids, agent and persona ids
and reviewers' names come from imported files and from other people, so the report (HTML and
markdown) and the terminal show each direction control as its escape, ``\\u202e``: what a reader
sees is what the data holds. The data itself is kept as recorded (JSON carries the same escape
losslessly), so ids still match the run's scores.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = (
    "\u061c"  # arabic letter mark
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates and pop
)
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")


def show_controls(text: str) -> str:
    """``text`` with every bidi control written out as ``\\uXXXX`` (in JSON: the same string).

    A regex finds the (rare) controls; ``str.translate`` looked up every character of a
    report's transcripts in a dict, a second and a half per 5,000 conversations."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
