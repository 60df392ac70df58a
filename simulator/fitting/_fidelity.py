"""``salesim fidelity REAL SIM_RUN``: how close simulated customers are to real ones.

The same distributions are computed on both sides from :func:`conversation_facts`, so a real
chat and a simulated one are measured by one piece of code. Each comes with a distance:

- **KS** (two-sample Kolmogorov-Smirnov statistic, 0 = same, 1 = disjoint) for quantities per
  conversation or message: customer messages per conversation, questions asked, the customers'
  own reply delays, message length;
- **JS** (Jensen-Shannon distance, base 2, 0 = same, 1 = disjoint) for categories: the hour of
  the first message, which needs are asked about;
- **gap** for rates and curves: the absolute difference of a rate (lead rate, refusal rate
  after a contact ask), or the largest difference between two curves over the bins both sides
  have at least :data:`MIN_BIN` observations in (the share of customers still there after a wait
  in each latency band; the lead rate in each arrival band: a KS-style statistic on a curve).

Every distance has a 95% bootstrap interval (conversations resampled on both sides,
:data:`BOOTSTRAP` times, seeded) and a *noise level*: the 95th percentile of the same distance
between two random splits of the pooled conversations (a permutation test). Distances of
finite samples are never 0 (the bootstrap interval of a KS statistic sits above it even for one
population), so "within noise" (distance at most the noise level) is what says "no difference
this data can show". A distance says how different, not which side is right: the real chats are the
reference.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.fitting._estimate import js_distance, ks_distance
from simulator.fitting._facts import ConversationFacts, conversation_facts
from simulator.models import Transcript
from simulator.specs import Persona, SpecError

BOOTSTRAP = 200
MIN_BIN = 10
"""Fewest observations a bin of a curve needs on each side to be compared."""
LATENCY_BANDS: tuple[tuple[float, float, str], ...] = (
    (0, 60, "<1m"),
    (60, 180, "1-3m"),
    (180, 600, "3-10m"),
    (600, 1800, "10-30m"),
    (1800, 7200, "30m-2h"),
    (7200, 28800, "2-8h"),
    (28800, math.inf, ">8h"),
)
HOUR_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 6, "00-06"),
    (6, 9, "06-09"),
    (9, 12, "09-12"),
    (12, 15, "12-15"),
    (15, 18, "15-18"),
    (18, 21, "18-21"),
    (21, 24, "21-24"),
)

Facts = Sequence[ConversationFacts]


@dataclass
class Side:
    """One side's figure for a distribution: points to plot and a one-line summary."""

    points: list[tuple[str, float]]
    summary: str
    n: int
    stats: dict[str, Any] = field(default_factory=dict)
    """The summary's figures, for a report in another language."""


@dataclass
class Comparison:
    """One distribution on both sides, and how far apart they are."""

    key: str
    title: str
    measure: str
    kind: str
    """How it is drawn: ``bars`` (shares per category), ``curve`` (a rate per band) or
    ``cdf`` (a cumulative distribution)."""
    real: Side
    sim: Side
    distance: float | None
    low: float | None = None
    high: float | None = None
    noise: float | None = None
    """95th percentile of the distance between two random halves of the pooled conversations
    (a permutation test): a distance below it is what the same population would show."""
    note: str = ""

    @property
    def within_noise(self) -> bool | None:
        """The distance is no larger than two samples of one population would show."""
        if self.distance is None or self.noise is None:
            return None
        return self.distance <= self.noise

    def to_json(self) -> dict[str, Any]:
        """As fidelity.json stores it."""
        return {
            "key": self.key,
            "title": self.title,
            "measure": self.measure,
            "kind": self.kind,
            "distance": _round(self.distance),
            "interval": [_round(self.low), _round(self.high)],
            "noise": _round(self.noise),
            "within_noise": self.within_noise,
            "note": self.note,
            "real": _side_json(self.real),
            "sim": _side_json(self.sim),
        }


def _side_json(side: Side) -> dict[str, Any]:
    return {"n": side.n, "summary": side.summary, "stats": side.stats, "points": side.points}


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 3)


# --- the distributions ---------------------------------------------------------------------------


def _band(value: float, bands: Sequence[tuple[float, float, str]]) -> str:
    return next(label for low, high, label in bands if low <= value < high)


def _curve(pairs: list[tuple[str, bool]], labels: Sequence[str]) -> dict[str, tuple[float, int]]:
    """Share of True per label, with counts, for labels that occur."""
    out: dict[str, tuple[float, int]] = {}
    for label in labels:
        hits = [ok for band, ok in pairs if band == label]
        if hits:
            out[label] = (sum(hits) / len(hits), len(hits))
    return out


def _curve_gap(a: dict[str, tuple[float, int]], b: dict[str, tuple[float, int]]) -> float:
    shared = [k for k in a if k in b and a[k][1] >= MIN_BIN and b[k][1] >= MIN_BIN]
    return max((abs(a[k][0] - b[k][0]) for k in shared), default=math.nan)


def _survival_pairs(facts: Facts) -> list[tuple[str, bool]]:
    return [(_band(t, LATENCY_BANDS), stayed) for f in facts for t, stayed in f.waits]


def _arrival_leads(facts: Facts) -> list[tuple[str, bool]]:
    return [
        (_band(f.first_hour, HOUR_BANDS), f.lead)  # type: ignore[arg-type]
        for f in facts
        if f.first_hour is not None and not f.agent_initiated
    ]


def _hours(facts: Facts) -> dict[str, float]:
    counts = Counter(
        f"{f.first_hour:02d}" for f in facts if f.first_hour is not None and not f.agent_initiated
    )
    total = sum(counts.values())
    return {k: v / total for k, v in sorted(counts.items())} if total else {}


def _need_shares(facts: Facts) -> dict[str, float]:
    counts = Counter(k for f in facts for k in f.needs)
    total = sum(counts.values())
    return {k: v / total for k, v in sorted(counts.items())} if total else {}


def _refusal(facts: Facts) -> tuple[float, int]:
    asks = [a for f in facts for a in f.contact_asks]
    if not asks:
        return math.nan, 0
    return sum(a.response != "shared" for a in asks) / len(asks), len(asks)


def _lead_rate(facts: Facts) -> tuple[float, int]:
    return (sum(f.lead for f in facts) / len(facts) if facts else math.nan), len(facts)


@dataclass(frozen=True)
class _Spec:
    key: str
    title: str
    measure: str
    kind: str
    distance: Callable[[Facts, Facts], float]
    side: Callable[[Facts], Side]


def _cdf_points(values: list[float]) -> list[tuple[str, float]]:
    if not values:
        return []
    qs = np.quantile(np.asarray(values, dtype=float), np.linspace(0, 1, 21))
    return [(f"{q:g}", round(float(v), 2)) for q, v in zip(np.linspace(0, 1, 21), qs, strict=True)]


def _quantity(name: str, unit: str, get: Callable[[Facts], list[float]]) -> Callable[[Facts], Side]:
    def side(facts: Facts) -> Side:
        values = get(facts)
        if not values:
            return Side([], "no data", 0)
        median = float(np.median(values))
        p90 = float(np.quantile(values, 0.9))
        return Side(
            _cdf_points(values),
            f"median {median:.3g}{unit}, p90 {p90:.3g}{unit}",
            len(values),
            {"median": round(median, 2), "p90": round(p90, 2), "unit": unit.strip()},
        )

    return side


def _turns(facts: Facts) -> list[float]:
    return [float(f.customer_messages) for f in facts]


def _questions(facts: Facts) -> list[float]:
    return [float(f.questions) for f in facts]


def _delays(facts: Facts) -> list[float]:
    return [d for f in facts for d in f.delays]


def _lengths(facts: Facts) -> list[float]:
    return [float(n) for f in facts for n in f.lengths]


def _curve_side(
    pairs_of: Callable[[Facts], list[tuple[str, bool]]], labels: Sequence[str], what: str
) -> Callable[[Facts], Side]:
    def side(facts: Facts) -> Side:
        pairs = pairs_of(facts)
        curve = _curve(pairs, labels)
        points = [(label, round(rate, 3)) for label, (rate, _) in curve.items()]
        overall = sum(ok for _, ok in pairs) / len(pairs) if pairs else math.nan
        if not pairs:
            return Side([], "no data", 0)
        return Side(
            points, f"{what} {overall:.0%} overall", len(pairs), {"overall": round(overall, 3)}
        )

    return side


def _shares_side(
    shares_of: Callable[[Facts], dict[str, float]], what: str
) -> Callable[[Facts], Side]:
    def side(facts: Facts) -> Side:
        shares = shares_of(facts)
        if not shares:
            return Side([], "no data", 0)
        top = max(shares, key=lambda k: shares[k])
        return Side(
            [(k, round(v, 3)) for k, v in shares.items()],
            f"most {what} {top} ({shares[top]:.0%})",
            len(facts),
            {"top": top, "share": round(shares[top], 3)},
        )

    return side


def _rate_side(rate_of: Callable[[Facts], tuple[float, int]], what: str) -> Callable[[Facts], Side]:
    def side(facts: Facts) -> Side:
        rate, n = rate_of(facts)
        if not n:
            return Side([], "no data", 0)
        return Side([(what, round(rate, 3))], f"{rate:.1%} of {n}", n, {"rate": round(rate, 3)})

    return side


def _rate_gap(rate_of: Callable[[Facts], tuple[float, int]]) -> Callable[[Facts, Facts], float]:
    def gap(a: Facts, b: Facts) -> float:
        (x, n), (y, m) = rate_of(a), rate_of(b)
        return abs(x - y) if n and m else math.nan

    return gap


LATENCY_LABELS = [label for _, _, label in LATENCY_BANDS]
HOUR_LABELS = [label for _, _, label in HOUR_BANDS]

SPECS: tuple[_Spec, ...] = (
    _Spec(
        "dropoff",
        "Still there after a wait",
        "gap",
        "curve",
        lambda a, b: _curve_gap(
            _curve(_survival_pairs(a), LATENCY_LABELS), _curve(_survival_pairs(b), LATENCY_LABELS)
        ),
        _curve_side(_survival_pairs, LATENCY_LABELS, "wrote again after"),
    ),
    _Spec(
        "turns",
        "Customer messages per conversation",
        "KS",
        "cdf",
        lambda a, b: ks_distance(_turns(a), _turns(b)),
        _quantity("turns", "", _turns),
    ),
    _Spec(
        "lead_by_hour",
        "Lead rate by hour of arrival",
        "gap",
        "curve",
        lambda a, b: _curve_gap(
            _curve(_arrival_leads(a), HOUR_LABELS), _curve(_arrival_leads(b), HOUR_LABELS)
        ),
        _curve_side(_arrival_leads, HOUR_LABELS, "lead"),
    ),
    _Spec(
        "questions",
        "Questions asked per conversation",
        "KS",
        "cdf",
        lambda a, b: ks_distance(_questions(a), _questions(b)),
        _quantity("questions", "", _questions),
    ),
    _Spec(
        "needs",
        "Which needs are asked about",
        "JS",
        "bars",
        lambda a, b: js_distance(_need_shares(a), _need_shares(b)),
        _shares_side(_need_shares, "asked"),
    ),
    _Spec(
        "refusal",
        "Refusal after a contact ask",
        "gap",
        "bars",
        _rate_gap(_refusal),
        _rate_side(_refusal, "refused"),
    ),
    _Spec(
        "lead_rate",
        "Lead rate",
        "gap",
        "bars",
        _rate_gap(_lead_rate),
        _rate_side(_lead_rate, "lead"),
    ),
    _Spec(
        "first_hour",
        "Hour of the first message",
        "JS",
        "bars",
        lambda a, b: js_distance(_hours(a), _hours(b)),
        _shares_side(_hours, "at"),
    ),
    _Spec(
        "delays",
        "Customers' own reply delay",
        "KS",
        "cdf",
        lambda a, b: ks_distance(_delays(a), _delays(b)),
        _quantity("delays", " s", _delays),
    ),
    _Spec(
        "lengths",
        "Customer message length",
        "KS",
        "cdf",
        lambda a, b: ks_distance(_lengths(a), _lengths(b)),
        _quantity("lengths", " chars", _lengths),
    ),
)


def _bootstrap(
    distance: Callable[[Facts, Facts], float], real: Facts, sim: Facts, reps: int, seed: int
) -> tuple[float | None, float | None]:
    rng = random.Random(seed)
    values: list[float] = []
    for _ in range(reps):
        a = [real[rng.randrange(len(real))] for _ in range(len(real))]
        b = [sim[rng.randrange(len(sim))] for _ in range(len(sim))]
        value = distance(a, b)
        if not math.isnan(value):
            values.append(value)
    if len(values) < reps // 2:
        return None, None
    low, high = np.quantile(values, [0.025, 0.975])
    return float(low), float(high)


def _noise(
    distance: Callable[[Facts, Facts], float], real: Facts, sim: Facts, reps: int, seed: int
) -> float | None:
    rng = random.Random(seed)
    pooled = list(real) + list(sim)
    values: list[float] = []
    for _ in range(reps):
        rng.shuffle(pooled)
        value = distance(pooled[: len(real)], pooled[len(real) :])
        if not math.isnan(value):
            values.append(value)
    return float(np.quantile(values, 0.95)) if len(values) >= reps // 2 else None


def compare(real: Facts, sim: Facts, reps: int = BOOTSTRAP, seed: int = 0) -> list[Comparison]:
    """Every distribution on both sides, with its distance and bootstrap interval."""
    out: list[Comparison] = []
    for i, spec in enumerate(SPECS):
        real_side, sim_side = spec.side(real), spec.side(sim)
        distance = spec.distance(real, sim) if real and sim else math.nan
        note = ""
        low = high = noise = None
        if math.isnan(distance):
            note = "not enough data on one side"
        elif reps:
            low, high = _bootstrap(spec.distance, real, sim, reps, seed + i)
            noise = _noise(spec.distance, real, sim, reps, seed + 1000 + i)
        out.append(
            Comparison(
                spec.key,
                spec.title,
                spec.measure,
                spec.kind,
                real_side,
                sim_side,
                None if math.isnan(distance) else distance,
                low,
                high,
                noise,
                note,
            )
        )
    return out


@dataclass
class Group:
    """One persona (or the whole population): its comparisons and a summary line."""

    name: str
    real_n: int
    sim_n: int
    comparisons: list[Comparison] = field(default_factory=list)

    def worst(self) -> Comparison | None:
        """The comparison with the largest distance (the first thing to look at)."""
        scored = [c for c in self.comparisons if c.distance is not None]
        return max(scored, key=lambda c: c.distance or 0.0) if scored else None

    def line(self) -> str:
        """One summary line: sizes, lead rates and the largest distance."""
        lead = next((c for c in self.comparisons if c.key == "lead_rate"), None)
        parts = [f"{self.name}: {self.real_n} real vs {self.sim_n} simulated"]
        if lead and lead.real.points and lead.sim.points:
            parts.append(f"lead rate {lead.real.points[0][1]:.0%} vs {lead.sim.points[0][1]:.0%}")
        worst = self.worst()
        if worst is not None:
            parts.append(
                f"largest distance: {worst.title.lower()} {worst.measure} {worst.distance:.2f}"
                + (
                    f" [{worst.low:.2f}, {worst.high:.2f}]"
                    if worst.low is not None and worst.high is not None
                    else ""
                )
            )
        compared = sum(c.distance is not None for c in self.comparisons)
        close = sum(bool(c.within_noise) for c in self.comparisons)
        parts.append(f"{close} of {compared} compared distributions within sampling noise")
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """As fidelity.json stores it."""
        worst = self.worst()
        lead = next((c for c in self.comparisons if c.key == "lead_rate"), None)
        return {
            "name": self.name,
            "real": self.real_n,
            "sim": self.sim_n,
            "summary": self.line(),
            "lead_rates": (
                [lead.real.points[0][1], lead.sim.points[0][1]]
                if lead and lead.real.points and lead.sim.points
                else None
            ),
            "worst": worst.key if worst else None,
            "compared": sum(c.distance is not None for c in self.comparisons),
            "within_noise": sum(bool(c.within_noise) for c in self.comparisons),
            "comparisons": [c.to_json() for c in self.comparisons],
        }


# --- real chats against a simulated run ----------------------------------------------------------

OVERALL_SKIPS = frozenset({"questions", "needs"})
"""Questions are sorted into one persona's needs: there is no such thing across personas."""


def choose_agent(sim: Sequence[Transcript], agent: str | None) -> str:
    """The simulated agent whose conversations stand for the real staff: ``agent``, else
    ``human`` when the run has it, else the run's only agent."""
    agents = sorted({t.agent_id or "" for t in sim})
    if agent is not None:
        if agent not in agents:
            raise SpecError(f"--agent {agent}: not in the run (agents: {', '.join(agents)})")
        return agent
    if "human" in agents:
        return "human"
    if len(agents) == 1:
        return agents[0]
    raise SpecError(
        f"--agent: the run has several agents ({', '.join(agents)}); say which one stands for "
        "the staff of the real chats"
    )


def fidelity(
    real: Sequence[Transcript],
    sim: Sequence[Transcript],
    personas: dict[tuple[str, str], Persona],
    *,
    agent: str | None = None,
    reps: int = BOOTSTRAP,
    seed: int = 0,
) -> dict[str, Any]:
    """Real conversations against a run's conversations with ``agent``: one group per simulated
    persona and locale (compared with the real chats of that persona when they name one, else
    with the real chats in that locale), then everything together.

    ``personas`` gives each simulated persona's needs, so customer questions are sorted the
    same way on both sides.
    """
    chosen = choose_agent(sim, agent)
    sim = [t for t in sim if t.agent_id == chosen]
    real_named = any(t.persona_id for t in real)
    groups: list[Group] = []
    all_real: list[ConversationFacts] = []
    all_sim: list[ConversationFacts] = []
    for persona_id, locale in sorted({(t.persona_id or "?", t.locale or "?") for t in sim}):
        persona = personas.get((persona_id, locale))
        views = persona.need_views() if persona else ()
        own = [t for t in sim if (t.persona_id or "?", t.locale or "?") == (persona_id, locale)]
        if real_named:
            theirs = [t for t in real if t.persona_id == persona_id and t.locale in (None, locale)]
        else:
            theirs = [t for t in real if t.locale in (None, locale)]
        sim_facts = [conversation_facts(t, views, locale) for t in own]
        real_facts = [conversation_facts(t, views, locale) for t in theirs]
        real_facts = [f for f in real_facts if f.customer_messages]
        group = Group(f"{persona_id}/{locale}", len(real_facts), len(sim_facts))
        if real_facts:
            group.comparisons = compare(real_facts, sim_facts, reps, seed)
        groups.append(group)
        all_sim.extend(sim_facts)
    seen: set[str] = set()
    for t in real:
        if t.conversation_id not in seen:
            seen.add(t.conversation_id)
            fact = conversation_facts(t, (), t.locale)
            if fact.customer_messages:
                all_real.append(fact)
    overall = Group("all", len(all_real), len(all_sim))
    if all_real and all_sim:
        overall.comparisons = [
            c for c in compare(all_real, all_sim, reps, seed) if c.key not in OVERALL_SKIPS
        ]
    untimed = sum(not f.timed for f in all_real)
    return {
        "format": "salesim-fidelity",
        "version": 1,
        "agent": chosen,
        "real_conversations": len(all_real),
        "real_untimed": untimed,
        "sim_conversations": len(all_sim),
        "bootstrap": reps,
        "seed": seed,
        "groups": [overall.to_json(), *(g.to_json() for g in groups)],
    }
