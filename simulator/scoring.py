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
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from simulator.interchange import Record, read_transcripts
from simulator.metrics import (
    DEFAULT_LOCALE,
    ScoreRow,
    identity_of,
    score_transcript,
    summarize_agent,
)
from simulator.models import Transcript
from simulator.outcomes import derive_outcome, should_derive
from simulator.results import SCORES, SUMMARY, RunLock, atomic_text, write_json_atomic
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
    options = options or ImportOptions()
    counts: Counter[str] = Counter()
    unsupported: Counter[str] = Counter()
    for row in rows:
        counts["locale_missing"] += row.locale is None
        counts["industry_missing"] += row.industry is None
        counts["locale_defaulted"] += "locale" in row.defaulted
        counts["industry_defaulted"] += "industry" in row.defaulted
        if row.locale is not None and row.locale not in LOCALES:
            unsupported[row.locale] += 1
    return {
        "locale": options.locale,
        "industry": options.industry,
        "missing_locale_scored_as": DEFAULT_LOCALE,
        "locale_missing": counts["locale_missing"],
        "industry_missing": counts["industry_missing"],
        "locale_defaulted": counts["locale_defaulted"],
        "industry_defaulted": counts["industry_defaulted"],
        "unsupported_locale": sum(unsupported.values()),
        "unsupported_locales": dict(sorted(unsupported.items())),
    }


def imported_summary(rows: list[ScoreRow], options: ImportOptions | None = None) -> dict[str, Any]:
    """The summary entries about the input itself: its gaps and how many outcomes were derived."""
    return {
        "defaults": input_gaps(rows, options),
        "trust_outcome": (options or ImportOptions()).trust_outcome,
        "outcomes_derived": sum(row.outcome_derived for row in rows),
    }


def with_import_defaults(records: Iterable[Record], options: ImportOptions) -> Iterator[Record]:
    """Records with :func:`with_defaults` applied to every readable transcript."""
    for where, transcript, error in records:
        yield where, with_defaults(transcript, options) if transcript is not None else None, error


@dataclass
class ScoredFile:
    """What scoring a transcripts file produced."""

    rows: list[ScoreRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """``file:line: reason`` for every line that could not be read as a transcript."""
    options: ImportOptions = field(default_factory=ImportOptions)

    def summary(self) -> dict[str, Any]:
        """Per-agent aggregates (agent ``(none)`` for transcripts without an agent_id), and what
        the input lacked (:func:`imported_summary`)."""
        by_agent: dict[str, list[ScoreRow]] = defaultdict(list)
        for row in self.rows:
            by_agent[row.agent_id or "(none)"].append(row)
        return {
            "conversations": len(self.rows),
            "unreadable_lines": len(self.unreadable),
            **imported_summary(self.rows, self.options),
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
    result = ScoredFile(options=options)
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
                result.rows.append(row)
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
