"""Where a conversation's time goes: cProfile of an offline run, grouped by stage.

Stages: customer understanding and text (simulator.customers, text, style), the reference agent
(agents), conversation loop (engine), contact parsing (contacts, phonenumbers), compliance
rubrics (rubrics), other scoring (metrics, scoring), writing results (results, pydantic
serialisation), spec loading (specs, yaml). Prints the share of each stage and the top
functions, for a run of N conversations:

    .venv/bin/python bench/profile_hot_path.py [--n 3000]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from collections import defaultdict

from simulator.models import RunConfig
from simulator.runs import run_suite

STAGES = (
    (
        "customer (understanding, text, style)",
        (
            "simulator/customers",
            "simulator/text",
            "simulator/style",
            "simulator/reading",
            "rapidfuzz",
        ),
    ),
    ("reference agent", ("simulator/agents",)),
    ("contact parsing", ("simulator/contacts", "phonenumbers")),
    ("compliance rubrics", ("simulator/rubrics",)),
    ("other scoring", ("simulator/metrics", "simulator/scoring", "simulator/stats")),
    ("writing results", ("simulator/results", "pydantic")),
    ("spec loading", ("simulator/specs", "yaml")),
    ("conversation loop", ("simulator/engine", "asyncio")),
)


def stage_of(filename: str) -> str:
    if filename == "~":
        return "C built-ins (regex, rapidfuzz, hashing; called from the stages above)"
    for name, markers in STAGES:
        if any(marker in filename for marker in markers):
            return name
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="conversations")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        config = RunConfig(
            agents=["scripted-v2"],
            baseline_agent=None,
            n=max(1, args.n // 6),
            out=out,
            report=False,
        )
        profiler = cProfile.Profile()
        profiler.enable()
        _, summary = run_suite(config)
        profiler.disable()
    stats = pstats.Stats(profiler)
    by_stage: dict[str, float] = defaultdict(float)
    total = 0.0
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_stage[stage_of(filename)] += tottime
        total += tottime
    print(
        f"{summary['conversations']} conversations, {total:.2f} s of profiled time "
        f"({total / summary['conversations'] * 1000:.2f} ms per conversation)"
    )
    for stage, seconds in sorted(by_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:40} {seconds:7.2f} s  {seconds / total:6.1%}")
    print("\ntop functions by own time:")
    stats.sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
