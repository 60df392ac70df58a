"""Concurrency efficiency at c=64 split over worker processes (companion of concurrency.py).

One event loop tops out near 4 ms of client-stack CPU per model call (langchain-openai and the
openai SDK), so at 64 calls in flight per 200 ms a single loop saturates. This bench runs the
same workload (300 conversations x 8 agent replies, 200 ms per call, cache off) with the
OpenAI-compatible test server in its own process, as `salesim run --workers W --concurrency
64/W`, and prints the efficiency (calls x latency / 64 / achieved time).

    .venv/bin/python bench/concurrency_workers.py [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrency as bench

from simulator.models import RunConfig
from simulator.runs import run_suite
from simulator.testing import OpenAICompatibleServer

TOTAL_IN_FLIGHT = 64


def _serve(queue: multiprocessing.Queue, stop: multiprocessing.Event) -> None:
    with OpenAICompatibleServer(latency_s=bench.LATENCY_S) as server:
        queue.put(server.url)
        stop.wait()


def agent_calls(directory: Path) -> int:
    calls = 0
    with (directory / "transcripts.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            calls += sum(m["role"] == "agent" for m in json.loads(line)["messages"])
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--n", type=int, default=150)
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    queue, stop = context.Queue(), context.Event()
    server = context.Process(target=_serve, args=(queue, stop), daemon=True)
    server.start()
    url = queue.get(timeout=30)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp)
            spec = bench.write_agent_spec(directory, url)
            for workers in [int(w) for w in args.workers.split(",")]:
                config = RunConfig(
                    agents=[str(spec)],
                    baseline_agent=None,
                    personas=[bench.PERSONA],
                    locales=bench.LOCALES,
                    n=args.n,
                    concurrency=TOTAL_IN_FLIGHT // workers,
                    workers=workers,
                    customer="concurrency:EightTurnCustomer",
                    cache=None,
                    out=str(directory),
                    run_id=f"w{workers}",
                    report=False,
                )
                started = time.perf_counter()
                run_dir, summary = run_suite(config)
                elapsed = time.perf_counter() - started
                calls = agent_calls(run_dir)
                ideal = calls * bench.LATENCY_S / TOTAL_IN_FLIGHT
                print(
                    f"workers {workers} x concurrency {TOTAL_IN_FLIGHT // workers}: "
                    f"{summary['conversations']} conversations, {calls} calls, "
                    f"wall {elapsed:6.2f} s, ideal {ideal:5.2f} s, "
                    f"efficiency {ideal / elapsed:5.3f}",
                    flush=True,
                )
    finally:
        stop.set()
        server.join(timeout=10)


if __name__ == "__main__":
    main()
