"""The noise floor: how far two runs of an unchanged agent drift apart.

``salesim noise AGENT --repeats R`` runs the agent on the same persona instances R times with
fresh customer (and agent) randomness (``--trials R``), then measures per metric how much the
rate moves between repeats and how many conversations flip. ``compare`` and ``gate`` treat a
difference inside this floor as ``inconclusive``: it is what re-running the same agent does.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulator.metrics import SCORECARD_METRICS, ScoreRow, metrics
from simulator.specs import SpecError

NOISE_FILE = "noise.json"


def measure_noise(rows: Sequence[ScoreRow]) -> dict[str, Any]:
    """Per metric: rate per repeat, the largest and mean gap between two repeats, flip rate."""
    by_trial: dict[int, list[ScoreRow]] = defaultdict(list)
    by_instance: dict[str, list[ScoreRow]] = defaultdict(list)
    for row in rows:
        by_trial[row.trial].append(row)
        base = (
            (row.pair_key or row.conversation_id).rsplit("/t", 1)[0]
            if row.trial
            else (row.pair_key or row.conversation_id)
        )
        by_instance[base].append(row)
    repeats = len(by_trial)
    if repeats < 2:
        raise SpecError("a noise floor needs at least 2 repeats (--repeats 2 or more)")
    out: dict[str, Any] = {"repeats": repeats, "instances": len(by_instance), "metrics": {}}
    for name in SCORECARD_METRICS:
        metric = metrics.get(name)
        rates = []
        for trial in sorted(by_trial):
            values = metric.values(by_trial[trial])
            if values:
                rates.append(sum(values) / len(values))
        gaps = [abs(a - b) for a, b in itertools.combinations(rates, 2)]
        flipped = [
            len(set(metric.values(group))) > 1
            for group in by_instance.values()
            if metric.values(group)
        ]
        out["metrics"][name] = {
            "rates": [round(r, 4) for r in rates],
            "max_gap": round(max(gaps), 4) if gaps else None,
            "mean_gap": round(sum(gaps) / len(gaps), 4) if gaps else None,
            "flip_rate": round(sum(flipped) / len(flipped), 4) if flipped else None,
        }
    return out


def load_noise_floor(path: Path | None) -> dict[str, float] | None:
    """metric -> floor (the largest gap between repeats) from a noise.json or a run directory."""
    if path is None:
        return None
    file = path / NOISE_FILE if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return {
            name: float(stats["max_gap"])
            for name, stats in data["metrics"].items()
            if stats.get("max_gap") is not None
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SpecError(f"--noise {file}: not a noise file ({exc})") from None
