"""The rules reader: offline, deterministic, and independent of any agent's vocabulary.

A need counts as answered when a clause of the reply carries information of the need's type
(an amount for a price, a weekday for a schedule, steps for a process ...) and is about *that*
question: the one the customer just asked, or one whose subject the clause names (subject words
come from the customer's own question, never from hidden answer phrases). Topic words without
information do not answer. Persona hint phrases, where an author wrote some, are one more path,
never the only one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from simulator.reading._acts import (
    call_offer,
    contact_after_leave,
    contact_ask,
    contact_purpose,
    empathy,
    find_act,
    offer_to_reach,
    permission_to_contact,
    pressure,
    promise,
    purpose_near_ask,
)
from simulator.reading._deferral import deferral
from simulator.reading._model import Act, Flag, NeedView, ReadContext, Reading
from simulator.reading._numbers import ZH_NUMERAL, amount_kind, money_amounts
from simulator.reading._surface import (
    READ_LIMIT,
    fragments,
    is_unreadable,
    surface_flags,
    unread,
    visible,
)
from simulator.reading._types import BRAND, amount_off, compiled, information

_TITLES = ("Dr", "Mr", "Ms", "Mrs", "Mx", "Prof", "vs")
_CLAUSE_EN = re.compile(
    "".join(rf"(?<!\b{title}\.)" for title in _TITLES)
    + r"(?<=[.!?;])\s+|\n+|(?<=:)\s+(?=\S)|\s+[-–—]\s+|(?<=\))\s+(?=[A-Z])"
)
"""Sentence ends, but not the full stop of a title ("Dr. Patel will call", "Ms. Ortiz")."""
_CLAUSE_ZH = re.compile(r"(?<=[。！？!?；;])|\n+")
_REQUEST = re.compile(
    r"\W*(tell|let|please|could you|can you|would you|share|send|请|您说|说说|告诉|麻烦|您可以先)",
    re.IGNORECASE,
)
"""A request to the customer ("tell us about your situation") tells it nothing."""
_SUBCLAUSE = re.compile(r"(?:,(?!\d{3}\b)|[，、;；])\s*|\s+(?:and|but|while|whereas)\s+")
_QUESTION = re.compile(r"[?？]\s*\W*$|吗\W*$|呢\W*$")

_EN_STOP = frozenset(
    [
        "how",
        "much",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "why",
        "the",
        "a",
        "an",
        "you",
        "your",
        "yours",
        "i",
        "my",
        "me",
        "we",
        "our",
        "us",
        "can",
        "could",
        "will",
        "would",
        "should",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "for",
        "of",
        "to",
        "in",
        "on",
        "with",
        "any",
        "there",
        "much",
        "many",
        "long",
        "usually",
        "actually",
        "kind",
        "right",
        "now",
        "get",
        "got",
        "about",
        "like",
        "be",
        "been",
        "have",
        "has",
        "had",
        "if",
        "or",
        "and",
        "at",
        "per",
        "one",
        "some",
        "really",
        "just",
        "think",
        "so",
        "way",
        "also",
        "please",
        "thanks",
        "thank",
        "ok",
        "okay",
        "hi",
        "hello",
        "hey",
        "still",
        "even",
        "ever",
        "more",
        "most",
        "less",
        "than",
        "then",
        "them",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "him",
        "it's",
        "i'm",
        "i've",
        "don't",
        "doesn't",
        "isn't",
        "won't",
        "did",
        "does",
        "doing",
        "need",
        "want",
        "know",
        "tell",
        "let",
        "there's",
        "what's",
        "cost",
        "costs",
        "price",
        "charge",
        "rate",
        "rates",
        "available",
        "anyone",
        "someone",
        "something",
        "thing",
        "things",
        "time",
        "times",
        "take",
        "takes",
        "able",
        "go",
        "going",
        # verbs of costing and coming say no more which question a clause answers than "cost"
        # and "go" do ("Invisalign runs $4,500" is no implant price, "when you come in" no test
        # drive)
        "run",
        "runs",
        "come",
        "comes",
        "coming",
        # prepositions place a subject, they do not name one ("classes after work", "home
        # around 9")
        "after",
        "before",
        "around",
        "until",
        "from",
        "between",
        "during",
        "difference",
        "differences",
    ]
)
_EN_STOP = _EN_STOP | frozenset(
    [
        "kid",
        "kids",
        "child",
        "children",
        "most",
        "see",
        "usually",
        "work",
        "fast",
        "old",
        "people",
        "well",
        "good",
        "new",
        "sure",
        "week",
        "weeks",
        "session",
        "sessions",
        "day",
        "days",
        "month",
        "months",
        "year",
        "years",
        "one",
        "two",
        "not",
        "no",
        "yes",
        "though",
        "although",
        "make",
        "made",
        "call",
        "because",
        "asking",
        "ask",
        "asked",
        "close",
        "use",
        "uses",
        "roughly",
        "first",
        "last",
        "then",
        "also",
        "only",
        "very",
        "too",
        "would",
        "should",
        "could",
        "might",
        "many",
        "lot",
        "lots",
    ]
)
"""Words too common across a persona's questions to say which question a clause is about."""
_ZH_FILLER = re.compile(
    r"(请问|多少钱|多少|怎么样|怎么|什么|可以|能不能|能|吗|呢|吧|啊|呀|哦|嘛|一般|大概|大约|你们|我们|"
    r"我|你|您|他|她|的|了|是|有没有|没有|有|要|会|还|都|就|也|这个|那个|这种|那种|一下|一个|一颗|"
    r"具体|现在|平时|情况|问题|想|问|看|给|做|去|在|和|跟|对|为|让|把|被|得|着|过|些|哪|几)"
)
_ZH_STOP_BIGRAMS = frozenset({"时间", "费用", "价格", "区别", "差别", "不同"})
"""Common words that name no question (a comparison asked, 有什么区别, says nothing of what is
compared)."""


@cache
def topic_terms(asks: tuple[str, ...], locale: str) -> tuple[str, ...]:
    """Subject words of a need, taken from the customer's own ways of asking it."""
    terms: list[str] = []
    for ask in asks:
        text = re.sub(r"\{[^}]*\}", " ", ask).lower()
        if locale == "zh_CN":
            for run in re.findall(r"[\u4e00-\u9fff]+", _ZH_FILLER.sub(" ", text)):
                pairs = [run[i : i + 2] for i in range(len(run) - 1)]
                # a pair reaching into a known common word ("课时" of 上课时间) crosses a word
                # boundary: it names nothing the customer said
                terms.extend(
                    pair
                    for i, pair in enumerate(pairs)
                    if not (i + 1 < len(pairs) and pairs[i + 1] in _ZH_STOP_BIGRAMS)
                    and not (i and pairs[i - 1] in _ZH_STOP_BIGRAMS)
                )
            terms.extend(w for w in re.findall(r"[a-z]{3,}", text))
        else:
            for word in re.findall(r"[a-z][a-z'-]+", text):
                if word not in _EN_STOP and len(word) >= 3:
                    terms.append(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    for ask in asks:
        for pattern, same in _SAME_SUBJECT[locale]:
            if pattern.search(ask.lower()):
                terms.extend(same)
    return tuple(t for t in dict.fromkeys(terms) if t not in _ZH_STOP_BIGRAMS)


_SAME_SUBJECT = {
    "en_US": (
        (
            re.compile(r"\balone\b"),
            (
                "alone",
                "on his own",
                "on her own",
                "on their own",
                "by himself",
                "by herself",
                "by themselves",
                "solo",
                "unaccompanied",
                "without you",
                "without a family",
            ),
        ),
    ),
    "zh_CN": (
        (re.compile(r"一个人|单独|自己去|自己来"), ("一个人", "自己来", "自己去", "单独", "独自")),
    ),
}
"""Other ways of saying the subject a customer asks about, so that a question put one way is
found answered another ("can she go alone?" – "she's welcome to come on her own")."""


_ALTERNATIVE = re.compile(r"^\s*(还是|或者|或是|or\b)", re.IGNORECASE)
"""The last choice of a question listing options ("…几何、函数，还是计算？", "…or evenings?")."""
_ASKING = re.compile(
    r"哪|什么|多少|几[点个次天]|怎么|是否|\b(which|what|how|whether)\b", re.IGNORECASE
)


_ASKS_THE_CUSTOMER = re.compile(
    r"^\W*((could|can|would|will) you\b|(what|which|how|where|when|who)\b[^,]*\b(you|your)\b)|"
    r"^\W*(请问|方便说)|^\W*(您|你)[^，,]{0,8}(哪|什么|多少|几|怎么|是否)|^\W*(比如|例如)",
    re.IGNORECASE,
)
"""A question that opens by asking the customer: its options and details are asked about, not
told ("What would you like to improve - lines and wrinkles, volume, spots?", 比如种植牙、洗牙，
或者是哪里不舒服？)."""


def _whole_questions(parts: list[str]) -> list[str]:
    """``parts`` with a question the clause splitter cut at a dash put back together ("What
    would you like to improve" + "lines and wrinkles, volume, or hair removal?"): its options are
    asked about, not told."""
    joined = list(parts)
    ended = re.compile(r"[.!?。！？]\s*$")
    for i, part in enumerate(parts):
        if not _ASKS_THE_CUSTOMER.search(part) or ended.search(part):
            continue
        for j in range(i + 1, min(i + 4, len(parts))):
            if _QUESTION.search(parts[j]):
                joined[j] = " - ".join(parts[i : j + 1])
                joined[i:j] = [""] * (j - i)
                break
            if ended.search(parts[j]):
                break
    return joined


def _statement_part(clause: str) -> str:
    """The clause without its closing question: "周末可以，要我帮您占着吗？" keeps its answer.

    A question that lists options ("主要是哪一块吃力——几何、函数，还是计算？") is one question
    throughout: the options before its "还是" are asked about, not told.
    """
    if not _QUESTION.search(clause):
        return clause
    parts = _SUBCLAUSE.split(clause)
    if len(parts) > 2 and _ALTERNATIVE.match(parts[-1]) and _ASKING.search(parts[0]):
        return ""
    if len(parts) > 1 and _ASKS_THE_CUSTOMER.search(parts[0]):
        return ""  # "Could you tell me what kind of issue it is - a landlord, a contract…?"
    return "，".join(parts[:-1]) if len(parts) > 1 else ""


def _without_contact_ask(clause: str, locale: str) -> str:
    """The clause without the part that asks for the customer's contact (never an answer)."""
    if contact_ask(clause, locale) is None:
        return clause
    parts = [p for p in _SUBCLAUSE.split(clause) if p and contact_ask(p, locale) is None]
    return ("，" if locale == "zh_CN" else ", ").join(parts)


def _without_pressure(clause: str, locale: str) -> str:
    """The clause without its parts that push for a decision by a date."""
    parts = [p for p in _SUBCLAUSE.split(clause) if p and not pressure(p, locale)]
    return ("，" if locale == "zh_CN" else ", ").join(parts)


def _without_not_mine(clause: str, locale: str) -> str:
    """The clause without the part saying the decision is someone else's."""
    if not _NOT_MINE[locale].search(clause):
        return clause
    parts = [p for p in _SUBCLAUSE.split(clause) if p and not _NOT_MINE[locale].search(p)]
    return ("，" if locale == "zh_CN" else ", ").join(parts)


@cache
def _rivals_of_type(needs: tuple[NeedView, ...], key: str, need_type: str) -> tuple[str, ...]:
    """The other needs that also ask for information of ``need_type``."""
    return tuple(n.key for n in needs if n.key != key and need_type in n.types)


_DISCOUNT_ASK = re.compile(
    r"优惠|便宜|打折|折扣|补贴|团购|特价|活动|\b(discounts?|rebates?|incentives?|specials?|deals?|cheaper|"
    r"coupons?|promo\w*|do (any )?better)\b",
    re.IGNORECASE,
)


@cache
def is_discount_need(need: NeedView) -> bool:
    """A money need about deals ("Any rebates right now?", "有没有优惠？"), told by most of its
    asks: an amount off (立减五百, "a $1k trade assist") answers it and is not the price of
    anything."""
    deals = sum(bool(_DISCOUNT_ASK.search(ask)) for ask in need.asks)
    return "money" in need.types and deals * 2 > len(need.asks)  # "financing specials" is one ask


@cache
def _rivals(needs: tuple[NeedView, ...], key: str) -> tuple[str, ...]:
    """The other needs that ask for the same kind of information as need ``key``."""
    types = set(next(n.types for n in needs if n.key == key))
    return tuple(n.key for n in needs if n.key != key and types & set(n.types))


_FAULT_ASK = re.compile(
    r"\b(fault|blame|responsib\w*|who did)\b|\b(dentist|doctor)\b.{0,25}\b(material|still)\b|"
    r"责任|谁的错|(医生|大夫).{0,6}(问题|还在)",
    re.IGNORECASE,
)
_FAULT = {
    "en_US": re.compile(
        r"\b(that'?s|it'?s|this is|that was|it was) (on us|our (fault|mistake|error|bad)|"
        r"on our end)\b|\b(our|my) (fault|mistake|error|bad)\b|\bwe (should'?ve|should have|"
        r"messed up|dropped the ball|made a mistake)\b|"
        r"\b(the (same )?(dentist|doctor|dr\.?)( \w+)?|dr\.? \w+),? who did (it|your|the)\b[^.;!?]*"
        r"\b(still|here|left|no longer)\b|"
        r"\b(he|she)'?s? (still|no longer) (here|with us|on staff)\b|"
        # the fault put on the customer, however rudely: "That's definitely not on us, you probably
        # didn't follow the aftercare instructions"
        r"\b(that'?s|it'?s|this is|that is|it is) (definitely |certainly |really )?not (on us|our "
        r"(fault|mistake|problem))\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(是|算|属于)?我们的(问题|责任|错|失误|疏忽|过错)|我们(沟通|做得|处理得?)?(不到位|没做好|有疏忽|失误)|"
        r"沟通不到位|怪我们|(责任|问题)(在|归)(我们|医院|诊所|医生|材料)|(原来|之前|当时)(给您做|做)?的.{0,3}(医生|大夫)|"
        r"(医生|大夫)(还在|已经离职|离职了|不在了)|"
        # the fault put on the customer: 这个跟我们医生没关系，是您自己咬硬东西咬坏的
        r"(跟|和)我们[^，。！？]{0,4}没(有)?关系|不是我们的(问题|责任|错)|是(您|你)自己[^，。！？]{0,10}(的|坏|弄|造成)"
    ),
}
"""Whose fault it is, or whether the one who did it is still there: what a complaint about a
treatment asks, said by the agent."""


_RATE = {
    "zh_CN": re.compile(
        r"[一二两三四五六七八九\d]+成(?![绩功年])|\d+(\.\d+)?\s?%|免息|零利率|0利率|贴息|年化|利率[^，。！？]{0,4}"
        r"[\d一二三四五六七八九]"
    ),
    "en_US": re.compile(
        r"\b\d+(\.\d+)?\s?% (apr|interest|down)\b|\b(0|zero)\s?% (financing|apr|interest)\b|"
        r"\b\d+(\.\d+)?\s?% for \d+ months\b",
        re.IGNORECASE,
    ),
}
"""A share or a rate: the information a question about a loan or a down payment asks for."""
_RATE_WORDS = re.compile(
    r"首付|利息|利率|贷款|分期|免息|financ|apr|interest|down ?payment|loan|rate", re.I
)


@cache
def _asks_rate(terms: tuple[str, ...]) -> bool:
    """Whether a money need's own words are about a loan or a down payment, not a price.
    Cached: asked for every clause of every reply to that need."""
    return any(_RATE_WORDS.search(term) for term in terms)


_DOER_ASK = re.compile(
    r"\bwho('s| is| will| would)?\b[^?]{0,30}\b(do|does|doing|fix|fixes|treat|treats|perform|"
    r"performs|teach|teaches|handle|handles)\b|(谁|哪个|哪位)[^？?]{0,6}(做|弄|操作|主刀|治|处理|教|带)",
    re.IGNORECASE,
)
_DOER = {
    "en_US": re.compile(
        r"\b(done|performed|administered|handled|carried out|treated|injected|taught|fixed|"
        r"redone) by\b|\b(dr\.?|doctor|nurse) [A-Z][a-z]+( [A-Z][a-z]+)? (will|would|'ll|does|do|"
        r"is going to|himself|herself)\b|\b(he|she)('ll| will) (do|handle|perform|fix|redo|"
        r"take care of) (it|them|this|that|the|your)\b|"
        r"\bthe one (to|who) (do|does|fix|fixes|treat|treats|take)\b",
    ),
    "zh_CN": re.compile(
        r"由[^，。！？]{0,12}(医生|医师|主任|老师|律师|技师|护士|设计师)[^，。！？]{0,6}(操作|主刀|注射|做|负责|"
        r"处理|接手|重做|上课|带)|(给您做|给你做|主刀|操作|负责)的(是|都是)|"
        r"(医生|医师|主任|老师)(亲自|会|来)?(给您|帮您|给你|帮你)(做|操作|主刀|处理|重做|弄)"
    ),
}
"""Who does the work: "done by her or our nurse practitioner", "Dr. Ellis will do it himself",
由赵主任接手, 给您做的是王医生."""


@cache
def _asks_doer(need: NeedView) -> bool:
    """A need asking who does the work ("Who would actually do the treatment?", 谁来给我做？)."""
    return any(_DOER_ASK.search(a) for a in need.asks)


@cache
def _is_fault_need(need: NeedView) -> bool:
    """A need asking whose fault something is, told by most of its asks."""
    return sum(bool(_FAULT_ASK.search(a)) for a in need.asks) * 2 > len(need.asks)


_FREE = re.compile(r"\bfree\b|免费|不收费|不要钱|\bno (charge|cost)\b|complimentary", re.IGNORECASE)
_HOOK = re.compile(
    r"\b(assessments?|evaluations?|exams?|check-?ups?|consult\w*|trials?|estimates?|quotes?|"
    r"diagnostics?|tests?|measur\w*|chats?|calls?|meetings?|placement|intro\w*)\b|测评|评估|检查|面诊|咨询|试听|"
    r"量房|诊断|测试|试课|体验课|沟通|电话",
    re.IGNORECASE,
)
_THEN_CHARGED = re.compile(
    r"\b(after that|then|afterwards|beyond that|if you (hire|retain)|once you (hire|retain))\b"
    r"[^.!?]{0,40}\b(fees?|charge[sd]?|bill(ed|s)?|rates?|costs?|percent|flat|hourly|contingency)\b|"
    r"(之后|然后|正式委托|签约后|后续|再)[^。！？]{0,12}(收费|收律师费|律师费|按.{0,8}收|计费)",
    re.IGNORECASE,
)
_PART = re.compile(r"[^,.;!?，。；！？]+")


_AVAILABILITY = {
    "zh_CN": re.compile(r"有|可以|能|开|排|空|约|\d|[一二三四五六七八九十两半]点|满了|没了|不行"),
    "en_US": re.compile(
        r"\b(yes|yeah|yep|yup|sure|no|not|open|closed|available|availability|openings?|spots?|slots?|"
        r"full|booked|we (do|have|run|can|are)|there (is|are)|there'?s|can do|works?|run|runs)\b|"
        r"\d",
        re.IGNORECASE,
    ),
}
"""What makes a time the customer named into an answer: open or not, a slot, a clock time."""


def _echoed_time(clause: str, span: str, context: ReadContext) -> bool:
    """Whether the only time in ``clause`` is the one the customer asked about, said back with
    nothing about it ("Tuesdays are our busiest day!!" to "any openings Tuesday after school?",
    晚上的时段都特别抢手 to 周三晚上有没有班): the question's own words, no answer."""
    asked = context.customer_text
    if not asked or span.strip().lower().rstrip("s") not in asked.lower():
        return False
    return not _AVAILABILITY["zh_CN" if context.locale == "zh_CN" else "en_US"].search(clause)


def _free_hook(clause: str, span: str, need: NeedView, after: list[str]) -> bool:
    """The money "information" is a free assessment, trial or consultation the need does not ask
    about ("测评是免费的" after "一节课多少钱？"): a sales hook, not the price asked for. A need
    that asks about it ("Is the consultation free?", "What do you charge for an exam?") is
    answered by it, and so is one told how the rest is charged ("首次咨询免费，之后按案件收费")."""
    if not _FREE.search(span) or _THEN_CHARGED.search(" ".join([clause, *after[:1]])):
        return False
    asks = " ".join(need.asks).lower()
    for part in _PART.findall(clause):
        if _FREE.search(part):
            hooks = [h.group(0).lower()[:5] for h in _HOOK.finditer(part)]
            if hooks and not any(h in asks for h in hooks):
                return True
    return False


_HOW_LONG = re.compile(
    r"\bhow (long|soon|many (days|weeks|months|years))\b|多久|多长时间|多少年|几年|保多久|保几年",
    re.IGNORECASE,
)


_TAKES = {
    "en_US": re.compile(
        r"\b(takes?|took|taking|lasts?|resolve[sd]?|settle[sd]?|wrap(s|ped)? up|finish(es|ed)?|"
        r"finali[sz]e[sd]?|(be|is|are|get|gets) (done|over|finished|completed|heard)|complete[sd]?|"
        r"drag(s|ged)? on|hearing|court date|ruling|judgment|verdict|decision|closes?)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"判下来|判决|出结果|出裁决|结案|审结|办完|办下来|完工|完成|做完|弄完|搞定|走完|结束|立案|开庭|入住|装好|"
        r"戴上|戴牙|能好|好了"
    ),
}
"""Verbs of a matter getting done (settle, wrap up, 判下来, 完工): a length of time next to one is
how long the matter takes."""


_PER_VISIT = {
    "en_US": re.compile(
        r"\b(each|per|every|a) (session|visit|lesson|class|appointment|treatment)\b", re.IGNORECASE
    ),
    "zh_CN": re.compile(r"每(次|节|堂|回)"),
}
"""A length said of each visit or session, not of the whole matter."""


_HOW_MANY_PER = {
    "en_US": re.compile(
        r"\bhow (many|often)\b(?: (\w+?)s?)? (?:a|an|per|each|every) (week|month|day)\b", re.I
    ),
    "zh_CN": re.compile(r"[一每](周|星期|礼拜|月|天)[^？?，]{0,3}几(次|节|天|回)"),
}


@cache
def _periods_asked(need: NeedView, locale: str) -> re.Pattern[str] | None:
    """How the customer asks a count per period ("How many sessions a week?", 一周上几次课?), as
    a pattern for a count given per that period."""
    for ask in need.asks:
        found = _HOW_MANY_PER[locale].search(ask)
        if not found:
            continue
        if locale == "zh_CN":
            period = found.group(1)
            return re.compile(
                rf"[每一]{period}[^，。！？]{{0,4}}?({ZH_NUMERAL}|\d)+(\s?[-到至~～]\s?({ZH_NUMERAL}|\d)+)?"
                rf"\s?(次|节|天|回|{found.group(2)})"
            )
        unit, period = found.group(2) or "time", found.group(3)
        count = r"(\d+(\.\d+)?|one|two|three|four|five|six|seven|a couple of|a few)"
        return re.compile(
            rf"\b({count}(\s?(-|–|to|or)\s?{count})?\s?(x|times|{unit}s?)?|once|twice)\s?"
            rf"(a|an|per|each|every|/)\s?{period}\b",
            re.IGNORECASE,
        )
    return None


def _per_period(clause: str, need: NeedView, locale: str) -> str | None:
    pattern = _periods_asked(need, locale)
    found = pattern.search(clause) if pattern else None
    return found.group(0) if found else None


_ESTIMATE = {
    "en_US": re.compile(
        r"\b(is|are|runs?|lasts?) (about|around|roughly|approximately|usually|typically|only)\s?$",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(r"(大概|大约|一般|约|通常|前后|总共|一共)(要|需要)?\s?$"),
}


_WHOM = re.compile(r"\bwho\b|\btalk to\b|\bcontact\b|找谁|对接|联系谁|跟谁", re.IGNORECASE)


@cache
def _asks_whom(need: NeedView) -> bool:
    """Whether the customer asks whom to deal with ("Who should I talk to about a partnership?")."""
    return any(_WHOM.search(a) for a in need.asks)


@cache
def _asks_how_long(need: NeedView) -> bool:
    return "duration" in need.types and any(_HOW_LONG.search(a) for a in need.asks)


def _how_long_of_it(clause: str, need: NeedView, needs: tuple[NeedView, ...], locale: str) -> bool:
    """Whether ``clause`` says how long a matter takes to be done, for the persona's only
    question of how long. A length of time alone is as often a session, a symptom or an offer's
    term ("the quote is good for 7 days")."""
    if not _asks_how_long(need) or _rivals_of_type(needs, need.key, "duration"):
        return False
    span = information(clause, "duration", locale)
    if span is None or _experience(clause, span, locale):
        return False
    if _TAKES[locale].search(clause):
        return True
    # or said as an estimate of the thing itself: 手术大概四十分钟, "the surgery is about an hour"
    at = clause.find(span)
    if _PER_VISIT[locale].search(clause[:at]):
        return False  # 每次大约75分钟, "each session is about an hour": one visit, not the matter
    if clause[at + len(span) :].lstrip().startswith(("的", "-long", " long")):
        return False  # "约 1 小时的手术", "an hour-long surgery" describe the thing, not its length
    return _ESTIMATE[locale].search(clause[:at]) is not None


_DENTAL_SERVICE = {
    "en_US": re.compile(
        r"\b(cleanings?|fillings?|extractions?|root canals?|braces|invisalign|whitening|veneers?|"
        r"exams?|x-rays?|check-?ups?)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(r"洗牙|洁牙|补牙|拔牙|根管|矫正|牙套|美白|贴面|涂氟|窝沟封闭"),
}
"""Dental services that are not one another: the price of one is no price of another."""


_DENTAL_ITEM_ASKED = {
    "en_US": re.compile(
        r"\b(implants?|crowns?|dentures?)\b|" + _DENTAL_SERVICE["en_US"].pattern, re.I
    ),
    "zh_CN": re.compile(r"种植|种牙|种一颗|假牙|牙冠|" + _DENTAL_SERVICE["zh_CN"].pattern),
}


@cache
def _asks_an_item(need: NeedView, locale: str) -> bool:
    """Whether the customer asks the price of a dental item by name ("How much is one implant?"),
    not "What is this charge on my bill?", which another service's name answers."""
    return any(
        _DENTAL_ITEM_ASKED["zh_CN" if locale == "zh_CN" else "en_US"].search(a) for a in need.asks
    )


def _other_items_priced(clause: str, terms: tuple[str, ...], locale: str) -> bool:
    """Whether every figure in ``clause`` follows a dental service the question did not name
    ("A cleaning is $120 and fillings start at $200" after "How much is one implant?")."""
    service = _DENTAL_SERVICE["zh_CN" if locale == "zh_CN" else "en_US"]
    named = [m for m in service.finditer(clause) if not _mentions(m.group(0), terms, locale)]
    if not named:
        return False
    figures = list(_FIGURE.finditer(clause))
    window = 10 if locale == "zh_CN" else 30
    return bool(figures) and all(
        any(0 <= f.start() - m.end() <= window for m in named) for f in figures
    )


_TASTER = re.compile(
    r"新客|新人|首单|首次|体验|券|\bnew (patient|client|customer|student)s?\b|"
    r"\bfirst (visit|lesson|session|class)\b|\btrial\b",
    re.IGNORECASE,
)
"""A newcomer's taster offer: its price is not what the thing asked about costs."""
_SHORT_SPAN = {
    "en_US": re.compile(r"\b(min|mins|minutes?|hours?|hrs?|seconds?)\b", re.IGNORECASE),
    "zh_CN": re.compile(r"分钟|小时|钟头|秒"),
}
"""Units too short for a term (a warranty, a guarantee period): a visit's or a session's length."""


@cache
def _types_read(need: NeedView, pending: bool) -> tuple[str, ...]:
    """The types read for a need: its own, and a length of time when the customer asks how long
    a term lasts ("How long is the warranty?", 质保几年? – "水电隐蔽工程五年")."""
    if (
        pending
        and "policy" in need.types
        and "duration" not in need.types
        and any(_HOW_LONG.search(a) for a in need.asks)
    ):
        return (*need.types, "duration")
    return need.types


_ZH_SCALED_AMOUNT = (
    rf"{ZH_NUMERAL}*[百千万]{ZH_NUMERAL}*(?!分之|[多余]?[个位名人家所次例颗年天岁件单条期节课])"
)
_NAMED_PRICE = {
    "en_US": re.compile(
        r"\b(fee|price|cost|rate|charge)s? (is|are|runs?|would be|will be|comes to) (about |"
        r"around |roughly |just |only )?\$?\d{2,}(,\d{3})*\b"
        r"(?!\s?(%|percent|am|pm|hours?|days?|years?))",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(费用|价格|收费|律师费|服务费)(是|为|在)(大概|大约)?\d{3,}(?!\s?(%|年|天|小时|个))|"
        # a charge named, then its figures by stage or kind in the same sentence (按阶段收费，
        # 仲裁阶段四千), or a figure named as a fee (先交五百咨询费)
        rf"(费用|价格|收费|律师费|服务费|代理费|学费)[^。！？]{{0,16}}?(?<![上数成第几好])"
        rf"{_ZH_SCALED_AMOUNT}|(?<![上数成第几好]){_ZH_SCALED_AMOUNT}[\u4e00-\u9fff]{{0,3}}费"
    ),
}
"""A charge named and a figure after it, no currency needed: the price of the only money need."""
_FIGURE = re.compile(rf"\d[\d,.]*|{ZH_NUMERAL}+")


def _named_price(clause: str, locale: str) -> str | None:
    """A charge named and its figure (see ``_NAMED_PRICE``), when the figure is a price: not an
    amount off (立减一千), not what insurance pays (能报一千多)."""
    for named in _NAMED_PRICE[locale].finditer(clause):
        figures = list(_FIGURE.finditer(named.group(0)))
        if not figures:
            continue
        last = figures[-1]
        start = named.start() + last.start()
        if amount_kind(clause, start, named.start() + last.end()) == "price":
            return named.group(0)
    return None


_CALLBACK = {
    "en_US": re.compile(
        r"\b(will|'ll|’ll|is going to|going to) (call|contact|reach out to|get back to|"
        r"follow up with|reply to|respond to) (you|u)\b|"
        # "a consultant will answer your question within 1 business day", "will respond within"
        r"\b(will|'ll|’ll) (answer|respond to|reply to) (your|this)\b|"
        r"\b(will|'ll|’ll) (respond|reply|get back)( to (you|u))? within\b|"
        r"\b(hotline|phone lines?|call (center|centre)|helpline)\b[^.!?]{0,30}\b(open|available|"
        r"hours|mon|monday|weekdays?|\d{1,2}(:\d\d)? ?(am|pm))",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(会|将|再)(给|跟|和)?(您|你)(打电话|回电|回复|联系|答复)|(联系|回复|答复|回电)(您|你)|"
        # a hotline's or an adviser's hours are when to phone, not when classes run: 咨询热线：
        # 400-…（工作日 9:00-18:00）, 顾问工作时间：周一至周日 9:00-21:00
        r"(热线|客服电话|咨询电话|服务电话|(顾问|客服|前台)(的)?(工作|服务|在线|值班)时间)[^。！？]{0,24}"
        r"(工作日|周[一二三四五六日]|\d{1,2}[:：]\d\d)"
    ),
}
_LISTED = ("time", "documents")
_LIST_MIN = 2


def _lists_what_was_asked(text: str, context: ReadContext, locale: str) -> bool:
    """Whether a reply of short fragments is a list of what the customer asked for: papers to
    bring (身份证、劳动合同、工资条、考勤记录、辞退通知，有啥带啥) or times, most fragments carrying
    that information. Such a list is how people answer, not a keyword blob; a blob of answers to
    every question stays one."""
    asked = next((need for need in context.needs if need.key == context.asked), None)
    types = [t for t in asked.types if t in _LISTED] if asked else []
    if not types:
        return False
    segments = fragments(text)
    listed = sum(any(information(s, t, locale) for t in types) for s in segments)
    return listed >= 0.5 * len(segments)


_WEEKDAY_EN = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_TIMETABLE = {
    "en_US": re.compile(
        r"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b"
        + _WEEKDAY_EN
        + r"\.?(?=\s?(-|–|to\b|through|"
        r"thru|&|/|,|and\b|morning|afternoon|evening|night))|\bweek(end|night|day)s?\b|"
        r"\b(evenings?|mornings?|afternoons?)\b|\b\d{1,2}(:\d\d)?\s?(am|pm)\b|\b\d{1,2}:\d\d\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"周[一二三四五六日末天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|双休|(早上|上午|中午|下午|晚上|傍晚)|"
        r"\d{1,2}\s?[:：]\d\d|\d{1,2}\s?点"
    ),
}
"""Days of the week, parts of the day and clock times: what a timetable is made of (not "today"
or "within 3 working days", which say when something happens once)."""
_NOT_A_TIMETABLE = re.compile(
    r"\b(this|next|tomorrow|today|tonight|open|opens|hours|office|front desk|call|calls|"
    r"reach us)\b|"
    r"这周|下周|本周|明天|今天|后天|营业|工作时间|办公|热线|客服|来电|出诊",
    re.IGNORECASE,
)
"""One appointment offered ("a free trial this Thursday at 4:30") or the office's hours ("open
till 7 on weekdays", 营业时间周一至周日) are no timetable of the lessons asked about."""
_ASKS_TIMETABLE = re.compile(
    r"\b(days?|times|weekends?|weekdays?|evenings?|mornings?|schedule|after work|late|what time)\b|"
    r"几点|周末|上课时间|星期几|哪天|晚上|下班|一周",
    re.IGNORECASE,
)


_ASKS_CALLBACK = re.compile(
    r"回复|回电|答复|联系我|给我回|处理结果|hear back|get back|call me|respond|reply|answer|"
    r"get a response|hear from",
    re.IGNORECASE,
)


@cache
def _asks_callback(need: NeedView) -> bool:
    """Whether the customer asks this need as when they will hear back."""
    return any(_ASKS_CALLBACK.search(a) for a in need.asks)


@cache
def _asks_timetable(need: NeedView) -> bool:
    """Whether the customer asks this need as days and times (not "when will I hear back?")."""
    return any(_ASKS_TIMETABLE.search(a) for a in need.asks)


def _listed(clause: str, need: NeedView, need_type: str, locale: str) -> str | None:
    """Two or more pieces of information of the type in one clause (a timetable, a list of
    papers): enough to answer the only question of that type even where the clause names no
    subject. One weekday or one document is as often an invitation or an aside."""
    if need_type == "time":
        if not _asks_timetable(need) or _NOT_A_TIMETABLE.search(clause):
            return None
        found = list(_TIMETABLE[locale].finditer(clause))
    else:
        found = [m for p in compiled(need_type, locale, False) for m in p.finditer(clause)]
    # one mention read by two patterns (劳动合同 and 合同) is one piece of information
    spans: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if not spans or m.start() >= spans[-1][1]:
            spans.append(m.span())
    words = list(dict.fromkeys(clause[a:b].lower() for a, b in spans))
    # the same thing named twice (劳动合同 … 未签合同) is still one
    distinct = [w for w in words if not any(w != o and w in o for o in words)]
    return " … ".join(distinct[:3]) if len(distinct) >= _LIST_MIN else None


_DEPENDS = {
    "en_US": re.compile(
        r"\b(depends?|depending|dependent|hinges?|based) (up)?on\b|\bvar(y|ies) with\b", re.I
    ),
    "zh_CN": re.compile(
        r"(要看|得看|主要看|还要看|还得看|取决于|视)[^，。！？]{0,8}(情况|条件|而定|怎么样|多少)"
    ),
}
"""What something depends on ("final cost depends on her bone health", 不过要看骨头情况): a
factor named, not a verdict on it."""


def _depends_on(clause: str, locale: str) -> bool:
    """Whether the outcome information of the clause is only what something else depends on."""
    found = _DEPENDS[locale].search(clause)
    if found is None:
        return False
    span = information(clause, "outcome", locale)
    return span is not None and clause.find(span) >= found.start()


_ANY_QUALIFIED = {
    "en_US": re.compile(
        r"\b(choose|choosing|pick|picking|find|finding|go to|see|look for|make sure (you|it'?s))\b"
        r"[^.!?]{0,12}\b(a|an|any)\b[^.!?]{0,12}\b(qualified|licensed|certified|board-certified|"
        r"experienced|reputable)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(找|选择|选|挑)[^，。！？]{0,4}(有资质|正规|有经验|持证|有执照)|"
        r"(需|需要|须|必须|务必|一定要)由?[^，。！？]{0,2}(正规|有资质|持证|有执照)"
    ),
}
"""Advice on choosing anyone qualified ("so always see a licensed injector", 一定要找有资质的医生):
the credentials of a doctor in general, not of this clinic's."""
_NOT_EVERY = {
    "en_US": re.compile(r"\bnot (every|all|everyone|everybody)\b", re.IGNORECASE),
    "zh_CN": re.compile(r"(不是|并非|并不是)(所有|每个|每一|每种|什么)"),
}
"""A restriction ("not every case can be taken on contingency", 不是所有案子都能做风险代理): says
which cases an arrangement is open to, not how a customer's case will go."""
_RECOUNT = {
    "en_US": re.compile(
        r"\b(from|based on|going by|given) what you('ve| have)? (described|said|told|mentioned|"
        r"shared|wrote|written)|"
        r"\byour\b[^.;!?]{0,40}\b(help|helps|show|shows|prove|proves|support|supports)\b|"
        r"\byou (already )?(have|'ve got)\b(?! to)",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(从|按|就|根据|照)(您|你)(说|讲|描述|介绍|提供)的|听(下来|您说|你说)|"
        r"(您|你)(手里|手上|这边)?(已经|也)?(有|都有|留着|保存了)|没(签|有|留|拿)?[^，。！？]{0,6}(也|又|还)没"
    ),
}
"""The customer's own facts told back ("from what you've described — a lease and photos",
您手里有借条有转账): the premises of a verdict, not advice on what to bring or keep."""
_ADVICE = {
    "en_US": re.compile(
        r"\b(if|as long as|so long as|provided|unless) (you|he|she|they)\b|\b(bring|keep|save|"
        r"gather|collect|pull together|hold on to|send|write down|screenshot|get copies|"
        r"make copies|start (collecting|gathering))\b|"
        r"\b(you'?ll|you will|you'?d|you) (want|need|should)\b|\bdon'?t (delete|throw)",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"如果|要是|只要|的话|假如|除非|看有没有|准备|带上|带好|带着|保留|保存|留好|收好|存好|整理|收集|"
        r"备好|发(给|过来)|拿上|记下|别删|不要删|截图"
    ),
}
"""What makes papers named in a reply advice: a condition (只要能证明…, "if you have the texts")
or an instruction to bring, keep or gather them."""


_PHRASE = re.compile(r"[，,；;：:]|\s[-–—]+\s|——")


def _recounted(statements: list[str], index: int, locale: str) -> bool:
    """Whether the clause tells the customer's own papers back without advice on them; an opener
    cut off by a dash ("From what you've described — a lease, photos …") counts for what follows."""
    clause = statements[index]
    told_back = _RECOUNT[locale].search(clause) is not None
    if not told_back and index:
        before = _RECOUNT[locale].search(statements[index - 1])
        told_back = before is not None and len(statements[index - 1]) - before.end() <= 2
    if not told_back:
        return False
    # the advice that counts is the one said of the papers: "对方没钱的话" is no condition on them
    parts = [p for p in _PHRASE.split(clause) if information(p, "documents", locale)] or [clause]
    return not any(_ADVICE[locale].search(part) for part in parts)


_EXPERIENCE = {
    "en_US": re.compile(
        r"\b(been|have been|has been|'s been|'ve been) (doing|practicing|practising|working|"
        r"teaching|injecting|treating|coaching|tutoring|in business|in practice|at it|"
        r"in the field)\b[^.!?]{0,40}\bfor\b[^.!?]{0,20}|"
        r"\b(years?|yrs?) (of )?((combined|collective|cumulative|total|hands-on|professional) )?"
        r"(experience|in practice|in business|in the field)\b|"
        r"\bin business (for )?(over |more than )?\w+ (years?|decades?)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(教龄|从业|执业|干了|做了|教了|从事|带|开了|开业|营业了?|成立)[^，。！？]{0,8}年|年(的)?(经验|教龄|从业|老(公司|店|字号|品牌))"
    ),
}


def _experience(clause: str, span: str, locale: str) -> bool:
    """Whether the length of time ``span`` is someone's experience, not how long a thing takes."""
    start = clause.find(span)
    return any(
        m.start() <= start + len(span) and start <= m.end()
        for m in _EXPERIENCE[locale].finditer(clause)
    )


_LASTING = {
    "en_US": re.compile(
        r"\b(results?|effects?|filler|fillers|botox|lips?)\b[^.!?]{0,24}\b(last|lasts|hold|holds)\b"
        r"[^.!?]{0,16}$",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(r"(效果|效果能|一般能|能)(维持|保持|管)[^，。！？]{0,6}$"),
}
"""What a length after it measures is how long the result lasts ("Results look natural and last
6-12 months", 效果能维持半年左右)."""
_RECOVERY = re.compile(r"downtime|recover|heal|back to work|恢复|休息|上班|消肿", re.IGNORECASE)


@cache
def _asks_recovery(need: NeedView) -> bool:
    """Whether the customer asks how long recovering takes: a result's lasting is no answer."""
    return any(_RECOVERY.search(a) for a in need.asks)


_PRICE_KINDS = ("price", "special")


def _price_unit(clause: str, span: str) -> bool:
    """Whether ``span`` ("a session", 一节, 一期) is the unit of an amount right beside it."""
    at = clause.find(span)
    if at < 0 or not re.match(r"\s*(a|an|one|per|每|一)\b|\s*[一每]", span, re.IGNORECASE):
        return False
    end = at + len(span)
    return any(
        (0 <= at - a.span[1] <= 3 or 0 <= a.span[0] - end <= 3) and a.kind in _PRICE_KINDS
        for a in money_amounts(clause)
    )


def _maker_named(clause: str, locale: str) -> str | None:
    """A maker named with what it makes ("the Moen faucets", "we install KraftMaid", 用的立邦): a
    lone capitalised compound ("All ReedBuild projects") is as often the business's own name."""
    for found in BRAND[locale].finditer(clause):
        if locale == "zh_CN" or " " in found.group(0):
            return found.group(0)
    return None


def _deal_price(span: str, statements: list[str], needs: tuple[NeedView, ...]) -> bool:
    """Whether ``span`` is a deal's price ("$99 new patient special — exam and cleaning",
    新客首次洗牙九十九) where a need asks about deals: it is both the deal and the price of the
    service it names, so it stays readable for the other question."""
    if not any(is_discount_need(n) for n in needs):
        return False
    for clause in statements:
        at = clause.find(span)
        if at >= 0:
            return any(
                a.kind == "special" and a.span[0] <= at < a.span[1] for a in money_amounts(clause)
            )
    return False


_DEAL_KINDS = ("special", "reduction")


def _names_a_deal(part: str, locale: str) -> bool:
    """Whether ``part`` tells a deal (an amount off, a special price, 九折), not a plain price."""
    if any(a.kind in _DEAL_KINDS for a in money_amounts(part)):
        return True
    plain = set(compiled("money", locale, False, False))
    return any(p.search(part) for p in compiled("money", locale, False, True) if p not in plain)


_COURTESY = re.compile(
    r"^\W*(thanks?( you)? (so much )?for (reaching out|contacting|messaging|your (message|question|"
    r"interest)|writing|getting in touch)( (in|to|with)( (?-i:[A-Z][\w&'.-]*)| of| and| &| the)+)?|"
    r"感谢(您的)?(咨询|关注|来信|留言|信任)|亲|在的)",
    re.IGNORECASE,
)
"""An opening courtesy ("Thanks for contacting Harper & Lowe", "感谢您的咨询") answers nothing."""


_SAYS_SOMETHING = re.compile(
    r"\b(we|they|it|that)\b(?! (are |'re )?(here|happy|glad|excited|thrilled|delighted)\b)"
    r"( do(n'?t)?)? "
    r"(take|accept|have|offer|charge|run|cover|do|don'?t|can|can'?t|open|close|start|cost)\b",
    re.IGNORECASE,
)
"""A subject and a verb of substance after a hello: the clause says something."""


def _only_greeting(clause: str, locale: str) -> bool:
    greeting = find_act("greets", clause, locale)
    if not greeting:
        courtesy = _COURTESY.match(clause)
        greeting = courtesy.group(0) if courtesy else None
    if not greeting:
        return False
    rest = clause.replace(greeting, "", 1)
    if locale != "zh_CN" and _SAYS_SOMETHING.search(rest):
        return False  # "Hi there, we take most PPO plans": a greeting before a statement
    if re.search(r"\d", rest) or money_amounts(rest):
        return False  # "您好，洗牙一次120。", "Hi! $135 for a cleaning.": a figure after a hello
    return len(rest.strip()) < (12 if locale == "zh_CN" else 30)


_YES_NO_QUESTION = {
    # a question a yes or a no answers: "Do you take Delta Dental?", "I'm rusty, is that a
    # problem?"; not "How much does it cost?" (the auxiliary is not where the question starts)
    "en_US": re.compile(
        r"(^|[.!?,;:]\s*|\b(and|but|so|also|or|ok|okay)\s+)(do|does|did|can|could|is|are|was|were|will|"
        r"would|have|has|should|may|any)\b[^.!?]*(\?|$)",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        # (嘛 as people type 吗: 能把明细发我看看嘛？; not 干嘛, why)
        r"吗|(?<!什)么[？?]|(?<!干)嘛\s*([？?]|$)|能不能|可不可以|有没有|是不是|会不会|要不要|用不用|行不行|"
        r"[收退管包]不[收退管包]"
    ),
}
_ZH_WH_WORD = re.compile(r"多少|几[个次天周年月颗节]|什么|怎么|哪|多久|多长|为什么|为啥|啥")
"""A Chinese question word: 医保能报多少吗 wants a figure, not a yes (English questions are told
apart by where the auxiliary stands, see _YES_NO_QUESTION)."""
_YES_OR_NO = {
    # interjections, not "We have amazing tutors!" or "We don't publish a rate sheet"
    "en_US": re.compile(
        r"^\W*(yes|yep|yeah|yup|ya|sure|absolutely|of course|definitely|certainly|correct|"
        r"totally(?=\s?[.!,;])|you bet|for sure(?=\s?[.!,;])|"
        r"no|nope|not at all|"
        r"(we|you|it) (sure )?(do|can|does|don'?t|can'?t|doesn'?t)(?=\W*($|[.!,;]))|"
        # a partial yes: "Some are, yes.", "Most of them do."
        r"(some|most|all|many) (of (them|us|our \w+) )?(are|do|can|have|does)(?=\W*($|[.!,;])))"
        r"\b(?! (problem|worries|pressure|rush|hurry)\b)",
        re.IGNORECASE,
    ),
    # (对方 is the other side, 有心脏病 a condition: 有 and 对 stand alone)
    "zh_CN": re.compile(
        r"^\W*(可以|能(?![不没]|理解|明白|体会)|有(?=[的啊呀哦，,。！!～~ ]|$)|当然|是的|是啊|"
        r"对(?=[的啊呀，,。！!～~ ]|$)|没问题|行(?=[的啊，,。！!～~ ]|$)|会的|"
        r"需要(?=[的，,。！!～~ ]|$)|"
        r"不用|不需要|不能(?!说)|不可以|"
        r"没有(?![^，。！？]{0,3}关系)|不会|不行|不是|"
        # a no in other words: 退钱是不可能的, 已经是最低了
        r"[^，。！？\s]{1,4}是不可能的|(这|这个)?(已经|都已经)是?最低(价)?了)"
    ),
}
"""A reply that opens with a yes or a no."""


def _asks_yes_or_no(question: str, locale: str) -> bool:
    """Whether a yes or a no answers the customer's ``question`` ("Do you take Delta Dental?",
    是固定老师吗), not "How much is it?" or 医保能报多少？"""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if not question or not _YES_NO_QUESTION[loc].search(question):
        return False
    return not (loc == "zh_CN" and _ZH_WH_WORD.search(question))


def _yes_or_no_said(statement: str, locale: str) -> str | None:
    """``statement`` when it opens with a yes or a no ("Yep!", 对，从头到尾一个老师). The caller
    skips replies that guarantee anything (a boast is no answer, see docs/design-notes.md)."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    return statement if _YES_OR_NO[loc].search(statement) else None


_FREE_SAID = {
    "en_US": re.compile(
        r"\b(it'?s|is|are|they'?re|that'?s|totally|completely|always|100%) free\b|"
        r"\bno (charge|cost|fee)\b|\b(don'?t|do not|never) charge\b|\bfree of charge\b|"
        r"\bcosts? (you )?nothing\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"不收费|不要钱|不用钱|不收钱|不花钱|不用花钱|分文不取|免费(?=的|[，。！？,.!?～~\s]|$)"
    ),
}
"""Free, said straight out of the thing itself: the answer to "is the consultation free?", 咨询要
钱吗？ (not a free hook, 先约个免费测评, "a free assessment")."""


def _free_said(statement: str, need: NeedView, locale: str) -> str | None:
    """The opening statement when it says the thing is free, for a money need asked with a yes
    or a no ("线上咨询不收费的" to 咨询要钱吗？)."""
    if "money" not in need.types:
        return None
    return statement if _FREE_SAID[locale].search(statement) else None


_CALENDAR_SPAN = {
    "en_US": re.compile(
        r"\b(\d+|one|two|three|four|five|six|eight|ten|twelve|a few|a couple( of)?)"
        r"(\s?(-|–|to|or)\s?(\d+|two|three|four|six|eight|ten|twelve))?\s?(days?|weeks?|months?)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"[一二两三四五六七八九十半几\d]+\s?([-到至~～]\s?[一二两三四五六七八九十\d]+)?\s?(个)?(月|周|星期|礼拜|天)"
    ),
}
"""Days, weeks or months: how long until a result shows (not a count of lessons, not years of
experience)."""
_RESULT_SEEN = {
    "en_US": re.compile(
        r"\b(results?|improv\w*|see|seeing|notice\w*|difference|grades?|scores?|progress|better|"
        r"settle\w*|resolv\w*|outcome|decision|kick in|click)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"效果|见效|提高|提升|进步|成绩|感觉|看到|看出|起色|变化|分数|提分|结果|判|赔"
    ),
}
"""Words that say the length is until the result shows ("most kids see a difference within a
month", 成绩上的话大概一到两个月), not how often to come (一周至少上两次)."""


def _time_until(statements: list[str], need: NeedView, locale: str) -> str | None:
    """The statement that tells how long until the outcome asked about comes (成绩上大概一到两个月
    to 一般多久能看到效果？), for an outcome need asked how soon: days, weeks or months that are
    nobody's experience and no visit's length."""
    if "outcome" not in need.types or "duration" in need.types:
        return None
    for statement in statements:
        if not _RESULT_SEEN[locale].search(statement) or promise(statement, locale):
            continue
        for found in _CALENDAR_SPAN[locale].finditer(statement):
            span = found.group(0)
            if _experience(statement, span, locale) or _PER_VISIT[locale].search(
                statement[: found.start()]
            ):
                continue
            return statement if len(statement) <= 160 else span
    return None


_HOW_MANY_QUESTION = {
    "en_US": re.compile(r"\bhow many\b", re.IGNORECASE),
    "zh_CN": re.compile(r"几[次趟回节遍]|多少[次趟回节遍]"),
}
_EN_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple)"
_ZH_COUNT = r"[一二两三四五六七八九十\d]{1,3}"
_COUNT_FIRST = {
    # a count, hedged or not, and nothing that makes it money or a time of day: "Usually 2.",
    # "usually five. maybe six if she needs a graft", 一般四五趟吧
    "en_US": re.compile(
        r"^\W*((usually|typically|normally|generally|about|around|roughly|maybe|probably|"
        r"most (kids|people|patients|families) (do|need)|just|only)\W+)?"
        + _EN_COUNT
        + r"(\s*(-|to|or)\s*"
        + _EN_COUNT
        + r")?(\s*(x|times|visits|trips|sessions|appointments|lessons|classes)\b)?"
        r"(?=\s*([.!,;]|$|(a|per) (week|wk|month)\b|if\b|maybe\b|depending\b))",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"^\W*(一般|大概|差不多|通常|基本上|平均|最少|至少)?(要|来|跑|去|上)?"
        + _ZH_COUNT
        + r"(到"
        + _ZH_COUNT
        + r")?(趟|次|回|节)(?![课时]?[费钱元块])"
    ),
}
"""A reply that opens with a count."""


def _question_form(question: str, locale: str) -> str:
    """What a bare reply can answer the customer's ``question`` with: ``"yes_no"`` ("Do you
    take Delta Dental?" "Yep!"), ``"how_many"`` ("How many sessions a week?" "Usually 2."), or
    ``""`` (only information of the need's kind answers it)."""
    if _asks_yes_or_no(question, locale):
        return "yes_no"
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if question and _HOW_MANY_QUESTION[loc].search(question):
        return "how_many"
    return "how_long" if question and _HOW_SOON[loc].search(question) else ""


_HOW_SOON = {
    "en_US": re.compile(r"\bhow (long|soon|fast|quickly)\b", re.IGNORECASE),
    "zh_CN": re.compile(r"多久|多长时间|多快|几个?月|几周|多少天"),
}
"""How long until something happens ("How fast will we see results?", 一般多久能看到效果？): a
length of time answers it, whatever the need's own type."""


_LETS_A_REFUSAL_STAND = {
    "en_US": re.compile(
        r"\b(no need to|(you )?don'?t (have|need) to|not necessary to) "
        r"(share|give|leave|send|drop)\b|"
        r"\b(keep|continue) (it|chatting|talking|things|the conversation) (here|in (the )?chat)\b|"
        r"\b(can|could) (just )?(keep|stay|continue|chat|talk) (it )?(here|in (the )?chat)\b|"
        r"\bwithout (a|your|any) (number|phone|email|contact)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"不留|不用留|不必留|不方便(留|给)|不(提供|给)[^，。！？]{0,4}(也)?(没关系|可以|行)|"
        r"(联系方式|电话|手机号?|微信)[^，。！？]{0,4}(不留|不给|不用|不方便)"
    ),
}
"""A yes to a contact the customer declined ("没问题，不留也可以", "Sure, no need to share your
number"): it answers the refusal, not the question the customer asked with it."""


def _without_refusal_let_stand(statement: str, locale: str) -> str:
    """The statement without its opening "no problem, you don't have to leave it" (没问题，不留
    也可以): a reply to the customer's refusal, not to the question that came with it."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if not _LETS_A_REFUSAL_STAND[loc].search(statement):
        return statement
    parts = _SUBCLAUSE.split(statement)
    for index, part in enumerate(parts):
        if _LETS_A_REFUSAL_STAND[loc].search(part):
            joiner = "，" if loc == "zh_CN" else ", "
            return joiner.join(parts[index + 1 :])
        if len(part.split()) > 5 or (loc == "zh_CN" and len(part) > 6):
            return statement  # something said before it: "周末可以上课，不留也没关系"
    return statement


_CHAT_OFFER = {
    "en_US": re.compile(
        r"\b(ask|message|text) (me|us) (anything|anytime|any time|whenever)\b|"
        r"\bfeel free to (ask|reach out|message)\b|\b(happy|glad) to keep (answering|chatting|"
        r"helping)\b|\bi'?m here (if|whenever|anytime|any time)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(随时|尽管|都可以|也可以|可以)(在这里|在这儿|在此)?(问我|问|留言|找我|咨询|联系我)(?![^，。！？]{0,6}(课|上|约|来|到))|"
        r"我(都|会)(会)?(回复|回您|答复)"
    ),
}
"""An offer to keep answering in the chat ("ask me anything anytime", 您在这里随时问，我都会回复,
价格、时间、流程都可以问我): it answers nothing, whatever times or topics it names."""


def _without_chat_offer(statement: str, locale: str) -> str:
    """The statement without its subclauses that only offer to keep answering."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if not _CHAT_OFFER[loc].search(statement):
        return statement
    parts = [p for p in _SUBCLAUSE.split(statement) if p and not _CHAT_OFFER[loc].search(p)]
    return ("，" if loc == "zh_CN" else ", ").join(parts)


def _answer_in_form(statements: list[str], form: str, need: NeedView, locale: str) -> str | None:
    """What answers the question asked in the form it was asked, when its need's own kind of
    information is missing: a yes or a no, a count, "free" to a money question asked yes or no,
    a time until the result to an outcome asked how soon. A reply that guarantees anything gives
    no short yes (a boast is no answer, see docs/design-notes.md)."""
    if not any(promise(c, locale) for c in statements):
        said = _short_answer(statements[0], form, locale)
        if said is not None:
            return said
    if form == "yes_no":
        return _free_said(statements[0], need, locale)
    if form == "how_long":
        return _time_until(statements, need, locale)
    return None


def _short_answer(statement: str, form: str, locale: str) -> str | None:
    """``statement`` when it opens with the short answer the question's ``form`` takes."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if form == "yes_no":
        return _yes_or_no_said(statement, locale)
    if form == "how_many" and _COUNT_FIRST[loc].search(statement):
        return statement
    return None


@cache
def _distinct_terms(needs: tuple[NeedView, ...], locale: str) -> dict[str, tuple[str, ...]]:
    """Subject words per need, without those several needs share ("implant" in a price and an
    eligibility question says nothing about which one a clause answers)."""
    raw = {need.key: topic_terms(need.asks, locale) for need in needs}
    counts: dict[str, int] = {}
    for terms in raw.values():
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
    return {key: tuple(t for t in terms if counts[t] == 1) for key, terms in raw.items()}


@cache
def _informing_terms(
    needs: tuple[NeedView, ...], locale: str
) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Per need, the words it shares with other needs that are themselves information of its
    kind and of no other need's, with the needs that share them: "online" is asked in "can I do
    it online?" and in "what's the price difference between online and in person?", but only
    the first asks for it as information ("it's all online and self-paced")."""
    raw = {need.key: topic_terms(need.asks, locale) for need in needs}
    types = {need.key: need.types for need in needs}
    found: dict[str, list[tuple[str, frozenset[str]]]] = {need.key: [] for need in needs}
    for word in sorted({t for terms in raw.values() for t in terms}):
        sharers = frozenset(k for k, terms in raw.items() if word in terms)
        if len(sharers) < 2:
            continue  # a word of one need's asks names it anyway
        informed = [k for k in sharers if any(information(word, t, locale) for t in types[k])]
        if len(informed) == 1:
            found[informed[0]].append((word, sharers))
    return {key: tuple(words) for key, words in found.items()}


@lru_cache(maxsize=4096)  # keyed on customers' own words too: bounded, a long run stays flat
def _topic_pattern(terms: tuple[str, ...], locale: str) -> re.Pattern[str] | None:
    if not terms:
        return None
    if locale == "zh_CN":
        return re.compile("|".join(re.escape(t) for t in terms))
    # a hyphenated term is written with spaces too ("out-the-door", "out the door")
    alternatives = (re.escape(t).replace(r"\-", r"[-\s]") for t in terms)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


def _mentions(clause: str, terms: tuple[str, ...], locale: str) -> bool:
    pattern = _topic_pattern(terms, locale)
    return pattern is not None and pattern.search(clause.lower()) is not None


@lru_cache(maxsize=8192)
def _clauses(text: str, locale: str) -> tuple[str, ...]:
    splitter = _CLAUSE_ZH if locale == "zh_CN" else _CLAUSE_EN
    return tuple(c.strip() for c in splitter.split(text) if c and c.strip())


def clauses(text: str, locale: str) -> list[str]:
    """Sentences and clauses of a reply, the unit an answer or an act is found in."""
    return list(_clauses(text, locale))


_ACCOUNT_ID = re.compile(
    r"((?:微信|vx|v信|wechat|qq|邮箱|e-?mail|whatsapp|line)(?:号|id)?[:：\s]*)[\w.@+-]*\d[\w.@+-]*",
    re.IGNORECASE,
)
"""An account written out (客服微信 meiyan_kf01): its digits are no amount, count or time."""
_REFUSAL = {
    "en_US": re.compile(
        r"\b(can'?t|cannot|not able to|unable to|won'?t|not allowed to|not at liberty to)\s+"
        r"(share|say|disclose|discuss|tell|talk about|reveal|comment on|give out)\b|\bno comment\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"不(方便|便|能|好)(说|透露|讲|告诉|回答|公开)|无法(透露|告知|提供)|无可奉告|保密"
    ),
}
"""A refusal to tell ("can't share that", 内部的不方便说): what was asked stays untold."""
_DEFLECTION = {
    "en_US": re.compile(
        r"\b(discuss (that |this |it )?(later|in person|on the phone|at the)|we can talk about|"
        r"call us (to|for)|find out (more )?(in|at|when)|depends.{0,20}(call|visit|come in)|"
        # told later, by someone else: "the attorney will give you a checklist at your
        # consultation", "I'm not able to discuss that in chat"
        r"(will|'ll) (give|send|go over|walk you through|explain|discuss|review|provide)\b"
        r"[^.!?]{0,40}\b(at|during|in|after) (your|the|our) (consult|consultation|visit|"
        r"appointment|meeting|call|first session)\b|"
        r"(not able to|unable to|can'?t|cannot) discuss\b|"
        # not known yet, or someone else's to tell: "I can't confirm times yet", "we recommend
        # contacting your insurance provider", "not something we share"
        r"(can'?t|cannot|unable to|not able to) (confirm|say|tell|give you)\b[^.!?]{0,25}"
        r"\b(yet|right now|until|at this point)|before we (talk|get into|discuss)|"
        r"(recommend|suggest) (contacting|calling|checking with|you contact|you call|you check)|"
        r"not something (we|i) (share|disclose|give out)|"
        # you will see when you come: "you'll see once you're here", "来了就知道了"
        r"you'?ll (see|find out|know) (when|once|as soon as) you (come|get here|visit|arrive|"
        r"'re here)|"
        # outside what this chat covers: "I can only help with questions about legal services"
        r"(i|we) (can|am able to|'m able to|are able to) only (help|assist|answer|discuss)|"
        r"(i|we)(?:'m| am|'re| are) only (able|here) to (help|assist|answer)|"
        # kept back: "that's confidential / internal information"
        r"(that'?s|that is|it'?s|it is|those are) (confidential|internal|proprietary)\b|"
        # a topic praised, nothing told: "Evidence is super important!!"
        r"^\W*[\w' ]{1,30} (is|are) (super |very |really |so |extremely )?(important|key|crucial|"
        r"essential)\W*$|"
        # the question praised or called common: "That's such an important question!"
        r"^\W*(that'?s|this is|it'?s|what) (a |an |such an? )?(really |very |so |great |good )?"
        r"(important|common|great|good|fair|smart|understandable|excellent) "
        r"(question|concern|thing to ask)\W*$|"
        # what it depends on asked back: "Depends what kind of partnership you mean."
        r"^\W*(it |that )?(all )?depends( on)? (what|which|how|who)\b[^.!?]*\b(you|your)\b|"
        # to be looked up later, or not known here: "let me check the timetable and get back to
        # you tomorrow", "I don't have access to this center's timetable", a bot that did not
        # understand
        r"(let me|i'?ll|i will) (check|find out|look into|ask)\b[^.!?]{0,40}\b(get back to you|"
        r"let you know|circle back)|"
        r"(i|we) (don'?t|do not) have access to|(i'?m sorry, )?i (didn'?t|did not|don'?t) "
        r"understand (that|your|the)\b|"
        # made sure of first, or said before: "I want to give you an accurate answer on that
        # rather than guess", "That's what I covered above"
        r"\b(rather than|instead of) guess(ing)?(?=\W*$)|(don'?t|do not) want to guess(?=\W*$)|"
        r"^\W*that'?s what i (covered|said|mentioned|explained|went over) "
        r"(above|earlier|before)\b)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(之后再|到店(再|详)|电话里|面谈|见面(再|详)|来了再|不方便透露|再详细(聊|说)|具体.{0,4}(来电|到店)|"
        # the one who will look at it will know: 医生看一下就知道了, 律师看了材料才能给您准确意见
        r"(看一下|看一看|看看|一看|看了|看过|看完)[^，。]{0,8}(就|才)(能)?(知道|清楚|明白|给(您|你))|"
        r"不好一概而论|"
        r"(没法|无法|还不能|暂时不能|定不了|确定不了)[^，。]{0,4}(确定|确认|定下来|告诉)|"
        r"(建议您|请您?)(直接)?(咨询当地|拨打|致电|联系当地|到当地)|请拨打|详询|"
        # someone else to ask: 可以在预约时和前台确认一下, 请咨询您的专属课程顾问
        r"(可以|请|建议)[^，。！？]{0,8}(和|跟|向)(您的)?(专属)?(前台|顾问|课程顾问|客服)[^，。！？]{0,3}(确认|咨询|了解)|"
        r"请咨询(您的)?(专属)?(课程)?(顾问|前台|客服)|"
        r"(来了|过来|到店|到了|来院|见面)(就|自然)?(知道|明白|清楚)了?|"
        r"(看了|看完|见了|检查|评估|面诊|看过)[^，。]{0,6}才(能)?(定|确定|知道|报|说|清楚|判断|下结论)|"
        # known only after a check: 需要拍个CT才能判断, 需要医生复查以后才能判断
        r"(需要|要|得)[^，。！？]{0,10}才(能)?(判断|下结论)|"
        # a referral, a look-it-up-yourself, a deferral to after signing: 如需了解医保报销政策，
        # 请拨打…; 停车的话您自己导航一下就知道了; 证据的事签了合同律师会跟你说
        r"如(需|想|要)(了解|咨询|查询)|(您|你)自己[^，。]{0,4}(导航|搜|查|看)一下就(知道|清楚)|"
        r"(签了|签完|委托(后|之后|以后)|交了钱|付了款)[^，。]{0,10}(会|再)(跟|和|给)?(你|您)(说|讲)|"
        # kept back: 不便透露, 属于内部信息
        r"不便(透露|告知|公开|回答)|(不能|无法|没法)(透露|公开)|属于(内部|商业)(信息|机密|数据)|"
        # someone else will check it later: 到院后由前台为您核实, 已反馈给相关部门，会尽快核实处理
        r"(到院|到店|来院|来店|到了|过来)后?[^，。]{0,14}(核实|确认|查询)|欢迎随时(咨询|联系|来电|垂询)|"
        r"(反馈|转交|转达|上报)(给)?(相关部门|上级|主管|负责人|领导)|尽快(核实|核查|调查)|"
        # put off: 报销的事到时候再说, 回头再聊
        r"(到时候|回头|以后|改天)再(说|聊|谈|讲|看)|"
        # the question praised or called common: 周末是很多家庭关心的问题！, 这个问题问得好
        r"^\W*[^，。！？]{0,12}(是|也是)[^，。！？]{0,8}(关心|关注|在意|常问|担心|会问)的(问题|事情?|点)\W*$|"
        r"^\W*(这个|您这个|这)?问题(问得)?(很|非常|特别)?(好|重要|关键)\W*$|"
        # the visit will tell, someone else will work it out, nothing to say: 具体请以医生面诊为准;
        # 由收费处为您具体核算; 时间就不好说了; 跑几趟不重要，关键是… ("因人而异", "要看孩子" and
        # "需要医生评估" close informative answers too often to rule a clause out)
        r"以[^，。！？]{0,6}(面诊|检查|评估|诊断|核算)(结果)?为准|"
        r"由[^，。！？]{0,6}(收费处|前台|顾问|医生|律师|老师)[^，。！？]{0,2}(为您|给您)(具体)?(核算|评估|解答|确认)|"
        r"(时间|这个|价格|费用|多少)就?(不好说|说不准|不一定)|[^，。！？]{1,6}不重要，关键是|"
        # a bot's menu, a note taken, someone else at the visit: 请点击下方菜单查看, 回复1转人工,
        # 您的反馈已收到, 到了以后咨询前台, 来院面诊医生会详细给您讲, 没有理解您的问题
        r"(反馈|留言|信息)已收到|已收到您的(反馈|留言)|"
        # to be made sure of first, or said before: 这个问题我想确认准确后再答复您,
        # 这部分上面已经说过了
        r"(确认|核实|查|问)[^，。！？]{0,6}(准确|清楚)?(后|了)再(答复|回复|告诉|回)|"
        r"^\W*(这部分|这个|这)?(上面|之前|刚才|前面)(已经)?(说|讲|回答|介绍)过了|"
        r"(咨询|问问?)(一下)?(前台|工作人员|现场)|"
        r"(医生|律师|老师|顾问)会(详细|具体|仔细)(地)?(给|跟|为)(您|你)(讲|说|介绍|解释|分析)|"
        r"没(有)?(理解|听懂|明白)(您|你)的(问题|意思)"
        r")"
    ),
}
_BOT_MENU = {
    "en_US": re.compile(
        r"\b(click|tap|reply|press|type)\b[^.!?,;]{0,30}"
        r"\b(to (see|view|learn|get|read)|for more)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(请)?点击(下方|菜单|链接|左下角)[^，。！？]{0,12}(查看|了解|获取)|"
        r"(请|详情请?)?回复\s?[\d“\"「【][^，。！？]{0,8}(查看|了解|获取|转人工|人工)"
    ),
}
"""A bot's menu instruction ("回复“预约”查看可选时间段", 请点击下方菜单【医保政策】查看): it tells
nothing itself, and what the same clause tells stays an answer."""
_SHOWN_WORK = {
    "en_US": re.compile(
        r"\b(portfolio|gallery|reviews|before[- ]and[- ]after|examples|projects)\b", re.IGNORECASE
    ),
    "zh_CN": re.compile(r"案例|作品|实景|效果图|评价|前后对比"),
}
"""Work to be seen: a link to it is the answer to "can I see your past projects?"."""


def _without_bot_menu(clause: str, locale: str) -> str:
    """``clause`` without the parts that are menu instructions."""
    if not _BOT_MENU[locale].search(clause):
        return clause
    kept = [
        p
        for p in _SUBCLAUSE.split(clause)
        if p and (not _BOT_MENU[locale].search(p) or _SHOWN_WORK[locale].search(p))
    ]
    return ("，" if locale == "zh_CN" else ", ").join(p.strip() for p in kept if p.strip())


_NOT_MINE = {
    "en_US": re.compile(
        r"\b(i|we)(?:'m| am|'re| are)? (can'?t|cannot|not able to|unable to|"
        r"don'?t have the authority to|not authori[sz]ed to)( personally)? (approve|authori[sz]e|"
        r"decide|promise|process|offer|say|issue|"
        r"grant)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(r"没有权限|无权|做不了主|说了不算|(不能|没法|无法)(决定|做主|拍板|答应)"),
}
"""Someone else's to decide: "I can't approve refunds myself", "我这边没有权限说退不退". The
part that says so answers nothing; the rest of the sentence (who will call, and when) may."""
_CONTACT_DIGITS = re.compile(r"\(?\d{3,}\)?[\d\s\-Xx*]{4,}|\d{1,2}[:：]\d\d")
"""Phone numbers and opening hours: digits that do not make a deflection an answer."""
_SECOND_PERSON = re.compile(r"\b(you|your)\b|您|你", re.IGNORECASE)


def acts_of(text: str, locale: str) -> frozenset[str]:
    """The acts of an agent message read on its own (scorers: was a contact asked for?)."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if is_unreadable(text):
        return frozenset()
    return _read_acts(tuple(clauses(visible(text), loc)), loc)[0]


_LEAVE_AFTER_OFFER = {
    "en_US": re.compile(
        r"^\W*(would (that|this) (work|be (ok|okay|alright|all right|helpful|good))|"
        r"(is|would) (that|this) (ok|okay|alright|all right|fine)|does (that|this) work|"
        r"sound good)\b[^.!]*\?",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"^\W*(您看|你看|您觉得|你觉得)?(可以吗|行吗|好吗|方便吗|需要吗|行不行|可不可以)"
    ),
}
"""Leave asked in a clause of its own, right after a call offered."""


@lru_cache(maxsize=8192)
def _read_acts(
    parts: tuple[str, ...], locale: str
) -> tuple[frozenset[str], tuple[tuple[str, str], ...], str | None, bool]:
    """Acts of a reply's clauses, their evidence, the contact kind asked for, and whether a
    clause proposes a next step with its purpose ("I can book it right here", "律师明早给您
    打过去") whether or not the reply asks for a contact.

    Cached per clause tuple: agents repeat their sentences, and the scorers ask again.
    """
    acts: set[str] = set()
    evidence: dict[str, str] = {}
    kind: str | None = None
    offered: str | None = None  # "I'll have her call you": no ask, but the call needs a number
    for index, clause in enumerate(parts):
        checks: list[tuple[str, str | None]] = [
            (Act.GIVES_REASON, find_act("gives_reason", clause, locale)),
            (Act.ASKS_CONSENT, find_act("asks_consent", clause, locale)),
            (Act.SHOWS_EMPATHY, empathy(clause, locale)),
            (Act.PRESSURES, pressure(clause, locale)),
            (Act.PROMISES, promise(clause, locale)),
        ]
        if index < 2:
            checks.append((Act.GREETS, find_act("greets", clause, locale)))
        asked = contact_ask(clause, locale)
        if asked is not None:
            checks.append((Act.ASKS_CONTACT, asked[0]))
            kind = kind or asked[1]
        else:
            offered = offered or call_offer(clause, locale)
        for act, span in checks:
            if span and act not in acts:
                acts.add(act)
                evidence[act] = clause if len(clause) <= 160 else span
    next_step = Act.GIVES_REASON in acts
    leave, leave_at = next(
        (
            (found, index)
            for index, clause in enumerate(parts)
            if (found := permission_to_contact(clause, locale))
        ),
        (None, 0),
    )
    if leave is None:
        # the offer, then the leave in a clause of its own: "I can have Ms. Alvarez call you at
        # 8:30 tomorrow - would that work for you?"
        leave, leave_at = next(
            (
                ((parts[index + 1], kind_offered), index + 1)
                for index, clause in enumerate(parts[:-1])
                if (kind_offered := offer_to_reach(clause, locale))
                and _LEAVE_AFTER_OFFER["zh_CN" if locale == "zh_CN" else "en_US"].match(
                    parts[index + 1]
                )
            ),
            (None, 0),
        )
    if leave is not None:
        # "Would it be okay if I call you tomorrow?": consent asked, and the contact it needs is
        # the one a customer who agrees gives (the policy reads the kind as an ask)
        acts.add(Act.ASKS_CONSENT)
        evidence.setdefault(Act.ASKS_CONSENT, leave[0])
        kind = kind or leave[1]
        follow_up = next(
            (span for c in parts[leave_at + 1 :] if (span := contact_after_leave(c, locale))),
            None,
        )
        if follow_up is not None and Act.ASKS_CONTACT not in acts:
            acts.add(Act.ASKS_CONTACT)  # "… If so, what number should she use?"
            evidence[Act.ASKS_CONTACT] = follow_up
    kind = kind or offered
    if Act.ASKS_CONTACT not in acts:
        # consent is about sharing a contact: "if you want" elsewhere is just politeness
        if leave is None:
            acts.discard(Act.ASKS_CONSENT)
            evidence.pop(Act.ASKS_CONSENT, None)
        # a reason is what a contact is for: a bare offer ("Want me to hold a spot?", "Would you
        # like to schedule a consultation?") or a next step ("the doctor can talk to you about it
        # at your visit") is not one, unless the clause is itself about a contact channel and
        # says what for ("call us at 555-0148 so we can set up a meet-and-greet")
        if Act.GIVES_REASON in acts and not any(contact_purpose(c, locale) for c in parts):
            acts.discard(Act.GIVES_REASON)
            evidence.pop(Act.GIVES_REASON, None)
    elif Act.GIVES_REASON not in acts:
        # next to a contact ask, what the business will do with it is its reason ("律师明早给您
        # 打过去", "our designer can come out Thursday to measure")
        for clause in parts:
            span = purpose_near_ask(clause, locale)
            if span:
                acts.add(Act.GIVES_REASON)
                evidence[Act.GIVES_REASON] = clause if len(clause) <= 160 else span
                break
    return frozenset(acts), tuple(evidence.items()), kind, next_step or Act.GIVES_REASON in acts


def complete_reading(
    answers: list[str],
    acts: frozenset[str] | set[str],
    evidence: dict[str, str],
    contact_kind: str | None,
    flags: set[str],
    shown: str,
    context: ReadContext,
    chars: int,
    next_step: bool | None = None,
) -> Reading:
    """A :class:`Reading` from what a reader found, with what follows from it for every reader:
    the amounts quoted for a price question, the answers nobody asked for, an FAQ dump."""
    amounts: tuple[float, ...] = ()
    pending = next((n for n in context.needs if n.key == context.asked), None)
    if pending is not None and pending.key in answers and "money" in pending.types:
        quoted = [a for a in money_amounts(evidence.get(pending.key, "")) if a.kind in _PRICE_KINDS]
        quoted = quoted or [a for a in money_amounts(shown) if a.kind in _PRICE_KINDS]
        amounts = tuple(a.value for a in quoted)
    voiced = {context.asked, *context.voiced} - {None}
    unasked = tuple(key for key in answers if key not in voiced)
    if len(unasked) >= 2:
        flags.add(Flag.UNASKED_DUMP)
    deferred = None
    if (
        pending is not None
        and pending.key not in answers
        and "outcome" in pending.types
        and not flags & {Flag.ECHO, Flag.FRAGMENTED}
    ):
        span = deferral(shown, context.locale)
        if span is not None:
            deferred = pending.key
            evidence = {**evidence, "deferred": span}
    return Reading(
        answers=tuple(answers),
        acts=frozenset(acts),
        flags=frozenset(flags),
        evidence=evidence,
        contact_kind=contact_kind,
        amounts=amounts,
        chars=chars,
        unasked=unasked,
        next_step=Act.GIVES_REASON in acts if next_step is None else next_step,
        deferred=deferred,
    )


class _Continuing:
    """The clauses that answered the question just asked and those that go on with its kind of
    information: an answer given as a list (price rows, the steps of a timeline) goes on in every
    clause with more of it, a deal in a price list ("40 课时起购，可享 9 折") is more of the price,
    and a label before its value ("1x/week: $160/month", 按每周两次算：) belongs with it. Worked out
    on the first question, since most readings never ask."""

    __slots__ = ("_found", "_index", "_locale", "_need", "_statements")

    def __init__(self, need: NeedView, statements: tuple[str, ...], index: int, locale: str):
        self._need, self._statements, self._index, self._locale = need, statements, index, locale
        self._found: frozenset[int] | None = None

    def __contains__(self, index: object) -> bool:
        if self._found is None:
            types = self._need.types
            kinds = (*types, "discount") if "money" in types else types
            more = [
                any(information(clause, t, self._locale, True) for t in kinds)
                for clause in self._statements
            ]
            self._found = frozenset(
                i
                for i, clause in enumerate(self._statements)
                if i == self._index
                or more[i]
                or (clause[-1] in ":：" and i + 1 < len(more) and more[i + 1])
            )
        return index in self._found


@lru_cache(maxsize=4096)
def _read_cached(reader: RulesReader, text: str, context: ReadContext) -> Reading:
    return reader._read(text, context)


@lru_cache(maxsize=8192)
def _answers_cached(
    reader: RulesReader,
    parts: tuple[str, ...],
    needs: tuple[NeedView, ...],
    asked: str | None,
    locale: str,
    asked_times: str = "",
    form: str = "",
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    # Answers depend on the reply, the needs and the question asked, not on the customer's own
    # words (which vary per conversation and defeat the whole-reading cache): read them once.
    # Of those words only the times the customer named count (see ``_echoed_time``), and there
    # are few of them, and whether a short yes, no or count answers the question (``form``).
    context = ReadContext(locale, needs, asked, customer_text=asked_times)
    answers, evidence = reader._answers(list(parts), context, locale, form)
    return tuple(answers), tuple(evidence.items())


_NAMED_TIME = {
    "zh_CN": re.compile(
        r"(周|星期|礼拜)[一二三四五六日天]|周末|早上|上午|中午|下午|晚上|傍晚|夜里|放学后|寒假|暑假"
    ),
    "en_US": re.compile(
        r"\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekends?\b|\b(mornings?|afternoons?|"
        r"evenings?|nights?|after school|after work)\b",
        re.IGNORECASE,
    ),
}


def _times_named(text: str, locale: str) -> str:
    """The weekdays and times of day a customer message names, lowercased, in order."""
    return " ".join(m.group(0).lower() for m in _NAMED_TIME[locale].finditer(text))


def _parts_of_no_rival(
    clause: str,
    need: NeedView,
    rivals: tuple[str, ...],
    terms: dict[str, tuple[str, ...]],
    context: ReadContext,
    locale: str,
    deals: bool,
) -> list[str]:
    """The parts of ``clause`` that are about no rival of ``need``. A rival asking for the same
    kind of information, named without it, keeps the parts after it too ("我们补牙用的都是3M的
    树脂，一颗三百" after "洁牙多少钱": the 三百 is the filling's; "$34,890 out the door, and our
    $499 doc fee" closes its own topic); a deal stays an answer to a question about deals
    whatever it is on (补牙九折)."""
    same_kind = {n.key for n in context.needs if n.key in rivals and set(n.types) & set(need.types)}
    kept: list[str] = []
    carried = False
    for part in _SUBCLAUSE.split(clause):
        if not part:
            continue
        named = [key for key in rivals if _mentions(part, terms[key], locale)]
        if named:
            carried = any(key in same_kind for key in named) and not any(
                information(part, kind, locale) for kind in need.types
            )
        if (not named and not carried) or (deals and _names_a_deal(part, locale)):
            kept.append(part)
    return kept


class RulesReader:
    """The default reader: typed recognisers over clauses, negation- and question-aware."""

    name = "rules"

    def read(self, text: str, context: ReadContext) -> Reading:
        """What a customer in ``context`` understands from the agent reply ``text``.

        Cached: the same reply in the same context (the first turn of every conversation with a
        scripted agent, say) is read once. Readings are frozen; callers never change them.
        """
        return _read_cached(self, text, context)

    def _read(self, text: str, context: ReadContext) -> Reading:
        locale = "zh_CN" if context.locale == "zh_CN" else "en_US"
        early = unread(text, locale)
        if early is not None:
            return early
        shown = visible(text)
        chars = len(shown)
        flags = surface_flags(text, context, locale)
        if Flag.FRAGMENTED in flags and _lists_what_was_asked(text, context, locale):
            flags.discard(Flag.FRAGMENTED)
        if Flag.WALL in flags:  # the customer reads the start and skims the rest
            shown = shown[: READ_LIMIT[locale]]
            text = text[: READ_LIMIT[locale] * 2]
        parts = clauses(text, locale)
        acts, act_evidence, contact_kind, next_step = _read_acts(tuple(parts), locale)
        evidence = dict(act_evidence)
        answers: list[str] = []
        if not flags & {Flag.ECHO, Flag.FRAGMENTED}:
            found, found_evidence = _answers_cached(
                self,
                tuple(parts),
                context.needs,
                context.asked,
                locale,
                _times_named(context.customer_text, locale),
                _question_form(context.customer_text, locale),
            )
            answers = list(found)
            evidence.update(found_evidence)
        if not answers and not acts and self._off_topic(parts, context, locale):
            flags.add(Flag.OFF_TOPIC)
        return complete_reading(
            answers, acts, evidence, contact_kind, flags, shown, context, chars, next_step
        )

    def _answers(
        self, parts: list[str], context: ReadContext, locale: str, form: str = ""
    ) -> tuple[list[str], dict[str, str]]:
        statements = [_ACCOUNT_ID.sub(r"\1", _statement_part(c)) for c in _whole_questions(parts)]
        # a greeting or a request for the customer's contact is not an answer to anything
        statements = [_without_contact_ask(c, locale) for c in statements]
        statements = [_without_bot_menu(c, locale) for c in statements]
        statements = [_without_refusal_let_stand(c, locale) for c in statements]
        statements = [c for c in statements if c and not _only_greeting(c, locale)]
        statements = [
            c
            for c in statements
            if not _DEFLECTION[locale].search(c)
            or re.search(r"\d", _CONTACT_DIGITS.sub("", c))
            or any(a.kind in _PRICE_KINDS for a in money_amounts(c))  # 面谈一小时三百
            or (
                form == "yes_no" and _FREE_SAID[locale].search(c)
            )  # 线上咨询不收费，来所里面谈也免费
        ]
        statements = [_without_not_mine(c, locale) for c in statements]
        statements = [_without_chat_offer(c, locale) for c in statements]
        statements = [c for c in statements if c]
        terms = _distinct_terms(context.needs, locale)
        answers: list[str] = []
        evidence: dict[str, str] = {}
        joined = " ".join(statements).lower()
        answered: set[int] = set()  # the clauses that answered the question just asked
        # and those that go on with the same kind of information (worked out when first asked)
        continued: _Continuing | frozenset[int] = frozenset()
        # a deal's price ("$99 new patient special — exam and cleaning") is the answer to a
        # question about deals and the price of the service it names: each side reads it once
        deal_statements = statements
        for need in sorted(context.needs, key=lambda n: n.key != context.asked):
            deals = is_discount_need(need)
            found = self._hint(need, joined)
            span = found
            if found is None:
                found, span, index = self._info_for(
                    need,
                    deal_statements if deals else statements,
                    terms,
                    context,
                    locale,
                    frozenset(answered),
                    continued,
                )
                if need.key == context.asked and index is not None:
                    answered.add(index)
                    continued = _Continuing(need, tuple(statements), index, locale)
            if found is not None:
                answers.append(need.key)
                evidence[need.key] = found
                if span:
                    # the information that answered one question is not read again as another's
                    shared = _deal_price(span, statements, context.needs)
                    if deals or not shared:
                        deal_statements = [c.replace(span, " ") for c in deal_statements]
                    if not deals or not shared:
                        statements = [c.replace(span, " ") for c in statements]
        asked = next((n for n in context.needs if n.key == context.asked), None)
        if form and asked is not None and asked.key not in answers and statements:
            said = _answer_in_form(statements, form, asked, locale)
            if said is not None:
                answers.insert(0, asked.key)
                evidence[asked.key] = said
        return answers, evidence

    @staticmethod
    def _hint(need: NeedView, joined: str) -> str | None:
        return next((hint for hint in need.hints if hint.lower() in joined), None)

    def _info_for(
        self,
        need: NeedView,
        statements: list[str],
        terms: dict[str, tuple[str, ...]],
        context: ReadContext,
        locale: str,
        answered: frozenset[int] = frozenset(),
        continued: _Continuing | frozenset[int] = frozenset(),
    ) -> tuple[str | None, str | None, int | None]:
        """The evidence for ``need``, the span read as its information and the clause's index.

        ``answered``: the clauses that answered the question just asked; an amount in them
        ("Medicare Advantage plans usually cap at $1,000–$2,000") belongs to that answer and is
        not read as the price of something the clause does not name.
        """
        pending = need.key == context.asked
        rivals = _rivals(context.needs, need.key)
        asked = next((n for n in context.needs if n.key == context.asked), None)
        informing = _informing_terms(context.needs, locale)[need.key]
        for index, whole in enumerate(statements):
            about_this = _mentions(whole, terms[need.key], locale)
            if informing and not about_this and not pending:
                # a shared word is the asked question's own in the clauses answering it ("online
                # is $890, in person $1,250" after "what does it cost?")
                about_this = _mentions(
                    whole,
                    tuple(
                        word
                        for word, sharers in informing
                        if not (index in continued and context.asked in sharers)
                    ),
                    locale,
                )
            clause = whole
            filtered = pending and not about_this and bool(rivals)
            if filtered:
                # the information may be another question's ("implants are $3,000" after "how
                # much is a cleaning?"): keep only the parts of the clause that name no rival;
                # a deal stays an answer to a question about deals whatever it is on (补牙九折)
                deals = is_discount_need(need)
                kept = _parts_of_no_rival(clause, need, rivals, terms, context, locale, deals)
                clause = ("，" if locale == "zh_CN" else ", ").join(kept)
            if not pending and clause and _asks_doer(need):
                doer = _DOER[locale].search(clause)
                if doer:
                    # who will do it names its subject itself, unasked too
                    return (clause if len(clause) <= 160 else doer.group(0)), None, index
            if _is_fault_need(need) and clause:
                # whose fault, and who did it, name their subject themselves ("that's on us",
                # 是我们沟通不到位, "Dr. Shah who did it is still here", 还是原来的陈医生)
                fault = _FAULT[locale].search(clause)
                if fault:
                    return (clause if len(clause) <= 160 else fault.group(0)), fault.group(0), index
            if pending and clause and "money" in need.types and _asks_rate(terms[need.key]):
                rate = _RATE[locale].search(clause)
                if rate:
                    # a loan question answered with a share or a rate: 首付最低两成, 两年的免息,
                    # "1.9% APR for 60 months"; the whole clause is the loan's (its 免息 is no
                    # deal for another question)
                    return (clause if len(clause) <= 160 else rate.group(0)), clause, index
            for need_type in _types_read(need, pending):
                if need_type == "outcome" and not pending and _NOT_EVERY[locale].search(clause):
                    continue  # "不是所有案子都能做风险代理": which cases qualify, not their chances
                if need_type == "outcome" and not pending and _depends_on(clause, locale):
                    continue  # "the cost depends on her bone health": a factor, no verdict
                if (
                    need_type == "documents"
                    and not pending
                    and _recounted(statements, index, locale)
                ):
                    continue  # "从您说的看，有借条、有转账记录": the case told back, no advice
                if need_type == "money" and is_discount_need(need):
                    need_type = "discount"
                read = clause
                base = "money" if need_type == "discount" else need_type
                if filtered and not _rivals_of_type(context.needs, need.key, base):
                    # only a rival asking for this kind of information can own it: "the $240
                    # comes from a buildup the dentist added" is the bill's, not whose fault
                    read = whole
                if not read:
                    continue
                if (
                    (
                        need_type in ("time", "duration")
                        or (need_type == "policy" and not _asks_whom(need))
                    )
                    and _CALLBACK[locale].search(read)
                    and not _asks_callback(need)
                ):
                    # when someone will call back is not when classes run, how long the case
                    # takes or what a warranty covers ("教务老师会在24小时内与您联系",
                    # "律师将于工作日9:00-18:00期间回复您", "a consultant will answer your
                    # question within 1 business day"); it does answer whom to talk to
                    continue
                if need_type in ("time", "duration") and pressure(read, locale):
                    # a deadline ("enrollment closes Friday", 特惠只到本周日) is no timetable
                    read = _without_pressure(read, locale)
                    if not read:
                        continue
                if (
                    need_type == "duration"
                    and not pending
                    and "time" in need.types
                    and not _per_period(read, need, locale)
                ):
                    # unasked, a timetable's count is per week or month (每周两次); "上了两三次课
                    # 觉得不合适就换", "试听一节" count sessions of something else
                    continue
                if need_type == "duration" and not pending and index in continued:
                    # part of the answer just given: the unit of a price ("每次 90 分钟 150 元"),
                    # the terms of a warranty (水电五年), the months a claim covers
                    continue
                if (
                    need_type == "credentials"
                    and not pending
                    and index in continued
                    and asked is not None
                    and _asks_doer(asked)
                ):
                    # the credentials in an answer about who does it are that person's, not the
                    # clinic's ("给您做的是王医生，主治医师，执业证都有")
                    continue
                if (
                    need_type == "product"
                    and not pending
                    and index in continued
                    and not BRAND[locale].search(read)
                ):
                    # what was priced or warranted ("a kitchen with quartz and new cabinets runs
                    # $45k-70k", "the maker's warranty covers materials"); a brand named is news
                    continue
                if need_type == "other":
                    long_enough = (
                        len(clause) >= 10 if locale == "zh_CN" else len(clause.split()) >= 5
                    )
                    if (
                        pending
                        and long_enough
                        and not _REQUEST.match(clause)
                        and not _REFUSAL[locale].search(clause)
                    ):
                        return clause, None, index
                    continue
                if not (pending or about_this):
                    # an amount of money answers the persona's only money question even when the
                    # clause does not name it ("价格按课时算，一课时两百" after a schedule question)
                    if (
                        need_type == "money"
                        and index not in answered
                        and not _rivals_of_type(context.needs, need.key, "money")
                    ):
                        # (a deal's price is a price too, 活动价才4980, 全包只要3980; not a
                        # newcomer's taster, 新客洗牙只要六十八, "our new patient special is $79")
                        amounts = [
                            a
                            for a in money_amounts(clause)
                            if a.kind == "price"
                            or (
                                a.kind == "special"
                                and not _TASTER.search(clause, max(0, a.span[0] - 24), a.span[0])
                            )
                        ]
                        if amounts:
                            start, end = amounts[0].span
                            evidence = clause if len(clause) <= 160 else clause[start:end]
                            return evidence, clause[start:end], index
                        named = _named_price(clause, locale)
                        if named:
                            # "our flat fee is 1500", 律师费是八千: a charge named, then its figure
                            evidence = clause if len(clause) <= 160 else named
                            return evidence, named, index
                    elif (
                        need_type == "time"
                        and not _asks_timetable(need)
                        and not _rivals_of_type(context.needs, need.key, "time")
                        and _CALLBACK[locale].search(read)
                        and information(read, "time", locale)
                    ):
                        # when someone will be back to the customer answers the only question
                        # of when they will hear back ("主任明天上午会给您打电话", "she'll call
                        # you by 5")
                        return read, None, index
                    elif need_type in _LISTED and not _rivals_of_type(
                        context.needs, need.key, need_type
                    ):
                        # a timetable or a list of documents answers the only question of its
                        # kind unnamed ("We run weekday afternoons and Sat mornings", "all your
                        # pay stubs and the termination letter")
                        hits = _listed(read, need, need_type, locale)
                        if hits:
                            evidence = clause if len(clause) <= 160 else hits
                            return evidence, None, index
                    elif need_type == "discount" and not any(
                        is_discount_need(n) for n in context.needs if n is not need
                    ):
                        # a deal answers the only question about deals, named or not ("there's a
                        # $1k trade assist right now", "新客首次九十九")
                        amounts = [a for a in money_amounts(clause) if a.kind in _DEAL_KINDS]
                        if amounts:
                            start, end = amounts[0].span
                            evidence = clause if len(clause) <= 160 else clause[start:end]
                            return evidence, clause[start:end], index
                        off = amount_off(clause, locale)
                        if off:  # 这个月学生党有九折, "10% off for seniors"
                            return (clause if len(clause) <= 160 else off), off, index
                    elif (
                        need_type in ("time", "duration")
                        and index not in continued
                        and _per_period(read, need, locale)
                    ):
                        # a count per period, as the customer asked it ("How many sessions a
                        # week?" – "most families do two a week", 一周几次课 – 每周两次); in the
                        # answer just given it is what a price or a result is based on
                        found = _per_period(read, need, locale)
                        return (read if len(read) <= 160 else found), None, index
                    elif (
                        need_type == "duration"
                        and index not in continued
                        and _how_long_of_it(read, need, context.needs, locale)
                    ):
                        # how long the matter takes answers the only question of how long,
                        # unnamed ("cases like this usually settle in 3-6 months",
                        # 一般三个月能判下来)
                        span = information(read, "duration", locale)
                        return (read if len(read) <= 160 else span), span, index
                    elif (
                        need_type == "product"
                        and not _rivals_of_type(context.needs, need.key, "product")
                        and (brand := _maker_named(read, locale))
                    ):
                        # a maker named is news about the materials wherever it is said ("like
                        # lifetime on the Kohler fixtures" in an answer about the warranty)
                        return (read if len(read) <= 160 else brand), None, index
                    continue  # neither the question asked nor one the clause names
                if (
                    need_type == "credentials"
                    and not pending
                    and _ANY_QUALIFIED[locale].search(read)
                ):
                    # "always go to a qualified doctor": advice on choosing, not ours; what the
                    # clause goes on to say of our own doctors still counts
                    read = " ".join(
                        p for p in _PHRASE.split(read) if not _ANY_QUALIFIED[locale].search(p)
                    )
                span = information(read, need_type, locale, pending)
                if (
                    span is not None
                    and need_type == "money"
                    and pending
                    and not about_this
                    and _asks_an_item(need, locale)
                    and _other_items_priced(read, terms[need.key], locale)
                ):
                    continue  # 洗牙120，补牙200起 after "种一颗牙多少钱？": other services' prices
                if span is None and need_type == "money" and not pending:
                    # a charge named with its figure ("律师费按阶段收，仲裁阶段三千")
                    span = _named_price(read, locale)
                if (
                    span is not None
                    and need_type == "outcome"
                    and not pending
                    and "%" in span
                    and index in continued
                    and asked is not None
                    and "money" in asked.types
                ):
                    continue  # "33% of the recovery, 40% if it goes to trial": the fee's share
                if (
                    span is not None
                    and need_type == "duration"
                    and "duration" not in need.types
                    and _SHORT_SPAN[locale].search(span)
                ):
                    continue  # a term (质保几年?) is not told in minutes: 每次大约75分钟 is a visit
                if span is not None and need_type == "duration" and _price_unit(read, span):
                    continue  # "$55 a session", 一节课一百六: what a price is per, not a schedule
                if span is not None and need_type == "duration" and _experience(read, span, locale):
                    continue  # "been doing lips for 12 years" is a credential, not a duration
                if (
                    span is not None
                    and need_type == "duration"
                    and _asks_recovery(need)
                    and _LASTING[locale].search(read[: max(0, read.find(span))])
                ):
                    continue  # "results last 6-12 months" is how long it lasts, not the downtime
                if span is not None and _free_hook(read, span, need, statements[index + 1 :]):
                    continue  # "the assessment is free" is no price of the lessons asked about
                if (
                    span is not None
                    and pending
                    and need_type == "time"
                    and _echoed_time(read, span, context)
                ):
                    continue  # "Tuesdays are our busiest day!!" to "any openings Tuesday?"
                if span is not None:
                    return (read if len(read) <= 160 else span), span, index
        return None, None, None

    @staticmethod
    def _off_topic(parts: list[str], context: ReadContext, locale: str) -> bool:
        if any(_QUESTION.search(c) and _SECOND_PERSON.search(c) for c in parts):
            return False  # a question back to the customer (clarifying) is on topic
        vocabulary: set[str] = set()
        sources = [context.customer_text, *(a for n in context.needs for a in n.asks)]
        for source in sources:
            vocabulary.update(topic_terms((source,), locale))
        reply = " ".join(parts)
        return not _mentions(reply, tuple(vocabulary), locale)
