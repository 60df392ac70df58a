"""Keeping API keys out of stored error messages.

Keys are read from the environment variable a spec names (``api_key_env``) and never written on
purpose, but a gateway that answers a bad request with a 4xx/5xx whose body echoes the request
("Incorrect API key provided: sk-...", "Authorization: Bearer ...") puts the key into the
exception message, and error messages are data: they land in ``transcripts.jsonl``
(``meta.error``), ``scores.jsonl`` (``agent_error``, ``judge_errors``) and the summary. So every
error string is passed through :func:`scrub` before it is stored.

Two nets, since either alone misses something: the values of every ``api_key_env`` this process
has read (:func:`remember_secret`, called where keys are read), and anything shaped like a
bearer token or an OpenAI-style ``sk-...`` key, whoever's it is.

This module sits at the bottom of the import graph (standard library only), so every layer that
builds an error message can use it.
"""

from __future__ import annotations

import re
import threading

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 4
"""Shorter values are not treated as secrets: scrubbing "x" out of every message would mangle
them and protect nothing."""

_SHAPES = re.compile(
    r"(?i:bearer)\s+[A-Za-z0-9._~+/=-]{6,}"  # an Authorization header's value
    r"|\bsk-[A-Za-z0-9_-]{8,}"  # OpenAI-style keys (sk-..., sk-proj-...)
)
_secrets: set[str] = set()
_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None


def remember_secret(value: str | None) -> None:
    """Treat ``value`` (an API key just read from the environment) as a secret from now on."""
    global _pattern
    if not value or len(value) < MIN_SECRET_CHARS:
        return
    with _lock:
        if value in _secrets:
            return
        _secrets.add(value)
        # longest first, so a key that contains another is removed whole
        alternatives = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(secret) for secret in alternatives))


def scrub(text: str) -> str:
    """``text`` without any remembered secret and without bearer-token/``sk-`` shaped strings."""
    pattern = _pattern
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    return _SHAPES.sub(REDACTED, text)


def scrub_error(exc: BaseException, limit: int = 500) -> str:
    """``Type: message`` of an exception, scrubbed and cut to ``limit`` characters."""
    return scrub(f"{type(exc).__name__}: {exc}")[:limit]
