"""How often a model reader and the rules reader understood a reply the same way.

A run with ``--reader MODEL`` records both readings on every customer message (``understood``
from the model, ``understood_rules`` from the rules reader); this counts their agreement so a
user sees how much the choice of reader could move the results.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def reader_agreement(transcripts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Readings compared, and the share that agree on answers, on acts, and on both."""
    compared = answers = acts = both = 0
    for transcript in transcripts:
        for message in transcript.get("messages") or []:
            meta = message.get("meta") or {}
            model, rules = meta.get("understood"), meta.get("understood_rules")
            if not isinstance(model, dict) or not isinstance(rules, dict):
                continue
            compared += 1
            same_answers = sorted(model.get("answers") or []) == sorted(rules.get("answers") or [])
            same_acts = sorted(model.get("acts") or []) == sorted(rules.get("acts") or [])
            answers += same_answers
            acts += same_acts
            both += same_answers and same_acts
    share = lambda k: round(k / compared, 4) if compared else None  # noqa: E731
    return {
        "compared": compared,
        "answers": share(answers),
        "acts": share(acts),
        "both": share(both),
    }


def run_agreement(directory: Path) -> dict[str, Any]:
    """:func:`reader_agreement` over a run directory's transcripts.jsonl, read line by line."""

    def lines() -> Iterable[dict[str, Any]]:
        with (directory / "transcripts.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)

    return reader_agreement(lines())
