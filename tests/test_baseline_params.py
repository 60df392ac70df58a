"""The line that names the baseline under every scorecard, from summary.json's parameters."""

from __future__ import annotations

import yaml

from simulator.agents import load_agent
from simulator.baseline_params import WORDS, describe, duration, hour_ranges
from simulator.specs import data_dir

ZH = {key: text["zh"] for key, text in WORDS.items()}


def _shipped() -> dict:
    agent = load_agent("human")
    return {
        "agent": agent.id,
        "kind": agent.kind,
        "spec": agent.shown_source,
        "version": agent.version,
        **(agent.parameters or {}),
    }


def test_the_shipped_human_is_named_with_its_parameters():
    spec = yaml.safe_load((data_dir("agents") / "human.yaml").read_text("utf-8"))
    line = describe(_shipped())
    assert line is not None and "\n" not in line
    assert line.startswith(f"human baseline: agents/human.yaml v{spec['version']} — ")
    start, end = spec["shift"]["start"], spec["shift"]["end"]
    assert f"shift {start:02d}:00–{end:02d}:00" in line
    assert f"takes {spec['on_call']['share']:.0%} of night chats" in line
    assert f"median reply {duration(spec['latency']['median_s'])}" in line
    assert f"peak {duration(spec['latency']['peak']['median_s'])} at " in line
    assert f"misses {spec['misses']['question']:.0%} of questions" in line


def test_the_line_in_chinese():
    line = describe(_shipped(), ZH)
    assert line is not None and line.startswith("人工基线：agents/human.yaml v")
    assert "班次 08:00–23:00" in line and "夜间值班" in line and "秒" in line
    assert "shift" not in line and "median" not in line


def test_a_spec_without_night_cover_or_lapses_says_so():
    line = describe(
        {
            "kind": "human",
            "spec": "old.yaml",
            "version": 1,
            "shift": [9, 21],
            "median_reply_s": 120.0,
            "peak": None,
            "on_call": None,
            "misses_question": 0.0,
            "misses_contact_ask": 0.0,
            "policy": "answer_first",
        }
    )
    assert (
        line
        == "human baseline: old.yaml v1 — shift 09:00–21:00, nobody at night, median reply 2 min"
    )


def test_other_baselines_and_old_summaries():
    assert describe(None) is None
    assert describe({"kind": "scripted", "spec": "agents/scripted-v1.yaml", "version": 1}) == (
        "baseline: agents/scripted-v1.yaml v1 (scripted)"
    )
    assert describe({"kind": "imported", "agent": "imported:team", "spec": "b/team"}) == (
        "human baseline: real chats imported from b/team"
    )
    assert describe({"kind": "human", "spec": "h.yaml"}) == "human baseline: h.yaml"


def test_hours_and_durations_read_as_people_say_them():
    assert hour_ranges([21, 12, 13, 19, 20, 22]) == "12:00–14:00, 19:00–23:00"
    assert hour_ranges([23]) == "23:00–24:00"
    assert [duration(s) for s in (45, 150, 5400, 9000)] == ["45 s", "2 min", "90 min", "2.5 h"]


def test_a_hand_edited_summary_gives_what_it_can_never_an_error():
    line = describe(
        {
            "kind": "human",
            "spec": "h.yaml",
            "shift": ["8", 23],
            "on_call": {"share": "half", "first_reply_s": 150},
            "median_reply_s": float("nan"),
            "peak": {"hours": "12", "median_s": 90},
            "misses_question": True,
            "misses_contact_ask": 0.1,
        }
    )
    assert line == "human baseline: h.yaml — 10% of chats never ask for a contact"
