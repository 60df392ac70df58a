"""Peak memory of `salesim score` as the input grows: it should stay flat.

Writes N imported conversations (the interchange sample chats, repeated with new ids) to a JSONL
file, scores them with `salesim score` in a child process and prints the child's peak RSS and
its conversations per second, for each N. The rows go to scores.jsonl as they are made and only
counts stay in memory, so 10 times the conversations should cost about the same memory.

    .venv/bin/python bench/score_memory.py                 # 10,000 and 100,000
    .venv/bin/python bench/score_memory.py --n 1000000     # any sizes (1M takes several minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "interchange" / "sample.jsonl"


def write_input(path: Path, n: int) -> None:
    lines = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            chat = dict(lines[i % len(lines)])
            chat["conversation_id"] = f"{chat['conversation_id']}-{i}"
            handle.write(json.dumps(chat, ensure_ascii=False) + "\n")


def score_peak(n: int, workdir: Path) -> tuple[float, float]:
    """(peak RSS in MB of the scoring process, conversations per second)."""
    source = workdir / f"chats-{n}.jsonl"
    write_input(source, n)
    arguments = ["score", str(source), "--out", str(workdir / f"scored-{n}")]
    arguments += ["--locale", "zh_CN", "--industry", "education"]
    script = "import sys; from simulator.cli import main; sys.exit(main())"
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    _, _, usage = os.wait4(process.pid, 0)  # the child's own peak (ru_maxrss, in KB on Linux)
    elapsed = time.perf_counter() - started
    if process.stderr is not None:
        errors = process.stderr.read().decode(errors="replace").strip()
        process.stderr.close()
        if errors and "warning" not in errors:
            print(errors[-500:], file=sys.stderr)
    source.unlink()
    return usage.ru_maxrss / 1024, n / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for n in args.n:
            peak, rate = score_peak(n, Path(tmp))
            results.append((n, peak))
            print(f"salesim score {n:>9,}: peak RSS {peak:7.1f} MB, {rate:5.0f} conversations/s")
        if len(results) > 1:
            (n0, m0), (n1, m1) = results[0], results[-1]
            print(f"memory ratio {m1 / m0:.2f} for {n1 / n0:.0f}x the conversations")


if __name__ == "__main__":
    main()
