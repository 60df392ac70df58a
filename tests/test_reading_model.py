"""The model reader: a chat model behind a local OpenAI-compatible server, or a fake chat model."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from simulator.llm import CallError, LLMCache
from simulator.reading import ModelReader, ReadContext, Reading, RulesReader, load_reader
from simulator.specs import SpecError, load_persona_library
from simulator.testing import OpenAICompatibleServer

REPLY = "Hi! One-on-one tutoring is $60 an hour."
ANSWER = {
    "answers": ["price", "bogus_need"],
    "acts": ["greets", "dances"],
    "evidence": {"price": "$60 an hour", "bogus_need": "x", "greets": "Hi!"},
    "flags": ["off_topic", "wall", "made_up"],
    "contact_kind": None,
}


@pytest.fixture(scope="module")
def context() -> ReadContext:
    persona = load_persona_library()[("worried_parent", "en_US")][0]
    return ReadContext(
        locale="en_US",
        needs=persona.need_views(),
        asked="price",
        customer_text="How much is one-on-one tutoring?",
        industry=persona.industry,
    )


def _spec(tmp_path: Path, url: str, model: str = "reader-model", retries: int = 1) -> str:
    path = tmp_path / f"{model}.yaml"
    path.write_text(
        f"kind: openai\nid: local-reader\nmodel: {model}\nbase_url: {url}/v1\n"
        f"api_key_env: null\nrpm: 600\ntimeout_s: 5\nretries: {retries}\n"
        "prices: {input_per_million: 1.0, output_per_million: 4.0}\n",
        encoding="utf-8",
    )
    return str(path)


def _read(spec: str, text: str, context: ReadContext, cache: LLMCache | None = None):
    """(reading, reader) of one read with a freshly loaded reader, its connections closed."""

    async def go() -> tuple[Reading, ModelReader]:
        reader = load_reader(spec, cache)
        assert isinstance(reader, ModelReader)
        try:
            return await reader.aread(text, context), reader
        finally:
            await reader.aclose()

    return asyncio.run(go())


def test_a_structured_answer_becomes_a_reading_with_unknown_names_dropped(tmp_path, context):
    with OpenAICompatibleServer(responder=lambda body: json.dumps(ANSWER)) as server:
        reading, reader = _read(_spec(tmp_path, server.url), REPLY, context)
        body = server.bodies[0]
    assert reading.answers == ("price",)
    assert reading.acts == {"greets"}
    assert reading.evidence == {"price": "$60 an hour", "greets": "Hi!"}
    assert reading.flags == {"off_topic"}  # "wall" is measured, never the model's say
    assert reading.amounts == (60.0,)  # read from the evidence, as the rules reader does
    assert reading.chars == len(REPLY)
    # structured output at temperature 0, with the persona's needs and the pending one
    assert body["temperature"] == 0 and body["response_format"]["type"] == "json_schema"
    system, human = (m["content"] for m in body["messages"])
    assert "- price (money)" in system and "was about: price" in system
    assert "How much is one-on-one tutoring?" in human and REPLY in human
    assert reader.calls == 1 and reader.input_tokens > 0
    assert reader.cost == pytest.approx((reader.input_tokens + 4 * reader.output_tokens) / 1e6)


def test_leave_to_call_read_by_the_model_is_a_contact_the_customer_can_give(tmp_path, context):
    """As the rules read it: "Would it be okay if I call you?" is consent with the kind of
    contact it needs, and the policy answers it as an ask; a bare "if you'd like" is neither."""
    leave = {**ANSWER, "answers": [], "acts": ["asks_consent"], "contact_kind": "phone"}
    polite = {**ANSWER, "answers": [], "acts": ["asks_consent"], "contact_kind": None}
    for answer, solicits in ((leave, True), (polite, False)):
        with OpenAICompatibleServer(responder=lambda body, a=answer: json.dumps(a)) as server:
            reading, _ = _read(
                _spec(tmp_path, server.url), "Would it be okay if I call you?", context
            )
        assert reading.acts == {"asks_consent"}
        assert reading.solicits_contact() is solicits


def test_a_second_identical_read_is_answered_by_the_cache(tmp_path, context):
    cache = LLMCache(tmp_path / "llm.sqlite")
    with OpenAICompatibleServer(responder=lambda body: json.dumps(ANSWER)) as server:
        spec = _spec(tmp_path, server.url)
        first, _ = _read(spec, REPLY, context, cache)
        again, reader = _read(spec, REPLY, context, cache)  # a rerun: a new reader, same cache
        assert server.requests == 1
        assert reader.calls == 0 and again == first
        _read(spec, "Sessions are on Saturdays.", context, cache)  # another reply is asked
        assert server.requests == 2
    cache.close()


def test_a_failing_server_raises_the_model_layers_error_after_retries(tmp_path, context):
    with OpenAICompatibleServer() as server:
        spec = _spec(tmp_path, server.url, model="reader-fail500", retries=1)
        with pytest.raises(CallError) as raised:
            _read(spec, REPLY, context)
        assert raised.value.kind == "http_5xx"
        assert server.requests == 2


def test_an_answer_that_is_not_a_reading_is_a_malformed_call(tmp_path, context):
    with (
        OpenAICompatibleServer(responder=lambda body: "happy customer") as server,
        pytest.raises(CallError) as raised,
    ):
        _read(_spec(tmp_path, server.url, retries=0), REPLY, context)
    assert raised.value.kind == "malformed"


def test_a_reply_with_nothing_visible_costs_no_call(tmp_path, context):
    with OpenAICompatibleServer(responder=lambda body: json.dumps(ANSWER)) as server:
        reading, _ = _read(_spec(tmp_path, server.url), "\u200b 😊 !!", context)
        assert server.requests == 0
    assert reading.flags == {"unreadable"} and reading.answers == ()


def test_a_plain_chat_model_answering_json_in_a_fence(context):
    reading, reader = _read("fixtures.readers:price_reader", REPLY, context)
    assert reading.answers == ("price",) and reading.acts == {"greets"}
    assert reader.name == "fixtures.readers:price_reader"
    with pytest.raises(CallError, match="malformed"):
        _read("fixtures.readers:prose_reader", REPLY, context)


def test_the_rules_reader_is_the_default():
    assert isinstance(load_reader(None), RulesReader)
    assert isinstance(load_reader("rules"), RulesReader)


def test_bad_reader_specs_are_one_line_errors(tmp_path):
    http = tmp_path / "http.yaml"
    http.write_text("kind: http\nid: r\nurl: http://127.0.0.1:9/\n", encoding="utf-8")
    with pytest.raises(SpecError, match="a reader needs kind openai or langchain"):
        load_reader(str(http))
    with pytest.raises(SpecError, match="--reader"):
        load_reader("nonexistent-provider:some-model")
    with pytest.raises(SpecError, match="not a chat model"):
        load_reader("fixtures.readers:PRICE")
    missing = tmp_path / "missing.yaml"
    with pytest.raises(SpecError) as raised:
        load_reader(str(missing))
    assert "\n" not in str(raised.value) and str(missing) in str(raised.value)


def test_a_spec_sets_the_request_budget_timeout_and_retries(tmp_path):
    spec = tmp_path / "reader.yaml"
    spec.write_text(
        "kind: openai\nid: r\nmodel: m\nbase_url: http://127.0.0.1:9/v1\napi_key_env: null\n"
        "rpm: 60\ntimeout_s: 7\nretries: 2\n",
        encoding="utf-8",
    )
    reader = load_reader(str(spec), rate_share=0.5)  # one of two worker processes
    assert isinstance(reader, ModelReader)
    assert (reader.limiter.rpm, reader.timeout_s, reader.retries) == (30, 7, 2)
    assert reader.name == "openai:m@http://127.0.0.1:9/v1"
    asyncio.run(reader.aclose())


def test_a_run_with_a_model_reader_reports_agreement_and_reruns_from_cache(tmp_path):
    """`salesim run --reader SPEC`: the model reads, the scripted policy acts, the rules reader
    reads alongside, the summary says how often they agreed, and a rerun asks nothing."""
    from simulator.models import RunConfig
    from simulator.runs import run_suite

    def responder(body):
        human = body["messages"][-1]["content"]
        answers = ["price"] if "$" in human or "元" in human else []
        return json.dumps({"answers": answers, "acts": [], "evidence": {}, "flags": []})

    with OpenAICompatibleServer(responder=responder) as server:
        spec = _spec(tmp_path, server.url)
        config = RunConfig(
            agents=["scripted-v2"],
            baseline_agent=None,
            personas=["worried_parent"],
            locales=["en_US"],
            n=3,
            out=str(tmp_path),
            run_id="first",
            report=False,
            reader=spec,
            cache=str(tmp_path / "cache.sqlite"),
        )
        directory, summary = run_suite(config)
        asked = len(server.bodies)
        again = config.model_copy(update={"run_id": "again"})
        _, summary_again = run_suite(again)
        assert len(server.bodies) == asked  # every reading came from the cache
    agreement = summary["reader_agreement"]
    assert asked > 0 and agreement["compared"] == asked
    assert 0.0 <= agreement["both"] <= agreement["answers"] <= 1.0
    assert summary_again["reader_agreement"] == agreement
    lines = (directory / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    metas = [m["meta"] for line in lines for m in json.loads(line)["messages"]]
    assert any("understood_rules" in meta and "understood" in meta for meta in metas)
