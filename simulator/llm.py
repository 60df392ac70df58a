"""Calling chat models for agents, customers and judges: cache, rate limits, retries, usage, cost.

Every call goes through :class:`ChatClient`, which

- looks the call up in a SQLite cache keyed by model, messages, parameters and seed, so a rerun
  makes no requests and reproduces its transcripts;
- waits for a request-per-minute and token-per-minute budget (:class:`RateLimiter`);
- retries rate limits, server errors, time-outs and dropped connections with exponential backoff,
  honouring ``Retry-After``;
- turns every failure into an :class:`CallError` with a ``kind`` (``http_429``, ``http_5xx``,
  ``timeout``, ``connection``, ``malformed``, ``too_large``, ``empty``, ``error``) that the engine
  records on the conversation and the summary counts;
- returns token usage and the cost at the spec's prices.

API keys are read from the environment variable a spec *names* (``api_key_env``); the key itself
is never stored in a spec, a manifest, a cache row or a transcript.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import os
import sqlite3
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.scrub import remember_secret, scrub, scrub_error
from simulator.specs import SpecError

MAX_RESPONSE_CHARS = 100_000
"""A reply longer than this is a failure (``too_large``), not a message."""
RETRYABLE = frozenset({"http_429", "http_5xx", "timeout", "connection"})


class CallError(RuntimeError):
    """A model or HTTP call that failed for good; ``kind`` says how."""

    def __init__(self, kind: str, message: str) -> None:
        # provider error bodies may quote the request's key: never let it into a message
        super().__init__(scrub(f"{kind}: {message}"))
        self.kind = kind


@dataclass(frozen=True)
class Completion:
    """One model answer with its accounting."""

    text: str
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0
    cached: bool = False
    tool_calls: list[dict[str, Any]] = field(default_factory=list)
    latency_s: float = 0.0
    """Wall time of the original call (replayed from the cache, so reruns are identical)."""

    def usage(self) -> dict[str, Any]:
        """The ``usage`` dict stored on a message (identical whether or not it came from cache)."""
        return {
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cost": round(self.cost, 8),
        }


# --- cache -----------------------------------------------------------------------------------


class LLMCache:
    """A small SQLite key-value store of completions, safe to share between runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0

    @property
    def _db(self) -> sqlite3.Connection:
        # Opened on first use: a run that never calls a model leaves no cache file behind.
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None
            )
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS completions (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        return self._connection

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored completion for ``key``, if any."""
        with self._lock:
            row = self._db.execute("SELECT value FROM completions WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(row[0])  # type: ignore[no-any-return]

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store a completion (last write wins)."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO completions (key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def close(self) -> None:
        """Close the database (if it was ever opened)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def cache_key(
    model_id: str, messages: list[tuple[str, str]], params: dict[str, Any], seed: object
) -> str:
    """Stable key of one call: model, messages, parameters and seed."""
    blob = json.dumps(
        {"model": model_id, "messages": messages, "params": params, "seed": str(seed)},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- rate limiting ------------------------------------------------------------------------------


class RateLimiter:
    """Requests and tokens per minute over a sliding 60 s window (either may be None).

    Tokens are only known after a call, so the token budget is charged afterwards and a new call
    waits while the last minute's tokens exceed the budget.
    """

    def __init__(
        self, rpm: int | None = None, tpm: int | None = None, window_s: float = 60.0
    ) -> None:
        self.rpm = rpm
        self.tpm = tpm
        self.window_s = window_s
        self._requests: deque[float] = deque()
        self._tokens: deque[tuple[float, int]] = deque()
        self._lock = asyncio.Lock()

    @classmethod
    def shared(cls, rpm: int | None, tpm: int | None, share: float = 1.0) -> RateLimiter:
        """A limiter holding ``share`` of the budgets: one per process when a run is split.

        Each worker process keeps its own window, so W workers each get 1/W of the provider's
        limits (rounded down, at least 1); together they never exceed them.
        """

        def part(limit: int | None) -> int | None:
            return None if limit is None else max(1, math.floor(limit * share))

        return cls(part(rpm), part(tpm))

    def _trim(self, now: float) -> None:
        while self._requests and now - self._requests[0] >= self.window_s:
            self._requests.popleft()
        while self._tokens and now - self._tokens[0][0] >= self.window_s:
            self._tokens.popleft()

    async def acquire(self) -> None:
        """Wait until one more request fits the budgets, then count it."""
        if self.rpm is None and self.tpm is None:
            return
        async with self._lock:
            while True:
                now = time.monotonic()
                self._trim(now)
                waits = []
                if self.rpm is not None and len(self._requests) >= self.rpm:
                    waits.append(self.window_s - (now - self._requests[0]))
                if self.tpm is not None and sum(n for _, n in self._tokens) >= self.tpm:
                    waits.append(self.window_s - (now - self._tokens[0][0]))
                if not waits:
                    self._requests.append(now)
                    return
                await asyncio.sleep(max(0.001, min(waits)))

    def charge(self, tokens: int) -> None:
        """Count the tokens a finished call used."""
        if self.tpm is not None and tokens:
            self._tokens.append((time.monotonic(), tokens))


# --- errors ------------------------------------------------------------------------------------


def classify(exc: BaseException) -> tuple[str, float | None]:
    """(kind, retry-after seconds) of an exception raised by a model client."""
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    response = getattr(exc, "response", None)
    retry_after = None
    headers = getattr(response, "headers", None)
    if headers is not None:
        value = headers.get("retry-after")
        try:
            retry_after = float(value) if value is not None else None
        except ValueError:
            retry_after = None
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return "timeout", None
    if status == 429 or name == "RateLimitError":
        return "http_429", retry_after
    if isinstance(status, int) and status >= 500:
        return "http_5xx", retry_after
    if any(part in name for part in ("Connect", "Network", "RemoteProtocol")) or isinstance(
        exc, ConnectionError
    ):
        return "connection", None
    if (
        isinstance(exc, json.JSONDecodeError | ValueError)
        or "Decode" in name
        or "Validation" in name
    ):
        return "malformed", None
    if isinstance(status, int):
        return f"http_{status}", None
    return "error", None


async def with_retries(call: Any, retries: int, backoff_s: float = 0.5) -> Any:
    """Await ``call()``, retrying retryable failures with exponential backoff."""
    attempt = 0
    while True:
        try:
            return await call()
        except CallError:
            raise
        except Exception as exc:  # classified below; nothing is swallowed
            kind, retry_after = classify(exc)
            if kind not in RETRYABLE or attempt >= retries:
                # scrubbed before it is cut, so no half of a key survives the cut
                raise CallError(kind, scrub_error(exc, 250)) from exc
            delay = retry_after if retry_after is not None else backoff_s * (2**attempt)
            await asyncio.sleep(min(delay, 30.0))
            attempt += 1


# --- chat clients -------------------------------------------------------------------------------


@dataclass
class Prices:
    """Money per million tokens."""

    input_per_million: float = 0.0
    output_per_million: float = 0.0

    def cost(self, input_tokens: int, output_tokens: int) -> float:
        """Cost of one call."""
        return (
            input_tokens * self.input_per_million + output_tokens * self.output_per_million
        ) / 1e6


def usage_of(message: Any) -> tuple[int, int]:
    """(input, output) tokens a LangChain message reports, 0 when it reports none."""
    usage = getattr(message, "usage_metadata", None) or {}
    if usage:
        return int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))
    token_usage = (getattr(message, "response_metadata", None) or {}).get("token_usage") or {}
    return int(token_usage.get("prompt_tokens", 0)), int(token_usage.get("completion_tokens", 0))


def _text_of(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(
            block.get("text", "") if isinstance(block, dict) else str(block) for block in content
        )
    return str(content)


@dataclass
class ChatClient:
    """One configured chat model, shared by every conversation of a run."""

    model: Any
    """A LangChain chat model or Runnable."""
    model_id: str
    """What identifies the model in cache keys: kind, model name, endpoint."""
    params: dict[str, Any] = field(default_factory=dict)
    prices: Prices = field(default_factory=Prices)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    cache: LLMCache | None = None
    retries: int = 3
    timeout_s: float = 60.0
    calls: int = 0
    owned: list[Any] = field(default_factory=list)
    """HTTP clients this client created and must close (see :meth:`aclose`)."""

    async def aclose(self) -> None:
        """Close the connection pools this client owns, before its event loop ends."""
        while self.owned:
            await self.owned.pop().aclose()

    async def complete(
        self, messages: list[tuple[str, str]], seed: object, tools: list[Any] | None = None
    ) -> Completion:
        """One completion of ``messages`` ((role, text) pairs: system, human, ai)."""
        key = cache_key(self.model_id, messages, {**self.params, "tools": bool(tools)}, seed)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return Completion(**{**hit, "cached": True})
        await self.limiter.acquire()
        runnable = self.model.bind_tools(tools) if tools else self.model

        async def call() -> Any:
            self.calls += 1
            return await asyncio.wait_for(runnable.ainvoke(messages), timeout=self.timeout_s)

        started = time.perf_counter()
        message = await with_retries(call, self.retries)
        latency = time.perf_counter() - started
        text = _text_of(message)
        if len(text) > MAX_RESPONSE_CHARS:
            raise CallError("too_large", f"reply of {len(text)} characters")
        input_tokens, output_tokens = usage_of(message)
        self.limiter.charge(input_tokens + output_tokens)
        tool_calls = [
            {"name": call.get("name"), "args": call.get("args", {})}
            for call in getattr(message, "tool_calls", None) or []
        ]
        completion = Completion(
            text=text,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            cost=self.prices.cost(input_tokens, output_tokens),
            tool_calls=tool_calls,
            latency_s=latency,
        )
        if self.cache is not None:
            self.cache.put(
                key,
                {
                    "text": completion.text,
                    "input_tokens": input_tokens,
                    "output_tokens": output_tokens,
                    "cost": completion.cost,
                    "tool_calls": tool_calls,
                    "latency_s": latency,
                },
            )
        return completion


def api_key_from_env(variable: str | None, where: str) -> str | None:
    """The API key held by environment variable ``variable`` (its name is what specs store)."""
    if not variable:
        return None
    value = os.environ.get(variable)
    if value is None:
        raise SpecError(f"{where}: api_key_env: environment variable {variable} is not set")
    remember_secret(value)  # scrubbed from every error message from now on
    return value
