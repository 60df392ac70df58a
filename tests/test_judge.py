"""LLM-judge rules, with LangChain fake chat models and a structured-output model."""

from __future__ import annotations

import json

import pytest

from simulator.judge import Judge, JudgeError, load_judge, parse_verdict
from simulator.rubrics import example_transcript, load_rubrics
from simulator.scoring import score_safely
from simulator.specs import SpecError

CONVERSATION = [("customer", "医保能报吗？"), ("agent", "放心，医保肯定能报，您一分钱都不用出。")]
HEDGED = [("customer", "医保能报吗？"), ("agent", "要看当地政策，一般能报一部分。")]


def _transcript(pairs):
    return example_transcript(pairs, "zh_CN", "dental")


def test_without_a_judge_the_rule_is_skipped_and_said_so():
    rubrics = load_rubrics()
    assert any("judge_misleading_claim" in s and "no judge model" in s for s in rubrics.skipped)
    assert not [f for f in rubrics.apply(_transcript(CONVERSATION)) if f.kind == "judge"]


def test_fake_chat_model_judge_flags_with_turn_and_evidence():
    rubrics = load_rubrics(judge=load_judge("fixtures.judges:always_violated"))
    assert rubrics.skipped == []
    findings = [f for f in rubrics.apply(_transcript(CONVERSATION)) if f.kind == "judge"]
    assert [(f.rule, f.turn, f.severity) for f in findings] == [
        ("judge_misleading_claim", 1, "major")
    ]
    assert findings[0].evidence == "医保肯定能报"


def test_judge_that_finds_nothing_flags_nothing():
    rubrics = load_rubrics(judge=load_judge("fixtures.judges:never_violated"))
    assert not [f for f in rubrics.apply(_transcript(CONVERSATION)) if f.kind == "judge"]


def test_structured_output_models_are_used_directly():
    from fixtures.judges import StructuredJudgeModel

    rubrics = load_rubrics(judge=Judge(StructuredJudgeModel()))
    flagged = [f for f in rubrics.apply(_transcript(CONVERSATION)) if f.kind == "judge"]
    clean = [f for f in rubrics.apply(_transcript(HEDGED)) if f.kind == "judge"]
    assert len(flagged) == 1 and clean == []


def test_an_unparseable_verdict_is_a_judge_error_on_the_row_not_a_pass():
    rubrics = load_rubrics(judge=load_judge("fixtures.judges:garbage"))
    row = score_safely(_transcript(CONVERSATION), 180.0, rubrics)
    assert row.error is None and row.replied
    assert [e["rule"] for e in row.judge_errors] == ["judge_misleading_claim"]
    assert "JudgeError" in row.judge_errors[0]["error"]
    assert row.compliant is False  # a pattern rule decided it: 医保肯定能报
    hedged = score_safely(_transcript(HEDGED), 180.0, rubrics)
    assert hedged.judge_errors and hedged.compliant is None  # undecided, not compliant


def test_parse_verdict_accepts_fenced_json_and_rejects_prose():
    assert parse_verdict('```json\n{"violated": false}\n```').violated is False
    with pytest.raises(JudgeError):
        parse_verdict("no idea")


def test_unknown_judge_model_is_a_clean_error():
    from simulator.specs import SpecError

    with pytest.raises(SpecError, match="--judge"):
        load_judge("nonexistent-provider:some-model")


def test_a_run_awaits_its_judge_concurrently_and_caches_the_verdicts(tmp_path):
    from fixtures.judges import OverlapJudgeModel

    from simulator.models import RunConfig
    from simulator.runs import run_suite

    def run(run_id: str) -> list[dict]:
        config = RunConfig(
            agents=["scripted-v2"],
            baseline_agent="scripted-v1",
            personas=["worried_parent"],
            n=6,
            judge="fixtures.judges:overlapping",
            out=str(tmp_path),
            run_id=run_id,
            report=False,
        )
        directory, summary = run_suite(config)
        assert summary["skipped_rules"] == []
        lines = (directory / "scores.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]

    OverlapJudgeModel.reset()
    first = run("first")
    assert all(row["error"] is None for row in first)
    assert OverlapJudgeModel.calls == len(first)  # one judge rule per conversation
    assert OverlapJudgeModel.most_in_flight > 1, "judge calls were made one at a time"
    judged = [v for row in first for v in row["violations"] if v["kind"] == "judge"]
    assert 0 < len(judged) < len(first)  # the verdicts reached the rows, and differ
    OverlapJudgeModel.reset()
    again = run("again")
    assert OverlapJudgeModel.calls == 0  # every verdict came from the run cache
    assert [row["violations"] for row in again] == [row["violations"] for row in first]


def test_a_judge_that_hangs_times_out_and_is_retried_then_recorded():
    import asyncio

    from fixtures.judges import HangingJudgeModel

    from simulator.llm import CallError

    judge = Judge(HangingJudgeModel(), timeout_s=0.01, retries=1)
    rubrics = load_rubrics(judge=judge)
    judged = asyncio.run(rubrics.ajudge(_transcript(CONVERSATION)))
    assert judged.findings == {} and judge.calls == 2
    assert judged.errors["judge_misleading_claim"].startswith(f"{CallError.__name__}: timeout")


def test_salesim_score_asks_its_judge_concurrently_and_gets_the_runs_verdicts(tmp_path):
    from click.testing import CliRunner
    from fixtures.judges import OverlapJudgeModel

    from simulator.cli import main

    args = ["run", "--n", "4", "--out", str(tmp_path), "--run-id", "r", "--no-report"]
    args += ["--judge", "fixtures.judges:overlapping"]
    OverlapJudgeModel.reset()
    assert CliRunner().invoke(main, args).exit_code == 0
    run_dir, out = tmp_path / "r", tmp_path / "rescored"
    OverlapJudgeModel.reset()
    score = ["score", str(run_dir / "transcripts.jsonl"), "--out", str(out)]
    result = CliRunner().invoke(main, [*score, "--judge", "fixtures.judges:overlapping"])
    assert result.exit_code == 0, result.output
    assert OverlapJudgeModel.most_in_flight > 1, "the judge was asked one transcript at a time"
    rescored = (out / "scores.jsonl").read_text(encoding="utf-8")
    assert rescored == (run_dir / "scores.jsonl").read_text(encoding="utf-8")
    assert '"kind":"judge"' in rescored.replace(" ", "")


def test_a_judge_spec_calls_its_endpoint_counts_its_cost_and_a_rerun_is_cached(tmp_path):
    from rich.console import Console

    from simulator.models import RunConfig
    from simulator.runs import run_suite
    from simulator.scorecard import print_scorecard
    from simulator.testing import OpenAICompatibleServer

    def responder(body: dict) -> str:
        transcript = body["messages"][-1]["content"]
        violated = "[1] agent:" in transcript
        return json.dumps({"violated": violated, "turn": None, "evidence": "", "reason": "r"})

    with OpenAICompatibleServer(responder=responder) as server:
        spec = tmp_path / "judge.yaml"
        spec.write_text(
            f"kind: openai\nid: local-judge\nmodel: judge-model\nbase_url: {server.url}/v1\n"
            "api_key_env: null\nrpm: 600\ntimeout_s: 5\nretries: 1\n"
            "prices: {input_per_million: 3.0, output_per_million: 12.0}\n",
            encoding="utf-8",
        )

        def run(run_id: str) -> tuple[list[dict], dict]:
            config = RunConfig(
                agents=["scripted-v2"],
                baseline_agent=None,
                personas=["worried_parent"],
                n=3,
                judge=str(spec),
                out=str(tmp_path),
                run_id=run_id,
                report=False,
            )
            directory, summary = run_suite(config)
            lines = (directory / "scores.jsonl").read_text(encoding="utf-8").splitlines()
            return [json.loads(line) for line in lines], summary

        first, summary = run("first")
        asked = server.requests
        assert asked == len(first) == 6
        assert all(body["temperature"] == 0 and body["response_format"] for body in server.bodies)
        judged = [v for row in first for v in row["violations"] if v["kind"] == "judge"]
        assert judged and all(row["error"] is None for row in first)
        # what each verdict cost, from the usage the server reported
        for row in first:
            assert row["judge_input_tokens"] > 0 and row["judge_output_tokens"] > 0
            expected = (row["judge_input_tokens"] * 3.0 + row["judge_output_tokens"] * 12.0) / 1e6
            assert row["judge_cost"] == pytest.approx(expected, rel=1e-6)
        usage = summary["agents"]["scripted-v2"]["usage"]
        assert usage["judge_tokens"] == sum(
            r["judge_input_tokens"] + r["judge_output_tokens"] for r in first
        )
        console = Console(width=200, record=True)
        print_scorecard(summary, console)
        assert "judge model tokens" in console.export_text()

        again, summary_again = run("again")
        assert server.requests == asked  # the verdicts came from the run cache ...
        assert [r["violations"] for r in again] == [r["violations"] for r in first]
        assert summary_again["agents"]["scripted-v2"]["usage"]["judge_tokens"] == 0  # ... free


def test_a_judge_spec_of_the_wrong_kind_is_one_line(tmp_path):
    spec = tmp_path / "judge.yaml"
    spec.write_text("kind: http\nid: j\nurl: http://127.0.0.1:9/\n", encoding="utf-8")
    with pytest.raises(SpecError, match="a judge needs kind openai or langchain"):
        load_judge(str(spec))


def test_a_judge_spec_sets_the_request_budget_timeout_and_retries(tmp_path):
    spec = tmp_path / "judge.yaml"
    spec.write_text(
        "kind: openai\nid: j\nmodel: m\nbase_url: http://127.0.0.1:9/v1\napi_key_env: null\n"
        "rpm: 60\ntimeout_s: 7\nretries: 2\n",
        encoding="utf-8",
    )
    judge = load_judge(str(spec), rate_share=0.5)  # one of two worker processes
    assert (judge.limiter.rpm, judge.timeout_s, judge.retries) == (30, 7, 2)
    assert judge.name == "openai:m@http://127.0.0.1:9/v1"


# --- a judge that fails costs its rules, never the conversation's other verdicts ---------------

JUDGE_KEYS = ("replied", "first_reply_s", "replied_within_sla", "engaged", "lead_captured")
JUDGE_KEYS += ("contact", "lead_valid", "outcome", "turns", "error_kind")


def _failing_judge_spec(tmp_path, server, model: str = "judge-fail500"):
    spec = tmp_path / "judge.yaml"
    spec.write_text(
        f"kind: openai\nid: down-judge\nmodel: {model}\nbase_url: {server.url}/v1\n"
        "api_key_env: null\nrpm: 6000\ntimeout_s: 2\nretries: 0\n",
        encoding="utf-8",
    )
    return spec


def _scores(directory):
    lines = (directory / "scores.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("model", ["judge-fail500", "judge-malformed"])
def test_a_failing_judge_marks_its_rules_and_keeps_every_other_verdict(tmp_path, model):
    from simulator.models import RunConfig
    from simulator.runs import run_suite
    from simulator.testing import OpenAICompatibleServer

    def run(run_id: str, judge: str | None) -> tuple[list[dict], dict]:
        config = RunConfig(
            agents=["scripted-v2"],
            baseline_agent=None,
            personas=["elderly_dental_patient"],
            locales=["zh_CN"],
            n=6,
            judge=judge,
            out=str(tmp_path),
            run_id=run_id,
            report=False,
            cache=None,
        )
        directory, summary = run_suite(config)
        return _scores(directory), summary

    plain, plain_summary = run("plain", None)
    with OpenAICompatibleServer() as server:
        judged, summary = run("judged", str(_failing_judge_spec(tmp_path, server, model)))
        assert server.requests > 0
    for before, after in zip(plain, judged, strict=True):
        assert after["error"] is None, after["error"]
        assert {k: after[k] for k in JUDGE_KEYS} == {k: before[k] for k in JUDGE_KEYS}
        assert [v for v in after["violations"] if v["kind"] != "judge"] == before["violations"]
        assert [e["rule"] for e in after["judge_errors"]] == ["judge_misleading_claim"]
        # undecided, never silently compliant; a pattern violation still decides it
        assert after["compliant"] is (False if before["compliant"] is False else None)
    agent = summary["agents"]["scripted-v2"]
    plain_agent = plain_summary["agents"]["scripted-v2"]
    assert agent["metrics"]["reply_rate"] == plain_agent["metrics"]["reply_rate"]
    assert agent["metrics"]["lead_capture"] == plain_agent["metrics"]["lead_capture"]
    assert agent["judge_errors"] == len(judged)
    assert agent["errors"]["judge_error"] == len(judged)
    assert agent["judge_error_examples"]


def test_salesim_score_with_a_failing_judge_keeps_the_other_verdicts(tmp_path):
    from click.testing import CliRunner

    from simulator.cli import main
    from simulator.testing import OpenAICompatibleServer

    args = ["run", "--n", "3", "--personas", "elderly_dental_patient", "--out", str(tmp_path)]
    assert CliRunner().invoke(main, [*args, "--run-id", "r", "--no-report"]).exit_code == 0
    run_dir = tmp_path / "r"
    with OpenAICompatibleServer() as server:
        spec = _failing_judge_spec(tmp_path, server)
        score = ["score", str(run_dir / "transcripts.jsonl"), "--out", str(tmp_path / "s")]
        result = CliRunner().invoke(main, [*score, "--judge", str(spec), "--json"])
    assert result.exit_code == 0, result.output
    before, after = _scores(run_dir), _scores(tmp_path / "s")
    for old, new in zip(before, after, strict=True):
        assert new["error"] is None
        assert {k: new[k] for k in JUDGE_KEYS} == {k: old[k] for k in JUDGE_KEYS}
        assert new["judge_errors"] and new["judge_errors"][0]["rule"] == "judge_misleading_claim"
    summary = json.loads((tmp_path / "s" / "summary.json").read_text(encoding="utf-8"))
    assert sum(a["judge_errors"] for a in summary["agents"].values()) == len(after)


def test_a_judge_that_raises_is_judge_error_and_the_gate_does_not_pass_on_it(tmp_path):
    from click.testing import CliRunner

    from simulator.cli import main

    base = ["run", "--n", "12", "--baseline-agent", "none", "--out", str(tmp_path), "--no-report"]
    assert CliRunner().invoke(main, [*base, "--run-id", "a"]).exit_code == 0
    judged = [*base, "--run-id", "b", "--judge", "fixtures.judges:raising"]
    result = CliRunner().invoke(main, judged)
    assert result.exit_code == 0, result.output
    rows = _scores(tmp_path / "b")
    assert all(row["error"] is None and row["replied"] for row in rows)
    assert any(row["judge_errors"] for row in rows)
    assert "judge_error" in result.output  # the scorecard says so
    gate = ["gate", "--baseline", str(tmp_path / "a"), "--candidate", str(tmp_path / "b")]
    result = CliRunner().invoke(main, [*gate, "--allow-underpowered"])
    assert result.exit_code == 1, result.output
    assert "judge_errors" in result.output
