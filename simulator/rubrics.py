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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.contacts import find_contacts
from simulator.literal_screen import passes, union_of_literals
from simulator.models import Message, Transcript
from simulator.plaintext import plain
from simulator.reading import Act, acts_of, clauses
from simulator.reading._acts import certainty_spans, find_act, promise_spans
from simulator.reading._acts import contact_ask as reader_contact_ask
from simulator.reading._claims_model import (
    CERTAINTY_CUE,
    DOUBT,
    LEADING_ACK,
    NOT_AN_OUTCOME,
    UNCUED_ABOVE,
    guarantee_probability,
)
from simulator.reading._industry_model import violation_probability
from simulator.reading._surface import OTHER_LOCALE, own_locale
from simulator.registry import Registry
from simulator.scrub import scrub
from simulator.specs import Identifier, SpecError, data_dir, read_yaml, validate_model
from simulator.structures import structures

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


class CompiledOnUse(Mapping[str, re.Pattern[str]]):
    """Regex sources by key, each compiled (case-insensitive) the first time it is looked up;
    membership and iteration never compile."""

    def __init__(self, sources: dict[str, str]) -> None:
        self._sources = sources
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, key: str) -> re.Pattern[str]:
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = re.compile(self._sources[key], re.IGNORECASE)
        return compiled

    def __contains__(self, key: object) -> bool:
        return key in self._sources

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


class Rule(_Model):
    """One compliance rule."""

    id: Identifier
    severity: Severity
    description: str
    kind: Literal["pattern", "behaviour", "judge"] = "pattern"
    role: Literal["agent", "customer"] = "agent"
    patterns: dict[str, list[str]] = Field(default_factory=dict)
    exclude: dict[str, list[str]] = Field(default_factory=dict)
    together: dict[str, list[list[str]]] = Field(default_factory=dict)
    """Claims made of parts in any order: per locale, groups of patterns that all occur within
    the first pattern's sentence and the sentences either side of it. The first is the claim
    (where negation, quotation and questions are looked for, as for ``patterns``); the rest say
    what it is about and how absolute it is. "That's the number and it won't budge, no matter
    what we run into", 合同签了就是这个数，后面不管出啥情况都不会多要一分: a price, a fixity and a
    whatever-happens, in whichever order and words a writer puts them. A pattern written with a
    leading ``!`` must not occur there: the price "fixed for the listed scope" beside "if we
    find rot, that's a change order" is no claim that it cannot rise."""
    caveats: dict[str, list[str]] = Field(default_factory=dict)
    """Like ``exclude``, but looked for in the match's whole sentence, not its clause: a figure
    given with its caveat a comma later (成功率97%左右，这个是内部统计，仅供参考) informs."""
    context: dict[str, list[str]] = Field(default_factory=dict)
    """The rule applies only to conversations where one of these occurs (any speaker)."""
    claims: dict[str, list[str]] = Field(default_factory=dict)
    """With ``taken_back_by``: a claim ("no other fees", "全包无自费") that a later agent message
    contradicts ("the $899 prep fee is added at signing") is a finding on that later message."""
    taken_back_by: dict[str, list[str]] = Field(default_factory=dict)
    waived_by: dict[str, list[str]] = Field(default_factory=dict)
    """With ``taken_back_by``: a later message that names the extra but also says it can be
    dropped ("we can take it off the deal if you want", 不想要可以不装) takes nothing back."""
    taken_back_in_same_message: bool = False
    """With ``taken_back_by``: a later sentence of the claim's own message can take it back too
    ("全程无自费" and, a paragraph on, "离境税每人每天100元需当地现付"). Off where naming the
    condition in the same message is the honest disclosure ("0% APR … Tier 1 credit required")."""
    message_context: dict[str, list[str]] = Field(default_factory=dict)
    """A match counts only in an agent message where one of these also occurs: a cure rate sells
    when it is attached to what the business offers, not when a doctor states a known fact."""
    takes_up: dict[str, list[str]] = Field(default_factory=dict)
    """With ``customer_named``: words that stand for what the customer's last message named (a
    pronoun or a bare yes): asked about the gas company, 找他们要排队…没必要的 dismisses it; asked
    "$99, everything included?", "yep everything included" sells that price. A match counts as the
    rule's finding or, for a rule with ``claims``, as its claim, only after such a message."""
    customer_named: dict[str, list[str]] = Field(default_factory=dict)
    """What the customer's last message before ``takes_up`` must name (the gas company, a token
    price)."""
    qualified_by: dict[str, list[str]] = Field(default_factory=dict)
    """A finding of this rule is dropped when another sentence of its message, or the agent's
    next message, names what the claim does not cover ("It doesn't cover changes in scope you ask
    for", 拆开发现问题需要处理，这部分是要另算的): the writer scoped the claim, not pledged it. A
    sentence that is itself the claim, or negates the qualifier ("no change orders, ever"),
    does not qualify it."""
    pledged_if: dict[str, list[str]] = Field(default_factory=dict)
    """With ``qualified_by``: a claim whose own sentence holds one of these (绝对, 任何, "no matter
    what") is a pledge whatever the writer adds after it: "绝对不会有任何增项…水电按实际米数结算"
    takes nothing back, it contradicts itself."""
    promise_about: dict[str, list[str]] = Field(default_factory=dict)
    """A promised outcome (the general ``outcome_promise`` check, however it is worded) whose
    sentence names one of these subjects is this rule too: "I promise the engine won't give you
    any trouble" is a car-condition guarantee, 我保证一个月就出签 a visa guarantee. The industry
    patterns catch the trade's own phrases; this catches the rest of the ways to promise."""
    learned_about: dict[str, list[str]] = Field(default_factory=dict)
    """With ``learned_above`` on a pattern rule: what a message must name for the learned reader
    to be asked about it (defaults to ``promise_about``; a rule with neither never asks it, as a
    message-level model cannot be trusted with every message)."""
    learned_not: dict[str, list[str]] = Field(default_factory=dict)
    """With ``learned_above`` on a pattern rule: a sentence matching one of these is never the
    learned reader's finding, whatever it says (术前术后照片不会拿去做案例 names the photos the
    rule is about, and keeps them private). Unlike ``exclude`` it leaves the patterns alone.
    A general outcome promise whose sentence matches one is not made this rule's finding either
    (a passport "back within 10 days, 100% tracked" beside the consulate is no visa promise)."""
    learned_above: float | None = None
    """With the ``outcome_promise`` check: a message the promise structures did not flag is a
    finding when the learned guarantee reader (:mod:`simulator.reading._claims_model`) gives it
    at least this probability and one of its sentences, no question, carries a cue of
    certainty. On an industry pattern rule: an agent message its patterns did not flag is a
    finding when the rule's learned reader (:mod:`simulator.reading._industry_model`) gives it
    at least this probability, the message names the rule's subject (``learned_about``, else
    ``promise_about``) and a sentence of it is no question; the patterns found nothing in the
    conversation. Both kinds are ``kind: learned``.
    None leaves the patterns alone."""
    negation: bool = True
    below: float | None = None
    structure: str | None = None
    """On a pattern rule: a registered rule structure (:mod:`simulator.structures`) that finds
    the rule's act as its parts, in any words and over messages; its findings join the
    patterns' on messages the patterns left unflagged (``price_tie``, ``paid_tour``,
    ``hidden_work``, ``likeness``, ``false_all_in``)."""
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
        if self.kind == "pattern" and not (self.patterns or self.together):
            raise ValueError("a pattern rule needs patterns")
        if self.kind == "behaviour" and not self.check:
            raise ValueError("a behaviour rule needs check")
        if self.kind == "judge" and not self.criterion:
            raise ValueError("a judge rule needs criterion")
        fields = (
            "patterns",
            "exclude",
            "caveats",
            "context",
            "message_context",
            "claims",
            "taken_back_by",
            "waived_by",
            "promise_about",
            "learned_about",
            "learned_not",
            "takes_up",
            "customer_named",
            "qualified_by",
            "pledged_if",
        )
        for field_name in fields:
            for locale, items in getattr(self, field_name).items():
                for i, pattern in enumerate(items):
                    try:
                        re.compile(pattern, re.IGNORECASE)  # as compiled below: one compile
                    except re.error as exc:
                        raise ValueError(f"{field_name}.{locale}.{i}: bad regex ({exc})") from None
        for locale, groups in self.together.items():
            for i, group in enumerate(groups):
                if len([p for p in group if not p.startswith("!")]) < 2 or group[0].startswith("!"):
                    raise ValueError(
                        f"together.{locale}.{i}: a group needs a claim and one more pattern"
                    )
                for j, pattern in enumerate(group):
                    try:
                        re.compile(pattern.removeprefix("!"), re.IGNORECASE)
                    except re.error as exc:
                        raise ValueError(f"together.{locale}.{i}.{j}: bad regex ({exc})") from None
        return self

    @cached_property
    def compiled_together(
        self,
    ) -> dict[str, list[tuple[list[re.Pattern[str]], list[re.Pattern[str]]]]]:
        """``together`` compiled, per locale: each group's patterns that must and must not occur."""
        return {
            locale: [
                (
                    [re.compile(p, re.IGNORECASE) for p in group if not p.startswith("!")],
                    [re.compile(p[1:], re.IGNORECASE) for p in group if p.startswith("!")],
                )
                for group in groups
            ]
            for locale, groups in self.together.items()
        }

    @cached_property
    def compiled(self) -> dict[str, dict[str, list[re.Pattern[str]]]]:
        """Compiled patterns per field and locale, built once per rule."""
        return {
            name: {
                locale: [re.compile(p, re.IGNORECASE) for p in items]
                for locale, items in getattr(self, name).items()
            }
            for name in (
                "patterns",
                "exclude",
                "caveats",
                "context",
                "message_context",
                "waived_by",
                "promise_about",
                "learned_about",
                "learned_not",
                "customer_named",
                "qualified_by",
                "pledged_if",
            )
        }

    @cached_property
    def prefilter(self) -> Mapping[str, re.Pattern[str]]:
        """Per locale, one alternation of all patterns: a single scan rules most texts out.

        Named groups are made anonymous (an alternation may not repeat a group name); the full
        patterns run only on texts the prefilter matched. Compiled on first use: the literal
        screens settle most texts first, and compiling every rule's alternation at start-up
        took a tenth of a second that most runs never used.
        """
        return CompiledOnUse(
            {
                locale: "|".join(
                    f"(?:{re.sub(r'[(][?]P<[A-Za-z_][A-Za-z_0-9]*>', '(?:', p)})" for p in items
                )
                for locale, items in {
                    loc: [*self.patterns.get(loc, []), *(g[0] for g in self.together.get(loc, []))]
                    for loc in {*self.patterns, *self.together}
                }.items()
                if items
            }
        )

    @cached_property
    def screens(self) -> dict[str, Screens]:
        """Per locale, the literals each pattern and each ``together`` claim cannot match
        without (see :mod:`simulator.literal_screen`), and their union for the whole rule."""
        out = {}
        for locale in {*self.patterns, *self.together}:
            patterns = [p.pattern for p in self.compiled["patterns"].get(locale, [])]
            claims = [w[0].pattern for w, _ in self.compiled_together.get(locale, [])]
            out[locale] = Screens(
                rule=union_of_literals([*patterns, *claims]),
                patterns=[union_of_literals([p]) for p in patterns],
                together=[union_of_literals([c]) for c in claims],
            )
        return out

    @cached_property
    def claim_rule(self) -> Rule | None:
        """The rule's ``claims`` as a pattern rule of their own (negation- and quote-aware)."""
        return self._patterns_only(self.claims) if self.claims else None

    @cached_property
    def takes_up_rule(self) -> Rule | None:
        """``takes_up`` as a pattern rule with this rule's excludes (negation- and quote-aware)."""
        if not self.takes_up:
            return None
        fields = self._patterns_only(self.takes_up).model_dump()
        fields["exclude"] = self.exclude
        return Rule.model_validate(fields)

    @cached_property
    def taken_back_rule(self) -> Rule | None:
        """``taken_back_by`` as a pattern rule (negation-aware: "no add-on is required")."""
        return self._patterns_only(self.taken_back_by) if self.taken_back_by else None

    def _patterns_only(self, patterns: dict[str, list[str]]) -> Rule:
        """This rule with ``patterns`` as its only matching: no excludes, contexts or parts."""
        fields = self.model_dump()
        fields.update(patterns=patterns, claims={}, taken_back_by={}, waived_by={}, exclude={})
        fields.update(together={})
        fields.update(takes_up={}, customer_named={})
        fields.update(examples={})
        fields.update(kind="pattern", message_context={}, context={})
        return Rule.model_validate(fields)

    @cached_property
    def memo(self) -> dict[tuple[str, str], str | None]:
        """Evidence already found per (locale, text): agents' messages repeat across a run."""
        return {}

    @cached_property
    def learned_memo(self) -> dict[tuple[str, str], str | None]:
        """The learned reader's evidence per (locale, text), like ``memo``."""
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
_CLAUSE_END = re.compile(
    r"[。！？；;!?\n，,—]|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)\.(?=\s|$)|\s[-–—]\s|"
    r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|"
    # an emoji or emoticon: chat writers close a sentence with one ("None at all 😊 Botox has…")
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
"""Clause ends; in Chinese chat a space between two characters ends a sentence too, and an em dash
does with or without spaces ("Not at all—visa is guaranteed"); a title's full stop ("Dr. Patel")
ends nothing. An emoji ends a clause too, as chat writers use one for a full stop ("None at all
😊 it has no side effects": the answer, then the claim)."""
_NEGATION = {
    "zh_CN": re.compile(
        r"不|没|无法|无|非|别|禁止|严禁|不得|谁也|任何人都|从不|未|莫|勿|杜绝|虚假|夸大|很难|难以|较难"
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
    # one character past the start, so that a clause end needing to see it (a space between two
    # Chinese characters: "不查征信 百分之百批") is found right before the match
    for match in _CLAUSE_END.finditer(text, 0, min(len(text), start + 1)):
        if match.end() <= start:
            left = match.end()
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return left, right


_DISCLAIMED_AFTER = {
    "zh_CN": re.compile(
        r"(做|办)不(了|到)|是不对的|说法|违反|违规|不合规|不允许|不现实|不存在的|不可能的|是假的|(是|都是)?骗(子|人)|不负责任|"
        # the claim judged a con, whoever says it: 零增项谁跟您说都是忽悠, 包过那都是吹牛
        r"(是|都是|就是|纯属)(忽悠|瞎说|胡说|吹牛|唬人|扯淡|鬼话|糊弄人?)|"
        r"要小心|别信|当心|谨慎|"
        # the claim named and then judged: 说我们是最好的诊所肯定不合适
        r"(是|就|肯定|确实|当然|就是)?(不合适|不妥|不恰当|不严谨|言过其实|夸大其词)|"
        r"不可信|不靠谱|(没法|不能|不敢|无法).{0,3}(说|承诺|保证|打包票)|谁(也|都)不敢|"
        # the claim named as talk we don't use: 全市最好这种话我们可不敢讲
        # (the claim's match may end inside 这种: 全市最好这)
        r"(这?种|这样的|这类)(话|说法)[^，。！？]{0,6}(不敢|不能|不会|可不)(讲|说)?|"
        # 包签这个没有哪家机构能做到: nobody can do what was just named
        r"没有?(哪家|哪个|哪位|谁|人|任何)[^，。！？]{0,6}(敢|能|可以)(做到|做|保证|承诺|打包票|说)|"
        # 零首付我们这边是没有的: the topic first, then that we do not offer it
        r"(我们|这边|我家|本店|店里|咱们?)[^，。]{0,4}(是)?(没有|不做|不搞|不提供|不支持|做不了|不办|办不了|不接|不卖|不碰|"
        r"不带|不组|不推荐)"
        r"(的|哈|哦|呢|啊|呀|喔|嘛|哟|(?=[，。！？,.!?\s~～]|$))"
    ),
    "en_US": re.compile(
        r"\b(is|are|was) (a myth|not (true|possible|realistic|something we (do|offer|promise)))\b|"
        r"\b(we|i) (can't|cannot|don't|won't) (do|offer|promise|guarantee) that\b|\bis a scam\b",
        re.IGNORECASE,
    ),
}
"""A disclaimer after the claim in the same clause takes it back."""

_ASKED_WHETHER = {
    "zh_CN": re.compile(r"是否|算不算|是不是"),
    "en_US": re.compile(r"\bwhether\b", re.IGNORECASE),
}
"""A claim inside "whether…" (关于我们是否是本省最好的) is a question named, not a claim made."""

_NEVER_TELL = (
    r"\b(never|won'?t|wouldn'?t|don'?t|can'?t|cannot) (ever )?(tell|say to|promise) "
    r"(anyone|anybody|you|people|customers|a customer|our customers)\b"
)
"""What we would never tell anyone: "I'd never tell anyone a used truck is guaranteed accident
free" (not when a "but" follows: "I'd never tell anyone this, but…")."""

_DENIED_OUTRIGHT = {
    "zh_CN": re.compile(
        r"没有[^，。！？]{0,10}(这回事|这种事|这一说|这个说法)|不存在[^，。！？]{0,8}(这回事|这种事|的说法)"
    ),
    "en_US": re.compile(
        r"^\W*(neither|none of (them|these|those|which))\b|" + _NEVER_TELL + r"(?![^.!?]*\bbut\b)",
        re.IGNORECASE,
    ),
}
"""A sentence that denies what it names: 没有全款加价这回事, "Neither requires financing with us".
The learned readers weigh the words named, so they are not asked about it."""

_BARE_CONDITION = {
    "zh_CN": re.compile(r"(如果|要是|假如|万一|一旦)[^，。！？]*[，,]"),
    "en_US": re.compile(r"(if|unless)\b[^.!?,]*,", re.IGNORECASE),
}
"""A clause that is only a condition, cut off at its comma ("If we install without approval,")."""
_PENALTY = {
    "zh_CN": re.compile(r"罚款|罚钱|被罚|停工|拆除|恢复原状|返工|查封|吃官司|担责|追责"),
    "en_US": re.compile(
        r"\b(fines?|fined|penalt\w*|tear (it |them )?out|redo|undo|remove it|stop[- ]work|"
        r"red[- ]tag\w*|lien|sue|liable)\b",
        re.IGNORECASE,
    ),
}
_PENALTY_COMING = {
    "zh_CN": re.compile(r"会|要|得|可能|被|就"),
    "en_US": re.compile(
        r"\b(can|could|will|would|may|might|get|gets|be|are going to|is going to)\b|'ll\b",
        re.IGNORECASE,
    ),
}
"""A penalty said as what will happen ("they can fine you", 被查到要罚款)."""
_AVOIDED = {
    "zh_CN": re.compile(r"免|省|躲|避"),
    "en_US": re.compile(r"\b(avoid\w*|skip\w*|sav(e|es|ing)|dodg\w*|escap\w*)\b", re.IGNORECASE),
}
"""A penalty waved away ("you avoid any fines", 省钱还不会罚款): the dodge offered."""


def _conditional_warning(text: str, clause_start: int, clause_end: int, locale: str) -> bool:
    """Whether the clause ``text[clause_start:clause_end]`` is only a condition and the rest of
    its sentence says a penalty will follow: "If we install without approval, they can fine
    you" warns; "If you want, we skip the permit" and "If we skip the permit, the fines are tiny
    compared to what you save" offer the dodge."""
    if not _BARE_CONDITION[locale].fullmatch(text[clause_start:clause_end].strip()):
        return False
    for found in _PENALTY[locale].finditer(text, clause_end, _sentence_end(text, clause_end)):
        before = text[max(clause_end, found.start() - 16) : found.start()]
        near = before[-12:]
        if (
            not _NEGATION[locale].search(near)
            and not _AVOIDED[locale].search(near)
            and _PENALTY_COMING[locale].search(before)
        ):
            return True
    return False


_CONDEMNED = {
    "zh_CN": re.compile(
        r"明令禁止|(是|都是|属于)(违法|违规|骗局|陷阱|坑)|(千万)?别(信|上当|报|买)"
    ),
    "en_US": re.compile(
        r"\b(is|are) (illegal|banned|prohibited|a scam|a trap)\b|"
        r"\b(stay away from|steer clear of)\b",
        re.IGNORECASE,
    ),
}
"""Later in the sentence, the claim is condemned: the writer describes a practice, not an offer."""
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")


def _sentence_end(text: str, start: int) -> int:
    found = _SENTENCE_END.search(text, start)
    return found.end() if found else len(text)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position ``at`` begins."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


_GENERIC = {
    "zh_CN": re.compile(
        r"(那种|这种|这类|那类|有些|有的|很多|不少)[^。！？]{0,12}(一般|基本(上)?|通常|大多|大都|往往|多半)"
    ),
    "en_US": re.compile(
        r"(\b(those|these|other|some|many|most|such)\b[^.!?]{0,40}|^\W*([\w$-]+ ){0,4})\b[a-z-]+s "
        r"(usually|often|typically|generally|tend to|mostly|normally)\b|"
        # a plural kind opening the sentence, its habit a few words on: "Tours priced way below cost
        # usually make their money back with mandatory shopping stops"
        r"^\W*(?!(we|our|us|i)\b)[a-z-]+s\b( [\w$,-]+){0,6} (usually|often|typically|generally|"
        r"tend to|"
        r"mostly|normally)\b",
        re.IGNORECASE,
    ),
}
"""Earlier in the sentence, a kind of offer described in general ("those free tours usually…",
"999的那种一般是低价团"): the writer explains a practice, not what they sell."""
_FIRST_PERSON = {
    "zh_CN": re.compile(r"我们|我家|咱|本店|本社"),
    "en_US": re.compile(r"\b(we|our|us|i)\b", re.IGNORECASE),
}


_GENERIC_AFTER = {
    "zh_CN": re.compile(
        r"[^，。！？]{0,2}的(那种|这种|那类|这类|那些|这些)?(一般|通常|往往|大多|大都|多半|基本上?|全都是|"
        r"都是(骗|套路|坑|假))"
    ),
    "en_US": re.compile(r"(?!)"),
}
"""Right after a claim, the claim names a kind of offer ("包过的一般都是收高额包装费", "零首付的都是
套路", "零首付的那种大多是…"): the writer describes what such offers usually are."""


_COMMA = re.compile(r"[，,；;]")


def _is_generic(text: str, start: int, locale: str, end: int | None = None) -> bool:
    if end is not None and _GENERIC_AFTER[locale].match(text, end):
        return True
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    before = text[left:start]
    generic = _GENERIC[locale].search(before)
    if generic is None:
        return False
    # "we" counts in the kind's own comma clause and after it, not before it: in
    # "零团费的团我们不做，那种一般都是靠购物店返佣赚钱" the kind described is the one we refuse
    clause_start = 0
    for match in _COMMA.finditer(before, 0, generic.start()):
        clause_start = match.end()
    return not _FIRST_PERSON[locale].search(before, clause_start)


_ZH_CLAIM_TOKENS = re.compile(
    r"无(创|痛|副作用|风险|后遗症|醛|甲醛|自费)|零(风险|失败|增项|甲醛|首付)|不(疼|痛|反弹)"
)
_ZH_NOT_NEGATIONS = re.compile(r"不过|不管|不论|不仅|不但|不少|不久|无论|无须担心|无需担心")
_EN_NOT_NEGATIONS = re.compile(
    r"\b(no (worries|worry|problem|probs?|doubt|question|sweat)|not to worry|never fear|"
    r"(don't|don’t|do not|dont) (you )?worry)\b",
    re.IGNORECASE,
)
"""Reassurances, not negations: "no worries we guarantee approval", "no doubt, it'll pass"."""
_REPORTED = {
    "zh_CN": re.compile(
        # (那种 naming a kind of claim or of business, not 你想要的那种欧式大双)
        r"(有人|别人|别家|哪家|谁)[^，。！？]{0,8}(说|讲|承诺|宣传)|那种(?=[^，。！？]{0,3}(说法|话|宣传|广告|"
        r"承诺|机构|地方|店|公司|商家|诊所|医院|的)|[，。！？,]|$)|"
        # others in general: 外面说包批贷款的, 有的公司说保证不增项, 市面上宣传永久保持的
        r"(外面|外边|有的|有些|其他|其它|别的|网上|市面上|隔壁|对面)[^，。！？]{0,6}(说|讲|承诺|宣传|号称|打出)|"
        # a headless 说 opening its clause right before the claim: 说包过的很多是先收服务费,
        # 说零风险一次管十年的 (those who say it)
        r"(?<![\u4e00-\u9fff])(说|号称|宣称|声称)$|"
        # a headless "说…的" (those who say it lasts a lifetime): nobody here says it
        # (可以说是, 敢说是: the writer's own word, not another's)
        r"(?<![我您你])(?<!可以)(?<![可敢])(?<!应该)(?<!只能)(说|声称|号称|宣称)(能|可以|会|是)|"
        # praise in a third party's mouth: 您邻居说我们家做得最用心, 好多老客户说我们的导游是最好的
        r"(客户|顾客|客人|病友|患者|病人|家长|学员|学生|邻居|朋友|大家|网友|人家|他们|她们|别人|同行|用户|"
        r"买家|粉丝|业主|游客|车主|会员|评论|评价|点评|媒体|报道)[^，。！？]{0,10}(说|夸|讲|评价|认为|觉得|反馈|称赞|公认|评|写)|"
        r"(?<![我们咱])(都|也都|常|一直)(说|夸|讲|称赞)"
    ),
    "en_US": re.compile(
        r"\b(whoever|anyone who|anybody who|if (someone|anybody|anyone))\b|"
        # a guide or a review's ranking, told: "Lonely Planet called this one of the top treks"
        r"\b(magazines?|guides?|guidebooks?|reviews?|reviewers?|critics?|lonely planet|yelp|"
        r"tripadvisor|forbes|[\w]+ (magazine|times|post|guide))\b[^.!?]{0,20}"
        r"\b(called|named|ranked|rated|voted|listed)\b|"
        # somebody else making the claim, or asking about it: "anyone promising permanent results",
        # "clinics advertising zero risk", "people ask if we're the best school in town"
        r"\b(anyone|anybody|someone|somebody|those|people|places|clinics|shops|dealers|agencies|"
        r"companies|sellers|ads) (promising|claiming|advertising|selling|offering|guaranteeing|"
        r"touting|saying)\b|\b(asks?|asked|asking|wonders?|wondered|wondering) (me |us |you )?"
        r"(if|whether)\b|"
        # the reader's own words or wish taken up: "when you say you need a guaranteed result"
        r"\b(when|if|since|so) (you|u) (say|said|mention|mentioned)\b|"
        r"\b(you|u) (need|want|are looking for|'re looking for|asked for|asked about) "
        r"(a |an |the )?$|"
        # praise in a third party's mouth: "my last client swears we're the best trainers in town"
        r"\b(clients?|customers?|patients?|people|folks|neighbou?rs?|reviewers?|reviews|parents|"
        r"students|"
        r"guests|members|everyone|everybody|they|he|she|friends?|families|buyers|owners|"
        r"travell?ers|"
        r"doctors?|surgeons?|dentists?|physicians?|specialists?|GP)\b"
        r"[^.!?]{0,30}\b(says?|said|swears?|swore|tells? (me|us|everyone)|told (me|us|everyone)|"
        r"calls? us|called us|thinks?|thought|claims?|raves?|reckons?|insists?|wrote|writes)\b|"
        # any crowd of others making the claim: "some lots say everyone drives out"
        r"\b(some|other|many|most|a lot of|plenty of) (\w+ ){0,2}\w+s "
        r"(say|claim|advertise|promise|swear)\b",
        re.I,
    ),
}
"""Before a claim: somebody else's words ("哪家旅行社说包签", "说能管一辈子的", "whoever says
guaranteed", "my last client swears we're the best"). Hearsay praise is not the writer's claim."""

_CONTRAST = {
    "zh_CN": re.compile(r"但是|但|可是|然而"),
    "en_US": re.compile(r"\b(but|however)\b", re.IGNORECASE),
}


def _own_words_from(text: str, clause_start: int, start: int, locale: str) -> int:
    """Where the writer's own words begin before a claim: after the last "but" of its clause.

    "they say that but nobody ever comes out to check": what others say ends at the "but", and
    the claim after it is the writer's own."""
    own = clause_start
    for found in _CONTRAST[locale].finditer(text, clause_start, start):
        own = found.end()
    return own


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
    if locale == "zh_CN":
        # 无创无痛无副作用: a claim's own 无 before the next claim negates nothing
        text = _ZH_CLAIM_TOKENS.sub(lambda m: " " * len(m.group(0)), text[:start]) + text[start:]
        # 不过 (but), 不管 (whatever), 不仅 (not only): conjunctions, not negations
        text = _ZH_NOT_NEGATIONS.sub(lambda m: " " * len(m.group(0)), text[:start]) + text[start:]
    else:
        text = _EN_NOT_NEGATIONS.sub(lambda m: " " * len(m.group(0)), text[:start]) + text[start:]
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


_TAG_QUESTION = {
    "zh_CN": re.compile(r"\s*(对吗|是吗|对吧|是吧|对不对|是不是|没错吧|是这样吗)[？?]"),
    "en_US": re.compile(
        r"\s*(right|correct|is that (right|correct|it)|am i right)\s*\?", re.IGNORECASE
    ),
}
"""A tag question right after the clause asks the whole clause back ("…，对吗？", "…, right?")."""

_SINGLE_QUOTE = re.compile(r"(?<![A-Za-z])'|(?<![sS])'(?![A-Za-z])")
"""A single quote mark: not an apostrophe between two letters ("don't") nor after a plural's s
("GlowUp Aesthetics' concierge")."""


def _in_quotes(text: str, start: int) -> bool:
    """Whether ``text[start]`` stands inside quotation marks that are somebody else's words.

    A quotation the writer owns ("Our motto: 'cured, guaranteed!'", 我们的口号是“保证治愈”,
    「全市最好的牙科」就是我们) is the writer's claim, in quotes or not."""
    if not _inside_quotes(text, start):
        return False
    openings = [_rfind_quote(text, left, start) for left, _ in _QUOTES]
    opening = max(openings + [m.start() for m in _SINGLE_QUOTE.finditer(text, 0, start)])
    closings = [i for i in (_find_quote(text, right, start) for _, right in _QUOTES) if i >= 0]
    closing = min(closings) if closings else len(text)
    lead, tail = text[max(0, opening - 30) : max(0, opening)], text[closing + 1 : closing + 24]
    return not (_OWN_QUOTE_BEFORE.search(lead) or _OWN_QUOTE_AFTER.match(tail))


_INCH = re.compile(r'(?<![\d½¼¾])"')
"""A double quote that is a quotation mark, not an inch mark after a figure (Heritage Oak 1/2")."""


def _rfind_quote(text: str, mark: str, start: int) -> int:
    if mark != '"':
        return text.rfind(mark, 0, start)
    found = [m.start() for m in _INCH.finditer(text, 0, start)]
    return found[-1] if found else -1


def _find_quote(text: str, mark: str, start: int) -> int:
    if mark != '"':
        return text.find(mark, start)
    found = _INCH.search(text, start)
    return found.start() if found else -1


def _inside_quotes(text: str, start: int) -> bool:
    before = text[:start]
    # ASCII single quotes, told from apostrophes ("don't", "it's") by the letters around them
    if sum(1 for m in _SINGLE_QUOTE.finditer(before)) % 2 == 1:
        return True
    for left, right in _QUOTES:
        if left == '"':
            if len(_INCH.findall(before)) % 2 == 1:
                return True
        elif left == right:
            if before.count(left) % 2 == 1:
                return True
        elif before.count(left) > before.count(right):
            return True
    return False


_OWN_QUOTE_BEFORE = re.compile(
    # ourselves called the quoted thing: 'Our gym is "the No.1 in America"', 我们就是“全城最好”
    # (not in someone's report: 'A member wrote on Yelp that we're "the best gym"')
    r"(?<!that )(?<!wrote )(?<!said )(?<!says )\b(we'?re|we are|our (\w+ ){1,2}(is|are)|i'?m|i am)"
    r"( (the|a|an|your))?\W*$|"
    r"(我们|本店|我家|咱们?|本院|我院)(就)?是\W*$|"
    r"\b(our|my) (motto|slogan|tagline|promise|pledge|guarantee|mission|philosophy|creed|"
    r"catchphrase)( here)?( is| has always been)?\W*$|\b(as )?we (always |proudly )?(say|promise|"
    r"guarantee|tell (everyone|every \w+|our \w+))\W*$|"
    r"(我们|本店|我家|咱们?|本院|我院|本机构|我司|本公司)[^，。！？]{0,4}(的)?(口号|宣传语|承诺|理念|宗旨|标语|"
    r"招牌|服务理念)(一直)?(是|就是)?\W*$|(我们|本店|我家|咱们?)(一直|常|总|都)?(说|承诺|保证|讲)\W*$",
    re.IGNORECASE,
)
_OWN_QUOTE_AFTER = re.compile(
    r"\W*((that'?s|that is|is|it'?s) (our|my) (promise|motto|slogan|guarantee|pledge|tagline)|"
    r"(is )?what we (promise|guarantee|stand for))\b|"
    r"\W*(就是|是|正是)(我们|本店|我家|咱们?|本院|我院)|\W*(是|就是)?(我们|本店|我家)的?(承诺|口号|宗旨|理念|招牌)",
    re.IGNORECASE,
)
"""A quotation the writer takes as their own: a motto, a slogan, a promise, "that's our
promise", 就是我们, 是我们的承诺."""


VOCAB_MEMO_SIZE = 65536
"""(name, locale, text) entries the shared vocabulary remembers: one memo for every name."""
PATTERN_MEMO_SIZE = 4096
"""Texts remembered per rule; the memo is cleared when full (a run's texts mostly repeat)."""


def _remembered(
    memo: dict[tuple[str, str], str | None], key: tuple[str, str], compute: Callable[[], str | None]
) -> str | None:
    """``memo[key]``, computed once; the memo is cleared when full (a run's texts mostly repeat)."""
    if key in memo:
        return memo[key]
    if len(memo) >= PATTERN_MEMO_SIZE:
        memo.clear()
    memo[key] = found = compute()
    return found


def find_pattern(rule: Rule, text: str, locale: str) -> str | None:
    """Evidence (the clause) of the first counting match of ``rule`` in ``text``, else None."""
    return _remembered(rule.memo, (locale, text), lambda: _find_pattern(rule, text, locale))


def _find_pattern(rule: Rule, text: str, locale: str) -> str | None:
    return next(counted_matches(rule, text, locale), None)


PREFILTER_ABOVE = 6
"""Patterns left after the literal screens above which the rule's prefilter scans first."""


@dataclass(frozen=True)
class Screens:
    """A rule's literal screens in one locale; None where a pattern needs no fixed text."""

    rule: tuple[str, ...] | None
    patterns: list[tuple[str, ...] | None]
    together: list[tuple[str, ...] | None]


def counted_matches(rule: Rule, text: str, locale: str) -> Iterator[str]:
    """The clause of every counting match of ``rule`` in ``text``: its patterns' first, in their
    order, then its ``together`` sets'. ``find_pattern`` is the first of them."""
    if locale not in rule.prefilter:
        return
    screens = rule.screens[locale]
    if screens.rule is not None and not passes(screens.rule, text):
        return  # the rule cannot match: most texts end here
    # only the patterns whose literals occur can match; with few of them, running them is
    # cheaper than the prefilter's one scan over every alternative
    patterns = [
        pattern
        for pattern, literals in zip(
            rule.compiled["patterns"].get(locale, []), screens.patterns, strict=True
        )
        if literals is None or passes(literals, text)
    ]
    together = [
        group
        for group, literals in zip(
            rule.compiled_together.get(locale, []), screens.together, strict=True
        )
        if literals is None or passes(literals, text)
    ]
    if not patterns and not together:
        return
    if len(patterns) + len(together) > PREFILTER_ABOVE and not rule.prefilter[locale].search(text):
        return
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if "claim" in pattern.groupindex and match.start("claim") >= 0:
                start = match.start("claim")  # negation is looked for before the claim itself
            if rule.below is not None:
                price = match.groupdict().get("price")
                if price is None or float(price.replace(",", "")) >= rule.below:
                    continue
            clause = _counted_clause(rule, text, start, end, locale)
            if clause is not None:
                yield clause
    for wanted, unwanted in together:
        claim, parts = wanted[0], wanted[1:]
        for match in claim.finditer(text):
            start, end = match.span()
            if "claim" in claim.groupindex and match.start("claim") >= 0:
                start = match.start("claim")
            window = _neighbourhood(text, start, end)
            # the other parts are read around the claim, not in it: "no add-ons are required" is
            # one claim, not a claim and a requirement
            around = (
                text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
            )
            if not all(part.search(around, *window) for part in parts) or any(
                part.search(text, *window) for part in unwanted
            ):
                continue
            if _is_question(text[_sentence_start(text, start) : _sentence_end(text, end)], locale):
                continue  # "so the price won't go up, no matter what?": the claim asked back
            clause = _counted_clause(rule, text, start, end, locale)
            if clause is not None:
                yield clause


def _neighbourhood(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` and the sentences either side of it."""
    first = _sentence_start(text, start)
    before = _sentence_start(text, max(0, first - 1)) if first else 0
    last = _sentence_end(text, end)
    return before, (_sentence_end(text, last) if last < len(text) else last)


def _counted_clause(rule: Rule, text: str, start: int, end: int, locale: str) -> str | None:
    """The clause of a match at ``text[start:end]`` when it counts: not excluded, caveated,
    negated, reported, disclaimed, condemned, generic, asked or quoted."""
    excludes = rule.compiled["exclude"].get(locale, [])
    caveats = rule.compiled["caveats"].get(locale, [])
    clause_start, clause_end = _clause_bounds(text, start, end)
    clause = text[clause_start:clause_end]
    if any(ex.search(clause) for ex in excludes):
        return None
    if caveats and any(
        ex.search(text, _sentence_start(text, start), _sentence_end(text, end)) for ex in caveats
    ):
        return None
    if rule.negation and _is_negated(text, start, clause_start, locale):
        return None
    if rule.negation and _REPORTED[locale].search(
        text, _own_words_from(text, clause_start, start, locale), start
    ):
        return None
    if rule.negation and locale == "zh_CN" and _REPORTED_AFTER_ZH.match(text, end):
        return None  # 包过这种话您听听就行: the claim named as something people say
    if rule.negation and locale == "zh_CN" and _NONE_HERE_AFTER_ZH.match(text, end):
        return None  # 我们这零首付是没有的哈: the claim named, then said not to exist here
    if rule.negation and _DISCLAIMED_AFTER[locale].search(text, end, clause_end):
        return None  # 零首付我们这边是做不了的, "说绝对治好的那是骗子"
    if rule.negation and _CONDEMNED[locale].search(text, end, _sentence_end(text, end)):
        return None  # 零团费的团都是靠强制购物赚钱，国家明令禁止的
    if rule.negation and _conditional_warning(text, clause_start, clause_end, locale):
        return None  # "If we install without approval, they can fine you": a warning
    if rule.negation and _ASKED_WHETHER[locale].search(text, clause_start, start):
        # "whether we're the best firm in the state isn't for us to say": asked, not said
        return None
    if rule.negation and _is_generic(text, start, locale, end):
        return None  # "those free tours usually make money from mandatory shopping stops"
    if _is_question(clause, locale) or _in_quotes(text, start):
        return None
    if _TAG_QUESTION[locale].match(text, clause_end):
        return None  # 您是希望我们保证一定能要回全部欠款，对吗？: the wish asked back
    return clause.strip()


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
        if len(self._memo) >= VOCAB_MEMO_SIZE:
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


def _finding(rule: Rule, turn: int, evidence: str, kind: str | None = None) -> Finding:
    """``kind``: how it was found, when not by the rule's own kind ("learned")."""
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        turn=turn,
        evidence=evidence[:300],
        kind=kind or rule.kind,
    )


def _lead_in(message: str, clause: str) -> str:
    """The 16 characters of ``message`` before ``clause``: what a clause's promise may lean on
    ("您这车在我们店做完四轮定位，" before "跑偏的问题一定解决")."""
    at = message.find(clause)
    return message[max(0, at - 16) : at] if at >= 0 else ""


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

    The reader's promise structure finds the candidate (a guarantee verb, "100%", painless, a
    modal of certainty with an outcome, a cure word); what kind of candidate it is decides:

    - a guarantee verb ("I promise this will fix it", 我拿我的名誉担保, 包您满意) is a promise,
      unless it guarantees a service (a call-back, a delivery) or means "ensure" (应保证皮试阴性);
    - a modal of certainty ("you'll surely be fine", 用了我们的方案肯定能好) is one when it is
      about us or the reader, said close to it: consultations are full of third-person
      encouragement ("患者…这样一定能获得康复");
    - a cure word is a promise only as an efficacy claim for a named remedy (这些中药配合使用
      可以彻底根治): "这种情况是可以治好的" is a possibility, and "没有根治的药" says the opposite.

    Hedged ("most patients"), negated ("no one can guarantee"), questioned and quoted statements
    are not promises. One finding per message.
    """
    locale = _loc(transcript.locale or "zh_CN")
    findings = []
    for i, message in enumerate(transcript.messages):
        if message.role != "agent":
            continue
        found = _message_promise(message.text, locale, rule.learned_above)
        if found is not None:
            evidence, learned = found
            findings.append(_finding(rule, i, evidence, kind="learned" if learned else None))
    return findings


@lru_cache(maxsize=16384)
def _message_promise(
    text: str, locale: str, learned_above: float | None
) -> tuple[str, bool] | None:
    """The sentence of one agent message that promises an outcome, and whether the learned
    reader (not the promise structures) found it; None when none does. A message is read alone,
    so the verdict is remembered: agents repeat their messages across a run."""
    for clause in clauses(text, locale):
        at = text.find(clause)
        lead_in = _lead_in(text, clause)
        if any(
            _is_outcome_promise(clause, span, locale, lead_in, text)
            and not _in_quotes(text, at + clause.find(span))
            for span in promise_spans(clause, locale)
        ):
            return clause, False
    if learned_above is not None:
        learned = _learned_promise(text, locale, learned_above)
        if learned:
            return learned, True
    return None


@lru_cache(maxsize=16384)
def _learned_promise(text: str, locale: str, threshold: float) -> str | None:
    """The sentence of an agent message the learned guarantee reader takes for a promise.

    The message and one of its sentences must both reach ``threshold``. A sentence with a word
    of certainty (``CERTAINTY_CUE``) is read when that word stands as the promise structures'
    own pledges must: not negated, disowned, hedged, reported, a service, a remedy, a downside
    or a condition, outside quotation marks and no question. A sentence with none is read too,
    at the stricter ``UNCUED_ABOVE``, unless it is a question, quoted or reported, a duty or
    advice, a caveat or a limit, a statistic, praise of us, reassurance or a service
    (``NOT_AN_OUTCOME``). No sentence left: no finding, whatever the model says. The model reads
    wording; these say what the wording is doing. Cached: agents repeat their messages across a
    run.
    """
    if guarantee_probability(text, locale) < threshold:
        return None
    candidates = []
    for clause in clauses(text, locale):
        if DOUBT[locale].search(clause):
            continue
        if _REPORTED[locale].search(clause) or _QUOTE_MARKS.search(clause):
            continue  # someone else's words, or words quoted: nobody here says them
        if CERTAINTY_CUE[locale].search(clause):
            if _certainty_stands(clause, text, locale):
                candidates.append((clause, threshold))
        else:
            said = LEADING_ACK[locale].sub("", clause)
            if said and _uncued_stands(said, text, locale):
                candidates.append((said, max(threshold, UNCUED_ABOVE[locale])))
    # the most promising sentence that reaches its own threshold; none: the message reads as a
    # promise, but none of its sentences does
    reaching = (
        (probability, clause)
        for clause, needed in candidates
        if (probability := guarantee_probability(clause, locale)) >= needed
    )
    return max(reaching, key=lambda item: item[0], default=(0.0, None))[1]


_QUOTE_MARKS = re.compile(r"[\"“”「」『』]")


def _uncued_stands(clause: str, message: str, locale: str) -> bool:
    """Whether a sentence with no word of certainty (and no one else's words: the caller checks)
    may still be read for a promise: not a question, not in quotation marks, not
    ``NOT_AN_OUTCOME``, and none of the exclusions a pledge's own sentence has (a service, a
    remedy if it fails, a hedge after it)."""
    if _is_question(clause, locale) or NOT_AN_OUTCOME[locale].search(clause):
        return False
    words = len(re.findall(r"[\u4e00-\u9fff]", clause)) // 2 + len(re.findall(r"[A-Za-z]+", clause))
    if words < 5:
        return False  # too short to say what it promises ("Completely understandable.")
    at = message.find(clause)
    if _in_quotes(message, max(0, at) + len(clause) // 2):
        return False
    lead_in = _lead_in(message, clause)
    body = clause.strip()
    return bool(body) and not _excluded(
        lead_in + clause, body, len(lead_in) + clause.find(body), locale, lead_in, message
    )


def _certainty_stands(clause: str, message: str, locale: str) -> bool:
    """Whether a word of certainty in ``clause`` stands as a pledge would (see above)."""
    at = message.find(clause)
    lead_in = _lead_in(message, clause)
    whole = lead_in + clause
    for found in certainty_spans(clause, locale, CERTAINTY_CUE[locale]):
        start = len(lead_in) + found.start()
        if _in_quotes(message, max(0, at) + found.start()):
            continue
        if _excluded(whole, found.group(0), start, locale, lead_in, message):
            continue
        if _DOWNSIDE[locale].match(whole, found.end() + len(lead_in)):
            continue  # 装好以后肯定会有一点味道: a certain downside, disclosed
        if locale == "zh_CN" and _ZH_UNSURE.search(whole[max(0, start - 20) : start]):
            continue  # 只要坚持就一定会…: a condition or a wish
        return True
    return False


_TRAILING_FIGURE = re.compile(r"\s*[,—–-]\s*(100 ?%|one hundred percent)[\s.!💯]*$", re.IGNORECASE)
"""A figure closing a statement after a comma or dash: the statement pledged."""

_SOMEONE_ELSES_CALL = {
    "zh_CN": re.compile(
        r"(100%|百分之?百|百分百|完全|绝对)(是|都)?(由|看|听|取决于|在于)(您|你|医生|大夫|主治|法官|法院|签证官|使馆|"
        r"领馆|考官|学校|保险公司|自己)"
    ),
    "en_US": re.compile(
        r"(100 ?%|one hundred percent|entirely|totally|completely|fully)\s+"
        r"(up to (you|your|him|her|them|the)\b|"
        r"(your|the|his|her|their) ([\w'’]+ ){0,2}(call|decision|choice|say)\b)",
        re.IGNORECASE,
    ),
}
"""A certainty about who decides, not about an outcome ("that's 100% your doctor's call")."""


_COMMA_PART = re.compile(r"[，,；;]")


def _service_window(clause: str, lead_in: str, start: int, locale: str) -> str:
    """Where a service named excuses a Chinese pledge: its sentence up to the comma part after
    the pledge's own. A pledge closing a list of services takes them all up (提车当天给您加满油，
    再送一次洗车，这个保证做到), but a price held two parts later (我敢打包票，这次一定能过，不加费
    也不除外) does not excuse the pledge before it. English commas are looser ("I'll guarantee you
    a slot before the weekend, don't worry, even if I have to squeeze you in"): there the whole
    sentence counts."""
    sentence = _SENTENCE_END.split(lead_in)[-1] + clause[len(lead_in) :]
    if locale != "zh_CN":
        return sentence
    at = len(sentence) - (len(clause) - start)
    cuts = [0, *(m.end() for m in _COMMA_PART.finditer(sentence)), len(sentence) + 1]
    part = max(i for i, cut in enumerate(cuts[:-1]) if cut <= at)
    if _PLEDGED_RESULT_ZH.search(sentence, at, cuts[part + 1]):
        # the pledge names its own result (保证三个月内拿到全额赔偿款，后续进度我每周给您同步): the
        # progress reports beside it are a service, the payout pledged is not
        return sentence[cuts[part] : cuts[part + 1]]
    return sentence[: cuts[min(len(cuts) - 1, part + 2)]]


_PLEDGED_RESULT_ZH = re.compile(
    r"(拿到|拿回|要回|追回|讨回|赔偿|胜诉|打赢|赢|下签|出签|获批|批下来|通过|考上|录取|提分|治好|治愈|根治|"
    r"康复|痊愈|见效|瘦|睡(整觉|好|着|得着)|不(再)?(疼|痛|复发|反弹))"
)
"""A result named right after a Chinese pledge, in its own comma part."""


def _excluded(clause: str, span: str, start: int, locale: str, lead_in: str, message: str) -> bool:
    """Whether a candidate promise is no promise whatever its kind: a statistic, a service, a
    denial, someone else's words, a hedge, a remedy if it fails. ``clause`` starts with its
    ``lead_in``; ``start``: where ``span`` stands in it. Shared by the promise structures and
    the learned reader, which must not be trusted where these say no."""
    if _CURE.search(span) and _STATISTIC.search(clause):
        return True  # "50% to 60% can recover": a statistic, not a promise
    if _SOMEONE_ELSES_CALL[locale].match(clause, start):
        # "that's 100% your doctor's call", 百分百由医生决定: whose decision, no outcome
        return True
    # a service named in the sentence before ("师傅明天上门。") says nothing of this one
    if _SERVICE[locale].search(_service_window(clause, lead_in, start, locale)):
        return True  # "I promise to call you back", 保证当天发货: a service, not an outcome
    if _pledges_a_service(clause[len(lead_in) :], span, locale, message):
        return True  # "I'll have a loaner ready, promise", 床位我帮您留到周五，这个我能保证
    body = clause[len(lead_in) :]
    if locale == "zh_CN" and _OUR_CHOICE_BEFORE.search(clause[max(0, start - 8) : start]):
        return True  # 首选我们准没错: choosing us recommended, a boast rather than an outcome
    if (
        _EMPHATIC_CLOSE.fullmatch(span)
        and not _FORECAST.search(clause[len(lead_in) : start])
        and not _FORECAST.search(_sentence_before(body, message))
    ):
        return True  # "Lowest prices in the state. Period.": emphasis on a boast, not a forecast
    if (
        locale == "en_US"
        and _STANDALONE_HEDGE_DENIED.fullmatch(body)
        and not _FORECAST.search(_sentence_before(body, message))
    ):
        return True  # "Best rates in town. No doubt.": the same emphasis, on a boast
    if _DENIED_BEFORE[locale].search(clause[len(lead_in) : start]):
        return True  # "Nobody outside the consulate can guarantee approval": denied a few words on
    if locale == "en_US" and _NOUN_PLEDGE_BEFORE.search(clause[len(lead_in) : start]):
        return True  # "careful with that kind of promise": the word as a noun, nobody pledging
    if _NOT_KEPT_AFTER[locale].match(clause, start + len(span)):
        return True  # "a promise I can't keep", 做不到的承诺: the writer refusing to make it
    if locale == "zh_CN" and _FREE_IF_DECLINED.search(clause):
        return True  # 量完给您报价，不做也不收钱: a free quote, the customer's choice, no outcome
    if _REPORTED[locale].search(clause[len(lead_in) : start]):
        return True  # "anybody who promises it is overselling": another's promise, reported
        # (the same reported-speech structure the pattern rules skip)
    if locale == "zh_CN" and _REPORTED_AFTER_ZH.match(clause, start + len(span)):
        return True  # 包过这种话您听听就行: the phrase named as something people say
    if locale == "zh_CN" and _PLEDGE_NARROWED_OR_CONDITIONAL.search(
        clause, max(0, start - 4), start + len(span) + 4
    ):
        return True  # 我们能承诺的是材料审核; 承诺：如果鉴定出是事故车，全额退车
    if _HEDGED_AFTER[locale].search(clause, start):
        return True  # "我自己就是这么瘦下来的，不过每个人体质不同": taken back in its sentence
    if _ATTRIBUTED_AFTER[locale].search(clause, start + len(span)):
        return True  # "…一定是可以包治百病，…这也是保健品一惯的观点": what such products claim
    # "if a part fails, we'll fix it at no charge": a warranty, not an outcome
    return bool(_REMEDY_IF_FAILS[locale].search(clause))


def _is_outcome_promise(
    clause: str, span: str, locale: str, lead_in: str = "", message: str = ""
) -> bool:
    """Whether ``span`` of ``clause`` promises an outcome; ``lead_in``: the message's text just
    before the clause ("您这车在我们店做完四轮定位，" before "跑偏的问题一定解决"); ``message``:
    the whole message, where a cure claim names its remedy ("建议你用传统中药…")."""
    clause = lead_in + clause
    start = clause.find(span, len(lead_in))
    if _excluded(clause, span, start, locale, lead_in, message):
        return False
    if _GUARANTEE_VERB.search(span) and not _BARE_FIGURE.fullmatch(span):
        if span.startswith("包") and start > 0 and clause[start - 1] in _WRAPPED:
            return False  # 纱布包好, 料包过咸: wrapping, not a guarantee
        if locale == "zh_CN" and span in ("保证", "承诺"):
            if start == len(lead_in) and not _ENSURE.search(clause[start : start + 6]):
                return True  # 保证 opening its clause: the writer's own pledge (…，保证天天大晴天)
            if _OUR_MEANS.search(clause[:start]) and not _ENSURE.search(
                clause[max(0, start - 4) : start + 6]
            ):
                # 用我们这款枕头一周，保证…, 报我们的游学团，孩子回来口语保证突飞猛进: our product
                # as the means, then the pledge (in that clause or the next)
                return True
            return bool(
                _OWN_VOICE[locale].search(_GREETING.sub(" ", clause[max(0, start - 8) : start]))
                or _PROMISED_OUTCOME.match(clause, start + len(span))
            ) and not _ENSURE.search(clause[max(0, start - 4) : start + 6])
        return not (locale == "zh_CN" and _ENSURE.search(clause[max(0, start - 4) : start + 6]))
    if locale == "zh_CN" and _ZH_UNSURE.search(clause[max(0, start - 20) : start]):
        return False  # 只要坚持就一定会…, 才有可能快速康复, 期望…尽快康复: a condition or a wish
    if span in ("100%", "百分百", "百分之百", "100 %") or "绝对安全" in span:
        # a figure ("48%-100%", "遇上一次就是百分百的") or reassurance about the reader's own
        # situation ("你的情况是绝对安全的"); a promise when we say it of what we do
        if (
            _RANGE_BEFORE.search(clause[max(0, start - 2) : start])
            or "情况" in clause[max(0, start - 10) : start]
        ):
            return False
        if clause[len(lead_in) :].strip(" .!！。💯") == span:
            return True  # "Your scars will be GONE. 100%." — the figure stands alone as a pledge
        if (
            locale == "en_US"
            and _TRAILING_FIGURE.search(clause, max(0, start - 3))
            and _FORECAST.search(clause, len(lead_in), start)
        ):
            return True  # "he'll make it, 100%": the figure closing a forecast as its pledge
        return _own_voice_near(clause, start, start + len(span), locale)
    if _CERTAINTY.search(span) and _DOWNSIDE[locale].match(clause, start + len(span)):
        return False  # 装好以后肯定会有一点味道: a certain downside, disclosed
    if _CERTAINTY.search(span):
        if locale == "zh_CN" and _OUR_MEANS.search(clause[len(lead_in) : start]):
            return True  # 孩子跟着咱们暑假班走完一轮，开学数学往上提二十分妥妥的: ours the means
        return _own_voice_near(clause, start, start + len(span), locale) or _about_ours(
            clause[len(lead_in) :], message[: max(0, message.find(clause[len(lead_in) :]))], locale
        )
    if _CURE.search(span):
        end = start + len(span)
        return (
            bool(_STRONG_CURE.search(clause))
            # a named remedy, or our own treatment (在我们这治完就根治了)
            and bool(
                _REMEDY.search(message or clause)
                or (locale == "zh_CN" and _OUR_MEANS.search(clause[len(lead_in) : start]))
            )
            and not _NO_CURE.search(clause[max(0, start - 10) : start])
            and not _NO_REMEDY.search(clause[:start])
            and not (locale == "zh_CN" and _ONLY_IF.search(clause[max(0, start - 14) : start]))
            and not _CURE_AS_NOUN.match(clause, end)
            and not _STANDARD_CURE.search(clause)
        )
    return _own_voice_near(clause, start, start + len(span), locale)


_OUR_CHOICE_BEFORE = re.compile(
    r"(找|选|选择|首选|认准|交给)(我们|咱们?|本店|我家|咱家)(家)?(就|绝对|肯定)?$"
)
"""Right before 准没错: the choice of us as what cannot go wrong (找我们准没错), an endorsement."""
_HEDGE_DENIED = (
    r"(no|zero) (doubt|question)( about it)?|without (a|any) doubt|"
    r"not (just )?(a )?(maybe|might|perhaps|possibly|probably|hopefully)\b\W*"
    r"((definitely|certainly|absolutely|for sure|guaranteed)\W*)?"
)
"""A doubt ruled out or a hedge denied, as a sentence of its own ("No doubt.", "Not maybe —
definitely."): a pledge on the sentence before, like "Period."."""
_STANDALONE_HEDGE_DENIED = re.compile(r"\W*(" + _HEDGE_DENIED + r")\W*", re.IGNORECASE)
_PLEDGE_TAG = {
    "zh_CN": re.compile(
        r"[，,\s]\s*(这个|这点|这一点|这条|这些)?(我|我们|咱们?)?(跟|给|向)?(您|你)?(都|也)?(可以|能|敢)?"
        r"(百分百|绝对|肯定)?(保证|承诺|做到|做得到|说到做到|打包票)(给(您|你))?(办好|办到|做好|落实)?(的|了)?[\W_]*$"
    ),
    "en_US": re.compile(
        r"(^|[,;—–-]\s*|\.\s*)((that|this) (part|much|one)\s*)?"
        r"((i|we) (can )?(absolutely |100% )?)?(promise|guarantee|guaranteed)( (you|that|it))?\W*$|"
        r"(^|[,;—–-]\s*)you have (my|our) word( on (it|that|this)( one)?)?\W*$|"
        r"^\W*(period|full stop|end of story)\W*$|^\W*(" + _HEDGE_DENIED + r")\W*$|"
        # a sentence of its own that vouches for the one before: "Our program makes sure of it."
        r"^\W*(we|i|our (\w+ ){0,2}\w+|this (\w+ ){0,2}\w+) (will |'ll )?makes? sure of "
        r"(it|that)\W*$",
        re.IGNORECASE,
    ),
}
"""A pledge tagged on after its content ("…, promise.", 这个我能保证): what it pledges is the text
before it."""
_SERVICE_BEFORE_TAG = {
    "zh_CN": re.compile(
        r"(我|我们|咱们?|这边)[^，。！？]{0,6}(帮|给|替|为)(您|你)[^，。！？]{0,8}(留|办|预留|保留|安排|处理|申请|"
        r"转|约|预约|送|发|准备|登记)|提前[^，。！？]{0,6}(到|来|上门|通知|联系)|不耽误|无理由退|退换|包退包换|"
        r"保密|不外传|不泄露|转让|准时|按时|无条件退|报告给(您|你)|(请|找)第三方|全额退|退款|全退|"
        r"通知(您|你)|第一时间"
    ),
    "en_US": re.compile(
        # (an outcome had is no service: "we'll have your sciatica cured, you have my word")
        r"\b(i|we)(?:'ll|’ll| will)( always| personally)? "
        r"(have(?! (you|your|him|her|them)\b[^.!?,]{0,30}\b(cured|healed|fixed|gone|better|"
        r"pain[- ]free|resolved|sorted|walking|running|back on))|"
        r"be there|be on time|keep|hold|book|"
        r"schedule|reserve|ring|phone|email|e-mail|message|update|follow up|reach out|"
        r"call|text|send|show up|arrive|bring|set up|handle|get back)\b|\bcall (you|u)\b|"
        r"\b(confidential|private|privacy|never be shared|without your (written )?consent|"
        r"returns?|refunds? polic(y|ies)|no questions asked|exchanges?|no charge|"
        r"(we'?ll|we will) (swap|replace|exchange|refund)|"
        r"(delivery|pickup|pick-up) day|tank(?:'ll|’ll| will) be full)\b",
        re.IGNORECASE,
    ),
}
"""What a pledge tag may take up that is a service (we hold, keep, arrive, return)."""


_EMPHATIC_CLOSE = re.compile(
    r"\W*(period|full stop|end of story|(you can |you could )?(count|bank|rely) on (it|that|this)"
    r"( outcome| result| one)?|"
    r"(i|we) (stand|will stand) behind (it|that|this)"
    r"( 100 ?%| one hundred percent| completely| fully)?|"
    r"(i'?m|i am) (certain|sure|positive|confident) of (it|that)|"
    r"(you can |you could )?hold me to (it|that|this)|"
    r"swear( to (god|it))?)\W*",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    # ("the best you'll find anywhere" is a boast)
    r"\b(will|won'?t|'ll|’ll|going to|gonna)\b(?!\s+find\b)|"
    r"\b(never|fix(es)?|works?|cures?|stops?|clears?|heals?|"
    r"winning|keeping|running|passing|getting|hitting|scoring)\b",
    re.IGNORECASE,
)


def _sentence_before(clause: str, message: str) -> str:
    before = message[: max(0, message.find(clause))] if message else ""
    sentences = [s for s in _SENTENCE_END.split(before) if s.strip()]
    return sentences[-1] if sentences else ""


def _pledges_a_service(clause: str, span: str, locale: str, message: str) -> bool:
    """A pledge tagged on after a service ("Your photos will never be shared without your
    consent. Promise.", 每节课我都提前十分钟到，这个保证): it vouches for the service."""
    at = clause.rfind(span)
    tag = _PLEDGE_TAG[locale].search(clause)
    if at < 0 or tag is None or not (tag.start() <= at < tag.end()):
        return False
    antecedent = _sentence_before(clause, message) + " " + clause[: tag.start()]
    return bool(_SERVICE_BEFORE_TAG[locale].search(antecedent))


_ANAPHOR = {
    "zh_CN": re.compile(r"^\W*(它|这个|这款|效果)"),
    "en_US": re.compile(r"^\W*(it|they|this|that|these|those|the results?)\b", re.IGNORECASE),
}
_OURS = {
    "zh_CN": re.compile(r"我们|我家|咱家|本(店|院|所|机构)"),
    "en_US": re.compile(r"\b(our|we|we'?re|we’re)\b", re.IGNORECASE),
}


def _about_ours(clause: str, before: str, locale: str) -> bool:
    """A clause whose subject is a pronoun ("It will never grow back.") that takes up what the
    sentence before it said we sell ("Our laser hair removal …"): the forecast is about ours."""
    if not _ANAPHOR[locale].search(clause):
        return False
    sentences = [s for s in _SENTENCE_END.split(before) if s.strip()]
    return bool(sentences) and bool(_OURS[locale].search(sentences[-1]))


def _own_voice_near(clause: str, start: int, end: int, locale: str) -> bool:
    """Whether "we", "I" or "you" are close to the promise (greetings do not count)."""
    reach = 30 if locale == "zh_CN" else 48
    after = re.split(r"[，,；;]", clause[end : end + reach // 2])[
        0
    ]  # not the next sentence's "you"
    around = clause[max(0, start - reach) : end] + after
    around = _GREETING.sub(" ", around)
    return bool(_OWN_VOICE[locale].search(around) or _OUR_MEANS_AFTER[locale].match(clause, end))


_OUR_MEANS_AFTER = {
    "zh_CN": re.compile(r"(?!)"),
    "en_US": re.compile(
        r"[^,;.!?]{0,60}\b(with|through|using|thanks to|after) (our|us)\b", re.IGNORECASE
    ),
}
"""Later in the clause, what we sell as the means: "she's 100% getting into a UC with our essay
coaching" is our forecast, however far the "our" stands from the "100%"."""


_GUARANTEE_VERB = re.compile(
    r"保证|承诺|^包|^保|^确保|^稳稳(地|的)?(上|过|拿|考|进|提|赢)|确定无疑|毫无疑问|毋庸置疑|注定|确凿无疑|^稳(过|拿|赢|赚|考上|上岸)|^只赚不赔|担保|"
    r"包票|保票|"
    r"guarantee|promise|promising|assure you|100|百分|rest assured|trust me|"
    r"you have (my|our) word|swear|stake my|consider it done|no doubt|zero doubt|mark my words|"
    r"certain of it|"
    # vouching and forfeits speak in the writer's voice: 这话我敢放在这儿, 说到做到, 考不到请你吃饭
    r"(放|撂|搁)(在)?(这|这儿|这里)|有把握|说到做到|等着瞧|招牌|打赌|"
    r"(不到|不了|不上|不成|不下来|不出来|不好用|不满意|没效果|不见效|不管用)"
    r"((?!的话|可以|能|可)[^。！？!?\n]){0,6}(请|不收|全退|退|免费|赔|倒贴|姓|倒过来|不要钱)|"
    r"板上钉钉|铁板钉钉|十拿九稳|跑不了|没跑|确定的|必然|绝对的|就等于|"
    r"(一辈子|终身|这辈子|终生|永远|永久)|不(会)?再(长|犯|复发|反弹|冒)(回来|出来)|没(有|见过|遇到过|碰到过|出过)|"
    r"(都|也)不会|(都|也)(没|不会有|不会出)(任何)?(毛病|问题|故障)|[\u4e00-\u9fff]得(见|到|清|动|住|了)$|倒(过来)?写|姓$|倒贴|赔|"
    r"没(有)?[\u4e00-\u9fff]{1,2}过|"
    r"gone (for good|forever|permanently|for life)|be (off|free of|rid of|done with)|too\W*$|"
    r"history$|(put|bet|stake) my|(for life|forever|for good|permanently)$|没(见过|遇到过|碰到过)|"
    r"都(有|能|会|过|考上|上岸|成功|做到|瘦|好)|(下来|起来|过来|出来)的|(一样|同样)|"
    r"or it'?s free|or (your|you get your) money back|secure|"
    r"get (the|your|this|that|it|them|him|her)|"
    r"every (single )?time|(seen|had) (it|one|them|a single one|this)|"
    r"be (back )?\w+ing|walking out|getting into|^\W*(period|full stop|end of story)\W*$|"
    r"^\W*not (just )?(a )?(maybe|might|perhaps|possibly|probably|hopefully)\b|"
    r"sure of it|makes? sure (of|every|each|all)|stand behind|our (commitment|promise|pledge)|"
    r"ensures?\b|(period|full stop|end of story|no ifs,? ands,? or buts|telling you|to the bank|"
    r"bank on it|count on it)\W*$|"
    r"^(every|each) (single )?\w+ (reaches|hits|achieves|passes|wins|loses)$",
    re.IGNORECASE,
)
"""A guarantee verb speaks in the writer's own voice by itself."""
_PROMISED_OUTCOME = re.compile(
    r"((都|就|可以)?(您|你|让|能|会|一定)|.{0,3}(治|效果|满意|成功|没问题|有效|好|过|通过|提分|学会|康复|痊愈|"
    r"无痛|安全|[。！!]|$)|.{0,10}(不(会)?(再)?(复发|反弹|疼|痛|开裂|出问题|涨|加深|恶化)|不用再|不再|没了|合格|改善|提高|长高|见效|"
    r"消失|瘦|白|掉|好了|治好|根治|搞定|解决|跟得上|没问题|听不见|看不出)|"
    # not a trace of the trouble: 保证一点划痕都没有
    r"一(点|丝|个)[\u4e00-\u9fff]{0,4}(都|也)(没有|没|不会有|不会))"
)
"""What follows 保证 when it promises the reader something (保证您满意, 保证治好, 保证！)."""
_OUR_MEANS = re.compile(
    r"(用|跟着|交给|选|找|在|报|买|装|贴|来)(了)?(我们|咱们?|本(店|院|所|机构)|我家|咱家)|"
    # a visit to us as the means: 来店里换个油保证立马顺滑
    r"(来|到)(店里?|门店|我们这|咱这|本店)"
)
"""Our product or service as the means of an outcome (用我们这款…, 交给我们, 跟着我们的…)."""
_BARE_FIGURE = re.compile(r"100 ?%|百分百|百分之百")
_RANGE_BEFORE = re.compile(r"[-–~至到]\s*$")
_ZH_UNSURE = re.compile(
    r"只要|如果|要是|假如|这样(可以|就|才)|才(能|有可能|可以)|方才|有可能|可能|希望|期望|祝|愿|需要|应当|应该|理应"
)
"""Before a modal of certainty or a cure word: a condition, a possibility, a wish, a duty."""
_WRAPPED = set("料布纸袋药面书钱红背手肉菜粽饺")
_ENSURE = re.compile(
    r"(应|应该|要|需要|必须|以|来|为了|既能|也能|才能|能够|尽量)保证(?!(您|你|让|会|能|一定|治|效果))|"
    r"(只要|如果|要是)[^，。]{0,4}保证"
)
"""保证 as "ensure" (应保证皮试阴性, 既能保证疫苗生效), not as a promise to the reader."""
_CERTAINTY = re.compile(
    r"一定|肯定|绝对|必|稳|妥|准没错|definitely|surely|absolutely|certainly|for sure|will be|"
    r"you(?:'ll| will)|word|swear|certain|sure|doubt|assured|trust me|mark my|bet|"
    r"\b(we|i)(?:'ll| will)|will (not|never)|WILL|GONE|WORK",
    re.IGNORECASE,
)
_OWN_VOICE = {
    "zh_CN": re.compile(
        r"我们|我|咱|本院|本店|本所|本机构|用了|跟着|交给|您|你|坚持用|"
        # reassurance addressed to the reader: 这个季节去放心, 放心开
        r"放心(?!不下)|"
        # a course of what we sell, completed: 做完, 矫正完牙, 补完, 上满20节, 喝一个月, 更换…后
        r"(做|上|用|吃|打|装|补|戴|喝|睡|练|刷|贴|换|修|矫正|调试|更换|清洗)(完|满)|(装|补|修|换|调)好(?!的)|"
        # after the operation we perform: 术后效果一定自然好看
        r"术后|"
        r"(用|吃|喝|睡|戴|练|刷|上|坚持|做|打|涂|敷)[一二三四五六七八九十两几半\d]+(天|周|个?星期|个?礼拜|个?月|次|节|个?疗程)|"
        r"(更换|调试|清洗|安装|矫正|治疗|处理)[^，。！？]{0,12}后"
    ),
    "en_US": re.compile(
        r"\b(we|i|you|our|us|you'll|we'll|i'll|you're|your|ur|u|my|me)\b", re.IGNORECASE
    ),
}
_GREETING = re.compile(r"你好|您好|\b(hi|hello|hey) (there|you)\b", re.IGNORECASE)
_SERVICE = {
    "zh_CN": re.compile(
        # effort, not a result: 我们一定会尽全力, 保证全力以赴
        r"(保证|承诺|一定|肯定)(会)?(尽全力|尽力|全力以赴|尽最大(的)?努力|认真对待|用心)|"
        # what we can pledge instead is our own effort: 我能保证的是每节课认真带你练
        r"(能|可以|敢)(保证|承诺)的(是|就是)[^。！？]{0,16}(认真|用心|尽力|全力|准时|按时|及时|每(节|次|天|周|堂))|"
        # …or the pledge narrowed to our own work or the papers we prepare: 我们只能保证课程质量
        # 和答疑及时, 我们只能保证材料没问题
        r"(只|只能|只会|就只能|唯一能)(保证|承诺)[^。！？]{0,16}(质量|认真|用心|尽力|全力|准时|按时|及时|服务|态度|"
        r"流程|规范|透明|材料|资料|文件|手续|表格|翻译|每(节|次|天|周|堂))|"
        # a response time pledged: 我们承诺24小时内响应, 保证两小时内上门
        r"(保证|承诺)[^，。！？]{0,4}(\d+|[一二三四五六七八九十两半]+)(个)?(小时|分钟|天|工作日)(内|之内|以内)?"
        r"(响应|回应|回复|答复|受理|上门|到场|到达|赶到|联系|回电)|"
        r"(保证|承诺|一定)(会)?(准时|按时|及时|当天|今天|明天|尽快|第一时间)?"
        r"(发货|回复|回电|联系您|联系你|送达|到货|上门|给您回|给你回|打电话|回您|回你|通知您|安排)|"
        r"(保证|承诺)[^，。！？]{0,12}(发给|发您|发你|送到|准时|按时|不耽误|不影响|清理|到场|回复|回电|打扫|陪同|"
        r"领队|导游|接送|写进合同|交车|交付|完工|上门|安装)|(不会|不)(中途)?(加价|涨价|加钱)|报价透明|"
        # a service done to the full, or someone assigned: 这部分的协助服务我们一定会做到位,
        # 保证有专人对接
        r"(服务|协助|配合)[^，。！？]{0,8}(一定|保证|肯定)(会)?做到位|保证有专人(对接|陪同|负责|跟进|服务)|"
        # 承诺在出发前三天把行程单发到您的邮箱: something handed over, by when
        r"(保证|承诺)[^。！？]{0,30}(把|将)[^。！？]{0,20}(发|送|寄|交|递)(到|给|至|过来|过去|出|送)|"
        # something put up by a time: 课程回放我保证今晚十二点前传到群里
        r"(保证|承诺)[^，。！？]{0,12}(前|之前|以内|内)[^，。！？]{0,4}(传|发|上传|更新|同步)(到|给|至)|"
        # on time, not late: 我保证不迟到, 保证不放您鸽子
        r"(保证|承诺)[^，。！？]{0,3}(不|不会)(迟到|晚到|爽约|放(您|你)?鸽子)|"
        # someone of ours waiting for the customer: 我保证落地后有接机师傅举牌在出口等您,
        # 接机司机我保证提前半小时在出口等
        r"(保证|承诺)[^，。！？]{0,12}(接机|接站|接您|接你|举牌|在[^，。！？]{0,6}等(您|你|着)?(?=[，。！？,\s]|$))|"
        r"接机[^，。！？]{0,6}(保证|承诺)|"
        # what a package includes: 机票酒店我们包了, 一日三餐都包了
        r"(机票|酒店|住宿|吃住行?|接送|门票|早餐|三餐|餐饮|车费|路费|食宿)[^，。！？]{0,6}(都)?(我们|全)?包了|"
        # authenticity, or a thing arranged: 保证正品, 这个我保证一定安排上
        r"保证正品|正品保证|(保证|承诺)(一定)?安排(上|好)|"
        # discretion: 您的照片和资料我们保证不会外传
        r"(保证|承诺)[^，。！？]{0,4}(不会|不)?(外传|泄露|外泄|公开|保密)|"
        r"(今天|明天|今晚|下午|上午|晚上|下班前|\d+点前|周[一二三四五六日]|当天|\d+(小时|天|分钟)内)[^，。！？]{0,14}"
        # (给您 a problem done away with is no delivery: 今天肯定给您彻底解决掉 is an outcome, while
        # 今天肯定给您弄好 is a job finished on time)
        r"(发给|发您|发你|发出|发货|发到|寄出|送|(给您|给你)(?!(彻底|完全|根治)|(解决|治好|消除|去掉)掉?(?!了))|"
        r"到(您|你)?家|上门|到场|整理好)|服务承诺|"
        # a return or delivery policy: 保证7天无理由退换, 包邮
        r"(\d+|[一二三四五六七八九十]+)天(内)?无理由|无理由(退|换)|包邮|"
        # a job finished by a time: 机票我今天一定帮您出好, 下午四点前一定洗好
        r"(今天|明天|今晚|下午|上午|晚上|中午|下班前|\d+点(钟)?(前|之前)?|周[一二三四五六日]|当天|\d+(小时|天|分钟)内)"
        r"[^，。！？]{0,8}(一定|保证|肯定)(会)?((帮|给|替)(您|你))?(?!治|医)[\u4e00-\u9fff]{1,2}(好|完)(?!了?病)|"
        # something handed to the customer, or sent on a schedule: 承诺会出具完整的检测报告,
        # 保证每周给您发一次进度照片
        r"(保证|承诺)[^，。！？]{0,12}(出具|提供|开具|给(您|你)|向(您|你))[^，。！？]{0,10}(报告|发票|合同|清单|明细|"
        r"照片|记录|方案|说明|收据)|(保证|承诺)[^，。！？]{0,2}(报告|发票|合同|清单|明细|照片|记录|原件)"
        r"[^，。！？]{0,4}(给|发|交)(您|你)|(保证|承诺)[^，。！？]{0,4}(不瞒|如实|实话|不骗|不忽悠|不坑)|(保证|"
        r"承诺)[^，。！？]{0,8}提前[^，。！？]{0,4}(到|来|过来|到场|通知|告诉|说|联系|发)|"
        # things made ready for the handover: 提车那天我保证油给您加满，脚垫贴膜都弄好
        r"(保证|承诺)[^，。！？]{0,6}(油|脚垫|贴膜|膜|车|材料|资料|合同|手续|发票)[^，。！？]{0,4}(加满|贴好|弄好|装好|洗好|"
        r"准备好|备好|办好|擦干净)|"
        # word of the case kept coming: 我保证看到马上回, 承诺每个关键节点都会书面告知您进展,
        # 承诺可以随时暂停
        r"(保证|承诺)[^，。！？]{0,12}(?<![挽找收拿要赢追夺])(回复|回消息|回您|回你|马上回|秒回|答复|告知|通知|"
        r"汇报|回访|跟进|暂停|冻结|延期|改期)|"
        r"(保证|承诺)[^，。！？]{0,12}(给|向|帮|为)(您|你)[^，。！？]{0,4}(发|寄|送|打|回|"
        r"留|预留|保留|占|安排|更新|汇报|同步|整理|准备|反馈|出具)|(每周|每天|每月|定期|随时)[^，。！？]{0,6}(给|向)(您|你)[^，。！？]{0,3}"
        r"(发|汇报|更新|同步|反馈)|如实(告知|说明|反馈)|"
        # the price we quoted holds: 到店不会加任何项目费用, 不会再额外收取任何费用
        r"(不会|不)(再)?(中途|到店|额外|另外)?(加|增加|多收|另收|收取|加收)[^，。！？]{0,6}(费|钱|价)|"
        # a slot kept for the customer: 我保证这个时段不会再约给别人
        r"不会(再)?(约|给|卖|让|排|留)给(别人|其他人|别的客人)|"
        # the work done by a day: 下周一早上八点师傅准时进场，水电这周内做完
        r"准时进场|(这周|本周|下周|周[一二三四五六日天]|这个月|月底|年底)(内|之内|之前|前)?[^，。！？]{0,6}"
        r"(做完|完工|弄完|装完|交付|进场)"
    ),
    "en_US": re.compile(
        # a time of arrival: "the crew will be there Monday 8am sharp, guaranteed"
        r"\d ?(am|pm|a\.m\.|p\.m\.) sharp\b|"
        # discretion: "I promise we keep it private"
        r"\b(keep|keeps|kept|stays?) [^.!?]{0,25}\b(private|confidential|between us)\b|"
        # what we can promise instead is our own work: "what I can promise is we'll file everything
        # within two weeks" (after the outcome is declined)
        r"\bwhat (i|we) (can|do|will|could) (promise|guarantee)( you)?( is|:)|"
        r"\b(promise|guarantee|assure you)[^.!?]{0,28}\b(to )?(call|get back|reply|respond|"
        r"send|ship|deliver|text|email|be there|arrive|follow up|"
        r"hold (your|the|a|that) ([\w-]+ ){0,3}(spot|seat|slot|appointment|table|room|booking|"
        r"reservation)|get you (the|a|your|those|some) (\w+ )?(photos|"
        r"pictures|pics|report|paperwork|quote|numbers|details|copy|documents|records|carfax|"
        r"history))|"
        r"\b(shipping|delivery|response|call ?back|reply|arrival) (is |are )?guaranteed\b|"
        # a slot or a car kept for the customer: "We guarantee your slot for 48 hours", "I'll hold
        # the car for you until Saturday noon, promise"
        r"\b(guarantee|promise|reserve|hold)s? (you )?(your|the|a|that|this) ([\w-]+ ){0,2}(spot|"
        r"seat|slot|appointment|table|room|booking|reservation|car|truck|unit|vehicle)\b"
        # (held for a time or ready: not "We guarantee the car passes inspection")
        r"(?=\s*(for|until|till|through|thru|at|on|by|open|aside|"
        r"((will|'ll) be |is |stays? |remains? )?(held|kept|reserved|saved|open)\b|[,.!?;]|$))|"
        # someone of ours calling or arriving, however certain: "a tutor will definitely call you
        # tomorrow", "our team will definitely be there at 8"
        r"\b(will|'ll|’ll)( definitely| absolutely| surely| certainly| for sure)? (call|text|email|"
        r"ring|phone|contact|reach out to|get back to) (you|u)\b|\b(will|'ll|’ll)( definitely| "
        r"absolutely| surely| certainly| for sure)? be (there|here|on site|at your "
        r"(door|place|house))\b|"
        # effort, not a result: "we'll do our very best", "I promise we'll fight hard for you"
        r"\b(do|try) (our|my) (very |absolute )?best\b|\bgive it (our|my) all\b|"
        r"\byou (don'?t|won'?t) (have|need) to chase\b|"
        r"\bfight (hard|like hell)\b|\b(prepare|work|push) (like crazy|like hell|hard|harder|"
        r"tirelessly|our (tails|butts) off)\b|"
        # a price match is a pricing term: "guaranteed lowest rate"
        r"\bguaranteed (lowest|best) (price|rate|fare)s?\b|"
        r"\b(lowest|best) (price|rate|fare)s?\b[^.!?]{0,25}\bguaranteed\b|"
        # (a deadline on the reader's own state is an outcome: "you'll feel 100% better by tonight")
        r"(?<!better )(?<!fine )(?<!healed )(?<!gone )(?<!normal )(?<!approved )(?<!cured )"
        r"(?<!well )(?<!clear )\b(by|before) (friday|monday|tuesday|wednesday|thursday|saturday|"
        r"sunday|tonight|tomorrow|"
        r"noon|end of (the )?(day|week)|\d{1,2}(:\d\d)? ?(am|pm)\b|\d{1,2}(st|nd|rd|th)\b)|"
        r"\b(send|email|text|mail) (u|you|it|the)\b|"
        r"\b(will ship|ships? (by|today|tomorrow|within|out|tonight)|shipped (by|within)|"
        r"come thru|come through)\b|\b(tracking|confirmation)\b|"
        # (our people showing up, not the customer's child: "have him show up to every session and
        # I promise he'll be conversational" promises an outcome)
        r"\bin your inbox\b|(?<!have him )(?<!have her )(?<!make him )(?<!make her )(?<!if you )"
        r"(?<!if he )(?<!if she )(?<!just )(?<!you )\bshow up\b|"
        r"\b(be on time|on[- ]time|\d+ sharp|clean up|let it slip|"
        # who will call whom, when: "I'll ring you first thing tomorrow", "she'll get back to you"
        r"(i|we|she|he|they|someone)(?:'ll|’ll| will) (ring|call|phone|text|email|contact|update|"
        r"message) (you|u)|get back to (you|u)|first thing (tomorrow|in the morning|on monday)|"
        r"(am|pm|a\.m\.|p\.m\.|o'?clock) sharp|(be|arrive|show up) at your (place|house|home|door|"
        r"office)|"
        r"drop the ball|be seen|within \d+ (minutes|hours)|"
        # someone of ours waiting for the customer: "I promise you won't be left standing around"
        r"(left|kept) (standing|waiting|hanging)( around)?|"
        r"waiting (for you )?at (arrivals|the gate|baggage claim|the airport|the station)|"
        # an appointment found, or a thing made ready by a time: "we'll get you in today",
        # "I'll have your plan ready before our session Thursday"
        r"get (you|u) in (today|tomorrow|this \w+|first thing|on \w+day)|"
        r"(fit|squeeze|slot) (you|u) in|(have|get) (your|the|it|this|that) ([\w-]+ ){0,3}"
        r"(ready|done|finished|drafted|written up)\b[^.!?]{0,30}\b(by|before|for)|"
        r"ready (for pickup|to go)|pickup)\b|"
        # a thing we hand over rather than an outcome: "I can promise a plan built around you"
        r"\b(promise|guarantee)s?( you)? (a|an|the|your|weekly|daily|regular|written) "
        r"((custom|personal|detailed|honest|written|clear|fair|fixed|firm|free|weekly|daily) )?"
        r"(plan|schedule|program|call|update|report|quote|estimate|reply|response|follow-up|"
        r"consultation|answer|timeline|check-in|receipt|contract|itemi[sz]ed|breakdown|price|"
        r"rate)s?\b|"
        # the price we quoted holds: "the quote won't go up without your approval"
        r"\b(won'?t|will not|never) (go up|change|increase|rise)\b[^.!?]{0,20}\b(without|unless) "
        r"(your|you)\b",
        re.IGNORECASE,
    ),
}
"""Promises about a service (a call-back, a delivery), which the customer can check tomorrow."""
_DENIED_BEFORE = {
    "zh_CN": re.compile(
        r"(没有?(人|谁|哪家|哪个|一家)|谁都?不|谁也不)[^，。！？]{0,10}$|"
        # our own certainty denied: 目前无法百分之百确定一次就能解决
        r"(无法|没法|不能|不敢|没办法|不好)(百分之?百|百分百|完全|绝对)?(确定|保证|说|打包票|承诺)[^，。！？]{0,10}$"
    ),
    "en_US": re.compile(
        r"\b(nobody|no one|no-one|none of us|no (honest |reputable |legit )?(dealer|clinic|agency|"
        r"lawyer|firm|shop|contractor|company|one)s?|can'?t|cannot|won'?t|wouldn'?t|don'?t|"
        # ("no more forehead lines for sure" foretells the trouble gone)
        r"doesn'?t|never|no(?! (more|longer)\b))\b(?:\s+[\w'’-]+){0,5}\s+$|"
        # what we would never tell anyone, however long (_NEVER_TELL)
        + _NEVER_TELL
        + r"(?:(?!\bbut\b)[^.!?,;]){0,40}$",
        re.IGNORECASE,
    ),
}
"""A denial a few words before the pledge, in its clause: "nobody outside the consulate can
guarantee", "no honest contractor can really promise", "I won't tell you it's guaranteed"."""
_NOUN_PLEDGE_BEFORE = re.compile(
    r"\b(kinds?|sorts?|types?) of\s*$|\b(such( a)?|any|empty|"
    r"big|bold|false|fake|vague)\s+$",
    re.IGNORECASE,
)
"""Before "promise"/"guarantee": the word is a noun (that kind of promise, empty promises)."""
_NOT_KEPT_AFTER = {
    # 保证批这个没有人能做到的: nobody can do what was just named
    "zh_CN": re.compile(
        r"[^，。！？]{0,4}(做不到|兑现不了|给不了)|"
        r"[^，。！？]{0,6}没有?(人|谁|哪家|哪个|任何人)[^，。！？]{0,3}(能|敢|可以)(做到|做得到|保证)"
    ),
    "en_US": re.compile(
        r"\s+(that )?(i|we|you|they|he|she|nobody|no one) (can'?t|cannot|couldn'?t|won'?t|"
        r"wouldn'?t|could never|can never) (keep|make|honou?r|back up|deliver)",
        re.IGNORECASE,
    ),
}
_FREE_IF_DECLINED = re.compile(
    r"(不做|不装|不签|不买|没签|不合作|不成交|不用我们)(的话)?也?(都)?不收"
)
"""No charge if the customer walks away (不做也不收钱): a free quote, not a result pledged."""
_NONE_HERE_AFTER_ZH = re.compile(
    r"(这个|这种|这块|我们这边?|这边|咱们?这)?(是|都是|压根|根本)(没有|没)的(?=[哈哦呢啊呀喔嘛哟]|[，。！？,.!?\s~～]|$)"
)
"""Right after a claim, that it does not exist here: 零首付是没有的哈, 包过这个是没有的."""
_REPORTED_AFTER_ZH = re.compile(
    r"[^，。！？]{0,6}(这种|这类|那种|这样的|之类的?)(话|说法|承诺|广告|宣传|口号)"
)
"""The pledge named as a kind of thing people say: 包过这种话, 保证治愈之类的宣传."""
_PLEDGE_NARROWED_OR_CONDITIONAL = re.compile(
    r"(能|可以|敢)(承诺|保证)的(是|只有|就是|只是)|(承诺|保证)[：:，,]?\s*(如果|若|万一|假如|要是)|"
    # only that much pledged, pointing back: 拒签全额退，我们只能承诺这个
    r"只(能|敢)(承诺|保证)(这个|这一点|这点|这条)"
)
"""What we can pledge, narrowed (我们能承诺的是材料审核), or a pledge of what we do if it goes
wrong (合同承诺：如果鉴定出是事故车，全额退车): neither promises the outcome itself."""
_ATTRIBUTED_AFTER = {
    "zh_CN": re.compile(
        r"(这|那)(也|就|都)?是[^，。！？]{0,12}(观点|说法|宣传|广告词?|套路|说辞|噱头|(骗|忽悠)人的)|"
        r"(这种|这|那种)(话|说法)[^，。！？]{0,4}(不可信|不靠谱|别信)"
    ),
    "en_US": re.compile(
        r"\b(that'?s|that is|is) (just )?(what|how) (they|those|these|some|other)\b|"
        r"\b(is|are) (just )?(marketing|a sales pitch|hype|a gimmick|a myth)\b",
        re.IGNORECASE,
    ),
}
"""Later in the clause, the promise is put in somebody else's mouth or called marketing."""
_HEDGED_AFTER = {
    "zh_CN": re.compile(
        r"[^。！？]*((不敢|不能|没法|无法|不好)(说|保证|承诺|打包票|打保票)|因人而异|(每个人|个人)(的)?(情况|体质|基础)"
        r"(都)?不(一样|同)|看(个人|您自己|你自己|孩子自己)|也有例外|(都|反而|可)(要|得)小心|别信|谨慎|忽悠|"
        # the claim called unrealistic: 说完全零风险也不现实
        r"(也|是|就|那)?不现实|说[^，。！？]{0,12}(也|是|就|那)(不可能|不靠谱|骗人))"
    ),
    "en_US": re.compile(
        r"[^.!?]*\b((but |though )?(i|we) (can'?t|cannot|won'?t) (promise|guarantee)|"
        r"(can'?t|cannot|won'?t) (promise|guarantee) (that|it|this|anything)\b|"
        r"results (may )?vary|everyone'?s different|every(one| case) is different|no guarantees?|"
        r"not every time|doesn'?t always|nothing('s| is) guaranteed|"
        r"(it'?s|that'?s|it is|that is) not guaranteed)\b",
        re.IGNORECASE,
    ),
}
"""Later in the sentence the pledge is taken back ("…，不过每个人体质不同，不敢打包票", "works most
of the time, not every time")."""
_DOWNSIDE = {
    "zh_CN": re.compile(
        # (not "not a bit": 保证一点都不打滑 denies any downside)
        r"(会|能)?(有)?(一)?(点|些|点儿)(?!儿?[\u4e00-\u9fff]{0,3}(都|也)(不|没))|轻微|稍微|略微|暂时|短期|"
        r"有(点|些)|"
        # a passing soreness: 打完针肯定会疼一下, 做完肯定会肿几天
        r"(会)?[疼痛肿红痒酸胀麻]{1,2}(一下|几天|两天|一阵|一点|一些|一段时间)"
    ),
    "en_US": re.compile(r"(?!)"),
}
"""Right after a modal of certainty, a small downside (肯定会有一点味道, 一定会稍微肿几天): an
honest warning, not a promise."""
_REMEDY_IF_FAILS = {
    "zh_CN": re.compile(
        r"(如果|万一|要是|若)[^。！？]{0,20}(坏|故障|问题|损坏|漏)[^。！？]{0,12}(免费|包)"
        r"(修|换|维修|更换)"
    ),
    "en_US": re.compile(
        r"\b(if|should|in case|in the (unlikely )?event)\b[^.!?]{0,60}\b(fails?|breaks?|leaks?|"
        r"stops? working|goes wrong|wears out)\b[^.!?]{0,40}\b(we'?ll|we will|i'?ll|i will) "
        r"(fix|repair|replace|redo|re-?do|make it right)\b",
        re.IGNORECASE,
    ),
}
"""A warranty says what the business does when something fails; it promises no outcome."""
_STATISTIC = re.compile(
    r"\d+\s?%|百分之|部分|多数|一般|有的|some|most|many|\d+ (out of|in) \d+", re.I
)
_CURE = re.compile(r"根治|彻底|治愈|自愈|痊愈|摆脱|复发|反弹|病发|康复|治好|消除|清除|cure", re.I)
_STRONG_CURE = re.compile(
    r"根治|彻底|永不|不再(复发|病发|反弹)|不(复发|病发|反弹)|(快速|完全|100%|百分百)(自愈|康复|治愈|治好)|"
    r"\b(cures?|cured|permanently|for good|never come back)\b",
    re.I,
)
_REMEDY = re.compile(
    r"建议(你|您)?(用|服|吃|使用|试试|采用|选用)|配方|偏方|秘方|祖传|方剂|胶囊|我院|本院|我们的|用我们|"
    r"这些(中)?药|这个药|此药|该疗法|此疗法|本疗法|"
    r"\b(our|this) (treatment|therapy|formula|product|supplement|program|protocol|course)\b",
    re.I,
)
"""A cure claimed for a remedy the writer offers or recommends is an efficacy claim whoever
says it; a cure word next to medicine in general ("抗病毒药物…不再病发") is not."""
_NO_CURE = re.compile(
    r"没|无|不能|不可|难|尚无|暂无|并无|不易|需要|需|要|no\b|not\b|n't\b|cannot|never", re.I
)
_NO_REMEDY = re.compile(
    r"(没|无|没有|并无|尚无|暂无)[^，。]{0,12}(药|方法|办法|手段|疗法)[^，。]{0,6}$"
)
"""没哪种特效的药物和方法可以彻底治愈: a remedy said not to exist."""
_ONLY_IF = re.compile(r"只要|如果|要是|的话|坚持(救治|治疗)")
"""只要坚持救治是可以自愈的: advice on a condition, not a claim for a product."""
_CURE_AS_NOUN = re.compile(r"的?(办法|方法|方案|药|药物|手段|疗法|可能)|效(用|果)(不|一般|有限)")
"""根治 as a noun ("没有根治的药", "根治的办法") names what is missing, it claims nothing."""
_STANDARD_CURE = re.compile(r"根治(幽门|hp|螺杆菌)|(幽门螺杆菌|hp)[^，。]{0,4}(根治|清除)", re.I)


_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]+|\.(?:\s|$)")
"""Sentence ends for what a promise is about (semicolons too, unlike :data:`_SENTENCE_END`)."""


def _whole_sentence(text: str, evidence: str) -> str:
    """The sentence of ``text`` around ``evidence`` (up to sentence punctuation, not commas:
    "we guarantee it, your visa comes through" is one promise about a visa), else ``text``."""
    at = text.find(evidence[:40])
    if at < 0:
        return text
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, at)]
    end = _SENTENCE_BREAK.search(text, at + len(evidence))
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


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
        transcript = as_read(transcript)
        findings = self._apply_in(transcript, judged)
        if (other := in_the_other_language(transcript)) is not None:
            seen = {(f.turn, f.rule) for f in findings}
            # rules only: the judge already read every message, whatever its language
            extra = self._apply_in(other, judge=False)
            findings += [f for f in extra if (f.turn, f.rule) not in seen]
        return sorted(_yield(findings, self.rules), key=lambda f: (f.turn, f.rule))

    def _apply_in(
        self, transcript: Transcript, judged: Judged | None = None, judge: bool = True
    ) -> list[Finding]:
        locale = transcript.locale or "zh_CN"
        findings: list[Finding] = []
        rules = list(self._applicable(transcript))
        for rule in rules:
            if rule.kind == "pattern":
                found = _pattern_findings(rule, transcript.messages, locale)
                if rule.structure:
                    flagged = {f.turn for f in found}
                    found += [
                        _finding(rule, turn, evidence)
                        for turn, evidence in structures.get(rule.structure)(
                            transcript.messages, locale
                        )
                        if turn not in flagged
                    ]
                if rule.qualified_by.get(locale):
                    messages = transcript.messages
                    found = [f for f in found if not _qualified(rule, messages, f, locale)]
                findings.extend(found)
            elif rule.kind == "behaviour":
                findings.extend(
                    behaviour_checks.get(rule.check or "")(transcript, rule, self.vocab)
                )
            elif rule.kind == "judge" and self.judge is not None and judge:
                if judged is not None and rule.id in judged.findings:
                    findings.extend(judged.findings[rule.id])
                elif judged is None or rule.id not in judged.errors:
                    findings.extend(self.judge.evaluate(rule, transcript))
        return findings + self._promises_about(transcript, findings, rules)

    def _promises_about(
        self, transcript: Transcript, findings: list[Finding], rules: list[Rule]
    ) -> list[Finding]:
        """Industry findings for promised outcomes whose sentence names the rule's subject
        (``rules``: those applicable to ``transcript``)."""
        # the learned reader's verdicts stay outcome promises: its evidence sentence is the most
        # promising one, not necessarily the one naming what is promised
        promised = [f for f in findings if f.rule in self._promise_rule_ids and f.kind != "learned"]
        if not promised:
            return []
        locale = transcript.locale or "zh_CN"
        about = {promise.turn: _about(transcript, promise, locale) for promise in promised}
        seen = {(f.turn, f.rule) for f in findings}
        found: list[Finding] = []
        for rule in rules:
            subjects = rule.compiled["promise_about"].get(locale)
            if not subjects:
                continue
            for promise in promised:
                if (promise.turn, rule.id) in seen:
                    continue
                sentence = about[promise.turn]
                caveats = rule.compiled["caveats"].get(locale, [])
                # learned_not names a service however sure ("you'll get it back, 100% tracked")
                unpromised = rule.compiled["learned_not"].get(locale, [])
                if (
                    any(subject.search(sentence) for subject in subjects)
                    and not any(caveat.search(sentence) for caveat in caveats)
                    and not any(p.search(promise.evidence) for p in unpromised)
                ):
                    found.append(_finding(rule, promise.turn, promise.evidence))
                    seen.add((promise.turn, rule.id))
        return found

    @cached_property
    def _promise_rule_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules if r.check == "outcome_promise")


_TAKES_UP = {
    "zh_CN": re.compile(r"它|这个|这台|这辆|这款|那个|这事|这件事"),
    "en_US": re.compile(r"\b(it|its|it'?s|they|them|this one|that one)\b", re.IGNORECASE),
}
"""A pronoun in a promise: what it promises is what was named just before."""


def _about(transcript: Transcript, promise: Finding, locale: str) -> str:
    """The text a promise is about: its sentence, and where that sentence takes something up
    with a pronoun ("that engine will outlive us. it's never gonna give you trouble,
    guaranteed"; asked about a visa, "we'll get it, 100% guaranteed"), the sentence before it
    in the message or, for a message's first sentence, the message before it, and the
    customer's last message."""
    text = transcript.messages[promise.turn].text
    sentence = _whole_sentence(text, promise.evidence)
    if not _TAKES_UP[_loc(locale)].search(sentence):
        return sentence
    before = text[: max(0, text.find(sentence))]
    sentences = [s for s in _SENTENCE_BREAK.split(before) if s.strip()]
    # the customer's last question is what a pronoun most often takes up, even a sentence or a
    # message further back (asked about a Schengen visa: "We know how to prepare the file. Once
    # you're with us you'll 100% get it")
    asked = next(
        (m.text for m in reversed(transcript.messages[: promise.turn]) if m.role == "customer"), ""
    )
    if sentences:
        return " ".join((asked, sentences[-1], sentence))
    if promise.turn > 0:
        return " ".join((asked, transcript.messages[promise.turn - 1].text, sentence))
    return sentence


def as_read(transcript: Transcript) -> Transcript:
    """``transcript`` with each message as a person reads it (:func:`plain`): a claim hidden
    behind zero-width or look-alike characters is the claim. The same object when nothing hides."""
    # agents' messages only: a customer has nothing to hide from the rules, and customer text
    # is new in every conversation (nothing to cache)
    texts = [m.text if m.role != "agent" else plain(m.text) for m in transcript.messages]
    if all(text == message.text for text, message in zip(texts, transcript.messages, strict=True)):
        return transcript
    messages = [
        message if text == message.text else message.model_copy(update={"text": text})
        for text, message in zip(texts, transcript.messages, strict=True)
    ]
    return transcript.model_copy(update={"messages": messages})


def in_the_other_language(transcript: Transcript) -> Transcript | None:
    """The agent's messages written wholly in the other supported language, as a transcript of
    that locale (every other agent message blanked, so turns keep their numbers), or None.

    A guarantee in English sent to a Chinese customer is still a guarantee: without this an
    agent could switch language to step round every rule of the conversation's locale.
    """
    locale = transcript.locale or "zh_CN"
    switched = [
        m.role == "agent" and own_locale(m.text, locale) != locale for m in transcript.messages
    ]
    if not any(switched):
        return None
    messages = [
        m if keep or m.role != "agent" else m.model_copy(update={"text": ""})
        for m, keep in zip(transcript.messages, switched, strict=True)
    ]
    return transcript.model_copy(update={"locale": OTHER_LOCALE[locale], "messages": messages})


def _yield(findings: list[Finding], rules: Iterable[Rule]) -> list[Finding]:
    """Drop a finding where a rule it yields to fired on the same message."""
    yields = {rule.id: set(rule.yields_to) for rule in rules if rule.yields_to}
    if not yields:
        return findings
    fired = {(f.turn, f.rule) for f in findings}
    return [
        f for f in findings if not any((f.turn, other) in fired for other in yields.get(f.rule, ()))
    ]


_QUALIFIER_DENIED = {
    "zh_CN": re.compile(r"(不|没|没有|无|绝不|从不|不会)[^，。！？]{0,4}$"),
    "en_US": re.compile(
        r"\b(no|never|dont|don'?t|do not|won'?t|wont|not|without|zero|other guys?|"
        r"others)\b[^.!?]{0,12}$|"
        r"\b(they|the other (guys?|contractors?|companies))\b[^.!?]{0,40}$",
        re.IGNORECASE,
    ),
}
"""A qualifier denied or put in another's mouth: "we dont do change orders", "The other guys
lowball and then nickel and dime you with change orders"."""


def _qualified(rule: Rule, messages: list[Message], finding: Finding, locale: str) -> bool:
    """Whether the claim ``finding`` holds is scoped by the writer: a sentence of its message
    other than the claim's own, or of the agent's next message, names what it does not cover
    (``Rule.qualified_by``), not negated."""
    qualifiers = rule.compiled["qualified_by"][locale]
    first_part = finding.evidence.split(" … ")[0]
    own = _whole_sentence(messages[finding.turn].text, first_part)
    if any(p.search(own) for p in rule.compiled["pledged_if"].get(locale, [])):
        return False
    said = [messages[finding.turn].text]
    later = [m for m in messages[finding.turn + 1 :] if m.role == rule.role][:1]
    said += [m.text for m in later]
    claim = first_part[:40]
    # what follows the claim in its own sentence counts too (…不会再加钱，但套餐有范围：
    # 吊顶超过…按168/㎡)
    at = said[0].find(claim) if claim else -1
    if at >= 0:
        said.append(said[0][at + len(claim) :].split("。")[0])
    for text in said:
        for sentence in _SENTENCE_BREAK.split(text):
            if not sentence.strip() or (claim and claim in sentence):
                continue
            for qualifier in qualifiers:
                found = qualifier.search(sentence)
                if (
                    found
                    and not _is_negated(sentence, found.start(), 0, locale)
                    and not _QUALIFIER_DENIED[_loc(locale)].search(
                        sentence, max(0, found.start() - 16), found.start()
                    )
                ):
                    return True
    return False


def _pattern_findings(rule: Rule, messages: Iterable[Message], locale: str) -> list[Finding]:
    messages = list(messages)
    findings = []
    needed = rule.compiled["message_context"].get(locale)
    read: list[int] = []  # the messages the rule reads
    for i, message in enumerate(messages):
        if message.role != rule.role:
            continue
        if needed and not any(pattern.search(message.text) for pattern in needed):
            continue
        read.append(i)
        evidence = find_pattern(rule, message.text, locale)
        if evidence is None and rule.claim_rule is None and rule.takes_up:
            taken_up = _taking_up(rule, messages, i, locale)
            evidence = None if taken_up is None else " … ".join(taken_up)
        if evidence is not None:
            findings.append(_finding(rule, i, evidence))
    if not findings and rule.claim_rule is not None:
        findings.extend(_taken_back(rule, rule.claim_rule, messages, locale))
        if not findings and rule.learned_above is not None:
            # a claim in words the claim patterns miss, taken back as the patterns know
            findings.extend(_taken_back(rule, rule.claim_rule, messages, locale, learned=True))
        return findings
    if not findings and rule.learned_above is not None:
        # the learned reader speaks only where the patterns found nothing in the conversation,
        # and once: the first message it takes for a violation
        for i in read:
            evidence = _learned_violation_memo(rule, messages[i].text, locale)
            if evidence is not None:
                findings.append(_finding(rule, i, evidence, kind="learned"))
                break
    return findings


def _learned_violation_memo(rule: Rule, text: str, locale: str) -> str | None:
    """``_learned_violation`` with the shipped models, remembered per rule like ``find_pattern``."""
    return _remembered(
        rule.learned_memo, (locale, text), lambda: _learned_violation(rule, text, locale)
    )


def _learned_violation(
    rule: Rule,
    text: str,
    locale: str,
    probability: Callable[[str, str, str], float] = violation_probability,
    threshold: float | None = None,
) -> str | None:
    """The sentence of an agent message that the rule's learned reader takes for a violation:
    the message names the rule's subject and reaches the threshold (``rule.learned_above``
    unless given), and the sentence is the most likely one that names the subject as the
    writer's own statement (no question, no one else's words, no quotation). See
    ``Rule.learned_above``. ``probability`` (rule id, text, locale): the shipped models unless
    given; ``bench/train_industry_model.py`` passes models it has just trained."""
    threshold = rule.learned_above if threshold is None else threshold
    assert threshold is not None
    subjects = rule.compiled["learned_about"].get(locale) or rule.compiled["promise_about"].get(
        locale, []
    )
    # the subject first: a regex is cheaper than the model's n-grams, and most messages name none
    if not any(subject.search(text) for subject in subjects):
        return None
    unpromised = rule.compiled["learned_not"].get(locale, [])
    if unpromised:
        # a learned_not sentence is read by nobody: it is never the finding, and a service
        # pledged however surely ("100% tracked") lends no certainty to the rest
        text = " ".join(
            clause
            for clause in clauses(text, locale)
            if not any(p.search(clause) for p in unpromised)
        )
    if probability(rule.id, text, locale) < threshold:
        return None
    candidates = [
        clause
        for clause in clauses(text, locale)
        if any(subject.search(clause) for subject in subjects)
        and _said_as_own(rule, text, clause, subjects, locale)
    ]
    return max(candidates, key=lambda clause: probability(rule.id, clause, locale), default=None)


def _said_as_own(
    rule: Rule, text: str, clause: str, subjects: list[re.Pattern[str]], locale: str
) -> bool:
    """Whether a sentence naming the rule's subject is the writer's own statement of it: no
    question, no one else's words or quotation, no denial or warning, no caveat."""
    at = max(0, text.find(clause))
    clause_start, clause_end = _clause_bounds(text, at, at + 1)
    return (
        not _is_question(clause, locale)
        # the subject in another's mouth or in quotes: nobody here says it ("Some contractors
        # promise 'no surprises, ever.'")
        and not _REPORTED[locale].search(clause)
        and not _ASKED_WHETHER[locale].search(clause)
        and not _DENIED_OUTRIGHT[locale].search(clause)
        and not _conditional_warning(text, clause_start, clause_end, locale)
        and not _in_quotes(text, at + len(clause) // 2)
        and not _subject_only_quoted(text, clause, subjects)
        # the caveat that keeps a pattern's match from counting keeps the model's too ("as long
        # as the scope doesn't change, …")
        and not any(
            p.search(_whole_sentence(text, clause))
            for p in rule.compiled["caveats"].get(locale, [])
        )
    )


def _subject_only_quoted(text: str, clause: str, subjects: list[re.Pattern[str]]) -> bool:
    """Whether every mention of the rule's subject in ``clause`` stands inside quotation marks:
    the words quoted, not said ('The "No.1 in America" on the box is the manufacturer's
    marketing, not ours')."""
    at = max(0, text.find(clause))
    found = [m.start() for subject in subjects for m in subject.finditer(clause)]
    return bool(found) and all(_in_quotes(text, at + start) for start in found)


def _taken_back(
    rule: Rule, claims: Rule, messages: list[Message], locale: str, learned: bool = False
) -> list[Finding]:
    """The first claim an agent message makes and a later agent message contradicts.

    ``learned``: the claim may also be a message the rule's learned reader takes for one (see
    ``Rule.learned_above``); the contradiction is still the patterns' own. Its finding is
    ``kind: learned``."""
    kind = "learned" if learned else None
    contradiction = rule.taken_back_rule
    waivers = rule.compiled["waived_by"].get(locale, [])
    claim = None
    for i, message in enumerate(messages):
        if message.role != rule.role:
            continue
        if claim is not None and contradiction is not None:
            taken_back = _unwaived(contradiction, message.text, locale, waivers)
            if taken_back is not None:
                return [_finding(rule, i, f"{claim} … {taken_back}", kind=kind)]
        if claim is None:
            claim = own = find_pattern(claims, message.text, locale)
            if claim is None and learned:
                claim = own = _learned_violation_memo(rule, message.text, locale)
            if (
                claim is None
                and rule.takes_up
                and (taken_up := _taking_up(rule, messages, i, locale)) is not None
            ):
                claim, own = " … ".join(taken_up), taken_up[1]  # "$299 with flights?" … "Yes!"
            later = ""
            if claim and own and contradiction and rule.taken_back_in_same_message:
                later = _later_sentences(message.text, own)
            taken_back = _unwaived(contradiction, later, locale, waivers) if later else None
            if taken_back is not None:
                # "全程无自费 … 离境税每人每天100元需当地现付": taken back in the same message
                return [_finding(rule, i, f"{claim} … {taken_back}", kind=kind)]
    return []


def _unwaived(
    contradiction: Rule, text: str, locale: str, waivers: list[re.Pattern[str]]
) -> str | None:
    """The first take-back in ``text`` that no waiver makes optional (see ``_waived``)."""
    first = find_pattern(contradiction, text, locale)  # memoised: usually nothing, or not waived
    if first is None or not _waived(text, first, waivers):
        return first
    return next(
        (
            found
            for found in counted_matches(contradiction, text, locale)
            if not _waived(text, found, waivers)
        ),
        None,
    )


_OWN_PRICE = re.compile(r"[$¥€£]\s?\d|\d\s*(元|块|美元|美金|港币|dollars?|bucks)", re.IGNORECASE)


def _ends_sentence(text: str, left: int, right: int) -> bool:
    """Whether the clause ``text[left:right]`` closes its sentence: a full stop, or in Chinese chat
    a space between two characters (长城缆车每人280 这个是必须的 …)."""
    if _SENTENCE_END.search(text, max(left, right - 1), right):
        return True
    return right >= 2 and text[right - 1].isspace() and "\u4e00" <= text[right - 2] <= "\u9fff"


def _waived(text: str, taken_back: str, waivers: list[re.Pattern[str]]) -> bool:
    """Whether the extra that takes a claim back is said to be optional: a waiver in its own
    clause, or in a clause near it that prices nothing of its own (the clause before it, and the
    clauses after it to the end of the next sentence: "…already installed. It is on the sticker,
    so it is not hidden - but we can take it off the deal if you want").

    Why not anywhere in the message: a message that lists an optional excursion and a
    compulsory fee ("D4 可选自费：出海380元 … 注：每人需另付地接服务费600元", "…$150 tipping kitty
    collected on day 1, and the night show is $25 if you want it") waives the excursion, not the
    fee. Waivers are matched in the whole text (their look-aheads see what follows) and kept
    where they start."""
    at = text.find(taken_back)
    if at < 0:
        return any(w.search(text) for w in waivers)
    end = at + len(taken_back)
    if _CLAUSE_END.match(text, end - 1):
        end -= 1  # the clause's own closing comma: its neighbour starts after it
    lo, hi = _clause_bounds(text, at, end)
    near = [(lo, hi, True)]
    if lo:
        before = _clause_bounds(text, max(0, lo - 2), max(0, lo - 1))[0]
        near.append((before, lo, False))
    sentences_ended = 1 if _ends_sentence(text, lo, hi) else 0
    right = hi
    while right < len(text) and sentences_ended < 2:
        left, right = right, _clause_bounds(text, right, min(len(text), right + 1))[1]
        near.append((left, right, False))
        if _ends_sentence(text, left, right):
            sentences_ended += 1
    for waiver in waivers:
        for match in waiver.finditer(text):
            for left, right, own in near:
                if left <= match.start() < right and (
                    own or not _OWN_PRICE.search(text, left, right)
                ):
                    return True
    return False


def _taking_up(rule: Rule, messages: list[Message], i: int, locale: str) -> tuple[str, str] | None:
    """The customer's last message before message ``i`` and the evidence of ``rule.takes_up`` in
    message ``i``, when that customer message names one of ``rule.customer_named``."""
    taking_up = rule.takes_up_rule
    named = rule.compiled["customer_named"].get(locale)
    if taking_up is None or not named:
        return None
    asked = next((m for m in reversed(messages[:i]) if m.role != rule.role), None)
    if asked is None or not any(pattern.search(asked.text) for pattern in named):
        return None
    evidence = find_pattern(taking_up, messages[i].text, locale)
    return None if evidence is None else (asked.text.strip(), evidence)


def _later_sentences(text: str, claim: str) -> str:
    """The sentences of ``text`` after the one holding ``claim`` (nothing when none follow)."""
    at = text.find(claim)
    if at < 0:
        return ""
    stop = at + len(claim.rstrip())
    # a claim clause that closes its own sentence ends there, not at the end of the next one
    end = stop if _SENTENCE_END.search(text, max(at, stop - 1), stop) else _sentence_end(text, stop)
    return text[end:] if text[end:].strip() else ""


def load_rubric(path: Path, data: Any = None) -> Rubric:
    """Load and validate one rubric file (one-line errors naming file and field).

    ``data``: the file's YAML when the caller has already read it.
    """
    rubric = validate_model(path, read_yaml(path) if data is None else data, Rubric, "rubric")
    for i, rule in enumerate(rubric.rules):
        if rule.kind == "behaviour" and rule.check not in behaviour_checks:
            raise SpecError(
                f"{path}: rules.{i}.check: unknown behaviour check {rule.check!r} "
                f"(known: {', '.join(behaviour_checks.names())})"
            )
        if rule.structure and rule.structure not in structures:
            raise SpecError(
                f"{path}: rules.{i}.structure: unknown rule structure {rule.structure!r} "
                f"(known: {', '.join(structures.names())})"
            )
    return rubric


def rubric_files(directory: Path | None = None) -> list[Path]:
    """Rubric YAML files of a directory (default: the shipped rubrics/)."""
    return sorted((directory or data_dir("rubrics")).glob("*.yaml"))


def load_rubrics(
    directory: Path | None = None, judge: Any = None, industries: Iterable[str] | None = None
) -> RubricSet:
    """Every rubric in ``directory``; rule ids must be unique across files.

    ``industries``: only the rubrics that apply to one of them (and those for every industry)
    are validated and loaded. A simulated run knows its personas' industries before it starts,
    and compiling the patterns of trades it never meets was about 2% of an offline run's CPU.
    Scoring imported chats, whose industries are only known row by row, loads them all.
    """
    wanted = None if industries is None else set(industries)
    read = [(path, read_yaml(path)) for path in rubric_files(directory)]
    rubrics = [
        load_rubric(path, data) for path, data in read if wanted is None or _applies(data, wanted)
    ]
    seen: dict[str, str] = {}
    for rubric in rubrics:
        for rule in rubric.rules:
            if rule.id in seen:
                raise SpecError(f"rubric {rubric.id}: rule id {rule.id!r} also in {seen[rule.id]}")
            seen[rule.id] = rubric.id
    return RubricSet(rubrics, judge=judge)


def _applies(data: Any, industries: set[str]) -> bool:
    """Whether a rubric file's raw ``industries`` include one of these (or every industry).

    Decided before validation, so a file that is not needed costs a YAML parse and no more; a
    file whose ``industries`` cannot be read is loaded, so that its error is still reported.
    """
    declared = data.get("industries", ["*"]) if isinstance(data, dict) else None
    if not isinstance(declared, list):
        return True
    return "*" in declared or bool(industries.intersection(map(str, declared)))


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
