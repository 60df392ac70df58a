"""Offline simulation throughput and peak memory of `salesim run` for growing N.

Prints conversations per second and peak RSS for each size, and the ratio between the largest and
the smallest run so figures compare within one machine and one run of this script:

    .venv/bin/python bench/throughput.py [--sizes 50,200,800]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time

from simulator.runs import run_suite
from simulator.models import RunConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,800", help="instances per persona and locale")
    parser.add_argument("--agents", default="scripted-v2", help="comma-separated candidate agents")
    args = parser.parse_args()
    rates = []
    with tempfile.TemporaryDirectory() as out:
        for n in [int(x) for x in args.sizes.split(",")]:
            config = RunConfig(agents=args.agents.split(","), n=n, out=out, run_id=f"bench-{n}")
            started = time.perf_counter()
            _, summary = run_suite(config)
            elapsed = time.perf_counter() - started
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            rate = summary["conversations"] / elapsed
            rates.append(rate)
            print(
                f"n={n:>6}  conversations={summary['conversations']:>7}  {elapsed:7.2f} s  "
                f"{rate:8.0f} conv/s  peak RSS {peak_mb:6.0f} MB"
            )
    print(f"throughput ratio largest/smallest run: {rates[-1] / rates[0]:.2f}")


if __name__ == "__main__":
    main()
