"""Text as a person reads it, whatever its bytes: the pass every message gets before rules read it.

A message can carry characters that nobody sees or that look like others: zero-width spaces inside
保证, a soft hyphen inside "guar­antee", fullwidth letters (ｇｕａｒａｎｔｅｅ), Cyrillic look-alikes
inside Latin words (guаrantee with a Cyrillic а), Chinese spaced out letter by letter (保 证 治 愈).
A customer reads all of them as the plain words, so the compliance rules and the reader must too;
otherwise hiding a claim from the harness is one invisible character away.

Nothing here changes what a person would read: punctuation, Chinese full stops and commas, and
letters of words written wholly in another script are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

_INVISIBLE_CHARACTERS = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e"
_FULLWIDTH_ALPHANUMERICS = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_LOOKALIKE_SCRIPTS = "\u0261\u0370-\u03ff\u0400-\u052f"
INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
"""Zero-width, bidi-control, word-joiner, soft-hyphen and BOM characters: drawn as nothing."""

_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    }
)
"""Fullwidth digits and Latin letters as ASCII (fullwidth punctuation stays: it is Chinese)."""

_LOOKALIKES = str.maketrans(
    dict(
        zip(
            "аеорсухіјѕԁɡАВЕКМНОРСТХαονρτυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
            "aeopcyxijsdgABEKMHOPCTXaovptuABEZHIKMNOPTYX",
            strict=True,
        )
    )
)
"""Cyrillic and Greek letters drawn like Latin ones."""

_MIXED_WORD = re.compile(f"[A-Za-z{_LOOKALIKE_SCRIPTS}]+")
_SPACED_CJK = re.compile(r"(?:[\u3400-\u9fff][ \u3000]){2,}[\u3400-\u9fff](?![\u3400-\u9fff])")
"""Three or more Chinese characters each followed by one space: letter-spaced, not clauses."""
_SUSPECT_CHARACTER = re.compile(
    f"[{_INVISIBLE_CHARACTERS}{_FULLWIDTH_ALPHANUMERICS}{_LOOKALIKE_SCRIPTS}]"
)


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """``text`` as it reads: invisible characters dropped, fullwidth letters and digits as ASCII,
    look-alike letters inside Latin words as Latin, letter-spaced Chinese closed up.

    Returns ``text`` itself when there is nothing to undo (nearly always; cheap to check)."""
    if text.isascii() or not (
        _SUSPECT_CHARACTER.search(text) or (" " in text and _SPACED_CJK.search(text))
    ):
        return text  # every disguise is a non-ASCII character or Chinese spaced out
    text = INVISIBLE.sub("", text).translate(_FULLWIDTH)
    text = _MIXED_WORD.sub(_latin_word, text)
    return _SPACED_CJK.sub(lambda m: m.group(0).replace(" ", "").replace("\u3000", ""), text)


def _latin_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.isascii() or not re.search("[A-Za-z]", word):
        return word  # a word wholly in Cyrillic or Greek is that language, not a disguise
    return word.translate(_LOOKALIKES)
