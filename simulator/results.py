"""The run directory: manifest.json, transcripts.jsonl, scores.jsonl, summary.json.

Lines are appended and flushed as conversations finish, so a run's files are useful while it is
still going; JSON documents (manifest, summary) are replaced atomically (write, then rename), so a
reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from simulator.metrics import ScoreRow
from simulator.models import SCHEMA_VERSION, Transcript

MANIFEST = "manifest.json"
TRANSCRIPTS = "transcripts.jsonl"
SCORES = "scores.jsonl"
SUMMARY = "summary.json"


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )
    os.replace(tmp, path)


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
        self.directory.mkdir(parents=True, exist_ok=False)
        self.manifest = {"schema_version": SCHEMA_VERSION, **manifest, "status": "running"}
        write_json_atomic(self.directory / MANIFEST, self.manifest)
        self._transcripts = (self.directory / TRANSCRIPTS).open("a", encoding="utf-8")
        self._scores = (self.directory / SCORES).open("a", encoding="utf-8")

    def add(self, transcript: Transcript, score: ScoreRow) -> None:
        """Append one finished conversation and its score row, flushed."""
        assert self._transcripts is not None and self._scores is not None
        self._transcripts.write(dump_line(transcript))
        self._scores.write(dump_line(score))
        self._transcripts.flush()
        self._scores.flush()

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


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield ``(line_number, object, error)`` for every non-empty line; never drops a line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"invalid JSON ({exc.msg})"
                continue
            if not isinstance(obj, dict):
                yield number, None, "expected a JSON object"
                continue
            yield number, obj, None


def load_summary(run_dir: Path) -> dict[str, Any]:
    """The summary.json of a finished run."""
    return json.loads((run_dir / SUMMARY).read_text(encoding="utf-8"))
