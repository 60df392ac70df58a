"""Scoring transcripts that already exist: a run's, or any file :mod:`simulator.interchange` reads.

A scorer that raises is recorded as an error on that conversation's row; a line that cannot be
read is reported with its line number and counted. Nothing is dropped silently.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from simulator.interchange import read_transcripts
from simulator.metrics import ScoreRow, identity_of, score_transcript, summarize_agent
from simulator.models import Transcript
from simulator.rubrics import Judged, RubricSet

T = TypeVar("T")


def score_safely(
    transcript: Transcript,
    sla_s: float,
    rubrics: RubricSet | None = None,
    judged: Judged | None = None,
) -> ScoreRow:
    """Score a transcript; a scorer that raises is recorded on the row, not swallowed."""
    try:
        return score_transcript(transcript, sla_s, rubrics, judged)
    except Exception as exc:
        return error_row(transcript, exc)


def error_row(transcript: Transcript, exc: Exception) -> ScoreRow:
    """The row of a conversation that could not be scored: the error, no verdicts."""
    return ScoreRow(
        **identity_of(transcript),
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
    judging = rubrics is not None and rubrics.judge is not None
    try:
        with tmp.open("w", encoding="utf-8") as handle, asyncio.Runner() as runner:
            for chunk in _chunks(records, JUDGE_IN_FLIGHT * 4):
                transcripts = []
                for where, transcript, error in chunk:
                    if transcript is None:
                        result.unreadable.append(f"{where}: {error}")
                    else:
                        transcripts.append(transcript)
                judged = (
                    runner.run(_judge_all(rubrics, transcripts))  # type: ignore[arg-type]
                    if judging
                    else [None] * len(transcripts)
                )
                for transcript, verdicts in zip(transcripts, judged, strict=True):
                    if isinstance(verdicts, Exception):
                        row = error_row(transcript, verdicts)
                    else:
                        row = score_safely(transcript, sla_s, rubrics, verdicts)
                    result.rows.append(row)
                    handle.write(row.model_dump_json() + "\n")
            if judging:
                runner.run(rubrics.judge.aclose())  # type: ignore[union-attr]
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


JUDGE_IN_FLIGHT = 16
"""Transcripts whose judge verdicts are awaited at once when ``salesim score`` has a judge."""


async def _judge_all(rubrics: RubricSet, transcripts: list[Transcript]) -> list[Judged | Exception]:
    """Judge findings per transcript (or the exception that stopped them), 16 at a time."""
    semaphore = asyncio.Semaphore(JUDGE_IN_FLIGHT)

    async def one(transcript: Transcript) -> Judged | Exception:
        async with semaphore:
            try:
                return await rubrics.ajudge(transcript)
            except Exception as exc:  # recorded on the row, as in a run
                return exc

    return list(await asyncio.gather(*(one(t) for t in transcripts)))
