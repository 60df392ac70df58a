"""Offline throughput and peak memory: conversations per second for N conversations and workers.

Scripted customers against scripted-v2, scoring (rubrics included) and writing included, for
N = 1,000 / 10,000 / 100,000 conversations with 1 and 2 worker processes. Each configuration
runs in its own subprocess so its peak RSS is its own (parent and workers reported apart):

    .venv/bin/python bench/throughput.py [--sizes 1000,10000,100000] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

CHILD = """
import json, resource, sys, time
from simulator.models import RunConfig
from simulator.runs import run_suite
n, workers, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
per_cell = max(1, n // 6)
started = time.perf_counter()
_, summary = run_suite(RunConfig(agents=["scripted-v2"], baseline_agent=None, n=per_cell,
                                 workers=workers, out=out, run_id=f"n{n}-w{workers}",
                                 report=False))
elapsed = time.perf_counter() - started
print(json.dumps({
    "conversations": summary["conversations"],
    "elapsed": elapsed,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    print(
        f"{'N':>8} {'workers':>7} {'conv':>8} {'seconds':>8} {'conv/s':>8} "
        f"{'peak RSS parent':>16} {'peak RSS worker':>16}"
    )
    results = {}
    with tempfile.TemporaryDirectory() as out:
        for n in [int(x) for x in args.sizes.split(",")]:
            for workers in [int(x) for x in args.workers.split(",")]:
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, str(n), str(workers), out],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                r = json.loads(done.stdout.strip().splitlines()[-1])
                rate = r["conversations"] / r["elapsed"]
                results[(n, workers)] = rate
                worker_rss = f"{r['children_rss_mb']:.0f} MB" if workers > 1 else "-"
                print(
                    f"{n:>8} {workers:>7} {r['conversations']:>8} {r['elapsed']:>8.1f} "
                    f"{rate:>8.0f} {r['rss_mb']:>13.0f} MB {worker_rss:>16}",
                    flush=True,
                )
    for n in sorted({n for n, _ in results}):
        if (n, 1) in results and (n, 2) in results:
            print(f"N={n}: 2 workers / 1 worker = {results[(n, 2)] / results[(n, 1)]:.2f}x")


if __name__ == "__main__":
    main()
