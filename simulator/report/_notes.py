"""What simulated customers note on their messages, and what the report makes of it.

A simulated customer's message may carry, in its ``meta``, what it understood of the agent's
reply and why it acted (``act``, ``understood``, ``why``, ``open_needs``, ``need``). The
transcript view shows that note under the message; the overview counts, per agent, why the
conversations without a lead ended and the needs their customers still had. Imported real chats
and older runs have no notes, so every key is optional here and may have any shape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LEAD_OUTCOME = "lead_captured"
NOT_RECORDED = ""
"""The drop-off key of a lost conversation whose transcript recorded no reason."""
OPEN_NEEDS_MARK = '"open_needs"'
"""Found in a transcript line only when a customer message recorded its open needs."""


def ended_with_lead(outcome: str | None, lead_captured: bool) -> bool:
    """Whether a lead closed the chat.

    The engine's outcome says so; an imported chat has none, and the scorer's word (a contact
    was found) stands in.
    """
    return outcome == LEAD_OUTCOME if outcome else lead_captured


@dataclass
class LostReasons:
    """Why one agent's conversations ended without a lead: how they ended, and what was unmet."""

    lost: int = 0
    """Conversations that did not end with a lead."""
    drop_offs: Counter[str] = field(default_factory=Counter)
    """Lost conversations by the transcript's ``meta.drop_off`` (:data:`NOT_RECORDED` if none)."""
    noted: int = 0
    """Lost conversations whose customer recorded the needs it still had (simulated runs only)."""
    needs: Counter[str] = field(default_factory=Counter)
    """Lost conversations by each need still open in the customer's last note."""


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def strings_in(value: Any) -> list[str]:
    """The strings of a JSON list (anything else in it, or a value that is no list: none)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def last_open_needs(messages: Any) -> list[str] | None:
    """The needs never answered by the customer's last note, those it said the agent deferred
    ("can't judge yet, it turns on…") included; None if it left no note."""
    if not isinstance(messages, list):
        return None
    for message in reversed(messages):
        if not isinstance(message, dict) or message.get("role") != "customer":
            continue
        meta = message.get("meta")
        if isinstance(meta, dict) and "open_needs" in meta:
            return strings_in(meta["open_needs"]) + strings_in(meta.get("deferred_needs"))
    return None


Reply = list[tuple[int, str]]
"""The agent's messages since the customer's last one: their indexes and their text as shown."""


def evidence_spans(evidence: dict[Any, Any], mask: Callable[[str], str], reply: Reply) -> Any:
    """Where each evidence span sits in the reply as shown: message index, start, end.

    The spans quote the agent's reply, often whole sentences: as offsets they cost a few bytes
    instead of a copy each (copies made notes half of a 5,000-conversation report). Offsets
    count UTF-16 units, as the report's script slices strings. A span not found in the reply as
    shown (masked differently, say) is left out.
    """
    spans: dict[str, list[int]] = {}
    for key, span in evidence.items():
        shown = mask(str(span)).strip()
        if not shown:
            continue
        for at, text in reversed(reply):
            found = text.find(shown)
            if found >= 0:
                begin = _utf16(text[:found])
                spans[str(key)] = [at, begin, begin + _utf16(shown)]
                break
    return spans


def customer_note(meta: Any, mask: Callable[[str], str], reply: Reply) -> dict[str, Any] | None:
    """What a simulated customer understood of the reply before its message, and why it acted.

    None for a message without ``why`` or ``understood`` (an opening, a burst, an imported chat).
    ``why`` quotes the chat, so it is masked like the messages; the evidence becomes offsets into
    the ``reply`` it was read in.
    """
    if not isinstance(meta, dict):
        return None
    understood = meta.get("understood")
    why = meta.get("why")
    if not isinstance(understood, dict) and not why:
        return None
    note: dict[str, Any] = {}
    for key in ("act", "need"):
        if isinstance(meta.get(key), str):
            note[key] = meta[key]
    trust = meta.get("trust")
    if isinstance(trust, int | float) and not isinstance(trust, bool):
        note["tr"] = round(float(trust), 2)
    if isinstance(understood, dict):
        heard = {
            short: strings_in(understood.get(key))
            for short, key in (("ans", "answers"), ("acts", "acts"), ("flags", "flags"))
        }
        note["u"] = {short: keys for short, keys in heard.items() if keys}  # {}: heard nothing
        evidence = understood.get("evidence")
        spans = evidence_spans(evidence, mask, reply) if isinstance(evidence, dict) else None
        if spans:
            note["ev"] = spans
    if why:
        note["why"] = mask(str(why))
    still_open = strings_in(meta.get("open_needs"))
    if still_open:
        note["open"] = still_open
    return note
