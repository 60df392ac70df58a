"""Reading transcripts: JSONL, CSV, Parquet and datasets on disk, with column mapping."""

from __future__ import annotations

import csv
import hashlib
import itertools
import math
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import TypeAdapter, ValidationError

from simulator.jsonsafe import JSONLineError, check_value, loads_line, parse_json
from simulator.models import Message, Transcript
from simulator.specs import SpecError

if TYPE_CHECKING:
    pass

Record = tuple[str, Transcript | None, str | None]
"""``(where, transcript, error)``: exactly one of transcript and error is set."""

Row = tuple[int, dict[str, Any] | None, str | None]
"""``(row_number, cells, error)`` from a table reader: cells, or the error of a broken row."""


JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".ndjson"})
DATASET_MARKERS = ("dataset_info.json", "state.json", "dataset_dict.json")
ROLES = ("customer", "agent", "system")
REQUIRED_MESSAGE_COLUMNS = ("conversation_id", "role", "text", "ts")
"""Columns a one-row-per-message table must have (after mapping)."""
MESSAGE_KEYS = frozenset({"conversation_id", "turn", "role", "text", "ts", "meta"})
"""Per-message columns of a one-row-per-message table; ``turn`` is ours (export) and ignored."""
CONVERSATION_KEYS = frozenset(Transcript.model_fields) - {"conversation_id", "messages", "meta"}
"""Per-conversation columns of a one-row-per-message table (from the first row that has one)."""
JSON_OBJECT_FIELDS = ("lead", "truth", "meta")
"""Object fields that a table may hold as JSON strings (CSV cannot hold anything else)."""
PREFIXED_OBJECTS = ("lead", "truth")
"""``lead_phone``/``truth_qualified`` columns are folded into the ``lead``/``truth`` objects."""
KNOWN_FIELDS = frozenset(Transcript.model_fields) | frozenset(Message.model_fields) | {"turn"}
MESSAGE_EXPORT_COLUMNS = (
    "conversation_id",
    "turn",
    "role",
    "text",
    "ts",
    "persona_id",
    "agent_id",
    "industry",
    "locale",
    "meta",
)
"""Columns of messages.parquet/messages.csv. ``turn`` is the 0-based message index (the same
index violations use); ``ts`` is ISO 8601 with the customer's own offset; ``meta`` is JSON."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts that make a spreadsheet read a cell as a formula. CSV exports write such cells
with a leading ``'`` (the spreadsheet convention for "text"); CSV imports remove it again, so
an export reads back as it was."""
BATCH_ROWS = 1024
BOM = b"\xef\xbb\xbf"

_DATETIME: TypeAdapter[datetime] = TypeAdapter(datetime)


MISSING_TS = datetime(1970, 1, 1, tzinfo=UTC)
"""Placeholder of a timestamp the source did not have (only with ``missing_ts``)."""


class RecordError(ValueError):
    """One record cannot be used; ``str()`` is one short line naming the field and the problem."""


def validation_message(exc: ValidationError) -> str:
    """The first pydantic error as ``field: problem`` (the wording salesim uses everywhere)."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    message = "required field is missing" if error["type"] == "missing" else error["msg"]
    return f"{where}: {message}"


def _missing(value: Any) -> bool:
    """Empty cell: None, an empty CSV cell or a NaN that pandas wrote for a missing value."""
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _zone(name: str | None) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SpecError(f"default time zone: unknown time zone {name!r}") from None


_NUMERIC = re.compile(r"\d+(?:\.\d+)?")
COMPACT_FORMATS = {14: "%Y%m%d%H%M%S", 12: "%Y%m%d%H%M"}
"""Digit-only local timestamps by length (``20261124100000``): a clock reading, not Unix time."""
EPOCH_UNITS = ((1e11, 1.0), (1e14, 1e3), (1e17, 1e6), (1e20, 1e9))
"""(below this, divide by that): Unix time in seconds, milliseconds, microseconds, nanoseconds."""
EPOCH_YEARS = (1990, 2100)
"""Unix times outside these years are taken for a misread, not for a chat."""


def numeric_timestamp(value: int | float | str, tz: tzinfo | None) -> datetime:
    """A timestamp written as a number: compact local time or Unix time, in ``tz``.

    ``yyyymmddHHMMSS`` (and ``yyyymmddHHMM``) is a local clock reading, placed in ``tz``. Any
    other number is Unix time, its unit told by its size; it names an instant, but the hour of
    day is the customer's, so it too needs ``tz`` and is shown in it. Without ``tz`` both are
    an error, like any timestamp without a zone; an implausible number is one as well.
    """
    text = str(value).strip()
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"unparseable timestamp {value!r}")
    compact = COMPACT_FORMATS.get(len(text)) if text.isdigit() else None
    if tz is None:
        raise ValueError(f"timestamp has no time zone ({text})")
    if compact is not None:
        try:
            return datetime.strptime(text, compact).replace(tzinfo=tz)
        except ValueError:
            raise ValueError(f"unparseable timestamp {text!r}") from None
    number = float(value)
    scale = next((unit for limit, unit in EPOCH_UNITS if abs(number) < limit), None)
    try:
        if scale is None:
            raise OverflowError
        parsed = datetime.fromtimestamp(number / scale, UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"unparseable timestamp {text!r}") from None
    if not EPOCH_YEARS[0] <= parsed.year <= EPOCH_YEARS[1]:
        raise ValueError(
            f"numeric timestamp {text} read as Unix time is {parsed:%Y-%m-%d}, not a plausible "
            "chat date; write ISO 8601"
        )
    return parsed.astimezone(tz)


MAX_MESSAGE_CHARS = 20_000
"""Imported messages are cut here, as the engine cuts a simulated reply (``MAX_REPLY_CHARS``):
scoring reads every clause of every message, so one gigabyte of text must not cost minutes and
gigabytes. A cut message records ``meta.truncated``."""


def _capped_batch(batch: Any) -> Any:
    """An Arrow record batch whose string cells are cut to MAX_MESSAGE_CHARS before any of them
    becomes a Python string (a 3 KB compressed Parquet file can hold a gigabyte of text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            lengths = pc.utf8_length(column)
            longest = pc.max(lengths).as_py()
            if longest is not None and longest > MAX_MESSAGE_CHARS:
                # one character past the cap: message() sees the text is too long and says so
                column = pc.utf8_slice_codeunits(column, 0, MAX_MESSAGE_CHARS + 1)
        columns.append(column)
    # a record batch from Parquet, a table from datasets: each rebuilds its own kind
    return type(batch).from_arrays(columns, names=batch.schema.names)


def _unique(records: Iterator[Record]) -> Iterator[Record]:
    """Records with a second occurrence of a conversation reported instead of read again.

    Two records of one conversation (same id, same agent) would count it twice in every rate.
    """
    # Memory stays small at a million conversations: a 64-bit digest of (agent, id) per record,
    # and where it was as a line number (the file is the same for every record of one read).
    seen: dict[int, int | str] = {}
    for where, transcript, error in records:
        if transcript is not None:
            key = f"{transcript.agent_id}\0{transcript.conversation_id}".encode()
            digest = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")
            source, _, place = where.rpartition(":")
            here: int | str = int(place) if place.isdigit() else place
            first = seen.setdefault(digest, here)
            if first != here:
                cid = transcript.conversation_id
                yield where, None, f"duplicate conversation_id {cid!r} (first at {source}:{first})"
                continue
        yield where, transcript, error


def _unquote_formula(cell: str) -> str:
    """A CSV cell without the ``'`` an export put before a formula-like start."""
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(FORMULA_STARTS) else cell


def _utf8(text: str) -> bool:
    """Whether ``text`` is valid Unicode (no lone surrogates from undecodable bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(exc: BaseException) -> str:
    """First line of an exception message, for one-line SpecErrors from library exceptions."""
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


class _Reader:
    """Reads one file: mapping, role labels and time zone applied the same way to every format."""

    def __init__(
        self,
        path: Path,
        mapping: Mapping[str, str] | None,
        roles: Mapping[str, str] | None,
        default_tz: str | None,
        missing_ts: bool = False,
    ) -> None:
        self.path = path
        self.missing_ts = missing_ts
        self.mapping = dict(mapping or {})
        self.roles = {str(key).strip(): value for key, value in (roles or {}).items()}
        self.tz = _zone(default_tz)
        self.source = {src: ours for ours, src in self.mapping.items()}
        self.from_csv = False
        for ours in self.mapping:
            if ours not in KNOWN_FIELDS and not ours.startswith(("lead_", "truth_")):
                raise SpecError(f"mapping: unknown field {ours!r}")
        if len(self.source) != len(self.mapping):
            raise SpecError("mapping: two fields map to the same column")
        for label, role in self.roles.items():
            if role not in ROLES:
                raise SpecError(f"roles: {label!r} maps to unknown role {role!r}")

    # --- values -------------------------------------------------------------------------------

    def rename(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Source names -> ours. A source column named like one of our fields that the mapping
        takes from another column is dropped, so it cannot shadow the mapped one."""
        out: dict[str, Any] = {}
        for key, value in record.items():
            if key in self.source:
                out[self.source[key]] = value
            elif key not in self.mapping:
                out[key] = value
        return out

    def timestamp(self, value: Any, field: str) -> datetime:
        """An aware datetime; naive ones get ``default_tz`` or are an error (never guessed).

        Numbers are read by :func:`numeric_timestamp`, not by pydantic, which takes any number
        for Unix time (milliseconds above 2e10): ``20261124100000`` became a moment in 2612 and
        a three-hour reply scored 30 seconds.
        """
        if _missing(value):
            raise RecordError(f"{field}: required field is missing")
        if hasattr(value, "to_pydatetime"):  # a pandas Timestamp from a pandas-written file
            value = value.to_pydatetime()
        if isinstance(value, bool):
            raise RecordError(f"{field}: unparseable timestamp {value!r}")
        number = _NUMERIC.fullmatch(value.strip()) if isinstance(value, str) else None
        if isinstance(value, int | float) or number:
            try:
                return numeric_timestamp(value, self.tz)
            except ValueError as exc:
                raise RecordError(f"{field}: {exc}") from None
        try:
            parsed = _DATETIME.validate_python(value.strip() if isinstance(value, str) else value)
        except ValidationError:
            raise RecordError(f"{field}: unparseable timestamp {value!r}") from None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            if self.tz is None:
                raise RecordError(f"{field}: timestamp has no time zone ({value!s})")
            parsed = parsed.replace(tzinfo=self.tz)
        return parsed

    def json_object(self, value: Any, field: str) -> dict[str, Any] | None:
        """A table cell that holds an object: a JSON string (CSV) or a struct (Parquet, datasets).

        None values are dropped: Arrow gives every struct the union of all rows' keys, and a
        ``qualified: None`` that was never in the source must not read as "not qualified".
        """
        if _missing(value):
            return None
        if isinstance(value, str):
            try:
                value = loads_line(value)
            except JSONLineError as exc:
                raise RecordError(f"{field}: {exc}") from None
            if value is None:  # "null": what json.dumps(None) wrote for a missing object
                return None
        if not isinstance(value, Mapping):
            raise RecordError(f"{field}: expected an object, got {type(value).__name__}")
        return {key: item for key, item in value.items() if item is not None}

    def cell(self, value: Any) -> Any:
        """A CSV cell in a lead_/truth_ column: 'true'/'false' are booleans (pandas writes
        'True'), everything else stays text so phone numbers keep their leading zeros."""
        if self.from_csv and isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return value

    def message(self, raw: Mapping[str, Any], prefix: str, table: bool) -> dict[str, Any]:
        """One message with its role mapped and its timestamp aware; ``prefix`` locates errors."""
        role = raw.get("role")
        if _missing(role):
            raise RecordError(f"{prefix}role: required field is missing")
        label = role.strip() if isinstance(role, str) else str(role)
        ours = self.roles.get(label, label)
        if ours not in ROLES:
            raise RecordError(f"{prefix}role: unknown role {role!r}")
        text = raw.get("text")
        if _missing(text) and table:
            text = ""  # a table cannot tell an empty message (a sticker, an image) from a null
        if text is None:
            raise RecordError(f"{prefix}text: required field is missing")
        if not isinstance(text, str):
            raise RecordError(f"{prefix}text: expected text, got {type(text).__name__}")
        untimed = self.missing_ts and _missing(raw.get("ts"))
        message: dict[str, Any] = {
            "role": ours,
            "text": text[:MAX_MESSAGE_CHARS],
            "ts": MISSING_TS if untimed else self.timestamp(raw.get("ts"), f"{prefix}ts"),
        }
        meta = raw.get("meta")
        if table:
            meta = self.json_object(meta, f"{prefix}meta")
        if untimed:
            meta = {**(meta or {}), "ts_missing": True}
        if len(text) > MAX_MESSAGE_CHARS:
            meta = {**(meta or {}), "truncated": True}
        if meta is not None:
            message["meta"] = meta
        return message

    def fold(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """Conversation-level table cells -> transcript fields: empty cells dropped, JSON cells
        parsed, ``lead_*``/``truth_*`` columns folded into the ``lead``/``truth`` objects."""
        out: dict[str, Any] = {}
        prefixed: dict[str, dict[str, Any]] = {name: {} for name in PREFIXED_OBJECTS}
        for key, value in record.items():
            if _missing(value):
                continue
            name, _, sub = key.partition("_")
            if name in PREFIXED_OBJECTS and sub:
                prefixed[name][sub] = self.cell(value)
            elif key in JSON_OBJECT_FIELDS:
                out[key] = self.json_object(value, key)
            else:
                out[key] = value
        for name, values in prefixed.items():
            if values:
                out[name] = {**(out.get(name) or {}), **values}
        return out

    def finish(self, record: dict[str, Any]) -> Transcript:
        """Common last steps: id as text, ``started_at`` aware, messages in time order, pydantic
        validation.

        Messages are put in time order (ties keep their order), as for message rows: a reply
        stamped a day before its question would otherwise score a reply time of -86,400 s, well
        within any SLA. A transcript that needed it says so in ``meta.reordered_by_time``.
        """
        cid = record.get("conversation_id")
        if _missing(cid):
            raise RecordError("conversation_id: required field is missing")
        if isinstance(cid, int) and not isinstance(cid, bool):
            record["conversation_id"] = str(cid)
        if record.get("started_at") is not None:
            record["started_at"] = self.timestamp(record["started_at"], "started_at")
        messages = record.get("messages") or []
        untimed = any((m.get("meta") or {}).get("ts_missing") for m in messages)
        if not untimed and any(
            later["ts"] < earlier["ts"] for earlier, later in itertools.pairwise(messages)
        ):
            record["messages"] = sorted(messages, key=lambda message: message["ts"])
            meta = record.get("meta")
            record["meta"] = {**(meta if isinstance(meta, dict) else {}), "reordered_by_time": True}
        try:
            return Transcript.model_validate(record)
        except ValidationError as exc:
            raise RecordError(validation_message(exc)) from None

    def transcript(self, raw: Mapping[str, Any], table: bool) -> Transcript:
        """One conversation given whole: a JSONL line or a table row with a messages column."""
        record = self.rename(raw)
        if table:
            record = self.fold(record)
        if _missing(record.get("conversation_id")):
            raise RecordError("conversation_id: required field is missing")
        if "messages" not in record:
            raise RecordError("messages: required field is missing")
        messages = record["messages"]
        if table and isinstance(messages, str):
            try:
                messages = loads_line(messages)
            except JSONLineError as exc:
                raise RecordError(f"messages: {exc}") from None
        if not isinstance(messages, list):
            raise RecordError(f"messages: expected a list, got {type(messages).__name__}")
        parsed = []
        for i, message in enumerate(messages):
            if not isinstance(message, Mapping):
                raise RecordError(f"messages.{i}: expected an object")
            parsed.append(self.message(self.rename(message), f"messages.{i}.", table))
        record["messages"] = parsed
        return self.finish(record)

    def conversation(self, cid: str, rows: list[tuple[int, dict[str, Any]]]) -> Transcript:
        """One conversation from its message rows, sorted by ts (ties keep file order).

        Conversation fields come from the first row that has them. Columns salesim does not know
        are per-row data and are kept in that message's ``meta``.
        """
        fields: dict[str, Any] = {}
        messages: list[dict[str, Any]] = []
        for number, row in rows:
            extra: dict[str, Any] = {}
            for key, value in row.items():
                if key in MESSAGE_KEYS or _missing(value):
                    continue
                if key in CONVERSATION_KEYS or key.startswith(("lead_", "truth_")):
                    fields.setdefault(key, value)
                else:
                    extra[key] = value
            message = self.message(row, f"row {number}: ", table=True)
            if extra:
                message["meta"] = {**extra, **message.get("meta", {})}
            messages.append(message)
        if not any((m.get("meta") or {}).get("ts_missing") for m in messages):
            messages.sort(key=lambda message: message["ts"])  # rows of a table have no order
        return self.finish({"conversation_id": cid, **self.fold(fields), "messages": messages})

    # --- sources ------------------------------------------------------------------------------

    def records(self) -> Iterator[Record]:
        """Pick the reader by suffix/shape; raises SpecError now if the file cannot be read."""
        return _unique(self._records())

    def _records(self) -> Iterator[Record]:
        path = self.path
        if path.is_dir():
            if any((path / marker).exists() for marker in DATASET_MARKERS):
                return self.table(*self.open_dataset())
            raise SpecError(
                f"{path}: a directory, but not a saved datasets dataset (no dataset_info.json)"
            )
        if not path.exists():
            raise SpecError(f"{path}: no such file")
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            return self.jsonl()
        if suffix == ".csv":
            return self.table(*self.open_csv())
        if suffix == ".parquet":
            return self.table(*self.open_parquet())
        raise SpecError(
            f"{path}: unknown file type {suffix or '(no suffix)'!r}; expected .jsonl, .json, "
            ".csv, .parquet or a datasets directory"
        )

    def jsonl(self) -> Iterator[Record]:
        """JSON lines (1-based line numbers, like read_jsonl), or a JSON array in a .json file."""
        try:
            with self.path.open("rb") as handle:
                head = handle.read(4096).removeprefix(BOM).lstrip()
                # only a .json file may be one array; a .jsonl line starting with "[" is a
                # bad line to report, not a reason to read the whole file differently
                if head[:1] == b"[" and self.path.suffix.lower() == ".json":
                    handle.seek(0)
                    return self.json_array(handle.read().removeprefix(BOM))
        except OSError as exc:
            raise SpecError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        return self.json_lines()

    def json_lines(self) -> Iterator[Record]:
        # opened here, not by the caller: a reader that is never iterated leaves no open file.
        # Binary lines split on b"\n" only, so a bad byte spoils its own line and nothing else.
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if number == 1:
                    raw = raw.removeprefix(BOM)
                if not raw.strip():
                    continue
                where = f"{self.path}:{number}"
                try:
                    obj = loads_line(raw)
                except JSONLineError as exc:  # one hostile line is that line's error
                    yield where, None, str(exc)
                    continue
                if not isinstance(obj, dict):
                    yield where, None, "expected a JSON object"
                    continue
                yield self.attempt(where, self.transcript, obj, False)

    def json_array(self, data: bytes) -> Iterator[Record]:
        try:
            items = parse_json(data)
        except JSONLineError as exc:
            raise SpecError(f"{self.path}: invalid JSON array ({exc})") from None
        if not isinstance(items, list):
            raise SpecError(f"{self.path}: not a JSON array of transcripts")

        def records() -> Iterator[Record]:
            for number, item in enumerate(items, start=1):
                where = f"{self.path}:row {number}"
                if not isinstance(item, dict):
                    yield where, None, "expected a JSON object"
                    continue
                try:
                    check_value(item)
                except JSONLineError as exc:
                    yield where, None, str(exc)
                    continue
                yield self.attempt(where, self.transcript, item, False)

        return records()

    @staticmethod
    def attempt(where: str, build: Callable[..., Transcript], *args: Any) -> Record:
        """Build one transcript; a RecordError becomes that record's error."""
        try:
            return where, build(*args), None
        except RecordError as exc:
            return where, None, str(exc)

    def table(self, columns: list[str], rows: Iterator[Row]) -> Iterator[Record]:
        """Check the columns now (a whole-file problem), then read rows of either shape."""
        for ours, source in self.mapping.items():
            if source not in columns:
                raise SpecError(f"{self.path}: mapping: no column {source!r} (for {ours})")
        ours = {self.source.get(c, c) for c in columns if c in self.source or c not in self.mapping}
        rowwise = "messages" in ours
        required = ("conversation_id", "messages") if rowwise else REQUIRED_MESSAGE_COLUMNS
        absent = [repr(self.mapping.get(name, name)) for name in required if name not in ours]
        if absent:
            plural = "s" if len(absent) > 1 else ""
            raise SpecError(f"{self.path}: missing column{plural} {', '.join(absent)}")
        return self.rowwise(rows) if rowwise else self.grouped(rows)

    def rowwise(self, rows: Iterator[Row]) -> Iterator[Record]:
        for number, row, error in rows:
            where = f"{self.path}:row {number}"
            if row is None:
                yield where, None, error
                continue
            yield self.attempt(where, self.transcript, row, True)

    def grouped(self, rows: Iterator[Row]) -> Iterator[Record]:
        """Message rows grouped by conversation_id, conversations in order of first appearance.

        A row without a conversation_id is reported on its own; any other bad row spoils its
        conversation, reported once as ``file:conversation ID`` with the row number in the error.
        """
        groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for number, row, error in rows:
            where = f"{self.path}:row {number}"
            if row is None:
                yield where, None, error
                continue
            record = self.rename(row)
            cid = record.get("conversation_id")
            if _missing(cid):
                yield where, None, "conversation_id: required field is missing"
                continue
            groups.setdefault(str(cid), []).append((number, record))
        for cid, items in groups.items():
            where = f"{self.path}:conversation {cid}"
            yield self.attempt(where, self.conversation, cid, items)

    def open_csv(self) -> tuple[list[str], Iterator[Row]]:
        """The header now (a whole-file check); the rows when iterated (opened again then)."""
        # a messages column holding a whole conversation as JSON easily passes csv's 128 KiB
        # default cell limit; raising the (process-wide) limit only ever accepts more
        csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
        self.from_csv = True
        try:
            with self.path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                header = next(csv.reader(f), None)
            if header and not all(_utf8(name) for name in header):
                raise UnicodeError("the header is not UTF-8 text")
        except OSError as exc:
            raise SpecError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        except (UnicodeError, csv.Error) as exc:
            raise SpecError(f"{self.path}: cannot read the CSV header ({_short(exc)})") from None
        if not header:
            raise SpecError(f"{self.path}: empty CSV file (no header row)")
        duplicates = sorted({name for name in header if header.count(name) > 1})
        if duplicates:
            raise SpecError(f"{self.path}: duplicate column {duplicates[0]!r}")

        def rows() -> Iterator[Row]:
            number = 0
            # a byte that is not UTF-8 spoils its own row (kept as a lone surrogate by
            # surrogateescape, then reported), not the rest of the file
            with self.path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                reader = csv.reader(f)
                try:
                    next(reader)  # the header, checked above
                    for values in reader:
                        number += 1
                        if not values:
                            continue
                        if not all(value.isascii() or _utf8(value) for value in values):
                            yield number, None, "not UTF-8 text"
                            continue
                        if len(values) > len(header):
                            problem = f"{len(values)} fields, the header has {len(header)}"
                            yield number, None, problem
                            continue
                        cells = dict.fromkeys(header)  # a short row leaves the rest empty
                        cells.update(
                            (k, _unquote_formula(v) or None)
                            for k, v in zip(header, values, strict=False)
                        )
                        yield number, cells, None
                except (UnicodeDecodeError, csv.Error) as exc:
                    raise SpecError(f"{self.path}: row {number + 1}: {_short(exc)}") from None

        return header, rows()

    def open_parquet(self) -> tuple[list[str], Iterator[Row]]:
        """The schema now (an unreadable file is a whole-file error); rows in batches later."""
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise SpecError(f"{self.path}: reading Parquet needs pyarrow") from None
        try:
            columns = list(pq.read_schema(self.path).names)
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise SpecError(f"{self.path}: cannot read Parquet ({_short(exc)})") from None

        def rows() -> Iterator[Row]:
            number = 0
            try:
                with pq.ParquetFile(self.path) as parquet:
                    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
                        for row in _capped_batch(batch).to_pylist():
                            number += 1
                            yield number, row, None
            except (pa.ArrowException, OSError, ValueError) as exc:
                raise SpecError(f"{self.path}: row {number + 1}: {_short(exc)}") from None

        return columns, rows()

    def open_dataset(
        self,
    ) -> tuple[list[str], Iterator[Row]]:
        try:
            import datasets
        except ImportError:
            raise SpecError(f"{self.path}: reading a datasets directory needs datasets") from None
        try:
            dataset = datasets.load_from_disk(str(self.path))
        except Exception as exc:  # datasets raises many kinds; any of them means "unreadable"
            raise SpecError(f"{self.path}: cannot load the dataset ({_short(exc)})") from None
        if isinstance(dataset, datasets.DatasetDict):
            if len(dataset) != 1:
                raise SpecError(
                    f"{self.path}: a DatasetDict with splits {', '.join(dataset)}; "
                    "give the directory of one split"
                )
            dataset = next(iter(dataset.values()))
        # arrow batches respect select()/shuffle() indices and skip datasets' python formatting
        batches = dataset.with_format("arrow").iter(batch_size=BATCH_ROWS)

        def rows() -> Iterator[Row]:
            number = 0
            for batch in batches:
                for row in _capped_batch(batch).to_pylist():
                    number += 1
                    yield number, row, None

        return list(dataset.column_names), rows()


def read_transcripts(
    path: Path,
    mapping: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    default_tz: str | None = None,
    missing_ts: bool = False,
) -> Iterator[Record]:
    """Every record of a transcripts file as ``(where, transcript, error)``; none dropped.

    ``path`` is JSON lines (``.jsonl``/``.json``; a ``.json`` holding one JSON array works too),
    ``.csv``, ``.parquet`` or a ``datasets.save_to_disk`` directory. Tables hold one row per
    message (grouped by ``conversation_id``, sorted by ``ts``) or one row per conversation (a
    ``messages`` column: JSON text in CSV, a list of structs in Parquet). ``where`` is
    ``file:LINE`` for JSON lines, ``file:row N`` (1-based, header excluded) for table rows and
    ``file:conversation ID`` for conversations assembled from message rows.

    ``mapping`` maps our field names to the source's (``{"text": "content"}``), ``roles`` the
    source's role labels to ours (``{"客户": "customer"}``); ``default_tz`` (an IANA name) is given
    to timestamps without an offset, which are otherwise an error: reply times across a zone
    cannot be guessed. With ``missing_ts`` (persona fitting, which can use untimed chats for
    everything but timing) a message without ``ts`` gets :data:`MISSING_TS` and
    ``meta.ts_missing``, and its conversation keeps the order it was written in.

    Checks that concern the whole file (suffix, columns, an unreadable Parquet, a bad mapping)
    run before this returns and raise a one-line :class:`SpecError`.
    """
    return _Reader(Path(path), mapping, roles, default_tz, missing_ts).records()
