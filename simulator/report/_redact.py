"""Masking personal data for a shareable report: phones, WeChat IDs, e-mails and names.

A :class:`Redactor` is built per conversation from what the run knows about that customer (the
truth's contacts and names, the lead the agent recorded) and what the locale-aware contact parser
finds in the text (:func:`simulator.contacts.find_contacts`). Every string that goes into the
report (message text, evidence, previews, the contact, the lead) passes through the same redactor,
so a highlighted contact or finding still lines up with its (masked) message.

Names are masked where they are known: the truth's ``name`` (and any other ``*name`` field), its
parts (given name, surname), and a few generic forms ("姓王", "my name is ...") for imported chats
without truth. A name the customer gives for itself ("I'm Sarah Connor", 我是王小明; see
:mod:`simulator.report._names`) is learned from the customer's messages and masked wherever the
conversation repeats it, as a truth's name would be. Numbers of 8 or more digits that the phone
parser did not recognise are masked too: in a redacted report, an order number shown as
``[phone]`` is a smaller harm than a phone number shown in full.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from simulator.contacts import find_contacts
from simulator.report._names import self_names
from simulator.results import ANY_ALIAS, line_alias

MASKS = {
    "en": {"phone": "[phone]", "wechat": "[WeChat]", "email": "[e-mail]", "name": "[name]"},
    "zh": {"phone": "[电话]", "wechat": "[微信]", "email": "[邮箱]", "name": "[姓名]"},
}
CONTACT_KEYS = ("phone", "wechat", "email", "mobile", "tel", "contact")

# Two-character Chinese surnames: the surname part of 欧阳娜 is 欧阳, not 欧.
_COMPOUND_SURNAMES = frozenset(
    re.findall("..", "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯轩辕令狐端木独孤南宫")
)
_ZH_TITLES = r"(?:先生|女士|小姐|阿姨|叔叔|大爷|大妈|老师|律师|医生|姐|哥|总|家长|妈妈|爸爸)"
_GENERIC_NAMES = [
    re.compile(r"(?<=姓)[\u4e00-\u9fff]{1,2}"),
    re.compile(r"(?<=我叫)[\u4e00-\u9fff]{2,3}"),
    re.compile(r"(?<=my name is )[A-Z][a-z]+(?: [A-Z][a-z]+)?"),
    re.compile(r"(?<=ask for )[A-Z][a-z]+(?: [A-Z][a-z]+)?"),
    re.compile(r"(?<=[Tt]his is )[A-Z][a-z]+ [A-Z][a-z]+"),
]
_LONG_NUMBER = re.compile(r"(?<![\w])\+?\d(?:[\d\s().-]{6,}\d)(?![\w])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _zh_surname(name: str) -> str:
    return name[:2] if name[:2] in _COMPOUND_SURNAMES else name[:1]


class Redactor:
    """Masks one conversation's personal data in any string of the report."""

    def __init__(
        self,
        truth: Mapping[str, Any] | None = None,
        lead: Mapping[str, Any] | None = None,
        locale: str | None = None,
        lang: str = "en",
        said: Iterable[str] = (),
    ) -> None:
        """``said`` is what the customer wrote: the names it gives for itself are masked too."""
        self.locale = locale or "zh_CN"
        self.masks = MASKS.get(lang, MASKS["en"])
        self.literals: dict[str, str] = {}
        """Known values (longest first when applied) and their mask."""
        self.name_patterns: list[re.Pattern[str]] = list(_GENERIC_NAMES)
        for source in (truth or {}, lead or {}):
            for key, value in source.items():
                if not isinstance(value, str) or not value.strip():
                    continue
                lowered = key.lower()
                if lowered.endswith("name"):
                    self._add_name(value.strip())
                elif any(k in lowered for k in CONTACT_KEYS):
                    kind = "email" if "@" in value else "phone" if _digits(value) >= 7 else "wechat"
                    self.literals[value.strip()] = self.masks[kind]
        for text in said:
            for name in self_names(unicodedata.normalize("NFKC", text)):
                self._add_name(name)

    def _add_name(self, name: str) -> None:
        """Mask ``name`` and its parts; a lone Chinese surname only where it is used as a name."""
        mask = self.masks["name"]
        if re.search(r"[\u4e00-\u9fff]", name):
            surname = _zh_surname(name)
            given = name[len(surname) :]
            if given:
                self.literals[name] = mask
            if len(given) >= 2:
                self.literals[given] = mask
            # a lone surname is masked only where it is used as a name: 王女士, 姓王
            self.name_patterns.append(re.compile(re.escape(surname) + f"(?={_ZH_TITLES})"))
            self.name_patterns.append(re.compile(f"(?<=姓){re.escape(surname)}"))
        else:
            self.literals[name] = mask
            for part in name.split():
                if len(part.strip(".")) >= 2:
                    self.name_patterns.append(re.compile(rf"\b{re.escape(part)}\b"))

    def __call__(self, text: str | None) -> str | None:
        """``text`` with every known or detected contact and name masked."""
        if not text:
            return text
        # Contacts are parsed on the NFKC form (fullwidth digits); spans map back to the original
        # when normalising kept the length (fullwidth forms are one character each), otherwise
        # the normalised text is what the report shows.
        plain = unicodedata.normalize("NFKC", text)
        original = text if len(plain) == len(text) else plain
        text = plain
        spans: list[tuple[int, int, str]] = []
        for contact in find_contacts(text, self.locale):
            target = contact.value if contact.kind == "wechat" else contact.raw
            start = text.find(target)
            while start >= 0:
                spans.append((start, start + len(target), self.masks[contact.kind]))
                start = text.find(target, start + 1)
        for literal, mask in sorted(self.literals.items(), key=lambda kv: -len(kv[0])):
            start = text.find(literal)
            while start >= 0:
                spans.append((start, start + len(literal), mask))
                start = text.find(literal, start + 1)
        for match in _EMAIL.finditer(text):
            spans.append((match.start(), match.end(), self.masks["email"]))
        for match in _LONG_NUMBER.finditer(text):
            if _digits(match.group(0)) >= 8:
                spans.append((match.start(), match.end(), self.masks["phone"]))
        for pattern in self.name_patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    spans.append((match.start(), match.end(), self.masks["name"]))
        return _apply(original, spans)

    def value(self, value: Any) -> Any:
        """Redact every string inside a JSON-like value (dicts, lists)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, Mapping):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value


def _apply(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Replace spans (merged where they overlap: the earlier, longer one wins)."""
    ordered = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[str] = []
    cursor = 0
    for start, end, mask in ordered:
        if start < cursor:
            if end > cursor:
                cursor = end  # overlapping: extend the mask already written
            continue
        out.append(text[cursor:start])
        out.append(mask)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def mask_anywhere(text: str, lang: str = "en") -> str:
    """``text`` masked without knowing its conversation: contacts of either locale, long numbers."""
    for locale in ("zh_CN", "en_US"):
        text = Redactor(None, None, locale, lang)(text) or text
    return text


def shown_id(cid: str, line: int, *, transcripts: bool = False) -> str:
    """The id a redacted report shows: the id itself, or an alias when it would give a contact away.

    Ids of imported chats are whatever the export used, a customer's phone number or e-mail
    included; those become :func:`~simulator.results.line_alias` (unique, and stable across
    renderings). An id that merely looks like an alias is replaced too, so that an alias always
    means one conversation.
    """
    if mask_anywhere(cid) != cid or ANY_ALIAS.fullmatch(cid):
        return line_alias(line, transcripts=transcripts)
    return cid


class NoRedaction:
    """Stands in for a :class:`Redactor` when ``--redact`` is off."""

    def __call__(self, text: str | None) -> str | None:
        return text

    def value(self, value: Any) -> Any:
        return value
