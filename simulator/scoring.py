"""Scoring transcripts that already exist: a run's, or any file :mod:`simulator.interchange` reads.

A scorer that raises is recorded as an error on that conversation's row; a line that cannot be
read is reported with its line number and counted. Nothing is dropped silently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.interchange import read_transcripts
from simulator.metrics import ScoreRow, score_transcript, summarize_agent
from simulator.models import Transcript
from simulator.rubrics import Finding, RubricSet


def score_safely(
    transcript: Transcript,
    sla_s: float,
    rubrics: RubricSet | None = None,
    judged: dict[str, list[Finding]] | None = None,
) -> ScoreRow:
    """Score a transcript; a scorer that raises is recorded on the row, not swallowed."""
    try:
        return score_transcript(transcript, sla_s, rubrics, judged)
    except Exception as exc:
        return error_row(transcript, exc)


def error_row(transcript: Transcript, exc: Exception) -> ScoreRow:
    """The row of a conversation that could not be scored: the error, no verdicts."""
    return ScoreRow(
        conversation_id=transcript.conversation_id,
        persona_id=transcript.persona_id,
        agent_id=transcript.agent_id,
        industry=transcript.industry,
        locale=transcript.locale,
        pair_key=transcript.meta.get("pair_key"),
        replied=False,
        first_reply_s=None,
        replied_within_sla=False,
        customer_messages=0,
        messages_replied_within_sla=0,
        engaged=False,
        lead_captured=False,
        contact=None,
        lead_valid=None,
        turns=len(transcript.messages),
        outcome=transcript.outcome,
        error=f"{type(exc).__name__}: {exc}"[:500],
    )


@dataclass
class ScoredFile:
    """What scoring a transcripts file produced."""

    rows: list[ScoreRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """``file:line: reason`` for every line that could not be read as a transcript."""

    def summary(self) -> dict[str, Any]:
        """Per-agent aggregates (agent ``(none)`` for transcripts without an agent_id)."""
        by_agent: dict[str, list[ScoreRow]] = defaultdict(list)
        for row in self.rows:
            by_agent[row.agent_id or "(none)"].append(row)
        return {
            "conversations": len(self.rows),
            "unreadable_lines": len(self.unreadable),
            "agents": {agent: summarize_agent(rows) for agent, rows in sorted(by_agent.items())},
        }


def score_file(
    path: Path,
    out: Path,
    sla_s: float,
    rubrics: RubricSet | None = None,
    *,
    mapping: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    default_tz: str | None = None,
) -> ScoredFile:
    """Score every transcript in ``path`` and write the rows to ``out`` (atomically).

    ``path`` is anything :func:`~simulator.interchange.read_transcripts` reads (JSONL, CSV,
    Parquet, a datasets directory); ``mapping``, ``roles`` and ``default_tz`` go to it. A file
    that cannot be read at all raises SpecError before ``out`` is touched.
    """
    result = ScoredFile()
    records = read_transcripts(path, mapping, roles, default_tz)
    tmp = out.with_name(out.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            for where, transcript, error in records:
                if transcript is None:
                    result.unreadable.append(f"{where}: {error}")
                    continue
                row = score_safely(transcript, sla_s, rubrics)
                result.rows.append(row)
                handle.write(row.model_dump_json() + "\n")
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return result
