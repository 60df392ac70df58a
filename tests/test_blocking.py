"""Sync agents run on a bounded thread pool: side by side, timed out, and still deterministic."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from conftest import read_lines
from fixtures import blocking_agents

from simulator.blocking import BlockingPool
from simulator.models import RunConfig
from simulator.runs import run_suite

ONE_CELL = {"personas": ["worried_parent"], "locales": ["en_US"], "baseline_agent": None}


@pytest.fixture(autouse=True)
def _fresh_agents():
    blocking_agents.reset()


def _run(tmp_path, agent, run_id, **kwargs):
    config = RunConfig(
        agents=[f"fixtures.blocking_agents:{agent}"],
        out=str(tmp_path),
        run_id=run_id,
        report=False,
        cache=None,
        **{**ONE_CELL, **kwargs},
    )
    return run_suite(config)


def test_blocking_agents_run_side_by_side_up_to_the_concurrency(tmp_path):
    """16 conversations of a 0.3 s blocking call at --concurrency 16: far below the serial sum
    (they were serial when sync agents ran on the event loop: 14.7 s instead of 1.2 s)."""
    started = time.perf_counter()
    directory, summary = _run(tmp_path, "slow", "side", n=16, concurrency=16)
    wall = time.perf_counter() - started
    serial = sum(blocking_agents.durations)
    assert len(blocking_agents.durations) >= 16 and serial >= 16 * blocking_agents.BLOCK_S
    assert wall < 0.5 * serial, (wall, serial)
    assert 2 <= blocking_agents.in_flight[1] <= 16
    assert summary["agents"]["fixtures.blocking_agents:slow"]["agent_errors"] == 0
    assert len(read_lines(directory / "transcripts.jsonl")) == 16


def test_the_concurrency_bounds_the_threads(tmp_path):
    _run(tmp_path, "slow", "two", n=6, concurrency=2)
    assert blocking_agents.in_flight[1] == 2


def test_a_sync_agent_past_the_timeout_ends_its_conversation(tmp_path):
    """A 2 s blocking call with a 1 s timeout: the timeout error is recorded and the run ends
    without waiting for the call, which finishes in the background."""
    directory, summary = _run(tmp_path, "hangs", "hang", n=1, agent_timeout_s=1.0)
    assert not blocking_agents.hang_done.is_set(), "the run waited for the abandoned call"
    (transcript,) = read_lines(directory / "transcripts.jsonl")
    assert transcript["outcome"] == "agent_error"
    assert transcript["meta"]["error"] == "timeout after 1 s"
    assert transcript["meta"]["error_kind"] == "timeout"
    assert summary["agents"]["fixtures.blocking_agents:hangs"]["agent_errors"] == 1
    assert blocking_agents.hang_done.wait(5), "the abandoned call never finished"


def test_sync_agents_give_identical_transcripts_for_any_number_of_workers(tmp_path):
    """Threads do not touch determinism: a sync agent seeded by the engine's conversation key
    (a context variable, carried into the pool thread) writes the same bytes every time."""
    runs = [
        _run(tmp_path, "keyed", run_id, n=6, locales=["en_US", "zh_CN"], concurrency=c, workers=w)
        for run_id, c, w in (("a", 4, 1), ("b", 1, 1), ("c", 4, 2))
    ]
    first = (runs[0][0] / "transcripts.jsonl").read_bytes()
    for directory, _ in runs[1:]:
        assert (directory / "transcripts.jsonl").read_bytes() == first
    assert all(not key[1].startswith("c-") for key in blocking_agents.seen_keys)  # not opaque


def test_a_run_leaves_no_idle_pool_thread_behind(tmp_path):
    """Idle threads stop with the run, so a later --workers run in the process can still fork."""
    before = {t for t in threading.enumerate() if t.name.startswith("salesim-agent")}
    _run(tmp_path, "keyed", "idle", n=4, concurrency=4)
    after = {t for t in threading.enumerate() if t.name.startswith("salesim-agent")}
    assert after <= before


def test_the_pool_hands_back_results_and_errors():
    pool = BlockingPool(2)

    def fail() -> None:
        raise ValueError("from a thread")

    async def main() -> tuple[object, ...]:
        return tuple(
            await asyncio.gather(pool.run(pow, 2, 10), pool.run(fail), return_exceptions=True)
        )

    result, error = asyncio.run(main())
    pool.shutdown()
    assert result == 1024
    assert isinstance(error, ValueError) and str(error) == "from a thread"
    assert pool.threads == 0


def test_a_call_that_waited_past_its_timeout_is_never_started():
    pool = BlockingPool(1)
    started: list[str] = []
    release = threading.Event()

    async def main() -> None:
        first = asyncio.ensure_future(pool.run(release.wait, 5))
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(pool.run(started.append, "late"), 0.05)
        release.set()
        await first

    asyncio.run(main())
    pool.shutdown()
    assert started == []


def test_only_sync_code_goes_to_the_pool():
    from simulator.agents import CallableAgent

    class AsyncCall:
        async def __call__(self, transcript):
            return "a"

    class SyncReply:
        def reply(self, transcript):
            return "s"

    async def coroutine_function(transcript):
        return "c"

    assert not CallableAgent(AsyncCall())._blocking
    assert not CallableAgent(coroutine_function)._blocking
    assert CallableAgent(SyncReply)._blocking
    assert CallableAgent(blocking_agents.slow)._blocking
