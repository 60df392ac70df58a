"""Exporting a run for pandas (Parquet, CSV) or as a datasets dataset."""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from simulator.interchange._read import (
    FORMULA_STARTS,
    JSON_OBJECT_FIELDS,
    MESSAGE_EXPORT_COLUMNS,
    read_transcripts,
)
from simulator.metrics import ScoreRow
from simulator.models import Transcript
from simulator.results import SCORES, TRANSCRIPTS, read_jsonl
from simulator.specs import SpecError

if TYPE_CHECKING:
    import pyarrow as pa

ExportFormat = Literal["parquet", "csv", "hf"]

# --- export ------------------------------------------------------------------------------------


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _has_empty_struct(kind: pa.DataType) -> bool:
    import pyarrow as pa

    if pa.types.is_struct(kind):
        return kind.num_fields == 0 or any(
            _has_empty_struct(kind.field(i).type) for i in range(kind.num_fields)
        )
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return _has_empty_struct(kind.value_type)
    return False


def _arrow_ready(values: list[Any]) -> list[Any]:
    """A column's values as they are when Arrow can type them, else as JSON text.

    Arrow needs one type per column: values that mix types (a rubric score that is a number in one
    row and a string in another) or objects without keys (Parquet cannot store an empty struct)
    would make the whole export fail, so such a column is written as JSON text instead.
    """
    import pyarrow as pa

    try:
        kind = pa.array(values).type
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return [_json_text(value) for value in values]
    return [_json_text(value) for value in values] if _has_empty_struct(kind) else values


def _columns(rows: list[dict[str, Any]], default: Iterable[str]) -> list[str]:
    """Every key of every row, in order of first appearance (rows may differ in their keys)."""
    names = dict.fromkeys(name for row in rows for name in row)
    return list(names) or list(default)


def _message_rows(transcripts: list[Transcript]) -> list[dict[str, Any]]:
    return [
        {
            "conversation_id": t.conversation_id,
            "turn": turn,
            "role": message.role,
            "text": message.text,
            "ts": message.ts.isoformat(),
            "persona_id": t.persona_id,
            "agent_id": t.agent_id,
            "industry": t.industry,
            "locale": t.locale,
            "meta": _json_text(message.meta),
        }
        for t in transcripts
        for turn, message in enumerate(t.messages)
    ]


def _hf_transcript(transcript: Transcript) -> dict[str, Any]:
    """A transcript as one dataset row: open-keyed objects (lead, truth, meta) as JSON text,
    since Arrow would give every row the union of all rows' keys filled with nulls."""
    row = transcript.model_dump(mode="json")
    row["messages"] = [
        {
            "role": message["role"],
            "text": message["text"],
            "ts": message["ts"],
            "meta": _json_text(message["meta"]),
        }
        for message in row["messages"]
    ]
    for name in JSON_OBJECT_FIELDS:
        row[name] = _json_text(row[name])
    return row


def _csv_cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        # a spreadsheet would run "=HYPERLINK(...)" from a customer's message: quote it as text
        return "'" + value
    return "" if value is None else value


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(name)) for name in columns])


def _write_parquet(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({name: _arrow_ready([row.get(name) for row in rows]) for name in columns})
    pq.write_table(table, path)


def _write_dataset(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    import datasets

    values = {name: _arrow_ready([row.get(name) for row in rows]) for name in columns}
    rows = [{name: values[name][i] for name in columns} for i in range(len(rows))]
    if rows:
        dataset = datasets.Dataset.from_list(rows)
    else:
        dataset = datasets.Dataset.from_dict({name: [] for name in columns})
    dataset.save_to_disk(str(path))


def _load_run(
    run_dir: Path, unreadable: list[str] | None
) -> tuple[list[Transcript], list[dict[str, Any]]]:
    """The run's transcripts and score rows.

    An unreadable line is added to ``unreadable`` as ``file:line: reason`` and skipped, so one
    hostile line costs that line; without a list to report it in, it stops the export (it would
    be silently missing from the tables otherwise).
    """
    transcripts_path, scores_path = run_dir / TRANSCRIPTS, run_dir / SCORES
    for path in (transcripts_path, scores_path):
        if not path.is_file():
            raise SpecError(f"{run_dir}: not a run directory (no {path.name})")

    def bad(line: str) -> None:
        if unreadable is None:
            raise SpecError(line)
        unreadable.append(line)

    transcripts = []
    for where, transcript, error in read_transcripts(transcripts_path):
        if transcript is None:
            bad(f"{where}: {error}")
        else:
            transcripts.append(transcript)
    scores = []
    for number, row, error in read_jsonl(scores_path):
        if row is None:
            bad(f"{scores_path}:{number}: {error}")
        else:
            scores.append(row)
    return transcripts, scores


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Move every staged file or directory into place (directories are swapped, not merged)."""
    for tmp, final in staged:
        if final.is_dir():
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            os.replace(final, old)
            os.replace(tmp, final)
            shutil.rmtree(old)
        else:
            os.replace(tmp, final)


def export_run(
    run_dir: Path, fmt: ExportFormat, out: Path, unreadable: list[str] | None = None
) -> list[Path]:
    """Write a run's results for pandas (``parquet``/``csv``) or ``datasets`` (``hf``).

    parquet/csv: ``scores.*`` (one row per conversation, the scores.jsonl fields) and
    ``messages.*`` (one row per message, :data:`MESSAGE_EXPORT_COLUMNS`); CSV holds lists and
    objects as JSON text, Parquet natively where Arrow can type them. hf: ``transcripts/`` (one
    row per conversation; messages a list of dicts, ts ISO 8601, lead/truth/meta JSON text) and
    ``scores/``, both for ``datasets.load_from_disk``. ``messages.*`` and ``transcripts/`` can be
    read back with :func:`read_transcripts`.

    ``unreadable``: where to report lines that cannot be read (``file:line: reason``); they
    are skipped. Without it the first such line raises :class:`SpecError`.

    Everything is written under temporary names first and renamed into place only when all of it
    has been written, so a failure leaves the previous export (or nothing), never half a file.
    """
    if fmt not in ("parquet", "csv", "hf"):
        raise SpecError(f"export format {fmt!r}: expected parquet, csv or hf")
    transcripts, scores = _load_run(Path(run_dir), unreadable)
    if unreadable and not transcripts and not scores:
        raise SpecError(f"{run_dir}: no readable lines ({len(unreadable)} unreadable)")
    score_columns = _columns(scores, ScoreRow.model_fields)
    if fmt == "hf":
        hf_rows = [_hf_transcript(t) for t in transcripts]
        jobs = [
            ("transcripts", _write_dataset, _columns(hf_rows, Transcript.model_fields), hf_rows),
            ("scores", _write_dataset, score_columns, scores),
        ]
    else:
        writer = _write_parquet if fmt == "parquet" else _write_csv
        jobs = [
            (f"scores.{fmt}", writer, score_columns, scores),
            (f"messages.{fmt}", writer, list(MESSAGE_EXPORT_COLUMNS), _message_rows(transcripts)),
        ]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, write, columns, rows in jobs:
            tmp = out / f".{name}.tmp-{os.getpid()}"
            staged.append((tmp, out / name))
            write(tmp, columns, rows)
        _commit(staged)
    finally:
        for tmp, _ in staged:
            if tmp.is_dir():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink(missing_ok=True)
    return [final for _, final in staged]
