"""Per-conversation scorers, the metric registry, and the statistics behind the scorecard.

Scorers are pure functions of a transcript in the interchange format, so simulated runs and
imported human transcripts are scored by the same code. Every rate carries a Wilson 95% interval;
differences and lifts between two agents carry a (paired, when the runs pair up) bootstrap
interval.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from simulator.contacts import customer_contacts, normalize_phone
from simulator.models import SCHEMA_VERSION, Transcript
from simulator.reading import Act, acts_of, is_unreadable
from simulator.reading._surface import own_locale
from simulator.registry import Registry
from simulator.rubrics import Judged, RubricSet, is_compliant
from simulator.scrub import scrub
from simulator.specs import LOCALES
from simulator.stats import compare_rates, percentile, rate

DEFAULT_SLA_S = 180.0
DEFAULT_LOCALE = "zh_CN"
"""The locale a transcript without one is scored in (``salesim score`` warns and counts them)."""


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
    defaulted: list[str] = Field(default_factory=list)
    """Which of ``locale`` and ``industry`` came from ``--locale``/``--industry``, not the input."""
    replied: bool
    first_reply_s: float | None
    replied_within_sla: bool
    customer_messages: int
    messages_replied_within_sla: int
    engaged: bool
    contact_asked: bool | None = False
    """The agent asked for a phone, WeChat or e-mail at least once (the funnel's middle step);
    None when the locale is not supported, since asking is read with a language's rules."""
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
    outcome_derived: bool = False
    """The outcome was read off the chat (:mod:`simulator.outcomes`), not recorded by the engine
    or the source: imported chats without one."""
    drop_off: str | None = None
    refusals: int = 0
    time_to_lead_s: float | None = None
    agent_latencies_s: list[float] = Field(default_factory=list)
    error: str | None = None
    error_kind: str | None = None
    """How the agent or customer failed (http_429, http_5xx, timeout, malformed, ...)."""
    agent_error: str | None = None
    """The agent's failure in its own words (exception type and message, or the transport error)
    when the conversation ended in ``agent_error``; ``error`` is the scorer's own."""
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
    judge_input_tokens: int = 0
    judge_output_tokens: int = 0
    judge_cost: float = 0.0
    """What the LLM judge spent on this conversation (0 for verdicts served from the cache)."""
    judge_errors: list[dict[str, str]] = Field(default_factory=list)
    """Judge rules the judge could not decide here ({rule, error}): a 500, a time-out or an
    answer that is not a verdict. The other verdicts stand; ``compliant`` is None (undecided)
    unless another rule already found a major or critical violation."""
    notes: list[str] = Field(default_factory=list)
    """What the scorer could not do as usual on this conversation, in words (an unsupported
    locale, an input outcome replaced by a derived one)."""


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
    "agent_error",
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
    "judge_input_tokens",
    "judge_output_tokens",
    "judge_cost",
)
"""Fields a :class:`SummaryRow` copies as they are (``judge_errors`` is copied as a tuple)."""


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
    contact_asked: bool | None
    lead_captured: bool
    lead_valid: bool | None
    compliant: bool | None
    customer_messages: int
    messages_replied_within_sla: int
    outcome: str | None
    drop_off: str | None
    error: str | None
    error_kind: str | None
    agent_error: str | None
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
    judge_input_tokens: int
    judge_output_tokens: int
    judge_cost: float
    agent_latencies_s: tuple[float, ...]
    violations: tuple[dict[str, str], ...]
    judge_errors: tuple[dict[str, str], ...] = ()

    @classmethod
    def of(cls, row: ScoreRow) -> SummaryRow:
        """The slim copy of a full score row (repeated strings shared, not copied per row)."""
        return cls(
            *(_shared(getattr(row, name)) for name in SUMMARY_FIELDS),
            agent_latencies_s=tuple(row.agent_latencies_s),
            violations=tuple(
                {"rule": v["rule"], "severity": v["severity"]} for v in row.violations
            ),
            judge_errors=tuple(row.judge_errors),
        )


def _shared(value: Any) -> Any:
    # agent, persona, locale, outcome ... repeat across 100,000 rows: keep one copy of each
    return sys.intern(value) if isinstance(value, str) and len(value) < 64 else value


NOT_ENGAGED_ACTS = frozenset({"leave", "repeat", "nudge"})
"""Customer messages that do not continue the conversation: leaving, complaining that a question
went unanswered, or asking whether anyone is there. Imported chats carry no act and all count."""


def _first_reply_seconds(transcript: Transcript) -> float | None:
    messages = transcript.messages
    first_customer = next((m for m in messages if m.role == "customer"), None)
    if first_customer is None:
        return None
    seen = False
    for message in messages:
        if message is first_customer:
            seen = True
        elif (
            seen
            and message.role == "agent"
            and message.ts >= first_customer.ts  # stamped before the question: no reply to it
            and not is_unreadable(message.text)
        ):
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
        elif message.role == "agent" and waiting and not is_unreadable(message.text):
            # a message stamped before a question does not answer it (bad clocks, bad data):
            # a negative reply time would count as within any SLA
            answered = [ts for ts in waiting if ts <= message.ts]
            if not answered:
                continue
            latencies.append((message.ts - answered[0]).total_seconds())
            within += sum((message.ts - ts).total_seconds() <= sla_s for ts in answered)
            waiting = [ts for ts in waiting if ts > message.ts]
    return total, within, latencies


def identity_of(transcript: Transcript) -> dict[str, Any]:
    """The score-row fields that say which conversation a row is about."""
    return {
        "conversation_id": transcript.conversation_id,
        "persona_id": transcript.persona_id,
        "agent_id": transcript.agent_id,
        "industry": transcript.industry,
        "locale": transcript.locale,
        "pair_key": transcript.meta.get("pair_key"),
        "defaulted": list(transcript.meta.get("defaulted") or []),
    }


def unsupported_locale_note(locale: str) -> str:
    """The note on the score row of a chat in a locale salesim has no language rules for."""
    return (
        f"locale {locale!r} is not supported ({', '.join(LOCALES)}): reply, engagement and "
        "outcome scored; lead from e-mails, WeChat IDs and phones with a country code only; "
        "contact_asked and compliance not scored"
    )


def score_transcript(
    transcript: Transcript,
    sla_s: float = DEFAULT_SLA_S,
    rubrics: RubricSet | None = None,
    judged: Judged | None = None,
) -> ScoreRow:
    """Score one conversation: reply, engagement, lead and (with rubrics) compliance.

    A transcript without a locale is scored as :data:`DEFAULT_LOCALE`. One in a locale outside
    :data:`~simulator.specs.LOCALES` is not scored with another language's rules: the parts that
    need none (reply times, engagement, e-mails and international phone numbers) are scored,
    ``contact_asked`` and ``compliant`` are None, and a note on the row says so.
    """
    locale = transcript.locale or DEFAULT_LOCALE
    supported = locale in LOCALES
    first_reply = _first_reply_seconds(transcript)
    customer_total, within, latencies = _message_level_replies(transcript, sla_s)

    engaged = False
    first_agent_seen = False
    for message in transcript.messages:
        if message.role == "agent":
            first_agent_seen = first_agent_seen or not is_unreadable(message.text)
        elif first_agent_seen and message.meta.get("act") not in NOT_ENGAGED_ACTS:
            engaged = engaged or message.role == "customer"
    # the customer's own contacts: not a number the agent wrote first and the customer repeated;
    # the last one is the lead (a corrected number replaces the earlier one)
    leads = customer_contacts(transcript, locale)
    contact = leads[-1].contact if leads else None
    contact_ts = transcript.messages[leads[-1].turn].ts if leads else None

    truth = transcript.truth or {}
    if truth.get("intent", "sale") != "sale":
        # a complaint or a competitor's probe that leaves a number is handled, not captured
        contact = None
        contact_ts = None
    lead_valid: bool | None = None
    if truth:
        true_values = {str(truth.get(k)) for k in ("phone", "wechat", "email") if truth.get(k)}
        lead_valid = bool(contact and truth.get("qualified", True) and contact.value in true_values)
    agent_lead_valid = (
        _agent_lead_valid(transcript.lead, truth, locale) if truth and supported else None
    )
    if rubrics is not None and supported and rubrics.judge is not None and judged is None:
        judged = rubrics.judge_now(transcript)  # scoring outside a run: asked here, one by one
    findings = rubrics.apply(transcript, judged) if rubrics is not None and supported else None
    judge_errors = (
        [{"rule": rule, "error": error} for rule, error in sorted(judged.errors.items())]
        if judged is not None and findings is not None
        else []
    )

    customer_meta = [m.meta for m in transcript.messages if m.role == "customer"]
    contact_asked = (
        any(
            Act.ASKS_CONTACT in acts_of(m.text, own_locale(m.text, locale))
            for m in transcript.messages
            if m.role == "agent"
        )
        if supported
        else None
    )
    first_customer = next((m for m in transcript.messages if m.role == "customer"), None)
    agent_usage = [m.meta.get("usage") or {} for m in transcript.messages if m.role == "agent"]
    customer_usage = [meta.get("usage") or {} for meta in customer_meta]
    started = transcript.messages[0].ts if transcript.messages else None
    return ScoreRow(
        **identity_of(transcript),
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
        compliant=compliance(findings, bool(judge_errors)),
        violations=[f.model_dump() for f in findings or []],
        turns=len(transcript.messages),
        outcome=transcript.outcome,
        drop_off=transcript.meta.get("drop_off"),
        refusals=sum(meta.get("act") == "refuse" for meta in customer_meta),
        time_to_lead_s=(contact_ts - started).total_seconds() if contact_ts and started else None,
        agent_latencies_s=latencies,
        error=None,
        error_kind=transcript.meta.get("error_kind"),
        agent_error=(
            scrub(str(transcript.meta.get("error")))[:500]
            if transcript.outcome == "agent_error" and transcript.meta.get("error")
            else None
        ),
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
        judge_input_tokens=judged.input_tokens if judged else 0,
        judge_output_tokens=judged.output_tokens if judged else 0,
        judge_cost=round(judged.cost, 8) if judged else 0.0,
        judge_errors=judge_errors,
        notes=_notes(transcript, locale, supported),
    )


def _notes(transcript: Transcript, locale: str, supported: bool) -> list[str]:
    notes = [] if supported else [unsupported_locale_note(locale)]
    if transcript.meta.get("reordered_by_time"):
        notes.append("messages were not in time order in the input; scored in time order")
    return notes


def compliance(findings: list[Any] | None, undecided_rules: bool) -> bool | None:
    """The compliance verdict: None when not scored, or when a rule could not be decided (the
    judge failed) and nothing else already decided it; a failure is never a pass."""
    if findings is None:
        return None
    compliant = is_compliant(findings)
    return None if compliant and undecided_rules else compliant


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


def summarize_agent(rows: Iterable[Any]) -> dict[str, Any]:
    """Rates, outcomes, latency, violations, usage and pass^k for one agent's conversations."""
    rows = list(rows)
    accumulator = AgentAccumulator(trials=any(row.trial for row in rows))
    for row in rows:
        accumulator.add(row)
    return accumulator.result()


CONSISTENCY_METRICS = ("lead_capture", "valid_lead", "compliance", "reply_rate")


# --- streaming summaries -----------------------------------------------------------------------


class AgentAccumulator:
    """One agent's summary, built row by row in memory that does not grow with N.

    Only counts are kept, plus the agent's reply latencies (8 bytes each) and, when a paired
    comparison will be made, one small tuple per conversation keyed by its pair key.
    Per-instance groups for pass^k are kept only for runs with ``--trials``.
    """

    def __init__(self, keep_pairs: bool = False, trials: bool = False) -> None:
        self.n = 0
        self.metric_counts = {name: [0, 0] for name in SCORECARD_METRICS}
        self.by_persona: dict[str, dict[str, list[int]]] = {}
        self.customer_messages = 0
        self.within = 0
        self.outcomes: Counter[str] = Counter()
        self.drop_off: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.agent_errors = 0
        self.agent_error_examples: list[str] = []
        self.scorer_errors = 0
        self.judge_errors = 0
        self.judge_error_examples: list[str] = []
        self.latencies = array("d")
        self.refusals = 0
        self.scored = 0
        self.critical = 0
        self.rule_counts: Counter[str] = Counter()
        self.severity: dict[str, str] = {}
        self.usage = Counter()  # type: Counter[str]
        self.keep_pairs = keep_pairs
        self.pairs: dict[str, tuple[bool | None, ...]] = {}
        self.paired_ok = True
        self.trials = trials
        self.groups: dict[str, list[Any]] = {}

    def add(self, row: Any) -> None:
        """Count one conversation (a :class:`ScoreRow` or :class:`SummaryRow`)."""
        self.n += 1
        values = tuple(getattr(row, metrics.get(name).field) for name in SCORECARD_METRICS)
        persona = self.by_persona.setdefault(
            f"{row.persona_id or '(no persona)'}/{row.locale}",
            {name: [0, 0] for name in SCORECARD_METRICS},
        )
        for name, value in zip(SCORECARD_METRICS, values, strict=True):
            if value is not None:
                for counts in (self.metric_counts[name], persona[name]):
                    counts[0] += bool(value)
                    counts[1] += 1
        self.customer_messages += row.customer_messages
        self.within += row.messages_replied_within_sla
        self.outcomes[row.outcome or "unknown"] += 1
        if row.drop_off:
            self.drop_off[row.drop_off] += 1
        if row.error_kind:
            self.errors[row.error_kind] += 1
        self.agent_errors += row.outcome == "agent_error"
        message = getattr(row, "agent_error", None)
        if (
            message
            and len(self.agent_error_examples) < 3
            and message not in self.agent_error_examples
        ):
            self.agent_error_examples.append(message)
        self.scorer_errors += row.error is not None
        judge_errors = getattr(row, "judge_errors", ())
        if judge_errors:
            self.judge_errors += 1
            self.errors["judge_error"] += 1
            example = f"{judge_errors[0]['rule']}: {judge_errors[0]['error']}"
            if len(self.judge_error_examples) < 3 and example not in self.judge_error_examples:
                self.judge_error_examples.append(example)
        self.latencies.extend(row.agent_latencies_s)
        self.refusals += row.refusals
        if row.compliant is not None:
            self.scored += 1
            self.critical += any(v["severity"] == "critical" for v in row.violations)
            for rule in {v["rule"] for v in row.violations}:
                self.rule_counts[rule] += 1
            for violation in row.violations:
                self.severity[violation["rule"]] = violation["severity"]
        self.usage["agent_tokens"] += row.agent_input_tokens + row.agent_output_tokens
        self.usage["agent_cost"] += row.agent_cost
        self.usage["customer_tokens"] += row.customer_input_tokens + row.customer_output_tokens
        self.usage["customer_cost"] += row.customer_cost
        self.usage["judge_tokens"] += row.judge_input_tokens + row.judge_output_tokens
        self.usage["judge_cost"] += row.judge_cost
        self.usage["leads"] += bool(row.lead_captured)
        self.usage["valid"] += bool(row.lead_valid)
        if self.keep_pairs:
            if row.pair_key is None or row.pair_key in self.pairs:
                self.paired_ok = False
            else:
                self.pairs[row.pair_key] = values
        if self.trials:
            key = row.pair_key or row.conversation_id
            base = key.rsplit("/t", 1)[0] if row.trial else key
            group = self.groups.setdefault(base, [0, {}])
            group[0] += 1
            for name in CONSISTENCY_METRICS:
                value = values[SCORECARD_METRICS.index(name)] if name in SCORECARD_METRICS else None
                defined, true = group[1].get(name, (0, 0))
                if value is not None:
                    group[1][name] = (defined + 1, true + bool(value))

    def _consistency(self) -> dict[str, Any] | None:
        if not self.groups:
            return None
        k = max(group[0] for group in self.groups.values())
        if k < 2:
            return None
        out: dict[str, Any] = {"k": k, "instances": len(self.groups)}
        for name in CONSISTENCY_METRICS:
            all_k, any_k = [], []
            for count, per_metric in self.groups.values():
                defined, true = per_metric.get(name, (0, 0))
                if defined == count:
                    all_k.append(true == defined)
                if defined:
                    any_k.append(true > 0)
            out[f"{name}_all_k"] = rate(all_k).model_dump()
            out[f"{name}_any_k"] = rate(any_k).model_dump()
        return out

    def result(self) -> dict[str, Any]:
        """The agent's entry of summary.json."""
        n, usage = self.n, self.usage

        def per(total: float, count: int) -> float | None:
            return round(total / count, 6) if count else None

        def counted(counts: list[int]) -> dict[str, Any]:
            return rate([True] * counts[0] + [False] * (counts[1] - counts[0])).model_dump()

        latencies = list(self.latencies)
        return {
            "n": n,
            "metrics": {name: counted(c) for name, c in self.metric_counts.items()},
            "message_reply_rate": counted([self.within, self.customer_messages]),
            "outcomes": dict(sorted(self.outcomes.items())),
            "drop_off": dict(sorted(self.drop_off.items())),
            "agent_errors": self.agent_errors,
            "agent_error_examples": list(self.agent_error_examples),
            "scorer_errors": self.scorer_errors,
            "judge_errors": self.judge_errors,
            "judge_error_examples": list(self.judge_error_examples),
            "latency_p50_s": percentile(latencies, 50),
            "latency_p95_s": percentile(latencies, 95),
            "refusals_per_conversation": self.refusals / n if n else None,
            "violations": {
                "scored": self.scored,
                "critical": self.critical,
                "per_100": {
                    rule: {
                        "per_100": round(100 * count / self.scored, 2),
                        "count": count,
                        "severity": self.severity[rule],
                    }
                    for rule, count in sorted(
                        self.rule_counts.items(), key=lambda kv: (-kv[1], kv[0])
                    )
                },
            },
            "errors": dict(sorted(self.errors.items())),
            "usage": {
                "agent_tokens": usage["agent_tokens"],
                "agent_cost": round(usage["agent_cost"], 6),
                "customer_tokens": usage["customer_tokens"],
                "customer_cost": round(usage["customer_cost"], 6),
                "judge_tokens": usage["judge_tokens"],
                "judge_cost": round(usage["judge_cost"], 6),
                "tokens_per_conversation": per(usage["agent_tokens"], n),
                "cost_per_conversation": per(usage["agent_cost"], n),
                "tokens_per_lead": per(usage["agent_tokens"], usage["leads"]),
                "cost_per_lead": per(usage["agent_cost"], usage["leads"]),
                "tokens_per_valid_lead": per(usage["agent_tokens"], usage["valid"]),
                "cost_per_valid_lead": per(usage["agent_cost"], usage["valid"]),
            },
            "consistency": self._consistency(),
            "by_persona": {
                key: {name: counted(c) for name, c in groups.items()}
                for key, groups in sorted(self.by_persona.items())
            },
        }


def compare_accumulated(
    candidate: AgentAccumulator, baseline: AgentAccumulator, seed: int = 0
) -> dict[str, Any]:
    """Difference and lift of a candidate over a baseline per metric, with bootstrap intervals:
    paired when both accumulators kept their pairs and hold the same persona instances."""
    paired = (
        candidate.keep_pairs
        and baseline.keep_pairs
        and candidate.paired_ok
        and baseline.paired_ok
        and bool(candidate.pairs)
        and candidate.pairs.keys() == baseline.pairs.keys()
    )
    out: dict[str, Any] = {
        "paired": paired,
        "n_pairs": len(candidate.pairs) if paired else 0,
        "metrics": {},
    }
    for i, name in enumerate(SCORECARD_METRICS):
        if paired:
            kept = [
                (bool(values[i]), bool(baseline.pairs[key][i]))
                for key, values in candidate.pairs.items()
                if values[i] is not None and baseline.pairs[key][i] is not None
            ]
            diff = compare_rates([x for x, _ in kept], [y for _, y in kept], paired=True, seed=seed)
        else:
            a, b = candidate.metric_counts[name], baseline.metric_counts[name]
            diff = compare_rates(
                [True] * a[0] + [False] * (a[1] - a[0]),
                [True] * b[0] + [False] * (b[1] - b[0]),
                paired=False,
                seed=seed,
            )
        out["metrics"][name] = diff.model_dump()
    return out


class RunTally:
    """A run's summary in the making: per-agent accumulators and fidelity counts.

    The engine appends every finished conversation's row here instead of keeping a list, so a
    100,000-conversation run holds counts, not rows.
    """

    def __init__(self, keep_pairs: bool = False, trials: bool = False) -> None:
        self.keep_pairs = keep_pairs
        self.trials = trials
        self.agents: dict[str, AgentAccumulator] = {}
        self.count = 0
        self._fidelity: dict[str, dict[str, int]] = {}

    def accumulator(self, agent_id: str) -> AgentAccumulator:
        """The accumulator of one agent (created empty when it has no conversation yet)."""
        if agent_id not in self.agents:
            self.agents[agent_id] = AgentAccumulator(self.keep_pairs, self.trials)
        return self.agents[agent_id]

    def append(self, row: Any) -> None:
        """Count one conversation."""
        self.count += 1
        self.accumulator(row.agent_id or "?").add(row)
        if row.fidelity is not None:
            counts = self._fidelity.setdefault(
                row.customer or "?", {"n": 0, "unfaithful": 0, "regenerated": 0}
            )
            counts["n"] += 1
            counts["unfaithful"] += not row.fidelity["faithful"]
            counts["regenerated"] += row.regenerated
            for flag, value in row.fidelity.items():
                if flag != "faithful":
                    counts[f"flag:{flag}"] = counts.get(f"flag:{flag}", 0) + bool(value)

    def __len__(self) -> int:
        return self.count

    def fidelity_result(self) -> dict[str, Any]:
        """Rates of each fidelity flag per customer model."""
        out: dict[str, Any] = {}
        for customer, counts in sorted(self._fidelity.items()):
            n = counts["n"]
            flags = {k[5:]: round(v / n, 4) for k, v in counts.items() if k.startswith("flag:")}
            out[customer] = {
                "n": n,
                **flags,
                "unfaithful": round(counts["unfaithful"] / n, 4),
                "regenerated": counts["regenerated"],
            }
        return out
