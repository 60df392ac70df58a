"""The transform-free chat-completions path puts the SDK's own bytes on the wire, or steps aside.

Each test drives two real ``ChatOpenAI`` clients against the local OpenAI-compatible server: one
as langchain-openai builds it, one with :func:`simulator.openai_direct.install`. The server
records what it received, so the comparison is of what actually crossed the socket.
"""

from __future__ import annotations

import asyncio

import httpx2
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from openai.resources.chat.completions import AsyncCompletions

from simulator import openai_direct
from simulator.testing import OpenAICompatibleServer


@tool
def capture_lead(name: str, phone: str) -> str:
    """Record the customer's name and phone number."""
    return "recorded"


CONVERSATION = [
    SystemMessage("You are a polite sales assistant."),
    HumanMessage("你好，我想了解一下种植牙的价格"),
    AIMessage("您好！请问您想种几颗？"),
    HumanMessage("两颗。我叫王芳，电话 138 0013 8000"),
]
WITH_TOOL_HISTORY = [
    *CONVERSATION,
    AIMessage(
        "",
        tool_calls=[
            {"name": "capture_lead", "args": {"name": "王芳", "phone": "13800138000"}, "id": "c1"}
        ],
    ),
    ToolMessage("recorded", tool_call_id="c1"),
    HumanMessage('Thanks — and the price? "quotes" and \\ backslashes'),
]


@pytest.fixture
def server():
    with OpenAICompatibleServer() as running:
        yield running


@pytest.fixture
def sdk_creates(monkeypatch):
    """Counts calls that reached the SDK's own ``AsyncCompletions.create``."""
    calls: list[dict] = []
    original = AsyncCompletions.create

    async def counting(self, **params):
        calls.append(params)
        return await original(self, **params)

    monkeypatch.setattr(AsyncCompletions, "create", counting)
    return calls


def _model(server: OpenAICompatibleServer, direct: bool, **kwargs) -> ChatOpenAI:
    # its own HTTP client: langchain-openai's default one is shared by the whole process
    kwargs.setdefault("http_async_client", httpx2.AsyncClient())
    model = ChatOpenAI(
        model="gpt-test",
        api_key="sk-test",
        base_url=f"{server.url}/v1",
        max_retries=0,
        temperature=0.2,
        max_tokens=64,
        **kwargs,
    )
    if direct:
        assert openai_direct.install(model)
    return model


def _both(server, call) -> tuple[list, list]:
    """Bodies and auth headers the server saw for ``call(model)`` via the SDK, then direct."""

    async def run() -> list:
        answers = []
        for direct in (False, True):
            model = _model(server, direct)
            answers.append(await call(model))
            await model.http_async_client.aclose()
        return answers

    answers = asyncio.run(run())
    assert server.requests == 2
    return server.bodies, answers


@pytest.mark.parametrize(
    "call",
    [
        lambda model: model.ainvoke(CONVERSATION),
        lambda model: model.bind_tools([capture_lead]).ainvoke(CONVERSATION),
        lambda model: model.bind_tools([capture_lead]).ainvoke(WITH_TOOL_HISTORY),
        lambda model: model.bind(stop=["\n\n"], seed=7, user="u-1").ainvoke(CONVERSATION),
    ],
    ids=["text", "tools", "tool-history", "extra-params"],
)
def test_the_direct_path_sends_the_same_request_as_the_sdk(server, sdk_creates, call):
    (via_sdk, direct), (answer_sdk, answer_direct) = _both(server, call)
    assert direct == via_sdk
    assert server.auth_headers == ["Bearer sk-test", "Bearer sk-test"]
    assert len(sdk_creates) == 1, "the direct model must not have gone through the SDK's create"
    assert answer_direct.content == answer_sdk.content
    assert answer_direct.usage_metadata == answer_sdk.usage_metadata


def test_tool_calls_come_back_the_same_way(server):
    server.responder = lambda body: {
        "content": "",
        "tool_calls": [{"name": "capture_lead", "arguments": {"name": "王芳", "phone": "1"}}],
    }
    _, (via_sdk, direct) = _both(
        server, lambda model: model.bind_tools([capture_lead]).ainvoke(CONVERSATION)
    )
    assert direct.tool_calls and [c["args"] for c in direct.tool_calls] == [
        c["args"] for c in via_sdk.tool_calls
    ]


def test_response_format_and_streams_take_the_sdks_own_path(server, sdk_creates):
    async def run() -> None:
        model = _model(server, direct=True)
        try:
            await model.bind(response_format={"type": "json_object"}).ainvoke(CONVERSATION)
            with pytest.raises(Exception):  # noqa: B017 - the test server refuses streams (400)
                _ = [chunk async for chunk in model.astream(CONVERSATION)]
        finally:
            await model.http_async_client.aclose()

    asyncio.run(run())
    assert server.bodies[0]["response_format"] == {"type": "json_object"}
    assert [bool(params.get("stream")) for params in sdk_creates] == [True]
    assert server.by_mode == {"normal": 1, "stream": 1}


def test_failures_keep_the_sdks_exception_types(server):
    import openai

    async def run() -> None:
        model = _model(server, direct=True)
        model.model_name = "fail500"  # the test server answers this model with HTTP 500
        try:
            await model.ainvoke(CONVERSATION)
        finally:
            await model.http_async_client.aclose()

    with pytest.raises(openai.InternalServerError):
        asyncio.run(run())


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ({"a": [1, 2.5, "x", None, True, {"b": []}]}, True),
        ({"a": (1, 2)}, False),
        ({"a": b"bytes"}, False),
        ({1: "non-string key"}, False),
        ({"a": {"b": object()}}, False),
    ],
)
def test_only_plain_json_skips_the_transform(value, plain):
    assert openai_direct.is_plain_json(value) is plain
    assert openai_direct.direct_eligible({"messages": [], "model": "m", **{"x": value}}) is plain


def test_only_langchain_openai_models_on_plain_openai_clients_are_changed(server):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel
    from langchain_openai import AzureChatOpenAI

    fake = FakeListChatModel(responses=["hi"])
    azure = AzureChatOpenAI(
        azure_endpoint=server.url, api_key="k", api_version="2024-06-01", azure_deployment="d"
    )
    assert not openai_direct.install(fake)
    assert not openai_direct.install(azure)
    assert type(azure.async_client) is AsyncCompletions
