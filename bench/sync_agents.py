"""Sync agents: do blocking calls stall the run, and does ``--agent-timeout`` stop them?

Three runs of 16 conversations (worried_parent, en_US, seed 0, ``--concurrency 16``, no
baseline, no report):

- ``blocking``: a plain ``def`` agent that blocks for 0.3 s per reply (``time.sleep``, standing
  in for a synchronous database or SDK call);
- ``async``: the same agent written with ``async def`` and ``asyncio.sleep`` (the ideal);
- ``timeout``: a ``def`` agent that blocks for 2 s, with ``--agent-timeout 1`` (one
  conversation).

For each it prints the wall time of the run, the agent calls made, their summed duration (what
one-at-a-time calls would cost) and the ratio wall / summed; for ``timeout`` also the outcome and
error the conversation recorded. Before sync agents ran on threads, ``blocking`` was serial
(ratio ~1) and the 2 s call was never timed out.

    .venv/bin/python bench/sync_agents.py
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from simulator.models import RunConfig, Transcript
from simulator.runs import run_suite

CONVERSATIONS = 16
BLOCK_S = 0.3
HANG_S = 2.0
TIMEOUT_S = 1.0

_lock = threading.Lock()
durations: list[float] = []
"""Seconds each agent call took, appended by the agents (from pool threads or the loop)."""


def _record(started: float) -> None:
    with _lock:
        durations.append(time.perf_counter() - started)


def blocking(transcript: Transcript) -> str:
    """A sync agent whose reply takes 0.3 s of blocking work."""
    started = time.perf_counter()
    time.sleep(BLOCK_S)
    _record(started)
    return "Thanks for your question. Our tutors hold teaching certificates; fees start at $40."


async def waiting(transcript: Transcript) -> str:
    """The same agent, async: it waits without blocking the loop."""
    started = time.perf_counter()
    await asyncio.sleep(BLOCK_S)
    _record(started)
    return "Thanks for your question. Our tutors hold teaching certificates; fees start at $40."


def hanging(transcript: Transcript) -> str:
    """A sync agent whose reply takes 2 s: longer than the run's --agent-timeout."""
    started = time.perf_counter()
    time.sleep(HANG_S)
    _record(started)
    return "Sorry for the wait."


def _run(agent: str, out: Path, n: int, **extra: object) -> tuple[float, Path]:
    durations.clear()
    config = RunConfig(
        agents=[f"sync_agents:{agent}"],
        baseline_agent=None,
        personas=["worried_parent"],
        locales=["en_US"],
        n=n,
        concurrency=CONVERSATIONS,
        out=str(out),
        run_id=agent,
        report=False,
        cache=None,
        **extra,  # type: ignore[arg-type]
    )
    started = time.perf_counter()
    directory, _ = run_suite(config)
    return time.perf_counter() - started, directory


def _row(label: str, wall: float) -> None:
    with _lock:
        calls, summed = len(durations), sum(durations)
    ratio = wall / summed if summed else float("nan")
    print(
        f"{label:<9} wall {wall:6.2f} s  calls {calls:3d}  summed {summed:6.2f} s  "
        f"ratio {ratio:.2f}"
    )


def main() -> None:
    """Run the three cases and print one line each."""
    # `sync_agents:blocking` must resolve to this module, not to a second copy of it.
    sys.modules.setdefault("sync_agents", sys.modules[__name__])
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cases: list[tuple[str, Callable[[], tuple[float, Path]]]] = [
            ("blocking", lambda: _run("blocking", out, CONVERSATIONS)),
            ("async", lambda: _run("waiting", out, CONVERSATIONS)),
        ]
        for label, case in cases:
            wall, _ = case()
            _row(label, wall)
        wall, directory = _run("hanging", out, 1, agent_timeout_s=TIMEOUT_S)
        _row("timeout", wall)
        line = (directory / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()[0]
        transcript = json.loads(line)
        print(
            f"          outcome {transcript['outcome']}, error "
            f"{transcript['meta'].get('error')!r} (agent {HANG_S:g} s, timeout {TIMEOUT_S:g} s)"
        )


if __name__ == "__main__":
    main()
