"""Agents that call out: chat models (``openai``, ``langchain``) and HTTP services (``http``).

They are registered lazily in the agent-kind registry, so a run of scripted agents never imports
LangChain or httpx. Every failure becomes a :class:`~simulator.llm.CallError` with a kind; the
engine records it on the conversation and the run goes on.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from pathlib import Path
from typing import Any

from simulator import openai_direct
from simulator.llm import (
    MAX_RESPONSE_CHARS,
    CallError,
    ChatClient,
    LLMCache,
    Prices,
    RateLimiter,
    api_key_from_env,
    with_retries,
)
from simulator.models import AgentTurn, Transcript
from simulator.registry import RegistryError, import_reference
from simulator.seeding import conversation_key
from simulator.specs import HttpAgentSpec, LangChainAgentSpec, OpenAIAgentSpec, SpecError

LEAD_ACKNOWLEDGEMENT = {
    "zh_CN": "收到，我们会尽快联系您。",
    "en_US": "Got it, thank you. We'll be in touch shortly.",
}
"""Said when a model records a lead through the tool but writes no text with it."""


def build_chat_model(
    spec: OpenAIAgentSpec | LangChainAgentSpec, where: str
) -> tuple[Any, str, list[Any]]:
    """The LangChain model or Runnable a spec names, its id for cache keys, and owned clients."""
    if isinstance(spec, OpenAIAgentSpec):
        import httpx2
        from langchain_openai import ChatOpenAI

        key = api_key_from_env(spec.api_key_env, where) or "not-needed"
        # Our own async HTTP client, closed at the end of the run (langchain-openai's default
        # one is shared process-wide and would outlive the run's event loop). httpx2 is what
        # the openai SDK itself uses; its pool keeps connections alive (httpx 0.28's pool
        # reconnected for almost every call, bench/concurrency.py).
        http_client = httpx2.AsyncClient(
            timeout=spec.timeout_s,
            limits=httpx2.Limits(max_connections=1000, max_keepalive_connections=100),
        )
        kwargs: dict[str, Any] = {
            "model": spec.model,
            "api_key": key,
            "max_retries": 0,  # salesim retries, counting and honouring Retry-After itself
            "timeout": spec.timeout_s,
            "http_async_client": http_client,
        }
        if spec.base_url:
            kwargs["base_url"] = spec.base_url
        if spec.temperature is not None:
            kwargs["temperature"] = spec.temperature
        if spec.max_tokens is not None:
            kwargs["max_tokens"] = spec.max_tokens
        model_id = f"openai:{spec.model}@{spec.base_url or 'default'}"
        model = ChatOpenAI(**kwargs)
        # Plain-JSON bodies skip the SDK's request-body transform: same bytes on the wire, a
        # third of the client's CPU per call (simulator/openai_direct.py).
        openai_direct.install(model)
        return model, model_id, [http_client]
    if spec.runnable:
        try:
            target = import_reference(spec.runnable)
        except RegistryError as exc:
            raise SpecError(f"{where}: runnable: {exc}") from None
        if callable(target) and not hasattr(target, "ainvoke"):
            target = target()
        return target, f"runnable:{spec.runnable}", []
    from langchain.chat_models import init_chat_model

    kwargs = {} if spec.temperature is None else {"temperature": spec.temperature}
    if spec.max_tokens is not None:
        kwargs["max_tokens"] = spec.max_tokens
    try:
        model = init_chat_model(spec.model, **kwargs)
    except Exception as exc:  # provider packages raise many kinds of errors
        raise SpecError(f"{where}: model: cannot load {spec.model!r} ({exc})") from None
    openai_direct.install(model)  # a no-op unless init_chat_model made a ChatOpenAI
    return model, f"langchain:{spec.model}", []


def chat_client(
    spec: OpenAIAgentSpec | LangChainAgentSpec,
    where: str,
    cache: LLMCache | None,
    rate_share: float = 1.0,
) -> ChatClient:
    """A :class:`ChatClient` for a model spec."""
    model, model_id, owned = build_chat_model(spec, where)
    return ChatClient(
        model=model,
        owned=owned,
        model_id=model_id,
        params={"temperature": spec.temperature, "max_tokens": spec.max_tokens},
        prices=Prices(spec.prices.input_per_million, spec.prices.output_per_million),
        limiter=RateLimiter.shared(spec.rpm, spec.tpm, rate_share),
        cache=cache,
        retries=spec.retries,
        timeout_s=spec.timeout_s,
    )


def _capture_lead_tool() -> Any:
    from langchain_core.tools import tool

    @tool
    def capture_lead(
        phone: str | None = None,
        wechat: str | None = None,
        email: str | None = None,
        name: str | None = None,
    ) -> str:
        """Record the customer's contact for the CRM, once the customer has shared it."""
        return "recorded"

    return capture_lead


def read_system_prompt(spec: OpenAIAgentSpec | LangChainAgentSpec, spec_path: Path | None) -> str:
    """The system prompt inline, or from ``system_prompt_file`` relative to the spec."""
    if spec.system_prompt_file:
        base = spec_path.parent if spec_path else Path.cwd()
        path = (base / spec.system_prompt_file).resolve()
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SpecError(
                f"{spec_path}: system_prompt_file: cannot read {path} ({exc.strerror})"
            ) from None
    return spec.system_prompt or ""


class ChatAgent:
    """A sales agent played by a chat model with a system prompt."""

    def __init__(self, client: ChatClient, system_prompt: str, capture_lead: bool) -> None:
        self.client = client
        self.system_prompt = system_prompt
        self.tools = [_capture_lead_tool()] if capture_lead else None

    async def aclose(self) -> None:
        """Close the model client's connections (called by the engine at the end of a run)."""
        await self.client.aclose()

    async def reply(self, transcript: Transcript) -> AgentTurn:
        """Ask the model for the next agent message."""
        messages: list[tuple[str, str]] = []
        if self.system_prompt:
            messages.append(("system", self.system_prompt))
        for message in transcript.messages:
            if message.role in ("customer", "agent"):
                messages.append(("human" if message.role == "customer" else "ai", message.text))
        seed = conversation_key(transcript)
        started = time.perf_counter()
        completion = await self.client.complete(messages, seed, tools=self.tools)
        lead = None
        for call in completion.tool_calls:
            if call.get("name") == "capture_lead":
                lead = {k: v for k, v in (call.get("args") or {}).items() if v}
        text = completion.text
        if not text.strip() and lead:
            text = LEAD_ACKNOWLEDGEMENT.get(
                transcript.locale or "en_US", LEAD_ACKNOWLEDGEMENT["en_US"]
            )
        # A cached answer replays the latency measured when it was made, so reruns are identical.
        latency = completion.latency_s if completion.cached else time.perf_counter() - started
        return AgentTurn(
            text=text,
            latency_s=max(1, math.ceil(latency)),
            lead=lead,
            usage=completion.usage(),
        )


def openai_agent(spec: OpenAIAgentSpec, context: Any) -> ChatAgent:
    """Any OpenAI-compatible endpoint (base_url, model) through langchain-openai."""
    client = chat_client(spec, str(context.spec_path), context.cache, context.rate_share)
    return ChatAgent(client, read_system_prompt(spec, context.spec_path), spec.capture_lead)


def langchain_agent(spec: LangChainAgentSpec, context: Any) -> ChatAgent:
    """Any LangChain chat model (init_chat_model string) or Runnable (module:attr)."""
    client = chat_client(spec, str(context.spec_path), context.cache, context.rate_share)
    if spec.capture_lead and not hasattr(client.model, "bind_tools"):
        raise SpecError(f"{context.spec_path}: capture_lead: this model cannot call tools")
    return ChatAgent(client, read_system_prompt(spec, context.spec_path), spec.capture_lead)


# --- HTTP agents -------------------------------------------------------------------------------


class _HttpFailure(Exception):
    """A retryable HTTP status; carries what :func:`simulator.llm.classify` reads."""

    def __init__(self, status_code: int, response: Any) -> None:
        super().__init__(f"HTTP {status_code}")
        self.status_code = status_code
        self.response = response


class HttpAgent:
    """An agent deployed as a service: POST the transcript as JSON, read ``{"text", "lead"?}``."""

    def __init__(self, spec: HttpAgentSpec, where: str, rate_share: float = 1.0) -> None:
        self.spec = spec
        self.headers = dict(spec.headers)
        key = api_key_from_env(spec.api_key_env, where)
        if key:
            self.headers["Authorization"] = f"Bearer {key}"
        self.limiter = RateLimiter.shared(spec.rpm, None, rate_share)
        self._clients: dict[int, Any] = {}

    def _client(self) -> Any:
        import httpx

        loop = id(asyncio.get_running_loop())  # one client per event loop (runs use asyncio.run)
        if loop not in self._clients:
            self._clients[loop] = httpx.AsyncClient(
                timeout=self.spec.timeout_s, headers=self.headers
            )
        return self._clients[loop]

    async def aclose(self) -> None:
        """Close the connection pool of the running loop."""
        client = self._clients.pop(id(asyncio.get_running_loop()), None)
        if client is not None:
            await client.aclose()

    async def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        await self.limiter.acquire()
        async with self._client().stream("POST", self.spec.url, json=payload) as response:
            if response.status_code == 429 or response.status_code >= 500:
                raise _HttpFailure(response.status_code, response)
            if response.status_code >= 300:
                # redirects are not followed (they could lead to another host): a 3xx is an error
                kind = "redirect" if response.status_code < 400 else f"http_{response.status_code}"
                raise CallError(kind, f"HTTP {response.status_code}")
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body.extend(chunk)
                if len(body) > self.spec.max_response_bytes:
                    raise CallError(
                        "too_large", f"response over {self.spec.max_response_bytes} bytes"
                    )
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CallError("malformed", f"response is not JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise CallError("malformed", 'response has no "text" string')
        if len(data["text"]) > MAX_RESPONSE_CHARS:
            raise CallError("too_large", f"reply of {len(data['text'])} characters")
        return data

    async def reply(self, transcript: Transcript) -> AgentTurn:
        """POST the conversation so far; retries 429 and 5xx with backoff and Retry-After."""
        payload = {
            "conversation_id": transcript.conversation_id,
            "locale": transcript.locale,
            "industry": transcript.industry,
            "messages": [
                {"role": m.role, "text": m.text, "ts": m.ts.isoformat()}
                for m in transcript.messages
            ],
        }
        data = await with_retries(
            lambda: self._post(payload), self.spec.retries, self.spec.backoff_s
        )
        lead = data.get("lead") if isinstance(data.get("lead"), dict) else None
        latency = data.get("latency_s")
        more = data.get("more")
        return AgentTurn(
            text=data["text"],
            more=[m for m in more if isinstance(m, str)] if isinstance(more, list) else [],
            lead=lead,
            latency_s=float(latency) if isinstance(latency, int | float) and latency >= 0 else None,
        )


def http_agent(spec: HttpAgentSpec, context: Any) -> HttpAgent:
    """An agent behind an HTTP endpoint (timeouts, size limit, retries with backoff)."""
    return HttpAgent(spec, str(context.spec_path), context.rate_share)
