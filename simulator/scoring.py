"""Scoring transcripts that already exist: a run's, or any file :mod:`simulator.interchange` reads.

A scorer that raises is recorded as an error on that conversation's row; a line that cannot be
read is reported with its line number and counted. Nothing is dropped silently.

Imported chats are often silent on what the simulator always knows: their locale, industry and
outcome. :class:`ImportOptions` fills the first two from the command line (``--locale``,
``--industry``) and derives the outcome from the chat (:mod:`simulator.outcomes`); what was
filled, derived or left missing is marked on each row and counted in the summary, so a file
scored with zh_CN rules because it named no locale is visible as such.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from simulator.interchange import Record, read_transcripts
from simulator.metrics import (
    DEFAULT_LOCALE,
    AgentAccumulator,
    ScoreRow,
    identity_of,
    score_transcript,
)
from simulator.models import Transcript
from simulator.outcomes import derive_outcome, should_derive
from simulator.results import (
    SCORES,
    SUMMARY,
    RunLock,
    atomic_text,
    read_jsonl,
    write_json_atomic,
)
from simulator.rubrics import Judged, RubricSet
from simulator.scrub import scrub_error
from simulator.specs import LOCALES, SpecError

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
        error=scrub_error(exc),
    )


@dataclass(frozen=True)
class ImportOptions:
    """What scoring assumes where an imported chat says nothing (``salesim score`` options)."""

    locale: str | None = None
    """Locale for chats without one (``--locale``); without it they are scored as zh_CN."""
    industry: str | None = None
    """Industry for chats without one (``--industry``); without it only rules for every
    industry apply."""
    trust_outcome: bool = False
    """Keep any outcome the input has (``--trust-outcome``), not only salesim's own values."""


def rubric_industries(rubrics: RubricSet | None) -> list[str]:
    """The industries some rubric names (``"*"``, every industry, is not one)."""
    if rubrics is None:
        return []
    return sorted({i for rubric in rubrics.rubrics for i in rubric.industries if i != "*"})


def check_import_options(options: ImportOptions, rubrics: RubricSet | None) -> None:
    """Refuse a default no rule could use, in one line, before any file is read.

    An industry no rubric names would apply no industry rule and look exactly like a run that
    did: a typo ("dentel") must not silently score a file without its industry's rules. Without
    rubrics (no compliance scored) the industry is only recorded, so any is accepted.
    """
    if options.locale is not None and options.locale not in LOCALES:
        raise SpecError(f"--locale {options.locale}: not one of {', '.join(LOCALES)}")
    if options.industry is not None and rubrics is not None:
        known = rubric_industries(rubrics)
        if options.industry not in known:
            listed = ", ".join(known) if known else "none: the rubrics have no industry rules"
            raise SpecError(f"--industry {options.industry}: no rubric covers it (known: {listed})")


def with_defaults(transcript: Transcript, options: ImportOptions) -> Transcript:
    """The transcript with ``options``' locale and industry where it has none.

    ``meta["defaulted"]`` lists what was filled in, so the score row (and a baseline scored
    again from its stored transcripts) can tell a default from the input's own value.
    """
    filled = {
        name: value
        for name, value in (("locale", options.locale), ("industry", options.industry))
        if value is not None and not getattr(transcript, name)
    }
    if not filled:
        return transcript
    meta = {**transcript.meta, "defaulted": [*transcript.meta.get("defaulted", []), *filled]}
    return transcript.model_copy(update={**filled, "meta": meta})


def complete_row(
    row: ScoreRow, transcript: Transcript, sla_s: float, options: ImportOptions
) -> ScoreRow:
    """The row with an outcome derived from the chat where the input recorded none.

    Rows of conversations that could not be scored keep the input's outcome: without the
    scorer's lead verdict there is nothing to derive from.
    """
    if row.error is not None or not should_derive(transcript.outcome, options.trust_outcome):
        return row
    derived = derive_outcome(transcript.messages, row.lead_captured, sla_s)
    notes = list(row.notes)
    if transcript.outcome and transcript.outcome.strip().lower() != "unknown":
        notes.append(
            f"input outcome {transcript.outcome!r} is not a salesim outcome; derived from the "
            "chat instead (--trust-outcome keeps it)"
        )
    return row.model_copy(
        update={
            "outcome": str(derived.outcome),
            "drop_off": derived.drop_off,
            "outcome_derived": True,
            "notes": notes,
        }
    )


def score_imported(
    transcript: Transcript,
    sla_s: float,
    rubrics: RubricSet | None = None,
    judged: Judged | None = None,
    options: ImportOptions | None = None,
) -> ScoreRow:
    """Score a transcript read from a file: :func:`score_safely`, then :func:`complete_row`.

    ``transcript`` should already carry its defaults (:func:`with_defaults`): judging, writing
    a baseline's transcripts and scoring must all see the same locale and industry.
    """
    row = score_safely(transcript, sla_s, rubrics, judged)
    return complete_row(row, transcript, sla_s, options or ImportOptions())


def input_gaps(rows: Iterable[ScoreRow], options: ImportOptions | None = None) -> dict[str, Any]:
    """The summary's ``defaults``: what the input lacked and how scoring filled it.

    ``locale_missing``/``industry_missing`` count rows still without one after the defaults
    (scored as zh_CN, or with no industry rules); ``*_defaulted`` those filled from
    ``--locale``/``--industry``; ``unsupported_locale`` rows whose locale salesim has no
    language rules for (counted per locale in ``unsupported_locales``).
    """
    return imported_summary(rows, options)["defaults"]


def imported_summary(
    rows: Iterable[ScoreRow], options: ImportOptions | None = None
) -> dict[str, Any]:
    """The summary entries about the input itself: its gaps and how many outcomes were derived."""
    tally = ImportTally(options or ImportOptions())
    for row in rows:
        tally.add(row)
    return tally.summary()


def with_import_defaults(records: Iterable[Record], options: ImportOptions) -> Iterator[Record]:
    """Records with :func:`with_defaults` applied to every readable transcript."""
    for where, transcript, error in records:
        yield where, with_defaults(transcript, options) if transcript is not None else None, error


def iter_scores(path: Path) -> Iterator[ScoreRow]:
    """The rows of a scores file this process just wrote, one at a time."""
    for _, obj, _ in read_jsonl(path):
        if obj is not None:
            yield ScoreRow.model_validate(obj)


class ImportTally:
    """What :func:`input_gaps` and :func:`imported_summary` count, one row at a time."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        self.counts: Counter[str] = Counter()
        self.unsupported: Counter[str] = Counter()
        self.outcomes_derived = 0

    def add(self, row: ScoreRow) -> None:
        """Count one scored row."""
        self.counts["locale_missing"] += row.locale is None
        self.counts["industry_missing"] += row.industry is None
        self.counts["locale_defaulted"] += "locale" in row.defaulted
        self.counts["industry_defaulted"] += "industry" in row.defaulted
        if row.locale is not None and row.locale not in LOCALES:
            self.unsupported[row.locale] += 1
        self.outcomes_derived += row.outcome_derived

    def summary(self) -> dict[str, Any]:
        """The same entries as :func:`imported_summary` over the rows added."""
        counts = self.counts
        return {
            "defaults": {
                "locale": self.options.locale,
                "industry": self.options.industry,
                "missing_locale_scored_as": DEFAULT_LOCALE,
                "locale_missing": counts["locale_missing"],
                "industry_missing": counts["industry_missing"],
                "locale_defaulted": counts["locale_defaulted"],
                "industry_defaulted": counts["industry_defaulted"],
                "unsupported_locale": sum(self.unsupported.values()),
                "unsupported_locales": dict(sorted(self.unsupported.items())),
            },
            "trust_outcome": self.options.trust_outcome,
            "outcomes_derived": self.outcomes_derived,
        }


class ScoredFile:
    """What scoring a transcripts file produced: counts, never the rows themselves.

    A million imported conversations must not mean a million rows in memory: the rows go to
    scores.jsonl as they are made and only accumulators stay (the engine's ``RunTally`` does the
    same for runs). Per-trial groups (pass^k) are rare in imported data, so accumulators start
    without them; if a row with ``trial`` > 0 turns up, the summary is recounted from the written
    scores file, still one row at a time.
    """

    def __init__(self, options: ImportOptions | None = None, scores: Path | None = None) -> None:
        self.options = options or ImportOptions()
        self.scores = scores
        self.count = 0
        self.unreadable: list[str] = []
        """``file:line: reason`` for every line that could not be read as a transcript."""
        self.tally = ImportTally(self.options)
        self.agents: dict[str, AgentAccumulator] = {}
        self.trials = False

    def add(self, row: ScoreRow) -> None:
        """Count one scored row."""
        self.count += 1
        self.tally.add(row)
        self.trials = self.trials or bool(row.trial)
        agent = row.agent_id or "(none)"
        if agent not in self.agents:
            self.agents[agent] = AgentAccumulator()
        self.agents[agent].add(row)

    def summary(self) -> dict[str, Any]:
        """Per-agent aggregates (agent ``(none)`` for transcripts without an agent_id), and what
        the input lacked (:func:`imported_summary`)."""
        agents = self.agents
        if self.trials and self.scores is not None:
            agents = {}
            for row in iter_scores(self.scores):
                agent = row.agent_id or "(none)"
                if agent not in agents:
                    agents[agent] = AgentAccumulator(trials=True)
                agents[agent].add(row)
        return {
            "conversations": self.count,
            "unreadable_lines": len(self.unreadable),
            **self.tally.summary(),
            "agents": {agent: acc.result() for agent, acc in sorted(agents.items())},
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
    options: ImportOptions | None = None,
) -> ScoredFile:
    """Score every transcript in ``path`` and write the rows to ``out`` (atomically).

    ``path`` is anything :func:`~simulator.interchange.read_transcripts` reads (JSONL, CSV,
    Parquet, a datasets directory); ``mapping``, ``roles`` and ``default_tz`` go to it.
    ``options`` fill in locale and industry and say which outcomes to derive
    (:class:`ImportOptions`). A file that cannot be read at all, or options no rubric can use,
    raise SpecError before ``out`` is touched.
    """
    options = options or ImportOptions()
    check_import_options(options, rubrics)
    result = ScoredFile(options=options, scores=out)
    records = with_import_defaults(read_transcripts(path, mapping, roles, default_tz), options)
    judging = rubrics is not None and rubrics.judge is not None
    with atomic_text(out) as handle, asyncio.Runner() as runner:
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
                    row = score_imported(transcript, sla_s, rubrics, verdicts, options)
                result.add(row)
                handle.write(row.model_dump_json() + "\n")
        if judging:
            runner.run(rubrics.judge.aclose())  # type: ignore[union-attr]
    return result


def score_into(
    path: Path,
    out: Path,
    sla_s: float,
    rubrics: RubricSet,
    **read: Any,
) -> tuple[ScoredFile, dict[str, Any]]:
    """``salesim score``: score ``path`` into directory ``out`` (scores.jsonl, summary.json).

    One writer at a time: ``out`` is locked (a second ``salesim score --out`` on it exits 2
    naming the holder). The old summary is removed before the new scores replace the old ones
    and the new summary is written last, from the rows just written, so a kill at any moment
    leaves a summary that describes the scores beside it, or none. ``read`` goes to
    :func:`score_file` (mapping, roles, default_tz, options).
    """
    out.mkdir(parents=True, exist_ok=True)
    with RunLock(out, "salesim score"):
        (out / SUMMARY).unlink(missing_ok=True)
        scored = score_file(path, out / SCORES, sla_s, rubrics, **read)
        summary = {
            "source": str(path),
            "sla_s": sla_s,
            **scored.summary(),
            "unreadable": scored.unreadable[:100],
            "skipped_rules": rubrics.skipped,
        }
        write_json_atomic(out / SUMMARY, summary)
    return scored, summary


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
        if (transcript.locale or DEFAULT_LOCALE) not in LOCALES:
            return Judged()  # not scored for compliance (score_transcript): nothing to pay for
        async with semaphore:
            try:
                return await rubrics.ajudge(transcript)
            except Exception as exc:  # recorded on the row, as in a run
                return exc

    return list(await asyncio.gather(*(one(t) for t in transcripts)))
