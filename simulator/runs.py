"""A run's life: start, lock, survive interruptions, resume, finish.

``results/<run_id>/`` is the run's identity. A new run validates every spec before creating the
directory; while it runs, a lock keeps any other process out, lines are appended in plan order
and flushed; Ctrl-C or SIGTERM stop it gracefully (in-flight conversations are not recorded,
the manifest says ``interrupted``); a SIGKILL leaves at most a torn last line. ``--resume``
then finishes the plan: every conversation exactly once, and for offline agents the same
transcripts, byte for byte, as an uninterrupted run. Resume refuses when a persona, agent,
rubric or phrase-bank file changed since the run started, unless forced.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import re
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from simulator.engine import (
    ProgressCallback,
    RunStopped,
    Suite,
    build_summary,
    execute_suite,
    fingerprint,
    manifest_of,
    new_tally,
    prepare_suite,
)
from simulator.heap import run_heap
from simulator.models import RunConfig
from simulator.parallel import WorkerLost, execute_parallel, execute_ray
from simulator.results import (
    MANIFEST,
    RunLock,
    RunWriter,
    new_run_id,
    private_name,
    read_manifest,
)
from simulator.scrub import scrub_error
from simulator.specs import SpecError, format_validation_error

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


class RunInterrupted(RuntimeError):
    """The run was stopped by a signal or lost a worker; its directory can be resumed."""

    def __init__(self, directory: Path, reason: str = "interrupted") -> None:
        super().__init__(f"{reason}; resume with: salesim run --resume {directory}")
        self.directory = directory


def safe_name(value: str, option: str) -> str:
    """A name that becomes a directory: no separators, no '..', no hidden files."""
    if not SAFE_NAME.match(value):
        raise SpecError(
            f"{option} {value!r}: use letters, digits, '.', '_' and '-' only (it names a directory)"
        )
    return value


async def _execute_with_signals(
    suite: Suite, writer: RunWriter, progress: Any, skip: int, sink: Any
) -> Any:
    """Run the suite; SIGINT and SIGTERM ask it to stop between two writes.

    A flag rather than task cancellation: ``asyncio.wait_for`` on Python 3.11 can swallow a
    cancellation that lands as its inner call finishes, and a lost Ctrl-C is not acceptable.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)
    try:
        return await execute_suite(suite, writer, progress, skip=skip, stop=stop, sink=sink)
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)


def _execute(
    suite: Suite, writer: RunWriter, directory: Path, progress: Any, skip: int, earlier: list[Any]
) -> tuple[Any, float]:
    started = time.perf_counter()
    config = suite.config
    tally = new_tally(suite)
    for row in earlier:
        tally.append(row)
    try:
        with run_heap():
            if config.executor == "ray":
                execute_ray(
                    suite, writer, progress, skip, config.workers, config.ray_address, sink=tally
                )
            elif config.workers > 1:
                execute_parallel(suite, writer, progress, skip, config.workers, sink=tally)
            else:
                asyncio.run(_execute_with_signals(suite, writer, progress, skip, tally))
    except (RunStopped, KeyboardInterrupt, asyncio.CancelledError):
        writer.fail("interrupted", "stopped by a signal")
        raise RunInterrupted(directory) from None
    except WorkerLost as exc:
        with contextlib.suppress(OSError):
            writer.fail("interrupted", str(exc))
        raise RunInterrupted(directory, str(exc)) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            writer.fail("failed", f"cannot write results: {exc}")
        raise SpecError(f"{directory}: cannot write results ({exc.strerror or exc})") from None
    except BaseException as exc:
        with contextlib.suppress(OSError):
            writer.fail("failed", scrub_error(exc))
        raise
    return tally, time.perf_counter() - started


def run_suite(
    config: RunConfig, progress: ProgressCallback | None = None, suite: Suite | None = None
) -> tuple[Path, dict[str, Any]]:
    """Run a whole suite into ``<out>/<run_id>/`` and return the directory and the summary.

    Every spec is validated before the directory is created, so bad input leaves nothing behind.
    """
    if config.run_id is not None:
        safe_name(config.run_id, "--run-id")
    suite = suite or prepare_suite(config)
    run_id = config.run_id or new_run_id(config.seed)
    directory = Path(config.out) / run_id
    if directory.exists():
        raise SpecError(
            f"--out {config.out}: run directory {directory} already exists; "
            f"choose another --run-id, or finish it with --resume {directory}"
        )
    # The directory appears under its name only once it holds a manifest (made under a hidden
    # name of this process's own, then renamed), so a run killed at any moment leaves either a
    # resumable run or a staging directory that blocks nothing and is removed by the next start.
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_starts(directory)
        staging = private_name(directory, "starting")
        staging.mkdir()
    except OSError as exc:
        raise SpecError(f"{directory}: cannot create the run directory ({exc.strerror})") from None
    lock = RunLock(staging)
    lock.acquire()
    try:
        writer = RunWriter(staging)
        try:
            writer.start(manifest_of(suite, run_id))
            staging.rename(directory)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if directory.exists():  # another start of the same run id got there first
                raise SpecError(f"{directory}: already exists (started meanwhile)") from None
            raise SpecError(f"{directory}: cannot write results ({exc.strerror or exc})") from None
        writer.directory = directory
        rows, elapsed = _execute(suite, writer, directory, progress, 0, [])
        summary = build_summary(suite, run_id, rows, elapsed)
        _add_reader_agreement(summary, suite, directory)
        writer.finish(summary, conversations_written=len(rows), elapsed_s=round(elapsed, 3))
        _report(directory, suite, len(rows))
    finally:
        lock.release()
    return directory, summary


def remove_stale_starts(directory: Path) -> None:
    """Remove staging directories of ``directory``'s run id that nobody holds any more.

    A start killed between creating its staging directory and renaming it leaves
    ``.RUNID.starting-*`` (``.RUNID.starting`` before): the lock a live start holds on it
    tells the two apart, and only a free one is removed.
    """
    for staging in directory.parent.glob(f".{glob.escape(directory.name)}.starting*"):
        if not staging.is_dir():
            continue
        lock = RunLock(staging)
        try:
            lock.acquire()
        except (SpecError, OSError):
            continue  # a start in progress, or not ours to judge
        try:
            shutil.rmtree(staging, ignore_errors=True)
        finally:
            lock.release()


REPORT_LIMIT = 20_000
"""Larger runs skip the automatic report (it would be too big to open); `salesim report` still
writes one, and a filtered export is the better way to review that many conversations."""


def _report(directory: Path, suite: Suite, conversations: int) -> None:
    if not suite.config.report:
        return
    if conversations > REPORT_LIMIT:
        print(
            f"note: report.html skipped for {conversations} conversations "
            f"(more than {REPORT_LIMIT}); run `salesim report {directory}` to write one",
            file=sys.stderr,
        )
        return
    from simulator.report import write_report

    write_report(directory)


def resume_run(
    directory: Path, progress: ProgressCallback | None = None, force: bool = False
) -> tuple[Path, dict[str, Any]]:
    """Finish an interrupted run in ``directory``: each planned conversation exactly once."""
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        raise SpecError(f"--resume {directory}: not a run directory (no {MANIFEST})")
    manifest = read_manifest(directory)
    try:
        config = RunConfig.model_validate(
            {**manifest["config"], "out": str(directory.parent), "run_id": directory.name}
        )
    except ValidationError as exc:
        detail = format_validation_error("", exc).removeprefix(": ")
        raise SpecError(f"{manifest_path}: config.{detail}") from None
    suite = prepare_suite(config)
    changed = _changed_files(manifest.get("fingerprint", {}), fingerprint(suite))
    if changed and not force:
        raise SpecError(
            f"--resume {directory}: specs changed since the run started ({', '.join(changed[:3])}"
            f"{' ...' if len(changed) > 3 else ''}); results would mix two setups. "
            "Start a new run, or pass --force"
        )
    with RunLock(directory):
        writer = RunWriter(directory)
        earlier = writer.resume()
        if changed:
            writer.manifest["forced_resume_with_changed_specs"] = changed
        rows, elapsed = _execute(suite, writer, directory, progress, len(earlier), earlier)
        summary = build_summary(suite, directory.name, rows, elapsed)
        summary["resumed_after"] = len(earlier)
        _add_reader_agreement(summary, suite, directory)
        writer.finish(summary, conversations_written=len(rows), elapsed_s=round(elapsed, 3))
        _report(directory, suite, len(rows))
    return directory, summary


def _add_reader_agreement(summary: dict, suite: Suite, directory: Path) -> None:
    """With a model reader, how often it and the rules reader understood replies alike."""
    if suite.config.reader and suite.config.reader != "rules":
        from simulator.reading import run_agreement

        summary["reader_agreement"] = run_agreement(directory)


def _changed_files(before: dict[str, str], now: dict[str, str]) -> list[str]:
    names = sorted(set(before) | set(now))
    return [name for name in names if before.get(name) != now.get(name)]
