"""Numbers as people write them in chats: digits, words, Chinese numerals, k/w/万 and ranges.

Used by the typed recognisers (is there an amount, a count, a duration?) and to read the value of
a quoted price, so a price far outside a persona's market range can make a customer suspicious.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
ZH_NUMERAL = "[零〇一二两三四五六七八九十百千万几半]"

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000, "million": 1_000_000}
EN_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|couple|few|several|half|dozen)"
)


def zh_numeral_value(text: str) -> float | None:
    """Value of a Chinese numeral such as 两百, 三千五, 一万二, 十五; None if it is not one."""
    if not text or any(ch not in _ZH_DIGITS and ch not in _ZH_UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    last_unit = 1
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            unit = _ZH_UNITS[ch]
            if unit == 10_000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
            last_unit = unit
    if digit is not None:
        # 三千五 means 3500: a trailing digit counts in the next lower unit
        section += digit * (last_unit // 10 if last_unit >= 100 and len(text) > 1 else 1)
    return float(total + section)


def en_number_value(words: str) -> float | None:
    """Value of an English number in words: "sixty", "two hundred", "three thousand five hundred"."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
            seen = True
        elif word in _EN_SCALES:
            scale = _EN_SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        elif word in ("and", ""):
            continue
        else:
            return None
    return float(total + current) if seen else None


@dataclass(frozen=True)
class Amount:
    """A money amount found in text (the low end of a range)."""

    value: float
    span: tuple[int, int]
    kind: str = "price"
    """What the amount is to a customer: ``price`` (what something costs), ``special`` (a
    new-customer or promotional price: a price and a discount), ``reduction`` (an amount off:
    立减五百, "$300 off", "a $1k trade assist"), ``covered`` (what insurance pays: 能报一千多,
    "an annual cap of $1,500") or ``owed`` (a sum owed to or claimed for the customer: 工资八千,
    能主张八万多) or ``value`` (what a gift thrown in is worth: 价值三千的礼包) or ``deposit`` (what is
    paid to hold a place or a deal: 先交五百定金, "just a $99 deposit") or ``vague`` (either end
    of a range so wide it says nothing: "from $1 to $10,000", 一元到十万不等). Only a price or a
    special is the price asked about."""


_VALUE_BEFORE = re.compile(
    r"(价值|总价值|市场价值|原价值)\s?[¥￥]?$|\b(worth|valued at|a value of)( up to| over)?\s?[$¥]?$",
    re.IGNORECASE,
)
_VALUE_AFTER = re.compile(r"^\s?(value|worth of)\b", re.IGNORECASE)
"""What a free gift is worth (送价值九百八的大礼包, "a free kit worth $200", "a $150 value"): no
price anyone pays."""
_DEPOSIT_BEFORE = re.compile(r"(定金|订金)[^，。,\d]{0,6}$|\bdeposit (of|is)\s?$", re.IGNORECASE)
_DEPOSIT_AFTER = re.compile(
    r"^\s?(元|块)?(的)?(定金|订金)|^\s?(dollar |refundable )?deposit\b", re.I
)
"""A deposit to hold a place or a deal (先交五百定金锁位, "a $500 deposit tonight"): no price of
what is bought."""
_REDUCTION_BEFORE = re.compile(
    r"(立减|满减|减|直降|降价?|优惠|(?<!最)便宜|补贴|(?<=[还再额外另厂家])补|返现?|省|抵|折扣|让利)了?\s?$|\b(save|saves|saving|knock|knocks|take|takes)"
    r"( off)?( (you|an extra|another))?\s$",
    re.IGNORECASE,
)
_REDUCTION_AFTER = re.compile(
    r"^\W{0,3}(([\w-]+ ){0,2}(off|rebates?|discounts?|cash ?back|assist|bonus|credit|savings)\b|"
    r"(元|块)?\W{0,3}(补贴|优惠|减免|返现|红包|代金券|优惠券))",
    re.IGNORECASE,
)
_SPECIAL_AFTER = re.compile(
    r"^[^.;!?。；！？]{0,30}(\b(new (patient|client|customer|student)s?|first[- ]time|first visit|"
    r"intro(ductory)?)\b|新客|新人|首次|首单)",
    re.IGNORECASE,
)
_SPECIAL_BEFORE = re.compile(
    r"(新客|新人|首次|首单|活动价|特价|团购价?|会员价|限时价?|优惠价|体验价)[^，。,\d]{0,6}$|"
    r"\b(new (patient|client|customer|student)s?|first[- ]time|intro(ductory)?|special|promo)\b[^.,;!?\d]{0,36}$",
    re.IGNORECASE,
)
_PAYER = r"(?<!\byou )(?<!\bthey )(?<!\bpeople )(?<!\bpatients )(?<!\bclients )(?<!\bcustomers )"
_COVERED_BEFORE = re.compile(
    r"(报销|能报|可以报|可报|医保报|赔付?|统筹|报销比例)[^，。,]{0,6}$|\b(covers?|covered|reimburse\w*|caps?|"
    rf"capped|{_PAYER}(pays?|paid))\b"
    r"[^.,;!?]{0,20}$|\b(maximums?|max|allowances?|benefits?)\b"
    r"(?!\s*(of\s*)?\d+\s*(kids|students|people|children|persons|patients|per))[^.;!?]{0,24}$",
    re.IGNORECASE,
)
"""What an insurer or a plan pays. What the customer pays ("new patients pay $85") is a price, and
so is a price after another number's maximum ("small groups (max 4 kids) are $40 a session")."""
_OWED_BEFORE = re.compile(
    r"(工资|月薪|年薪|欠薪|欠款|欠了|借了|借给|赔偿金?|补偿金?|主张|索赔|追回|要回|拿回)[^，。,]{0,6}$|"
    r"\b(salary|wages?|owed?|owes|back pay|recover(ed)?|claim(ed)?|judgment|damages|lost)\b"
    r"[^.,;!?]{0,12}$",
    re.IGNORECASE,
)
"""Money owed to the customer or claimed for them (工资八千, 能主张八万多, "you could recover
$40,000"): no price of the business's, but a sum at stake in the case."""


_RANGE_GAP = re.compile(r"\s?(-|–|—|~|～|到|至|(up )?to)\s?")


def amount_kind(text: str, start: int, end: int) -> str:
    """The kind of the amount at ``text[start:end]`` (see :class:`Amount`), from its neighbours."""
    before, after = text[max(0, start - 48) : start], text[end : end + 24]
    if _VALUE_BEFORE.search(before) or _VALUE_AFTER.match(after):
        return "value"
    if _DEPOSIT_BEFORE.search(before) or _DEPOSIT_AFTER.match(after):
        return "deposit"
    if _REDUCTION_BEFORE.search(before) or _REDUCTION_AFTER.match(after):
        return "reduction"
    if _COVERED_BEFORE.search(before):
        return "covered"
    if _OWED_BEFORE.search(before):
        return "owed"
    if _SPECIAL_BEFORE.search(before) or _SPECIAL_AFTER.match(after):
        return "special"
    return "price"


_DIGIT_AMOUNT = re.compile(
    r"(?P<cur>[$¥￥]|usd|rmb)?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?"
    # (k and w end at a letter, not at a Chinese character: 2k出头, 3k多)
    r"(?P<scale>k(?![a-z\d])|w(?![a-z\d])|万|千|百|grand\b|thousand\b|hundred\b)?\s?"
    r"(?P<unit>元|块|rmb\b|dollars?\b|bucks\b|usd\b|刀)?",
    re.IGNORECASE,
)
_ZH_AMOUNT = re.compile(
    rf"(?<![哪这那某每同整])(?P<num>{ZH_NUMERAL}+)(?P<unit>元|块(?!儿)|万块|万元|千块)"
)
"""哪一块最吃力, 这一块, 一块儿 are a part of something or together, not one yuan."""
_ZH_SCALED = rf"{ZH_NUMERAL}*[百千万]{ZH_NUMERAL}*"
_ZH_PRICED = re.compile(
    rf"(?:价|一共|总共|合计|落地|收费|费|首付|补贴|(?<=[还再额外另厂家])补|优惠|减|返|便宜|只要|才|一颗|单颗|每颗|一次课?|每次课|[一每]堂课?|一节课?|每节课?|课时|[一每]个?小时|套餐|"
    rf"首次|新客|新人|首单|"
    rf"每次|每月|一个月)(?:是|为|要|在|了|大概|大约|差不多)?"
    rf"\s?(?P<num>{ZH_NUMERAL}*[十百千万]{ZH_NUMERAL}*)(?![多余]?[个位名人家所次例颗年天岁分])"
    rf"|(?<![上数成])(?P<num2>{_ZH_SCALED})(?=起|左右|上下|出头|一次|一颗|一节|一课时|一个?小时|一个月|每|/|多(?![个位名人家所次例颗年天岁]))"
    # a price in tens before what it buys: 洗牙六十八一次, 九十九一节 (not 八十一次, eighty-one times)
    rf"|(?<![上数成{ZH_NUMERAL[1:-1]}])(?P<num4>{ZH_NUMERAL}?十[二三四五六七八九])(?=一次|一颗|一节|一课时|一个?小时)"
    # a deal's price after the service it prices: 新客首次洗牙九十九, 团购洗牙69
    rf"|(?:新客|新人|首次|首单|团购价?|特价|活动价|体验价|秒杀价?|总共|一共|合计|总价)[\u4e00-\u9fff]{{0,4}}?(?:是|为|只要|仅需|才)?"
    rf"\s?(?P<num3>\d+(?:\.\d+)?|{ZH_NUMERAL}*[十百千万]{ZH_NUMERAL}*)(?![\d.]|\s?[多余]?[个位名人家所次例颗年天岁分折%块元课节小周月期回趟张套]|\s?[\u4e00-\u9fff]{{0,2}}[券卡]|\s?[-–—~～到至]\s?\d+\s?[个位名人家所次例颗年天岁分课节小周月期回趟张套])"
    # digits with no unit after what they price, standing as a price: 单颗大概在4500-7000之间,
    # 价格一般3000左右 (not 一次30分钟)
    rf"|(?:价|价格|费用|收费|单颗|一颗|每颗|一次|一节课?|每节课?|一个月)(?:大概|大约|差不多|一般|基本)?"
    rf"(?:是|为|要|在)?(?:大概|大约|差不多)?\s?(?P<num5>\d{{2,6}}(?:\.\d+)?)"
    rf"(?=\s?(?:[-–—~～到至]\s?\d{{2,6}})?\s?(?:之间|左右|上下|起|出头|[，,。；;！!]|$))"
)
"""A Chinese amount without 元 or 块, told by its context: 原价四千八, 一共四千二左右, 三千九起,
洗牙一百二一次. A numeral alone (两万余人, 三百个病例) is a count, not money."""
_EN_WORD_AMOUNT = re.compile(
    rf"\b(?P<num>{EN_NUMBER_WORD}(?:[\s-]+(?:{EN_NUMBER_WORD}|and))*)\s+(?P<unit>dollars?|bucks|grand)\b"
    rf"|\b(?P<num2>{EN_NUMBER_WORD}(?:[\s-]+{EN_NUMBER_WORD})*)\s+(?P<per>an hour|a session|"
    rf"a lesson|a class|per hour|per session|a visit|a month)\b",
    re.IGNORECASE,
)
_SCALE = {
    "k": 1000,
    "w": 10_000,
    "万": 10_000,
    "千": 1000,
    "百": 100,
    "grand": 1000,
    "thousand": 1000,
    "hundred": 100,
}


_BARE_BOTTOM = re.compile(
    r"(?<![\d.,$¥￥])(\d+(?:\.\d+)?)(?=\s?(?:-|–|—|~|～|到|至|to)\s?[$¥￥]?\d+(?:\.\d+)?\s?"
    r"(?:k(?![a-z\d])|w(?![a-z\d])|万|grand\b|thousand\b))",
    re.IGNORECASE,
)
_SCALE_AT_END = re.compile(
    r"\d\s?(k(?![a-z\d])|w(?![a-z\d])|(万|千|grand|thousand)\b)", re.IGNORECASE
)


def money_amounts(text: str) -> list[Amount]:
    """Money amounts in ``text``: digits with a currency sign, unit or scale, and words."""
    return list(_money_amounts(text))


@lru_cache(maxsize=16384)
def _money_amounts(text: str) -> tuple[Amount, ...]:
    # cached: the customer reads the same replies (and their price clauses) in every
    # conversation with a scripted agent
    found: list[Amount] = []
    for m in _DIGIT_AMOUNT.finditer(text):
        if not (m.group("cur") or m.group("unit") or m.group("scale")):
            continue
        scale = m.group("scale")
        if scale and not (m.group("cur") or m.group("unit")) and scale.lower() in ("百", "千"):
            continue  # 两百个病例 is a count, not money; 2千块 has its unit
        value = float(m.group("num").replace(",", ""))
        if scale:
            value *= _SCALE[scale.lower()]
        found.append(Amount(value, m.span()))
    for m in _BARE_BOTTOM.finditer(text):
        # "20-30 grand", "3到5万": the bottom of a range says what it is only through its top
        if not any(a.span[0] <= m.start() < a.span[1] for a in found):
            found.append(Amount(float(m.group(1)), m.span(1)))
    for m in _ZH_AMOUNT.finditer(text):
        value = zh_numeral_value(m.group("num").replace("几", "").replace("半", ""))
        if value:
            value *= 10_000 if m.group("unit").startswith("万") else 1
            value *= 1000 if m.group("unit") == "千块" else 1
            found.append(Amount(value, m.span()))
    for m in _ZH_PRICED.finditer(text):
        group = next(g for g in ("num", "num2", "num3", "num4", "num5") if m.group(g))
        start, end = m.span(group)
        digits = m.group(group)
        value = (
            float(digits)
            if digits[0].isdigit()
            else zh_numeral_value(digits.replace("几", "").replace("半", ""))
        )
        if value and not any(a.span[0] <= start < a.span[1] for a in found):
            found.append(Amount(value, (start, end)))
    for m in _EN_WORD_AMOUNT.finditer(text):
        value = en_number_value(m.group("num") or m.group("num2") or "")
        if value and (m.group("unit") or "").lower() == "grand":
            value *= 1000  # "four grand"
        if value:
            found.append(Amount(value, m.span()))
    kinds: list[Amount] = []
    for a in sorted(found, key=lambda a: a.span):
        kind = amount_kind(text, *a.span)
        if kinds and _RANGE_GAP.fullmatch(text[kinds[-1].span[1] : a.span[0]]):
            kind = kinds[-1].kind  # the top of a range is what its bottom is
        kinds.append(Amount(a.value, a.span, kind))
    for i in range(len(kinds) - 1):
        low, high = kinds[i], kinds[i + 1]
        if not _RANGE_GAP.fullmatch(text[low.span[1] : high.span[0]]):
            continue
        scale = _SCALE_AT_END.search(text[high.span[0] : high.span[1]])
        if scale and not _SCALE_AT_END.search(text[low.span[0] : low.span[1]]):
            # "$3-5k", "45-70 grand": the top's scale is the bottom's too
            scaled = low.value * _SCALE[scale.group(1).lower()]
            if scaled <= high.value:
                low = kinds[i] = Amount(scaled, low.span, low.kind)
        if 0 < low.value * _WIDEST_RANGE < high.value:
            kinds[i] = Amount(low.value, low.span, "vague")
            kinds[i + 1] = Amount(high.value, high.span, "vague")
    return tuple(kinds)


_WIDEST_RANGE = 10
"""A price range whose top is more than ten times its bottom tells a customer nothing they could
budget with ("anywhere from $1 to $10,000"); real quotes span a few times at most (三千到八千,
"$200–$2,000" still counts)."""
