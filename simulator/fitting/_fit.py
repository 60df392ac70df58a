"""``salesim personas fit``: a persona's behaviour estimated from real conversations.

Two kinds of parameters, two methods:

- **Read off the data** where the simulator's model can be inverted directly: arrival hours
  (observed shares of first-message hours) and time zone (the chats' UTC offset), the
  customer's own reply delays (``pace.think_s``: the uniform range closest in KS distance),
  patience (``patience.reply_s``: maximum likelihood on the waits, a survival model with
  censoring, see :func:`simulator.fitting._estimate.fit_patience`) and which needs customers
  ask about (``needs[].weight``, from the questions the reader sorts into the persona's needs).
- **Matched by simulation** where a parameter acts through the customer's policy: how many
  needs an instance asks about (``behaviour.needs``), the share who never leave a contact in
  chat (``behaviour.never_share``), bursts (``traits.burst``) and message length
  (``traits.terse``/``verbose``). The persona is simulated against a stand-in for the real
  staff (``--agent``, default ``human``) for candidate values, and the value whose statistic is
  closest to the real one wins. Same seed for every candidate (common random numbers), so the
  search is deterministic.

A parameter with too few observations keeps the base persona's value, and the fit says so
(:data:`MIN_OBSERVATIONS`). The result is an ordinary persona spec: the base file's data with
the fitted fields replaced, a comment block citing the data and every decision.
"""

from __future__ import annotations

import copy
import hashlib
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import yaml

from simulator.agents import AgentContext, LoadedAgent, human_agent
from simulator.fitting._estimate import (
    dominant_offset,
    fit_patience,
    fit_staff,
    fit_think,
    hour_shares,
    ks_distance,
    other_stops,
)
from simulator.fitting._facts import ConversationFacts, conversation_facts
from simulator.fitting._simulate import simulate
from simulator.models import Transcript
from simulator.specs import HumanAgentSpec, Latency, Persona, Shift, SpecError, load_agent_spec

MIN_OBSERVATIONS = {
    "arrival": 30,
    "think": 30,
    "needs": 30,
    "never_share": 30,
    "burst": 50,
    "length": 50,
}
"""Fewest observations (conversations, delays, turns or messages) a parameter is fitted from."""
MAX_PATIENCE_SPREAD = 4.0
"""A patience estimate whose 95% interval is wider than this ratio (high / low) is not used."""

Status = Literal["fitted", "kept"]


@dataclass
class ParameterFit:
    """What happened to one parameter."""

    name: str
    status: Status
    base: Any
    value: Any
    n: int
    how: str
    interval: tuple[float | None, float | None] | None = None

    def line(self) -> str:
        """One line for the terminal and the fitted file's comment block."""
        shown = _show(self.value)
        if self.interval is not None:
            low, high = self.interval
            shown += (
                f" [{'…' if low is None else f'{low:g}'}, {'…' if high is None else f'{high:g}'}]"
            )
        if self.status == "fitted":
            return f"fitted  {self.name} = {shown} (base {_show(self.base)}): {self.how}"
        return f"kept    {self.name} = {_show(self.base)}: {self.how}"


@dataclass
class FitResult:
    """A fitted persona and the account of how it was fitted."""

    persona: Persona
    base: Persona
    raw: dict[str, Any]
    parameters: list[ParameterFit]
    source: str
    conversations: int
    used: int
    excluded: dict[str, int] = field(default_factory=dict)
    observed: dict[str, Any] = field(default_factory=dict)
    agent: str | None = None

    def fitted(self, name: str) -> ParameterFit:
        """The record of parameter ``name``."""
        return next(p for p in self.parameters if p.name == name)

    def comment(self) -> str:
        """The comment block the fitted file opens with."""
        lines = [
            f"Fitted by `salesim personas fit` from {self.source}: {self.conversations} "
            f"conversations, {self.used} used.",
            f"Base persona: {self.base.id} ({self.base.locale}) v{self.base.version}."
            + ("" if self.agent else " No simulated matches."),
        ]
        if self.excluded:
            lines.append(
                "Not used: " + ", ".join(f"{n} {why}" for why, n in sorted(self.excluded.items()))
            )
        lines += [p.line() for p in self.parameters]
        for key, value in self.observed.items():
            lines.append(f"observed {key}: {value}")
        return "".join(f"# {line}\n" for line in lines)

    def yaml(self) -> str:
        """The fitted persona as YAML, comment block first; loads as an ordinary persona."""
        body = yaml.safe_dump(
            self.raw, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
        )
        return self.comment() + body


def _show(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple | list) and all(isinstance(v, int | float) for v in value):
        return "[" + ", ".join(f"{v:g}" for v in value) + "]"
    return str(value)


def _set(raw: dict[str, Any], path: str, value: Any) -> None:
    node = raw
    *parents, leaf = path.split(".")
    for key in parents:
        node = node.setdefault(key, {})
    node[leaf] = value


def _persona(raw: dict[str, Any]) -> Persona:
    return Persona.model_validate(raw)


def _zone_for(offset_min: int, base_tz: str) -> str | None:
    """The base zone when its offset (winter or summer) matches, else a fixed-offset zone; None
    when no IANA zone has that offset in whole hours."""
    zone = ZoneInfo(base_tz)
    offsets = {
        int(datetime(2026, month, 15, 12, tzinfo=zone).utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        for month in (1, 7)
    }
    if offset_min in offsets:
        return base_tz
    if offset_min % 60:
        return None
    hours = offset_min // 60
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX sign: Etc/GMT-8 is UTC+8


# --- statistics shared by the simulated matches and the fidelity report --------------------------


def lead_rate(facts: Sequence[ConversationFacts]) -> tuple[float, int]:
    """Share of conversations in which the customer left a contact."""
    return (sum(f.lead for f in facts) / len(facts) if facts else 0.0), len(facts)


def asked_conversations(facts: Sequence[ConversationFacts]) -> int:
    """Conversations in which the agent asked for a contact at least once."""
    return sum(1 for f in facts if f.contact_asks)


def burst_share(facts: Sequence[ConversationFacts]) -> tuple[float, int]:
    """Share of customer turns sent as two or more messages in a row."""
    turns = sum(f.customer_turns for f in facts)
    return (sum(f.burst_turns for f in facts) / turns if turns else 0.0), turns


def typical_length(facts: Sequence[ConversationFacts]) -> tuple[float, int]:
    """Typical characters of a customer message: the geometric mean (smooth where the median
    jumps between template lengths, and not ruled by a few very long messages)."""
    lengths = [max(1, n) for f in facts for n in f.lengths]
    if not lengths:
        return 0.0, 0
    return math.exp(statistics.fmean(math.log(n) for n in lengths)), len(lengths)


def needs_per_conversation(facts: Sequence[ConversationFacts]) -> list[float]:
    """Distinct needs asked, in conversations that ask about at least one."""
    return [float(len(f.needs)) for f in facts if f.needs]


def stop_rate(facts: Sequence[ConversationFacts]) -> tuple[float, int]:
    """Chance per reply that a customer stops for a reason other than the wait (the ``q`` of
    the patience fit)."""
    waits = [w for f in facts for w in f.waits]
    estimate = fit_patience(waits)
    return (other_stops(estimate.detail) if estimate else 0.0), len(waits)


def share_after_ask(facts: Sequence[ConversationFacts], with_reason: bool) -> tuple[float, int]:
    """Share of contact asks (with or without a reason) answered with a contact."""
    asks = [a for f in facts for a in f.contact_asks if a.with_reason == with_reason]
    if not asks:
        return 0.0, 0
    return sum(1 for a in asks if a.response == "shared") / len(asks), len(asks)


# --- the fit -------------------------------------------------------------------------------------


class _Fitter:
    def __init__(
        self,
        base: Persona,
        raw: dict[str, Any],
        facts: list[ConversationFacts],
        agent: LoadedAgent | None,
        sim_n: int,
        seed: int,
    ) -> None:
        self.base, self.raw, self.facts = base, raw, facts
        self.agent, self.sim_n, self.seed = agent, sim_n, seed
        self.parameters: list[ParameterFit] = []
        self.observed: dict[str, Any] = {}
        self.silent_fittable = False

    def record(
        self, name: str, status: Status, base: Any, value: Any, n: int, how: str, **kw: Any
    ) -> None:
        self.parameters = [p for p in self.parameters if p.name != name]
        self.parameters.append(ParameterFit(name, status, base, value, n, how, **kw))
        if status == "fitted":
            _set(self.raw, name, list(value) if isinstance(value, tuple) else value)

    def kept(self, name: str, base: Any, n: int, why: str) -> None:
        self.record(name, "kept", base, base, n, why)

    # -- read off the data

    def arrival(self) -> None:
        arrivals = [
            f for f in self.facts if f.timed and not f.agent_initiated and f.first_hour is not None
        ]
        need = MIN_OBSERVATIONS["arrival"]
        base = self.base.arrival
        if len(arrivals) < need:
            why = f"{len(arrivals)} timed first messages from customers, {need} needed"
            self.kept("arrival.hours", base.hours, len(arrivals), why)
            self.kept("arrival.tz", base.tz, len(arrivals), why)
            return
        shares = hour_shares([f.first_hour for f in arrivals if f.first_hour is not None])
        self.record(
            "arrival.hours",
            "fitted",
            base.hours,
            list(shares),
            len(arrivals),
            f"hours of {len(arrivals)} first customer messages",
        )
        _set(self.raw, "arrival.weights", [round(s, 3) for s in shares.values()])
        offset, share = dominant_offset(
            [f.utc_offset_min for f in arrivals if f.utc_offset_min is not None]
        )
        zone = _zone_for(offset, base.tz)
        label = f"UTC{offset / 60:+g}"
        if zone is None:
            self.kept(
                "arrival.tz",
                base.tz,
                len(arrivals),
                f"the chats' offset {label} is not whole hours",
            )
        elif zone == base.tz:
            self.kept(
                "arrival.tz",
                base.tz,
                len(arrivals),
                f"matches the chats' offset {label} ({share:.0%} of them)",
            )
        else:
            self.record(
                "arrival.tz",
                "fitted",
                base.tz,
                zone,
                len(arrivals),
                f"the chats' offset {label} ({share:.0%} of them)",
            )

    def think(self) -> None:
        delays = [d for f in self.facts for d in f.delays]
        need = MIN_OBSERVATIONS["think"]
        base = tuple(self.base.pace.think_s)
        if len(delays) < need:
            self.kept(
                "pace.think_s",
                base,
                len(delays),
                f"{len(delays)} timed customer replies, {need} needed",
            )
            return
        estimate = fit_think(delays)
        self.record(
            "pace.think_s",
            "fitted",
            base,
            estimate.value,
            estimate.n,
            f"{estimate.n} customer reply delays; {estimate.detail}",
        )

    def patience(self) -> None:
        waits = [w for f in self.facts for w in f.waits]
        base = self.base.patience.reply_s
        estimate = fit_patience(waits)
        if estimate is None:
            why = (
                "no timed waits"
                if not waits
                else (
                    "every customer wrote again after every reply: nothing to say when they leave"
                    if all(c for _, c in waits)
                    else "no customer ever wrote again after a reply"
                )
            )
            self.kept("patience.reply_s", base, len(waits), why)
            self.kept("pace.silent", self.base.pace.silent, len(waits), "follows patience")
            return
        self.observed["stops for other reasons per reply"] = other_stops(estimate.detail)
        closed = estimate.low is not None and estimate.high is not None
        if not closed or estimate.high / max(estimate.low, 1e-9) > MAX_PATIENCE_SPREAD:  # type: ignore[operator]
            latencies = sorted(t for t, _ in waits)
            p10, p90 = latencies[len(latencies) // 10], latencies[(len(latencies) * 9) // 10]
            self.kept(
                "patience.reply_s",
                base,
                len(waits),
                f"the agents' reply times (p10 {p10:.0f} s, p90 {p90:.0f} s) do not pin the "
                f"customers' patience down (best {estimate.value:g} s, 95% interval "
                f"{estimate.low or 0:g}–{estimate.high or float('inf'):g} s)",
            )
            self.kept("pace.silent", self.base.pace.silent, len(waits), "follows patience")
            return
        self.record(
            "patience.reply_s",
            "fitted",
            base,
            estimate.value,
            estimate.n,
            f"maximum likelihood on {estimate.n} waits (survival exp(-(t/reply_s)^4), "
            "censored where the customer wrote again)",
            interval=(estimate.low, estimate.high),
        )
        q = other_stops(estimate.detail)
        self.silent_fittable = True
        self.record(
            "pace.silent",
            "fitted",
            self.base.pace.silent,
            round(q, 3),
            estimate.n,
            "the chance per reply of stopping for other reasons, from the same fit",
        )

    def need_weights(self) -> None:
        asking = [f for f in self.facts if f.needs]
        need = MIN_OBSERVATIONS["needs"]
        keys = [n.key for n in self.base.needs]
        self.observed["conversations asking about a need"] = f"{len(asking)} of {len(self.facts)}"
        if len(asking) < need:
            self.kept(
                "needs[].weight",
                [n.weight for n in self.base.needs],
                len(asking),
                f"{len(asking)} conversations ask about one of the persona's needs, {need} needed",
            )
            return
        shares = {k: sum(1 for f in asking if k in f.needs) / len(asking) for k in keys}
        top = max(shares.values())
        weights = [round(max(0.05, shares[k] / top), 2) for k in keys]
        for raw_need, weight in zip(self.raw["needs"], weights, strict=True):
            raw_need["weight"] = weight
        self.parameters.append(
            ParameterFit(
                "needs[].weight",
                "fitted",
                [n.weight for n in self.base.needs],
                weights,
                len(asking),
                "share of conversations asking about each need ("
                + ", ".join(f"{k} {shares[k]:.0%}" for k in keys)
                + ")",
            )
        )

    def correct_weights(self) -> None:
        """Multiplicative correction of the need weights by simulation: a need asked less often
        in the simulation than in the real chats gains weight (early departures and the number
        of needs per customer make shares and weights differ)."""
        if self.agent is None:
            return
        record = next((p for p in self.parameters if p.name == "needs[].weight"), None)
        if record is None or record.status != "fitted":
            return
        real = self._need_shares(self.facts)
        keys = [n.key for n in self.base.needs]
        for _ in range(3):
            simulated = self._need_shares(self._simulated(self.raw))
            for raw_need, key in zip(self.raw["needs"], keys, strict=True):
                ratio = real[key] / max(simulated[key], 0.01)
                raw_need["weight"] = round(min(20.0, max(0.05, raw_need["weight"] * ratio)), 2)
        top = max(n["weight"] for n in self.raw["needs"])
        for raw_need in self.raw["needs"]:
            raw_need["weight"] = round(max(0.05, raw_need["weight"] / top), 2)
        record.value = [n["weight"] for n in self.raw["needs"]]
        record.how = (
            "simulated so each need is asked as often as in the real chats ("
            + ", ".join(f"{k} {real[k]:.0%}" for k in keys)
            + " of conversations with a question)"
        )

    def _need_shares(self, facts: Sequence[ConversationFacts]) -> dict[str, float]:
        asking = [f for f in facts if f.needs]
        return {
            n.key: sum(1 for f in asking if n.key in f.needs) / max(1, len(asking))
            for n in self.base.needs
        }

    # -- matched by simulation

    def _simulated(self, raw: dict[str, Any], scale: int = 1) -> list[ConversationFacts]:
        assert self.agent is not None
        persona = _persona(raw)
        views = persona.need_views()
        return [
            conversation_facts(t, views, persona.locale)
            for t in simulate(persona, self.agent, self.sim_n * scale, self.seed)
        ]

    def _match(
        self,
        name: str,
        statistic: Callable[[Sequence[ConversationFacts]], tuple[float, int]],
        low: float,
        high: float,
        increasing: bool,
        minimum: int,
        base: float,
        unit: str = "",
        spread: float | None = None,
        scale: int = 1,
    ) -> None:
        """Bisect ``name`` in [low, high] until the simulated ``statistic`` meets the real one.

        The interval is approximate: the real statistic's standard error plus the
        simulation's (binomial for a share, ``spread`` / sqrt(n) otherwise), divided by the
        statistic's slope across [low, high].
        """
        target, n = statistic(self.facts)
        if n < minimum:
            self.kept(name, base, n, f"{n} observations, {minimum} needed")
            return
        if self.agent is None:
            self.kept(name, base, n, "not matched (no agent to simulate with)")
            return

        def at(value: float) -> tuple[float, int]:
            raw = copy.deepcopy(self.raw)
            _set(raw, name, round(value, 3))
            return statistic(self._simulated(raw, scale))

        (lo_stat, _), (hi_stat, sim_n) = at(low), at(high)
        reach = (min(lo_stat, hi_stat), max(lo_stat, hi_stat))
        if not reach[0] <= target <= reach[1]:
            edge = high if (target > reach[1]) == increasing else low
            self.record(
                name,
                "fitted",
                base,
                round(edge, 3),
                n,
                f"real {target:.3g}{unit} is outside what the persona reaches "
                f"({reach[0]:.3g}–{reach[1]:.3g}{unit}); set to the nearest end",
            )
            return
        a, b = low, high
        for _ in range(7):
            mid = (a + b) / 2
            if (at(mid)[0] < target) == increasing:
                a = mid
            else:
                b = mid
        value = round((a + b) / 2, 3)
        interval = None
        slope = abs(hi_stat - lo_stat) / (high - low)
        # a share of 0 or 1 still has an uncertainty: (x + 1) / (n + 2) keeps it off zero
        shrunk = (target * n + 1) / (n + 2)
        unit_sd = spread if spread is not None else math.sqrt(shrunk * (1 - shrunk))
        if slope > 0 and (spread is not None or 0 <= target <= 1):
            se = unit_sd * math.sqrt(1 / n + 1 / max(1, sim_n))
            half = 1.96 * se / slope
            interval = (round(max(low, value - half), 3), round(min(high, value + half), 3))
        self.record(
            name,
            "fitted",
            base,
            value,
            n,
            f"simulated to match the real {target:.3g}{unit} (n={n})",
            interval=interval,
        )

    def never_share(self) -> None:
        """``behaviour.never_share`` from the lead rate, given everything else fitted.

        Whether an instance ever shares is one independent draw (``shares_contact``); up to the
        moment it would share, a never-sharer's conversation is the same. So the lead rate at
        ``never_share = s`` is ``(1 - s)`` times the rate at 0, and one simulation at 0 gives
        ``s = 1 - real / simulated``, with a delta-method interval.
        """
        asked = asked_conversations(self.facts)
        need = MIN_OBSERVATIONS["never_share"]
        base = self.base.behaviour.never_share
        if asked < need:
            why = f"{asked} conversations in which the agent asked for a contact, {need} needed"
            self.kept("behaviour.never_share", base, asked, why)
            return
        if self.agent is None:
            self.kept(
                "behaviour.never_share", base, asked, "not matched (no agent to simulate with)"
            )
            return
        target, n = lead_rate(self.facts)
        raw = copy.deepcopy(self.raw)
        _set(raw, "behaviour.never_share", 0.0)
        everyone, sim_n = lead_rate(self._simulated(raw, scale=10))  # one run: make it big
        if everyone <= target:
            self.record(
                "behaviour.never_share",
                "fitted",
                base,
                0.0,
                n,
                f"real lead rate {target:.1%} is at least the {everyone:.1%} the persona reaches "
                "when every customer is willing to share: set to 0",
            )
            return
        value = 1 - target / everyone
        ratio_var = (target / everyone) ** 2 * (
            (1 - target) / max(target, 1e-9) / n + (1 - everyone) / everyone / sim_n
        )
        half = 1.96 * math.sqrt(ratio_var)
        self.record(
            "behaviour.never_share",
            "fitted",
            base,
            round(min(0.98, value), 3),
            n,
            f"real lead rate {target:.1%} against {everyone:.1%} when everyone is willing "
            f"({sim_n} simulated)",
            interval=(round(max(0.0, value - half), 3), round(min(1.0, value + half), 3)),
        )

    def needs_range(self) -> None:
        real = needs_per_conversation(self.facts)
        base = self.base.behaviour.needs
        count = len(self.base.needs)
        shown_base = tuple(base) if base else (count, count)
        need = MIN_OBSERVATIONS["needs"]
        if len(real) < need:
            self.kept(
                "behaviour.needs",
                shown_base,
                len(real),
                f"{len(real)} conversations with a question, {need} needed",
            )
            return
        if self.agent is None:
            self.kept(
                "behaviour.needs", shown_base, len(real), "not matched (no agent to simulate with)"
            )
            return
        best: tuple[float, tuple[int, int]] | None = None
        for lo in range(1, count + 1):
            for hi in range(lo, count + 1):
                raw = copy.deepcopy(self.raw)
                _set(raw, "behaviour.needs", [lo, hi])
                distance = ks_distance(real, needs_per_conversation(self._simulated(raw)))
                if best is None or distance < best[0] - 1e-9:
                    best = (distance, (lo, hi))
        assert best is not None
        self.record(
            "behaviour.needs",
            "fitted",
            shown_base,
            best[1],
            len(real),
            f"simulated: needs asked per conversation closest to the real ones (KS {best[0]:.3f}, "
            f"real mean {statistics.fmean(real):.2f})",
        )

    def lengths(self) -> None:
        """Message length through ``traits.verbose`` (customers who add context sentences).

        ``traits.terse`` is kept: on the seed personas it moves the typical message length by
        about 2% from 0 to 1 (it drops pleasantries, which are short), too little to be read
        back from real lengths; ``verbose`` moves it by about 20%.
        """
        target, n = typical_length(self.facts)
        need = MIN_OBSERVATIONS["length"]
        terse, verbose = self.base.traits.terse, self.base.traits.verbose
        self.kept("traits.terse", terse, n, "changes message length too little to be fitted")
        if n < need or self.agent is None:
            why = (
                f"{n} customer messages, {need} needed"
                if n < need
                else "not matched (no agent to simulate with)"
            )
            self.kept("traits.verbose", verbose, n, why)
            return
        logs = [math.log(max(1, x)) for f in self.facts for x in f.lengths]
        spread = target * statistics.pstdev(logs)  # delta method: sd of the geometric mean
        self._match(
            "traits.verbose", typical_length, 0.0, 1.0, True, need, verbose, " chars", spread
        )

    def observe(self) -> None:
        for reason in (True, False):
            share, n = share_after_ask(self.facts, reason)
            key = f"contact left after an ask {'with' if reason else 'without'} a reason"
            self.observed[key] = f"{share:.0%} of {n} asks" if n else "no such asks"


def staff_like(agent: LoadedAgent, facts: Sequence[ConversationFacts]) -> tuple[LoadedAgent, str]:
    """``agent`` made to answer as the chats' staff did, when it is a human agent: its shift and
    reply latency fitted to the agents' reply times in the chats (what the customers waited is
    what decides patience, leads and drop-off in the simulated matches). Other agents as they
    are."""
    if agent.kind != "human":
        return agent, f"{agent.id} as it is"
    fitted = fit_staff([x for f in facts for x in f.latencies])
    if fitted is None:
        return agent, f"{agent.id} as it is (fewer than 30 timed replies to fit its shift to)"
    spec = load_agent_spec(Path(agent.source))
    assert isinstance(spec, HumanAgentSpec)
    # the chats' own shift and speed; no night on-call and no busy-hour slowdown beyond what
    # the fitted latency holds (a night the chats' staff answered is inside the fitted shift)
    spec = spec.model_copy(
        update={
            "shift": Shift(**fitted["shift"]),  # type: ignore[arg-type]
            "latency": Latency(**fitted["latency"]),  # type: ignore[arg-type]
            "on_call": None,
        }
    )
    shift, latency = spec.shift, spec.latency
    note = (
        f"{agent.id} with the chats' staffing: shift {shift.start:02d}:00-{shift.end:02d}:00, "
        f"median reply {latency.median_s:g} s (sigma {latency.sigma:g})"
    )
    return loaded_human(spec, f"{agent.id}-as-staff", agent.source, agent.version), note


def loaded_human(spec: HumanAgentSpec, agent_id: str, source: str, version: int = 1) -> LoadedAgent:
    """A human agent built from a spec held in memory, ready to simulate with."""
    return LoadedAgent(
        id=agent_id,
        kind="human",
        version=version,
        agent=human_agent(spec, AgentContext()),
        source=source,
    )


def fit_persona(
    transcripts: Sequence[Transcript],
    base: Persona,
    *,
    raw: dict[str, Any] | None = None,
    agent: LoadedAgent | None = None,
    sim_n: int = 300,
    seed: int = 0,
    source: str = "conversations",
    new_id: str | None = None,
) -> FitResult:
    """Fit ``base``'s behaviour to ``transcripts``.

    ``raw`` is the base file's data (the fitted file keeps everything else as written);
    ``agent`` stands in for the real staff in simulated matches (none: those are kept);
    ``sim_n`` conversations are simulated per candidate value.
    """
    raw = (
        copy.deepcopy(raw)
        if raw is not None
        else base.model_dump(mode="json", exclude_defaults=True)
    )
    raw["id"] = new_id or f"{base.id}_fitted"
    views = base.need_views()
    excluded: dict[str, int] = {}
    facts: list[ConversationFacts] = []
    for transcript in transcripts:
        fact = conversation_facts(transcript, views, base.locale)
        if fact.customer_messages == 0:
            excluded["without a customer message"] = (
                excluded.get("without a customer message", 0) + 1
            )
            continue
        if transcript.locale and transcript.locale != base.locale:
            excluded[f"in another locale than {base.locale}"] = (
                excluded.get(f"in another locale than {base.locale}", 0) + 1
            )
            continue
        facts.append(fact)
    if not facts:
        raise SpecError(
            f"{source}: no conversation with a customer message in {base.locale} "
            f"to fit {base.id} to"
        )
    stand_in_note = None
    if agent is not None:
        agent, stand_in_note = staff_like(agent, facts)
    fitter = _Fitter(base, raw, facts, agent, sim_n, seed)
    counts = {
        "agent-initiated": sum(f.agent_initiated for f in facts),
        "without timestamps": sum(not f.timed for f in facts),
        "without an agent reply": sum(not f.replied for f in facts),
        "without a second customer message": sum(f.customer_messages < 2 for f in facts),
    }
    fitter.observed["conversations"] = (
        ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "all timed, all answered"
    )
    fitter.arrival()
    fitter.think()
    fitter.patience()
    fitter.need_weights()
    # parameters matched by simulation act on each other's statistics: two passes, the second
    # with every first-pass value in place
    for _ in range(2 if agent is not None else 1):
        fitter._match(
            "traits.burst",
            burst_share,
            0.0,
            1.0,
            True,
            MIN_OBSERVATIONS["burst"],
            base.traits.burst,
        )
        fitter.lengths()
        fitter.needs_range()
        fitter.correct_weights()
        # the share who never leave a contact is matched on the lead rate, given everything
        # else fitted: the rate a team cares about is reproduced
        if fitter.silent_fittable:
            # the simulator lets a customer fall silent only after its first reply, twice as
            # often when its trust fell: the per-reply stop rate q is matched, not copied
            fitter._match("pace.silent", stop_rate, 0.0, 0.5, True, 1, base.pace.silent)
        fitter.never_share()  # last: the lead rate depends on every other parameter
    fitter.observe()
    if stand_in_note:
        fitter.observed["simulated matches against"] = stand_in_note
    try:
        persona = _persona(fitter.raw)
    except Exception as exc:  # a bug here must not write a file that does not load
        raise SpecError(f"fitted persona does not validate: {exc}") from exc
    return FitResult(
        persona=persona,
        base=base,
        raw=fitter.raw,
        parameters=fitter.parameters,
        source=source,
        conversations=len(transcripts),
        used=len(facts),
        excluded=excluded,
        observed=fitter.observed,
        agent=agent.id if agent else None,
    )


def file_digest(path: Path) -> str:
    """Short sha256 of a file or a directory's files, to cite the data a fit came from."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]
