"""The LLM call layer: rate limits (on a fake clock), retries, error kinds, the cache."""

from __future__ import annotations

import asyncio
import json
from typing import ClassVar

import pytest

from simulator import llm
from simulator.llm import CallError, LLMCache, RateLimiter, cache_key, classify, with_retries


class FakeClock:
    """time.monotonic and asyncio.sleep that advance a counter instead of waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(llm.time, "monotonic", fake.monotonic)
    monkeypatch.setattr(llm.asyncio, "sleep", fake.sleep)
    return fake


def test_requests_per_minute_are_spaced_over_the_window(clock):
    limiter = RateLimiter(rpm=3)

    async def go():
        for _ in range(7):
            await limiter.acquire()

    asyncio.run(go())
    # 7 requests at 3 per minute: two full windows of waiting
    assert clock.now == pytest.approx(120.0)


def test_tokens_per_minute_hold_back_the_next_call(clock):
    limiter = RateLimiter(tpm=1000)

    async def go():
        await limiter.acquire()
        limiter.charge(1500)  # over budget: the next call waits for the window to pass
        await limiter.acquire()

    asyncio.run(go())
    assert clock.now == pytest.approx(60.0)


def test_retries_honour_retry_after_then_give_up(clock):
    class Response:
        headers: ClassVar[dict[str, str]] = {"retry-after": "7"}

    class RateLimitError(Exception):
        status_code = 429
        response = Response()

    calls = []

    async def call():
        calls.append(1)
        raise RateLimitError("slow down")

    with pytest.raises(CallError) as info:
        asyncio.run(with_retries(call, retries=2))
    assert info.value.kind == "http_429"
    assert len(calls) == 3 and clock.slept == [7.0, 7.0]


def test_non_retryable_errors_fail_at_once():
    calls = []

    async def call():
        calls.append(1)
        raise json.JSONDecodeError("bad", "{", 0)

    with pytest.raises(CallError) as info:
        asyncio.run(with_retries(call, retries=5))
    assert info.value.kind == "malformed" and len(calls) == 1


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (TimeoutError(), "timeout"),
        (ConnectionRefusedError(), "connection"),
        (type("APIConnectionError", (Exception,), {})(), "connection"),
        (type("InternalServerError", (Exception,), {"status_code": 503})(), "http_5xx"),
        (type("BadRequestError", (Exception,), {"status_code": 400})(), "http_400"),
    ],
)
def test_classify(exc, kind):
    assert classify(exc)[0] == kind


def test_cache_round_trip_and_key_sensitivity(tmp_path):
    cache = LLMCache(tmp_path / "c.sqlite")
    assert not (tmp_path / "c.sqlite").exists()  # opened on first use only
    key = cache_key("m", [("human", "hi")], {"temperature": 0}, seed=1)
    assert cache.get(key) is None
    cache.put(key, {"text": "hello"})
    assert cache.get(key) == {"text": "hello"}
    assert key != cache_key("m", [("human", "hi")], {"temperature": 0}, seed=2)
    assert key != cache_key("m", [("human", "hi!")], {"temperature": 0}, seed=1)
    assert key != cache_key("m2", [("human", "hi")], {"temperature": 0}, seed=1)
    cache.close()
    reopened = LLMCache(tmp_path / "c.sqlite")
    assert reopened.get(key) == {"text": "hello"} and reopened.hits == 1
    reopened.close()


def test_a_shared_limiter_holds_its_part_of_the_budget():
    assert (RateLimiter.shared(60, 10_000, 0.5).rpm, RateLimiter.shared(60, 10_000, 0.5).tpm) == (
        30,
        5000,
    )
    assert RateLimiter.shared(1, None, 0.25).rpm == 1  # never zero: a worker must make progress
    assert RateLimiter.shared(None, None, 0.5).rpm is None
