"""Garbage-collector settings for the length of a run.

Why: by the time conversations start, the process holds a few hundred thousand long-lived
objects (LangChain, pydantic and openai modules, loaded specs) that every full collection walks
again. With 64 model calls in flight, one such collection stalled the event loop for up to
117 ms, and six of them cost 0.46 s of a 9 s run (bench/concurrency.py, one process, c=64).
Freezing the heap as it is when the run starts moves those objects out of the collector's
sight; the young generation's threshold is raised because a run allocates millions of
short-lived objects (see :data:`YOUNG_THRESHOLD`). Both are undone when the run ends, so a
program that calls :func:`simulator.runs.run_suite` keeps its own settings.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

YOUNG_THRESHOLD = 100_000
"""Allocations between young collections during a run (CPython's default is 700).

An offline run allocates about a million container objects per thousand conversations, nearly
all freed by reference counting; each young collection walks what is alive at that moment, so
fewer of them cost less: at 7,000 the collector took 2.8% of a 3,000-conversation run, at
100,000 0.9% (about 1.5 ms per young collection), and peak memory of a 10,000-conversation run
did not move (159 -> 160 MB, bench/throughput.py)."""


def _settle() -> tuple[int, int, int]:
    """Freeze the heap and raise the young threshold; the thresholds as they were."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_THRESHOLD), *thresholds[1:])
    return thresholds


@contextlib.contextmanager
def run_heap() -> Iterator[None]:
    """Freeze the objects alive now and collect the young generation less often, then restore."""
    thresholds = _settle()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def freeze_for_worker() -> None:
    """The same settings for a worker process's whole life (it only ever runs conversations)."""
    _settle()
