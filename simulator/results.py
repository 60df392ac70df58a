"""The run directory: manifest.json, transcripts.jsonl, scores.jsonl, summary.json.

Lines are appended and flushed as conversations finish, so a run's files are useful while it is
still going; JSON documents (manifest, summary) are replaced atomically (write, then rename), so a
reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import re
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any, ClassVar

from pydantic import BaseModel, ValidationError

from simulator.jsonsafe import JSONLineError, loads_line
from simulator.metrics import ScoreRow, SummaryRow
from simulator.models import SCHEMA_VERSION, Transcript
from simulator.specs import SpecError

MANIFEST = "manifest.json"
TRANSCRIPTS = "transcripts.jsonl"
SCORES = "scores.jsonl"
SUMMARY = "summary.json"
REPORT = "report.html"
"""The run's own HTML report (``salesim report`` names other views differently)."""


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` through a temporary file and a rename."""
    with atomic_text(path) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` whole, or not at all.

    Written under a temporary name of its own in the same directory (``.NAME.XXXX.tmp``), then
    renamed over ``path``; on any failure the temporary file is removed. The name is unique per
    writer: with one fixed ``NAME.tmp``, two processes writing the same file truncated each
    other's temporary file and one of them then renamed a file that was gone.
    """
    tmp = private_name(path, "tmp")
    try:
        # "x": created here, by this writer only, with the permissions the umask gives
        with tmp.open("x", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def private_name(path: Path, purpose: str) -> Path:
    """A hidden sibling of ``path`` no other writer will pick: ``.NAME.PURPOSE-PID-RANDOM``."""
    return path.with_name(f".{path.name}.{purpose}-{os.getpid()}-{secrets.token_hex(4)}")


def read_manifest(directory: Path) -> dict[str, Any]:
    """A run's manifest.json, checked for the shape resume relies on, or one-line SpecError.

    A run directory is a user's file like any other: hand-edited or damaged, it must fail with
    the file and the field, not with a TypeError deep inside resume.
    """
    path = directory / MANIFEST
    try:
        manifest = loads_line(path.read_bytes())
    except JSONLineError as exc:
        raise SpecError(f"{path}: {exc}") from None
    if not isinstance(manifest, dict):
        raise SpecError(f"{path}: expected a JSON object, got {type(manifest).__name__}")
    for name, kind in (("config", dict), ("fingerprint", dict), ("resumes", int)):
        value = manifest.get(name, kind())
        if not isinstance(value, kind) or isinstance(value, bool):
            raise SpecError(f"{path}: {name}: expected {kind.__name__}, got {type(value).__name__}")
    if not all(isinstance(v, str) for v in manifest.get("fingerprint", {}).values()):
        raise SpecError(f"{path}: fingerprint: expected file hashes as strings")
    return manifest


def package_versions() -> dict[str, str]:
    """Versions of salesim and the libraries that shape its results."""
    versions = {"python": platform.python_version()}
    for name in ("salesim", "pydantic", "faker", "rapidfuzz", "phonenumbers", "numpy"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def new_run_id(seed: int) -> str:
    """A readable, sortable run id: UTC time of the start plus the seed."""
    return f"{datetime.now(UTC):%Y%m%d-%H%M%S}-s{seed}"


def dump_line(model: BaseModel) -> str:
    """One JSONL line; the same model always gives the same bytes."""
    return model.model_dump_json(exclude_none=False) + "\n"


class RunWriter:
    """Writes one run directory as the run goes."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._transcripts: IO[str] | None = None
        self._scores: IO[str] | None = None

    def start(self, manifest: dict[str, Any]) -> None:
        """Create the directory and the manifest (status ``running``); files are opened here."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self.manifest = {"schema_version": SCHEMA_VERSION, **manifest, "status": "running"}
        write_json_atomic(self.directory / MANIFEST, self.manifest)
        self._transcripts = (self.directory / TRANSCRIPTS).open("a", encoding="utf-8")
        self._scores = (self.directory / SCORES).open("a", encoding="utf-8")

    def add(self, transcript: Transcript, score: ScoreRow) -> None:
        """Append one finished conversation and its score row, flushed."""
        self.add_lines(dump_line(transcript), dump_line(score))

    def add_lines(self, transcript_line: str, score_line: str) -> None:
        """Append one conversation already serialised (by a worker process), flushed."""
        assert self._transcripts is not None and self._scores is not None
        self._transcripts.write(transcript_line)
        self._scores.write(score_line)
        self._transcripts.flush()
        self._scores.flush()

    def resume(self) -> list[SummaryRow]:
        """Reopen an interrupted run: keep its complete conversations, drop the rest.

        Lines are written in plan order, transcript first, then its score row, so a run killed
        at any moment leaves a prefix of complete pairs followed by at most a torn line or an
        unscored transcript. Both files are cut back to the complete prefix (nothing is ever
        counted twice), and the kept score rows are returned for the summary.
        """
        self.manifest = read_manifest(self.directory)
        transcripts = _complete_lines(self.directory / TRANSCRIPTS)
        scores = _complete_lines(self.directory / SCORES)
        rows: list[ScoreRow] = []
        keep = 0
        for (_, t_obj), (_, s_obj) in zip(transcripts, scores, strict=False):
            if t_obj.get("conversation_id") != s_obj.get("conversation_id"):
                break
            try:
                row = ScoreRow.model_validate(s_obj)
            except ValidationError:
                break  # not a row this code wrote: redone from here, like a torn line
            rows.append(SummaryRow.of(row))
            keep += 1
        for path, lines in ((TRANSCRIPTS, transcripts), (SCORES, scores)):
            size = lines[keep - 1][0] if keep else 0
            with (self.directory / path).open("r+b") as handle:
                handle.truncate(size)
        self.manifest.update(status="running", resumed_at=datetime.now(UTC).isoformat())
        self.manifest["resumes"] = self.manifest.get("resumes", 0) + 1
        write_json_atomic(self.directory / MANIFEST, self.manifest)
        self._transcripts = (self.directory / TRANSCRIPTS).open("a", encoding="utf-8")
        self._scores = (self.directory / SCORES).open("a", encoding="utf-8")
        return rows

    def finish(self, summary: dict[str, Any], status: str = "complete", **extra: Any) -> None:
        """Write summary.json and mark the manifest with its final status."""
        self.close()
        write_json_atomic(self.directory / SUMMARY, summary)
        self.manifest.update(status=status, finished_at=datetime.now(UTC).isoformat(), **extra)
        write_json_atomic(self.directory / MANIFEST, self.manifest)

    def fail(self, status: str, reason: str) -> None:
        """Record that the run stopped early (interrupted or failed); the lines written stay."""
        self.close()
        self.manifest.update(
            status=status, reason=reason, finished_at=datetime.now(UTC).isoformat()
        )
        write_json_atomic(self.directory / MANIFEST, self.manifest)

    def close(self) -> None:
        """Close the JSONL files (idempotent)."""
        for handle in (self._transcripts, self._scores):
            if handle is not None and not handle.closed:
                handle.close()


def _complete_lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(end offset, object) of the leading complete, valid JSON lines, up to the first bad one."""
    out: list[tuple[int, dict[str, Any]]] = []
    if not path.exists():
        path.touch()
        return out
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # torn: the process died while writing this line
            try:
                obj = loads_line(raw)
            except JSONLineError:
                break
            if not isinstance(obj, dict):
                break
            offset += len(raw)
            out.append((offset, obj))
    return out


class RunLock:
    """An exclusive lock on a run directory, so two runs never write the same files.

    ``flock`` on ``.lock`` is released by the kernel when the holder dies, even by SIGKILL, so a
    killed run never leaves a stale lock behind; the file records who holds it for the message.
    ``what`` names the writers in that message (``run``; ``salesim score`` for a scored
    directory, which takes the same lock).
    """

    _held: ClassVar[set[IO[str]]] = set()
    """Lock files this process holds open (what a forked child inherits)."""

    def __init__(self, directory: Path, what: str = "run") -> None:
        self.path = directory / ".lock"
        self.what = what
        self._handle: IO[str] | None = None

    @classmethod
    def drop_inherited(cls) -> None:
        """In a forked child: close the copies of the parent's lock files, without unlocking.

        ``flock`` belongs to the open file, which a fork shares: a child holding a copy keeps
        the run locked after its parent is gone. Closing the copy leaves the parent's lock in
        place (``LOCK_UN`` here would release the parent's lock too, so it is never used).
        """
        for handle in list(cls._held):
            handle.close()
        cls._held.clear()

    def acquire(self) -> None:
        """Take the lock or raise :class:`SpecError` naming the holder."""
        import fcntl

        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise SpecError(
                f"{self.path.parent}: locked by {holder}; one {self.what} per directory"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(
            f"pid {os.getpid()} on {platform.node()} since {datetime.now(UTC).isoformat()}"
        )
        handle.flush()
        self._handle = handle
        RunLock._held.add(handle)

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._handle is not None:
            RunLock._held.discard(self._handle)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield ``(line_number, object, error)`` for every non-empty line; never drops a line.

    Lines are read as bytes and parsed by :func:`~simulator.jsonsafe.loads_line`, so a line that
    is not UTF-8, nests too deep, holds a lone surrogate or an endless number is that line's
    error and the next line is read as usual.
    """
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = loads_line(line)
            except JSONLineError as exc:
                yield number, None, str(exc)
                continue
            if not isinstance(obj, dict):
                yield number, None, "expected a JSON object"
                continue
            yield number, obj, None


# --- telling runs and their conversations apart in a shared report ------------------------------


def run_fingerprint(directory: Path) -> str:
    """What tells this run from another with the same id: a digest of its identity.

    CI jobs reuse ids (``--run-id candidate`` for every pull request), so a run id does not say
    which run a reviewer annotated. The manifest's creation time and config do: they are written
    when the run starts and kept by every resume, so the fingerprint is the same for every
    rendering of the run, finished or not, and differs for a new run with the same id and even
    the same conversations. A directory whose manifest has no creation time (``salesim score``
    output) is known by its scores instead.
    """
    digest = hashlib.sha256()
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        manifest = None
    if isinstance(manifest, dict) and manifest.get("created_at"):
        identity = {key: manifest.get(key) for key in ("run_id", "created_at", "config")}
        digest.update(b"manifest\0")
        digest.update(json.dumps(identity, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    else:
        digest.update(b"scores\0")
        with (directory / SCORES).open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:16]


ALIAS_PREFIX = "redacted-"
LINE_ALIAS = re.compile(rf"{ALIAS_PREFIX}(\d+)")
"""A redacted report's name for the conversation on that line of scores.jsonl."""
ANY_ALIAS = re.compile(rf"{ALIAS_PREFIX}t?\d+")
"""Any alias a redacted report shows (``t``: a line of transcripts.jsonl without a score row)."""


def line_alias(line: int, *, transcripts: bool = False) -> str:
    """The alias a redacted report shows for a conversation id that would give a contact away.

    It names the conversation by its line in scores.jsonl (or, for a transcript without a score
    row, in transcripts.jsonl), not by a hash of its id: a hash of a phone number is undone by
    hashing every phone number. Lines only grow in a run (a resume cuts back torn lines only),
    so the alias is stable, and ``salesim calibrate`` finds the conversation from it.
    """
    return f"{ALIAS_PREFIX}{'t' if transcripts else ''}{line}"
