"""Sentences and quotations, as the rule structures read them."""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE
"""How the structures' English vocabularies match (Chinese has no case)."""

SENTENCE = {
    "zh_CN": re.compile(r"(?<=[。！？!?；;\n])"),
    "en_US": re.compile(r"(?<=[!?;\n])|(?<=\.)\s+(?=\S)"),
}
_QUOTED = re.compile(
    r"[\"“「『][^\"“”「」『』\n]{1,80}[\"”」』]|"
    # single quotes, not apostrophes: 'like this', not the ones in "you'd" and "it's"
    r"(?<![A-Za-z])['‘][^'‘’\n]{1,80}['’](?![A-Za-z])"
)


def sentences(text: str, locale: str) -> list[str]:
    """The sentences of ``text`` (a Chinese 。！？； or an English . ! ? ; ends one), each with
    what quotation marks hold blanked: a customer's review quoted ('做完跟换了张脸一样') or
    another business's slogan is nobody's word here."""
    return [_QUOTED.sub(" ", s) for s in SENTENCE[locale].split(text) if s and s.strip()]


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith(("?", "？", "吗", "吗？", "么"))
