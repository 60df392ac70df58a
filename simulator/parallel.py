"""Running a plan on several processes (``--workers N``) or a Ray cluster (``--executor ray``).

The plan is cut into batches of consecutive jobs. Each worker prepares the suite once (from the
run's config), runs whole batches and sends back the serialised lines; the parent writes them
in plan order, so the files are identical for any number of workers, and an interrupted run
resumes exactly as a single-process one does. Only the parent writes to the run directory.
"""

from __future__ import annotations

import asyncio
import atexit
import ctypes
import itertools
import math
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from simulator.engine import (
    InstanceCache,
    ProgressCallback,
    RunStopped,
    Suite,
    close_suite,
    plan_jobs,
    prepare_suite,
    run_job,
)
from simulator.heap import freeze_for_worker
from simulator.metrics import SummaryRow
from simulator.models import RunConfig
from simulator.results import RunLock, RunWriter, dump_line

_START_METHODS = multiprocessing.get_all_start_methods()
BATCH = 250
"""Jobs per batch: large enough to amortise inter-process traffic, small enough to resume."""

Line = tuple[str, str, SummaryRow]

_SUITE: Suite | None = None
_LOOP: asyncio.AbstractEventLoop | None = None
_TICKS: Any = None
"""A queue to the parent: one item per finished conversation (progress), when it watches.

Each item is the start of the conversation's batch: a worker's queue feeder can deliver the
last items after the batch's result, so the parent counts each batch's ticks and, when the
batch's lines arrive, reports what its ticks did not and ignores the latecomers.
"""
POLL_S = 0.1
"""How often the parent checks for a stop signal and for progress while batches run."""


class WorkerLost(RuntimeError):
    """A worker process, or a Ray actor with its node, died while it held batches.

    Its own exception so the run ends as an interrupted one, with one line saying how to resume,
    not a traceback: the lines written so far are a complete prefix of the plan.
    """


def worker_config(config: RunConfig, workers: int) -> RunConfig:
    """The config one of ``workers`` processes runs: its share of the conversations in flight.

    ``--concurrency`` counts conversations in flight for the whole run, so a provider sees the
    same load whatever the number of processes; each worker also gets 1/W of the rate limits
    (see :func:`_init_worker`)."""
    share = max(1, math.ceil(config.concurrency / workers))
    return config.model_copy(update={"concurrency": share, "workers": workers})


def _init_worker(config_json: str, ticks: Any = None, parent: int | None = None) -> None:
    global _SUITE, _LOOP, _TICKS
    if parent is not None:
        die_with_parent(parent)
        RunLock.drop_inherited()  # only the parent holds the run's lock
    _TICKS = ticks
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    # ... and ends a worker with SIGTERM (a forked worker inherits the parent's handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    config = RunConfig.model_validate_json(config_json)
    # each worker keeps its own rate-limit window, so it may use 1/W of every budget
    _SUITE = prepare_suite(config, rate_share=1 / int(config.workers))
    # One event loop for all of this worker's batches: remote agents' connection pools belong
    # to a loop and must outlive a batch; they are closed when the worker exits.
    _LOOP = asyncio.new_event_loop()
    atexit.register(_close_worker)
    freeze_for_worker()


PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal this process gets when the thread that forked it ends."""
PARENT_POLL_S = 0.5


def die_with_parent(parent: int) -> None:
    """End this worker when process ``parent`` ends, however it ends.

    A parent killed with SIGKILL runs no cleanup: its pool's workers lived on, each holding a
    forked copy of the run directory's lock, and ``--resume`` said "locked by pid N" for ever.
    On Linux the kernel sends the worker SIGKILL when its parent dies (``PR_SET_PDEATHSIG``);
    elsewhere a daemon thread watches the parent's pid. A parent that died before either was
    in place is caught by comparing the pid now.
    """
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            watched = False
    if os.getppid() != parent:
        os._exit(1)
    if not watched:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_POLL_S)
            os._exit(1)

        threading.Thread(target=watch, name="salesim-parent-watch", daemon=True).start()


def _close_worker() -> None:
    if _SUITE is not None and _LOOP is not None and not _LOOP.is_closed():
        _LOOP.run_until_complete(close_suite(_SUITE))
        _LOOP.close()


async def _run_jobs(suite: Suite, start: int, count: int) -> list[Line]:
    instances = InstanceCache(suite.config.seed)
    semaphore = asyncio.Semaphore(suite.config.concurrency)

    async def one(job: Any) -> Line:
        async with semaphore:
            transcript, row = await run_job(suite, job, instances)
        if _TICKS is not None:
            _TICKS.put(start)
        return dump_line(transcript), dump_line(row), SummaryRow.of(row)

    jobs = itertools.islice(plan_jobs(suite), start, start + count)
    return list(await asyncio.gather(*(one(job) for job in jobs)))


def run_batch(start: int, count: int) -> list[Line]:
    """Worker entry point: jobs ``start .. start+count`` of the plan, serialised."""
    assert _SUITE is not None and _LOOP is not None, "worker not initialised"
    return _LOOP.run_until_complete(_run_jobs(_SUITE, start, count))


def _batches(total: int, skip: int, workers: int, concurrency: int) -> Iterator[tuple[int, int]]:
    # Big batches for big offline runs; a short run is split evenly, one batch per worker, so
    # each worker keeps its `concurrency` conversations in flight from start to end (smaller
    # batches would drain to a part-empty last wave each time).
    remaining = max(0, total - skip)
    size = max(1, min(BATCH, -(-remaining // workers)))
    for start in range(skip, total, size):
        yield start, min(size, total - start)


def _stop_on_signals() -> tuple[threading.Event, Callable[[], None]]:
    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return stop, restore


def execute_parallel(
    suite: Suite,
    writer: RunWriter,
    progress: ProgressCallback | None,
    skip: int,
    workers: int,
    sink: Any = None,
) -> Any:
    """Run the plan after ``skip`` on ``workers`` processes; write lines in plan order."""
    rows: Any = sink if sink is not None else []
    stop, restore = _stop_on_signals()
    # fork when this process runs no other Python thread (workers start in milliseconds and
    # inherit the loaded specs); spawn otherwise, since forking a threaded process is unsafe
    method = "fork" if threading.active_count() == 1 and "fork" in _START_METHODS else "spawn"
    context = multiprocessing.get_context(method)
    batches = _batches(suite.total, skip, workers, suite.config.concurrency)
    # progress comes from the workers as conversations finish, not when a batch is written:
    # one batch per worker is the whole of a short run
    ticks = context.Queue() if progress else None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(worker_config(suite.config, workers).model_dump_json(), ticks, os.getpid()),
    )
    try:
        in_flight: deque[tuple[int, Future[list[Line]]]] = deque()
        ticked: dict[int, int] = {}  # batch start -> conversations reported so far
        written: set[int] = set()  # batches whose every conversation has been reported

        def refill() -> None:
            while len(in_flight) < workers * 2:
                batch = next(batches, None)
                if batch is None:
                    return
                in_flight.append((batch[0], pool.submit(run_batch, *batch)))

        def report_progress(finished: tuple[int, int] | None = None) -> None:
            """Report the ticks that arrived; with ``finished`` (start, size), all of that batch."""
            if ticks is None or progress is None:
                return
            done = 0
            while True:
                try:
                    start = ticks.get_nowait()
                except queue.Empty:
                    break
                if start not in written:
                    ticked[start] = ticked.get(start, 0) + 1
                    done += 1
            if finished is not None:
                start, size = finished
                done += size - ticked.pop(start, 0)
                written.add(start)
            if done:
                progress(done)

        refill()
        while in_flight:
            start, future = in_flight[0]
            try:
                lines = future.result(timeout=POLL_S)
            except TimeoutError:
                report_progress()
                if stop.is_set():
                    raise RunStopped() from None
                continue
            except BrokenProcessPool:
                raise WorkerLost(
                    "a worker process died (out of memory, or an agent that crashed the "
                    "interpreter); the lines written so far are kept"
                ) from None
            in_flight.popleft()
            for transcript_line, score_line, row in lines:
                writer.add_lines(transcript_line, score_line)
                rows.append(row)
            report_progress(finished=(start, len(lines)))
            if stop.is_set():
                raise RunStopped()
            refill()
    except BaseException:
        _stop_now(pool)  # a stop signal, a dead worker, a full disk: nothing more to wait for
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        restore()
        if ticks is not None:
            ticks.close()
            ticks.join_thread()
    return rows


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End a pool at once: what its workers hold is abandoned, as in a one-process run.

    ``shutdown`` alone would wait for the running batches, which for a run against a remote
    model can be minutes after Ctrl-C. The written lines are a complete prefix of the plan, so
    ``--resume`` redoes exactly what was lost. (``_processes`` is the executor's own map of its
    workers; there is no public way to end them.)
    """
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


# --- Ray ---------------------------------------------------------------------------------------


def execute_ray(
    suite: Suite,
    writer: RunWriter,
    progress: ProgressCallback | None,
    skip: int,
    workers: int,
    address: str | None = None,
    sink: Any = None,
) -> Any:
    """Run the plan on a Ray cluster: one actor per worker holds a prepared suite.

    Results stream back batch by batch in plan order and are written by this process, so the
    run directory, exactly-once and resume behave as for a local run.
    """
    try:
        import ray
    except ImportError:
        from simulator.specs import SpecError

        raise SpecError(
            "--executor ray: ray is not installed (pip install 'salesim[ray]')"
        ) from None
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=None if address else workers,
            include_dashboard=False,
            log_to_driver=False,
            ignore_reinit_error=True,
        )

    @ray.remote
    class Worker:
        def __init__(self, config_json: str) -> None:
            _init_worker(config_json)

        def run(self, start: int, count: int) -> list[Line]:
            return run_batch(start, count)

    config_json = worker_config(suite.config, workers).model_dump_json()
    actors = [Worker.remote(config_json) for _ in range(workers)]
    rows: Any = sink if sink is not None else []
    stop, restore = _stop_on_signals()
    try:
        in_flight: deque[Any] = deque()
        batches = _batches(suite.total, skip, workers, suite.config.concurrency)
        turn = itertools.cycle(actors)

        def refill() -> None:
            while len(in_flight) < workers * 2:
                batch = next(batches, None)
                if batch is None:
                    return
                in_flight.append(next(turn).run.remote(*batch))

        refill()
        while in_flight:
            if stop.is_set():
                raise RunStopped()
            ready, _ = ray.wait([in_flight[0]], timeout=POLL_S)
            if not ready:
                continue  # check for a stop signal again: the actors are killed on the way out
            try:
                lines = ray.get(in_flight.popleft())
            except ray.exceptions.RayActorError as exc:
                # a node lost (preempted, out of memory, scaled down) takes its actor with it
                raise WorkerLost(
                    f"a Ray actor died ({type(exc).__name__}: its node was lost or the actor "
                    "crashed); the lines written so far are kept"
                ) from None
            for transcript_line, score_line, row in lines:
                writer.add_lines(transcript_line, score_line)
                rows.append(row)
                if progress:
                    progress(1)
            refill()
    finally:
        restore()
        for actor in actors:
            ray.kill(actor)
    return rows
