"""The model reader: a chat model asked for the same :class:`Reading` the rules reader returns.

Why a second reader: the rules reader is fast and reproducible but only as good as its
recognisers; a chat model understands wording no recogniser foresaw. Both return one
:class:`Reading`, so the customer policy cannot tell them apart.

What the model decides and what it does not: the *meaning* (which needs are answered, which acts
the reply does, whether it is off topic) comes from the model, validated against the persona (an
unknown need key or act name is dropped, never trusted). The *surface* (nothing visible, the
wrong language, a wall of text, an echo, a repeat, a keyword blob) is measured locally with the
rules reader's own checks, so an invisible reply costs no call and the flags mean the same thing
whichever reader produced them. Amounts are read from the model's evidence with the same number
parser, so a quoted price is judged against a persona's market range identically.

Every call goes through the model layer (:mod:`simulator.llm`): cached under the prompt (a rerun
into the same cache makes no request), rate-limited, timed out and retried like an LLM judge, and
a call that fails for good raises :class:`~simulator.llm.CallError` for the caller to record.
The model layer is imported lazily: :mod:`simulator.specs` imports this package.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from simulator.reading._model import ACT_NAMES, Act, Flag, NeedView, ReadContext, Reading
from simulator.reading._rules import RulesReader, complete_reading
from simulator.reading._surface import READ_LIMIT, SOFT_LIMIT, surface_flags, unread, visible
from simulator.structured import StructuredCaller

if TYPE_CHECKING:
    from simulator.llm import LLMCache, Prices, RateLimiter

READER_TIMEOUT_S = 60.0
"""Longest wait for one reading; the customer waits on it every turn, so shorter than a judge's."""
READER_RETRIES = 2
"""Retries of a reading after a timeout, a 429, a 5xx or a dropped connection."""
CONTACT_KINDS = ("phone", "wechat", "email", "contact")
MAX_EVIDENCE_CHARS = 300
EARLIER_SHOWN = 3
"""Earlier agent messages shown to the model (the latest ones), for replies that refer back
("as I said, ...")."""


class ReaderAnswer(BaseModel):
    """What the customer understood of the agent's reply."""

    # The docstring above is sent to the model with the schema. Names are plain strings, not
    # enums, so an unknown one is dropped by to_reading instead of failing the whole answer.

    answers: list[str] = Field(default_factory=list)
    """Keys of the needs the reply answers."""
    acts: list[str] = Field(default_factory=list)
    evidence: dict[str, str] = Field(default_factory=dict)
    """The reply's own words behind each answer and act, keyed by need key or act name."""
    flags: list[str] = Field(default_factory=list)
    contact_kind: str | None = None
    """Which contact an ``asks_contact`` asks for: phone, wechat, email or contact."""

    @field_validator("answers", "acts", "flags", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        # Models are sloppy with empty fields and single values; neither is worth a failed call.
        if value is None:
            return []
        return [value] if isinstance(value, str) else value

    @field_validator("evidence", mode="before")
    @classmethod
    def _spans(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return {} if value is None else value
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}

    @field_validator("contact_kind", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return value if isinstance(value, str) or value is None else None


_ACT_MEANINGS = {
    Act.GREETS: "says hello or thanks the customer for writing",
    Act.ASKS_CONTACT: "asks for the customer's own phone, WeChat or e-mail",
    Act.GIVES_REASON: "says what a contact or next step is for (a call-back, a quote, a booking)",
    Act.ASKS_CONSENT: (
        "makes sharing optional, says what the customer's data is used for, or asks leave to "
        "call, text or add them (give contact_kind for that leave too)"
    ),
    Act.PRESSURES: 'scarcity, deadlines or urgency ("no hurry" is not pressure)',
    Act.SHOWS_EMPATHY: "acknowledges the customer's worry or feelings",
    Act.PROMISES: "guarantees an outcome (hedged or negated statements are not promises)",
}
_FLAG_MEANINGS = {
    Flag.OFF_TOPIC: "says nothing about what the customer wrote or asked",
    Flag.FRAGMENTED: "a list of keywords or fragments rather than sentences",
    Flag.ECHO: "repeats the customer's own message back instead of answering",
}
MODEL_FLAGS: tuple[str, ...] = tuple(flag.value for flag in _FLAG_MEANINGS)
"""Flags taken from the model; the others (unreadable, wrong language, wall, repeats, unasked
dump) are measured or derived locally and a model's claim of them is dropped."""

SYSTEM_PROMPT = """You read a private-message sales chat as the CUSTOMER would. Decide what the
customer understands from the AGENT's latest reply. Locale of the chat: {locale}{industry}.

The customer's needs (questions it wants answered), by key, with the kind of information that
answers each and how the customer asks it:
{needs}

The customer's latest question was about: {asked}

A need is answered only when the reply gives that information itself (an amount, a day or time,
a duration, steps, a name or qualification, a place, a policy ...). Naming the topic without the
information ("our prices are very reasonable"), promising to tell later, or asking the customer a
question back does not answer it. A reply may answer needs the customer has not asked yet.

Acts, what the reply does:
{acts}

Flags, about the reply as a whole:
{flags}

Answer only with JSON: {{"answers": [need keys, the pending one first], "acts": [act names],
"evidence": {{"<need key or act name>": "<the reply's own words behind it>"}}, "flags": [flag
names], "contact_kind": "phone" | "wechat" | "email" | "contact" | null}}. Use only the keys and
names listed above."""


def _need_line(need: NeedView) -> str:
    asks = " | ".join(need.asks[:3])
    return f'- {need.key} ({", ".join(need.types)}): e.g. "{asks}"'


def build_messages(text: str, context: ReadContext) -> list[tuple[str, str]]:
    """The (role, text) messages of one reading: the persona's needs, then the exchange."""
    asked = context.asked or "nothing in particular"
    system = SYSTEM_PROMPT.format(
        locale=context.locale,
        industry=f", industry {context.industry}" if context.industry else "",
        needs="\n".join(_need_line(need) for need in context.needs),
        asked=asked,
        acts="\n".join(f"- {act.value}: {meaning}" for act, meaning in _ACT_MEANINGS.items()),
        flags="\n".join(f"- {flag.value}: {meaning}" for flag, meaning in _FLAG_MEANINGS.items()),
    )
    lines = [f"EARLIER AGENT MESSAGE: {old}" for old in context.earlier_agent[-EARLIER_SHOWN:]]
    if context.customer_text:
        lines.append(f"CUSTOMER: {context.customer_text}")
    lines.append(f"AGENT (the reply to read): {text}")
    return [("system", system), ("human", "\n".join(lines))]


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def parse_answer(text: str) -> ReaderAnswer:
    """A reader answer from a model's text (JSON, possibly in a code fence).

    Raises :class:`~simulator.llm.CallError` (``malformed``): to the caller a model that does not
    answer in the asked form is a failed call, recorded like any other.
    """
    from simulator.llm import CallError

    cleaned = _FENCE.sub("", text.strip())
    start, end = cleaned.find("{"), cleaned.rfind("}")
    if start < 0 or end < start:
        raise CallError("malformed", f"reader answer is not JSON: {text[:120]!r}")
    try:
        return ReaderAnswer.model_validate(json.loads(cleaned[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as exc:
        message = str(exc).splitlines()[0]
        raise CallError("malformed", f"reader answer is not a reading: {message}") from None


def to_reading(answer: ReaderAnswer, text: str, context: ReadContext) -> Reading:
    """The :class:`Reading` a model's answer stands for, checked against the persona.

    ``text`` is the whole reply (its length and any amount quoted in it count). Unknown need
    keys, act names and flag names are dropped; evidence is kept only for what survives. An echo
    or a keyword blob answers nothing, as with the rules reader.
    """
    locale = "zh_CN" if context.locale == "zh_CN" else "en_US"
    shown = visible(text)
    flags = surface_flags(text, context, locale)
    flags.update(Flag(name) for name in answer.flags if name in MODEL_FLAGS)
    keys = {need.key for need in context.needs}
    answers = (
        []
        if flags & {Flag.ECHO, Flag.FRAGMENTED}
        else list(dict.fromkeys(key for key in answer.answers if key in keys))
    )
    answers.sort(key=lambda key: key != context.asked)  # the pending need first
    acts = {Act(name) for name in answer.acts if name in ACT_NAMES}
    evidence = {
        name: span.strip()[:MAX_EVIDENCE_CHARS]
        for name, span in answer.evidence.items()
        if (name in answers or name in acts) and isinstance(span, str) and span.strip()
    }
    contact_kind = None
    if Act.ASKS_CONTACT in acts:
        kind = answer.contact_kind
        contact_kind = kind if kind in CONTACT_KINDS else "contact"
    elif Act.ASKS_CONSENT in acts and answer.contact_kind in CONTACT_KINDS:
        contact_kind = answer.contact_kind  # leave asked to call or add them, as the rules read it
    return complete_reading(
        answers, acts, evidence, contact_kind, flags, shown, context, len(shown)
    )


class ModelReader(StructuredCaller):
    """A reader backed by a chat model (``--reader``); async, cached, rate-limited, retried."""

    def __init__(
        self,
        model: Any,
        name: str = "model",
        cache: LLMCache | None = None,
        timeout_s: float = READER_TIMEOUT_S,
        retries: int = READER_RETRIES,
        limiter: RateLimiter | None = None,
        owned: list[Any] | None = None,
        prices: Prices | None = None,
    ) -> None:
        super().__init__(
            model, ReaderAnswer, name, cache, timeout_s, retries, limiter, owned, prices
        )
        self.input_tokens = 0
        self.output_tokens = 0
        self.cost = 0.0
        """Running totals over every reading this reader asked for (cached ones cost nothing)."""

    async def aread(self, text: str, context: ReadContext) -> Reading:
        """What a customer in ``context`` understands from ``text``, as the model reads it."""
        locale = "zh_CN" if context.locale == "zh_CN" else "en_US"
        early = unread(text, locale)
        if early is not None:
            return early
        shown = visible(text)
        # Of a wall of text the customer reads the start and skims the rest, as with rules.
        read_part = text[: READ_LIMIT[locale] * 2] if len(shown) > SOFT_LIMIT[locale] else text
        answer = await self._answer(build_messages(read_part, context))
        return to_reading(answer, text, context)

    async def _answer(self, messages: list[tuple[str, str]]) -> ReaderAnswer:
        from simulator.llm import cache_key, with_retries

        key = cache_key(
            f"reader:{self.name}", messages, {"structured": self._structured is not None}, "reader"
        )
        hit = self.cache.get(key) if self.cache is not None else None
        if hit is not None:
            return ReaderAnswer.model_validate(hit)
        runnable = self._structured or self.model
        await self.limiter.acquire()

        async def call() -> Any:
            self.calls += 1
            return await asyncio.wait_for(runnable.ainvoke(messages), timeout=self.timeout_s)

        answer = self._parse(await with_retries(call, self.retries))
        if self.cache is not None:
            self.cache.put(key, answer.model_dump())
        return answer

    def _parse(self, result: Any) -> ReaderAnswer:
        from simulator.llm import CallError

        if self._structured is None:
            content = getattr(result, "content", result)
            self._count(result)
            return parse_answer(content if isinstance(content, str) else json.dumps(content))
        if self._raw:
            if result.get("parsing_error") is not None or result.get("parsed") is None:
                error = result.get("parsing_error") or "no reading in the answer"
                raise CallError("malformed", f"reader answer is not a reading: {str(error)[:200]}")
            self._count(result.get("raw"))
            result = result["parsed"]
        if isinstance(result, ReaderAnswer):
            return result
        try:
            return ReaderAnswer.model_validate(result)
        except ValidationError as exc:
            message = str(exc).splitlines()[0]
            raise CallError("malformed", f"reader answer is not a reading: {message}") from None

    def _count(self, message: Any) -> None:
        from simulator.llm import usage_of

        input_tokens, output_tokens = usage_of(message)
        self.input_tokens += input_tokens
        self.output_tokens += output_tokens
        self.cost += self.prices.cost(input_tokens, output_tokens)
        self.limiter.charge(input_tokens + output_tokens)


def load_reader(
    spec: str | None, cache: LLMCache | None = None, rate_share: float = 1.0
) -> RulesReader | ModelReader:
    """A reader from ``--reader``: ``rules`` (the default), a spec file, ``provider:model`` or
    ``module:attr``, the same forms as ``--judge``.

    - ``None`` or ``rules``: the offline :class:`RulesReader`;
    - a YAML spec (``kind: openai`` or ``langchain``, ``model``, ``base_url``, ``api_key_env``,
      ``temperature`` (0 when left out), ``rpm``, ``timeout_s``, ``retries``, ``prices``), with
      ``rate_share`` of its request budget in each worker process;
    - ``provider:model`` for ``init_chat_model``, at temperature 0;
    - ``module:attr``: a chat model instance or a zero-argument factory returning one.
    """
    from simulator.registry import RegistryError, import_reference
    from simulator.specs import SpecError

    if spec is None or spec == "rules":
        return RulesReader()
    if spec.endswith((".yaml", ".yml")):
        return _reader_from_spec(Path(spec), cache, rate_share)
    try:
        target: Any = import_reference(spec)  # "openai:gpt-4o" fails here: init_chat_model
    except RegistryError:
        target = None
    if target is not None:
        model = target() if callable(target) and not hasattr(target, "ainvoke") else target
        if not hasattr(model, "ainvoke") and not hasattr(model, "with_structured_output"):
            raise SpecError(f"--reader {spec}: not a chat model ({type(model).__name__})")
        return ModelReader(model, name=spec, cache=cache)
    try:
        from langchain.chat_models import init_chat_model

        model = init_chat_model(spec, temperature=0)
    except Exception as exc:  # provider packages raise many kinds of errors
        raise SpecError(f"--reader {spec}: cannot load the reader model ({exc})") from None
    return ModelReader(model, name=spec, cache=cache)


def _reader_from_spec(path: Path, cache: LLMCache | None, rate_share: float) -> ModelReader:
    from simulator.llm import Prices, RateLimiter
    from simulator.remote import build_chat_model
    from simulator.specs import LangChainAgentSpec, OpenAIAgentSpec, SpecError, load_agent_spec

    spec = load_agent_spec(path)
    if not isinstance(spec, OpenAIAgentSpec | LangChainAgentSpec):
        raise SpecError(f"{path}: kind: a reader needs kind openai or langchain")
    if spec.temperature is None:
        spec = spec.model_copy(update={"temperature": 0.0})
    model, model_id, owned = build_chat_model(spec, str(path))
    return ModelReader(
        model,
        name=model_id,
        cache=cache,
        timeout_s=spec.timeout_s,
        retries=spec.retries,
        limiter=RateLimiter.shared(spec.rpm, spec.tpm, rate_share),
        owned=owned,
        prices=Prices(spec.prices.input_per_million, spec.prices.output_per_million),
    )
