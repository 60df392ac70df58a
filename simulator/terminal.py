"""Showing data in a terminal as data: never as rich markup, never as control characters.

Agent ids, persona ids, conversation ids, rule names and error messages come from files users
and agents wrote. Printed as they are, ``[/bold]`` as an agent id made rich raise
``MarkupError`` (a traceback instead of a scorecard), an escape sequence could repaint the
terminal, and a newline in a conversation id could forge a ``warning:`` line of its own in a CI
log. :func:`plain` writes every control character as an escape (``\\n``, ``\\x1b``), and
:class:`PlainTable` is a rich table whose strings are text, not markup.
"""

from __future__ import annotations

import re
from typing import Any

from rich.table import Table
from rich.text import Text

_CONTROL = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""C0 and C1 controls (newlines and ESC among them), line and paragraph separators, and every
bidirectional control the report writes out too (simulator.visible): overrides, embeddings,
isolates and direction marks make text read differently from what it is."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def plain(value: object) -> str:
    """``value`` as one line of inert text: control characters written as escapes."""
    return _CONTROL.sub(_escape, str(value))


def _text(value: Any, lines: bool = False) -> Any:
    """A string as a rich :class:`Text` (no markup); ``lines`` keeps our own line breaks."""
    if not isinstance(value, str):
        return value
    if lines:
        return Text("\n".join(plain(line) for line in value.split("\n")))
    return Text(plain(value))


class PlainTable(Table):
    """A rich table whose strings (title, caption, headers, cells) are text, not markup.

    Styling is still possible with :class:`~rich.text.Text` objects, which pass through.
    """

    def __init__(self, *headers: Any, title: Any = None, caption: Any = None, **kw: Any) -> None:
        super().__init__(
            *(_text(header) for header in headers),
            title=_text(title, lines=True),
            caption=_text(caption, lines=True),
            **kw,
        )

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("title", "caption"):  # also set after construction
            value = _text(value, lines=True)
        super().__setattr__(name, value)

    def add_column(self, header: Any = "", *args: Any, **kwargs: Any) -> None:
        """A column whose header is text."""
        super().add_column(_text(header), *args, **kwargs)

    def add_row(self, *cells: Any, **kwargs: Any) -> None:
        """A row whose string cells are text."""
        super().add_row(*(_text(cell) for cell in cells), **kwargs)
