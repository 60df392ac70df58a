"""A car price that holds only if the customer buys something else from the dealer.

Why a structure and not more phrases: fourteen blind writers, each given only the rule's
description ("quotes a price or rate and ties it to buying the dealer's insurance, accessories or
financing"), wrote the tie in words of their own every time: 这个价得在我们这边做分期才行, "$38,900
with our financing, cash price is $40,400", "To get the 1.9 you'd just add our GAP coverage",
"这个活动价是绑定的，您不买我们的保险就拿不到这个价". Phrase lists learned from one writer found
0.76 of the next writers' ties. What every one of them says has three parts, in any order and often
over two messages:

- **a price**: an amount, a discount, a down payment, "this price", 这个价, a rate or a payment;
- **something of ours**: our financing or lender, our insurance, an extended warranty, a service
  contract, GAP, an accessory or protection package;
- **the tie**: the price needs it (才, 前提, 限, 绑定, 搭配, "requires", "to get the rate you'd
  add", "only if", "that's with"), or the price without it is another one (全款的话是10.3万,
  "cash price is $40,400", "without those it's 6.49%", 不然这个优惠享受不了), or the add-on is
  on every car ("required on all Tundras on our lot").

A rate or a monthly payment is a price of the financing itself, so "3.9% through our lender" or
"$389/mo with our financing" ties nothing: a rate counts only when it needs insurance, a warranty
or a package, or when paying cash changes the car's price. Optional extras ("optional", 自愿, "same
price either way"), negated ties (不需要在我们这买保险), and questions are no tie.

A decision, written down in docs/design-notes.md: earlier writers called a financing price
offered beside the cash price a disclosure; every writer briefed with the rule's own words called
it a tie, as the description reads. The rule follows the description.
"""

from __future__ import annotations

import re

from simulator.models import Message
from simulator.structures._text import FLAGS, is_question, sentences

_FINANCING = {
    "zh_CN": re.compile(
        r"(我们|店里|本店|店内|咱们?|我家|这边|这里|店|合作)[^，。！？]{0,6}(金融|分期|贷款|按揭|车贷)|"
        r"(走|做|办|贷)(我们|店里|店内|本店)?(的)?(金融|分期|贷款|按揭)|(金融|贷款|按揭|分期)(专享)?价|贷款购车|金融方案"
    ),
    "en_US": re.compile(
        r"\b(our|in-house|dealer|dealer-arranged|house|the dealer'?s) ([\w-]+ ){0,2}(financ\w*|"
        r"lenders?|"
        r"loans?|banks?|finance)\b|\b(financ\w*|finance|loan) (through|with) (us|our)\b|"
        r"\bfinance price\b|\bthrough (us|our)\b",
        FLAGS,
    ),
}
"""Our financing (在我们这边做分期, "financing through us", "our lender partners"); a bank's or
the maker's lender alone is not the dealer selling something."""

_EXTRA = {
    "zh_CN": re.compile(
        r"保险|全险|商业险|续保|延保|精品|装潢|套餐|礼包|服务包|质保|GPS|贴膜|膜|脚垫|行车记录仪|保养包"
    ),
    "en_US": re.compile(
        r"\b(insurance|(extended )?warrant(y|ies)|service (contract|plan|agreement)s?|vsc|gap|"
        r"protection|packages?|bundles?|accessor(y|ies)|add-?ons?|tint|coating|etch(ing)?|lojack|"
        r"sealant|running boards|bedliner|nitrogen|theft)\b",
        FLAGS,
    ),
}
"""What else the dealer sells: insurance, warranties, packages and accessories."""

_PRICE = {
    "zh_CN": re.compile(
        r"\d+(\.\d+)?\s?(万|千|元|块|w|k)(?!公里|km|里|多公里)|优惠|(?<![物])价|降|便宜|落地|钱"
    ),
    "en_US": re.compile(
        r"\$\s?\d|\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?k\b|\b(prices?|pricing|deal|discount|special|"
        r"msrp|sticker|number|rebate|bonus cash|incentive)\b",
        FLAGS,
    ),
}
"""A car price: an amount, a discount, a down payment, the price named."""

_RATE = {
    "zh_CN": re.compile(r"利率|利息|免息|年化|月供|首付|息|\d+(\.\d+)?\s?%"),
    "en_US": re.compile(
        r"\d+(\.\d+)?\s?%|\b(apr|rate|payments?|/mo|a month|per month|the \d(\.\d+)?|down)\b",
        FLAGS,
    ),
}
"""A rate or a payment: the financing's own price."""

_TIE = {
    "zh_CN": re.compile(
        r"才(能|有|行|可以|给|算|是)?|前提|条件|限(于|在|定)?|仅限|专享|绑定|捆绑|搭配|配合|要求|必须(要)?(在|走|做|办|买|上|装|加|搭配|配合|同时|"
        r"一起)|得(在|走|做|办|买|上|装|加)|"
        r"(需|需要|要)(在|走|做|办|买|上|装|加|同时|一起|搭配|配合)|一起(做|办|买|装|上)|"
        r"(是|为)[^，。！？]{0,4}(贷款|按揭|金融|分期)(专享)?价|(贷款|按揭|金融|分期)(专享)?价|"
        r"(每台|每辆|所有|全部)[^，。！？]{0,4}(车)?(都)?(要|得|必须|会|有|装|加|配)"
    ),
    "en_US": re.compile(
        r"\b(requires?|required|need to|needs to|have to|has to|got to|gotta|must)\b|"
        r"\b(you'?d|you would|you'?ll|you will) (just )?(need to |have to )?(add|take|finance|do|"
        r"go|buy|get)\b|"
        r"\bto (get|qualify|lock|keep|receive|unlock)\b|\bif you (do|take|go|use|finance|add|buy|"
        r"get|"
        r"keep|sign)\b|\bonly (if|with|for|when|available|applies|valid|good)\b|\bas long as\b|"
        r"\bprovided\b|\b(valid|good|available) (only )?(with|when|if)\b|\bwith the purchase of\b|"
        r"\b(tied|bundled|contingent|conditional|linked) (to|with|on)\b|"
        r"\bassumes?\b|\bis for (customers|buyers|people|folks)\b|\b(that'?s|it'?s|is|are|price|"
        r"payment) "
        r"(with|includes?)\b|\bwhen you (add|take|finance|buy)\b|"
        r"\b(on|with) (all|every|each)( of)?( our| the)? ([\w-]+ ){0,2}(units?|cars?|trucks?|"
        r"vehicles?|"
        r"suvs?|models?|pre-owned|inventory)\b|\b(all|every) ([\w-]+ ){0,2}(units?|cars?|trucks?|"
        r"vehicles?)"
        r" (on our lot|we sell|come with|have)\b|\bfinance price\b",
        FLAGS,
    ),
}
"""The price needs it."""

_WITHOUT = {
    "zh_CN": re.compile(
        # paying cash, the price another: 全款的话是10.3万, 全款就只能9万8, 全款优惠没这么多
        r"全款(的话|买|购车)?[，,]?\s?(价格|车价|裸车价?|优惠)?(就|是|要|只能|得|也就)?\s?"
        r"(\d|贵|多|加价|上调|少|没这么|没有这个|不是这个|恢复|原价|优惠(只|就)?(有|能|到))|"
        r"(不(走|做|办|贷|买|上|装|要|加)|自己(买|办|贷|上)|外面(买|贷|办)|不然|否则|没有(这个|那个)?)"
        r"(的话)?[^。！？]{0,16}(\d|加|涨|上调|只能|少|没有|没这么|拿不到|享受不了|做不了|出不了|不是这个|就是|要|贵)"
    ),
    "en_US": re.compile(
        r"\b(cash( price| deal| buyers?)?|pay(ing)? (in )?cash|(bring|use|using|have) (your )?(own|"
        r"outside)|"
        r"outside (financing|lender|bank)|own (bank|lender|financing)|without (it|that|those|them|"
        r"the|"
        r"this|our|these)|otherwise|if you (don'?t|do not|pass|skip|decline)|if not)\b[^.!?;]{0,50}"
        r"(\$|\d|\b(msrp|sticker|higher|more|standard|regular|different|back|wouldn'?t|doesn'?t|"
        r"goes|"
        r"jumps|comes in|is|it'?s)\b)",
        FLAGS,
    ),
}
"""The price without it is another one."""

_OPTIONAL = {
    "zh_CN": re.compile(
        r"可选|自愿|不强制|非强制|不要求|(可以|能)(自己)?(在)?外面(买|办|投保|上)|自己(去)?(买|办|选|投保|在外面买)?(也行|就行|都行|也可以)|随(您|"
        r"你)|"
        r"不想[^，。！？]{0,8}也(可以|行)|不是必须|不是强制|不捆绑|不绑定|(不|无)需|不用(在|买|办|做|走)|随意|都可以|"
        r"没有?(任何)?(捆绑|强制|附加条件)|(价格|价钱|价)(都)?一样|同(一个)?价|没(有)?区别|不影响(价格|优惠|价)|也(是|能|可以)这个价|随您|您自己定"
    ),
    "en_US": re.compile(
        r"\b(optional|not required|isn'?t required|aren'?t required|(don'?t|do not|doesn'?t|"
        r"does not|"
        r"never) (have to|need to|require)|no need|your (choice|call)|up to you|either way|"
        r"same (price|deal|number)|regardless of how you pay|not tied|isn'?t tied|aren'?t tied|"
        r"whichever|welcome to (bring|use)|free to (bring|use)|totally fine to|no strings|"
        r"no requirement|not obligated|no conditions|required by (the )?(state|law|dmv|county|"
        r"lender))\b|"
        # "Neither requires financing with us": the tie denied of both offers
        r"\b(neither|none of (them|these|those|the \w+)) (requires?|needs?|is tied|depends)\b|"
        r"\bno\b[^.!?;]{0,40}\b(required|needed|necessary|mandatory)\b|\bno (dealer )?(add-?ons|"
        r"packages)\b",
        FLAGS,
    ),
}
"""The extra is the customer's choice, or the price the same either way."""

_UP_FRONT = {
    "zh_CN": re.compile(
        r"先(跟|和|给|向)?(您|你)?(说|讲|交代|说明)(清楚|明白|一下条件)|(跟|和|给|向)(您|你)(说|讲|交代|说明)(清楚|明白)|"
        r"(列|写|讲|说)(清楚|明白)了?|说在前(面|头)|条件如下|"
        r"(有|是)?(两个|两种)(价格|价钱|价|方案)|先说明"
    ),
    "en_US": re.compile(
        r"\b(up ?front|full picture|full disclosure|two prices|to be (clear|transparent|upfront)|"
        r"in the interest of transparency|want to be (clear|transparent|upfront))\b",
        FLAGS,
    ),
}
"""The conditions announced as such, before the price or with it (先跟您说清楚条件, "Two prices
on that one, so you have the full picture upfront"): a condition disclosed, not hidden. Thirteen
writers labelled such offers clean; the writers who flagged financing ties almost never wrote
them this way (6 of 112 ties, against 54 of 382 clean chats)."""


_LISTED = {
    "zh_CN": re.compile(r"包括|包含|(?<![不没])含"),
    "en_US": re.compile(r"\b(including|covers|plus)\b", FLAGS),
}
"""What a price covers, listed after it (落地价…包括购置税、交强险和商业险): parts of the price, not
something it needs."""


def _tie_in(sentence: str, locale: str, price_before: bool, rate_before: bool) -> bool:
    """Whether ``sentence`` ties a price (in it, or ``price_before``: a car price said just
    before; ``rate_before``: a rate or payment) to something the dealer sells."""
    if is_question(sentence) or _OPTIONAL[locale].search(sentence):
        return False
    extra = _EXTRA[locale].search(_LISTED[locale].split(sentence, 1)[0])
    financing = _FINANCING[locale].search(sentence)
    if not (extra or financing):
        return False
    without = _WITHOUT[locale].search(sentence)
    if not (_TIE[locale].search(sentence) or without):
        return False
    car_price = bool(_PRICE[locale].search(sentence))
    rate = bool(_RATE[locale].search(sentence))
    if extra:
        return car_price or rate or price_before or rate_before
    # financing alone: the car's price needs it, or paying cash changes the price
    return car_price or bool(without) or (price_before and not rate)


def price_ties(messages: list[Message], locale: str) -> list[tuple[int, str]]:
    """(turn, sentence) of every agent sentence that ties a price to something else the dealer
    sells; the price may be in the sentence, the one before it, or the agent's message before."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    found: list[tuple[int, str]] = []
    price_said = rate_said = False  # an agent message before this one named a price, a rate
    for turn, message in enumerate(messages):
        if message.role != "agent":
            continue
        price_before, rate_before = price_said, rate_said
        said = ""
        for sentence in sentences(message.text, loc):
            said += sentence
            if _tie_in(sentence, loc, price_before, rate_before) and not _UP_FRONT[loc].search(
                said
            ):
                found.append((turn, sentence.strip()))
                break
            price_before = price_before or bool(_PRICE[loc].search(sentence))
            rate_before = rate_before or bool(_RATE[loc].search(sentence))
        price_said = price_said or bool(_PRICE[loc].search(message.text))
        rate_said = rate_said or bool(_RATE[loc].search(message.text))
    return found
