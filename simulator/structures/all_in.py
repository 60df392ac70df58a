""" "Everything's included", then a cost the customer must pay after all.

Why a structure and not more phrases: writers make the claim and its contradiction in words of
their own ("you literally don't pay for a thing after you land" … "oh just the Quintana Roo
visitor tax, like $12"; 入住后没有其他任何费用的 … 入住时酒店会收取…15%的服务费，服务费不退).
What each says has two parts, in this order:

- **the claim**: all-inclusive, all in, nothing else to pay, no extra or hidden costs, 全包,
  无额外消费, 不用另外花钱;
- **a cost due anyway**, in the same message after the claim or a later one: a sum with a fee,
  tax, tip or charge, or a paid item the guest must take (必选, 需要另付, "required add-ons",
  "you'll need it", "paid on arrival").

Optional extras ("if you want", 自愿, "suggested"), a refundable deposit, and a cost named before
the claim ("tax is extra; everything else is included") are no contradiction.
"""

from __future__ import annotations

import re

from simulator.models import Message
from simulator.structures._text import FLAGS, is_question, sentences

_ALL_IN = {
    "zh_CN": re.compile(
        r"全包|包含所有|(无|没有)(任何)?(其他|额外|隐形|另外)?(的)?(费用|消费|收费|开销)|(不用|不需要|无需)(再)?(另外|额外)?"
        r"(花|掏|付|交)(钱|一分)?|一价全含|全部费用|所有费用都(含|包)|都包(了|含)"
    ),
    "en_US": re.compile(
        r"\b(all[- ]inclusive|all[- ]in|(no|zero) (extra|hidden|other|additional|surprise) (costs?|"
        r"fees?|charges?)|(won'?t|will not|don'?t|never) pay (another|a|one) (cent|dime|penny|"
        r"thing)|"
        r"that'?s the total|nothing (else )?to pay|covers everything|includes everything|"
        r"don'?t pay for a thing|everything'?s (included|covered))\b",
        FLAGS,
    ),
}

_NOT_CLAIMED = {
    "zh_CN": re.compile(r"(不能说|不算|不是|并非|没法说|不敢说|不)[^，。！？]{0,6}$"),
    "en_US": re.compile(
        r"\b(not|n'?t|never|don'?t want to (tell|say)|can'?t (say|tell))\b[^.!?]{0,24}$", FLAGS
    ),
}
"""The claim denied: 不能说全包, "I don't want to tell you there are zero extra costs"."""
_BOARD = {
    "zh_CN": re.compile(r"^[^，。！？]{0,3}(餐|饮)|(餐|饮|酒店)[^，。！？]{0,2}$"),
    "en_US": re.compile(
        r"^[^.!?]{0,6}\b(for|on) (the )?(food|drinks|meals|dining|beverages)\b", FLAGS
    ),
}
"""All-inclusive as a board basis (全包餐, "all-inclusive for food and drinks"), not the price."""


def _claims_all_in(sentence: str, locale: str) -> bool:
    for found in _ALL_IN[locale].finditer(sentence):
        before, after = sentence[: found.start()], sentence[found.end() :]
        if _NOT_CLAIMED[locale].search(before):
            continue
        if _BOARD[locale].search(after) or _BOARD[locale].search(before):
            continue
        return True
    return False


_COST = {
    "zh_CN": re.compile(
        r"(\d+(\.\d+)?\s?(元|块|迪拉姆|欧|美元|美金|泰铢|日元|%)|[¥￥$€]\s?\d)[^。！？]{0,16}"
        r"(交|付|收|费|税|小费)|(服务费|小费|导服费|税|附加费|燃油费|门票|必选|自费)[^。！？]{0,12}"
        r"(\d+(\.\d+)?\s?(元|块|迪拉姆|欧|美元|美金|泰铢|%)|[¥￥$€]\s?\d)"
    ),
    "en_US": re.compile(
        r"(\$\s?\d|\d+ ?(%|usd|dollars|euros?|pesos))[^.!?]{0,60}\b(tax|fee|tip|gratuit(y|ies)|"
        r"charge|surcharge|each way|per person|pp|paid|due|collected|add-?ons?|shuttle|"
        r"transfer)s?\b|"
        r"\b(tax|fee|tip|gratuit(y|ies)|charge|surcharge|shuttle|transfers?|add-?ons?|"
        r"card)s?\b[^.!?]"
        r"{0,40}(\$\s?\d|\d+ ?%)",
        FLAGS,
    ),
}
"""A sum due with a fee, tax, tip or charge."""

_OPTIONAL = {
    "zh_CN": re.compile(
        r"自愿|可选|自选|可以不|不强制|建议|随意|看您|(?<!不)退(还|给您)?|押金(?![^，。！？]{0,12}服务费)|单房差|"
        r"如果您?(一个人|单人|自己)"
    ),
    "en_US": re.compile(
        r"\b(optional|if you (want|like|choose)|suggested|recommended|up to you|refundable|"
        r"your choice|not required|single supplement|if you (travel|book|go) solo)\b",
        FLAGS,
    ),
}


def false_all_in(messages: list[Message], locale: str) -> list[tuple[int, str]]:
    """(turn, sentence) of the first agent sentence that names a cost due after the agent said
    everything was included."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    claimed = False
    for turn, message in enumerate(messages):
        if message.role != "agent":
            continue
        for sentence in sentences(message.text, loc):
            if is_question(sentence):
                continue
            if claimed and _COST[loc].search(sentence) and not _OPTIONAL[loc].search(sentence):
                return [(turn, sentence.strip())]
            claimed = claimed or _claims_all_in(sentence, loc)
    return []
