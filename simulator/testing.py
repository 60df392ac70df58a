"""Real local HTTP servers for tests and benchmarks: an OpenAI-compatible chat endpoint and an
HTTP sales agent.

Why real servers and not mocks: salesim talks to models through ``openai``/``langchain-openai``
and to deployed agents through ``httpx``. Patching those clients would test the patch, not the
retry, time-out, size-limit and parsing paths the tool relies on. These servers speak the real
wire protocols on loopback (``127.0.0.1``, a free port chosen by the OS), so every client layer
runs for real and no request leaves the machine.

Both servers

- start serving in a daemon thread as soon as they are constructed, and are context managers
  (``with OpenAICompatibleServer() as server: ...``) that stop on exit;
- expose ``url`` (``http://127.0.0.1:<port>``), ``port`` and ``stop()``; after ``stop()`` the port
  refuses connections and open keep-alive connections are cut, which is how a *down* service is
  emulated;
- are deterministic for a given request (no clocks, no randomness in the bodies) so tests can
  assert exact replies and a run against them is reproducible;
- count requests under a lock, because clients hit them from many threads and tasks at once;
- keep the last :data:`MAX_RECORDED` request bodies and ``Authorization`` values so a test can
  check what a client sent (for example that an API key is sent, and then that it was written
  nowhere else).

Failure modes are chosen per request (by the ``model`` name for the OpenAI server, by the
settable ``mode`` attribute for the agent server) so one server can serve healthy and failing
calls side by side.

Only the standard library is used, so the module can be imported by any test or benchmark
without pulling in the clients it is meant to exercise.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

__all__ = [
    "AGENT_MODES",
    "MAX_RECORDED",
    "OPENAI_MODES",
    "HttpAgentServer",
    "OpenAICompatibleServer",
    "default_agent_handler",
    "default_responder",
    "extract_phone",
]

MAX_RECORDED = 1000
"""How many request bodies / auth headers a server keeps (the newest); bounded so a long
benchmark does not grow memory without limit."""

OPENAI_MODES = ("fail500", "rate429", "flaky", "slow", "malformed", "huge", "empty")
"""Substrings of the request's ``model`` that select a failure mode, checked in this order (the
first that occurs wins); any other model name is answered normally (mode ``normal``)."""

AGENT_MODES = ("ok", "fail500", "rate429", "slow", "malformed", "huge", "notjson", "missing_text")
"""Values of :attr:`HttpAgentServer.mode`. A *down* agent is emulated with ``stop()``."""

HUGE_OPENAI_CHARS = 5 * 1024 * 1024
"""Length of the ``huge`` completion's content: far above any sane reply cap."""

HUGE_AGENT_BYTES = 8 * 1024 * 1024
"""Minimum size of the ``huge`` agent response body."""

RATE429_FAILURES = 2
"""The agent server's ``rate429`` mode rejects this many requests per conversation, then answers."""

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASKS_FOR_PHONE = re.compile(r"phone|number|contact|电话|手机|联系方式", re.IGNORECASE)
_PHONE_IN_PROMPT = re.compile(r"PHONE:\s*(\S+)")
_ASK_LINE = "- ASK: "
_CUSTOMER_MARKER = "ROLE: customer"
_CN_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
_US_NUMBER = re.compile(
    r"(?<!\d)(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})(?!\d)"
)

Headers = dict[str, str]


# --- the shared server machinery ----------------------------------------------------------------


@dataclass
class _Reply:
    """What a handler answers: status, raw body and extra headers."""

    status: int
    body: bytes
    headers: Headers = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, payload: Any, headers: Headers | None = None) -> _Reply:
        """A JSON reply; non-ASCII text is sent as UTF-8, as real services do."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return cls(status, body, {"Content-Type": "application/json", **(headers or {})})


class _HTTPServer(ThreadingHTTPServer):
    """A threading server that knows its owner and can cut its open connections on stop.

    Connections are tracked because the handler speaks HTTP/1.1 keep-alive (as real services
    do): without cutting them, a client holding a pooled connection would still be served after
    ``stop()`` and a *down* service would not look down.
    """

    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, owner: _LocalServer) -> None:
        self.owner = owner
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def server_bind(self) -> None:
        """Bind without ``HTTPServer``'s reverse DNS lookup (``getfqdn``), which can stall."""
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = self.server_address[1]

    def process_request(self, request: Any, client_address: Any) -> None:
        # Headers and body go out in two sends; without NODELAY a reused connection's body
        # waits for the client's delayed ACK (~40 ms), which no real provider does.
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        """Shut down every open connection; each handler thread then closes its own socket."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by its handler
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that hung up (a timed-out client is a test, not a bug)."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, asks the owning server for a :class:`_Reply`, writes it."""

    protocol_version = "HTTP/1.1"
    server_version = "salesim-testing/1"
    sys_version = ""
    timeout = 60  # an idle keep-alive connection frees its thread after this
    server: _HTTPServer

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        # latencies count from here, so the server's own work is not added to them
        self.server.owner._received.at = time.monotonic()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        owner = self.server.owner
        try:
            reply = owner._handle(method, self.path, dict(self.headers.items()), raw)
        except Exception as exc:  # a bug in a custom responder/handler: tell the client
            owner._record_error(exc)
            reply = _Reply.json(500, _openai_error(f"test server error: {exc!r}", "server_error"))
        self.send_response(reply.status)
        headers = {"Content-Type": "application/json", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: tests assert on counters, not on an access log in stderr."""


class _LocalServer:
    """Base of the test servers: lifecycle, URL, counters' lock, interruptible sleeps."""

    def __init__(self) -> None:
        # Subclasses set their own state before calling this: serving starts here.
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._stopped = False
        self._requests = 0
        self._bodies: list[Any] = []
        self._auth_headers: list[str | None] = []
        self._errors: list[str] = []
        self._received = threading.local()
        """When the request this thread handles arrived (read by :meth:`_sleep`)."""
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{type(self).__name__}:{self.port}",
            daemon=True,
        )
        self._thread.start()

    # lifecycle -----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        """The port the OS gave the server."""
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        """False once :meth:`stop` has been called."""
        return not self._stopped

    def stop(self) -> None:
        """Stop serving, cut open connections and free the port. Idempotent.

        Pending ``slow``/latency sleeps are woken so their threads finish promptly.
        """
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd.cut_connections()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<{type(self).__name__} {self.url} {state} requests={self.requests}>"

    # recording -----------------------------------------------------------------------------

    @property
    def requests(self) -> int:
        """How many requests reached the server's main endpoint."""
        with self._lock:
            return self._requests

    @property
    def bodies(self) -> list[Any]:
        """Parsed JSON bodies of the last :data:`MAX_RECORDED` requests (a copy), oldest first."""
        with self._lock:
            return list(self._bodies)

    @property
    def auth_headers(self) -> list[str | None]:
        """The ``Authorization`` header of each recorded request (``None`` when absent)."""
        with self._lock:
            return list(self._auth_headers)

    @property
    def errors(self) -> list[str]:
        """Exceptions raised by a custom responder/handler (answered as HTTP 500)."""
        with self._lock:
            return list(self._errors)

    def _record(self, headers: Headers, body: Any) -> int:
        """Count and remember one request; returns its 1-based number."""
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
        with self._lock:
            self._requests += 1
            self._bodies.append(body)
            self._auth_headers.append(auth)
            del self._bodies[:-MAX_RECORDED]
            del self._auth_headers[:-MAX_RECORDED]
            return self._requests

    def _record_error(self, exc: BaseException) -> None:
        with self._lock:
            self._errors.append(repr(exc))
            del self._errors[:-MAX_RECORDED]

    def _sleep(self, seconds: float) -> None:
        """Wait until ``seconds`` after the request arrived, without holding up :meth:`stop`.

        Counting from arrival rather than from now makes a configured latency the latency the
        client sees (parsing and building the answer happen inside it, not on top of it).
        """
        arrived = getattr(self._received, "at", None)
        remaining = seconds - (time.monotonic() - arrived) if arrived is not None else seconds
        if remaining > 0:
            self._stopping.wait(remaining)

    def _handle(self, method: str, path: str, headers: Headers, raw: bytes) -> _Reply:
        raise NotImplementedError


def _openai_error(message: str, type_: str, code: str | None = None) -> dict[str, Any]:
    """The error envelope OpenAI uses, so the client's error parsing runs as in production."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


# --- OpenAI-compatible chat completions -----------------------------------------------------------


def _content_text(content: Any) -> str:
    """The text of a message's ``content``: a string, or the text parts of a parts list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


def _messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    messages = body.get("messages")
    return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []


def default_responder(body: dict[str, Any]) -> str:
    """A deterministic chat model: plays the customer or the agent, decided by the system prompt.

    Customer (the first system message contains ``ROLE: customer``): when the last user message
    asks for a phone/number/contact (电话/手机/联系方式) it answers the number after ``PHONE:`` in
    the system prompt plus ``" <END>"``; otherwise it asks the system prompt's ``- ASK: `` lines
    in order, picked by how many assistant messages are already in the history, and once they
    are used up it ends with ``"Thanks, that's all. <END>"``.

    Agent (anything else): thanks the customer, echoes a few words of the last user message and,
    on every third reply, asks for a phone number; in Chinese when that message has CJK text.

    Derived only from the request so the same conversation always gets the same replies, which
    lets tests assert exact transcripts and cache keys.
    """
    messages = _messages(body)
    system = next(
        (_content_text(m.get("content")) for m in messages if m.get("role") == "system"), ""
    )
    last_user = next(
        (_content_text(m.get("content")) for m in reversed(messages) if m.get("role") == "user"), ""
    )
    n_assistant = sum(1 for m in messages if m.get("role") == "assistant")

    if _CUSTOMER_MARKER in system:
        if _ASKS_FOR_PHONE.search(last_user):
            phone = _PHONE_IN_PROMPT.search(system)
            if phone:
                return f"{phone.group(1)} <END>"
            return "I'd rather not share my number. <END>"
        asks = [
            line.strip()[len(_ASK_LINE.strip()) :].strip()
            for line in system.splitlines()
            if line.strip().startswith(_ASK_LINE.strip())
        ]
        if n_assistant >= len(asks):  # every question asked: a satisfied customer ends
            return "Thanks, that's all. <END>"
        return asks[n_assistant]

    ask_phone = (n_assistant + 1) % 3 == 0
    if _CJK.search(last_user):
        snippet = re.sub(r"\s+", "", last_user)[:12]
        reply = f"感谢咨询。关于“{snippet}”，我们可以帮您。"
        return reply + ("方便留个电话吗？我们给您回电。" if ask_phone else "")
    words = re.findall(r"[\w'-]+", last_user)[:6]
    echo = f'About "{" ".join(words)}": we can help with that.' if words else "How can I help?"
    reply = f"Thanks for your message. {echo}"
    return reply + (
        " Could you leave your phone number so we can call you back?" if ask_phone else ""
    )


def _openai_mode(model: str) -> str:
    return next((mode for mode in OPENAI_MODES if mode in model), "normal")


def _huge_text(size: int) -> str:
    unit = "This reply is far too long. "
    return (unit * (size // len(unit) + 1))[:size]


class OpenAICompatibleServer(_LocalServer):
    """``POST /v1/chat/completions`` (non-streaming) and ``GET /v1/models``, OpenAI wire format.

    Args:
        latency_s: time from receiving a request to answering it (successful completions), to
            model a provider's latency in benchmarks; concurrent requests wait in parallel (one
            thread per connection), and the server's own work is inside this time.
        responder: ``body -> content`` for normal answers (or ``{"content", "tool_calls":
            [{"name", "arguments"}]}`` to answer with tool calls); :func:`default_responder`
            when None.
        slow_s: how long a ``slow`` model sleeps before answering (clients time out first).

    The request's ``model`` picks the behaviour (see :data:`OPENAI_MODES`): ``fail500`` -> HTTP
    500; ``rate429`` -> 429 with ``Retry-After: 0`` and ``retry-after-ms: 10``; ``flaky`` -> 500
    the first time a given request body is seen, success on the retry; ``slow`` -> sleeps
    ``slow_s``; ``malformed`` -> 200 with broken JSON; ``huge`` -> 5 MB content; ``empty`` ->
    content ``""``. ``stream: true`` is refused with 400 (only non-streaming is implemented).

    Attributes: ``requests`` (POSTs to the completions endpoint), ``by_mode`` (requests per mode,
    plus ``stream`` for refused streaming requests), ``bodies``, ``auth_headers``, ``errors``.
    """

    def __init__(
        self,
        latency_s: float = 0.0,
        responder: Callable[[dict[str, Any]], str | dict[str, Any]] | None = None,
        slow_s: float = 2.0,
    ) -> None:
        self.latency_s = latency_s
        self.responder = responder or default_responder
        self.slow_s = slow_s
        self._by_mode: dict[str, int] = {}
        self._seen_bodies: set[str] = set()
        super().__init__()

    @property
    def by_mode(self) -> dict[str, int]:
        """Requests per mode (``normal``, one of :data:`OPENAI_MODES`, or ``stream``), a copy."""
        with self._lock:
            return dict(self._by_mode)

    def _handle(self, method: str, path: str, headers: Headers, raw: bytes) -> _Reply:
        path = path.split("?", 1)[0].rstrip("/")
        if method == "GET" and path == "/v1/models":
            model = {"id": "gpt-test", "object": "model", "created": 0, "owned_by": "salesim"}
            return _Reply.json(200, {"object": "list", "data": [model]})
        if method != "POST" or path != "/v1/chat/completions":
            error = _openai_error(f"no route {method} {path}", "invalid_request_error")
            return _Reply.json(404, error)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        self._record(headers, body)
        if not isinstance(body, dict):
            error = _openai_error("request body is not a JSON object", "invalid_request_error")
            return _Reply.json(400, error)
        if body.get("stream"):
            self._count_mode("stream")
            message = "streaming is not supported by this test server; send stream: false"
            return _Reply.json(400, _openai_error(message, "invalid_request_error", "stream"))

        mode = _openai_mode(str(body.get("model", "")))
        self._count_mode(mode)
        if mode == "fail500":
            return _Reply.json(500, _openai_error("The server had an error.", "server_error"))
        if mode == "rate429":
            return _Reply.json(
                429,
                _openai_error("Rate limit reached.", "requests", "rate_limit_exceeded"),
                {"Retry-After": "0", "retry-after-ms": "10"},
            )
        if mode == "flaky":
            key = hashlib.sha256(raw).hexdigest()
            with self._lock:
                first = key not in self._seen_bodies
                self._seen_bodies.add(key)
            if first:
                # retry-after-ms keeps the openai client's retry quick; it is only a hint.
                error = _openai_error("Flaky failure; retry.", "server_error")
                return _Reply.json(500, error, {"retry-after-ms": "10"})
        if mode == "slow":
            self._sleep(self.slow_s)
        if mode == "malformed":
            self._sleep(self.latency_s)
            return _Reply(200, b'{"choices": [', {"Content-Type": "application/json"})

        if mode == "huge":
            content = _huge_text(HUGE_OPENAI_CHARS)
        elif mode == "empty":
            content = ""
        else:
            content = self.responder(body)
        tool_calls = None
        if isinstance(content, dict):  # {"content": ..., "tool_calls": [{"name", "arguments"}]}
            tool_calls = content.get("tool_calls")
            content = content.get("content") or ""
        self._sleep(self.latency_s)
        return _Reply.json(200, self._completion(body, raw, content, tool_calls))

    def _count_mode(self, mode: str) -> None:
        with self._lock:
            self._by_mode[mode] = self._by_mode.get(mode, 0) + 1

    @staticmethod
    def _completion(
        body: dict[str, Any],
        raw: bytes,
        content: str,
        tool_calls: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A ``chat.completion`` with deterministic id, ``created`` and token counts."""
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        if tool_calls:
            message["tool_calls"] = [
                {
                    "id": f"call_{i}",
                    "type": "function",
                    "function": {"name": call["name"], "arguments": json.dumps(call["arguments"])},
                }
                for i, call in enumerate(tool_calls)
            ]
        prompt_chars = sum(len(_content_text(m.get("content"))) for m in _messages(body))
        prompt_tokens = prompt_chars // 4 + 1
        completion_tokens = len(content) // 4 + 1
        return {
            "id": "chatcmpl-" + hashlib.sha256(raw).hexdigest()[:24],
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", ""),
            "system_fingerprint": None,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": "tool_calls" if tool_calls else "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }


# --- an HTTP sales agent ------------------------------------------------------------------------


def extract_phone(text: str) -> str | None:
    """The digits of the first CN mobile (11 digits) or US number (10 digits) in ``text``.

    Separators (spaces, dashes, dots, brackets) and a +86/+1 prefix are allowed and dropped.
    """
    for pattern in (_CN_MOBILE, _US_NUMBER):
        match = pattern.search(text)
        if match:
            return "".join(match.groups())
    return None


def default_agent_handler(transcript: dict[str, Any]) -> tuple[int, dict[str, Any], Headers]:
    """A polite, deterministic deployed agent (zh_CN or en_US by the transcript's locale).

    First reply greets; the second asks for a phone number and says why; once the last customer
    message holds a phone number it thanks the customer and returns ``lead: {"phone": digits}``.
    Stateless, so the same transcript always gets the same answer.
    """
    raw_messages = transcript.get("messages")
    messages = (
        [m for m in raw_messages if isinstance(m, dict)] if isinstance(raw_messages, list) else []
    )
    zh = str(transcript.get("locale") or "").lower().startswith("zh")
    n_agent = sum(1 for m in messages if m.get("role") == "agent")
    last_customer = next(
        (str(m.get("text", "")) for m in reversed(messages) if m.get("role") == "customer"), ""
    )
    phone = extract_phone(last_customer)
    if phone:
        text = (
            f"好的，已记下您的电话 {phone}，顾问会尽快联系您。"
            if zh
            else f"Thank you! An advisor will call you at {phone} shortly."
        )
        return 200, {"text": text, "lead": {"phone": phone}}, {}
    if n_agent == 0:
        text = (
            "您好！感谢咨询，请问有什么可以帮您？"
            if zh
            else "Hello! Thanks for reaching out. How can I help?"
        )
    elif n_agent == 1:
        text = (
            "为了给您准确的报价，方便留个手机号吗？顾问会给您回电。"
            if zh
            else "So we can give you an accurate quote, could you leave your phone number? "
            "An advisor will call you back."
        )
    else:
        text = (
            "明白了，还有什么想了解的吗？"
            if zh
            else "Understood. Is there anything else you'd like to know?"
        )
    return 200, {"text": text}, {}


class HttpAgentServer(_LocalServer):
    """A sales agent deployed as a service: ``POST /reply`` with a salesim transcript.

    Args:
        handler: ``transcript -> (status, body, headers)``; a dict body is sent as JSON, bytes as
            they are (set ``Content-Type`` in headers). :func:`default_agent_handler` when None.
        mode: the initial :attr:`mode` (see :data:`AGENT_MODES`).
        slow_s: how long ``slow`` sleeps before answering.
        latency_s: time from receiving a request to answering it, for benchmarks.

    ``mode`` can be changed between calls: ``ok`` answers via the handler; ``fail500`` -> 500;
    ``rate429`` -> 429 with ``Retry-After: 0`` for the first two requests of each
    ``conversation_id``, then the handler; ``slow`` -> sleeps ``slow_s`` then the handler;
    ``malformed`` -> 200 with invalid JSON; ``huge`` -> 200 with an 8 MB JSON body;
    ``notjson`` -> 200 ``text/html``; ``missing_text`` -> 200 ``{"lead": null}``. A *down* agent
    is ``stop()``: the port then refuses connections.

    Attributes: ``requests``, ``bodies``, ``auth_headers``, ``errors``, ``reply_url``.
    """

    def __init__(
        self,
        handler: Callable[[dict[str, Any]], tuple[int, dict[str, Any] | bytes, Headers]]
        | None = None,
        mode: str = "ok",
        slow_s: float = 2.0,
        latency_s: float = 0.0,
    ) -> None:
        self.handler = handler or default_agent_handler
        self.mode = mode
        self.slow_s = slow_s
        self.latency_s = latency_s
        self._rate_limited: dict[str, int] = {}
        super().__init__()

    @property
    def mode(self) -> str:
        """The behaviour for the next requests; one of :data:`AGENT_MODES`."""
        return self._mode

    @mode.setter
    def mode(self, value: str) -> None:
        if value not in AGENT_MODES:
            raise ValueError(f"unknown mode {value!r}; use one of {AGENT_MODES} (or stop())")
        self._mode = value

    @property
    def reply_url(self) -> str:
        """The full endpoint URL, as an ``http`` agent spec's ``url`` wants it."""
        return f"{self.url}/reply"

    def _handle(self, method: str, path: str, headers: Headers, raw: bytes) -> _Reply:
        path = path.split("?", 1)[0].rstrip("/")
        if method != "POST" or path != "/reply":
            return _Reply.json(404, {"error": f"no route {method} {path}"})
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        self._record(headers, body)
        if not isinstance(body, dict):
            return _Reply.json(400, {"error": "request body is not a JSON object"})

        mode = self.mode
        self._sleep(self.latency_s)
        if mode == "fail500":
            return _Reply.json(500, {"error": "internal server error"})
        if mode == "rate429":
            conversation = str(body.get("conversation_id"))
            with self._lock:
                seen = self._rate_limited.get(conversation, 0)
                self._rate_limited[conversation] = seen + 1
            if seen < RATE429_FAILURES:
                return _Reply.json(429, {"error": "rate limited"}, {"Retry-After": "0"})
        if mode == "slow":
            self._sleep(self.slow_s)
        if mode == "malformed":
            return _Reply(200, b'{"text": "unterminated', {"Content-Type": "application/json"})
        if mode == "huge":
            return _Reply.json(200, {"text": "x" * HUGE_AGENT_BYTES})
        if mode == "notjson":
            html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return _Reply(200, html, {"Content-Type": "text/html; charset=utf-8"})
        if mode == "missing_text":
            return _Reply.json(200, {"lead": None})

        status, payload, extra = self.handler(body)
        if isinstance(payload, bytes):
            return _Reply(status, payload, {"Content-Type": "application/octet-stream", **extra})
        return _Reply.json(status, payload, extra)
