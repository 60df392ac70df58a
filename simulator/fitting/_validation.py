"""Checking the fit on populations whose parameters are known (tests and bench/fit_recovery.py).

Real chats never come with their customers' true patience, so the fit is validated the way
estimators are: simulate a population with known parameters against a staff that answers at
known speeds, strip everything a real export would not have (persona, outcome, truth, the
customer's notes), fit, and compare. ``holdout`` does the second check the calibration docs
describe: fit on one half of a data set, simulate the fitted persona against the staff
stand-in, and compare lead capture, reply rate and drop-off with the other half.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from simulator.agents import LoadedAgent
from simulator.fitting._facts import ConversationFacts, conversation_facts
from simulator.fitting._fit import FitResult, fit_persona, loaded_human, staff_like
from simulator.fitting._simulate import simulate
from simulator.models import Message, Transcript
from simulator.specs import HumanAgentSpec, Persona
from simulator.stats import Rate, newcombe_interval, rate


def staff_agent(median_s: float, sigma: float = 1.0, start: int = 0, end: int = 24) -> LoadedAgent:
    """A human staff with a known shift and lognormal reply latency (the "real" team)."""
    spec = HumanAgentSpec(
        kind="human",
        id="staff",
        shift={"start": start, "end": end},  # type: ignore[arg-type]
        latency={"median_s": median_s, "sigma": sigma},  # type: ignore[arg-type]
    )
    return loaded_human(spec, "staff", "staff")


def as_real(transcripts: Sequence[Transcript], drop_ts: bool = False) -> list[Transcript]:
    """What an export of real chats would hold: ids, locale, industry and the messages' role,
    text and time; no persona, agent, outcome, truth or customer notes."""
    out: list[Transcript] = []
    for i, t in enumerate(transcripts):
        messages = [
            Message(role=m.role, text=m.text, ts=m.ts, meta={"ts_missing": True} if drop_ts else {})
            for m in t.messages
        ]
        out.append(
            Transcript(
                conversation_id=f"real-{i:05d}",
                industry=t.industry,
                locale=t.locale,
                messages=messages,
            )
        )
    return out


def _dropped(f: ConversationFacts) -> bool:
    """The customer stopped writing after an agent reply, without leaving a contact."""
    return not f.lead and f.agent_replies > 0 and not f.unanswered_end


@dataclass(frozen=True)
class HoldoutFigure:
    """One metric on the held-out real half and on the simulation of the fitted persona."""

    metric: str
    real: Rate
    sim: Rate
    fit: Rate | None = None
    """The same metric on the half the persona was fitted on: the fitted persona carries its
    sampling error, so the interval of the difference includes it."""

    @property
    def difference(self) -> float:
        """Simulated minus real."""
        return (self.sim.value or 0.0) - (self.real.value or 0.0)

    @property
    def interval(self) -> tuple[float, float]:
        """95% interval of the difference: Newcombe's method for the two samples, widened in
        quadrature by the Wilson interval of the half the persona was fitted on."""
        low, high = newcombe_interval(
            self.sim.successes, self.sim.n, self.real.successes, self.real.n
        )
        if self.fit is None or self.fit.value is None:
            return low, high
        d = self.difference
        return (
            d - math.hypot(d - low, self.fit.value - self.fit.low),
            d + math.hypot(high - d, self.fit.high - self.fit.value),
        )

    @property
    def consistent(self) -> bool:
        """The interval of the difference contains 0."""
        low, high = self.interval
        return low <= 0 <= high


def rates(facts: Sequence[ConversationFacts], sla_s: float = 180.0) -> dict[str, Rate]:
    """Lead capture, reply within the SLA and drop-off of a set of conversations."""
    within = [f.first_reply_s is not None and f.first_reply_s <= sla_s for f in facts]
    return {
        "lead_capture": rate([f.lead for f in facts]),
        "reply_rate": rate(within),
        "drop_off": rate([_dropped(f) for f in facts]),
    }


def holdout(
    real: Sequence[Transcript],
    base: Persona,
    agent: LoadedAgent,
    *,
    sim_n: int = 1000,
    fit_sim_n: int = 200,
    seed: int = 0,
) -> tuple[FitResult, list[HoldoutFigure]]:
    """Fit ``base`` on the even-numbered half of ``real``, simulate the fitted persona against
    ``agent`` made to answer as the chats' staff did, and compare with the odd half."""
    fit_half = [t for i, t in enumerate(real) if i % 2 == 0]
    held_out = [t for i, t in enumerate(real) if i % 2 == 1]
    result = fit_persona(fit_half, base, agent=agent, sim_n=fit_sim_n, seed=seed)
    fit_facts = [conversation_facts(t, (), base.locale) for t in fit_half]
    stand_in, _ = staff_like(agent, fit_facts)
    simulated = simulate(result.persona, stand_in, sim_n, seed=seed + 1)
    sim_rates = rates([conversation_facts(t, (), base.locale) for t in simulated])
    real_rates = rates([conversation_facts(t, (), base.locale) for t in held_out])
    fit_rates = rates(fit_facts)
    figures = [HoldoutFigure(k, real_rates[k], sim_rates[k], fit_rates[k]) for k in real_rates]
    return result, figures
