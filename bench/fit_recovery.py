"""How well `salesim personas fit` recovers known parameters, and whether a fitted persona
reproduces chats it was not fitted on.

1. Recovery: a population simulated with parameters the base persona does not have, answered
   by a staff with a known shift and reply speed, exported the way real chats are (no persona,
   outcome, truth or notes), then fitted; every parameter's truth, estimate and interval.
2. Hold-out: fitted on the even half of such chats, simulated against the fitted staff
   stand-in, compared with the odd half (lead capture, reply rate within 3 minutes, drop-off),
   with the same comparison for the unfitted base persona as the control.
3. Real text without timestamps: the zh_CN medical Q&A of ../shared/data (if present), fitted
   onto elderly_dental_patient; shows what is kept and why.

    python bench/fit_recovery.py [--quick]
"""

from __future__ import annotations

import csv
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from simulator.agents import load_agent
from simulator.fitting import conversation_facts, fit_persona, simulate
from simulator.fitting._validation import HoldoutFigure, as_real, holdout, rates, staff_agent
from simulator.models import Message, Transcript
from simulator.specs import Persona, load_persona, read_yaml

ROOT = Path(__file__).resolve().parents[1]
QUICK = "--quick" in sys.argv
N_REAL = 800 if QUICK else 2000
SIM_N = 100 if QUICK else 300


def hidden(path: Path, changes: dict) -> tuple[Persona, dict]:
    raw = read_yaml(path)
    for dotted, value in changes.items():
        node = raw
        *parents, leaf = dotted.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
    return Persona.model_validate(raw), raw


def value_of(persona: Persona, name: str) -> object:
    node: object = persona
    for part in name.split("."):
        node = getattr(node, part)
    return node


def recovery(path: Path, changes: dict, staff: tuple[float, float, int, int], seed: int) -> None:
    truth, _ = hidden(path, changes)
    base = load_persona(path)
    chats = as_real(simulate(truth, staff_agent(*staff), N_REAL, seed=seed))
    start = time.perf_counter()
    result = fit_persona(
        chats, base, raw=read_yaml(path), agent=load_agent("human"), sim_n=SIM_N, source=path.name
    )
    seconds = time.perf_counter() - start
    print(f"\n{base.id} ({base.locale}): {N_REAL} chats, staff {staff}, fit {seconds:.1f} s")
    print(f"  {'parameter':24} {'truth':>16} {'fitted':>16} {'95% interval':>18}  error")
    for p in result.parameters:
        if p.name == "needs[].weight":
            continue
        if p.name == "arrival.hours":
            print(
                f"  {'arrival.weights':24} {truth.arrival.weights!s:>16} "
                f"{result.persona.arrival.weights!s:>16}"
            )
            continue
        want = value_of(truth, p.name)
        got = value_of(result.persona, p.name)
        interval = f"[{p.interval[0]}, {p.interval[1]}]" if p.interval else ""
        error = ""
        if isinstance(want, int | float) and isinstance(got, int | float) and want:
            error = f"{(got - want) / want:+.0%}"
        elif isinstance(want, tuple | list) and len(want) == 2 and all(want):
            error = ", ".join(f"{(g - w) / w:+.0%}" for g, w in zip(got, want, strict=True))  # type: ignore[arg-type]
        shown_want = list(want) if isinstance(want, tuple) else want
        shown_got = list(got) if isinstance(got, tuple) else got
        print(
            f"  {p.name:24} {shown_want!s:>16} {shown_got!s:>16} {interval:>18}  "
            f"{error}{'' if p.status == 'fitted' else ' (kept: ' + p.how[:50] + ')'}"
        )
    print(f"  stand-in: {result.observed.get('simulated matches against')}")


def holdout_check() -> None:
    path = ROOT / "personas" / "worried_parent.en_US.yaml"
    truth, _ = hidden(
        path,
        {
            "arrival": {
                "hours": [9, 13, 20, 21, 22],
                "tz": "America/Chicago",
                "weights": [1, 2, 4, 3, 1],
            },
            "patience.reply_s": 600,
            "pace.think_s": [40, 200],
            "behaviour.never_share": 0.5,
        },
    )
    staff = staff_agent(400, 1.0, 8, 23)
    chats = as_real(simulate(truth, staff, N_REAL, seed=11))
    start = time.perf_counter()
    _, figures = holdout(
        chats, load_persona(path), load_agent("human"), sim_n=N_REAL // 2, fit_sim_n=SIM_N
    )
    seconds = time.perf_counter() - start
    held = [t for i, t in enumerate(chats) if i % 2 == 1]
    base_sim = simulate(load_persona(path), staff, N_REAL // 2, seed=1)
    real_rates = rates([conversation_facts(t) for t in held])
    base_rates = rates([conversation_facts(t) for t in base_sim])
    control = [HoldoutFigure(k, real_rates[k], base_rates[k]) for k in real_rates]
    print(
        f"\nhold-out: fit on {N_REAL // 2}, compared with the other {N_REAL // 2} ({seconds:.1f} s)"
    )
    print(
        f"  {'metric':13} {'held-out':>9} {'fitted sim':>11} {'difference [95%]':>24} "
        f"{'base sim':>9} {'difference [95%]':>24}"
    )
    for fit, base in zip(figures, control, strict=True):
        lo, hi = fit.interval
        blo, bhi = base.interval
        print(
            f"  {fit.metric:13} {fit.real.value:9.1%} {fit.sim.value:11.1%} "
            f"{fit.difference:+8.1%} [{lo:+.1%}, {hi:+.1%}]{' ok' if fit.consistent else ' !!'} "
            f"{base.sim.value:9.1%} {base.difference:+8.1%} [{blo:+.1%}, {bhi:+.1%}]"
            f"{' ok' if base.consistent else ' !!'}"
        )


def real_untimed() -> None:
    source = ROOT.parent / "shared" / "data" / "zh_medical_qa" / "internal_medicine_sample.csv"
    if not source.is_file():
        print(f"\nreal text: {source} not found, skipped")
        return
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    chats = []
    with source.open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            chats.append(
                Transcript(
                    conversation_id=f"qa-{i}",
                    locale="zh_CN",
                    industry="medical",
                    messages=[
                        Message(
                            role="customer", text=row["ask"], ts=epoch, meta={"ts_missing": True}
                        ),
                        Message(
                            role="agent", text=row["answer"], ts=epoch, meta={"ts_missing": True}
                        ),
                    ],
                )
            )
    path = ROOT / "personas" / "elderly_dental_patient.zh_CN.yaml"
    start = time.perf_counter()
    result = fit_persona(
        chats,
        load_persona(path),
        raw=read_yaml(path),
        agent=load_agent("human"),
        sim_n=SIM_N,
        source=source.name,
    )
    print(
        f"\nreal text without timestamps: {len(chats)} zh_CN medical Q&A onto "
        f"elderly_dental_patient ({time.perf_counter() - start:.1f} s)"
    )
    for line in result.comment().splitlines()[2:]:
        print("  " + line.removeprefix("# "))


def main() -> None:
    recovery(
        ROOT / "personas" / "worried_parent.en_US.yaml",
        {
            "arrival": {
                "hours": [9, 13, 20, 21, 22],
                "tz": "America/Chicago",
                "weights": [1, 2, 4, 3, 1],
            },
            "pace": {"think_s": [40, 200], "silent": 0.05},
            "patience.reply_s": 600,
            "behaviour.never_share": 0.5,
            "traits": {"burst": 0.4},
        },
        (400, 1.0, 0, 24),
        seed=7,
    )
    recovery(
        ROOT / "personas" / "legal_client_midnight.zh_CN.yaml",
        {
            "arrival": {"hours": [22, 23, 0, 1], "tz": "Asia/Tokyo"},
            "pace": {"think_s": [10, 60], "silent": 0.03},
            "patience.reply_s": 300,
            "behaviour.never_share": 0.2,
            "traits": {"burst": 0.25},
        },
        (150, 0.8, 0, 24),
        seed=3,
    )
    holdout_check()
    real_untimed()


if __name__ == "__main__":
    main()
