"""What Ray costs on one machine: conversations/s for local ``--workers 2`` vs 2 Ray actors.

Offline (scripted customers against scripted-v2, scoring and writing included), so any gap is
Ray's overhead: starting the local Ray instance, starting the actors (each prepares the suite
from the config) and shipping each batch's serialised lines back through the object store.
Each configuration runs in its own subprocess; the Ray start-up (``ray.init`` of a local
2-CPU instance) is timed apart from the run, which includes the actors' start:

    .venv/bin/python bench/ray_overhead.py [--sizes 1000,10000] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

CHILD = """
import json, sys, time
from simulator.models import RunConfig
from simulator.runs import run_suite
n, executor, out, tag = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
startup = 0.0
if executor == "ray":
    import ray
    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    startup = time.perf_counter() - started
started = time.perf_counter()
_, summary = run_suite(RunConfig(agents=["scripted-v2"], baseline_agent=None, n=max(1, n // 6),
                                 workers=2, executor=executor, out=out,
                                 run_id=f"{tag}-n{n}-{executor}", report=False))
elapsed = time.perf_counter() - started
print(json.dumps({"conversations": summary["conversations"], "elapsed": elapsed,
                  "startup": startup}))
"""


def _measure(n: int, executor: str, out: str, tag: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), executor, out, tag],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    print(
        f"{'N':>7} {'local conv/s':>13} {'ray conv/s':>11} {'ray/local':>10} "
        f"{'ray.init s':>11} {'ray run s':>10}"
    )
    with tempfile.TemporaryDirectory() as out:
        for n in [int(x) for x in args.sizes.split(",")]:
            for repeat in range(args.repeats):
                local = _measure(n, "local", out, f"r{repeat}")
                ray = _measure(n, "ray", out, f"r{repeat}")
                local_rate = local["conversations"] / local["elapsed"]
                ray_rate = ray["conversations"] / ray["elapsed"]
                print(
                    f"{int(local['conversations']):>7} {local_rate:>13.0f} {ray_rate:>11.0f} "
                    f"{ray_rate / local_rate:>10.2f} {ray['startup']:>11.1f} "
                    f"{ray['elapsed']:>10.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
