"""The CI gate: refuse a candidate run that is worse than the baseline run.

A gate fails (exit 1) on any of:

- a metric below its absolute minimum;
- a significant drop (Bonferroni-corrected across the gated metrics) larger than the allowed
  ``max_drop``, overall or, with ``per_persona``, for one persona in one locale;
- more conversations with a critical violation than allowed (zero by default);
- a candidate agent whose conversations ended in ``agent_error`` beyond ``max_agent_errors``
  (10% by default, like ``salesim run``): its metrics would measure its crashes;
- conversations whose judge rules the LLM judge could not decide (``judge_errors``, zero
  allowed by default) in either run: compliance measured without them is not a measurement;
- an underpowered comparison: too few conversations to detect the allowed drop at all. This is
  said plainly and fails unless ``--allow-underpowered``; a gate that cannot see a regression
  must not pass silently. A run whose interval for the difference already excludes a drop of
  ``max_drop`` is never underpowered, however small: it has ruled the regression out. (Power
  computed from the pairs that disagree made large *improvements* look underpowered: 10% -> 69%
  lead capture failed the README's own example.)

A significant drop inside the measured noise floor (``salesim noise``) is ``inconclusive`` and
does not fail the gate. Results can be written as JUnit XML (one test case per check) and as a
markdown summary for a pull-request comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.compare import Comparison, MetricComparison, compare_runs
from simulator.metrics import ScoreRow, metrics
from simulator.specs import SpecError, read_yaml, validation_problems
from simulator.stats import (
    minimum_detectable_effect,
    newcombe_interval,
    paired_newcombe_interval,
)

Status = Literal["pass", "fail", "inconclusive", "underpowered"]


class MetricRule(BaseModel):
    """Limits for one metric."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = Field(default=None, ge=0, le=1)
    """The candidate's rate may not be below this, whatever the baseline did."""
    max_drop: float = Field(default=0.05, ge=0, le=1)
    """Largest drop (absolute, in the harmful direction) that is tolerated."""


def _default_rules() -> dict[str, MetricRule]:
    return {
        "reply_rate": MetricRule(max_drop=0.05),
        "lead_capture": MetricRule(max_drop=0.05),
        "valid_lead": MetricRule(max_drop=0.05),
        "compliance": MetricRule(max_drop=0.03),
    }


class GateConfig(BaseModel):
    """gate.yaml."""

    model_config = ConfigDict(extra="forbid")

    alpha: float = Field(default=0.05, gt=0, lt=1)
    power: float = Field(default=0.8, gt=0, lt=1)
    metrics: dict[str, MetricRule] = Field(default_factory=_default_rules)
    critical_violations: int = Field(default=0, ge=0)
    """Conversations with a critical violation the candidate may have (zero tolerance)."""
    max_agent_errors: float = Field(default=0.1, ge=0, le=1)
    """Share of one candidate agent's conversations that may end in ``agent_error`` (as
    ``salesim run --max-agent-errors``); beyond it the candidate's metrics measure its crashes."""
    judge_errors: int = Field(default=0, ge=0)
    """Conversations per run whose judge rules went undecided (the judge failed) that are
    tolerated; beyond that the gate fails rather than pass on a compliance it never saw."""
    per_persona: bool = True
    """Also fail on a significant drop for a single persona and locale."""


class Check(BaseModel):
    """One gate check; becomes one JUnit test case."""

    name: str
    status: Status
    message: str


class GateResult(BaseModel):
    """The gate's decision and why."""

    passed: bool
    checks: list[Check]
    comparison: Comparison

    @property
    def failures(self) -> list[Check]:
        """Checks that make the gate fail."""
        return [c for c in self.checks if c.status in ("fail", "underpowered")]


def load_gate_config(path: Path | None) -> GateConfig:
    """gate.yaml (or the defaults), validated with one-line errors."""
    if path is None:
        return GateConfig()
    data = read_yaml(path) or {}
    try:
        config = GateConfig.model_validate(data)
    except ValidationError as exc:
        raise SpecError.of(validation_problems(path, exc)) from None
    for name in config.metrics:
        if name not in metrics:
            raise SpecError(
                f"{path}: metrics.{name}: unknown metric ({', '.join(metrics.names())})"
            )
    return config


def _harmful_drop(comparison: MetricComparison) -> float:
    if comparison.diff is None:
        return 0.0
    return -comparison.diff if comparison.higher_is_better else comparison.diff


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def difference_interval(comparison: MetricComparison, alpha: float) -> tuple[float, float] | None:
    """Interval for B - A at level 1 - ``alpha`` (Newcombe; paired when the runs pair up).

    Not the bootstrap interval the comparison shows: that one collapses to a point when every
    conversation agrees, and a gate must not read 12 agreeing conversations as proof.
    """
    a, b = comparison.a, comparison.b
    if not a.n or not b.n:
        return None
    if comparison.paired and comparison.only_a is not None and comparison.only_b is not None:
        both = a.successes - comparison.only_a
        neither = a.n - both - comparison.only_a - comparison.only_b
        return paired_newcombe_interval(both, comparison.only_b, comparison.only_a, neither, alpha)
    return newcombe_interval(b.successes, b.n, a.successes, a.n, alpha)


def _worst_drop(comparison: MetricComparison, alpha: float) -> tuple[float, str] | None:
    """The largest harmful drop the interval still allows, and the interval as text."""
    interval = difference_interval(comparison, alpha)
    if interval is None:
        return None
    low, high = interval
    worst = -low if comparison.higher_is_better else high
    level = f"{(1 - alpha) * 100:.4g}%"
    return worst, f"{level} interval of the difference [{_signed(low)}, {_signed(high)}]"


def _signed(value: float) -> str:
    return f"{value * 100:+.1f}%"


def _metric_check(
    name: str, comparison: MetricComparison, rule: MetricRule, config: GateConfig, alpha: float
) -> tuple[Check, bool]:
    """(check, underpowered) for one metric overall."""
    b, a = comparison.b.value, comparison.a.value
    summary = (
        f"{_pct(a)} -> {_pct(b)} (diff {_pct(comparison.diff)}, p={comparison.p_value:.3g})"
        if comparison.p_value is not None
        else f"{_pct(a)} -> {_pct(b)}"
    )
    if rule.min is not None and b is not None and b < rule.min:
        return Check(
            name=name, status="fail", message=f"below the minimum {_pct(rule.min)}: {summary}"
        ), False
    drop = _harmful_drop(comparison)
    significant = comparison.p_value is not None and comparison.p_value < alpha
    if significant and drop > rule.max_drop:
        if (
            comparison.noise_floor is not None
            and abs(comparison.diff or 0) <= comparison.noise_floor
        ):
            message = f"drop within the noise floor {_pct(comparison.noise_floor)}: {summary}"
            return Check(name=name, status="inconclusive", message=message), False
        message = f"significant drop of {_pct(drop)} > allowed {_pct(rule.max_drop)}: {summary}"
        return Check(name=name, status="fail", message=message), False
    worst = _worst_drop(comparison, alpha)
    if worst is not None and worst[0] < rule.max_drop:
        # the data rule out the regression the gate guards against: power is beside the point
        message = f"{summary}; a drop of {_pct(rule.max_drop)} is ruled out ({worst[1]})"
        return Check(name=name, status="pass", message=message), False
    mde = minimum_detectable_effect(
        comparison.n,
        a if a is not None else 0.5,
        alpha,
        config.power,
        comparison.discordant if comparison.paired else None,
    )
    if mde > rule.max_drop:
        interval = f"the {worst[1]} includes it; " if worst is not None else ""
        message = (
            f"underpowered: with n={comparison.n} only drops above {_pct(mde)} can be detected "
            f"(allowed drop {_pct(rule.max_drop)}; {interval}run more conversations): {summary}"
        )
        return Check(name=name, status="underpowered", message=message), True
    return Check(name=name, status="pass", message=summary), False


def run_gate(
    rows_a: Sequence[ScoreRow],
    rows_b: Sequence[ScoreRow],
    config: GateConfig,
    *,
    allow_underpowered: bool = False,
    noise: dict[str, float] | None = None,
    run_a: str = "baseline",
    run_b: str = "candidate",
) -> GateResult:
    """Decide whether candidate ``rows_b`` may replace baseline ``rows_a``."""
    names = list(config.metrics)
    comparison = compare_runs(
        rows_a,
        rows_b,
        run_a=run_a,
        run_b=run_b,
        alpha=config.alpha,
        noise=noise,
        metric_names=names,
    )
    alpha = config.alpha / max(1, len(names))
    checks: list[Check] = []
    for name in names:
        check, underpowered = _metric_check(
            name, comparison.metric(name), config.metrics[name], config, alpha
        )
        if underpowered and allow_underpowered:
            check = Check(name=name, status="pass", message=check.message + " (allowed)")
        checks.append(check)
    if config.per_persona:
        groups = len(comparison.by_persona) or 1
        group_alpha = alpha / groups
        for group, table in comparison.by_persona.items():
            for mc in table:
                rule = config.metrics[mc.metric]
                drop = _harmful_drop(mc)
                if mc.p_value is not None and mc.p_value < group_alpha and drop > rule.max_drop:
                    inside_noise = (
                        mc.noise_floor is not None and abs(mc.diff or 0) <= mc.noise_floor
                    )
                    checks.append(
                        Check(
                            name=f"{mc.metric}[{group}]",
                            status="inconclusive" if inside_noise else "fail",
                            message=f"{group}: {_pct(mc.a.value)} -> {_pct(mc.b.value)}, "
                            f"drop {_pct(drop)} (p={mc.p_value:.3g})",
                        )
                    )
    critical = [
        row.conversation_id
        for row in rows_b
        if any(v.get("severity") == "critical" for v in row.violations)
    ]
    if len(critical) > config.critical_violations:
        rules = sorted(
            {v["rule"] for row in rows_b for v in row.violations if v.get("severity") == "critical"}
        )
        checks.append(
            Check(
                name="critical_violations",
                status="fail",
                message=f"{len(critical)} conversation(s) with a critical violation "
                f"({', '.join(rules)}), allowed {config.critical_violations}: "
                f"{', '.join(critical[:10])}",
            )
        )
    else:
        checks.append(
            Check(
                name="critical_violations",
                status="pass",
                message=f"{len(critical)} conversation(s) with a critical violation",
            )
        )
    checks.append(_agent_error_check(rows_b, config.max_agent_errors))
    checks.append(_judge_check(rows_a, rows_b, config.judge_errors, run_a, run_b))
    passed = not any(c.status in ("fail", "underpowered") for c in checks)
    return GateResult(passed=passed, checks=checks, comparison=comparison)


def _agent_error_check(rows: Sequence[ScoreRow], allowed: float) -> Check:
    """Fail when a candidate agent's conversations ended in agent_error beyond ``allowed``."""
    totals: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    for row in rows:
        tally = totals.setdefault(row.agent_id, [0, 0])
        tally[1] += 1
        if row.agent_error:
            tally[0] += 1
            first.setdefault(row.agent_id, row.agent_error)
    over = {agent: t for agent, t in totals.items() if t[1] and t[0] / t[1] > allowed}
    if over:
        detail = "; ".join(
            f"{agent}: {errors} of {n} conversations ({errors / n:.0%}), first: {first[agent]}"
            for agent, (errors, n) in sorted(over.items())
        )
        return Check(
            name="agent_errors",
            status="fail",
            message=f"the candidate failed in more than {allowed:.0%} of its conversations "
            f"({detail}); its metrics measure the failures, not the agent",
        )
    errors = sum(t[0] for t in totals.values())
    return Check(
        name="agent_errors",
        status="pass",
        message=f"{errors} candidate conversation(s) ended in agent_error",
    )


def _judge_check(
    rows_a: Sequence[ScoreRow], rows_b: Sequence[ScoreRow], allowed: int, run_a: str, run_b: str
) -> Check:
    """Fail when either run has more conversations with undecided judge rules than allowed."""
    counts = {
        run: sum(bool(row.judge_errors) for row in rows)
        for run, rows in ((run_a, rows_a), (run_b, rows_b))
    }
    detail = ", ".join(f"{run}: {count}" for run, count in counts.items())
    if max(counts.values()) > allowed:
        example = next(
            (row.judge_errors[0] for rows in (rows_b, rows_a) for row in rows if row.judge_errors),
            {},
        )
        return Check(
            name="judge_errors",
            status="fail",
            message=f"the judge could not decide its rules in some conversations ({detail}; "
            f"allowed {allowed}), so compliance is unmeasured there: "
            f"{example.get('rule')}: {example.get('error')}",
        )
    return Check(
        name="judge_errors",
        status="pass",
        message=f"conversations with undecided judge rules: {detail}",
    )


def junit_xml(result: GateResult) -> str:
    """JUnit XML: one test case per check, failures with the reason."""
    failures = len(result.failures)
    suite = ElementTree.Element(
        "testsuite",
        name="salesim gate",
        tests=str(len(result.checks)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for check in result.checks:
        case = ElementTree.SubElement(suite, "testcase", classname="salesim.gate", name=check.name)
        if check.status in ("fail", "underpowered"):
            failure = ElementTree.SubElement(
                case, "failure", message=check.message, type=check.status
            )
            failure.text = check.message
        else:
            ElementTree.SubElement(case, "system-out").text = f"{check.status}: {check.message}"
    return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True)


def markdown(result: GateResult) -> str:
    """A short summary for a pull-request comment."""
    c = result.comparison
    icon = {"pass": "✅", "fail": "❌", "inconclusive": "➖", "underpowered": "⚠️"}
    lines = [
        f"### salesim gate: {'passed ✅' if result.passed else 'FAILED ❌'}",
        "",
        f"`{c.agent_b}` ({c.run_b}) against `{c.agent_a}` ({c.run_a}), "
        + (f"paired on {c.n_pairs} persona instances" if c.paired else "unpaired"),
        "",
        "| check | | detail |",
        "|---|---|---|",
    ]
    lines += [
        f"| {ch.name} | {icon[ch.status]} {ch.status} | {ch.message} |" for ch in result.checks
    ]
    if c.warning:
        lines += ["", f"> {c.warning}"]
    lost = c.flips.get("lead_capture", {}).get("lost", [])
    if lost:
        lines += [
            "",
            f"Leads lost in the candidate ({len(lost)}): "
            + ", ".join(f"`{f.conversation_b}`" for f in lost[:10]),
        ]
    return "\n".join(lines) + "\n"
