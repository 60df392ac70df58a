"""Per-conversation scorers, the metric registry, and the statistics behind the scorecard.

Scorers are pure functions of a transcript in the interchange format, so simulated runs and
imported human transcripts are scored by the same code. Every rate carries a Wilson 95% interval;
differences and lifts between two agents carry a (paired, when the runs pair up) bootstrap
interval.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from simulator.contacts import find_contacts, normalize_phone
from simulator.models import SCHEMA_VERSION, Transcript
from simulator.registry import Registry
from simulator.rubrics import RubricSet, is_compliant
from simulator.stats import compare_rates, percentile, rate
from simulator.text import load_phrase_bank, normalize

DEFAULT_SLA_S = 180.0


class ScoreRow(BaseModel):
    """One line of scores.jsonl: everything the scorers found in one conversation."""

    schema_version: int = SCHEMA_VERSION
    conversation_id: str
    persona_id: str | None = None
    agent_id: str | None = None
    industry: str | None = None
    locale: str | None = None
    pair_key: str | None = None
    """Same value for every agent's conversation with the same persona instance and seed."""
    replied: bool
    first_reply_s: float | None
    replied_within_sla: bool
    customer_messages: int
    messages_replied_within_sla: int
    engaged: bool
    contact_asked: bool = False
    """The agent asked for a phone, WeChat or e-mail at least once (the funnel's middle step)."""
    hour: int | None = None
    """Local hour of the customer's first message (for hour-of-day charts)."""
    lead_captured: bool
    contact: str | None
    contact_kind: str | None = None
    lead_valid: bool | None
    """None when the transcript carries no truth to check the contact against."""
    agent_lead_valid: bool | None = None
    compliant: bool | None = None
    """No violation of severity major or critical; None when no rubrics were applied."""
    violations: list[dict[str, Any]] = Field(default_factory=list)
    """Findings: rule, severity, turn (message index), evidence."""
    turns: int
    outcome: str | None
    drop_off: str | None = None
    refusals: int = 0
    time_to_lead_s: float | None = None
    agent_latencies_s: list[float] = Field(default_factory=list)
    error: str | None = None
    error_kind: str | None = None
    """How the agent or customer failed (http_429, http_5xx, timeout, malformed, ...)."""
    agent_input_tokens: int = 0
    agent_output_tokens: int = 0
    agent_cost: float = 0.0
    customer_input_tokens: int = 0
    customer_output_tokens: int = 0
    customer_cost: float = 0.0
    customer: str | None = None
    """Which customer played the conversation: scripted or llm:<spec id>."""
    fidelity: dict[str, bool] | None = None
    """LLM customers only: role_inversion, early_contact_leak, broke_persona, no_end_signal."""
    regenerated: int = 0
    trial: int = 0


SUMMARY_FIELDS = (
    "conversation_id",
    "agent_id",
    "persona_id",
    "locale",
    "pair_key",
    "trial",
    "replied_within_sla",
    "engaged",
    "contact_asked",
    "lead_captured",
    "lead_valid",
    "compliant",
    "customer_messages",
    "messages_replied_within_sla",
    "outcome",
    "drop_off",
    "error",
    "error_kind",
    "refusals",
    "agent_input_tokens",
    "agent_output_tokens",
    "agent_cost",
    "customer_input_tokens",
    "customer_output_tokens",
    "customer_cost",
    "customer",
    "fidelity",
    "regenerated",
)


@dataclass(slots=True)
class SummaryRow:
    """What the summary needs of a score row, in a few hundred bytes.

    A run keeps one per conversation for its summary (the full rows and transcripts go to disk
    as they are made), so memory stays small at 100,000 conversations. Attribute names are
    those of :class:`ScoreRow`, so every summary function takes either.
    """

    conversation_id: str
    agent_id: str | None
    persona_id: str | None
    locale: str | None
    pair_key: str | None
    trial: int
    replied_within_sla: bool
    engaged: bool
    contact_asked: bool
    lead_captured: bool
    lead_valid: bool | None
    compliant: bool | None
    customer_messages: int
    messages_replied_within_sla: int
    outcome: str | None
    drop_off: str | None
    error: str | None
    error_kind: str | None
    refusals: int
    agent_input_tokens: int
    agent_output_tokens: int
    agent_cost: float
    customer_input_tokens: int
    customer_output_tokens: int
    customer_cost: float
    customer: str | None
    fidelity: dict[str, bool] | None
    regenerated: int
    agent_latencies_s: tuple[float, ...]
    violations: tuple[dict[str, str], ...]

    @classmethod
    def of(cls, row: ScoreRow) -> SummaryRow:
        """The slim copy of a full score row (repeated strings shared, not copied per row)."""
        return cls(
            *(_shared(getattr(row, name)) for name in SUMMARY_FIELDS),
            agent_latencies_s=tuple(row.agent_latencies_s),
            violations=tuple(
                {"rule": v["rule"], "severity": v["severity"]} for v in row.violations
            ),
        )


def _shared(value: Any) -> Any:
    # agent, persona, locale, outcome ... repeat across 100,000 rows: keep one copy of each
    return sys.intern(value) if isinstance(value, str) and len(value) < 64 else value


def _first_reply_seconds(transcript: Transcript) -> float | None:
    messages = transcript.messages
    first_customer = next((m for m in messages if m.role == "customer"), None)
    if first_customer is None:
        return None
    seen = False
    for message in messages:
        if message is first_customer:
            seen = True
        elif seen and message.role == "agent":
            return (message.ts - first_customer.ts).total_seconds()
    return None


def _message_level_replies(transcript: Transcript, sla_s: float) -> tuple[int, int, list[float]]:
    """Customer messages, those answered within the SLA, and each reply's latency.

    A burst of customer messages is answered by the next agent message; each message in the burst
    is timed from its own timestamp.
    """
    waiting: list[Any] = []
    total = within = 0
    latencies: list[float] = []
    for message in transcript.messages:
        if message.role == "customer":
            waiting.append(message.ts)
            total += 1
        elif message.role == "agent" and waiting:
            latencies.append((message.ts - waiting[0]).total_seconds())
            within += sum((message.ts - ts).total_seconds() <= sla_s for ts in waiting)
            waiting = []
    return total, within, latencies


def score_transcript(
    transcript: Transcript, sla_s: float = DEFAULT_SLA_S, rubrics: RubricSet | None = None
) -> ScoreRow:
    """Score one conversation: reply, engagement, lead and (with rubrics) compliance."""
    locale = transcript.locale or "zh_CN"
    first_reply = _first_reply_seconds(transcript)
    customer_total, within, latencies = _message_level_replies(transcript, sla_s)

    engaged = False
    first_agent_seen = False
    contact = None
    contact_ts = None
    for message in transcript.messages:
        if message.role == "agent":
            first_agent_seen = True
        elif message.role == "customer":
            if first_agent_seen:
                engaged = True
            found = find_contacts(message.text, locale)
            if found:
                contact = found[-1]  # a corrected number replaces the earlier one
                contact_ts = message.ts

    truth = transcript.truth or {}
    if truth.get("intent", "sale") != "sale":
        # a complaint or a competitor's probe that leaves a number is handled, not captured
        contact = None
        contact_ts = None
    lead_valid: bool | None = None
    if truth:
        true_values = {str(truth.get(k)) for k in ("phone", "wechat", "email") if truth.get(k)}
        lead_valid = bool(contact and truth.get("qualified", True) and contact.value in true_values)
    agent_lead_valid = _agent_lead_valid(transcript.lead, truth, locale) if truth else None
    findings = rubrics.apply(transcript) if rubrics is not None else None

    customer_meta = [m.meta for m in transcript.messages if m.role == "customer"]
    asks = load_phrase_bank(locale if locale in ("zh_CN", "en_US") else "zh_CN").understand[
        "asks_contact"
    ]
    contact_asked = any(
        asks.matches(normalize(m.text)) for m in transcript.messages if m.role == "agent"
    )
    first_customer = next((m for m in transcript.messages if m.role == "customer"), None)
    agent_usage = [m.meta.get("usage") or {} for m in transcript.messages if m.role == "agent"]
    customer_usage = [meta.get("usage") or {} for meta in customer_meta]
    started = transcript.messages[0].ts if transcript.messages else None
    return ScoreRow(
        conversation_id=transcript.conversation_id,
        persona_id=transcript.persona_id,
        agent_id=transcript.agent_id,
        industry=transcript.industry,
        locale=transcript.locale,
        pair_key=transcript.meta.get("pair_key"),
        replied=first_reply is not None,
        first_reply_s=first_reply,
        replied_within_sla=first_reply is not None and first_reply <= sla_s,
        customer_messages=customer_total,
        messages_replied_within_sla=within,
        engaged=engaged,
        contact_asked=contact_asked,
        hour=first_customer.ts.hour if first_customer else None,
        lead_captured=contact is not None,
        contact=contact.value if contact else None,
        contact_kind=contact.kind if contact else None,
        lead_valid=lead_valid,
        agent_lead_valid=agent_lead_valid,
        compliant=is_compliant(findings) if findings is not None else None,
        violations=[f.model_dump() for f in findings or []],
        turns=len(transcript.messages),
        outcome=transcript.outcome,
        drop_off=transcript.meta.get("drop_off"),
        refusals=sum(meta.get("act") == "refuse" for meta in customer_meta),
        time_to_lead_s=(contact_ts - started).total_seconds() if contact_ts and started else None,
        agent_latencies_s=latencies,
        error=None,
        error_kind=transcript.meta.get("error_kind"),
        agent_input_tokens=sum(u.get("input_tokens", 0) for u in agent_usage),
        agent_output_tokens=sum(u.get("output_tokens", 0) for u in agent_usage),
        agent_cost=round(sum(u.get("cost", 0.0) for u in agent_usage), 8),
        customer_input_tokens=sum(u.get("input_tokens", 0) for u in customer_usage),
        customer_output_tokens=sum(u.get("output_tokens", 0) for u in customer_usage),
        customer_cost=round(sum(u.get("cost", 0.0) for u in customer_usage), 8),
        customer=transcript.meta.get("customer"),
        fidelity=transcript.meta.get("fidelity"),
        regenerated=transcript.meta.get("regenerated", 0),
        trial=transcript.meta.get("trial", 0),
    )


NAME_MATCH_CUTOFF = 85.0
"""rapidfuzz ratio above which an agent-recorded name matches the customer's true name."""


def _agent_lead_valid(
    lead: dict[str, Any] | None, truth: dict[str, Any], locale: str
) -> bool | None:
    """Whether the lead the agent recorded for the CRM is the customer's true one.

    The contact must equal a true contact (normalised); a recorded name, when both sides have
    one, must match the true name with rapidfuzz (typos and "Mr. Wang" vs "王先生" aside).
    """
    if not lead:
        return None
    recorded = set()
    for kind in ("phone", "wechat", "email"):
        value = lead.get(kind)
        if value:
            phone = normalize_phone(str(value), locale) if kind == "phone" else None
            recorded.add(phone or str(value).strip().lower())
    true_values = {str(truth[k]).lower() for k in ("phone", "wechat", "email") if truth.get(k)}
    valid = bool(recorded & true_values) and bool(truth.get("qualified", True))
    if valid and lead.get("name") and truth.get("name"):
        valid = fuzz.token_sort_ratio(str(lead["name"]), str(truth["name"])) >= NAME_MATCH_CUTOFF
    return valid


# --- metrics ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """A per-conversation yes/no outcome averaged into a rate."""

    name: str
    field: str
    label: str
    label_zh: str
    higher_is_better: bool = True
    description: str = ""

    def values(self, rows: Iterable[ScoreRow]) -> list[bool]:
        """The metric's yes/no value per conversation, skipping rows where it is undefined."""
        out = []
        for row in rows:
            value = getattr(row, self.field)
            if value is not None:
                out.append(bool(value))
        return out


metrics: Registry[Metric] = Registry("metric", "salesim.metrics")


def _register(metric: Metric) -> None:
    metrics.register(metric.name)(metric)


_register(
    Metric(
        "reply_rate",
        "replied_within_sla",
        "reply rate",
        "回复率",
        description="first customer message answered within the SLA (default 180 s)",
    )
)
_register(
    Metric(
        "engagement",
        "engaged",
        "engagement",
        "互动率",
        description="customer wrote again after the agent's first reply",
    )
)
_register(
    Metric(
        "lead_capture",
        "lead_captured",
        "lead capture",
        "留资率",
        description="customer wrote a phone, WeChat or e-mail",
    )
)
_register(
    Metric(
        "valid_lead",
        "lead_valid",
        "valid lead",
        "有效留资率",
        description="captured contact equals the true contact and the customer is qualified",
    )
)

_register(
    Metric(
        "compliance",
        "compliant",
        "compliance",
        "合规率",
        description="no violation of severity major or critical",
    )
)

SCORECARD_METRICS = ("reply_rate", "engagement", "lead_capture", "valid_lead", "compliance")


# --- summary ---------------------------------------------------------------------------------


def summarize_agent(rows: Sequence[ScoreRow]) -> dict[str, Any]:
    """Rates, outcomes and latency figures for one agent's conversations."""
    latencies = [s for row in rows for s in row.agent_latencies_s]
    by_persona: dict[str, list[ScoreRow]] = defaultdict(list)
    for row in rows:
        by_persona[f"{row.persona_id or '(no persona)'}/{row.locale}"].append(row)
    customer_messages = sum(row.customer_messages for row in rows)
    within = sum(row.messages_replied_within_sla for row in rows)
    return {
        "n": len(rows),
        "metrics": {
            name: rate(metrics.get(name).values(rows)).model_dump() for name in SCORECARD_METRICS
        },
        "message_reply_rate": rate(
            [True] * within + [False] * (customer_messages - within)
        ).model_dump(),
        "outcomes": dict(sorted(Counter(row.outcome or "unknown" for row in rows).items())),
        "drop_off": dict(sorted(Counter(row.drop_off for row in rows if row.drop_off).items())),
        "agent_errors": sum(row.outcome == "agent_error" for row in rows),
        "scorer_errors": sum(row.error is not None for row in rows),
        "latency_p50_s": percentile(latencies, 50),
        "latency_p95_s": percentile(latencies, 95),
        "refusals_per_conversation": (sum(r.refusals for r in rows) / len(rows)) if rows else None,
        "violations": violation_summary(rows),
        "errors": dict(sorted(Counter(r.error_kind for r in rows if r.error_kind).items())),
        "usage": usage_summary(rows),
        "consistency": consistency_summary(rows),
        "by_persona": {
            key: {
                name: rate(metrics.get(name).values(group)).model_dump()
                for name in SCORECARD_METRICS
            }
            for key, group in sorted(by_persona.items())
        },
    }


CONSISTENCY_METRICS = ("lead_capture", "valid_lead", "compliance", "reply_rate")


def consistency_summary(rows: Sequence[ScoreRow]) -> dict[str, Any] | None:
    """pass^k over ``--trials``: share of persona instances where a metric held in every trial.

    tau-bench's point: an agent that captures the lead in 60% of conversations may do so for a
    given customer only sometimes; ``all k`` says how often it is reliable for that customer.
    None for runs without repeats.
    """
    groups: dict[str, list[ScoreRow]] = defaultdict(list)
    for row in rows:
        base = (
            (row.pair_key or row.conversation_id).rsplit("/t", 1)[0]
            if row.trial
            else (row.pair_key or row.conversation_id)
        )
        groups[base].append(row)
    k = max((len(g) for g in groups.values()), default=1)
    if k < 2:
        return None
    out: dict[str, Any] = {"k": k, "instances": len(groups)}
    for name in CONSISTENCY_METRICS:
        metric = metrics.get(name)
        all_k = []
        for group in groups.values():
            values = metric.values(group)
            if len(values) == len(group):
                all_k.append(all(values))
        out[f"{name}_all_k"] = rate(all_k).model_dump()
        out[f"{name}_any_k"] = rate(
            [any(metric.values(g)) for g in groups.values() if metric.values(g)]
        ).model_dump()
    return out


def usage_summary(rows: Sequence[ScoreRow]) -> dict[str, Any]:
    """Tokens and money: totals, per conversation, per captured lead and per valid lead.

    Cost is the agent's (what the candidate costs to run); the simulated customer's tokens are
    reported apart, since they are the price of the benchmark, not of the agent.
    """
    n = len(rows)
    tokens = sum(r.agent_input_tokens + r.agent_output_tokens for r in rows)
    cost = sum(r.agent_cost for r in rows)
    leads = sum(r.lead_captured for r in rows)
    valid = sum(bool(r.lead_valid) for r in rows)

    def per(total: float, count: int) -> float | None:
        return round(total / count, 6) if count else None

    return {
        "agent_tokens": tokens,
        "agent_cost": round(cost, 6),
        "customer_tokens": sum(r.customer_input_tokens + r.customer_output_tokens for r in rows),
        "customer_cost": round(sum(r.customer_cost for r in rows), 6),
        "tokens_per_conversation": per(tokens, n),
        "cost_per_conversation": per(cost, n),
        "tokens_per_lead": per(tokens, leads),
        "cost_per_lead": per(cost, leads),
        "tokens_per_valid_lead": per(tokens, valid),
        "cost_per_valid_lead": per(cost, valid),
    }


def fidelity_summary(rows: Sequence[ScoreRow]) -> dict[str, Any]:
    """Rates of each fidelity flag per customer model (LLM customers only)."""
    by_customer: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for row in rows:
        if row.fidelity is not None:
            by_customer[row.customer or "?"].append(row.fidelity)
    out: dict[str, Any] = {}
    for customer, flags in sorted(by_customer.items()):
        n = len(flags)
        names = [k for k in flags[0] if k != "faithful"]
        out[customer] = {
            "n": n,
            **{name: round(sum(f[name] for f in flags) / n, 4) for name in names},
            "unfaithful": round(sum(not f["faithful"] for f in flags) / n, 4),
            "regenerated": sum(r.regenerated for r in rows if r.customer == customer),
        }
    return out


def violation_summary(rows: Sequence[ScoreRow]) -> dict[str, Any]:
    """Violations per 100 conversations by rule, with each rule's severity and raw count.

    A rule counts once per conversation however often it fires there, so the figure reads as
    "in how many of 100 conversations does this happen".
    """
    scored = [row for row in rows if row.compliant is not None]
    per_rule: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for row in scored:
        for rule in {v["rule"] for v in row.violations}:
            per_rule[rule] += 1
        for violation in row.violations:
            severity[violation["rule"]] = violation["severity"]
    n = len(scored)
    return {
        "scored": n,
        "critical": sum(any(v["severity"] == "critical" for v in r.violations) for r in scored),
        "per_100": {
            rule: {"per_100": round(100 * count / n, 2), "count": count, "severity": severity[rule]}
            for rule, count in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        },
    }


def compare_agents(
    candidate: Sequence[ScoreRow], baseline: Sequence[ScoreRow], seed: int = 0
) -> dict[str, Any]:
    """Per-metric difference and lift of a candidate over a baseline, paired where possible."""
    base_by_key = {row.pair_key: row for row in baseline if row.pair_key}
    pairs = [(row, base_by_key[row.pair_key]) for row in candidate if row.pair_key in base_by_key]
    paired = len(pairs) == len(candidate) == len(baseline) and bool(pairs)
    out: dict[str, Any] = {"paired": paired, "n_pairs": len(pairs), "metrics": {}}
    for name in SCORECARD_METRICS:
        metric = metrics.get(name)
        if paired:
            kept = [(getattr(a, metric.field), getattr(b, metric.field)) for a, b in pairs]
            kept = [(bool(x), bool(y)) for x, y in kept if x is not None and y is not None]
            diff = compare_rates([x for x, _ in kept], [y for _, y in kept], paired=True, seed=seed)
        else:
            diff = compare_rates(
                metric.values(candidate), metric.values(baseline), paired=False, seed=seed
            )
        out["metrics"][name] = diff.model_dump()
    return out
