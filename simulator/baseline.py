"""Real human transcripts as the baseline.

``salesim baseline import`` turns a team's own human-handled chats (JSONL, CSV, Parquet or a
``datasets`` dataset on disk) into a baseline directory: the transcripts normalised to the
interchange format, scored, with a summary and a manifest. ``salesim run --baseline DIR``
compares candidates against it instead of the simulated human. The baseline is re-scored with
the run's SLA and rubrics, so both sides are always measured by the same code and settings.
Real chats are not the run's persona instances, so comparisons with them are unpaired; chats
exported from a salesim run keep their pair keys and pair up again.

``--locale``/``--industry`` defaults are written into the stored transcripts (marked in
``meta.defaulted``), so the run that loads the baseline scores the same languages and rules;
outcomes are derived again at every scoring, since one rule depends on the run's SLA.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.interchange import read_transcripts
from simulator.metrics import ScoreRow, summarize_agent
from simulator.models import Transcript
from simulator.results import (
    MANIFEST,
    SCORES,
    SUMMARY,
    TRANSCRIPTS,
    private_name,
    write_json_atomic,
)
from simulator.rubrics import RubricSet
from simulator.scoring import (
    ImportOptions,
    check_import_options,
    imported_summary,
    score_imported,
    with_defaults,
)
from simulator.specs import SpecError

IMPORTED_PREFIX = "imported:"


@dataclass
class ImportedBaseline:
    """A baseline read from disk, scored with a run's settings."""

    name: str
    source: str
    rows: list[ScoreRow] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def agent_id(self) -> str:
        """The id the baseline has in summaries and scorecards."""
        return f"{IMPORTED_PREFIX}{self.name}"


def _human(transcript: Transcript) -> Transcript:
    # Humans truthfully say they are human: rules such as denies_ai do not apply to them.
    transcript.meta = {**transcript.meta, "agent_is_human": True}
    return transcript


def _transcripts_of(path: Path) -> Path:
    return path / TRANSCRIPTS if path.is_dir() and (path / TRANSCRIPTS).is_file() else path


def iter_human_transcripts(
    source: Path,
    mapping: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    default_tz: str | None = None,
) -> Iterator[tuple[str, Transcript | None, str | None]]:
    """Transcripts of a source, marked as human-handled; errors passed through with their place."""
    for where, transcript, error in read_transcripts(
        _transcripts_of(source), mapping=mapping, roles=roles, default_tz=default_tz
    ):
        yield where, _human(transcript) if transcript is not None else None, error


def load_baseline(path: Path, sla_s: float, rubrics: RubricSet | None) -> ImportedBaseline:
    """Read and score a baseline directory (or a transcripts file) for a run."""
    if not path.exists():
        raise SpecError(f"--baseline {path}: no such file or directory")
    name = path.name if path.is_dir() else path.stem
    baseline = ImportedBaseline(name=name, source=str(path))
    options = ImportOptions(trust_outcome=_manifest(path).get("trust_outcome", False))
    for where, transcript, error in iter_human_transcripts(path):
        if transcript is None:
            baseline.unreadable.append(f"{where}: {error}")
            continue
        row = score_imported(transcript, sla_s, rubrics, options=options)
        baseline.rows.append(row.model_copy(update={"agent_id": baseline.agent_id}))
    if not baseline.rows:
        raise SpecError(f"--baseline {path}: no readable conversations")
    return baseline


def baseline_warnings(
    baseline: ImportedBaseline, cells: Sequence[tuple[str, str, str | None]], per_cell: int
) -> list[dict[str, Any]]:
    """What makes an imported baseline a poor yardstick for this suite, as summary.json says it.

    ``cells`` are the suite's (persona, locale, industry) and ``per_cell`` its conversations per
    agent in each. Two things are checked. A baseline with fewer conversations than one cell
    gives a rate so uncertain that any candidate looks "not different" from it. A baseline that
    shares no persona with the suite measures other customers (a baseline exported from another
    suite's run); real chats carry no persona, so for them the industries are compared instead
    (dental chats as the baseline of a legal suite). Each warning has a ``kind``, its figures
    (the report translates from those) and an English ``message`` for the terminal.
    """
    warnings: list[dict[str, Any]] = []
    n = len(baseline.rows)
    if cells and n < per_cell:
        warnings.append(
            {
                "kind": "small",
                "name": baseline.name,
                "n": n,
                "cell": per_cell,
                "message": f"baseline {baseline.name} has {n} conversations, fewer than the "
                f"smallest persona cell of the suite ({per_cell} per persona and locale): its "
                "rates are too uncertain for a comparison to show a difference",
            }
        )
    suite_personas = sorted({persona for persona, _, _ in cells})
    own_personas = sorted({row.persona_id for row in baseline.rows if row.persona_id})
    if own_personas and not set(own_personas) & set(suite_personas):
        warnings.append(
            {
                "kind": "no_persona",
                "name": baseline.name,
                "baseline": own_personas,
                "suite": suite_personas,
                "message": f"baseline {baseline.name} shares no persona with the suite (baseline: "
                f"{', '.join(own_personas)}; suite: {', '.join(suite_personas)}): it measures "
                "other customers",
            }
        )
    suite_industries = sorted({industry for _, _, industry in cells if industry})
    own_industries = sorted({row.industry for row in baseline.rows if row.industry})
    if (
        not own_personas
        and own_industries
        and suite_industries
        and not set(own_industries) & set(suite_industries)
    ):
        warnings.append(
            {
                "kind": "no_industry",
                "name": baseline.name,
                "baseline": own_industries,
                "suite": suite_industries,
                "message": f"baseline {baseline.name} has no persona in common with the suite and "
                f"none of its industries either (baseline: {', '.join(own_industries)}; suite: "
                f"{', '.join(suite_industries)}): it measures other customers",
            }
        )
    return warnings


def _manifest(path: Path) -> dict[str, Any]:
    """A baseline directory's manifest ({} for a bare transcripts file or an unreadable one)."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def import_baseline(
    source: Path,
    out: Path,
    *,
    sla_s: float,
    rubrics: RubricSet | None,
    mapping: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    default_tz: str | None = None,
    options: ImportOptions | None = None,
) -> dict[str, Any]:
    """Write a baseline directory from ``source``; returns its summary.

    ``options`` fill in locale and industry and say which outcomes to derive, as for
    ``salesim score``. Files are written under a temporary name and renamed at the end, so a
    failed import leaves no half-written baseline behind.
    """
    options = options or ImportOptions()
    check_import_options(options, rubrics)
    if out.exists():
        raise SpecError(f"--out {out}: already exists; choose another --name or remove it")
    out.parent.mkdir(parents=True, exist_ok=True)
    # a staging directory of its own: two imports of one name must not write into each other
    tmp = private_name(out, "importing")
    tmp.mkdir()
    rows: list[ScoreRow] = []
    unreadable: list[str] = []
    try:
        with (
            (tmp / TRANSCRIPTS).open("w", encoding="utf-8") as transcripts,
            (tmp / SCORES).open("w", encoding="utf-8") as scores,
        ):
            for where, transcript, error in iter_human_transcripts(
                source, mapping, roles, default_tz
            ):
                if transcript is None:
                    unreadable.append(f"{where}: {error}")
                    continue
                transcript = with_defaults(transcript, options)
                row = score_imported(transcript, sla_s, rubrics, options=options)
                rows.append(row)
                transcripts.write(transcript.model_dump_json() + "\n")
                scores.write(row.model_dump_json() + "\n")
        if not rows:
            raise SpecError(f"{source}: no readable conversations ({len(unreadable)} unreadable)")
        summary = {
            "baseline": out.name,
            "source": str(source),
            "conversations": len(rows),
            "unreadable_lines": len(unreadable),
            "unreadable": unreadable[:100],
            "sla_s": sla_s,
            "skipped_rules": rubrics.skipped if rubrics else [],
            **imported_summary(rows, options),
            "agents": {f"{IMPORTED_PREFIX}{out.name}": summarize_agent(rows)},
        }
        write_json_atomic(tmp / SUMMARY, summary)
        write_json_atomic(
            tmp / MANIFEST,
            {
                "kind": "baseline",
                "name": out.name,
                "source": str(source),
                "mapping": mapping or {},
                "roles": roles or {},
                "default_tz": default_tz,
                "locale": options.locale,
                "industry": options.industry,
                "trust_outcome": options.trust_outcome,
                "imported_at": datetime.now(UTC).isoformat(),
                "status": "complete",
            },
        )
        try:
            tmp.rename(out)
        except OSError:
            if out.exists():  # another import of the same name finished first
                raise SpecError(f"--out {out}: already exists (written meanwhile)") from None
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary
