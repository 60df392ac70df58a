"""Pass 2 of a report: the transcripts, one compact JSON line each, straight into the file.

Each conversation becomes short keys, customer-clock times, the scorers' findings and the captured
contact (redacted when asked), and is yielded as soon as it is read, so memory never holds the
transcripts (see :mod:`simulator.report._data` for pass 1, :mod:`simulator.report._render` for
the file around them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from simulator.contacts import find_contacts
from simulator.report._data import PREVIEW_CHARS, ReportData, RunSide, transcripts_path
from simulator.report._notes import Reply, customer_note
from simulator.report._redact import NoRedaction, Redactor, shown_id
from simulator.results import TRANSCRIPTS, read_jsonl


def _clock(raw: Any) -> tuple[str, datetime | None]:
    try:
        ts = datetime.fromisoformat(str(raw))
    except ValueError:
        return str(raw), None
    return ts.strftime("%Y-%m-%d %H:%M:%S"), ts


def _contact_mark(
    messages: list[dict[str, Any]], value: str | None, locale: str
) -> tuple[int, str] | None:
    """The customer message that left the captured contact, and the contact as written there."""
    if not value:
        return None
    found: tuple[int, str] | None = None
    for i, message in enumerate(messages):
        if message.get("role") != "customer":
            continue
        contacts = find_contacts(str(message.get("text", "")), locale)
        if contacts:
            last = contacts[-1]
            found = (i, last.value if last.kind == "wechat" else last.raw)
    return found


def compact_transcript(
    obj: dict[str, Any], detail: dict[str, Any] | None, tag: str, redact: bool, lang: str
) -> dict[str, Any]:
    """One conversation as the report embeds it: short keys, local clock times, redacted."""
    locale = str(obj.get("locale") or "zh_CN")
    truth = obj.get("truth") if isinstance(obj.get("truth"), dict) else {}
    lead = obj.get("lead") if isinstance(obj.get("lead"), dict) else None
    raw_messages = [m for m in obj.get("messages") or [] if isinstance(m, dict)]
    said = [str(m.get("text", "")) for m in raw_messages if m.get("role") == "customer"]
    redactor = Redactor(truth, lead, locale, lang, said) if redact else NoRedaction()
    mask = redactor
    messages: list[list[Any]] = []
    start: datetime | None = None
    tz = ""
    reply: Reply = []
    for message in raw_messages:
        clock, ts = _clock(message.get("ts"))
        if ts is not None and start is None:
            start, tz = ts, ts.strftime("%z")
        offset = (ts - start).total_seconds() if ts is not None and start is not None else None
        role = str(message.get("role", "system"))[:1]
        compact: list[Any] = [role, mask(str(message.get("text", ""))), clock, offset]
        if role == "c":
            note = customer_note(message.get("meta"), mask, reply)
            if note:
                compact.append(note)  # a fifth element only where there is one: old runs as were
            reply = []
        elif role == "a":
            reply.append((len(messages), compact[1]))
        messages.append(compact)
    detail = detail or {}
    mark = _contact_mark(raw_messages, detail.get("contact"), locale)
    violations = [
        {
            "rule": v.get("rule"),
            "severity": v.get("severity"),
            "turn": v.get("turn"),
            "evidence": mask(str(v.get("evidence") or "")),
            "kind": v.get("kind"),
        }
        for v in detail.get("v") or []
    ]
    return {
        "id": obj.get("conversation_id"),
        "run": tag,
        "agent": obj.get("agent_id"),
        "persona": obj.get("persona_id"),
        "locale": obj.get("locale"),
        "industry": obj.get("industry"),
        "outcome": obj.get("outcome"),
        "k": mask((obj.get("meta") or {}).get("pair_key")),
        "tz": f"{tz[:3]}:{tz[3:]}" if tz else "",
        "m": messages,
        "v": violations,
        "c": (
            {"turn": mark[0], "text": mask(mark[1]), "kind": detail.get("contact_kind")}
            if mark
            else None
        ),
        "lead": redactor.value(lead),
        "q": truth.get("qualified") if truth else None,
        "f": detail.get("f"),
        "fr": detail.get("fr"),
        "do": detail.get("do"),
        "err": mask(str(detail["err"])) if detail.get("err") else None,
    }


def stream_transcripts(
    side: RunSide,
    index: list[dict[str, Any]],
    *,
    first_line: int,
    redact: bool,
    lang: str,
    agent: str | None = None,
) -> Iterator[str]:
    """Pass 2: one JSON text per conversation of ``side``, in file order.

    Sets each index entry's ``t`` (its line in the embedded transcripts, counted from
    ``first_line``) and ``pv`` (a redacted preview of the first customer message).
    """
    path = transcripts_path(side)
    if path is None:
        return
    line = first_line
    for number, obj, error in read_jsonl(path):
        if obj is None:
            side.unreadable.append(f"{TRANSCRIPTS}:{number}: {error}")
            continue
        if agent is not None and obj.get("agent_id") != agent:
            continue
        cid = str(obj.get("conversation_id"))
        compact = compact_transcript(obj, side.details.get(cid), side.tag, redact, lang)
        position = side.positions.get(cid)
        if position is None:  # a transcript without a score row: listed, with no flags
            if redact and (alias := shown_id(cid, number, transcripts=True)) != cid:
                side.aliases[cid] = alias
            position = side.positions[cid] = len(index)
            index.append(
                {
                    "id": side.shown(cid),
                    "run": side.tag,
                    "a": obj.get("agent_id") or "?",
                    "p": obj.get("persona_id") or "",
                    "l": obj.get("locale") or "",
                    "o": obj.get("outcome") or "unknown",
                    "ld": 0,
                    "vl": None,
                    "cp": None,
                    "r": [],
                    "k": compact["k"],
                    "h": None,
                    "e": 0,
                    "pv": "",
                }
            )
        compact["id"] = side.shown(cid)
        entry = index[position]
        entry["t"] = line
        first = next((m for m in compact["m"] if m[0] == "c"), None)
        entry["pv"] = (first[1] if first else "")[:PREVIEW_CHARS]
        line += 1
        yield json.dumps(compact, ensure_ascii=False, separators=(",", ":"))


def iter_transcript_lines(data: ReportData) -> Iterator[str]:
    """Pass 2 over both runs: the embedded transcripts, one JSON text per conversation."""
    count = 0
    for line in stream_transcripts(
        data.a, data.index, first_line=0, redact=data.redact, lang=data.lang
    ):
        count += 1
        yield line
    if data.b is not None:
        yield from stream_transcripts(
            data.b,
            data.index,
            first_line=count,
            redact=data.redact,
            lang=data.lang,
            agent=data.b.manifest.get("compared_agent"),
        )
