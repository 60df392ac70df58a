"""Comparing two runs: paired statistics, verdicts, breakdowns and flipped conversations.

Run A is the reference (the released version, the baseline), run B the candidate; differences
are B - A. When both runs used the same persona instances and seed, conversations pair up by
``pair_key`` and each metric gets a paired bootstrap interval and an exact McNemar test;
otherwise the comparison falls back to unpaired tests and says so.

A verdict is ``better`` or ``worse`` only when the difference is significant at ``alpha``
(Bonferroni-corrected across the metrics compared) and, when a noise floor is known, larger than
the drift measured between repeats of an unchanged agent; a significant difference inside the
noise floor is ``inconclusive``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from simulator.metrics import SCORECARD_METRICS, ScoreRow, metrics
from simulator.results import SCORES, SUMMARY, read_jsonl
from simulator.specs import SpecError
from simulator.stats import Rate, compare_rates, mcnemar_p, rate, two_proportion_p

Verdict = Literal["better", "worse", "no significant difference", "inconclusive", "no data"]
COMPARED_METRICS = SCORECARD_METRICS


class MetricComparison(BaseModel):
    """One metric, A against B."""

    metric: str
    higher_is_better: bool
    a: Rate
    b: Rate
    diff: float | None
    diff_low: float | None
    diff_high: float | None
    lift: float | None
    p_value: float | None
    test: str
    paired: bool
    n: int
    noise_floor: float | None = None
    discordant: float | None = None
    """Paired only: share of pairs where exactly one run succeeded (drives the test's power)."""
    only_a: int | None = None
    """Paired only: pairs where A succeeded and B did not."""
    only_b: int | None = None
    """Paired only: pairs where B succeeded and A did not."""
    verdict: Verdict


class Flip(BaseModel):
    """A persona instance whose outcome differs between the runs."""

    pair_key: str
    conversation_a: str
    conversation_b: str


class Comparison(BaseModel):
    """Everything ``salesim compare`` reports."""

    run_a: str
    run_b: str
    agent_a: str
    agent_b: str
    paired: bool
    n_pairs: int
    alpha: float
    warning: str | None = None
    metrics: list[MetricComparison]
    by_persona: dict[str, list[MetricComparison]] = Field(default_factory=dict)
    by_locale: dict[str, list[MetricComparison]] = Field(default_factory=dict)
    flips: dict[str, dict[str, list[Flip]]] = Field(default_factory=dict)
    """metric -> {"lost": A yes and B no, "gained": A no and B yes}."""

    def metric(self, name: str) -> MetricComparison:
        """The comparison of one metric."""
        return next(m for m in self.metrics if m.metric == name)


# --- loading runs --------------------------------------------------------------------------------


def load_rows(path: Path) -> list[ScoreRow]:
    """Score rows of a run directory (or a scores.jsonl file); bad lines are an error."""
    scores = path / SCORES if path.is_dir() else path
    if not scores.is_file():
        raise SpecError(f"{path}: not a run directory (no {SCORES})")
    rows = []
    for number, obj, error in read_jsonl(scores):
        if obj is None:
            raise SpecError(f"{scores}:{number}: {error}")
        try:
            rows.append(ScoreRow.model_validate(obj))
        except ValueError as exc:
            raise SpecError(
                f"{scores}:{number}: not a score row ({str(exc).splitlines()[0]})"
            ) from None
    if not rows:
        raise SpecError(f"{scores}: no conversations")
    return rows


def default_agent(path: Path, rows: Sequence[ScoreRow]) -> str:
    """The run's first candidate (from summary.json), else its only agent."""
    summary_path = path / SUMMARY if path.is_dir() else None
    if summary_path is not None and summary_path.is_file():
        candidates = json.loads(summary_path.read_text(encoding="utf-8")).get("candidates") or []
        if candidates:
            return str(candidates[0])
    agents = sorted({row.agent_id or "?" for row in rows})
    if len(agents) == 1:
        return agents[0]
    raise SpecError(f"{path}: several agents ({', '.join(agents)}); choose one with --agent-a/-b")


def rows_of(path: Path, agent: str | None) -> tuple[str, list[ScoreRow]]:
    """The rows of one agent of a run."""
    rows = load_rows(path)
    agent = agent or default_agent(path, rows)
    mine = [row for row in rows if row.agent_id == agent]
    if not mine:
        known = ", ".join(sorted({row.agent_id or "?" for row in rows}))
        raise SpecError(f"{path}: no conversations of agent {agent!r} (agents: {known})")
    return agent, mine


# --- comparing -----------------------------------------------------------------------------------


def _verdict(
    diff: float | None,
    p_value: float | None,
    alpha: float,
    higher_is_better: bool,
    noise_floor: float | None,
) -> Verdict:
    if diff is None or p_value is None:
        return "no data"
    if p_value >= alpha:
        return "no significant difference"
    if noise_floor is not None and abs(diff) <= noise_floor:
        return "inconclusive"
    improved = diff > 0 if higher_is_better else diff < 0
    return "better" if improved else "worse"


def compare_metric(
    name: str,
    rows_a: Sequence[ScoreRow],
    rows_b: Sequence[ScoreRow],
    paired: bool,
    alpha: float,
    noise_floor: float | None = None,
    seed: int = 0,
) -> MetricComparison:
    """A against B on one metric (paired when ``paired``: rows aligned by pair key)."""
    metric = metrics.get(name)
    if paired:
        by_key = {row.pair_key: row for row in rows_a}
        pairs = [
            (getattr(by_key[row.pair_key], metric.field), getattr(row, metric.field))
            for row in rows_b
            if row.pair_key in by_key
        ]
        kept = [(bool(x), bool(y)) for x, y in pairs if x is not None and y is not None]
        a = [x for x, _ in kept]
        b = [y for _, y in kept]
        only_a = sum(x and not y for x, y in kept)
        only_b = sum(y and not x for x, y in kept)
        p_value = mcnemar_p(only_a, only_b) if kept else None
        discordant = (only_a + only_b) / len(kept) if kept else None
        test = "McNemar (exact)"
    else:
        a, b = metric.values(rows_a), metric.values(rows_b)
        p_value = two_proportion_p(sum(a), len(a), sum(b), len(b)) if a and b else None
        discordant = None
        only_a = only_b = None
        test = "two-proportion z"
    difference = compare_rates(b, a, paired=paired, seed=seed)
    return MetricComparison(
        metric=name,
        higher_is_better=metric.higher_is_better,
        a=rate(a),
        b=rate(b),
        diff=difference.diff,
        diff_low=difference.diff_low,
        diff_high=difference.diff_high,
        lift=difference.lift,
        p_value=p_value,
        test=test,
        paired=paired,
        n=min(len(a), len(b)),
        noise_floor=noise_floor,
        discordant=discordant,
        only_a=only_a,
        only_b=only_b,
        verdict=_verdict(difference.diff, p_value, alpha, metric.higher_is_better, noise_floor),
    )


def is_paired(rows_a: Sequence[ScoreRow], rows_b: Sequence[ScoreRow]) -> bool:
    """Both runs hold exactly the same persona instances (same pair keys)."""
    keys_a = {row.pair_key for row in rows_a}
    keys_b = {row.pair_key for row in rows_b}
    return None not in keys_a and keys_a == keys_b and len(keys_a) == len(rows_a) == len(rows_b)


def _groups(rows: Sequence[ScoreRow], by: str) -> dict[str, list[ScoreRow]]:
    out: dict[str, list[ScoreRow]] = defaultdict(list)
    for row in rows:
        key = f"{row.persona_id}/{row.locale}" if by == "persona" else str(row.locale)
        out[key].append(row)
    return out


def flips(
    rows_a: Sequence[ScoreRow], rows_b: Sequence[ScoreRow], name: str
) -> dict[str, list[Flip]]:
    """Persona instances where the metric held in one run and not the other."""
    metric = metrics.get(name)
    by_key = {row.pair_key: row for row in rows_a}
    lost: list[Flip] = []
    gained: list[Flip] = []
    for row_b in rows_b:
        row_a = by_key.get(row_b.pair_key)
        if row_a is None:
            continue
        value_a, value_b = getattr(row_a, metric.field), getattr(row_b, metric.field)
        if value_a is None or value_b is None or bool(value_a) == bool(value_b):
            continue
        flip = Flip(
            pair_key=row_b.pair_key or "",
            conversation_a=row_a.conversation_id,
            conversation_b=row_b.conversation_id,
        )
        (lost if value_a else gained).append(flip)
    return {"lost": lost, "gained": gained}


def compare_runs(
    rows_a: Sequence[ScoreRow],
    rows_b: Sequence[ScoreRow],
    *,
    run_a: str = "A",
    run_b: str = "B",
    alpha: float = 0.05,
    noise: dict[str, float] | None = None,
    metric_names: Sequence[str] = COMPARED_METRICS,
    seed: int = 0,
) -> Comparison:
    """Compare B against A on every metric, overall, per persona and per locale."""
    paired = is_paired(rows_a, rows_b)
    warning = None
    if not paired:
        warning = (
            "the runs do not hold the same persona instances (different seed, personas or n): "
            "unpaired tests are used, which need larger differences to be significant"
        )
    corrected = alpha / max(1, len(metric_names))
    noise = noise or {}

    def table(a: Sequence[ScoreRow], b: Sequence[ScoreRow]) -> list[MetricComparison]:
        return [
            compare_metric(name, a, b, paired, corrected, noise.get(name), seed)
            for name in metric_names
        ]

    result = Comparison(
        run_a=run_a,
        run_b=run_b,
        agent_a=(rows_a[0].agent_id or "?") if rows_a else "?",
        agent_b=(rows_b[0].agent_id or "?") if rows_b else "?",
        paired=paired,
        n_pairs=len(rows_b) if paired else 0,
        alpha=alpha,
        warning=warning,
        metrics=table(rows_a, rows_b),
    )
    for by, target in (("persona", result.by_persona), ("locale", result.by_locale)):
        groups_a, groups_b = _groups(rows_a, by), _groups(rows_b, by)
        for key in sorted(set(groups_a) & set(groups_b)):
            target[key] = table(groups_a[key], groups_b[key])
    if paired:
        result.flips = {
            name: flips(rows_a, rows_b, name) for name in ("lead_capture", "compliance")
        }
    return result
