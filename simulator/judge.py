"""LLM-judge rules: a natural-language criterion decided by any LangChain chat model.

The judge asks for a structured verdict (``with_structured_output``) and falls back to parsing a
JSON answer for models that do not support it (small local models, LangChain's fake chat models
in tests). A verdict that cannot be parsed is recorded as a judge error on the conversation,
never silently treated as compliant.

During a run the judge is asked asynchronously (:meth:`Judge.aevaluate`), all of a
conversation's judge rules at once, so a remote judge model waits beside the conversations
instead of stopping the event loop; with a run cache its verdicts are stored like any other
model call, and a rerun asks again only for what it has not seen.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from simulator.llm import (
    LLMCache,
    Prices,
    RateLimiter,
    cache_key,
    usage_of,
    with_retries,
)
from simulator.models import Transcript
from simulator.registry import RegistryError, import_reference
from simulator.rubrics import Finding, JudgeUsage, Rule
from simulator.specs import SpecError
from simulator.structured import StructuredCaller

SYSTEM_PROMPT = """You are a compliance reviewer for sales conversations held in private messages.
Decide whether the AGENT (never the customer) violates this rule:

{criterion}

Messages are numbered. Answer only with JSON: {{"violated": true|false, "turn": <number of the
violating message or null>, "evidence": "<the agent's words that violate it, or empty>",
"reason": "<one sentence>"}}"""


class Verdict(BaseModel):
    """The judge's structured answer for one rule and one conversation."""

    violated: bool
    turn: int | None = None
    evidence: str = ""
    reason: str = ""


class JudgeError(RuntimeError):
    """The judge model answered something that is not a verdict."""


JUDGE_TIMEOUT_S = 120.0
"""Longest wait for one verdict during a run; a judge that hangs must not hang the run."""
JUDGE_RETRIES = 2
"""Retries of a verdict after a timeout, a 429, a 5xx or a dropped connection."""


class Judge(StructuredCaller):
    """Applies ``judge`` rules with one chat model."""

    def __init__(
        self,
        model: Any,
        name: str = "judge",
        cache: LLMCache | None = None,
        timeout_s: float = JUDGE_TIMEOUT_S,
        retries: int = JUDGE_RETRIES,
        limiter: RateLimiter | None = None,
        owned: list[Any] | None = None,
        prices: Prices | None = None,
    ) -> None:
        super().__init__(model, Verdict, name, cache, timeout_s, retries, limiter, owned, prices)

    def _messages(self, rule: Rule, transcript: Transcript) -> list[tuple[str, str]]:
        lines = [f"[{i}] {m.role}: {m.text}" for i, m in enumerate(transcript.messages)]
        return [
            ("system", SYSTEM_PROMPT.format(criterion=rule.criterion)),
            ("human", "\n".join(lines)),
        ]

    def _key(self, messages: list[tuple[str, str]]) -> str:
        params = {"structured": self._structured is not None}
        return cache_key(f"judge:{self.name}", messages, params, seed="judge")

    def _cached(self, key: str) -> Verdict | None:
        hit = self.cache.get(key) if self.cache is not None else None
        return Verdict.model_validate(hit) if hit is not None else None

    def _store(self, key: str, verdict: Verdict) -> Verdict:
        if self.cache is not None:
            self.cache.put(key, verdict.model_dump())
        return verdict

    def _read(self, answer: Any) -> tuple[Verdict, JudgeUsage]:
        """The verdict in a model's answer, and the tokens the answer reports."""
        if self._structured is None:  # a plain chat answer with JSON in it
            content = answer.content
            text = content if isinstance(content, str) else json.dumps(content)
            return parse_verdict(text), self._usage(answer)
        usage = JudgeUsage()
        if self._raw:
            if answer.get("parsing_error") is not None or answer.get("parsed") is None:
                error = answer.get("parsing_error") or "no verdict in the answer"
                raise JudgeError(f"judge answer is not a verdict: {str(error)[:200]}")
            usage = self._usage(answer.get("raw"))
            answer = answer["parsed"]
        verdict = answer if isinstance(answer, Verdict) else Verdict.model_validate(answer)
        return verdict, usage

    def _usage(self, message: Any) -> JudgeUsage:
        input_tokens, output_tokens = usage_of(message)
        cost = self.prices.cost(input_tokens, output_tokens)
        return JudgeUsage(input_tokens, output_tokens, cost)

    def verdict(self, rule: Rule, transcript: Transcript) -> Verdict:
        """Ask the model; raise :class:`JudgeError` when the answer is not a verdict."""
        messages = self._messages(rule, transcript)
        key = self._key(messages)
        cached = self._cached(key)
        if cached is not None:
            return cached
        self.calls += 1
        runnable = self._structured or self.model
        verdict, _ = self._read(runnable.invoke(messages))
        return self._store(key, verdict)

    async def averdict(self, rule: Rule, transcript: Transcript) -> tuple[Verdict, JudgeUsage]:
        """:meth:`verdict` without blocking the event loop (``ainvoke``), with its cost."""
        messages = self._messages(rule, transcript)
        key = self._key(messages)
        cached = self._cached(key)
        if cached is not None:
            return cached, JudgeUsage()
        runnable = self._structured or self.model
        await self.limiter.acquire()

        async def call() -> Any:
            self.calls += 1
            return await asyncio.wait_for(runnable.ainvoke(messages), timeout=self.timeout_s)

        verdict, usage = self._read(await with_retries(call, self.retries))
        return self._store(key, verdict), usage

    def evaluate(self, rule: Rule, transcript: Transcript) -> list[Finding]:
        """Findings of one judge rule in one transcript (zero or one)."""
        return self._findings(rule, transcript, self.verdict(rule, transcript))

    async def aevaluate(
        self, rule: Rule, transcript: Transcript
    ) -> tuple[list[Finding], JudgeUsage]:
        """:meth:`evaluate` for the event loop, with what the verdict cost."""
        verdict, usage = await self.averdict(rule, transcript)
        return self._findings(rule, transcript, verdict), usage

    @staticmethod
    def _findings(rule: Rule, transcript: Transcript, verdict: Verdict) -> list[Finding]:
        if not verdict.violated:
            return []
        turn = verdict.turn if verdict.turn is not None else _last_agent_turn(transcript)
        evidence = verdict.evidence or verdict.reason
        return [
            Finding(
                rule=rule.id,
                severity=rule.severity,
                turn=turn,
                evidence=evidence[:300],
                kind="judge",
            )
        ]


def _last_agent_turn(transcript: Transcript) -> int:
    agent_turns = [i for i, m in enumerate(transcript.messages) if m.role == "agent"]
    return agent_turns[-1] if agent_turns else 0


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def parse_verdict(text: str) -> Verdict:
    """A verdict from a model's text answer (JSON, possibly inside a code fence)."""
    cleaned = _FENCE.sub("", text.strip())
    start, end = cleaned.find("{"), cleaned.rfind("}")
    if start < 0 or end < start:
        raise JudgeError(f"judge answer is not JSON: {text[:120]!r}")
    try:
        return Verdict.model_validate(json.loads(cleaned[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise JudgeError(f"judge answer is not a verdict: {str(exc).splitlines()[0]}") from None


def load_judge(
    name: str, cache: LLMCache | None = None, rate_share: float = 1.0, option: str = "--judge"
) -> Judge:
    """A judge from ``--judge``: a spec file, ``provider:model`` or ``module:attr``.

    ``option`` names the command-line option in errors: other commands load their chat model
    the same way (``personas draft --model``) and must not blame ``--judge``.

    - a YAML spec with the fields of agent and customer specs (``kind: openai`` or
      ``langchain``, ``model``, ``base_url``, ``api_key_env``, ``temperature`` (0 when left
      out), ``rpm``, ``timeout_s``, ``retries``): for a judge behind any OpenAI-compatible
      endpoint, with a request budget (``rate_share`` of it in each worker process);
    - ``provider:model`` for ``init_chat_model``, at temperature 0;
    - ``module:attr``: a chat model instance or a zero-argument factory returning one.
    """
    if name.endswith((".yaml", ".yml")):
        return _judge_from_spec(Path(name), cache, rate_share)
    target: Any = None
    try:
        target = import_reference(name)  # "openai:gpt-4o" fails here and goes to init_chat_model
    except RegistryError:
        target = None
    if target is not None:
        model = target() if callable(target) and not hasattr(target, "invoke") else target
        return Judge(model, name=name, cache=cache)
    try:
        from langchain.chat_models import init_chat_model

        return Judge(init_chat_model(name, temperature=0), name=name, cache=cache)
    except Exception as exc:  # provider packages raise many kinds of errors
        raise SpecError(f"{option} {name}: cannot load the chat model ({exc})") from None


def _judge_from_spec(path: Path, cache: LLMCache | None, rate_share: float) -> Judge:
    from simulator.remote import build_chat_model
    from simulator.specs import LangChainAgentSpec, OpenAIAgentSpec, load_agent_spec

    spec = load_agent_spec(path)
    if not isinstance(spec, OpenAIAgentSpec | LangChainAgentSpec):
        raise SpecError(f"{path}: kind: a judge needs kind openai or langchain")
    if spec.temperature is None:
        spec = spec.model_copy(update={"temperature": 0.0})
    model, model_id, owned = build_chat_model(spec, str(path))
    return Judge(
        model,
        name=model_id,
        cache=cache,
        timeout_s=spec.timeout_s,
        retries=spec.retries,
        limiter=RateLimiter.shared(spec.rpm, None, rate_share),
        owned=owned,
        prices=Prices(spec.prices.input_per_million, spec.prices.output_per_million),
    )
