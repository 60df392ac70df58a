"""Stable seed derivation: the same inputs give the same seed on every machine and Python version.

Python's ``hash()`` is salted per process, so it must never feed an RNG; every random choice in a
run is drawn from ``random.Random(derive_seed(run_seed, ...parts))`` instead.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from contextvars import ContextVar
from typing import Any


def derive_seed(*parts: object) -> int:
    """A 64-bit seed from any printable parts, e.g. ``derive_seed(0, "legal", 17)``."""
    key = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def rng_for(*parts: object) -> random.Random:
    """A fresh ``random.Random`` seeded from ``parts``."""
    return random.Random(derive_seed(*parts))


def unit_draw(*parts: object) -> float:
    """One uniform draw in the open interval (0, 1) from ``parts``, as stable as :func:`rng_for`
    (open, so that it can feed an inverse CDF).

    For the many places that draw once (a reply's typing time, a fault's roll): seeding a
    Mersenne Twister costs more than the hash that feeds it, and the reference agents drew a
    typing time on every turn of every conversation.
    """
    return ((derive_seed(*parts) >> 11) + 0.5) * 2.0**-53


# --- the conversation an agent is answering ------------------------------------------------------

_VIEW_KEY = secrets.token_bytes(16)
"""Per-process secret: agents see ids that cannot be traced back to a persona, seed or instance."""
_CONVERSATION: ContextVar[tuple[object, str] | None] = ContextVar(
    "salesim_conversation", default=None
)


def opaque_id(conversation_id: str) -> str:
    """The id an agent sees: stable within a process, meaningless outside it."""
    digest = hmac.new(_VIEW_KEY, conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"c-{digest[:20]}"


def enter_conversation(seed: object, conversation_id: str) -> None:
    """Mark the current task as simulating ``conversation_id`` (called by the engine)."""
    _CONVERSATION.set((seed, conversation_id))


def conversation_key(transcript: Any) -> tuple[object, str]:
    """(run seed, full conversation id) for seeding the built-in agents' own randomness.

    The agent's view of a transcript is sealed (an opaque id, no seed), so the reference agents,
    fault injection and the model-call cache take the run's identity from the engine's context
    instead; outside a run they fall back to what the transcript carries.
    """
    key = _CONVERSATION.get()
    if key is not None:
        return key
    return transcript.meta.get("seed", 0), transcript.conversation_id
