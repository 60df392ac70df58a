"""Offline conversations per second: salesim against openevals' run_multiturn_simulation.

Both sides run 8-turn scripted conversations with no model calls. openevals: a fixed list of 8
user messages (its `fixed_responses` style user) and an app that answers with fixed text, no
evaluators. salesim: the scripted customer against scripted-v2, which also understands every
message, writes varied text, keeps simulated time, scores reply, lead and compliance, and
writes transcripts and scores to disk. Both in one process, same run, printed as a ratio.

    .venv/bin/python bench/peer_offline.py [--n 3000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

from simulator.models import RunConfig
from simulator.runs import run_suite

USER = [
    "Hi, my son is struggling with maths. Can you help?",
    "How much does it cost?",
    "Who are the teachers?",
    "What times are the lessons?",
    "Is there a trial lesson?",
    "How do you track progress?",
    "Can I pay monthly?",
    "Ok, thanks.",
]


def openevals_rate(n: int) -> float | None:
    try:
        from openevals.simulators import run_multiturn_simulation
    except ImportError:
        print("openevals: not installed (pip install openevals); comparison skipped")
        return None
    os.environ["LANGSMITH_TRACING"] = "false"

    def app(message, *, thread_id: str, **kwargs):
        return {"role": "assistant", "content": "Thanks for asking, happy to help with that."}

    started = time.perf_counter()
    for i in range(n):
        result = run_multiturn_simulation(app=app, user=list(USER), max_turns=8, thread_id=str(i))
    elapsed = time.perf_counter() - started
    turns = sum(1 for m in result["trajectory"] if m["role"] == "assistant")
    print(
        f"openevals  {n:6d} conversations ({turns} agent turns each) in {elapsed:6.2f} s: "
        f"{n / elapsed:7.0f} conv/s"
    )
    return n / elapsed


def salesim_rate(n: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        config = RunConfig(
            agents=["scripted-v2"], baseline_agent=None, n=max(1, n // 6), out=out, report=False
        )
        started, cpu = time.perf_counter(), time.process_time()
        _, summary = run_suite(config)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    turns = summary["conversations"]
    # CPU seconds as well: on a shared machine the wall clock measures the neighbours too
    print(
        f"salesim    {turns:6d} conversations (scored, written) in {elapsed:6.2f} s: "
        f"{turns / elapsed:7.0f} conv/s ({turns / cpu:.0f} per CPU second)"
    )
    return turns / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    ours = salesim_rate(args.n)
    theirs = openevals_rate(args.n)
    if theirs:
        print(f"salesim / openevals conversations per second: {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
