"""Fault injection: make any agent misbehave on purpose, to see that a run survives it.

``salesim run --inject-faults "raise=0.05,hang=0.02,none=0.02,nonstring=0.02,huge=0.02,
unicode=0.02"`` wraps every candidate agent; each reply draws (seeded by conversation and turn,
so reruns inject the same faults) whether to

- ``raise``: raise an exception;
- ``hang``: never answer (the engine's per-reply timeout ends the conversation);
- ``none``: return None;
- ``nonstring``: return a number instead of text;
- ``huge``: return a 1 MB reply (the engine truncates it and flags the message);
- ``unicode``: return text with invalid Unicode (lone surrogates; the engine repairs and flags).

Every case ends up on its conversation with a reason; the run completes.
"""

from __future__ import annotations

import asyncio
from typing import Any

from simulator.models import AgentTurn, Transcript
from simulator.seeding import conversation_key, unit_draw
from simulator.specs import SpecError

FAULTS = ("raise", "hang", "none", "nonstring", "huge", "unicode")
HUGE_REPLY_CHARS = 1_000_000


class InjectedFault(RuntimeError):
    """Raised by the ``raise`` fault."""


def parse_fault_spec(spec: str) -> dict[str, float]:
    """``"raise=0.05,hang=0.02"`` -> {"raise": 0.05, "hang": 0.02}; one-line errors otherwise."""
    chances: dict[str, float] = {}
    for raw in spec.split(","):
        part = raw.strip()
        name, sep, value = part.partition("=")
        if not part:
            continue
        if not sep or name not in FAULTS:
            raise SpecError(
                f"--inject-faults {part!r}: expected NAME=CHANCE with NAME in {', '.join(FAULTS)}"
            )
        try:
            chance = float(value)
        except ValueError:
            raise SpecError(f"--inject-faults {part!r}: {value!r} is not a number") from None
        if not 0 <= chance <= 1:
            raise SpecError(f"--inject-faults {part!r}: a chance is between 0 and 1")
        chances[name] = chance
    if sum(chances.values()) > 1:
        raise SpecError("--inject-faults: the chances add up to more than 1")
    return chances


class FaultyAgent:
    """Wraps an agent and replaces some of its replies with faults."""

    def __init__(self, inner: Any, chances: dict[str, float]) -> None:
        self.inner = inner
        self.chances = chances

    def _draw(self, transcript: Transcript) -> str | None:
        turn = len(transcript.messages)
        roll = unit_draw(*conversation_key(transcript), turn, "fault")
        for name in FAULTS:
            chance = self.chances.get(name, 0.0)
            if roll < chance:
                return name
            roll -= chance
        return None

    async def reply(self, transcript: Transcript) -> Any:
        """The inner agent's reply, or the fault drawn for this turn."""
        fault = self._draw(transcript)
        if fault == "raise":
            raise InjectedFault("injected fault: the agent raised")
        if fault == "hang":
            await asyncio.sleep(3600)
        if fault == "none":
            return None
        if fault == "nonstring":
            return 12345
        turn = await self.inner.reply(transcript)
        if fault == "huge":
            return AgentTurn(text="x" * HUGE_REPLY_CHARS, latency_s=turn.latency_s)
        if fault == "unicode":
            return AgentTurn(text=turn.text + " \udc80\ud800 broken", latency_s=turn.latency_s)
        return turn

    async def aclose(self) -> None:
        """Close the wrapped agent."""
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()
