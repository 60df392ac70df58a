"""YAML specs -> validated pydantic models, with one-line errors that name file and field.

YAML is data, never code: files are read with ``yaml.safe_load`` and validated with
``extra="forbid"`` so a typo in a key is an error, not a silently ignored setting.
"""

from __future__ import annotations

import hashlib
import reprlib
import string
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from simulator.reading import NeedType, NeedView
from simulator.text import normalize
from simulator.yamlsafe import YAMLProblem, load_yaml

LOCALES = ("zh_CN", "en_US")
Locale = Literal["zh_CN", "en_US"]


def one_line(text: str) -> str:
    """Control characters shown escaped, so an error is always exactly one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class SpecError(ValueError):
    """A spec file that cannot be used. ``str()`` is one line naming the file and field.

    A file with several problems carries them all in :attr:`problems`, one line each, so an
    author fixes them in one pass; ``str()`` is the first with a count of the rest (for places
    that have room for one line).
    """

    def __init__(self, message: str, more: Sequence[str] = ()) -> None:
        self.problems = [one_line(message), *(one_line(line) for line in more)]
        rest = len(self.problems) - 1
        super().__init__(self.problems[0] + (f" (+{rest} more)" if rest else ""))

    @classmethod
    def of(cls, problems: Sequence[str]) -> SpecError:
        """One error that carries every problem (there must be at least one)."""
        return cls(problems[0], problems[1:])


Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
"""Ids end up in conversation ids and file names: letters, digits, '_', '.', '-' only."""
MAX_SPEC_BYTES = 2_000_000


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Arrival(_Spec):
    """When customers of this persona write their first message (local clock)."""

    hours: list[Annotated[int, Field(ge=0, le=23)]] = Field(min_length=1)
    tz: str
    weights: list[Annotated[float, Field(ge=0)]] | None = None
    """Relative frequency of each of ``hours`` (same length); equal when omitted. A persona
    fitted to real chats (``salesim personas fit``) carries the observed shares."""

    @model_validator(mode="after")
    def _weights_match(self) -> Arrival:
        if self.weights is not None:
            if len(self.weights) != len(self.hours):
                raise ValueError(
                    f"weights: {len(self.weights)} weights for {len(self.hours)} hours"
                )
            if sum(self.weights) <= 0:
                raise ValueError("weights: at least one must be above 0")
        return self

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class Identity(_Spec):
    """Identity ranges; name, phone and city come from Faker(locale) seeded per instance."""

    age: tuple[int, int]
    cities: list[str] = Field(default_factory=list)
    """Optional real city names; Faker's are used when empty."""

    @model_validator(mode="after")
    def _ordered(self) -> Identity:
        if self.age[0] > self.age[1]:
            raise ValueError("age range must be [low, high]")
        return self


class Need(_Spec):
    """A question the customer wants answered, and the kind of information that answers it.

    The reader decides whether a reply answers it from ``type`` (an amount for ``money``, a
    weekday or hour for ``time`` ...) and the subject words of ``ask``; ``answered_by`` phrases
    are optional hints, one more path, never the only one.
    """

    key: str
    type: NeedType | list[NeedType] = "other"
    ask: list[str] = Field(min_length=1)
    answered_by: list[str] = Field(default_factory=list)
    market: tuple[float, float] | None = None
    """Plausible price range of a ``money`` need in the locale's currency: a quote far outside it
    makes the customer suspicious."""
    weight: float = Field(default=1.0, gt=0)
    """How likely an instance is to ask about this need, relative to the others (weighted
    sampling without replacement); all 1 by default. Fitted from real chats by ``personas fit``."""

    @property
    def types(self) -> tuple[str, ...]:
        """``type`` as a tuple."""
        return tuple(self.type) if isinstance(self.type, list) else (self.type,)


class Trust(_Spec):
    """How trust moves. The customer shares a contact only at or above ``share_at``."""

    initial: float = Field(ge=0, le=1)
    share_at: float = Field(ge=0, le=1)
    per_answer: float = Field(ge=0, le=1)
    per_push: float = Field(le=0, ge=-1)
    per_reason: float = Field(default=0.1, ge=0, le=1)
    per_empathy: float = Field(default=0.05, ge=0, le=1)
    per_wait: float = Field(default=0.1, ge=0, le=1)
    """Trust a wait as long as ``patience.reply_s`` costs; shorter waits cost with the square of
    their share of it (half the patience costs a quarter)."""
    jitter: float = Field(default=0.1, ge=0, le=0.5)
    """Per-instance spread of ``initial`` and ``share_at``, so instances of a persona differ."""


class Patience(_Spec):
    """How long and how much the customer puts up with."""

    reply_s: float = Field(gt=0)
    """Patience for one reply: the customer is still there after a wait of ``reply_s`` with
    chance exp(-1) = 0.37, after half of it 0.94, after 1.5x under 0.01 (a curve, not a cliff)."""
    unanswered: int = Field(ge=1)
    """Questions the agent may ignore before the customer leaves."""
    max_turns: int = Field(ge=2)
    """Customer messages at most."""
    refusals: int = Field(default=2, ge=1)
    """Refusals to leave a contact before the customer gives up on the conversation."""


class Pace(_Spec):
    """The customer's own reading and typing time between messages."""

    think_s: tuple[float, float] = (15.0, 90.0)
    silent: float = Field(default=0.03, ge=0, le=1)
    """Chance per turn that a customer whose trust is falling just stops answering."""


class Traits(_Spec):
    """Writing style, sampled per customer, so two customers of one archetype read differently.

    Each is the share of customers with the trait; the locale's phrase bank says what it does
    (``style`` section: emoji, slang and dialect words, typo substitutions, filler sentences).
    """

    terse: float = Field(default=0.3, ge=0, le=1)
    """Short messages: no acknowledgements, no pleasantries."""
    verbose: float = Field(default=0.2, ge=0, le=1)
    """Adds context sentences to questions."""
    typos: float = Field(default=0.15, ge=0, le=1)
    emoji: float = Field(default=0.2, ge=0, le=1)
    slang: float = Field(default=0.2, ge=0, le=1)
    dialect: float = Field(default=0.1, ge=0, le=1)
    """Regional words (zh_CN)."""
    burst: float = Field(default=0.15, ge=0, le=1)
    """Chance per message that the customer sends it as two or three messages in a row."""


class Behaviour(_Spec):
    """Chances of optional acts, per conversation."""

    probe: float = Field(default=0.3, ge=0, le=1)
    object: float = Field(default=0.4, ge=0, le=1)
    needs: tuple[int, int] | None = None
    """How many of the needs one instance asks about (default: all)."""
    never_share: float = Field(default=0.0, ge=0, le=1)
    """Share of customers who never leave a contact in chat, however well served (they call or
    visit by themselves); caps the lead-capture rate any agent can reach on this persona."""


class Persona(_Spec):
    """A customer archetype in one locale. See docs/personas.md for every field."""

    id: Identifier
    version: int = 1
    industry: str
    locale: Locale
    summary: str
    arrival: Arrival
    identity: Identity
    qualified: float = Field(ge=0, le=1)
    details: dict[str, list[str]] = Field(default_factory=dict)
    """Slots for templates ({case_type}, {grade}, ...), one value sampled per instance."""
    opening: list[str] = Field(min_length=1)
    needs: list[Need] = Field(min_length=1)
    trust: Trust
    patience: Patience
    intent: Literal["sale", "complaint", "spam"] = "sale"
    """Why the customer writes. Only ``sale`` conversations can produce a lead; a complaint or a
    competitor's probe that leaves a number is handled, not captured."""
    pace: Pace = Field(default_factory=Pace)
    behaviour: Behaviour = Field(default_factory=Behaviour)
    traits: Traits = Field(default_factory=Traits)
    objections: list[str] = Field(default_factory=list)
    probes: list[str] = Field(default_factory=list)
    phrases: dict[str, list[str]] = Field(default_factory=dict)
    """Per-persona overrides of the locale's customer phrase bank (share_contact, refuse, ...)."""

    _need_views: tuple[NeedView, ...] | None = PrivateAttr(default=None)

    def need_views(self) -> tuple[NeedView, ...]:
        """The needs as the reader sees them, built once per loaded persona."""
        if self._need_views is None:
            self._need_views = tuple(
                NeedView(
                    key=need.key,
                    types=need.types,
                    asks=tuple(need.ask),
                    hints=tuple(normalize(h) for h in need.answered_by),
                    market=need.market,
                )
                for need in self.needs
            )
        return self._need_views

    @model_validator(mode="after")
    def _unique_need_keys(self) -> Persona:
        keys = [need.key for need in self.needs]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"needs: duplicate key {duplicates[0]!r}")
        return self


class Peak(_Spec):
    """Busy hours, when one person juggles several chats and each customer waits longer.

    Live-chat teams staff for the average load, so lunch and evening peaks queue up; the median
    reply in those hours is ``median_s`` instead of the off-peak one (same spread).
    """

    hours: list[Annotated[int, Field(ge=0, le=23)]] = Field(min_length=1)
    """Local hours (0-23) that are busy."""
    median_s: float = Field(gt=0)
    """Median reply latency in those hours, in seconds."""

    @field_validator("hours")
    @classmethod
    def _each_hour_once(cls, hours: list[int]) -> list[int]:
        twice = sorted({h for h in hours if hours.count(h) > 1})
        if twice:
            raise ValueError(f"hour {twice[0]} is listed twice")
        return hours


class Latency(_Spec):
    """Lognormal reply latency of a human agent on duty, slower in the busy hours if any."""

    median_s: float = Field(default=120.0, gt=0)
    sigma: float = Field(default=0.8, ge=0)
    peak: Peak | None = None
    """Busy hours with a slower median; none by default (the same latency all day)."""

    def median_at(self, hour: int) -> float:
        """The median reply latency at a local hour."""
        if self.peak is not None and hour in self.peak.hours:
            return self.peak.median_s
        return self.median_s


class Shift(_Spec):
    """Local on-duty hours of a human agent, ``start <= hour < end``.

    ``start > end`` is a shift across midnight (``{start: 20, end: 2}``: 20:00-01:59);
    ``{start: 0, end: 24}`` is round the clock.
    """

    start: int = Field(default=9, ge=0, le=23)
    end: int = Field(default=21, ge=1, le=24)

    @model_validator(mode="after")
    def _not_empty(self) -> Shift:
        if self.start == self.end:
            raise ValueError(
                f"start and end are both {self.start}: an empty shift "
                "(round the clock is start: 0, end: 24)"
            )
        return self

    def on_duty(self, hour: int) -> bool:
        """Whether a local hour falls within the shift."""
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end


class OnCall(_Spec):
    """Reduced night coverage: one person on call picks up a share of off-duty conversations.

    Teams that close at night often leave a phone with someone who answers what they notice,
    late; the rest waits for the morning shift. Whether the on-call person takes a conversation
    is decided once per conversation (seeded). Their first reply comes after a lognormal time
    to notice the chat (``median_s``, ``sigma``); once they are in it they chat at the team's
    usual pace (``latency``).
    """

    share: float = Field(ge=0, le=1)
    """Share of the conversations that arrive off duty which the on-call person takes."""
    median_s: float = Field(default=600.0, gt=0)
    """Median time until the on-call person's first reply, in seconds (they notice late)."""
    sigma: float = Field(default=0.8, ge=0)


class Misses(_Spec):
    """Lapses of a competent but busy person; both 0 by default (as good as the policy)."""

    question: float = Field(default=0.0, ge=0, le=1)
    """Chance, per customer message holding a question the staff can answer, that they overlook
    one question in it (a message with one question then gets no answer to it)."""
    contact_ask: float = Field(default=0.0, ge=0, le=1)
    """Chance, per conversation, that the staff member never offers to take a contact on their
    own initiative (they still do when the customer asks how to proceed)."""


def http_url(value: str) -> str:
    """An ``http://`` or ``https://`` URL with a host; anything else fails when the spec loads
    (``file:///etc/passwd`` or a typo would otherwise surface as an error in every conversation).
    """
    try:
        parts = urlsplit(value)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        ok = False
    if not ok:
        raise ValueError("expected an http:// or https:// URL with a host")
    return value


class ScriptedAgentSpec(_Spec):
    """A built-in rule-based sales agent (a reference version)."""

    kind: Literal["scripted"]
    id: Identifier
    version: int = 1
    description: str = ""
    policy: Literal["ask_first", "answer_first", "never_ask"]
    knowledge: str = "default"
    typing_s: tuple[float, float] = (2.0, 8.0)


class HumanAgentSpec(_Spec):
    """The simulated human baseline: business hours, human reply latency and human lapses.

    Every field beyond ``shift`` and ``latency`` defaults to "absent" (no busy hours, nobody on
    call, no lapses), so a spec written before they existed behaves as it did.
    """

    kind: Literal["human"]
    id: Identifier
    version: int = 1
    description: str = ""
    policy: Literal["ask_first", "answer_first", "never_ask"] = "answer_first"
    knowledge: str = "default"
    shift: Shift = Field(default_factory=Shift)
    latency: Latency = Field(default_factory=Latency)
    on_call: OnCall | None = None
    """Night coverage outside the shift; none: every off-duty message waits for the shift."""
    misses: Misses = Field(default_factory=Misses)

    def parameters(self) -> dict[str, Any]:
        """What shapes its figures, as plain data for summary.json and the scorecard's line."""
        return {
            "shift": [self.shift.start, self.shift.end],
            "median_reply_s": self.latency.median_s,
            "sigma": self.latency.sigma,
            "peak": self.latency.peak.model_dump() if self.latency.peak else None,
            "on_call": (
                {"share": self.on_call.share, "first_reply_s": self.on_call.median_s}
                if self.on_call is not None and self.on_call.share > 0
                else None
            ),
            "misses_question": self.misses.question,
            "misses_contact_ask": self.misses.contact_ask,
            "policy": self.policy,
        }


class PythonAgentSpec(_Spec):
    """A user's callable or class, ``module:attr``."""

    kind: Literal["python"]
    id: Identifier
    version: int = 1
    description: str = ""
    target: str


class PricesSpec(_Spec):
    """Money per million tokens, for cost per conversation and per lead."""

    input_per_million: float = Field(default=0.0, ge=0)
    output_per_million: float = Field(default=0.0, ge=0)


class _ModelSpec(_Spec):
    """Settings shared by every chat-model spec (agents of kind openai/langchain, LLM customers)."""

    id: Identifier
    version: int = 1
    description: str = ""
    temperature: float | None = Field(default=0.0, ge=0, le=2)
    max_tokens: int | None = Field(default=None, ge=1)
    timeout_s: float = Field(default=60.0, gt=0)
    retries: int = Field(default=3, ge=0, le=10)
    rpm: int | None = Field(default=None, ge=1)
    """Requests per minute at most."""
    tpm: int | None = Field(default=None, ge=1)
    """Tokens per minute at most."""
    prices: PricesSpec = Field(default_factory=PricesSpec)
    system_prompt: str | None = None
    """The agent's system prompt, inline (agents only)."""
    system_prompt_file: str | None = None
    """Or a file holding it, relative to the spec file."""
    capture_lead: bool = False
    """Offer the model a ``capture_lead`` tool to record the lead it would write to the CRM."""


class OpenAIAgentSpec(_ModelSpec):
    """Any OpenAI-compatible endpoint through langchain-openai."""

    kind: Literal["openai"]
    model: str
    base_url: str | None = None
    api_key_env: str | None = "OPENAI_API_KEY"
    """The NAME of the environment variable that holds the key; the key is never written down."""

    @field_validator("base_url")
    @classmethod
    def _http_base_url(cls, value: str | None) -> str | None:
        return None if value is None else http_url(value)


class LangChainAgentSpec(_ModelSpec):
    """A chat model by ``init_chat_model`` string, or a Runnable by ``module:attr``."""

    kind: Literal["langchain"]
    model: str | None = None
    runnable: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> LangChainAgentSpec:
        if (self.model is None) == (self.runnable is None):
            raise ValueError(
                "give exactly one of model (init_chat_model string) or runnable (module:attr)"
            )
        return self


class HttpAgentSpec(_Spec):
    """An agent deployed as a service: POST the transcript, read ``{"text", "lead"?}``."""

    kind: Literal["http"]
    id: Identifier
    version: int = 1
    description: str = ""
    url: str
    timeout_s: float = Field(default=30.0, gt=0)
    max_response_bytes: int = Field(default=1_000_000, ge=1)
    retries: int = Field(default=3, ge=0, le=10)
    backoff_s: float = Field(default=0.5, ge=0)
    rpm: int | None = Field(default=None, ge=1)
    headers: dict[str, str] = Field(default_factory=dict)
    api_key_env: str | None = None
    """Sent as ``Authorization: Bearer <key>`` when set; only the variable's name is stored."""

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return http_url(value)


AnyAgentSpec = (
    ScriptedAgentSpec
    | HumanAgentSpec
    | PythonAgentSpec
    | OpenAIAgentSpec
    | LangChainAgentSpec
    | HttpAgentSpec
)
AgentSpec = Annotated[AnyAgentSpec, Field(discriminator="kind")]
AGENT_KINDS = tuple(
    get_args(spec.model_fields["kind"].annotation)[0] for spec in get_args(AnyAgentSpec)
)
"""The ``kind`` values an agent spec may have, in the order the union lists them."""


class _AgentSpecFile(_Spec):
    spec: AgentSpec


class KnowledgeEntry(_Spec):
    """One thing a reference agent knows: how to recognise the question, what to answer."""

    intent: str
    keywords: list[str] = Field(min_length=1)
    answer: list[str] = Field(min_length=1)


class Knowledge(_Spec):
    """What the reference agents know about one industry in one locale."""

    industry: str
    locale: Locale
    business: str
    greeting: list[str] = Field(min_length=1)
    entries: list[KnowledgeEntry] = Field(min_length=1)
    fallback: list[str] = Field(min_length=1)
    """What to say when no entry matches."""
    ask_contact: list[str] = Field(min_length=1)
    """Asking for a contact with a reason and consent (answer-first agents)."""
    ask_contact_bare: list[str] = Field(min_length=1)
    """Asking for a phone with no reason (ask-first agents)."""
    after_refusal: list[str] = Field(min_length=1)
    """Accepting a refusal without asking again."""
    confirm_lead: list[str] = Field(min_length=1)
    closing: list[str] = Field(min_length=1)
    invite_more: list[str] = Field(min_length=1)
    """Asked when every question seems answered and no contact was asked for yet."""


class Suite(_Spec):
    """A named mix of personas (personas/suites/<id>.yaml), for ``salesim run --suite``."""

    id: Identifier
    description: str = ""
    personas: list[Identifier] = Field(min_length=1)
    locales: list[Locale] | None = None
    """Restrict to these locales (default: the run's --locale)."""


# --- loading -----------------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """Read a YAML file safely; any problem becomes a one-line :class:`SpecError`.

    Plain data only, with duplicate keys, unreadable integers and alias bombs refused
    (:mod:`simulator.yamlsafe`).
    """
    try:
        if path.stat().st_size > MAX_SPEC_BYTES:
            raise SpecError(f"{path}: larger than {MAX_SPEC_BYTES // 1_000_000} MB; not a spec")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    try:
        return load_yaml(text)
    except YAMLProblem as exc:
        where = f" (line {exc.line})" if exc.line is not None else ""
        raise SpecError(f"{path}{where}: {exc.problem}") from None


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxlevel, _SHORT_REPR.maxstring, _SHORT_REPR.maxother = 3, 60, 60
_SHORT_REPR.maxlist = _SHORT_REPR.maxdict = _SHORT_REPR.maxtuple = _SHORT_REPR.maxset = 6


def validation_problems(
    path: Path | str, exc: ValidationError, strip: int | Callable[[ErrorDetails], int] = 0
) -> list[str]:
    """Every pydantic error as ``file: field: message``, one line each, in the file's order.

    ``strip``: leading ``loc`` parts to drop (a wrapper field, the tag pydantic inserts for a
    tagged union), or a function of the error that says how many.
    """
    problems = []
    for error in exc.errors():
        cut = strip(error) if callable(strip) else strip
        field = ".".join(str(part) for part in error["loc"][cut:]) or "(top level)"
        problems.append(f"{path}: {field}: {_message(error)}")
    return problems


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    message = error["msg"].removeprefix("Value error, ")
    if "input" in error:
        shown = _SHORT_REPR.repr(error["input"])  # bounded: never walks a whole huge input
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = f"{message} (got {shown})"
    return message


def format_validation_error(path: Path | str, exc: ValidationError, strip: int = 0) -> str:
    """The first of :func:`validation_problems`, for callers that report one line."""
    return validation_problems(path, exc, strip)[0]


IDENTITY_SLOTS = frozenset({"name", "surname", "first", "city", "age"})
"""Placeholders every persona template may use; ``details`` keys add to them."""
PHRASE_SLOTS = frozenset({"phone", "title", "ask"})
"""Extra placeholders in ``phrases`` overrides (share_contact, repeat_need, repeat_rephrased)."""


def _template_problems(persona: Persona) -> list[str]:
    """Every template that uses an unknown placeholder, as ``field: message``."""
    known = IDENTITY_SLOTS | set(persona.details)
    templates: list[tuple[str, str, frozenset[str] | set[str]]] = []
    templates += [(f"opening.{i}", t, known) for i, t in enumerate(persona.opening)]
    for n, need in enumerate(persona.needs):
        templates += [(f"needs.{n}.ask.{i}", t, known) for i, t in enumerate(need.ask)]
    templates += [(f"objections.{i}", t, known) for i, t in enumerate(persona.objections)]
    templates += [(f"probes.{i}", t, known) for i, t in enumerate(persona.probes)]
    for act, lines in persona.phrases.items():
        templates += [(f"phrases.{act}.{i}", t, known | PHRASE_SLOTS) for i, t in enumerate(lines)]
    problems = []
    for field, template, allowed in templates:
        try:
            names = {
                name for _, name, _, _ in string.Formatter().parse(template) if name is not None
            }
        except ValueError as exc:
            problems.append(f"{field}: malformed template {template!r} ({exc})")
            continue
        unknown = sorted(names - set(allowed))
        if unknown:
            problems.append(
                f"{field}: unknown placeholder {{{unknown[0]}}} "
                f"(known: {', '.join(sorted(allowed))})"
            )
    return problems


SpecModel = TypeVar("SpecModel", bound=BaseModel)


def load_model(path: Path, model: type[SpecModel], what: str) -> SpecModel:
    """Read a YAML mapping and validate it as ``model``; one-line errors naming file and field.

    Every spec kind (persona, knowledge, suite, rubric) is loaded through here, so they all fail
    the same way.
    """
    return validate_model(path, read_yaml(path), model, what)


def validate_model(path: Path, data: Any, model: type[SpecModel], what: str) -> SpecModel:
    """Validate data already read from ``path`` as ``model``, with :func:`load_model`'s errors."""
    if not isinstance(data, dict):
        raise SpecError(f"{path}: expected a mapping of {what} fields at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise SpecError.of(validation_problems(path, exc)) from None


def load_persona(path: Path) -> Persona:
    """Load and validate one persona file."""
    persona = load_model(path, Persona, "persona")
    problems = [f"{path}: {problem}" for problem in _template_problems(persona)]
    if problems:
        raise SpecError.of(problems)
    return persona


def load_agent_spec(path: Path) -> AnyAgentSpec:
    """Load and validate one agent spec file; a missing or unknown ``kind`` lists the kinds."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise SpecError(f"{path}: expected a mapping of agent fields at the top level")
    kinds = ", ".join(AGENT_KINDS)
    if "kind" not in data:
        raise SpecError(f"{path}: kind: required field is missing (one of: {kinds})")
    if data["kind"] not in AGENT_KINDS:
        shown = repr(data["kind"])[:60]
        raise SpecError(f"{path}: kind: unknown agent kind {shown} (one of: {kinds})")
    try:
        return _AgentSpecFile.model_validate({"spec": data}).spec
    except ValidationError as exc:
        # loc is ("spec", <kind tag>, field, ...): the file's own fields start after the tag
        problems = validation_problems(path, exc, strip=2)
        raise SpecError.of(problems) from None


def load_knowledge(path: Path) -> Knowledge:
    """Load and validate one knowledge file of the reference agents."""
    return load_model(path, Knowledge, "knowledge")


def suite_files() -> list[Path]:
    """Shipped suites."""
    return sorted((data_dir("personas") / "suites").glob("*.yaml"))


def load_suite(name: str) -> tuple[Suite, Path]:
    """A suite by name (personas/suites/<name>.yaml) or path."""
    path = Path(name)
    if not name.endswith((".yaml", ".yml")):
        path = data_dir("personas") / "suites" / f"{name}.yaml"
        if not path.is_file():
            known = ", ".join(p.stem for p in suite_files()) or "none"
            raise SpecError(f"--suite {name}: no such suite (known: {known})")
    return load_model(path, Suite, "suite"), path


def spec_hash(path: Path) -> str:
    """Short content hash recorded in the manifest: which exact spec produced a result."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


# --- where the shipped data lives ----------------------------------------------------------------


def data_dir(name: str) -> Path:
    """Directory of shipped data (``personas``, ``rubrics``, ``agents``).

    In a checkout (or an editable install) that is the repository's own folder, so edits show up
    at once; in an installed wheel it is the copy packaged as ``simulator._data.<name>``.
    """
    package = Path(__file__).resolve().parent
    checkout = package.parent / name
    if checkout.is_dir() and (package.parent / "pyproject.toml").is_file():
        return checkout
    return package / "_data" / name


def persona_files(directory: Path | None = None) -> list[Path]:
    """Every persona YAML file in the library, sorted."""
    return sorted((directory or data_dir("personas")).glob("*.yaml"))


def load_persona_library(
    directory: Path | None = None,
) -> dict[tuple[str, str], tuple[Persona, Path]]:
    """All personas keyed by ``(id, locale)``; a duplicate id/locale pair is an error."""
    library: dict[tuple[str, str], tuple[Persona, Path]] = {}
    for path in persona_files(directory):
        persona = load_persona(path)
        key = (persona.id, persona.locale)
        if key in library:
            raise SpecError(
                f"{path}: id: {persona.id!r} in {persona.locale} "
                f"is also defined in {library[key][1]}"
            )
        library[key] = (persona, path)
    return library
