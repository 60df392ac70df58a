"""Estimators behind ``personas fit``: each inverts one part of the scripted customer's model.

Each estimator takes plain observations and returns an :class:`Estimate` (a value, how many
observations it rests on, and an interval where one is meaningful) or ``None`` when the data
cannot support it. They mirror the simulator exactly, so parameters of a simulated population
are recovered (tests/test_fitting.py):

- customers' own delays are ``uniform(think_s)``, stretched by 1.3 for the 30% of customers who
  write at length (:data:`VERBOSE_SHARE`, :data:`VERBOSE_STRETCH`);
- the chance of still being there after a wait ``t`` is ``exp(-(t / reply_s) ** 4)``
  (:data:`simulator.customers.PATIENCE_SHAPE`), and a customer also stops for other reasons
  with a chance ``q`` per reply (silence, errands): ``P(continue | t) = (1 - q) * S(t)``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from simulator.customers import PATIENCE_SHAPE

VERBOSE_SHARE = 0.3
"""Share of customers who take longer to write (``PersonaInstance.verbose``)."""
VERBOSE_STRETCH = 1.3
"""How much longer they take (``ScriptedCustomer._turn``)."""
WAIT_BINS = 400
"""Log-spaced bins waits are grouped in for the patience likelihood (80 bins biased the
estimate by up to 3%: a bin's centre stands for all its waits)."""
CHI2_95 = 3.841
"""Chi-square quantile (1 degree of freedom) for a 95% profile-likelihood interval."""


@dataclass(frozen=True)
class Estimate:
    """A fitted value, the number of observations behind it and, where meaningful, its 95%
    interval."""

    value: float | tuple[float, ...]
    n: int
    low: float | None = None
    high: float | None = None
    detail: str = ""


def hour_shares(hours: list[int]) -> dict[int, float]:
    """Share of first messages per local hour (only hours that occur)."""
    counts = Counter(hours)
    total = sum(counts.values())
    return {hour: counts[hour] / total for hour in sorted(counts)}


def dominant_offset(offsets: list[int]) -> tuple[int, float]:
    """The most common UTC offset in minutes and its share."""
    value, count = Counter(offsets).most_common(1)[0]
    return value, count / len(offsets)


def _mixture_cdf(x: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """CDF of the customers' delays: uniform(low, high), and 1.3x that for verbose writers."""

    def uniform(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        return np.clip((x[None, :] - lo[:, None]) / np.maximum(hi - lo, 1e-9)[:, None], 0, 1)

    return (1 - VERBOSE_SHARE) * uniform(low, high) + VERBOSE_SHARE * uniform(
        VERBOSE_STRETCH * low, VERBOSE_STRETCH * high
    )


def fit_think(delays: list[float], max_points: int = 1500) -> Estimate:
    """``pace.think_s`` (low, high): the pair whose delay distribution is closest (KS) to the
    observed delays, searched on a grid between the observed quantiles."""
    x = np.sort(np.asarray(delays, dtype=float))
    if len(x) > max_points:  # evenly spaced order statistics keep the shape
        x = x[np.linspace(0, len(x) - 1, max_points).round().astype(int)]
    empirical_hi = np.arange(1, len(x) + 1) / len(x)
    empirical_lo = np.arange(0, len(x)) / len(x)
    q = np.quantile(x, [0.0, 0.5, 1.0])
    lows = np.linspace(max(0.0, q[0] * 0.7), q[1], 60)
    highs = np.linspace(q[1], q[2] / VERBOSE_STRETCH * 1.1 + 1e-9, 60)
    grid_low, grid_high = (g.ravel() for g in np.meshgrid(lows, highs))
    keep = grid_high > grid_low
    grid_low, grid_high = grid_low[keep], grid_high[keep]
    cdf = _mixture_cdf(x, grid_low, grid_high)
    ks = np.maximum(np.abs(cdf - empirical_hi).max(axis=1), np.abs(cdf - empirical_lo).max(axis=1))
    best = int(np.argmin(ks))
    return Estimate(
        value=(round(float(grid_low[best]), 1), round(float(grid_high[best]), 1)),
        n=len(delays),
        detail=f"KS distance of the fitted delays to the observed ones {ks[best]:.3f}",
    )


def _loglik(
    t: np.ndarray, stayed: np.ndarray, left: np.ndarray, scale: float, q: np.ndarray
) -> np.ndarray:
    survive = np.exp(-((t / scale) ** PATIENCE_SHAPE))
    p = np.clip((1 - q[:, None]) * survive[None, :], 1e-12, 1 - 1e-12)
    return (stayed[None, :] * np.log(p) + left[None, :] * np.log(1 - p)).sum(axis=1)


def fit_patience(waits: list[tuple[float, bool]]) -> Estimate | None:
    """``patience.reply_s`` by maximum likelihood, with the chance ``q`` of stopping for other
    reasons profiled out; the interval is the 95% profile-likelihood interval.

    A wait after which the customer wrote again is a survival to ``t`` (right-censored: it
    would have waited longer); one after which it never wrote is a departure before ``t`` or a
    stop for another reason. Waits are grouped on a log scale (:data:`WAIT_BINS` bins, under 3% wide
    each over a range of 10^5) so millions cost the
    same as hundreds. ``None`` when nobody ever stopped or nobody ever stayed.
    """
    t = np.asarray([w for w, _ in waits], dtype=float)
    stayed_flags = np.asarray([c for _, c in waits], dtype=bool)
    if len(t) == 0 or stayed_flags.all() or not stayed_flags.any():
        return None
    t = np.maximum(t, 1.0)
    edges = np.geomspace(t.min() * 0.999, t.max() * 1.001, WAIT_BINS + 1)
    which = np.clip(np.searchsorted(edges, t, side="right") - 1, 0, WAIT_BINS - 1)
    stayed = np.bincount(which, weights=stayed_flags, minlength=WAIT_BINS)
    total = np.bincount(which, minlength=WAIT_BINS).astype(float)
    centres = np.sqrt(edges[:-1] * edges[1:])
    used = total > 0
    centres, stayed, left = centres[used], stayed[used], (total - stayed)[used]
    qs = np.linspace(0.0, 0.9, 181)
    coarse = np.geomspace(max(1.0, t.min() / 3), t.max() * 3, 120)
    rough = int(np.argmax([_loglik(centres, stayed, left, s, qs).max() for s in coarse]))
    # a fine grid around the rough optimum, still open at the ends of the coarse one
    lo_edge, hi_edge = coarse[max(0, rough - 12)], coarse[min(len(coarse) - 1, rough + 12)]
    scales = np.geomspace(lo_edge, hi_edge, 241)
    profile = np.array([_loglik(centres, stayed, left, s, qs).max() for s in scales])
    best = int(np.argmax(profile))
    inside = np.nonzero(profile >= profile[best] - CHI2_95 / 2)[0]
    low, high = float(scales[inside.min()]), float(scales[inside.max()])
    q_best = float(qs[int(np.argmax(_loglik(centres, stayed, left, scales[best], qs)))])
    open_ended = inside.min() == 0 or inside.max() == len(scales) - 1
    return Estimate(
        value=round(float(scales[best]), 0),
        n=len(waits),
        low=None if inside.min() == 0 else round(low, 0),
        high=None if inside.max() == len(scales) - 1 else round(high, 0),
        detail=f"q={q_best:.3f}" + (" (interval open-ended)" if open_ended else ""),
    )


def other_stops(detail: str) -> float:
    """The ``q`` a patience estimate carries in its detail."""
    return float(detail.split("q=", 1)[1].split()[0])


# --- distances between distributions -------------------------------------------------------------


def ks_distance(a: list[float], b: list[float]) -> float:
    """Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two CDFs."""
    x, y = np.sort(np.asarray(a, dtype=float)), np.sort(np.asarray(b, dtype=float))
    if not len(x) or not len(y):
        return math.nan
    grid = np.concatenate([x, y])
    cdf_x = np.searchsorted(x, grid, side="right") / len(x)
    cdf_y = np.searchsorted(y, grid, side="right") / len(y)
    return float(np.abs(cdf_x - cdf_y).max())


def js_distance(p: dict[str, float], q: dict[str, float]) -> float:
    """Jensen-Shannon distance (base 2, in [0, 1]) between two discrete distributions."""
    keys = sorted(set(p) | set(q))
    a = np.asarray([p.get(k, 0.0) for k in keys], dtype=float)
    b = np.asarray([q.get(k, 0.0) for k in keys], dtype=float)
    if a.sum() <= 0 or b.sum() <= 0:
        return math.nan
    a, b = a / a.sum(), b / b.sum()
    m = (a + b) / 2

    def kl(u: np.ndarray, v: np.ndarray) -> float:
        mask = u > 0
        return float((u[mask] * np.log2(u[mask] / v[mask])).sum())

    return math.sqrt(max(0.0, (kl(a, m) + kl(b, m)) / 2))


# --- the staff the chats were answered by ---------------------------------------------------------

ON_DUTY_MEDIAN_S = 1800.0
"""An hour whose replies take a median of more than 30 minutes is not staffed."""


def fit_staff(latencies: list[tuple[int, float]]) -> dict[str, object] | None:
    """The shift and lognormal latency of the staff who answered the chats, as ``shift`` and
    ``latency`` fields of a human agent spec; None with fewer than 30 replies.

    Hours whose median reply is under :data:`ON_DUTY_MEDIAN_S` are on duty; the shift is the
    first to the last of them (a human agent's shift is one span of the day). The latency is
    the lognormal (median, sigma) of replies to messages written on duty.
    """
    if len(latencies) < 30:
        return None
    by_hour: dict[int, list[float]] = {}
    for hour, seconds in latencies:
        by_hour.setdefault(hour, []).append(seconds)
    on_duty = sorted(h for h, xs in by_hour.items() if float(np.median(xs)) <= ON_DUTY_MEDIAN_S)
    if not on_duty:
        return None
    duty = [max(1.0, s) for h, s in latencies if h in on_duty]
    logs = np.log(np.asarray(duty))
    q25, q50, q75 = np.quantile(logs, [0.25, 0.5, 0.75])
    return {
        "shift": {"start": on_duty[0], "end": on_duty[-1] + 1},
        # median and interquartile range: a message written just before the shift ends waits
        # for the morning, and those few waits must not pass for a slow team
        "latency": {
            "median_s": round(float(np.exp(q50)), 1),
            "sigma": round(float((q75 - q25) / 1.349), 2),
        },
    }
