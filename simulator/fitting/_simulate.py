"""Simulate conversations of a persona held in memory (not a file): fitting tries candidates."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from simulator.agents import LoadedAgent
from simulator.customers import sample_instance
from simulator.engine import run_conversation
from simulator.models import Transcript
from simulator.specs import Persona

CONCURRENCY = 64


async def _simulate(
    persona: Persona, agent: LoadedAgent, indices: Iterable[int], seed: int
) -> list[Transcript]:
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(index: int) -> Transcript:
        async with gate:
            instance = sample_instance(persona, index, seed)
            return await run_conversation(persona, instance, agent, seed=seed)

    return list(await asyncio.gather(*(one(i) for i in indices)))


def simulate(persona: Persona, agent: LoadedAgent, n: int, seed: int = 0) -> list[Transcript]:
    """``n`` conversations of ``persona`` with ``agent`` (scripted customer, offline agents
    recommended: fitting calls this for every candidate value)."""
    return asyncio.run(_simulate(persona, agent, range(n), seed))
