"""Locale-aware contact detection: phone numbers, WeChat IDs and e-mail addresses in a message.

Phones are found with ``phonenumbers.PhoneNumberMatcher`` for the locale's region and normalised
to digits without the country code, so "+86 138-0013-8000" and "13800138000" are the same lead.
The matcher's VALID leniency keeps prices and most order numbers out; a number glued to other
digits or right after an identifier label ("claim number", 订单号) is not a contact either, since
a 10-digit identifier can parse as a valid US phone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import phonenumbers

REGION_BY_LOCALE = {"zh_CN": "CN", "en_US": "US"}

ContactKind = Literal["phone", "wechat", "email"]

# A number right after one of these labels is an identifier, not a contact ("claim number
# 2127365000" parses as a valid US phone). Looked for in the few characters before the number.
_NOT_CONTACT_LABEL = re.compile(
    r"(订单|单号|编号|工单|快递|运单|身份证|卡号|账号|学号|病历号|病案号|就诊号|案号|发票|合同号|"
    r"\b(?:order|invoice|claim|case|account|acct|reference|ref|tracking|policy|member|id|ssn|"
    r"confirmation|ticket|record|mrn))\s*(号|no\.?|number|#|num)?\s*(是|为|is)?\s*[:：#]?\s*$",
    re.IGNORECASE,
)
LABEL_WINDOW = 24
_ENOUGH_DIGITS = re.compile(r"\d(?:\D{0,4}\d){6}")
"""Seven digits close together: no valid CN or US number has fewer."""

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


def normalize_phone(raw: str, locale: str) -> str | None:
    """Digits only, no country code; None when ``raw`` is not a valid number for the locale."""
    region = REGION_BY_LOCALE.get(locale, "CN")
    try:
        number = phonenumbers.parse(unicodedata.normalize("NFKC", raw), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.national_significant_number(number)


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
    matches = (
        phonenumbers.PhoneNumberMatcher(plain, region, leniency=phonenumbers.Leniency.VALID)
        if _ENOUGH_DIGITS.search(plain)
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


def last_contact(texts: list[str], locale: str) -> Contact | None:
    """The last contact written across ``texts`` (a corrected number replaces the first)."""
    latest: Contact | None = None
    for text in texts:
        contacts = find_contacts(text, locale)
        if contacts:
            latest = contacts[-1]
    return latest
