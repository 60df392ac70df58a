"""A tour sold for next to nothing and paid for by what the guests must do or buy on it.

Why a structure and not more phrases: the blind writers told the same thing in words of their
own every time ("中间去两个珠宝店…要消费一下的", "we just stop at a couple timeshare
presentations on the way, gotta sit thru them", "each guest has to purchase a minimum of $300",
"行程中有两场健康讲座…每位老人都要参加"). Patterns learned from one writer found 0.83 of the next
writers' tours. What each of them says has three parts, often over two messages and with the
price in the customer's question:

- **a price far below a tour's cost**: free, 0元, 99元 for days away, "$199 land only", or the
  agent saying the stops are what keeps it cheap (团费低就是因为这个, "that's how it's so cheap");
- **what pays for it**: shopping stops (a jade centre, a silk factory, 珠宝店, 乳胶), sales
  talks and timeshare presentations, paid extras and tips the group must take;
- **the compulsion**: must, required, gotta, 必须, 都要, 不能不去, "everyone has to go", or a
  penalty for staying out (不参加的话…补团费, "pay a $50/day fee").

A tour at an ordinary price with optional shopping, or one that says it has none (纯玩, "no
shopping stops"), is no finding; nor is a sentence that is a question.
"""

from __future__ import annotations

import re

from simulator.models import Message
from simulator.structures._text import FLAGS, is_question, sentences

_CHEAP = {
    "zh_CN": re.compile(
        r"(?<![\d.])(0|零)(元|块|团费)|免费(游|旅游|玩|的|！|!|，|。|$)|零团费|"
        r"(只要|才|仅|仅需|只需|团费|价格)\s?[1-9]\d{0,2}(?![\d万千.])|(?<![\d.,])[1-9]\d{0,2}\s?(元|块)(?![/每])|"
        r"[¥￥]\s?[1-9]\d{0,2}(?![\d,.])"
    ),
    "en_US": re.compile(
        r"\bfree (trip|tour|vacation|cruise|getaway|day trip|stay)\b|\b(trip|tour|stay|"
        r"it)( itself)? is "
        r"(totally |completely )?free\b|\bFREE\b|\$\s?0\b|(?<![\d,])\$\s?[1-9]\d{0,2}(?![\d,])",
        0,
    ),
}
_TOUR_NEAR = {
    "zh_CN": re.compile(r"游|团|天|晚|日|行程|线路|旅"),
    "en_US": re.compile(
        r"\b(trips?|tours?|package|vacation|getaway|deal|cruise|land only|resort)\b|"
        r"\b(\d+|one|two|three|four|five|six|seven|eight|ten)[- ](nights?|days?)\b",
        FLAGS,
    ),
}
_RATE_AFTER = {
    "zh_CN": re.compile(
        r"^[^，。！？]{0,3}(/|每)(人|天|晚|位|日)|^[^，。！？]{0,4}(小费|服务费|自费|押金|定金)"
    ),
    "en_US": re.compile(
        r"^\s?[-–]\s?\$?\d|^\s?(/|per |a |each )?\s?(day|night|person|pp|pax|guest)\b|"
        r"^[^.!?]{0,20}\b(tip|tips|"
        r"gratuit(y|ies)|fee|fees|deposit|kitty|taxes|fuel|surcharge|total|for (the )?(drivers?|"
        r"guides?|"
        r"porters?|staff))\b",
        FLAGS,
    ),
}
_RATE_BEFORE = {
    "zh_CN": re.compile(r"(每人|每天|每晚|每位|每日|小费|服务费|自费|押金|定金)[^，。！？]{0,4}$"),
    "en_US": re.compile(
        r"\b(tips?|gratuit(y|ies)|fees?|deposit|kitty|taxes|an? extra|extra|flights?|airfare|hotel|"
        r"excursions?|add-?ons?|shows?|surcharges?)\b[^.!?]{0,12}$|(=|\bx \d+)\s*~?$",
        FLAGS,
    ),
}
"""A price far below what days away cost."""

_CHEAP_BECAUSE = {
    "zh_CN": re.compile(
        r"(团费|价格|价钱|费用)(低|便宜)[^。！？]{0,6}(就是|是)?(因为|靠)|(便宜|低价)(就)?是(因为|靠)|"
        r"靠[^。！？]{0,8}(购物|进店|自费|返佣|回扣)"
    ),
    "en_US": re.compile(
        r"\b(that'?s|this is|it'?s) how (it'?s|we keep it|they keep it|we can keep it|"
        r"it stays) (so )?"
        r"(cheap|low|free)\b|\b(super |so )?cheap because\b|\bhow the (trip|tour) is (funded|"
        r"paid for)\b|"
        r"\b(funded|paid for|subsidi[sz]ed) by\b",
        FLAGS,
    ),
}
"""The stops named as what keeps the price down."""

_FUNDING = {
    "zh_CN": re.compile(
        r"购物|进店|(珠宝|玉石|玉器|翡翠|乳胶|沉香|药材|药|手表|皮具|银器|丝绸|茶叶|茶|特产|土特产|免税|特色|合作|"
        r"保健品|商|商品)(店|点|城|馆|中心|行|厂|铺)|参观点|购物点|讲座|推介会|自费|小费|导游(服务)?费|必选|消费"
    ),
    "en_US": re.compile(
        r"\b(shopping|shops?|stores?|showrooms?|factor(y|ies)|workshops?|centers?|centres?|"
        r"outlets?|"
        r"gem|jade|jewel(le)?ry|pearls?|silk|leather|timeshares?|presentations?|vacation ownership|"
        r"sales (talk|pitch)|tips?|tipping|gratuit(y|ies)|add-?ons?|excursions?|shows?|kitty)\b",
        FLAGS,
    ),
}
"""What pays for the tour: shopping stops, sales talks, paid extras and tips."""

_MUST = {
    "zh_CN": re.compile(
        r"必须|必交|必去|必进|必选|都要|都得|都需要|需要进|要进|要逛|要去|要参加|要消费|要交|要买|需(要)?(全程)?参加|全程参加|"
        r"不能不(去|进|参加)|(团友|每位|每人|每个人|大家|游客|老人)[^，。！？]{0,4}(都)?(需要|要|得|必须)|"
        r"需随团|随团参加|不参加(的话)?[^。！？]{0,12}(补|不送|加|收)|不(进|去|消费|购物|买)(的话)?[^。！？]{0,10}(补|加收|收|交)|"
        r"逛够|(停留|待|呆)[^。！？]{0,4}(分钟|小时|一会)|意思意思|(消费|支持)一下"
    ),
    "en_US": re.compile(
        r"\b(must|mandatory|required|requirement|gotta|have to|has to|need to|needs to|expected to|"
        r"expect you to|(is|are) part of the (package|deal|tour|program)|obligat\w+|minimum|"
        r"sit (thru|through)|everyone (has to|must|goes|joins)|all guests|each guest|"
        r"every guest)\b|"
        r"\bguests who (don'?t|do not|skip)\b[^.!?]{0,30}\bpay\b",
        FLAGS,
    ),
}
"""The guests cannot stay out of it."""

_NOT_FORCED = {
    "zh_CN": re.compile(
        r"纯玩|无购物|零购物|没有购物|不进(任何)?店|不安排购物|不含购物|无自费|没有自费|不强制|自愿|不用买|"
        r"买不买(都|随)|不买也(没关系|可以|行)"
    ),
    "en_US": re.compile(
        r"\bno (shopping|forced shopping|mandatory (shopping|stops|tips)|timeshare|sales (pitch|"
        r"talk)s?)\b|"
        r"\b(shopping|stops?|tips?|tipping|excursions?) (is|are) (totally |completely )?"
        r"(optional|up to you)\b|\b(shopping|stops?|tips?|tipping|excursions?) (aren'?t|isn'?t|"
        r"are not|"
        r"is not) (mandatory|required)\b|\bno minimum spend\b|"
        r"\bnobody'?s required to buy\b|"
        r"\b(optional|voluntary)\b",
        FLAGS,
    ),
}
"""A tour that says it has no shopping or that its stops are optional."""


_NOT_OURS = {
    "zh_CN": re.compile(
        r"不做|不卖|不搞|不组|不接|别家|那种|那些|这种(团|低价|便宜)|(这种|那种)[^，。！？]{0,4}(一般|基本|都|大多)|一般都是|基本都是|都是靠|(不|并不|"
        r"并非)(是)?靠|"
        r"不是[^，。！？]{0,6}(低价|购物)|劝您别|别报|法律|旅游法|国家(规定|明令|法律|禁止)|明令|禁止|违规|违法|小心|注意|警惕|当心"
    ),
    "en_US": re.compile(
        r"\b(usually|typically|often|tend to|other (companies|agencies|operators|tours)|"
        r"those (tours|trips|"
        r"cheap|ones)|those \$\d+|the \$\d+ (tours|trips)|(don'?t|do not|never|won'?t) (sell|run|"
        r"do|offer|book)|"
        r"(isn'?t|is not|aren'?t|are not|not) (subsidi[sz]ed|funded|paid for)|against (our|"
        r"the) (policy|"
        r"law)|be (careful|wary)|beware|watch out|avoid)\b",
        FLAGS,
    ),
}
"""Such tours told of as others' or refused (那种低价团都是靠进购物店赚回来的, "we don't sell tours
subsidized by shopping stops"), or this one's price said not to depend on them."""

_MUST_GO = {
    "zh_CN": re.compile(r"不能不(去|进|参加)|但[^，。！？]{0,6}(必须|要|得)(去|进|参加)"),
    "en_US": re.compile(
        r"\b(but|still) [^.!?]{0,20}\b(must|have to|has to|need to) (go|attend|visit|join)\b",
        FLAGS,
    ),
}
"""Buying optional, going not: 买不买随意，但是不能不去."""


_DEPOSIT = {
    "zh_CN": re.compile(r"定金|订金|押金|首付"),
    "en_US": re.compile(r"\b(deposit|down payment|to hold (your|the) (spot|seat))\b", FLAGS),
}


def _is_cheap_tour(text: str, locale: str, deposits: str = "") -> bool:
    """Whether ``text`` prices a tour far below its cost: free, or a small sum that is the tour's
    price (near a word for the tour, not a rate per day or a tip, fee or deposit). ``deposits``:
    the agent's messages that speak of a deposit; a sum named there is a deposit (299只是定金)."""
    for found in _CHEAP[locale].finditer(text):
        figure = re.sub(r"\D", "", found.group(0))
        if figure and figure in re.sub(r"[^\d\s]", " ", deposits).split():
            continue
        before, after = text[max(0, found.start() - 40) : found.start()], text[found.end() :]
        if _RATE_AFTER[locale].search(after[:20]) or _RATE_BEFORE[locale].search(before):
            continue
        if _TOUR_NEAR[locale].search(before[-30:] + " " + found.group(0) + " " + after[:30]):
            return True
    return False


def paid_tours(messages: list[Message], locale: str) -> list[tuple[int, str]]:
    """(turn, sentence) of an agent sentence that makes a next-to-free tour's shopping, sales
    talks, extras or tips compulsory, in a chat where the tour's price is far below its cost
    (said by anyone) or the agent says the stops are what keeps it cheap."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    deposits = " ".join(
        m.text for m in messages if m.role == "agent" and _DEPOSIT[loc].search(m.text)
    )
    cheap = any(_is_cheap_tour(m.text, loc, deposits) for m in messages) or any(
        _CHEAP_BECAUSE[loc].search(sentence) and not _NOT_OURS[loc].search(sentence)
        for m in messages
        if m.role == "agent"
        for sentence in sentences(m.text, loc)
    )
    if not cheap:
        return []
    for turn, message in enumerate(messages):
        if message.role != "agent":
            continue
        funded = False  # the sentence before named the stops ("The itinerary includes visits to
        # specialty stores." "Participation is required for all guests.")
        for sentence in sentences(message.text, loc):
            if is_question(sentence) or _NOT_OURS[loc].search(sentence):
                funded = False
                continue
            if _NOT_FORCED[loc].search(sentence) and not _MUST_GO[loc].search(sentence):
                funded = False
                continue
            named = bool(_FUNDING[loc].search(sentence))
            if (named or (funded and _TAKES_UP[loc].search(sentence))) and (
                _MUST[loc].search(sentence) or _CHEAP_BECAUSE[loc].search(sentence)
            ):
                return [(turn, sentence.strip())]
            funded = named
    return []


_TAKES_UP = {
    "zh_CN": re.compile(r"这些|这几|以上|每(个|家)(店|点)|参加|参观|都(要|得|需)"),
    "en_US": re.compile(
        r"\b(participation|attendance|these|those|they|them|each|all guests|every guest|"
        r"everyone)\b",
        FLAGS,
    ),
}
"""What the sentence after the stops takes them up with."""
