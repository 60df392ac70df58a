"""Locale-aware contact detection: phone numbers, WeChat IDs and e-mail addresses in a message.

Phones are found with ``phonenumbers.PhoneNumberMatcher`` for the locale's region and normalised
to digits without the country code, so "+86 138-0013-8000" and "13800138000" are the same lead.
The matcher's VALID leniency keeps most prices and order numbers out, but not all: a date range
"2015.2.18-2.20" parses as a valid CN landline and "11:00-23:00 2015.2.18" fed the matcher
"00 2015.2.18-2.20" (real travel chats). So dates, times, their ranges, compact timestamps and
prices are blanked out *before* matching (:func:`_mask_non_contacts`), and a number glued to
other digits or right after an identifier label ("claim number", 订单号) is not a contact either,
since a 10-digit identifier can parse as a valid US phone.

:func:`customer_contacts` is the lead view of a conversation: what the *customer* wrote as their
own contact, not a number the agent wrote first and the customer repeated ("0898-88888888 是前台
吗？").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

import phonenumbers

if TYPE_CHECKING:
    from simulator.models import Transcript

# phonenumbers compiles its metadata patterns through `re.compile` on every use and relies on the
# `re` module's cache; its working set for two regions is close to the cache's 512 entries, so a
# run that also uses other patterns recompiles hundreds of them per thousand conversations (~9%
# of an offline run's time, bench/profile_hot_path.py). A larger cache ends that thrashing.
if getattr(re, "_MAXCACHE", 0) < 4096:
    re._MAXCACHE = 4096  # type: ignore[attr-defined]

REGION_BY_LOCALE = {"zh_CN": "CN", "en_US": "US"}

ContactKind = Literal["phone", "wechat", "email"]

# A number right after one of these labels is an identifier, not a contact ("claim number
# 2127365000" parses as a valid US phone). Looked for in the few characters before the number.
_NOT_CONTACT_LABEL = re.compile(
    r"(订单|单号|编号|工单|快递|运单|身份证|卡号|账号|学号|病历号|病案号|就诊号|案号|发票|合同号|"
    r"流水号|交易号|预约号|挂号单?|取件码|验证码|票号|车次|航班|房号|房间号?|会员号?|工号|批号|序列号|"
    r"\b(?:order|invoice|claim|case|account|acct|reference|ref|tracking|policy|member|id|ssn|"
    r"confirmation|ticket|record|mrn|booking|reservation|serial|flight|room|routing|pnr|"
    r"transaction|receipt))\s*(号|no\.?|number|code|#|num)?\s*(是|为|is)?\s*[:：#]?\s*$",
    re.IGNORECASE,
)
LABEL_WINDOW = 24
_ENOUGH_DIGITS = re.compile(r"\d(?:\D{0,4}\d){6}")
"""Seven digits close together: no valid CN or US number has fewer."""

_RANGE = r"\s*(?:-|~|–|—|至|到|to|until|till)\s*"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
_YMD = r"(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}(?:\s*[日号])?"
_MDY = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
_MD = r"\d{1,2}\s*[-./月]\s*\d{1,2}(?:\s*[日号])?"
_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
# Blanked out before phone matching; each is a shape no CN or US phone number is written in.
# Run on NFKC text, so full-width "11：00" and "２０１５" are already ASCII.
_NOT_A_PHONE = re.compile(
    "|".join(
        (
            # a date with its year, optionally a range of days or dates and a time of day:
            # 2015.2.18-2.20, 2026-11-24 14:30, 2026年11月24日至26日
            rf"(?<!\d)(?:{_YMD}|{_MDY})(?:{_RANGE}(?:{_YMD}|{_MDY}|{_MD}|\d{{1,2}}(?:\s*[日号])?)"
            rf"(?!\d))?(?:\s*T?\s*{_TIME}(?:{_RANGE}{_TIME})?)?",
            # a time of day, or a range of them: 11:00-23:00, 9:30am to 5pm
            rf"(?<!\d){_TIME}(?:{_RANGE}(?:{_TIME}|\d{{1,2}}\s*(?:am|pm)))?",
            # a day of the year without the year, in a range: 2.18-2.20, 11/24-11/30
            rf"(?<![\d.]){_MD}{_RANGE}{_MD}(?![\d.])",
            # a compact date or timestamp: 20261124, 202611241430, 20261124143000 (not the tail
            # of a landline: 010-20261124 is a phone)
            r"(?<!\d)(?<!\d-)(?<!\d )(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
            r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?!\d)",
            # a price, or a range of them: ¥13800, $2,127,365,000, 5000-8000元, 2127365000 dollars
            rf"[¥￥$€£]\s*{_AMOUNT}(?:{_RANGE}[¥￥$€£]?\s*{_AMOUNT})?",
            rf"(?<![\d.]){_AMOUNT}(?:{_RANGE}{_AMOUNT})?\s*(?:元|块|万|千|美元|美金|刀|rmb|usd|"
            r"dollars?\b|bucks\b|k\b)",
        )
    ),
    re.IGNORECASE,
)
_MASK = "。"
"""What a blanked-out span becomes: the matcher never reads across a CJK full stop, so blanking
neither joins the digits on either side nor moves any offset."""


def _mask_non_contacts(plain: str) -> str:
    """``plain`` with dates, times, their ranges and prices blanked out, offsets unchanged."""
    return _NOT_A_PHONE.sub(lambda match: _MASK * len(match.group(0)), plain)


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_WECHAT = re.compile(
    r"(?:微信号?|vx|wx|v信|wechat(?:\s*id)?)\s*(?:号|是|:|：|is)?\s*([A-Za-z][-_A-Za-z0-9]{5,19})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Contact:
    """One contact found in a text, normalised."""

    kind: ContactKind
    value: str
    raw: str


@lru_cache(maxsize=16384)
def normalize_phone(raw: str, locale: str) -> str | None:
    """Digits only, no country code; None when ``raw`` is not a valid number for the locale.

    Cached: a customer's sampled number is checked again when the agent records it as a lead,
    and validating a US number tries every NANP region's rules."""
    region = REGION_BY_LOCALE.get(locale, "CN")
    try:
        number = phonenumbers.parse(unicodedata.normalize("NFKC", raw), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.national_significant_number(number)


_PLAIN_NATIONAL = {"CN": re.compile(r"1\d{10}"), "US": re.compile(r"[2-9]\d{9}")}
"""National numbers that parsing would keep digit for digit: a CN mobile, a US number without
its leading 1 (other shapes may lose a country code or a national prefix when parsed)."""


def national_number_if_valid(digits: str, locale: str) -> str | None:
    """:func:`normalize_phone` of a plain national number, the same verdict without parsing
    text: sampling a customer's number draws many candidates."""
    region = REGION_BY_LOCALE.get(locale, "CN")
    shape = _PLAIN_NATIONAL.get(region)
    if shape is None or not shape.fullmatch(digits):
        return normalize_phone(digits, locale)
    number = phonenumbers.PhoneNumber(
        country_code=phonenumbers.country_code_for_region(region), national_number=int(digits)
    )
    return digits if phonenumbers.is_valid_number(number) else None


def find_contacts(text: str, locale: str) -> list[Contact]:
    """Every contact in ``text``, in order of appearance."""
    return list(_find_contacts(text, locale))


@lru_cache(maxsize=16384)
def _find_contacts(text: str, locale: str) -> tuple[Contact, ...]:
    # cached: the customer's and the agents' messages repeat across a run, and the scorer, the
    # reference agents and the rubrics all ask about the same texts
    region = REGION_BY_LOCALE.get(locale, "CN")
    plain = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, Contact]] = []
    # The matcher is the slow part: skip it when the text cannot hold a phone number at all.
    masked = _mask_non_contacts(plain) if _ENOUGH_DIGITS.search(plain) else ""
    matches = (
        phonenumbers.PhoneNumberMatcher(masked, region, leniency=phonenumbers.Leniency.VALID)
        if _ENOUGH_DIGITS.search(masked)
        else ()
    )
    for match in matches:
        before = plain[match.start - 1] if match.start > 0 else ""
        after = plain[match.end] if match.end < len(plain) else ""
        if before.isdigit() or after.isdigit():
            continue
        if _NOT_CONTACT_LABEL.search(plain[max(0, match.start - LABEL_WINDOW) : match.start]):
            continue
        digits = phonenumbers.national_significant_number(match.number)
        found.append((match.start, Contact("phone", digits, match.raw_string)))
    for match in _EMAIL.finditer(plain):
        found.append((match.start(), Contact("email", match.group(0).lower(), match.group(0))))
    for match in _WECHAT.finditer(plain):
        found.append((match.start(1), Contact("wechat", match.group(1), match.group(0))))
    return tuple(contact for _, contact in sorted(found, key=lambda item: item[0]))


INTERNATIONAL_PREFIXES = ("+", "00")
"""How a phone number written with its country code starts (``+33 6 ...``, ``0033 6 ...``)."""


def find_international_contacts(text: str) -> list[Contact]:
    """Contacts that read the same in any country: e-mails, WeChat IDs, phones with a country code.

    For chats in a locale salesim has no phone rules for (``fr_FR``): a national number
    ("06 12 34 56 78") cannot be told from an order number without the country's numbering
    plan, and guessing with China's or the US's plan is the silent wrong-language scoring
    imported chats must not get. A number written with its country code parses the same
    whatever region is assumed, so it still counts.
    """
    return [
        contact
        for contact in find_contacts(text, "zh_CN")
        if contact.kind != "phone" or contact.raw.lstrip().startswith(INTERNATIONAL_PREFIXES)
    ]


def last_contact(texts: list[str], locale: str) -> Contact | None:
    """The last contact written across ``texts`` (a corrected number replaces the first)."""
    latest: Contact | None = None
    for text in texts:
        contacts = find_contacts(text, locale)
        if contacts:
            latest = contacts[-1]
    return latest


@dataclass(frozen=True)
class CustomerContact:
    """A contact the customer wrote as their own, and the message it is in."""

    turn: int
    """Index of the message in ``transcript.messages``."""
    contact: Contact


_DIGIT_RUN = re.compile(r"\+?\d[\d\s().\-]{5,}\d")


@lru_cache(maxsize=16384)
def _written(text: str, locale: str) -> frozenset[str]:
    """Contact values and digit runs of a message, to recognise them when repeated.

    Digit runs are kept as well as found contacts: a number the agent wrote as an order number
    or a hotline is not a contact in its own message, and must still not become the customer's
    when they paste it back. Cached (frozen): scoring asks this of every message, and agent
    messages recur across a run.
    """
    plain = unicodedata.normalize("NFKC", text)
    values = {re.sub(r"\D", "", run) for run in _DIGIT_RUN.findall(plain)}
    values.update(c.value.lower() for c in _find_contacts(text, locale))
    return frozenset(value for value in values if value)


def _repeats(contact: Contact, written: set[str]) -> bool:
    value = contact.value.lower()
    if contact.kind != "phone":
        return value in written
    # "+86 138..." in one message and "138..." in the other are the same number
    return any(w == value or (w.isdigit() and w.endswith(value)) for w in written)


def customer_contacts(transcript: Transcript, locale: str | None = None) -> list[CustomerContact]:
    """The contacts the customer gave as their own, in order; the last one is the lead.

    A number the agent wrote before the customer did is the business's (a hotel's phone, an
    order number, the clinic's line) when the customer repeats it ("0898-88888888 是前台吗？",
    "is 212-736-5000 your front desk?"), so it is not the customer's contact. A number the
    customer wrote first stays theirs when the agent reads it back and they confirm it.

    ``locale`` defaults to the transcript's (zh_CN when it has none); in a locale without phone
    rules only :func:`find_international_contacts` count.
    """
    locale = locale or transcript.locale or "zh_CN"
    supported = locale in REGION_BY_LOCALE
    agent_first: set[str] = set()  # written by the agent before the customer ever wrote it
    customer_written: set[str] = set()
    out: list[CustomerContact] = []
    for turn, message in enumerate(transcript.messages):
        if message.role == "agent":
            agent_first.update(_written(message.text, locale) - customer_written)
        elif message.role == "customer":
            found = (
                find_contacts(message.text, locale)
                if supported
                else find_international_contacts(message.text)
            )
            out.extend(
                CustomerContact(turn, contact)
                for contact in found
                if not _repeats(contact, agent_first)
            )
            customer_written.update(_written(message.text, locale))
    return out
