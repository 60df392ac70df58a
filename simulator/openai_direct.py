"""Chat completions through the openai SDK without its request-body transform, for plain JSON.

Why: the SDK passes every request body through ``async_maybe_transform``, which walks the body
against the TypedDict annotations of ``CompletionCreateParams`` to rename aliased keys and format
dates and files. Chat-completion request params declare no aliases or formats, so for a body
made only of JSON values (what langchain-openai sends for text, tool schemas and tool calls) the
walk returns what it was given. It is also the most expensive step of a call on the client:
~1.5 ms of event-loop CPU per call on a 2-core machine, growing with the transcript
(``bench/concurrency.py --profile``), which is what capped one event loop below 64 calls per
200 ms. :class:`DirectCompletions` posts such bodies as they are, through the same client, auth,
retries, timeout and response parsing; anything else (streaming, non-JSON values such as
pydantic classes or files, ``response_format``) goes through the SDK's own ``create``.

It posts with ``AsyncOpenAI.post``, the SDK's documented way to call undocumented endpoints,
and builds the per-call options with ``openai._base_client.make_request_options``, an SDK
internal: :func:`install` checks that they exist and leaves the model untouched when they do
not, and tests/test_openai_direct.py checks that both paths put the same request on the wire.
"""

from __future__ import annotations

import functools
from typing import Any

_JSON_SCALARS = (str, int, float, bool, type(None))
_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
"""Per-call request options (not body): passed to ``make_request_options`` as the SDK does."""


def is_plain_json(value: Any) -> bool:
    """True when ``value`` is built only of dicts with str keys, lists and JSON scalars."""
    if isinstance(value, _JSON_SCALARS):
        return True
    if isinstance(value, dict):
        return all(type(key) is str and is_plain_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(is_plain_json(item) for item in value)
    return False


def direct_eligible(params: dict[str, Any]) -> bool:
    """Whether a ``create(**params)`` call may skip the transform (see the module docstring)."""
    if params.get("stream") or "response_format" in params:
        return False
    return all(is_plain_json(value) for key, value in params.items() if key not in _OPTIONS)


@functools.cache
def _direct_class() -> type | None:
    """``AsyncCompletions`` with a transform-free ``create``, or None if the SDK lacks the hooks."""
    try:
        from openai import AsyncStream
        from openai._base_client import make_request_options
        from openai.resources.chat.completions import AsyncCompletions
        from openai.types.chat import ChatCompletion, ChatCompletionChunk
    except ImportError:
        return None
    from openai import AsyncOpenAI

    if not callable(getattr(AsyncOpenAI, "post", None)):
        return None

    class DirectCompletions(AsyncCompletions):  # type: ignore[misc, valid-type]
        """``chat.completions`` whose ``create`` posts plain-JSON bodies untransformed."""

        async def create(self, **params: Any) -> Any:  # type: ignore[override]
            if not direct_eligible(params):
                return await super().create(**params)
            options = {name: params.pop(name) for name in _OPTIONS if name in params}
            return await self._client.post(
                "/chat/completions",
                body=params,
                options=make_request_options(**options, security={"bearer_auth": True}),
                cast_to=ChatCompletion,
                stream=False,
                stream_cls=AsyncStream[ChatCompletionChunk],
            )

    return DirectCompletions


def install(model: Any) -> bool:
    """Point a ``ChatOpenAI``'s async completions at :class:`DirectCompletions`; True if done.

    Only plain ``AsyncOpenAI`` clients are touched (not Azure's, which rewrites paths), and
    anything that is not a langchain-openai chat model is left alone.
    """
    direct = _direct_class()
    root = getattr(model, "root_async_client", None)
    if (
        direct is None
        or type(root).__name__ != "AsyncOpenAI"
        or not type(model).__module__.startswith("langchain_openai")
        or getattr(model, "async_client", None) is None
    ):
        return False
    model.async_client = direct(root)
    return True
