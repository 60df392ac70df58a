"""Assembling a report from a run directory, in two streaming passes.

Pass 1 reads ``scores.jsonl`` row by row into counters (funnel, hour of day, rules, personas,
locales, outcomes, drop-offs) and a compact index of the conversations (what the filters need),
then skims ``transcripts.jsonl`` for the needs each lost customer still had when it last wrote
(only lines that record ``open_needs`` are parsed, and only counters are kept: the overview is
rendered before the transcripts are streamed, so it cannot wait for pass 2). Pass 2 reads
``transcripts.jsonl`` line by line and turns each conversation into one compact JSON line that
goes straight into the report file (see :mod:`simulator.report._transcripts`), so memory holds the
counters and the index, never the transcripts: a 5,000-conversation run is reported in a few
tens of MB of memory.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.compare import Comparison, compare_runs, default_agent, load_rows
from simulator.metrics import SCORECARD_METRICS, ScoreRow, metrics
from simulator.models import Outcome
from simulator.report._notes import (
    NOT_RECORDED,
    OPEN_NEEDS_MARK,
    LostReasons,
    ended_with_lead,
    last_open_needs,
)
from simulator.report._redact import mask_anywhere, shown_id
from simulator.results import (
    MANIFEST,
    SCORES,
    SUMMARY,
    TRANSCRIPTS,
    read_jsonl,
    run_fingerprint,
)
from simulator.rubrics import load_rubrics
from simulator.specs import SpecError
from simulator.stats import wilson_interval

FUNNEL_STEPS: tuple[tuple[str, str | None], ...] = (
    ("opened", None),
    ("replied", "replied_within_sla"),
    ("engaged", "engaged"),
    ("asked", "contact_asked"),
    ("lead", "lead_captured"),
    ("valid", "lead_valid"),
)
"""Funnel steps and the score-row field each counts (``opened`` counts every conversation)."""

METRIC_FIELDS = {name: metrics.get(name).field for name in SCORECARD_METRICS}
COUNTED_FIELDS = tuple(sorted({f for _, f in FUNNEL_STEPS if f} | set(METRIC_FIELDS.values())))
PREVIEW_CHARS = 90
FLIP_ORDER = ("lead_lost", "lead_gained", "compliance_lost", "compliance_gained")
AGENT_ERROR = Outcome.AGENT_ERROR.value


def rate_of(successes: int, n: int) -> dict[str, Any]:
    """A rate with its Wilson 95% interval, shaped like summary.json's rates."""
    low, high = wilson_interval(successes, n)
    return {
        "value": successes / n if n else None,
        "low": low,
        "high": high,
        "successes": successes,
        "n": n,
    }


@dataclass
class Tally:
    """Yes/no counts of the score-row fields over a group of conversations."""

    n: int = 0
    yes: Counter[str] = field(default_factory=Counter)
    defined: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    """Conversations that ended in agent_error: no reply to score, so no rate to show."""

    def add(self, row: ScoreRow) -> None:
        """Count one conversation."""
        self.n += 1
        self.errors += row.outcome == AGENT_ERROR
        for name in COUNTED_FIELDS:
            value = getattr(row, name)
            if value is not None:
                self.defined[name] += 1
                self.yes[name] += bool(value)

    def rate(self, field_name: str) -> dict[str, Any]:
        """The rate of one field (conversations where it is undefined are left out)."""
        return rate_of(self.yes[field_name], self.defined[field_name])

    def metric(self, name: str) -> dict[str, Any]:
        """The rate of a scorecard metric by its name."""
        return self.rate(METRIC_FIELDS[name])


def _tallies() -> defaultdict[Any, Tally]:
    return defaultdict(Tally)


@dataclass
class RunSide:
    """Everything pass 1 learned about one run (or one agent of it, for a compared run)."""

    tag: str
    """``a`` for the reported run, ``b`` for the run given with ``--compare``."""
    directory: Path
    run_id: str
    manifest: dict[str, Any]
    summary: dict[str, Any] | None
    fingerprint: str = ""
    """Tells this run from another with the same id (:func:`run_fingerprint`): the key of its
    annotations in the reviewer's browser, and recorded in their download."""
    agents: list[str] = field(default_factory=list)
    tallies: defaultdict[str, Tally] = field(default_factory=_tallies)
    by_persona: defaultdict[tuple[str, str], Tally] = field(default_factory=_tallies)
    by_locale: defaultdict[tuple[str, str], Tally] = field(default_factory=_tallies)
    hours: dict[str, list[Tally]] = field(default_factory=dict)
    rules: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    scored: Counter[str] = field(default_factory=Counter)
    """Conversations per agent that rubrics were applied to (the violations denominator)."""
    severities: dict[str, str] = field(default_factory=dict)
    outcomes: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    """conversation_id -> position in the shared index."""
    unreadable: list[str] = field(default_factory=list)
    lost: defaultdict[str, LostReasons] = field(default_factory=lambda: defaultdict(LostReasons))
    errors: Counter[str] = field(default_factory=Counter)
    """Conversations per agent that ended in agent_error (its code raised, timed out ...)."""
    first_error: dict[str, str] = field(default_factory=dict)
    """Per agent, the first agent_error message in scores.jsonl (type and message)."""
    aliases: dict[str, str] = field(default_factory=dict)
    """conversation_id -> the id a redacted report shows instead (see :func:`shown_id`)."""

    def shown(self, conversation_id: str) -> str:
        """The conversation's id as the report shows it (an alias where redaction needs one)."""
        return self.aliases.get(conversation_id, conversation_id)

    @property
    def candidates(self) -> list[str]:
        """Agents under test: the summary's candidates, else every agent but the baseline."""
        if self.summary and self.summary.get("candidates"):
            return list(self.summary["candidates"])
        return [a for a in self.agents if a != self.baseline]

    @property
    def baseline(self) -> str | None:
        """The baseline agent's id, when the run has one (from the manifest while it runs)."""
        if self.summary is not None:
            return self.summary.get("baseline")
        config = self.manifest.get("config") or {}
        return None if config.get("baseline") else config.get("baseline_agent")

    @property
    def sla_s(self) -> float:
        """The reply SLA the run was scored with."""
        return float(
            (self.summary or {}).get("sla_s")
            or self.manifest.get("config", {}).get("sla_s")
            or 180.0
        )


@dataclass
class ReportData:
    """What the renderer needs: both runs' counters, the index, pairs and the rule catalog."""

    a: RunSide
    b: RunSide | None = None
    index: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    comparison: Comparison | None = None
    catalog: dict[str, tuple[str, str]] = field(default_factory=dict)
    lang: str = "en"
    redact: bool = False
    fidelity: dict[str, Any] | None = None
    """``fidelity.json`` of the run (``salesim fidelity REAL RUN``), shown in a Fidelity tab."""


# --- pass 1: scores ----------------------------------------------------------------------------


def _read_json(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SpecError(f"{path}: invalid JSON ({exc.msg})") from None
    return data if isinstance(data, dict) else None


def open_side(directory: Path, tag: str) -> RunSide:
    """A run directory's manifest and summary (either may be missing: a run still going)."""
    if not (directory / SCORES).is_file():
        raise SpecError(f"{directory}: not a run directory (no {SCORES})")
    manifest = _read_json(directory / MANIFEST) or {}
    summary = _read_json(directory / SUMMARY)
    run_id = str(manifest.get("run_id") or (summary or {}).get("run_id") or directory.name)
    return RunSide(tag, directory, run_id, manifest, summary, run_fingerprint(directory))


def scan_scores(
    side: RunSide, index: list[dict[str, Any]], agent: str | None = None, redact: bool = False
) -> None:
    """Pass 1: count every score row of ``side`` (only ``agent``'s when given) into it."""
    for number, obj, error in read_jsonl(side.directory / SCORES):
        if obj is None:
            side.unreadable.append(f"{SCORES}:{number}: {error}")
            continue
        try:
            row = ScoreRow.model_validate(obj)
        except ValueError as exc:
            side.unreadable.append(f"{SCORES}:{number}: {str(exc).splitlines()[0]}")
            continue
        agent_id = row.agent_id or "?"
        if agent is not None and agent_id != agent:
            continue
        _count(side, row, agent_id)
        rules = sorted({v.get("rule", "?") for v in row.violations})
        side.positions[row.conversation_id] = len(index)
        if redact and (alias := shown_id(row.conversation_id, number)) != row.conversation_id:
            side.aliases[row.conversation_id] = alias
        index.append(
            {
                "id": side.shown(row.conversation_id),
                "run": side.tag,
                "a": agent_id,
                "p": row.persona_id or "",
                "l": row.locale or "",
                "o": row.outcome or "unknown",
                "ld": int(row.lead_captured),
                "vl": None if row.lead_valid is None else int(row.lead_valid),
                "cp": None if row.compliant is None else int(row.compliant),
                "r": rules,
                "k": row.pair_key,
                "h": row.hour,
                "e": int(row.outcome == AGENT_ERROR),
                "t": -1,
                "pv": "",
            }
        )
        side.details[row.conversation_id] = {
            "v": row.violations,
            "contact": row.contact,
            "contact_kind": row.contact_kind,
            "f": {
                "replied_within_sla": row.replied_within_sla,
                "engaged": row.engaged,
                "contact_asked": row.contact_asked,
                "lead_captured": row.lead_captured,
                "lead_valid": row.lead_valid,
                "compliant": row.compliant,
            },
            "fr": row.first_reply_s,
            "do": row.drop_off,
            "err": row.agent_error if row.outcome == AGENT_ERROR else None,
        }


def _count(side: RunSide, row: ScoreRow, agent_id: str) -> None:
    if agent_id not in side.tallies:
        side.agents.append(agent_id)
        side.hours[agent_id] = [Tally() for _ in range(24)]
    side.tallies[agent_id].add(row)
    side.by_persona[(agent_id, f"{row.persona_id or '(no persona)'}/{row.locale}")].add(row)
    side.by_locale[(agent_id, str(row.locale))].add(row)
    if row.hour is not None and 0 <= row.hour < 24:
        side.hours[agent_id][row.hour].add(row)
    side.outcomes[agent_id][row.outcome or "unknown"] += 1
    if row.outcome == AGENT_ERROR:
        side.errors[agent_id] += 1
        side.first_error.setdefault(agent_id, row.agent_error or "")
    if not ended_with_lead(row.outcome, row.lead_captured):
        lost = side.lost[agent_id]
        lost.lost += 1
        lost.drop_offs[row.drop_off or NOT_RECORDED] += 1
    if row.compliant is not None:
        side.scored[agent_id] += 1
        for violation in row.violations:
            side.severities[violation.get("rule", "?")] = violation.get("severity", "minor")
        for rule in {v.get("rule", "?") for v in row.violations}:
            side.rules[agent_id][rule] += 1


def ordered_agents(side: RunSide) -> list[str]:
    """Candidates first, then the baseline, then any other agent in the scores."""
    order = [a for a in side.candidates if a in side.tallies]
    if side.baseline in side.tallies:
        order.append(side.baseline)
    return order + [a for a in side.agents if a not in order]


def scan_needs(side: RunSide, agent: str | None = None) -> None:
    """Pass 1, second half: count the needs left open in the conversations lost (``agent``'s).

    Lines without a customer note are not parsed (imported and older transcripts cost a
    substring search); unreadable lines are left to pass 2, which reports them.
    """
    path = transcripts_path(side)
    if path is None:
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if OPEN_NEEDS_MARK not in line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(obj, dict):
                continue
            agent_id = obj.get("agent_id") or "?"
            detail = side.details.get(str(obj.get("conversation_id")))
            if (agent is not None and agent_id != agent) or detail is None:
                continue  # no score row: in no denominator, so in no count either
            if ended_with_lead(obj.get("outcome"), bool(detail["f"]["lead_captured"])):
                continue
            needs = last_open_needs(obj.get("messages"))
            if needs is None:
                continue
            lost = side.lost[agent_id]
            lost.noted += 1
            lost.needs.update(set(needs))


def transcripts_path(side: RunSide) -> Path | None:
    """The run's transcripts.jsonl; for a `salesim score` output directory, its JSONL source."""
    path = side.directory / TRANSCRIPTS
    if path.is_file():
        return path
    source = (side.summary or {}).get("source")
    if source and str(source).endswith(".jsonl") and Path(source).is_file():
        return Path(source)
    return None


# --- assembling ----------------------------------------------------------------------------------


def rule_catalog(side: RunSide) -> dict[str, tuple[str, str]]:
    """Every rule a reviewer can pick for a missed finding: the run's rubrics, else seen rules."""
    catalog = {rule: (severity, "") for rule, severity in side.severities.items()}
    rubrics = side.manifest.get("config", {}).get("rubrics")
    try:
        loaded = load_rubrics(Path(rubrics) if rubrics else None)
    except (SpecError, OSError):
        return catalog
    for rule in loaded.rules:
        catalog[rule.id] = (rule.severity, rule.description)
    return dict(sorted(catalog.items()))


def pair_up(data: ReportData, agent_a: str, agent_b: str) -> None:
    """Pairs of A's and B's conversations with the same persona instance, flipped ones first."""
    assert data.b is not None
    flip_of: dict[str, str] = {}
    if data.comparison is not None:
        for metric, prefix in (("lead_capture", "lead"), ("compliance", "compliance")):
            sides = data.comparison.flips.get(metric, {})
            for side_name in ("lost", "gained"):
                for flip in sides.get(side_name, []):
                    flip_of.setdefault(flip.pair_key, f"{prefix}_{side_name}")
    by_key_a = {
        e["k"]: i for i, e in enumerate(data.index) if e["run"] == "a" and e["a"] == agent_a
    }
    pairs = []
    for i, entry in enumerate(data.index):
        if entry["run"] != "b" or entry["a"] != agent_b or entry["k"] is None:
            continue
        if entry["k"] not in by_key_a:
            continue
        pairs.append(
            {"k": entry["k"], "a": by_key_a[entry["k"]], "b": i, "f": flip_of.get(entry["k"])}
        )
    rank = {name: n for n, name in enumerate(FLIP_ORDER)}
    pairs.sort(key=lambda p: (rank.get(p["f"], len(rank)), p["k"]))
    data.pairs = pairs


def collect(
    run_dir: Path, *, compare: Path | None = None, redact: bool = False, lang: str = "en"
) -> ReportData:
    """Pass 1 over the run (and the compared run): everything but the transcripts."""
    data = ReportData(a=open_side(run_dir, "a"), lang=lang, redact=redact)
    data.fidelity = _read_json(run_dir / "fidelity.json")
    scan_scores(data.a, data.index, redact=redact)
    if not data.a.tallies:
        raise SpecError(f"{run_dir / SCORES}: no conversations")
    scan_needs(data.a)
    data.catalog = rule_catalog(data.a)
    if compare is not None:
        data.b = open_side(compare, "b")
        rows_a = load_rows(run_dir)
        rows_b = load_rows(compare)
        agent_a = default_agent(run_dir, rows_a)
        agent_b = default_agent(compare, rows_b)
        data.b.manifest["compared_agent"] = agent_b
        data.a.manifest["compared_agent"] = agent_a
        scan_scores(data.b, data.index, agent=agent_b, redact=redact)
        scan_needs(data.b, agent=agent_b)
        data.comparison = compare_runs(
            [r for r in rows_a if r.agent_id == agent_a],
            [r for r in rows_b if r.agent_id == agent_b],
            run_a=data.a.run_id,
            run_b=data.b.run_id,
        )
        del rows_a, rows_b
        for rule, severity in data.b.severities.items():
            data.catalog.setdefault(rule, (severity, ""))
        pair_up(data, agent_a, agent_b)
    if redact:
        mask_pair_keys(data)
    return data


def mask_pair_keys(data: ReportData) -> None:
    """Mask contacts in the pair keys the page carries (an imported chat's key may hold one).

    Pairs are joined before, on the keys as recorded, so masking cannot pair two customers that
    a mask made look alike.
    """
    for item in (*data.index, *data.pairs):
        if item.get("k"):
            item["k"] = mask_anywhere(item["k"], data.lang)
