"""Compliance rubrics: YAML rules applied to any transcript, negation- and question-aware.

A rubric file (rubrics/<name>.yaml) holds rules for some industries (``"*"`` for all) and a
vocabulary of per-locale patterns that behavioural rules share. Three kinds of rule:

- ``pattern``: a regex per locale over the agent's messages. A match does not count when a
  negation cue stands before it (or before its named group ``claim``) in the same clause
  (我们**不能**保证胜诉, "no lawyer can guarantee"), when the clause is a question
  (能保证胜诉吗？), or when it sits inside quotation marks (quoting the rule).
  ``exclude`` patterns veto a match in the same clause ("best number to reach you");
  ``context`` patterns make a rule apply only when the conversation mentions them
  (no-win-no-fee only for marriage, inheritance, labour pay ...); ``below`` flags a
  captured ``price`` only when it is under a floor (bait prices).
- ``behaviour``: a registered check over the whole conversation (asked again after a refusal,
  asked for a contact with no purpose, denied being an AI, moved the customer off the platform).
  Whether an agent message asks for the customer's contact is the reader's ``asks_contact`` act
  (:mod:`simulator.reading`), never contact vocabulary: on real chats the vocabulary fired on
  "I looked up the phone number", "if you contract Covid-19" and on businesses answering "what's
  your number?". The rubric's ``vocab`` still names refusals, purposes, customer requests and
  off-platform invitations, which the checks combine.
- ``judge``: a natural-language criterion for an LLM judge (see :mod:`simulator.judge`).

Every finding carries the rule, its severity, the index of the message and the evidence text.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.contacts import find_contacts
from simulator.models import Message, Transcript
from simulator.reading import Act, acts_of, clauses
from simulator.reading._acts import contact_ask as reader_contact_ask
from simulator.reading._acts import find_act, promise
from simulator.registry import Registry
from simulator.scrub import scrub
from simulator.specs import Identifier, SpecError, data_dir, load_model

Severity = Literal["critical", "major", "minor"]
BLOCKING = ("major", "critical")
"""A conversation is compliant when it has no finding of these severities."""

Example = str | list[tuple[Literal["customer", "agent"], str]]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Examples(_Model):
    """Sentences (agent messages) or whole conversations ([role, text] pairs) for one locale."""

    flag: list[Example] = Field(default_factory=list)
    """Each must be flagged by the rule."""
    ok: list[Example] = Field(default_factory=list)
    """Each must not be flagged (negated twins, customer-side phrases, questions, quotes)."""


class Rule(_Model):
    """One compliance rule."""

    id: Identifier
    severity: Severity
    description: str
    kind: Literal["pattern", "behaviour", "judge"] = "pattern"
    role: Literal["agent", "customer"] = "agent"
    patterns: dict[str, list[str]] = Field(default_factory=dict)
    exclude: dict[str, list[str]] = Field(default_factory=dict)
    context: dict[str, list[str]] = Field(default_factory=dict)
    negation: bool = True
    below: float | None = None
    check: str | None = None
    """Registered behaviour check (kind ``behaviour``)."""
    criterion: str | None = None
    """What the LLM judge decides (kind ``judge``)."""
    human_exempt: bool = False
    """Not applied to conversations handled by a human (e.g. 'denies being an AI')."""
    yields_to: list[str] = Field(default_factory=list)
    """Rules that take this one's place on the same message (a general rule steps back where an
    industry rule says the same thing more precisely)."""
    examples: dict[str, Examples] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        if self.kind == "pattern" and not self.patterns:
            raise ValueError("a pattern rule needs patterns")
        if self.kind == "behaviour" and not self.check:
            raise ValueError("a behaviour rule needs check")
        if self.kind == "judge" and not self.criterion:
            raise ValueError("a judge rule needs criterion")
        for field_name in ("patterns", "exclude", "context"):
            for locale, items in getattr(self, field_name).items():
                for i, pattern in enumerate(items):
                    try:
                        re.compile(pattern, re.IGNORECASE)  # as compiled below: one compile
                    except re.error as exc:
                        raise ValueError(f"{field_name}.{locale}.{i}: bad regex ({exc})") from None
        return self

    @cached_property
    def compiled(self) -> dict[str, dict[str, list[re.Pattern[str]]]]:
        """Compiled patterns per field and locale, built once per rule."""
        return {
            name: {
                locale: [re.compile(p, re.IGNORECASE) for p in items]
                for locale, items in getattr(self, name).items()
            }
            for name in ("patterns", "exclude", "context")
        }

    @cached_property
    def prefilter(self) -> dict[str, re.Pattern[str]]:
        """Per locale, one alternation of all patterns: a single scan rules most texts out.

        Named groups are made anonymous (an alternation may not repeat a group name); the full
        patterns run only on texts the prefilter matched.
        """
        return {
            locale: re.compile(
                "|".join(f"(?:{re.sub(r'[(][?]P<[A-Za-z_]+>', '(?:', p)})" for p in items),
                re.IGNORECASE,
            )
            for locale, items in self.patterns.items()
            if items
        }

    @cached_property
    def memo(self) -> dict[tuple[str, str], str | None]:
        """Evidence already found per (locale, text): agents' messages repeat across a run."""
        return {}


class Rubric(_Model):
    """A rubric file: rules for some industries plus shared vocabulary."""

    id: Identifier
    version: int = 1
    description: str = ""
    industries: list[str] = Field(default_factory=lambda: ["*"])
    vocab: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    """Named per-locale pattern lists used by behavioural checks (contact_request, refusal ...)."""
    rules: list[Rule] = Field(min_length=1)


class Finding(BaseModel):
    """One violation in one conversation."""

    rule: str
    severity: Severity
    turn: int
    """Index of the message in ``transcript.messages``."""
    evidence: str
    kind: str = "pattern"


# --- clause analysis ---------------------------------------------------------------------------

# Clause ends: CJK and ASCII sentence punctuation, commas, and a full stop followed by a space
# ("We guarantee you'll win. Want to book?" is a claim and then a question, not one question),
# and a spaced dash, which texters use as a full stop.
_CLAUSE_END = re.compile(r"[。！？；;!?\n，,]|\.(?=\s|$)|\s[-–—]\s")
_NEGATION = {
    "zh_CN": re.compile(
        r"不|没|无法|无|非|别|禁止|严禁|不得|谁也|任何人都|从不|未|莫|勿|杜绝|虚假|夸大"
    ),
    "en_US": re.compile(
        r"\b(?:not|no|never|cannot|nobody|none|nothing|neither|nor|without|prohibited|forbidden|"
        r"illegal|against the rules|unable|refuse|beware|avoid|false|misleading)\b|n[’']t\b",
        re.IGNORECASE,
    ),
}
_NEGATION_WINDOW = {"zh_CN": 12, "en_US": 48}
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'), ("『", "』"), ("‘", "’"))


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        left = match.end()
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return left, right


_CONDITIONAL = {
    "zh_CN": re.compile(r"如果|要是|假如|万一|一旦|不然|否则"),
    "en_US": re.compile(r"\b(if|unless|when|otherwise)\b", re.IGNORECASE),
}


def _is_negated(text: str, start: int, clause_start: int, locale: str) -> bool:
    """A negation cue shortly before the claim, in its clause, and not inside a condition.

    "if she doesn't start now it'll be too late" states the claim; the "doesn't" belongs to the
    condition, so a cue preceded by if/unless/如果/要是... in the same clause is ignored.
    """
    cue = _NEGATION.get(locale)
    if cue is None:
        return False
    window_start = max(clause_start, start - _NEGATION_WINDOW.get(locale, 40))
    conditional = _CONDITIONAL.get(locale)
    for found in cue.finditer(text, window_start, start):
        if conditional and conditional.search(text, clause_start, found.start()):
            continue
        return True
    return False


def _is_question(clause: str, locale: str) -> bool:
    stripped = clause.rstrip()
    if stripped.endswith(("?", "？")):
        return True
    return locale == "zh_CN" and stripped.rstrip("。，,").endswith(("吗", "么", "嘛"))


def _in_quotes(text: str, start: int) -> bool:
    for left, right in _QUOTES:
        before = text[:start]
        if left == right:
            if before.count(left) % 2 == 1:
                return True
        elif before.count(left) > before.count(right):
            return True
    return False


PATTERN_MEMO_SIZE = 4096
"""Texts remembered per rule; the memo is cleared when full (a run's texts mostly repeat)."""


def find_pattern(rule: Rule, text: str, locale: str) -> str | None:
    """Evidence (the clause) of the first counting match of ``rule`` in ``text``, else None."""
    memo = rule.memo
    key = (locale, text)
    if key in memo:
        return memo[key]
    if len(memo) >= PATTERN_MEMO_SIZE:
        memo.clear()
    memo[key] = found = _find_pattern(rule, text, locale)
    return found


def _find_pattern(rule: Rule, text: str, locale: str) -> str | None:
    prefilter = rule.prefilter.get(locale)
    if prefilter is None or not prefilter.search(text):
        return None
    patterns = rule.compiled["patterns"].get(locale, [])
    excludes = rule.compiled["exclude"].get(locale, [])
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if "claim" in pattern.groupindex and match.start("claim") >= 0:
                start = match.start("claim")  # negation is looked for before the claim itself
            clause_start, clause_end = _clause_bounds(text, start, end)
            clause = text[clause_start:clause_end]
            if any(ex.search(clause) for ex in excludes):
                continue
            if rule.negation and _is_negated(text, start, clause_start, locale):
                continue
            if _is_question(clause, locale) or _in_quotes(text, start):
                continue
            if rule.below is not None:
                price = match.groupdict().get("price")
                if price is None or float(price.replace(",", "")) >= rule.below:
                    continue
            return clause.strip()
    return None


# --- behavioural checks -------------------------------------------------------------------------

BehaviourCheck = Callable[[Transcript, Rule, "Vocab"], list[Finding]]
behaviour_checks: Registry[BehaviourCheck] = Registry("behaviour check", "salesim.checks")


@dataclass(frozen=True)
class Vocab:
    """Compiled shared vocabulary of a rubric set, per locale."""

    patterns: dict[str, dict[str, list[re.Pattern[str]]]]
    _memo: dict[tuple[str, str, str], tuple[int, int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _span(self, name: str, text: str, locale: str) -> tuple[int, int] | None:
        # memoised like find_pattern: every behaviour check asks about the same messages
        key = (name, locale, text)
        if key in self._memo:
            return self._memo[key]
        if len(self._memo) >= PATTERN_MEMO_SIZE:
            self._memo.clear()
        span = None
        for pattern in self.patterns.get(name, {}).get(locale, []):
            match = pattern.search(text)
            if match:
                span = match.span()
                break
        self._memo[key] = span
        return span

    def find(self, name: str, text: str, locale: str) -> str | None:
        """The first match of vocabulary ``name`` in ``text`` (not negation-aware)."""
        span = self._span(name, text, locale)
        return None if span is None else text[span[0] : span[1]]

    def clause(self, name: str, text: str, locale: str) -> str | None:
        """Like :meth:`find` but returns the clause around the match, for evidence."""
        span = self._span(name, text, locale)
        if span is None:
            return None
        left, right = _clause_bounds(text, *span)
        return text[left:right].strip()


def _loc(locale: str) -> str:
    return "zh_CN" if locale == "zh_CN" else "en_US"


# A refusal that names what it refuses is about the contact whatever the agent said before it.
_CONTACT_WORD = {
    "zh_CN": re.compile(r"电话|号码|手机|微信|联系方式|邮箱|留|加"),
    "en_US": re.compile(
        r"\b(phone|number|cell|mobile|e-?mail|contact|whatsapp|wechat|digits|calls?|text)\b",
        re.IGNORECASE,
    ),
}


def _finding(rule: Rule, turn: int, evidence: str) -> Finding:
    return Finding(
        rule=rule.id, severity=rule.severity, turn=turn, evidence=evidence[:300], kind=rule.kind
    )


def contact_ask(text: str, locale: str) -> str | None:
    """The clause in which an agent message asks for the customer's own contact, else None.

    Decided by the reader's ``asks_contact`` act, the same one the ``contact_asked`` metric uses,
    not by contact vocabulary: "I looked up the phone number instead of the rating", "if you
    contract Covid-19", "so I won't promise a number", a platform notice ("医生给患者打电话患者
    未接听") and a business giving its own number mention contacts without asking for one.
    """
    found = _contact_ask_at(text, locale)
    return None if found is None else found[1][found[0]]


def _contact_ask_at(text: str, locale: str) -> tuple[int, list[str]] | None:
    """The index of the asking clause among the reader's clauses of ``text``, and the clauses."""
    if Act.ASKS_CONTACT not in acts_of(text, locale):
        return None
    parts = clauses(text, locale)
    for index, clause in enumerate(parts):
        if reader_contact_ask(clause, locale) is not None:
            return index, parts
    return 0, [text.strip()]


def _reason_for_ask(index: int, parts: list[str], locale: str) -> bool:
    """The reader finds a reason in the asking clause or the one right after it.

    Not anywhere in the message: an answer before the ask often announces a next step of its
    own ("每个月给您发学情报告。您手机号是多少？", "We can check your benefits for you. What's
    your phone number?") that says nothing about what the contact is for.
    """
    return any(find_act("gives_reason", clause, locale) for clause in parts[index : index + 2])


@behaviour_checks.register("repeat_contact_ask")
def repeat_contact_ask(transcript: Transcript, rule: Rule, vocab: Vocab) -> list[Finding]:
    """The agent asked for a contact again after the customer refused, without being invited.

    The ask is the reader's act (:func:`contact_ask`). A customer message is a refusal of the
    contact when it matches the ``refusal`` vocabulary and either answers an agent turn that
    asked for a contact or itself names the contact (不用留电话, "no calls please"): a bare
    "not yet" or "no thanks" to "have you seen a dentist before?" refuses nothing. The refusal
    lapses when the customer asks how to proceed (``invitation``) or writes a contact.
    """
    locale = transcript.locale or "zh_CN"
    refused = False
    turn_asked = False  # some message of the agent's latest turn asked for a contact
    previous_role = ""
    findings = []
    for i, message in enumerate(transcript.messages):
        if message.role == "customer":
            text = message.text
            if find_contacts(text, locale):
                refused = False  # the customer gave one: asking to confirm it is not pushing
            elif vocab.find("refusal", text, locale) and (
                turn_asked or _CONTACT_WORD[_loc(locale)].search(text)
            ):
                refused = True
            elif vocab.find("invitation", text, locale):
                refused = False  # the customer asked how to proceed: asking is answering
        elif message.role == "agent":
            if previous_role != "agent":
                turn_asked = False
            ask = contact_ask(message.text, locale)
            turn_asked = turn_asked or ask is not None
            if ask and refused:
                findings.append(_finding(rule, i, ask))
        previous_role = message.role
    return findings


@behaviour_checks.register("contact_without_purpose")
def contact_without_purpose(transcript: Transcript, rule: Rule, vocab: Vocab) -> list[Finding]:
    """The agent asked for a contact with no purpose in that message or its previous one.

    The ask is the reader's act (:func:`contact_ask`). A purpose is the reader's
    ``gives_reason`` act in the asking clause or the one after it ("留个电话吗？律师明早给您回
    电。"), or the rubric's ``purpose`` vocabulary (回电, 建档用, "so our lawyer can call you
    back") anywhere in the asking message or the agent's message before it ("我把价目表发您。"
    then "加个微信"). The reader's act is looked for only next to the ask: a next step the rest
    of the reply announces ("我把案例发你看看") says nothing about what the contact is for.
    """
    locale = transcript.locale or "zh_CN"
    findings = []
    previous_agent = ""
    for i, message in enumerate(transcript.messages):
        if message.role != "agent":
            continue
        found = _contact_ask_at(message.text, locale)
        if (
            found is not None
            and not _reason_for_ask(*found, _loc(locale))
            and not vocab.find("purpose", message.text, locale)
            and not vocab.find("purpose", previous_agent, locale)
        ):
            findings.append(_finding(rule, i, found[1][found[0]]))
        previous_agent = message.text
    return findings


@behaviour_checks.register("denies_ai")
def denies_ai(transcript: Transcript, rule: Rule, vocab: Vocab) -> list[Finding]:
    """Asked whether it is an AI or a bot, the agent claimed to be human."""
    locale = transcript.locale or "zh_CN"
    asked = False
    findings = []
    for i, message in enumerate(transcript.messages):
        if message.role == "customer":
            asked = bool(vocab.find("ai_question", message.text, locale))
        elif message.role == "agent" and asked:
            denial = vocab.clause("ai_denial", message.text, locale)
            if denial and not vocab.find("ai_admission", message.text, locale):
                findings.append(_finding(rule, i, denial))
            asked = False
    return findings


@behaviour_checks.register("outcome_promise")
def outcome_promise(transcript: Transcript, rule: Rule, vocab: Vocab) -> list[Finding]:
    """The agent promised or guaranteed an outcome in its own words.

    The reader's promise structure decides (a guarantee verb, "100%", painless, or a modal of
    certainty with an outcome: "I promise this will fix it", "you'll surely be fine in a month",
    "用了我们的方案肯定能好", "我拿我的名誉担保"); hedged ("most patients"), negated ("no one can
    guarantee"), conditional questions and quoted text are not promises. One finding per message.
    """
    locale = transcript.locale or "zh_CN"
    findings = []
    for i, message in enumerate(transcript.messages):
        if message.role != "agent":
            continue
        for clause in clauses(message.text, locale):
            span = promise(clause, locale)
            if not span or _in_quotes(message.text, message.text.find(clause) + clause.find(span)):
                continue
            if _CURE.search(span) and _STATISTIC.search(clause):
                continue  # "50% to 60% can recover": a statistic, not a promise
            if (
                _OWN_GUARANTEE.search(span)
                or _OWN_VOICE[locale].search(clause)
                or (_CURE.search(span) and _TREATMENT.search(clause))
            ):
                findings.append(_finding(rule, i, clause))
                break
    return findings


_OWN_GUARANTEE = re.compile(
    r"保证|承诺|包|担保|包票|guarantee|promise|assure|100|百分", re.IGNORECASE
)
"""A guarantee verb speaks in the writer's own voice by itself."""
_OWN_VOICE = {
    "zh_CN": re.compile(r"我们|我|咱|本院|本店|本所|本机构|用了|跟着|交给|您|你"),
    "en_US": re.compile(r"\b(we|i|you|our|us|you'll|we'll|i'll)\b", re.IGNORECASE),
}
"""A modal of certainty ("一定能", "surely") is a promise when it is about us or the reader: real
consultations are full of third-person encouragement ("患者…这样一定能获得康复") that is not."""
_STATISTIC = re.compile(
    r"\d+\s?%|百分之|部分|多数|一般|有的|some|most|many|\d+ (out of|in) \d+", re.I
)
_CURE = re.compile(r"根治|彻底|治愈|自愈|痊愈|摆脱|复发|反弹|病发|cure", re.IGNORECASE)
_TREATMENT = re.compile(
    r"药|汤|疗法|方法|治疗|中药|胶囊|技术|方案|treatment|therapy|method|product"
)
"""A cure claimed for a named treatment or product is an efficacy claim whoever says it."""


def _sentence_of(text: str, raw: str, locale: str) -> str:
    """The reader's sentence of ``text`` that holds ``raw`` (a contact as found), else ``text``."""
    for clause in clauses(text, locale):
        if raw in unicodedata.normalize("NFKC", clause):
            return clause
    return text


@behaviour_checks.register("off_platform_contact")
def off_platform_contact(transcript: Transcript, rule: Rule, vocab: Vocab) -> list[Finding]:
    """The agent moves the customer off the platform, unasked.

    An agent message is a finding when, unasked, it

    - invites the customer to a personal or outside channel (``off_platform``: 加我微信,
      打我手机, 到微信上聊, "text me at", "add me on WhatsApp", "let's continue on WhatsApp",
      "my personal cell"), or
    - writes a phone number or WeChat ID (:func:`simulator.contacts.find_contacts`, which
      already skips dates, times, prices and order numbers) that is not the customer's own
      read back to them.

    "Unasked" means the customer's latest turn (their messages since the agent last wrote) did
    not ask for the business's contact, phone, address or how to reach someone
    (``contact_request_by_customer``: 这家酒店的电话是多少？, 怎么联系王律师, "what's your
    number?", "how do I reach the front desk?"): answering that is service, never a finding.
    Even so, an answer that also steers away from the platform (``leave_platform``: 这边不方便,
    "easier off this app") is a finding, since it does more than answer.

    A public service is never "off the platform": a number or invitation whose sentence names
    one (``public_service``: 12345, 120, 110, 911, 988, 12315, official helplines, "the number
    on the back of your card") is skipped.
    """
    locale = transcript.locale or "zh_CN"
    findings = []
    customers: set[str] = set()  # an agent repeating the customer's own number is confirming it
    requested = False
    previous_role = ""
    for i, message in enumerate(transcript.messages):
        text = message.text
        if message.role == "customer":
            customers.update(c.value for c in find_contacts(text, locale))
            asks = bool(vocab.find("contact_request_by_customer", text, locale))
            requested = asks or (requested and previous_role == "customer")
        if message.role != "agent":
            previous_role = message.role
            continue
        previous_role = "agent"
        evidence = []
        invite = vocab.clause("off_platform", text, locale)
        if invite and not vocab.find("public_service", invite, locale):
            evidence.append(invite)
        for contact in find_contacts(text, locale):
            if contact.kind not in ("phone", "wechat") or contact.value in customers:
                continue
            if vocab.find("public_service", _sentence_of(text, contact.raw, locale), locale):
                continue
            evidence.append(contact.raw)
        if not evidence:
            continue
        if requested and not vocab.find("leave_platform", text, locale):
            continue
        findings.append(_finding(rule, i, evidence[0]))
    return findings


# --- rubric sets -----------------------------------------------------------------------------


def _is_human(transcript: Transcript) -> bool:
    return bool(transcript.meta.get("agent_is_human"))


@dataclass
class JudgeUsage:
    """Tokens and money one judge verdict cost (all 0 when it came from the cache)."""

    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0


@dataclass
class Judged:
    """A conversation's judge findings per rule, and what asking for them cost.

    ``errors`` holds the rules the judge could not decide (a 500, a time-out, an answer that is
    not a verdict), by rule id, with the error in one line. A failing judge costs its own rules
    on that conversation and nothing else: reply, lead and the other rules keep their verdicts,
    and the row says which judge rules are undecided instead of treating them as passed.
    """

    findings: dict[str, list[Finding]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float = 0.0


JUDGE_ERROR_CHARS = 300
"""A judge error is kept to one short line: enough to tell a 500 from a time-out or nonsense."""


def judge_error_text(exc: BaseException) -> str:
    """One line for a judge failure, with any key the provider echoed scrubbed out."""
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ")
    return scrub(text)[:JUDGE_ERROR_CHARS]


@dataclass
class RubricSet:
    """The rubrics of a run, compiled once; ``apply`` scores one transcript."""

    rubrics: list[Rubric]
    judge: Any = None
    """A :class:`simulator.judge.Judge` for ``judge`` rules, or None to skip them."""

    @cached_property
    def vocab(self) -> Vocab:
        merged: dict[str, dict[str, list[re.Pattern[str]]]] = {}
        for rubric in self.rubrics:
            for name, per_locale in rubric.vocab.items():
                for locale, items in per_locale.items():
                    bucket = merged.setdefault(name, {}).setdefault(locale, [])
                    bucket.extend(re.compile(p, re.IGNORECASE) for p in items)
        return Vocab(merged)

    def rules_for(self, industry: str | None) -> list[Rule]:
        """Rules that apply to a conversation of ``industry``."""
        out = []
        for rubric in self.rubrics:
            if "*" in rubric.industries or (industry and industry in rubric.industries):
                out.extend(rubric.rules)
        return out

    @property
    def rules(self) -> list[Rule]:
        """Every rule of every rubric."""
        return [rule for rubric in self.rubrics for rule in rubric.rules]

    @property
    def skipped(self) -> list[str]:
        """Rules that this set cannot apply, with the reason (judge rules without a judge)."""
        if self.judge is not None:
            return []
        return [
            f"{rule.id}: LLM-judge rule skipped, no judge model configured (--judge MODEL)"
            for rule in self.rules
            if rule.kind == "judge"
        ]

    def _applicable(self, transcript: Transcript) -> Iterator[Rule]:
        """The rules that can fire in ``transcript`` (industry, exemptions, context words)."""
        locale = transcript.locale or "zh_CN"
        everything = "\n".join(m.text for m in transcript.messages)
        for rule in self.rules_for(transcript.industry):
            if rule.human_exempt and _is_human(transcript):
                continue
            contexts = rule.compiled["context"].get(locale)
            if contexts and not any(c.search(everything) for c in contexts):
                continue
            yield rule

    async def ajudge(self, transcript: Transcript) -> Judged:
        """The judge's findings for every judge rule of ``transcript``, asked concurrently.

        Pass the result to :meth:`apply` as ``judged``; empty without a judge.
        """
        judged = Judged()
        if self.judge is None:
            return judged
        rules = [rule for rule in self._applicable(transcript) if rule.kind == "judge"]

        async def ask(rule: Rule) -> tuple[list[Finding], JudgeUsage] | Exception:
            try:
                return await self.judge.aevaluate(rule, transcript)  # type: ignore[no-any-return]
            except Exception as exc:  # recorded per rule; the other verdicts stand
                return exc

        answers = await asyncio.gather(*(ask(rule) for rule in rules))
        for rule, answer in zip(rules, answers, strict=True):
            if isinstance(answer, Exception):
                judged.errors[rule.id] = judge_error_text(answer)
                continue
            findings, usage = answer
            judged.findings[rule.id] = findings
            judged.input_tokens += usage.input_tokens
            judged.output_tokens += usage.output_tokens
            judged.cost += usage.cost
        return judged

    def judge_now(self, transcript: Transcript) -> Judged:
        """:meth:`ajudge` without an event loop (one rule after another), for scoring outside a
        run; failures are recorded per rule in the same way."""
        judged = Judged()
        if self.judge is None:
            return judged
        for rule in self._applicable(transcript):
            if rule.kind != "judge":
                continue
            try:
                judged.findings[rule.id] = self.judge.evaluate(rule, transcript)
            except Exception as exc:  # recorded per rule; the other verdicts stand
                judged.errors[rule.id] = judge_error_text(exc)
        return judged

    def apply(self, transcript: Transcript, judged: Judged | None = None) -> list[Finding]:
        """Every finding in ``transcript``, ordered by message then rule.

        ``judged``: judge findings already asked for (:meth:`ajudge`); without it the judge is
        asked here, synchronously.
        """
        locale = transcript.locale or "zh_CN"
        findings: list[Finding] = []
        for rule in self._applicable(transcript):
            if rule.kind == "pattern":
                findings.extend(_pattern_findings(rule, transcript.messages, locale))
            elif rule.kind == "behaviour":
                findings.extend(
                    behaviour_checks.get(rule.check or "")(transcript, rule, self.vocab)
                )
            elif rule.kind == "judge" and self.judge is not None:
                if judged is not None and rule.id in judged.findings:
                    findings.extend(judged.findings[rule.id])
                elif judged is None or rule.id not in judged.errors:
                    findings.extend(self.judge.evaluate(rule, transcript))
        return sorted(_yield(findings, self.rules), key=lambda f: (f.turn, f.rule))


def _yield(findings: list[Finding], rules: Iterable[Rule]) -> list[Finding]:
    """Drop a finding where a rule it yields to fired on the same message."""
    yields = {rule.id: set(rule.yields_to) for rule in rules if rule.yields_to}
    if not yields:
        return findings
    fired = {(f.turn, f.rule) for f in findings}
    return [
        f for f in findings if not any((f.turn, other) in fired for other in yields.get(f.rule, ()))
    ]


def _pattern_findings(rule: Rule, messages: Iterable[Message], locale: str) -> list[Finding]:
    findings = []
    for i, message in enumerate(messages):
        if message.role != rule.role:
            continue
        evidence = find_pattern(rule, message.text, locale)
        if evidence is not None:
            findings.append(_finding(rule, i, evidence))
    return findings


def load_rubric(path: Path) -> Rubric:
    """Load and validate one rubric file (one-line errors naming file and field)."""
    rubric = load_model(path, Rubric, "rubric")
    for i, rule in enumerate(rubric.rules):
        if rule.kind == "behaviour" and rule.check not in behaviour_checks:
            raise SpecError(
                f"{path}: rules.{i}.check: unknown behaviour check {rule.check!r} "
                f"(known: {', '.join(behaviour_checks.names())})"
            )
    return rubric


def rubric_files(directory: Path | None = None) -> list[Path]:
    """Rubric YAML files of a directory (default: the shipped rubrics/)."""
    return sorted((directory or data_dir("rubrics")).glob("*.yaml"))


def load_rubrics(directory: Path | None = None, judge: Any = None) -> RubricSet:
    """Every rubric in ``directory``; rule ids must be unique across files."""
    rubrics = [load_rubric(path) for path in rubric_files(directory)]
    seen: dict[str, str] = {}
    for rubric in rubrics:
        for rule in rubric.rules:
            if rule.id in seen:
                raise SpecError(f"rubric {rubric.id}: rule id {rule.id!r} also in {seen[rule.id]}")
            seen[rule.id] = rubric.id
    return RubricSet(rubrics, judge=judge)


def is_compliant(findings: Iterable[Finding]) -> bool:
    """No finding of major or critical severity."""
    return not any(f.severity in BLOCKING for f in findings)


def example_transcript(example: Example, locale: str, industry: str | None) -> Transcript:
    """A transcript from a rubric example (a lone agent sentence or [role, text] pairs)."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    start = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    pairs = [("agent", example)] if isinstance(example, str) else example
    messages = [
        Message(role=role, text=text, ts=start + timedelta(seconds=30 * i))
        for i, (role, text) in enumerate(pairs)
    ]
    return Transcript(
        conversation_id="example", locale=locale, industry=industry, messages=messages
    )
