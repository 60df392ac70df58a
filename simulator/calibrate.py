"""Agreement between reviewers and scorers: ``salesim calibrate ANNOTATIONS RUN``.

Reviewers read conversations in the HTML report, mark a finding or an outcome wrong, or add a
finding the scorers missed, and download their annotations (format below). Calibration replays
those judgements against the run's ``scores.jsonl``: for every reviewed conversation, the scorer's
label and the reviewer's label of each rule (did it fire in this conversation?) and of each
outcome (lead captured, valid lead, compliant); then precision, recall and Cohen's kappa per rule
and per outcome, so a team sees which rules or judge prompts to fix first.

Annotations file (``"format": "salesim-annotations", "version": 1``)::

    {"format": "salesim-annotations", "version": 1,
     "run_id": "r1", "compare_run_id": null, "reviewer": "ana", "created_at": "...",
     "reviewed": [{"run_id": "r1", "conversation_id": "c1"}, ...],
     "annotations": [
       {"run_id": "r1", "conversation_id": "c1", "type": "finding_wrong",
        "rule": "repeat_contact_ask", "turn": 3},
       {"run_id": "r1", "conversation_id": "c2", "type": "finding_missed",
        "rule": "edu_guarantee", "turn": 5, "severity": "critical", "note": "..."},
       {"run_id": "r1", "conversation_id": "c3", "type": "outcome_wrong",
        "outcome": "lead_valid", "scorer": true, "reviewer": false}]}

Semantics:

- A conversation counts as reviewed when it is listed in ``reviewed`` or carries an annotation;
  everything the reviewer did not mark in a reviewed conversation is taken as agreement.
- ``finding_wrong`` removes the scorer's finding of ``rule`` at message ``turn`` (every finding
  of the rule in the conversation when ``turn`` is null); ``finding_missed`` adds one.
- Per rule, the label is conversation-level: the rule has at least one finding left.
- ``outcome_wrong`` sets the reviewer's value of ``lead_captured``, ``lead_valid`` or
  ``compliant`` (``reviewer``; the opposite of the scorer's when omitted). Without one,
  ``compliant`` follows the reviewer's findings (no major or critical finding left), the others
  equal the scorer's.
- The scorer is the prediction and the reviewer the reference: precision is the share of the
  scorer's positives the reviewer confirms, recall the share of the reviewer's positives the
  scorer found. For outcomes the positive class is ``true`` (lead captured, valid, compliant).
- Annotations of another run (``run_id`` differs, e.g. the compared run in a ``--compare``
  report) are skipped and counted; ids not in the run are an error.
- The file records the fingerprint of each run it annotates (``run_fingerprint``,
  ``compare_run_fingerprint``; :func:`simulator.results.run_fingerprint`). CI reuses run ids,
  so annotations of a run with this run's id but another fingerprint are another run's: an
  error, never a silent comparison with the wrong scores. Files without fingerprints are taken
  at their word.
- A file downloaded from a redacted report says ``"redacted": true``: its ``redacted-N`` ids
  are the aliases the report showed for ids that held a contact, and name the conversation on
  line N of scores.jsonl.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulator.metrics import ScoreRow
from simulator.results import (
    ANY_ALIAS,
    MANIFEST,
    SCORES,
    line_alias,
    read_jsonl,
    run_fingerprint,
)
from simulator.rubrics import BLOCKING, load_rubrics
from simulator.specs import SpecError
from simulator.visible import show_controls

ANNOTATIONS_FORMAT = "salesim-annotations"
OUTCOMES = ("lead_captured", "lead_valid", "compliant")


class ReviewedRef(BaseModel):
    """A conversation the reviewer read."""

    model_config = ConfigDict(extra="ignore")

    run_id: str | None = None
    conversation_id: str


class Annotation(BaseModel):
    """One reviewer judgement on one conversation."""

    model_config = ConfigDict(extra="ignore")

    run_id: str | None = None
    conversation_id: str
    type: Literal["finding_wrong", "finding_missed", "outcome_wrong"]
    rule: str | None = None
    turn: int | None = None
    severity: str | None = None
    outcome: Literal["lead_captured", "lead_valid", "compliant"] | None = None
    scorer: bool | None = None
    reviewer: bool | None = None
    note: str = ""


class Annotations(BaseModel):
    """A downloaded annotations file."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["salesim-annotations"]
    version: Literal[1]
    run_id: str | None = None
    compare_run_id: str | None = None
    run_fingerprint: str | None = None
    compare_run_fingerprint: str | None = None
    reviewer: str | None = None
    created_at: str | None = None
    redacted: bool = False
    """Downloaded from a redacted report: ids may be aliases (``redacted-N``)."""
    reviewed: list[ReviewedRef] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)


def load_annotations(path: Path) -> Annotations:
    """Read and validate an annotations file; a bad one is a :class:`SpecError` naming the field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SpecError(f"{path}: invalid JSON ({exc.msg}, line {exc.lineno})") from None
    try:
        annotations = Annotations.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise SpecError(f"{path}: {where}: {error['msg']}") from None
    for i, item in enumerate(annotations.annotations):
        if item.type in ("finding_wrong", "finding_missed") and not item.rule:
            raise SpecError(f"{path}: annotations.{i}: a {item.type} annotation needs a rule")
        if item.type == "outcome_wrong" and not item.outcome:
            raise SpecError(f"{path}: annotations.{i}: an outcome_wrong annotation needs outcome")
    return annotations


@dataclass
class Agreement:
    """A 2x2 table of scorer against reviewer, and the statistics derived from it."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, scorer: bool, reviewer: bool) -> None:
        """Count one conversation."""
        if scorer and reviewer:
            self.tp += 1
        elif scorer:
            self.fp += 1
        elif reviewer:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        """Conversations counted."""
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        """Share of the scorer's positives that the reviewer confirms."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """Share of the reviewer's positives that the scorer found."""
        actual = self.tp + self.fn
        return self.tp / actual if actual else None

    @property
    def agreement(self) -> float | None:
        """Share of conversations where both say the same."""
        return (self.tp + self.tn) / self.n if self.n else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is 1 (both always gave the same label)."""
        n = self.n
        if not n:
            return None
        observed = (self.tp + self.tn) / n
        scorer_yes, reviewer_yes = (self.tp + self.fp) / n, (self.tp + self.fn) / n
        expected = scorer_yes * reviewer_yes + (1 - scorer_yes) * (1 - reviewer_yes)
        if expected >= 1:
            return None
        return (observed - expected) / (1 - expected)

    def as_dict(self) -> dict[str, Any]:
        """Counts and statistics, for --json."""
        return {
            "n": self.n,
            "scorer_positive": self.tp + self.fp,
            "reviewer_positive": self.tp + self.fn,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "agreement": self.agreement,
            "kappa": self.kappa,
        }


def _severities(run_dir: Path) -> dict[str, str]:
    """Rule severities of the run's rubrics (for missed findings that do not say)."""
    try:
        manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
        rubrics = manifest.get("config", {}).get("rubrics")
    except (OSError, json.JSONDecodeError):
        rubrics = None
    try:
        return {
            rule.id: rule.severity
            for rule in load_rubrics(Path(rubrics) if rubrics else None).rules
        }
    except (SpecError, OSError):
        return {}


def _run_id(run_dir: Path) -> str:
    try:
        manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return run_dir.name
    return str(manifest.get("run_id") or run_dir.name)


def _check_fingerprint(annotations: Annotations, run_dir: Path, run_id: str) -> None:
    """Refuse annotations made on another run that had this run's id."""
    recorded = {
        fingerprint
        for rid, fingerprint in (
            (annotations.run_id, annotations.run_fingerprint),
            (annotations.compare_run_id, annotations.compare_run_fingerprint),
        )
        if rid == run_id and fingerprint
    }
    fingerprint = run_fingerprint(run_dir)
    if recorded and fingerprint not in recorded:
        raise SpecError(
            f"the annotations are of another run with the id {run_id} (fingerprint "
            f"{', '.join(sorted(recorded))}; {run_dir} has {fingerprint}): annotate this run's "
            "own report"
        )


def _reviewed_as(conversation_id: str, line: int, redacted: bool, reviewed: set[str]) -> str:
    """The id the annotations use for the conversation on ``line`` of scores.jsonl.

    A redacted report showed an id that held a contact, or that looked like an alias itself, as
    its line's alias (the reviewer used that), and every other id as it was.
    """
    alias = line_alias(line)
    if redacted and (alias in reviewed or ANY_ALIAS.fullmatch(conversation_id)):
        return alias
    return conversation_id


def calibrate(annotations: Annotations, run_dir: Path) -> dict[str, Any]:
    """Per rule and per outcome: scorer against reviewer over the reviewed conversations."""
    scores = run_dir / SCORES if run_dir.is_dir() else run_dir
    if not scores.is_file():
        raise SpecError(f"{run_dir}: not a run directory (no {SCORES})")
    run_id = _run_id(run_dir) if run_dir.is_dir() else None
    if run_id is not None:
        _check_fingerprint(annotations, run_dir, run_id)

    def mine(run: str | None) -> bool:
        return run is None or run_id is None or run == run_id

    reviewed = {ref.conversation_id for ref in annotations.reviewed if mine(ref.run_id)}
    items = [a for a in annotations.annotations if mine(a.run_id)]
    skipped = len(annotations.annotations) - len(items)
    reviewed |= {a.conversation_id for a in items}
    rows: dict[str, ScoreRow] = {}
    for number, obj, error in read_jsonl(scores):
        if obj is None:
            raise SpecError(f"{scores}:{number}: {error}")
        key = _reviewed_as(str(obj.get("conversation_id")), number, annotations.redacted, reviewed)
        if key in reviewed:
            rows[key] = ScoreRow.model_validate(obj)
    unknown = sorted(reviewed - set(rows))
    if unknown:
        more = f" (+{len(unknown) - 5} more)" if len(unknown) > 5 else ""
        raise SpecError(
            f"{len(unknown)} annotated conversation(s) are not in {scores}: "
            f"{', '.join(show_controls(u) for u in unknown[:5])}{more}"
        )
    if not rows:
        raise SpecError("no reviewed conversation of this run in the annotations")
    severities = _severities(run_dir) if run_dir.is_dir() else {}
    by_conversation: dict[str, list[Annotation]] = {}
    for item in items:
        by_conversation.setdefault(item.conversation_id, []).append(item)

    rules: dict[str, Agreement] = {}
    outcomes = {name: Agreement() for name in OUTCOMES}
    for cid, row in rows.items():
        notes = by_conversation.get(cid, [])
        scorer_findings = [(v["rule"], v.get("turn"), v.get("severity")) for v in row.violations]
        wrong = [(a.rule, a.turn) for a in notes if a.type == "finding_wrong"]
        kept = [
            f
            for f in scorer_findings
            if not any(rule == f[0] and (turn is None or turn == f[1]) for rule, turn in wrong)
        ]
        missed = [
            (a.rule, a.turn, a.severity or severities.get(a.rule or "", "major"))
            for a in notes
            if a.type == "finding_missed"
        ]
        reviewer_findings = kept + missed
        scorer_rules = {f[0] for f in scorer_findings}
        reviewer_rules = {f[0] for f in reviewer_findings}
        for rule in scorer_rules | reviewer_rules | set(rules):
            rules.setdefault(rule, Agreement())
        for rule, table in rules.items():
            table.add(rule in scorer_rules, rule in reviewer_rules)
        explicit = {a.outcome: a for a in notes if a.type == "outcome_wrong"}
        for name in OUTCOMES:
            scorer_value = getattr(row, name)
            if scorer_value is None:
                continue
            scorer_value = bool(scorer_value)
            if name in explicit:
                given = explicit[name].reviewer
                reviewer_value = (not scorer_value) if given is None else given
            elif name == "compliant":
                reviewer_value = not any(f[2] in BLOCKING for f in reviewer_findings)
                if reviewer_findings == scorer_findings:
                    reviewer_value = scorer_value
            else:
                reviewer_value = scorer_value
            outcomes[name].add(scorer_value, reviewer_value)
    # A rule first seen in a later conversation missed the earlier ones: they count as agreed
    # negatives (neither side flagged it there).
    for table in rules.values():
        table.tn += len(rows) - table.n
    return {
        "run": str(run_dir),
        "run_id": run_id,
        "reviewer": annotations.reviewer,
        "reviewed": len(rows),
        "annotations": len(items),
        "skipped_other_run": skipped,
        "rules": {rule: table.as_dict() for rule, table in sorted(rules.items())},
        "outcomes": {name: table.as_dict() for name, table in outcomes.items() if table.n},
    }
