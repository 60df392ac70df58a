"""Blocking agent code, run off the event loop on a bounded set of threads.

Most agents people write first are plain functions: they call a database, a vector store or a
model SDK synchronously. Called on the event loop, one such call stops every conversation in
flight (16 conversations of a 0.3 s call took 14.7 s instead of 1.2 s) and ``--agent-timeout``
cannot fire, since the loop that would fire it is the one blocked. So sync agents run here, on at
most ``size`` threads (``--concurrency``: a sync agent sees the same load an async one does).

A thread cannot be killed. When a call times out the conversation records the timeout and moves
on; the call finishes in the background, and its thread is busy until it does (calls that wait
for a free thread count the wait against their own timeout). The threads are daemons: a run ends,
and its process exits, without waiting for a call that hangs.

``concurrent.futures.ThreadPoolExecutor`` is not used because its threads are joined at exit,
so one hung agent call would keep ``salesim run`` from ever returning.
"""

from __future__ import annotations

import asyncio
import contextvars
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

SHUTDOWN_WAIT_S = 0.5
"""How long :meth:`BlockingPool.shutdown` waits for idle threads to exit, in all."""

_Call = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], contextvars.Context]


class BlockingPool:
    """At most ``size`` daemon threads that run blocking calls for coroutines.

    Threads start when calls need them and stop at :meth:`shutdown`; the pool can be used again
    after it (a later run in the same process starts fresh threads).
    """

    def __init__(self, size: int, name: str = "salesim-agent") -> None:
        if size < 1:
            raise ValueError("a pool needs at least one thread")
        self.size = size
        self.name = name
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = threading.Semaphore(0)
        self._busy: set[threading.Thread] = set()

    async def run(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(*args)`` on a pool thread, in the caller's context (its context variables).

        Cancelling the await (a timeout) abandons the call: it is skipped if no thread has
        started it yet, and left to finish otherwise.
        """
        future: Future[Any] = Future()
        with self._lock:
            self._queue.put((future, func, args, contextvars.copy_context()))
            self._grow()
        return await asyncio.wrap_future(future)

    def _grow(self) -> None:
        if self._idle.acquire(blocking=False):
            return  # a thread is waiting for work and will take this call
        self._threads = [t for t in self._threads if t.is_alive()]
        if len(self._threads) < self.size:
            thread = threading.Thread(
                target=_work,
                args=(self._queue, self._idle, self._busy),
                name=f"{self.name}-{len(self._threads)}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    @property
    def threads(self) -> int:
        """Threads alive now (busy or idle)."""
        with self._lock:
            return sum(t.is_alive() for t in self._threads)

    def shutdown(self) -> None:
        """Let threads exit: idle ones now (waited for, briefly), busy ones when their call returns.

        A process with no thread left can fork its ``--workers`` safely, so a later run in the
        same process is not pushed to the slower spawn start.
        """
        with self._lock:
            threads, old = self._threads, self._queue
            self._threads, self._queue = [], queue.SimpleQueue()
            self._idle = threading.Semaphore(0)
        for _ in threads:
            old.put(None)
        deadline = time.monotonic() + SHUTDOWN_WAIT_S
        for thread in threads:
            if thread not in self._busy:  # a hung call is not waited for
                thread.join(max(0.0, deadline - time.monotonic()))


def _work(
    calls: queue.SimpleQueue[_Call | None],
    idle: threading.Semaphore,
    busy: set[threading.Thread],
) -> None:
    me = threading.current_thread()
    while True:
        call = calls.get()
        if call is None:
            return
        future, func, args, context = call
        if future.set_running_or_notify_cancel():  # False: timed out while it waited
            busy.add(me)
            try:
                result = context.run(func, *args)
            except BaseException as exc:  # handed to the awaiting coroutine, as asyncio does
                future.set_exception(exc)
            else:
                future.set_result(result)
            finally:
                busy.discard(me)
        del call, future, func, args, context
        idle.release()
