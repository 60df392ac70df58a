"""End-to-end behaviour of fixed-seed simulated runs: determinism, pairing, robustness."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import datetime

import pytest
from conftest import read_lines

from simulator.agents import CallableAgent, LoadedAgent, load_agent
from simulator.customers import sample_instance
from simulator.engine import run_conversation
from simulator.specs import load_persona_library


def test_same_seed_gives_byte_identical_transcripts(run):
    first, _ = run(n=8, seed=3)
    second, _ = run(n=8, seed=3)
    a = (first / "transcripts.jsonl").read_bytes()
    b = (second / "transcripts.jsonl").read_bytes()
    assert len(a) > 1000
    assert a == b


def test_another_seed_gives_different_transcripts(run):
    first, _ = run(n=8, seed=3)
    other, _ = run(n=8, seed=4)
    assert (first / "transcripts.jsonl").read_bytes() != (other / "transcripts.jsonl").read_bytes()


def test_every_agent_meets_the_same_customers(comparison_run):
    directory, _ = comparison_run
    transcripts = read_lines(directory / "transcripts.jsonl")
    by_agent: dict[str, dict[str, str]] = {}
    for t in transcripts:
        by_agent.setdefault(t["agent_id"], {})[t["meta"]["pair_key"]] = t["messages"][0]["text"]
    keys = {agent: set(openings) for agent, openings in by_agent.items()}
    assert keys["scripted-v2"] == keys["scripted-v1"] == keys["human"]
    # same customer, same opening message and arrival for every agent
    for key in keys["human"]:
        assert (
            by_agent["scripted-v2"][key] == by_agent["human"][key] == by_agent["scripted-v1"][key]
        )


def test_scores_and_transcripts_match_one_to_one(comparison_run):
    directory, summary = comparison_run
    transcripts = [t["conversation_id"] for t in read_lines(directory / "transcripts.jsonl")]
    scores = [s["conversation_id"] for s in read_lines(directory / "scores.jsonl")]
    assert len(transcripts) == len(set(transcripts)) == 3 * 2 * 60 * 3
    assert Counter(transcripts) == Counter(scores)
    assert summary["conversations"] == len(transcripts)


def test_run_directory_has_the_documented_files(comparison_run):
    directory, _ = comparison_run
    names = {p.name for p in directory.iterdir()}
    assert {"manifest.json", "transcripts.jsonl", "scores.jsonl", "summary.json"} <= names
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    assert manifest["conversations_written"] == manifest["conversations_planned"]
    assert {p["id"] for p in manifest["personas"]} == {
        "worried_parent",
        "elderly_dental_patient",
        "legal_client_midnight",
    }
    assert all(len(p["sha256"]) == 16 for p in manifest["personas"])


def test_timestamps_are_aware_and_move_forward(comparison_run):
    directory, _ = comparison_run
    for t in read_lines(directory / "transcripts.jsonl")[:200]:
        stamps = [datetime.fromisoformat(m["ts"]) for m in t["messages"]]
        assert all(ts.tzinfo is not None for ts in stamps)
        assert stamps == sorted(stamps)


def test_a_raising_agent_ends_its_conversations_not_the_run(run):
    raises = "fixtures.faulty_agents:raises"  # a module:attr agent's id is module:attr
    directory, summary = run(agents=[raises], n=4, locales=["zh_CN"])
    rows = read_lines(directory / "transcripts.jsonl")
    mine = [t for t in rows if t["agent_id"] == raises]
    assert len(mine) == 12
    assert all(t["outcome"] == "agent_error" for t in mine)
    assert all("model backend exploded" in t["meta"]["error"] for t in mine)
    # the first reply was delivered before the failure
    assert all(len(t["messages"]) >= 2 for t in mine)
    assert summary["agents"][raises]["agent_errors"] == 12
    assert summary["agents"]["human"]["agent_errors"] == 0


def test_an_empty_reply_is_an_agent_error(run):
    directory, summary = run(agents=["fixtures.faulty_agents:empty"], baseline_agent=None, n=3)
    rows = read_lines(directory / "transcripts.jsonl")
    assert {t["outcome"] for t in rows} == {"agent_error"}
    assert all(t["meta"]["error"] == "empty reply" for t in rows)
    assert summary["agents"]["fixtures.faulty_agents:empty"]["agent_errors"] == 18


def test_an_agent_that_times_out_is_an_agent_error():
    library = load_persona_library()
    persona, _ = library[("worried_parent", "en_US")]
    agent = load_agent("fixtures.faulty_agents:Sleeper")
    transcript = asyncio.run(
        run_conversation(persona, sample_instance(persona, 0, 0), agent, seed=0, timeout_s=0.05)
    )
    assert transcript.outcome == "agent_error"
    assert "timeout" in transcript.meta["error"]


def test_async_callable_agents_and_declared_latency(run):
    directory, _ = run(
        agents=["fixtures.faulty_agents:async_polite"],
        baseline_agent=None,
        n=2,
        personas=["worried_parent"],
        locales=["en_US"],
    )
    t = read_lines(directory / "transcripts.jsonl")[0]
    first_agent = next(i for i, m in enumerate(t["messages"]) if m["role"] == "agent")
    customer, agent = t["messages"][first_agent - 1], t["messages"][first_agent]
    gap = datetime.fromisoformat(agent["ts"]) - datetime.fromisoformat(customer["ts"])
    assert gap.total_seconds() == 5


def test_the_agent_does_not_see_the_truth():
    seen = []

    def spy(transcript):
        seen.append(transcript)
        return "ok"

    library = load_persona_library()
    persona, _ = library[("legal_client_midnight", "zh_CN")]
    agent = LoadedAgent(id="spy", kind="python", version=1, agent=CallableAgent(spy), source="test")
    asyncio.run(run_conversation(persona, sample_instance(persona, 1, 0), agent, seed=0))
    assert seen
    assert all(t.truth is None and all(not m.meta for m in t.messages) for t in seen)


# --- what an agent hands over is checked where it enters ------------------------------------------


def _bad_turn_kinds():
    from fixtures.faulty_agents import BAD_TURNS

    return sorted(BAD_TURNS)


@pytest.mark.parametrize("kind", _bad_turn_kinds())
def test_one_bad_reply_costs_its_conversation_not_the_run(tmp_path, kind):
    from click.testing import CliRunner

    from simulator.cli import main

    args = ["run", "--agent", f"fixtures.faulty_agents:bad_{kind}", "--baseline-agent", "none"]
    args += ["--personas", "worried_parent", "--locale", "zh_CN", "--n", "4", "--no-report"]
    args += ["--out", str(tmp_path), "--run-id", "r", "--max-agent-errors", "0.5"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, (result.output, result.exception)
    rows = read_lines(tmp_path / "r" / "scores.jsonl")
    transcripts = read_lines(tmp_path / "r" / "transcripts.jsonl")
    assert len(rows) == len(transcripts) == 4
    bad = [row for row in rows if ".0002." in row["conversation_id"]]
    good = [row for row in rows if ".0002." not in row["conversation_id"]]
    assert all(row["error"] is None and row["outcome"] != "agent_error" for row in good)
    (row,) = bad
    if "surrogate" in kind:  # repaired (U+FFFD), as the engine repairs the reply text itself
        assert row["outcome"] != "agent_error"
        (transcript,) = [t for t in transcripts if t["conversation_id"] == row["conversation_id"]]
        assert "\ufffd" in json.dumps(transcript, ensure_ascii=False)
    else:
        assert row["outcome"] == "agent_error" and row["error_kind"] == "malformed", row
        assert row["agent_error"]
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"


def test_check_turn_cleans_lone_surrogates_and_names_the_bad_field():
    from simulator.models import AgentTurn
    from simulator.turns import TurnError, check_turn

    turn = check_turn(AgentTurn(text="ok?", lead={"name": "王\ud800?", "\udc80": [1, "\ud800"]}))
    assert turn.lead == {"name": "王\ufffd?", "\ufffd": [1, "\ufffd"]}
    turn.model_dump_json()  # serialisable now
    with pytest.raises(TurnError, match="latency_s"):
        check_turn(AgentTurn(text="ok", latency_s=float("inf")))
    with pytest.raises(TurnError, match=r"lead\.when: a object is not JSON data"):
        check_turn(AgentTurn(text="ok", lead={"when": object()}))
    with pytest.raises(TurnError, match=r"usage\.input_tokens"):
        check_turn(AgentTurn(text="ok", usage={"input_tokens": 1.5}))
