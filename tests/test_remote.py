"""Remote agents and LLM customers against real local servers, through the real clients.

An OpenAI-compatible server (langchain-openai) and an HTTP agent server (httpx) run on loopback;
every failure mode is exercised and must end up as data on its conversation, never a crash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import read_lines

from simulator.models import RunConfig
from simulator.runs import run_suite
from simulator.testing import HttpAgentServer, OpenAICompatibleServer

KEY = "sk-planted-SECRET-4f9c2a"


@pytest.fixture
def llm_server():
    with OpenAICompatibleServer(slow_s=1.0) as server:
        yield server


def _spec(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _openai_agent(tmp_path, server, model="gpt-test", extra=""):
    return _spec(
        tmp_path,
        f"agent-{model}",
        f"kind: openai\nid: llm-{model}\nmodel: {model}\nbase_url: {server.url}/v1\n"
        f"api_key_env: SALESIM_TEST_KEY\ntimeout_s: 0.5\nretries: 1\n"
        f"system_prompt: You are a polite sales assistant.\n"
        f"prices: {{input_per_million: 2.0, output_per_million: 8.0}}\n{extra}",
    )


def _run(tmp_path, run_id, **kwargs):
    kwargs.setdefault("n", 2)
    kwargs.setdefault("personas", ["worried_parent"])
    kwargs.setdefault("locales", ["en_US"])
    kwargs.setdefault("baseline_agent", None)
    return run_suite(RunConfig(out=str(tmp_path / "results"), run_id=run_id, **kwargs))


def test_openai_agent_through_langchain_openai(tmp_path, llm_server, monkeypatch):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    directory, summary = _run(tmp_path, "r1", agents=[_openai_agent(tmp_path, llm_server)])
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert len(transcripts) == 2
    agent_texts = [m["text"] for t in transcripts for m in t["messages"] if m["role"] == "agent"]
    assert agent_texts and all(text.startswith("Thanks for your message.") for text in agent_texts)
    assert all(t["outcome"] != "agent_error" for t in transcripts)
    assert llm_server.auth_headers[0] == f"Bearer {KEY}"
    rows = read_lines(directory / "scores.jsonl")
    assert all(r["agent_input_tokens"] > 0 and r["agent_output_tokens"] > 0 for r in rows)
    expected = sum(
        (r["agent_input_tokens"] * 2.0 + r["agent_output_tokens"] * 8.0) / 1e6 for r in rows
    )
    usage = summary["agents"]["llm-gpt-test"]["usage"]
    assert usage["agent_cost"] == pytest.approx(expected, rel=1e-6)
    assert usage["cost_per_conversation"] == pytest.approx(expected / 2, rel=1e-4)
    # a cheap model's cost reads as what it is, not as $0.0000
    from rich.console import Console

    from simulator.scorecard import money, print_scorecard

    console = Console(width=200, record=True)
    print_scorecard(summary, console)
    shown = re.search(r"cost / conversation\s+│\s+(\S+)", console.export_text())
    assert shown and shown.group(1) == money(expected / 2) == f"${expected / 2:.4f}"
    assert money(0.0000204) == "$0.000020" and money(0) == "$0" and money(1234.5) == "$1,234.50"
    # ... and the run's report shows the same figures
    page = (directory / "report.html").read_text(encoding="utf-8")
    usage_table = page[page.index('<table class="grid usage">') :].split("</table>")[0]
    assert f'<td class="num">{money(expected / 2)}</td>' in usage_table
    from click.testing import CliRunner

    from simulator.cli import main

    markdown = CliRunner().invoke(main, ["report", str(directory), "--format", "md"]).output
    assert f"| cost / conversation | {money(expected / 2)} |" in markdown


def test_rerun_with_cache_makes_no_requests_and_repeats_transcripts(
    tmp_path, llm_server, monkeypatch
):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    agent = _openai_agent(tmp_path, llm_server)
    first, _ = _run(tmp_path, "a", agents=[agent])
    calls = llm_server.requests
    assert calls > 0
    second, summary = _run(tmp_path, "b", agents=[agent])
    assert llm_server.requests == calls  # every call answered from the cache
    assert (first / "transcripts.jsonl").read_bytes() == (second / "transcripts.jsonl").read_bytes()
    assert summary["cache"]["hits"] == calls and summary["cache"]["misses"] == 0


def test_the_api_key_is_never_written_under_results(tmp_path, llm_server, monkeypatch):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    customer = _spec(
        tmp_path,
        "customer",
        f"kind: openai\nid: cust\nmodel: gpt-test\nbase_url: {llm_server.url}/v1\n"
        "api_key_env: SALESIM_TEST_KEY\n",
    )
    _run(tmp_path, "k", agents=[_openai_agent(tmp_path, llm_server)], customer=customer)
    assert KEY in "".join(h or "" for h in llm_server.auth_headers)  # it was used ...
    files = [p for p in (tmp_path / "results").rglob("*") if p.is_file()]
    assert any(p.name == "llm.sqlite" for p in files)
    for path in files:  # ... and written nowhere
        assert KEY.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        ("gpt-fail500", "http_5xx"),
        ("gpt-rate429", "http_429"),
        ("gpt-slow", "timeout"),
        ("gpt-malformed", "malformed"),
        ("gpt-huge", "too_large"),
        ("gpt-empty", "empty"),
    ],
)
def test_openai_failures_are_recorded_and_the_run_finishes(
    tmp_path, llm_server, monkeypatch, model, kind
):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    directory, summary = _run(tmp_path, model, agents=[_openai_agent(tmp_path, llm_server, model)])
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert len(transcripts) == 2
    assert {t["outcome"] for t in transcripts} == {"agent_error"}
    assert {t["meta"]["error_kind"] for t in transcripts} == {kind}
    assert summary["agents"][f"llm-{model}"]["errors"] == {kind: 2}
    if kind in ("http_5xx", "http_429", "timeout"):  # retried once before giving up
        assert llm_server.by_mode[model.removeprefix("gpt-")] == 4


def test_a_flaky_endpoint_is_retried_to_success(tmp_path, llm_server, monkeypatch):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    directory, summary = _run(
        tmp_path, "flaky", agents=[_openai_agent(tmp_path, llm_server, "gpt-flaky")]
    )
    assert summary["agents"]["llm-gpt-flaky"]["errors"] == {}
    assert all(t["outcome"] != "agent_error" for t in read_lines(directory / "transcripts.jsonl"))


def test_capture_lead_tool_records_the_lead(tmp_path, monkeypatch):
    answers = [  # natural answers, one per topic a parent asks about
        (("cost", "rate", "much", "price"), "One-on-one tutoring is $60 an hour."),
        (
            ("tutor", "teacher", "certified", "switch"),
            "All tutors are certified teachers with five years of experience, and you can"
            " switch at no charge.",
        ),
        (("time", "day", "weekend", "session"), "Weekday evenings 4-8 pm and Saturday mornings."),
        (
            ("result", "improve", "work"),
            "It depends on the starting point; most students improve within two months.",
        ),
    ]

    def responder(body):
        last = body["messages"][-1]["content"]
        digits = "".join(ch for ch in last if ch.isdigit())
        if len(digits) == 10:
            return {
                "content": "",
                "tool_calls": [{"name": "capture_lead", "arguments": {"phone": digits}}],
            }
        answer = next((a for words, a in answers if any(w in last.lower() for w in words)), "")
        if sum(m["role"] == "assistant" for m in body["messages"]) < 2:
            return answer or "Happy to help, what would you like to know?"
        ask = " Could you leave your phone number so a teacher can call you back? No pressure."
        return answer + ask

    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    with OpenAICompatibleServer(responder=responder) as server:
        agent = _openai_agent(tmp_path, server, extra="capture_lead: true\n")
        directory, _ = _run(tmp_path, "tool", agents=[agent], n=8)
        assert server.bodies[0]["tools"][0]["function"]["name"] == "capture_lead"
    rows = read_lines(directory / "scores.jsonl")
    with_leads = [r for r in rows if r["agent_lead_valid"] is not None]
    assert with_leads, "no customer shared a number"
    assert all(r["agent_lead_valid"] == bool(r["lead_valid"]) for r in with_leads)


def test_langchain_runnable_agent(tmp_path):
    spec = _spec(
        tmp_path,
        "fake",
        "kind: langchain\nid: fake\nrunnable: fixtures.fake_customers:role_inverter\n",
    )
    directory, _ = _run(tmp_path, "lc", agents=[spec], n=1)
    transcript = read_lines(directory / "transcripts.jsonl")[0]
    first_agent = next(m for m in transcript["messages"] if m["role"] == "agent")
    assert first_agent["text"].startswith("Hi! Our clinic offers")


# --- HTTP agents --------------------------------------------------------------------------------


def _http_agent(tmp_path, server, **extra):
    lines = "".join(f"{k}: {v}\n" for k, v in extra.items())
    return _spec(
        tmp_path,
        "http",
        f"kind: http\nid: svc\nurl: {server.reply_url}\n"
        f"timeout_s: 0.5\nretries: 2\nbackoff_s: 0\n{lines}",
    )


def test_http_agent_converses_and_records_leads(tmp_path):
    """The reference agent deployed behind HTTP does as well as when called in-process."""
    from simulator.agents import load_agent
    from simulator.models import Transcript

    reference = load_agent("scripted-v2").agent

    def handler(payload):
        turn = reference.compose(Transcript.model_validate({**payload, "meta": {"seed": 0}}))
        return 200, {"text": turn.text, "lead": turn.lead}, {}

    with HttpAgentServer(handler=handler) as server:
        directory, summary = _run(tmp_path, "http", agents=[_http_agent(tmp_path, server)], n=6)
        assert server.requests > 6
    _, local = _run(tmp_path, "local", agents=["scripted-v2"], n=6)
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert all(t["outcome"] != "agent_error" for t in transcripts)
    leads = summary["agents"]["svc"]["metrics"]["lead_capture"]["successes"]
    assert leads >= 1
    assert leads == local["agents"]["scripted-v2"]["metrics"]["lead_capture"]["successes"]
    assert sum(bool(t["lead"]) for t in transcripts) == leads


def test_http_agent_honours_retry_after_on_429(tmp_path):
    with HttpAgentServer(mode="rate429") as server:
        directory, summary = _run(tmp_path, "429", agents=[_http_agent(tmp_path, server)])
    assert summary["agents"]["svc"]["errors"] == {}
    assert all(t["outcome"] != "agent_error" for t in read_lines(directory / "transcripts.jsonl"))


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        ("fail500", "http_5xx"),
        ("slow", "timeout"),
        ("malformed", "malformed"),
        ("notjson", "malformed"),
        ("missing_text", "malformed"),
        ("huge", "too_large"),
        ("down", "connection"),
    ],
)
def test_http_failures_are_recorded_and_counted(tmp_path, mode, kind):
    with HttpAgentServer(mode="ok" if mode == "down" else mode, slow_s=1.0) as server:
        if mode == "down":
            server.stop()
        directory, summary = _run(
            tmp_path, mode, agents=[_http_agent(tmp_path, server, max_response_bytes=100000)]
        )
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert len(transcripts) == 2 and {t["outcome"] for t in transcripts} == {"agent_error"}
    assert summary["agents"]["svc"]["errors"] == {kind: 2}
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"


# --- LLM customers ------------------------------------------------------------------------------


def _customer(tmp_path, server):
    return _spec(
        tmp_path,
        "llm-customer",
        f"kind: openai\nid: cust\nmodel: gpt-test\nbase_url: {server.url}/v1\napi_key_env: null\n"
        "prices: {input_per_million: 1.0, output_per_million: 1.0}\n",
    )


def test_llm_customer_converses_leaves_its_number_and_is_faithful(tmp_path, llm_server):
    directory, summary = _run(
        tmp_path, "cust", agents=["scripted-v2"], customer=_customer(tmp_path, llm_server), n=3
    )
    prompt = llm_server.bodies[0]["messages"][0]["content"]
    assert "ROLE: customer" in prompt and "PHONE:" in prompt
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert any(t["outcome"] == "lead_captured" for t in transcripts)
    assert all(t["meta"]["fidelity"]["faithful"] for t in transcripts), [
        t["meta"]["fidelity"] for t in transcripts
    ]
    assert summary["fidelity"]["llm:cust"]["unfaithful"] == 0.0
    rows = read_lines(directory / "scores.jsonl")
    assert all(r["customer_input_tokens"] > 0 and r["customer"] == "llm:cust" for r in rows)


@pytest.mark.parametrize(
    ("model", "flag"),
    [("role_inverter", "role_inversion"), ("early_leaker", "early_contact_leak")],
)
def test_unfaithful_customers_are_flagged_and_regenerated(tmp_path, model, flag):
    customer = _spec(
        tmp_path,
        model,
        f"kind: langchain\nid: {model}\nrunnable: fixtures.fake_customers:{model}\n",
    )
    directory, summary = _run(
        tmp_path, model, agents=["scripted-v2"], customer=customer, n=2, regenerate_unfaithful=2
    )
    transcripts = read_lines(directory / "transcripts.jsonl")
    assert all(t["meta"]["fidelity"][flag] for t in transcripts)
    assert all(t["meta"]["regenerated"] == 2 for t in transcripts)
    stats = summary["fidelity"][f"llm:{model}"]
    assert stats[flag] == 1.0 and stats["unfaithful"] == 1.0 and stats["regenerated"] == 4


def test_openai_endpoint_down_is_a_connection_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SALESIM_TEST_KEY", KEY)
    server = OpenAICompatibleServer()
    agent = _openai_agent(tmp_path, server)
    server.stop()
    directory, summary = _run(tmp_path, "down", agents=[agent])
    assert summary["agents"]["llm-gpt-test"]["errors"] == {"connection": 2}
    assert {t["outcome"] for t in read_lines(directory / "transcripts.jsonl")} == {"agent_error"}


# --- a gateway that echoes the key in its error body ---------------------------------------------

PLAIN_KEY = "planted-gateway-key-7f3a9b2c"
"""Not shaped like any known key: only remembering the api_key_env's value can catch it."""
OTHER_KEY = "sk-live-0123456789abcdef"
"""Someone else's key in the same body: caught by its shape."""


class EchoingGateway(OpenAICompatibleServer):
    """An OpenAI-compatible gateway whose every answer is an error quoting the request's key."""

    def __init__(self, status: int) -> None:
        self.status = status
        super().__init__()

    def _handle(self, method, path, headers, raw):
        from simulator.testing import _openai_error, _Reply

        self._record(headers, None)
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
        key = auth.removeprefix("Bearer ")
        message = (
            f"Incorrect API key provided: {key}. You sent 'Authorization: {auth}' "
            f"(and {OTHER_KEY} was found in your organisation)"
        )
        return _Reply.json(self.status, _openai_error(message, "invalid_request_error"))


def _leaks(directory: Path) -> list[str]:
    found = []
    for path in directory.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [
                f"{path.name}: {key}" for key in (PLAIN_KEY, OTHER_KEY) if key.encode() in data
            ]
    return found


@pytest.mark.parametrize("status", [401, 500])
def test_an_error_body_echoing_the_key_is_stored_without_it(tmp_path, monkeypatch, status):
    monkeypatch.setenv("SALESIM_TEST_KEY", PLAIN_KEY)
    with EchoingGateway(status) as gateway:
        agent = _openai_agent(tmp_path, gateway, extra="")
        judge = _spec(
            tmp_path,
            "judge",
            f"kind: openai\nid: j\nmodel: judge\nbase_url: {gateway.url}/v1\n"
            "api_key_env: SALESIM_TEST_KEY\ntimeout_s: 2\nretries: 0\n",
        )
        directory, _ = _run(
            tmp_path,
            "leak",
            agents=[agent],
            baseline_agent="scripted-v2",
            judge=judge,
            locales=["zh_CN"],
            personas=["elderly_dental_patient"],
            cache=None,
        )
        assert gateway.requests > 0
        assert PLAIN_KEY in "".join(h or "" for h in gateway.auth_headers)  # it was sent ...
    rows = read_lines(directory / "scores.jsonl")
    failed = [r for r in rows if r["outcome"] == "agent_error"]
    assert failed and all("[redacted]" in r["agent_error"] for r in failed)
    judged = [r for r in rows if r["judge_errors"]]
    assert judged and all("[redacted]" in r["judge_errors"][0]["error"] for r in judged)
    assert _leaks(directory) == []  # ... and written nowhere


def test_scrub_removes_remembered_keys_and_key_shaped_strings():
    from simulator.scrub import remember_secret, scrub

    remember_secret("plain-remembered-value-1")
    text = "got plain-remembered-value-1, Bearer abc.def-123456 and sk-proj-AbCdEf0123456789"
    assert scrub(text) == "got [redacted], [redacted] and [redacted]"
    assert scrub("no secret here: a bearer of news") == "no secret here: a bearer of news"
