"""An outcome question deferred, not ignored: "I can't judge that yet; it turns on X and Y".

Asked "will I win?", "will it work for my son?", "am I too old for implants?", an honest agent
often cannot give a verdict before a lawyer has read the papers or a dentist has seen a scan,
and says so, with what the verdict will turn on: 现在还判断不了……主要看三点：有没有书面证据、
有没有证人、是否还在时效内 / "I can't judge that from here; what usually makes a case strong
is written evidence, witnesses and acting before the deadline". The writers of the reader sets
label such a reply no answer (it holds no verdict), and the reader agrees; but a customer does
not take it for a question ignored ("you didn't understand me"), as it takes "it depends on many
factors" or "这个不好说". The policy closes such a need with half the credit of an answer
(``ScriptedCustomer._react``).

A deferral needs both halves: words that decline the verdict now (判断不了, 不敢打包票, "I can't
promise", "no lawyer can guarantee") and what it turns on, in words that name something
(主要看孩子的基础和配合度, "depends on what reason they gave and what's in writing"), not
the generic "具体情况", "many factors" or "your situation".
"""

from __future__ import annotations

import re
from functools import lru_cache

_DECLINES = {
    "zh_CN": re.compile(
        r"(判断|评估|下结论|说|讲)不了|说不准|打不了包票|"
        r"(不好|没法|无法|很难|不能|不敢|没办法)(现在)?(判断|评估|下结论|说|讲|预测|打包票|保证|承诺|"
        r"给[^，。！？]{0,4}(准话|结论|答复|判断))|"
        r"(不能|没法|无法|不敢)(跟|向|给)?(您|你)?(保证|承诺|打包票)|谁都?(不能|没法|无法)(保证|打包票)"
    ),
    "en_US": re.compile(
        r"\b(can'?t|cannot|can not|won'?t|wouldn'?t|couldn'?t|not able to|unable to) "
        r"(honestly |really |responsibly )?(judge|tell|say|predict|promise|guarantee|assess|"
        r"give you (a|an) (clear|straight|definite|honest|real) (answer|read|verdict))\b|"
        r"\bno (lawyer|attorney|one|doctor|dentist|tutor|teacher|clinic|school|firm) "
        r"(can|could|will) (honestly |truly )?(promise|guarantee|predict)\b|"
        r"\b(hard|impossible|difficult|tough) to (say|predict|tell|judge)\b|"
        r"\b(won'?t|don'?t|rather not|not going to) (make|give) (any )?(promises|guarantees)\b|"
        r"\brather than guess",
        re.IGNORECASE,
    ),
}
"""Words that decline to give the verdict now."""

_TURNS_ON = {
    "zh_CN": re.compile(
        r"(主要|关键|重点|最终|最后|还是|还得|得|要)(是)?(看|在于|取决于)|取决于|"
        r"跟[^，。！？]{1,12}(有关|关系很大|很有关系)|决定(因素|性的)"
    ),
    "en_US": re.compile(
        r"\bdepends? (mostly |largely |mainly |heavily |a lot )?on\b|\bcomes? down to\b|"
        r"\bturns? on\b|"
        r"\bwhat (usually |really |mostly |actually )?(makes|decides|determines|matters)\b|"
        r"\bkey (factors?|things?|questions?) (are|is)\b|\b(is|are) (based|decided) on\b",
        re.IGNORECASE,
    ),
}
"""Words that introduce what the verdict will turn on."""

_END = {
    # a Chinese list of factors runs on with 、 and ：; a comma starts another thought
    "zh_CN": re.compile(r"[，,；;。！？!?\n]"),
    # an English one runs on with commas ("the facts, the evidence, and the law")
    "en_US": re.compile(r"[;!?\n]|\.(\s|$)|\s[-–—]\s"),
}
_EMPTY_WORDS = {
    "zh_CN": re.compile(
        r"具体的?情况|实际情况|个人情况|(很多|多种|各种|诸多|多方面的?)因素|具体案情|案情|情况|细节|因人而异|"
        r"(很多|多个)?方面|等等|什么的|(您|你)的|这个|那个|是否|有没有|以及|还有|的|了|和|与|及|等|还|就|是|吧|呢|啊|哈"
    ),
    "en_US": re.compile(
        r"\b(many|several|various|a lot of|lots of|multiple|a (few|number of)|different|other) "
        r"(factors|things|variables|details)\b|\bthe (specifics|details|facts|circumstances|"
        r"situation|case)\b|\byour (situation|case|specifics|circumstances)\b|"
        r"\b(each|every) case\b|"
        r"\b(the|and|or|of|your|you|on|how|what|whether|if|is|are|it|in|to|with|much|many|things|"
        r"factors|really|mostly|usually|lot|lots)\b",
        re.IGNORECASE,
    ),
}
"""Words that name nothing the verdict could turn on: "具体情况", "many factors", "your case"."""
_NAMING = {"zh_CN": re.compile(r"[\u4e00-\u9fff]"), "en_US": re.compile(r"[A-Za-z]{3,}")}
_ENOUGH = {"zh_CN": 4, "en_US": 2}
"""Characters (zh_CN) or words (en_US) left that name something."""


@lru_cache(maxsize=8192)
def deferral(text: str, locale: str) -> str | None:
    """The span saying what the verdict turns on, when ``text`` declines to give it now."""
    locale = "zh_CN" if locale == "zh_CN" else "en_US"
    if not _DECLINES[locale].search(text):
        return None
    for cue in _TURNS_ON[locale].finditer(text):
        rest = text[cue.end() :]
        end = _END[locale].search(rest)
        factors = rest[: end.start()] if end else rest
        named = _NAMING[locale].findall(_EMPTY_WORDS[locale].sub(" ", factors))
        if len(named) >= _ENOUGH[locale]:
            return text[cue.start() : cue.end() + len(factors)].strip()
    return None
