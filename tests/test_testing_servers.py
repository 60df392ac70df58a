"""The local test servers (simulator.testing) speak the real wire protocols to the real clients.

Every assertion about a failure mode pins the exception class the production client actually
raises, because salesim's error classification depends on exactly those classes.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from simulator import testing
from simulator.testing import (
    HUGE_AGENT_BYTES,
    HUGE_OPENAI_CHARS,
    HttpAgentServer,
    OpenAICompatibleServer,
    default_responder,
    extract_phone,
)

SLOW_S = 0.5
CLIENT_TIMEOUT_S = 0.2


@pytest.fixture(scope="module")
def llm_server() -> Iterator[OpenAICompatibleServer]:
    with OpenAICompatibleServer(slow_s=SLOW_S) as server:
        yield server


@pytest.fixture
def agent_server() -> Iterator[HttpAgentServer]:
    with HttpAgentServer(slow_s=SLOW_S) as server:
        yield server


def chat(server: OpenAICompatibleServer, model: str = "gpt-test", **kwargs: Any) -> ChatOpenAI:
    kwargs.setdefault("max_retries", 0)
    return ChatOpenAI(base_url=server.url + "/v1", api_key="sk-test", model=model, **kwargs)


def transcript(*texts: str, locale: str = "en_US", conversation_id: str = "c1") -> dict[str, Any]:
    """A salesim transcript whose messages alternate customer, agent, customer, ..."""
    roles = ("customer", "agent")
    messages = [
        {"role": roles[i % 2], "text": text, "ts": f"2026-11-23T10:{i:02d}:00+08:00"}
        for i, text in enumerate(texts)
    ]
    return {
        "conversation_id": conversation_id,
        "locale": locale,
        "industry": "legal",
        "messages": messages,
    }


# --- OpenAICompatibleServer with ChatOpenAI -----------------------------------------------------


def test_chat_openai_gets_content_and_token_usage(llm_server):
    messages = [
        SystemMessage("You are a sales agent."),
        HumanMessage("How much is a consultation?"),
    ]
    before = llm_server.requests
    result = chat(llm_server).invoke(messages)

    assert result.content == (
        'Thanks for your message. About "How much is a consultation": we can help with that.'
    )
    prompt_tokens = (len("You are a sales agent.") + len("How much is a consultation?")) // 4 + 1
    completion_tokens = len(result.content) // 4 + 1
    assert result.usage_metadata["input_tokens"] == prompt_tokens
    assert result.usage_metadata["output_tokens"] == completion_tokens
    assert result.usage_metadata["total_tokens"] == prompt_tokens + completion_tokens
    usage = result.response_metadata["token_usage"]
    assert usage["prompt_tokens"] == prompt_tokens
    assert usage["completion_tokens"] == completion_tokens
    assert result.response_metadata["model_name"] == "gpt-test"
    assert result.response_metadata["finish_reason"] == "stop"

    assert llm_server.requests == before + 1
    sent = llm_server.bodies[-1]
    assert sent["model"] == "gpt-test"
    assert sent["messages"][-1] == {"role": "user", "content": "How much is a consultation?"}
    assert llm_server.auth_headers[-1] == "Bearer sk-test"


def test_same_request_same_completion(llm_server):
    """Deterministic bodies (id, created, usage) so caches and transcripts reproduce."""
    body = {"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]}
    with httpx.Client() as client:
        first = client.post(llm_server.url + "/v1/chat/completions", json=body).json()
        second = client.post(llm_server.url + "/v1/chat/completions", json=body).json()
    assert first == second
    assert first["created"] == 0
    assert first["object"] == "chat.completion"


def test_agent_responder_asks_for_the_phone_every_third_reply():
    def body(n_assistant: int, text: str) -> dict[str, Any]:
        history: list[dict[str, Any]] = []
        for _ in range(n_assistant):
            history += [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]
        return {"messages": [*history, {"role": "user", "content": text}]}

    asks = [
        "phone number" in default_responder(body(n, "Tell me about divorce law")) for n in range(6)
    ]
    assert asks == [False, False, True, False, False, True]
    zh = default_responder(body(2, "离婚诉讼多少钱"))
    assert zh.startswith("感谢咨询。")
    assert zh.endswith("方便留个电话吗？我们给您回电。")


def test_customer_responder_asks_in_order_and_gives_the_phone(llm_server):
    system = SystemMessage(
        "ROLE: customer\nPHONE: 13800138000\n- ASK: How much does it cost?\n- ASK: Where are you?"
    )
    llm = chat(llm_server)
    first = llm.invoke([system, HumanMessage("您好，请问有什么可以帮您？")])
    assert first.content == "How much does it cost?"
    second = llm.invoke([system, HumanMessage("hi"), first, HumanMessage("It depends.")])
    assert second.content == "Where are you?"
    history = [system, HumanMessage("hi"), first, HumanMessage("It depends."), second]
    third = llm.invoke([*history, HumanMessage("Downtown.")])
    assert third.content == "Thanks, that's all. <END>"  # every question asked: it ends
    for question in ("方便留个电话吗？", "Could you share your phone number?", "联系方式是？"):
        answer = llm.invoke([*history, HumanMessage(question)])
        assert answer.content == "13800138000 <END>"


def test_customer_without_asks_ends_the_chat(llm_server):
    result = chat(llm_server).invoke([SystemMessage("ROLE: customer"), HumanMessage("Hello")])
    assert result.content == "Thanks, that's all. <END>"


def test_custom_responder_and_its_errors():
    with OpenAICompatibleServer(responder=lambda body: f"{len(body['messages'])} messages") as s:
        assert chat(s).invoke("hello").content == "1 messages"
    with OpenAICompatibleServer(responder=lambda body: body["nope"]) as s:
        with pytest.raises(openai.InternalServerError):
            chat(s).invoke("hello")
        assert "KeyError" in s.errors[0]


@pytest.mark.parametrize(
    ("model", "error", "status"),
    [
        ("gpt-fail500", openai.InternalServerError, 500),
        ("gpt-rate429", openai.RateLimitError, 429),
        ("gpt-flaky-no-retry", openai.InternalServerError, 500),
    ],
)
def test_failure_modes_raise_status_errors(llm_server, model, error, status):
    with pytest.raises(error) as raised:
        chat(llm_server, model).invoke("hello")
    assert raised.value.status_code == status
    assert llm_server.by_mode[model.split("-")[1]] >= 1


def test_rate429_sends_retry_after(llm_server):
    with pytest.raises(openai.RateLimitError) as raised:
        chat(llm_server, "rate429").invoke("hello")
    assert raised.value.response.headers["retry-after"] == "0"
    assert raised.value.response.headers["retry-after-ms"] == "10"
    assert raised.value.body["code"] == "rate_limit_exceeded"


def test_flaky_succeeds_on_the_client_retry(llm_server):
    before = llm_server.by_mode.get("flaky", 0)
    result = chat(llm_server, "flaky-retry", max_retries=1).invoke("retry me")
    assert result.content.startswith("Thanks for your message.")
    assert llm_server.by_mode["flaky"] == before + 2


def test_slow_times_out(llm_server):
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        chat(llm_server, "slow", timeout=CLIENT_TIMEOUT_S).invoke("hello")
    assert time.monotonic() - started < SLOW_S


def test_slow_answers_when_the_client_waits(llm_server):
    result = chat(llm_server, "slow", timeout=5).invoke("hello")
    assert result.content.startswith("Thanks for your message.")


def test_malformed_body_raises_json_decode_error(llm_server):
    """Not an openai.APIError: the SDK lets the decoder's exception through."""
    with pytest.raises(json.JSONDecodeError):
        chat(llm_server, "malformed").invoke("hello")


def test_huge_and_empty_are_valid_completions(llm_server):
    huge = chat(llm_server, "huge").invoke("hello")
    assert len(huge.content) == HUGE_OPENAI_CHARS
    assert huge.usage_metadata["output_tokens"] == HUGE_OPENAI_CHARS // 4 + 1
    empty = chat(llm_server, "empty").invoke("hello")
    assert empty.content == ""
    assert isinstance(empty, AIMessage)


def test_streaming_is_refused(llm_server):
    with pytest.raises(openai.BadRequestError) as raised:
        chat(llm_server, streaming=True).invoke("hello")
    assert raised.value.status_code == 400
    assert llm_server.by_mode["stream"] >= 1


def test_models_and_unknown_routes(llm_server):
    with openai.OpenAI(base_url=llm_server.url + "/v1", api_key="sk-test", max_retries=0) as client:
        assert [model.id for model in client.models.list()] == ["gpt-test"]
    with httpx.Client() as client:
        assert client.get(llm_server.url + "/v1/nothing").status_code == 404
        bad = client.post(llm_server.url + "/v1/chat/completions", content=b"not json")
    assert bad.status_code == 400
    assert bad.json()["error"]["type"] == "invalid_request_error"


def test_requests_are_served_concurrently():
    """16 requests meet at a barrier inside the server: only a concurrent server lets them all
    through (a sequential one would break the barrier and answer 500)."""
    barrier = threading.Barrier(16, timeout=10)

    def responder(body):
        barrier.wait()
        return "together"

    body = {"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]}
    with OpenAICompatibleServer(responder=responder) as server, httpx.Client(timeout=20) as client:
        url = server.url + "/v1/chat/completions"
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(lambda _: client.post(url, json=body).status_code, range(16)))
    assert statuses == [200] * 16
    assert server.requests == 16


def test_recordings_are_bounded(monkeypatch):
    monkeypatch.setattr(testing, "MAX_RECORDED", 3)
    with OpenAICompatibleServer() as server:
        llm = chat(server)
        for i in range(5):
            llm.invoke(f"message {i}")
        assert server.requests == 5
        assert [b["messages"][0]["content"] for b in server.bodies] == [
            "message 2",
            "message 3",
            "message 4",
        ]
        assert server.auth_headers == ["Bearer sk-test"] * 3


# --- HttpAgentServer with httpx -----------------------------------------------------------------


def test_agent_asks_for_the_phone_then_records_the_lead(agent_server):
    with httpx.Client() as client:
        first = client.post(agent_server.reply_url, json=transcript("Hi, I need a lawyer."))
        assert first.status_code == 200
        assert first.json() == {"text": "Hello! Thanks for reaching out. How can I help?"}
        second = client.post(
            agent_server.reply_url, json=transcript("Hi", first.json()["text"], "Divorce.")
        ).json()
        assert "phone number" in second["text"]
        assert "lead" not in second
        third = client.post(
            agent_server.reply_url,
            json=transcript("Hi", "Hello", "Divorce.", second["text"], "Sure: (415) 555-0134"),
        ).json()
    assert third["lead"] == {"phone": "4155550134"}
    assert "4155550134" in third["text"]
    assert agent_server.requests == 3
    assert agent_server.bodies[0]["conversation_id"] == "c1"


def test_agent_speaks_chinese_for_zh_cn(agent_server):
    with httpx.Client() as client:
        ask = client.post(
            agent_server.reply_url, json=transcript("你好", "您好", "离婚", locale="zh_CN")
        ).json()
        assert "手机号" in ask["text"]
        lead = client.post(
            agent_server.reply_url,
            json=transcript("你好", "您好", "离婚", ask["text"], "138 0013 8000", locale="zh_CN"),
        ).json()
    assert lead["lead"] == {"phone": "13800138000"}


def test_extract_phone():
    assert extract_phone("我的手机是+86 138-0013-8000") == "13800138000"
    assert extract_phone("call 415.555.0134") == "4155550134"
    assert extract_phone("+1 (415) 555-0134 please") == "4155550134"
    assert extract_phone("order 12345678") is None
    assert extract_phone("订单号 123456789012345") is None


def test_agent_failure_modes_over_httpx(agent_server):
    body = transcript("Hi")
    with httpx.Client(timeout=CLIENT_TIMEOUT_S) as client:
        agent_server.mode = "fail500"
        assert client.post(agent_server.reply_url, json=body).status_code == 500

        agent_server.mode = "slow"
        with pytest.raises(httpx.ReadTimeout):
            client.post(agent_server.reply_url, json=body)

        agent_server.mode = "malformed"
        response = client.post(agent_server.reply_url, json=body)
        assert response.status_code == 200
        with pytest.raises(json.JSONDecodeError):
            response.json()

        agent_server.mode = "notjson"
        response = client.post(agent_server.reply_url, json=body)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        with pytest.raises(json.JSONDecodeError):
            response.json()

        agent_server.mode = "missing_text"
        assert client.post(agent_server.reply_url, json=body).json() == {"lead": None}

        agent_server.mode = "huge"
        response = client.post(agent_server.reply_url, json=body, timeout=10)
        assert len(response.content) >= HUGE_AGENT_BYTES
        assert len(response.json()["text"]) == HUGE_AGENT_BYTES

        agent_server.mode = "ok"
        assert client.post(agent_server.reply_url, json=body).json()["text"].startswith("Hello")
    assert agent_server.requests == 7


def test_agent_rate429_per_conversation(agent_server):
    agent_server.mode = "rate429"
    with httpx.Client() as client:
        statuses = [
            client.post(agent_server.reply_url, json=transcript("Hi", conversation_id="a"))
            for _ in range(3)
        ]
        other = client.post(agent_server.reply_url, json=transcript("Hi", conversation_id="b"))
    assert [r.status_code for r in statuses] == [429, 429, 200]
    assert statuses[0].headers["retry-after"] == "0"
    assert other.status_code == 429


def test_agent_down_refuses_connections(agent_server):
    with httpx.Client(timeout=CLIENT_TIMEOUT_S) as client:
        assert client.post(agent_server.reply_url, json=transcript("Hi")).status_code == 200
        agent_server.stop()  # the pooled keep-alive connection is cut too
        assert not agent_server.running
        with pytest.raises(httpx.ConnectError):
            client.post(agent_server.reply_url, json=transcript("Hi"))
    agent_server.stop()  # idempotent


def test_agent_custom_handler_bad_requests_and_modes():
    def handler(body: dict[str, Any]) -> tuple[int, dict[str, Any] | bytes, dict[str, str]]:
        return 202, b"raw", {"Content-Type": "text/plain", "X-Agent": body["conversation_id"]}

    with HttpAgentServer(handler=handler) as server, httpx.Client() as client:
        response = client.post(server.reply_url, json=transcript("Hi", conversation_id="z"))
        assert (response.status_code, response.text) == (202, "raw")
        assert response.headers["x-agent"] == "z"
        assert client.post(server.reply_url, content=b"{").status_code == 400
        assert client.get(server.reply_url).status_code == 404
        with pytest.raises(ValueError, match="unknown mode"):
            server.mode = "down"
