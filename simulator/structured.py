"""A chat model asked for answers of one schema: the plumbing the judge and the model reader share.

It imports the model-call layer only when built, so the reader package (which specs import) can
subclass it without an import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.llm import LLMCache, Prices, RateLimiter


class StructuredCaller:
    """A chat model asked for answers of one pydantic schema: its settings, its connections and
    its structured form. Shared by the LLM judge and the model reader, which differ only in what
    they ask and how they read the answer."""

    def __init__(
        self,
        model: Any,
        schema: type[Any],
        name: str,
        cache: LLMCache | None,
        timeout_s: float,
        retries: int,
        limiter: RateLimiter | None = None,
        owned: list[Any] | None = None,
        prices: Prices | None = None,
    ) -> None:
        from simulator.llm import Prices, RateLimiter  # here: the reader sits below llm's imports

        self.model = model
        self.name = name
        self.cache = cache
        self.timeout_s = timeout_s
        self.retries = retries
        self.limiter = limiter or RateLimiter()
        """Requests per minute (a spec's ``rpm``)."""
        self.owned = owned or []
        """HTTP clients this caller created, closed by :meth:`aclose`."""
        self.prices = prices or Prices()
        self.calls = 0
        """Requests sent to the model (cache hits not counted)."""
        self._structured: Any = None
        self._raw = False
        """Whether structured answers come with the raw message (and so its token usage)."""
        try:
            self._structured = model.with_structured_output(schema, include_raw=True)
            self._raw = True
        except TypeError:  # a with_structured_output that takes no include_raw
            self._structured = model.with_structured_output(schema)
        except (NotImplementedError, AttributeError):
            pass  # a plain chat model: the prompt asks for JSON and the answer is parsed

    async def aclose(self) -> None:
        """Close the connection pools this caller owns, before its event loop ends."""
        while self.owned:
            await self.owned.pop().aclose()
