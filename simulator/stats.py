"""Interval statistics for rates: Wilson intervals and bootstrap differences and lifts.

Every rate salesim reports carries a 95% interval; every comparison between two agents carries a
(paired, when the conversations pair up) bootstrap interval for the difference and the lift.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel

Z95 = 1.959963984540054
BOOTSTRAP_SAMPLES = 2000


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; (0, 1) when n is 0."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # exact at the edges: floating point must not put 100% outside its own interval
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


class Rate(BaseModel):
    """A rate with its Wilson 95% interval."""

    value: float | None
    low: float
    high: float
    successes: int
    n: int


def rate(values: Sequence[bool]) -> Rate:
    """Aggregate yes/no values into a :class:`Rate`."""
    n = len(values)
    successes = sum(values)
    low, high = wilson_interval(successes, n)
    return Rate(value=successes / n if n else None, low=low, high=high, successes=successes, n=n)


class Difference(BaseModel):
    """Candidate minus baseline, absolute and relative (lift), with bootstrap 95% intervals."""

    diff: float | None
    diff_low: float | None
    diff_high: float | None
    lift: float | None
    lift_low: float | None
    lift_high: float | None
    paired: bool
    n: int


def _percentiles(samples: np.ndarray) -> tuple[float | None, float | None]:
    finite = samples[np.isfinite(samples)]
    if finite.size < len(samples) * 0.95 or finite.size == 0:
        return (None, None)
    low, high = np.percentile(finite, [2.5, 97.5])
    return (float(low), float(high))


def compare_rates(
    candidate: Sequence[bool],
    baseline: Sequence[bool],
    paired: bool,
    seed: int = 0,
    samples: int = BOOTSTRAP_SAMPLES,
) -> Difference:
    """Difference and lift of two rates with a bootstrap interval.

    When ``paired`` the two sequences are aligned conversation by conversation (same persona
    instance) and resampled together, which removes the customer-to-customer variance.
    """
    a = np.asarray(candidate, dtype=float)
    b = np.asarray(baseline, dtype=float)
    if a.size == 0 or b.size == 0:
        return Difference(
            diff=None,
            diff_low=None,
            diff_high=None,
            lift=None,
            lift_low=None,
            lift_high=None,
            paired=paired,
            n=0,
        )
    rng = np.random.default_rng(seed)
    # Yes/no outcomes make the bootstrap cheap and exact: resampling n conversations with
    # replacement is a multinomial draw over the four (a, b) cells when paired, a binomial draw
    # per arm when not. Memory stays O(samples), whatever the number of conversations.
    if paired:
        cells = np.array([np.sum(a * b), np.sum(a * (1 - b)), np.sum((1 - a) * b), 0.0])
        cells[3] = a.size - cells[:3].sum()
        counts = rng.multinomial(a.size, cells / a.size, size=samples)
        mean_a = (counts[:, 0] + counts[:, 1]) / a.size
        mean_b = (counts[:, 0] + counts[:, 2]) / a.size
    else:
        mean_a = rng.binomial(a.size, a.mean(), size=samples) / a.size
        mean_b = rng.binomial(b.size, b.mean(), size=samples) / b.size
    diff_low, diff_high = _percentiles(mean_a - mean_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        lifts = mean_a / mean_b - 1.0
    lift_low, lift_high = _percentiles(lifts)
    base = b.mean()
    return Difference(
        diff=float(a.mean() - base),
        diff_low=diff_low,
        diff_high=diff_high,
        lift=float(a.mean() / base - 1.0) if base > 0 else None,
        lift_low=lift_low,
        lift_high=lift_high,
        paired=paired,
        n=int(min(a.size, b.size)),
    )


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) or None for no values."""
    return float(np.percentile(values, q)) if values else None


# --- score intervals for a difference ------------------------------------------------------------
#
# Newcombe's square-and-add intervals, built from the two rates' Wilson intervals. The gate uses
# them to decide whether a run rules a regression out; unlike the bootstrap they do not collapse
# to a point when every conversation agrees (12 of 12 against 12 of 12 is not proof of anything).


def newcombe_interval(
    successes_b: int, n_b: int, successes_a: int, n_a: int, alpha: float = 0.05
) -> tuple[float, float]:
    """Interval for ``p_b - p_a`` from two independent samples (Newcombe 1998, method 10)."""
    z = normal_quantile(1 - alpha / 2)
    p_b, p_a = successes_b / n_b, successes_a / n_a
    low_b, high_b = wilson_interval(successes_b, n_b, z)
    low_a, high_a = wilson_interval(successes_a, n_a, z)
    diff = p_b - p_a
    return (
        max(-1.0, diff - math.hypot(p_b - low_b, high_a - p_a)),
        min(1.0, diff + math.hypot(high_b - p_b, p_a - low_a)),
    )


def paired_newcombe_interval(
    both: int, only_b: int, only_a: int, neither: int, alpha: float = 0.05
) -> tuple[float, float]:
    """Interval for ``p_b - p_a`` from paired yes/no outcomes (Newcombe 1998, paired method 10).

    The four counts are the pairs where both, only B, only A and neither succeeded. The Wilson
    intervals of the two rates are combined with their estimated correlation (continuity
    corrected), so pairing narrows the interval as it does for the McNemar test.
    """
    n = both + only_b + only_a + neither
    z = normal_quantile(1 - alpha / 2)
    yes_b, yes_a = both + only_b, both + only_a
    p_b, p_a = yes_b / n, yes_a / n
    low_b, high_b = wilson_interval(yes_b, n, z)
    low_a, high_a = wilson_interval(yes_a, n, z)
    margins = yes_b * (n - yes_b) * yes_a * (n - yes_a)
    cross = both * neither - only_b * only_a
    if margins == 0 or 0 <= cross <= n / 2:
        phi = 0.0
    else:
        phi = (cross - n / 2 if cross > 0 else cross) / math.sqrt(margins)
    d_low = (p_b - low_b) ** 2 - 2 * phi * (p_b - low_b) * (high_a - p_a) + (high_a - p_a) ** 2
    d_high = (high_b - p_b) ** 2 - 2 * phi * (high_b - p_b) * (p_a - low_a) + (p_a - low_a) ** 2
    diff = p_b - p_a
    return (
        max(-1.0, diff - math.sqrt(max(0.0, d_low))),
        min(1.0, diff + math.sqrt(max(0.0, d_high))),
    )


# --- tests and power ---------------------------------------------------------------------------


def normal_cdf(x: float) -> float:
    """Standard normal CDF."""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def normal_quantile(q: float) -> float:
    """Inverse standard normal CDF (bisection on :func:`normal_cdf`; plenty for z-values)."""
    low, high = -10.0, 10.0
    for _ in range(100):
        mid = (low + high) / 2
        if normal_cdf(mid) < q:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def mcnemar_p(only_a: int, only_b: int) -> float:
    """Exact two-sided McNemar p-value from the discordant pairs (binomial, p = 1/2).

    ``only_a``: pairs where A succeeded and B did not; ``only_b``: the reverse. Concordant pairs
    carry no information about a difference, which is why pairing removes customer variance.
    """
    n = only_a + only_b
    if n == 0:
        return 1.0
    k = min(only_a, only_b)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def two_proportion_p(successes_a: int, n_a: int, successes_b: int, n_b: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (unpaired samples)."""
    if n_a == 0 or n_b == 0:
        return 1.0
    pooled = (successes_a + successes_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:
        return 1.0
    z = (successes_b / n_b - successes_a / n_a) / se
    return 2 * (1 - normal_cdf(abs(z)))


def minimum_detectable_effect(
    n: int,
    rate: float,
    alpha: float = 0.05,
    power: float = 0.8,
    discordance: float | None = None,
) -> float:
    """Smallest true difference a comparison of ``n`` (pairs) detects with ``power``.

    Unpaired: two arms of ``n`` at ``rate``. Paired: driven by the share of discordant pairs
    (``discordance``), which is why pairing detects smaller effects with the same ``n``.
    """
    if n <= 0:
        return float("inf")
    z = normal_quantile(1 - alpha / 2) + normal_quantile(power)
    if discordance is not None:
        return z * math.sqrt(max(discordance, 1.0 / n) / n)
    variance = max(rate * (1 - rate), 0.25 / n)
    return z * math.sqrt(2 * variance / n)


def sample_size(mde: float, rate: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Conversations per arm so that an unpaired comparison detects ``mde`` at ``rate``."""
    z = normal_quantile(1 - alpha / 2) + normal_quantile(power)
    return math.ceil(2 * rate * (1 - rate) * (z / mde) ** 2)
