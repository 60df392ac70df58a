"""Which baseline a scorecard compares against, in one line, in English or Chinese.

Every lift in a scorecard is relative to the baseline, so the scorecard says which one it was:
for the simulated human, the spec file, its version and the parameters that move the figures
(shift, night coverage, reply latency, lapses); for an imported baseline, where the real chats
came from. ``summary.json`` keeps the parameters as data (``baseline_parameters``); this module
turns them into the line shown under the terminal scorecard, in the markdown summary and in the
HTML report. Its words live here, not in the report's string table, because the terminal
scorecard prints the line too and must not import the report; the report merges them into its
table (:mod:`simulator.report._i18n`), so both languages are checked there like any label.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

WORDS: dict[str, dict[str, str]] = {
    "bp_human": {"en": "human baseline", "zh": "人工基线"},
    "bp_other": {"en": "baseline", "zh": "基线"},
    "bp_imported": {"en": "real chats imported from {spec}", "zh": "导入的真实对话（{spec}）"},
    "bp_colon": {"en": ": ", "zh": "："},
    "bp_sep": {"en": ", ", "zh": "，"},
    "bp_shift": {"en": "shift {shift}", "zh": "班次 {shift}"},
    "bp_on_call": {
        "en": "night on-call takes {share} of night chats (first reply ~{first})",
        "zh": "夜间值班接 {share} 的夜间对话（首次回复约 {first}）",
    },
    "bp_nobody": {"en": "nobody at night", "zh": "夜间无人值守"},
    "bp_reply": {"en": "median reply {median}", "zh": "回复中位数 {median}"},
    "bp_peak": {"en": " (peak {median} at {hours})", "zh": "（高峰 {hours} 为 {median}）"},
    "bp_miss_question": {"en": "misses {share} of questions", "zh": "漏答 {share} 的问题"},
    "bp_miss_contact": {
        "en": "{share} of chats never ask for a contact",
        "zh": "{share} 的对话不主动索要联系方式",
    },
    "bp_policy": {"en": "policy {policy}", "zh": "策略 {policy}"},
    "bp_s": {"en": "{n} s", "zh": "{n} 秒"},
    "bp_min": {"en": "{n} min", "zh": "{n} 分钟"},
    "bp_h": {"en": "{n} h", "zh": "{n} 小时"},
}
ENGLISH = {key: text["en"] for key, text in WORDS.items()}


def duration(seconds: float, words: Mapping[str, str] = ENGLISH) -> str:
    """``45 s``, ``4 min``, ``1.5 h``: a waiting time as people say it."""
    if seconds < 120:
        return words["bp_s"].format(n=f"{seconds:.0f}")
    if seconds < 7200:
        return words["bp_min"].format(n=f"{seconds / 60:.0f}")
    return words["bp_h"].format(n=f"{seconds / 3600:.1f}")


def hour_ranges(hours: list[int]) -> str:
    """``[12, 13, 19, 20, 21, 22]`` -> ``12:00–14:00, 19:00–23:00`` (ends exclusive, as shifts)."""
    spans: list[list[int]] = []
    for hour in sorted(set(hours)):
        if spans and hour == spans[-1][1]:
            spans[-1][1] = hour + 1
        else:
            spans.append([hour, hour + 1])
    return ", ".join(f"{start:02d}:00–{end:02d}:00" for start, end in spans)


def _number(value: object) -> float | None:
    """A finite number from summary.json, or None (a hand-edited file may hold anything)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _hour(value: object) -> int | None:
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24
        else None
    )


def describe(params: Mapping[str, Any] | None, words: Mapping[str, str] = ENGLISH) -> str | None:
    """The one line, from summary.json's ``baseline_parameters``; None when there is none.

    ``human baseline: agents/human.yaml v2 — shift 08:00–23:00, night on-call takes 50% of
    night chats (first reply ~2 min), median reply 60 s (peak 2 min at 12:00–14:00), ...``.
    A summary written by another version may lack fields, and a hand-edited one may hold
    anything: what is there and readable is shown, the rest left out.
    """
    if not isinstance(params, Mapping):
        return None
    kind = params.get("kind")
    spec = str(params.get("spec") or params.get("agent") or "?")
    if kind == "imported":
        return words["bp_human"] + words["bp_colon"] + words["bp_imported"].format(spec=spec)
    version = params.get("version")
    head = f"{spec} v{version}" if version is not None else spec
    if kind != "human":
        return f"{words['bp_other']}{words['bp_colon']}{head} ({kind})"
    parts = []
    shift = params.get("shift")
    if isinstance(shift, list) and len(shift) == 2:
        start, end = _hour(shift[0]), _hour(shift[1])
        if start is not None and end is not None:
            parts.append(words["bp_shift"].format(shift=f"{start:02d}:00–{end:02d}:00"))
    on_call = params.get("on_call")
    if isinstance(on_call, Mapping):
        share, first = _number(on_call.get("share")), _number(on_call.get("first_reply_s"))
        if share is not None and first is not None:
            parts.append(
                words["bp_on_call"].format(share=f"{share:.0%}", first=duration(first, words))
            )
    elif "on_call" in params:
        parts.append(words["bp_nobody"])
    median = _number(params.get("median_reply_s"))
    if median is not None:
        reply = words["bp_reply"].format(median=duration(median, words))
        peak = params.get("peak")
        if isinstance(peak, Mapping):
            peak_median = _number(peak.get("median_s"))
            hours = peak.get("hours")
            hours = [h for h in hours if _hour(h) is not None] if isinstance(hours, list) else []
            if peak_median is not None and hours:
                reply += words["bp_peak"].format(
                    median=duration(peak_median, words), hours=hour_ranges(hours)
                )
        parts.append(reply)
    question, contact = (
        _number(params.get("misses_question")),
        _number(params.get("misses_contact_ask")),
    )
    if question:
        parts.append(words["bp_miss_question"].format(share=f"{question:.0%}"))
    if contact:
        parts.append(words["bp_miss_contact"].format(share=f"{contact:.0%}"))
    policy = params.get("policy")
    if policy not in (None, "answer_first"):
        parts.append(words["bp_policy"].format(policy=policy))
    line = words["bp_human"] + words["bp_colon"] + head
    return line + (" — " + words["bp_sep"].join(parts) if parts else "")
