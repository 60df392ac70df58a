"""The surface of a reply: is anything visible, in which language, how long, copied from where.

These checks need no understanding of the words; they are what makes an invisible reply no reply,
an echo no answer and a wall of text a cost, whatever an agent writes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from simulator.plaintext import plain
from simulator.reading._model import Flag, ReadContext, Reading

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_WORDISH = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u3400-\u9fff\uf900-\ufaff]")

SOFT_LIMIT = {"zh_CN": 260, "en_US": 700}
"""Visible characters a customer reads in one DM without feeling lectured."""
READ_LIMIT = {"zh_CN": 600, "en_US": 1500}
"""Characters a customer actually reads of a longer reply; the rest is skimmed past."""
ECHO_RATIO = 85.0
REPEAT_RATIO = 90.0


@lru_cache(maxsize=16384)
def visible(text: str) -> str:
    """NFKC text as it reads (see :func:`simulator.plaintext.plain`), white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", plain(text)).split())


@lru_cache(maxsize=16384)
def is_unreadable(text: str) -> bool:
    """True when a reply shows no letter, digit or Chinese character at all."""
    return _WORDISH.search(visible(text)) is None


@lru_cache(maxsize=16384)
def is_wrong_language(text: str, locale: str) -> bool:
    """A Chinese customer given English only, or an English one given mostly Chinese."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if locale == "zh_CN":
        return cjk == 0 and latin >= 8
    return cjk >= 4 and cjk > latin / 3


OTHER_LOCALE = {"zh_CN": "en_US", "en_US": "zh_CN"}


def own_locale(text: str, locale: str) -> str:
    """The locale to read ``text`` in: ``locale``, or the other supported one when the message is
    written wholly in it (an English message in a Chinese chat is read as English)."""
    other = OTHER_LOCALE.get(locale)
    return other if other is not None and is_wrong_language(text, locale) else locale


_WORDISH_RUN = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=8192)
def _squash(text: str) -> str:
    return "".join(_WORDISH_RUN.findall(visible(text).lower()))


def is_echo(reply: str, customer_text: str) -> bool:
    """The reply repeats the customer's message rather than answering it."""
    a, b = _squash(reply), _squash(customer_text)
    if len(a) < 4 or not b:
        return False  # "有" or "yes" is an answer, not an echo
    if len(a) <= len(b) * 1.4 + 4 and (a in b or b in a):
        return True
    return len(a) <= len(b) * 1.6 + 6 and fuzz.ratio(a, b) >= ECHO_RATIO


def repeats_earlier(reply: str, earlier: tuple[str, ...]) -> bool:
    """The reply is (nearly) a message the agent already sent."""
    a = _squash(reply)
    if len(a) < 12:
        return False
    return any(_near_copy(reply, old) for old in earlier)


@lru_cache(maxsize=16384)
def _near_copy(reply: str, old: str) -> bool:
    # cached per pair: a scripted agent's replies come from a small set, so the same pairs
    # are compared in conversation after conversation
    return fuzz.ratio(_squash(reply), _squash(old)) >= REPEAT_RATIO


_SEGMENT = re.compile(
    r"(?:[，、;；|·•]|(?<!\d),|,(?!\d{3})|/(?!\s?(?:hr|hour|h|mo|month|session|class|lesson|visit|wk|week|yr|year)s?\b"
    r"|\s?(?:节|次|课时|小时|月|年|颗|人)))+",
    re.IGNORECASE,
)
"""What separates a blob's fragments; the slash of a rate ("$40/hr", 200元/节) and the comma of
a thousands figure (¥2,500) are not one."""
_SENTENCE_END = re.compile(r"[.!?。！？]")
_ZH_CLAUSE = re.compile(
    r"[了过着吧呢吗啊呀哦嘛的就先再后会能要可都也还很才又让给把被在是有您你我他她]"
)
"""Particles, adverbs, auxiliaries and persons: a segment with one is a clause someone wrote
(一般四五趟吧，第一次检查拍片，第二次种，一周后拆线…), Chinese runs clauses together with commas;
a keyword blob's items (律师费3000、胜诉率高、证据齐全) have none."""


_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE
)
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*\|.*)\|[ \t]*$", re.MULTILINE)


def fragments(text: str) -> list[str]:
    """The visible text cut at commas, enumeration marks and bullets (not a rate's slash)."""
    return [s.strip() for s in _SEGMENT.split(visible(text)) if s.strip()]


@lru_cache(maxsize=16384)
def is_fragmented(text: str, locale: str) -> bool:
    """A blob of comma-separated words or phrases, not sentences a person would write.

    Real lists exist ("math, English and chemistry"), so it takes many short segments with almost
    no sentence structure around them; the rows of a markdown table count as sentences.
    """
    # a markdown table's rows are one statement each ("| 一对一 | 180元/课时 |"), not fragments
    text = _TABLE_RULE.sub("", text)
    text = _TABLE_ROW.sub(lambda m: m.group(1).replace("|", " ") + ".", text)
    segments = fragments(text)
    if len(segments) < 6:
        return False
    if locale == "zh_CN":
        short = sum(len(s) <= 7 and not _ZH_CLAUSE.search(s) for s in segments)
    else:
        short = sum(len(s.split()) <= 3 for s in segments)
    sentences = len(_SENTENCE_END.findall(text))
    return short >= 0.7 * len(segments) and sentences <= len(segments) / 4


def unread(text: str, locale: str) -> Reading | None:
    """The reading of a reply the customer cannot read at all (nothing visible, or not in its
    language), else None: no reader, rules or model, is asked about such a reply."""
    if is_unreadable(text):
        return Reading(flags=frozenset({Flag.UNREADABLE}), chars=0)
    shown = visible(text)
    if is_wrong_language(shown, locale):
        return Reading(flags=frozenset({Flag.WRONG_LANGUAGE}), chars=len(shown))
    return None


def surface_flags(text: str, context: ReadContext, locale: str) -> set[str]:
    """Flags measured on the reply's surface, the same whichever reader reads its meaning."""
    flags: set[str] = set()
    if len(visible(text)) > SOFT_LIMIT[locale]:
        flags.add(Flag.WALL)
    if context.customer_text and is_echo(text, context.customer_text):
        flags.add(Flag.ECHO)
    if context.earlier_agent and repeats_earlier(text, context.earlier_agent):
        flags.add(Flag.REPEATS)
    if is_fragmented(text, locale):
        flags.add(Flag.FRAGMENTED)
    return flags
