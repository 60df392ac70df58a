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
    contact_ask,
    contact_purpose,
    empathy,
    find_act,
    pressure,
    promise,
    purpose_near_ask,
)
from simulator.reading._model import Act, Flag, NeedView, ReadContext, Reading
from simulator.reading._numbers import money_amounts
from simulator.reading._surface import (
    READ_LIMIT,
    is_unreadable,
    surface_flags,
    unread,
    visible,
)
from simulator.reading._types import compiled, information

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
_ZH_STOP_BIGRAMS = frozenset({"时间", "费用", "价格"})


@cache
def topic_terms(asks: tuple[str, ...], locale: str) -> tuple[str, ...]:
    """Subject words of a need, taken from the customer's own ways of asking it."""
    terms: list[str] = []
    for ask in asks:
        text = re.sub(r"\{[^}]*\}", " ", ask).lower()
        if locale == "zh_CN":
            for run in re.findall(r"[\u4e00-\u9fff]+", _ZH_FILLER.sub(" ", text)):
                terms.extend(run[i : i + 2] for i in range(len(run) - 1))
            terms.extend(w for w in re.findall(r"[a-z]{3,}", text))
        else:
            for word in re.findall(r"[a-z][a-z'-]+", text):
                if word not in _EN_STOP and len(word) >= 3:
                    terms.append(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return tuple(t for t in dict.fromkeys(terms) if t not in _ZH_STOP_BIGRAMS)


def _statement_part(clause: str) -> str:
    """The clause without its closing question: "周末可以，要我帮您占着吗？" keeps its answer."""
    if not _QUESTION.search(clause):
        return clause
    parts = _SUBCLAUSE.split(clause)
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
        r"\b(he|she)'?s? (still|no longer) (here|with us|on staff)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(是|算|属于)?我们的(问题|责任|错|失误|疏忽|过错)|我们(沟通|做得|处理得?)?(不到位|没做好|有疏忽|失误)|"
        r"沟通不到位|怪我们|(责任|问题)(在|归)(我们|医院|诊所|医生|材料)|(原来|之前|当时)(给您做|做)?的.{0,3}(医生|大夫)|"
        r"(医生|大夫)(还在|已经离职|离职了|不在了)"
    ),
}
"""Whose fault it is, or whether the one who did it is still there: what a complaint about a
treatment asks, said by the agent."""


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


_NAMED_PRICE = {
    "en_US": re.compile(
        r"\b(fee|price|cost|rate|charge)s? (is|are|runs?|would be|will be|comes to) (about |"
        r"around |roughly |just |only )?\$?\d{2,}(,\d{3})*\b"
        r"(?!\s?(%|percent|am|pm|hours?|days?|years?))",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(费用|价格|收费|律师费|服务费)(是|为|在)(大概|大约)?\d{3,}(?!\s?(%|年|天|小时|个))"
    ),
}
"""A charge named and a figure after it, no currency needed: the price of the only money need."""
_CALLBACK = {
    "en_US": re.compile(
        r"\b(will|'ll|’ll|is going to|going to) (call|contact|reach out to|get back to|"
        r"follow up with|reply to|respond to) (you|u)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(会|将|再)(给|跟|和)?(您|你)(打电话|回电|回复|联系|答复)|(联系|回复|答复|回电)(您|你)"
    ),
}
_LISTED = ("time", "documents")
_LIST_MIN = 2
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


_EXPERIENCE = {
    "en_US": re.compile(
        r"\b(been|have been|has been|'s been|'ve been) (doing|practicing|practising|working|"
        r"teaching|injecting|treating|coaching|tutoring|in business|in practice|at it|"
        r"in the field)\b[^.!?]{0,40}\bfor\b[^.!?]{0,20}|"
        r"\b(years?|yrs?) (of )?(experience|in practice|in business|in the field)\b|"
        r"\bin business (for )?(over |more than )?\w+ (years?|decades?)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(教龄|从业|执业|干了|做了|教了|从事|带)[^，。！？]{0,8}年|年(的)?(经验|教龄|从业|老(公司|店|字号|品牌))"
    ),
}


def _experience(clause: str, span: str, locale: str) -> bool:
    """Whether the length of time ``span`` is someone's experience, not how long a thing takes."""
    start = clause.find(span)
    return any(
        m.start() <= start + len(span) and start <= m.end()
        for m in _EXPERIENCE[locale].finditer(clause)
    )


_PRICE_KINDS = ("price", "special")
_DEAL_KINDS = ("special", "reduction")


_COURTESY = re.compile(
    r"^\W*(thanks?( you)? (so much )?for (reaching out|contacting|messaging|your (message|question|"
    r"interest)|writing|getting in touch)|感谢(您的)?(咨询|关注|来信|留言|信任)|亲|在的)",
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
    return len(rest.strip()) < (12 if locale == "zh_CN" else 30)


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


@lru_cache(maxsize=4096)  # keyed on customers' own words too: bounded, a long run stays flat
def _topic_pattern(terms: tuple[str, ...], locale: str) -> re.Pattern[str] | None:
    if not terms:
        return None
    if locale == "zh_CN":
        return re.compile("|".join(re.escape(t) for t in terms))
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + ")")


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


_DEFLECTION = {
    "en_US": re.compile(
        r"\b(discuss (that |this |it )?(later|in person|on the phone|at the)|we can talk about|"
        r"call us (to|for)|find out (more )?(in|at|when)|depends.{0,20}(call|visit|come in)|"
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
        r"essential)\W*$)\b",
        re.IGNORECASE,
    ),
    "zh_CN": re.compile(
        r"(之后再|到店(再|详)|电话里|面谈|见面(再|详)|来了再|不方便透露|再详细(聊|说)|具体.{0,4}(来电|到店)|"
        r"(没法|无法|还不能|暂时不能|定不了|确定不了)[^，。]{0,4}(确定|确认|定下来|告诉)|"
        r"(建议您|请您?)(直接)?(咨询当地|拨打|致电|联系当地|到当地)|请拨打|详询|"
        r"(来了|过来|到店|到了|来院|见面)(就|自然)?(知道|明白|清楚)了?|"
        r"(看了|看完|见了|检查|评估|面诊|看过)[^，。]{0,6}才(能)?(定|确定|知道|报|说|清楚)|"
        # kept back: 不便透露, 属于内部信息
        r"不便(透露|告知|公开|回答)|(不能|无法|没法)(透露|公开)|属于(内部|商业)(信息|机密|数据)|"
        # someone else will check it later: 到院后由前台为您核实, 已反馈给相关部门，会尽快核实处理
        r"(到院|到店|来院|来店|到了|过来)后?[^，。]{0,14}(核实|确认|查询)|欢迎随时(咨询|联系|来电|垂询)|"
        r"(反馈|转交|转达|上报)(给)?(相关部门|上级|主管|负责人|领导)|尽快(核实|核查|调查)"
        r")"
    ),
}
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
_CONTACT_DIGITS = re.compile(r"\(?\d{3,}\)?[\d\s\-X]{4,}|\d{1,2}[:：]\d\d")
"""Phone numbers and opening hours: digits that do not make a deflection an answer."""
_SECOND_PERSON = re.compile(r"\b(you|your)\b|您|你", re.IGNORECASE)


def acts_of(text: str, locale: str) -> frozenset[str]:
    """The acts of an agent message read on its own (scorers: was a contact asked for?)."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    if is_unreadable(text):
        return frozenset()
    return _read_acts(tuple(clauses(visible(text), loc)), loc)[0]


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
        for act, span in checks:
            if span and act not in acts:
                acts.add(act)
                evidence[act] = clause if len(clause) <= 160 else span
    next_step = Act.GIVES_REASON in acts
    if Act.ASKS_CONTACT not in acts:
        # consent is about sharing a contact: "if you want" elsewhere is just politeness
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
    )


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
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    # Answers depend on the reply, the needs and the question asked, not on the customer's own
    # words (which vary per conversation and defeat the whole-reading cache): read them once.
    answers, evidence = reader._answers(list(parts), ReadContext(locale, needs, asked), locale)
    return tuple(answers), tuple(evidence.items())


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
        if Flag.WALL in flags:  # the customer reads the start and skims the rest
            shown = shown[: READ_LIMIT[locale]]
            text = text[: READ_LIMIT[locale] * 2]
        parts = clauses(text, locale)
        acts, act_evidence, contact_kind, next_step = _read_acts(tuple(parts), locale)
        evidence = dict(act_evidence)
        answers: list[str] = []
        if not flags & {Flag.ECHO, Flag.FRAGMENTED}:
            found, found_evidence = _answers_cached(
                self, tuple(parts), context.needs, context.asked, locale
            )
            answers = list(found)
            evidence.update(found_evidence)
        if not answers and not acts and self._off_topic(parts, context, locale):
            flags.add(Flag.OFF_TOPIC)
        return complete_reading(
            answers, acts, evidence, contact_kind, flags, shown, context, chars, next_step
        )

    def _answers(
        self, parts: list[str], context: ReadContext, locale: str
    ) -> tuple[list[str], dict[str, str]]:
        statements = [_statement_part(c) for c in parts]
        # a greeting or a request for the customer's contact is not an answer to anything
        statements = [_without_contact_ask(c, locale) for c in statements]
        statements = [c for c in statements if c and not _only_greeting(c, locale)]
        statements = [
            c
            for c in statements
            if not _DEFLECTION[locale].search(c) or re.search(r"\d", _CONTACT_DIGITS.sub("", c))
        ]
        statements = [_without_not_mine(c, locale) for c in statements]
        statements = [c for c in statements if c]
        terms = _distinct_terms(context.needs, locale)
        answers: list[str] = []
        evidence: dict[str, str] = {}
        joined = " ".join(statements).lower()
        answered: set[int] = set()  # the clauses that answered the question just asked
        for need in sorted(context.needs, key=lambda n: n.key != context.asked):
            found = self._hint(need, joined)
            span = found
            if found is None:
                found, span, index = self._info_for(
                    need, statements, terms, context, locale, frozenset(answered)
                )
                if need.key == context.asked and index is not None:
                    answered.add(index)
            if found is not None:
                answers.append(need.key)
                evidence[need.key] = found
                if span:
                    # the information that answered one question is not read again as another's
                    statements = [c.replace(span, " ") for c in statements]
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
    ) -> tuple[str | None, str | None, int | None]:
        """The evidence for ``need``, the span read as its information and the clause's index.

        ``answered``: the clauses that answered the question just asked; an amount in them
        ("Medicare Advantage plans usually cap at $1,000–$2,000") belongs to that answer and is
        not read as the price of something the clause does not name.
        """
        pending = need.key == context.asked
        rivals = _rivals(context.needs, need.key)
        for index, whole in enumerate(statements):
            about_this = _mentions(whole, terms[need.key], locale)
            clause = whole
            filtered = pending and not about_this and bool(rivals)
            if filtered:
                # the information may be another question's ("implants are $3,000" after "how
                # much is a cleaning?"): keep only the parts of the clause that name no rival
                kept = [
                    part
                    for part in _SUBCLAUSE.split(clause)
                    if part and not any(_mentions(part, terms[key], locale) for key in rivals)
                ]
                clause = ("，" if locale == "zh_CN" else ", ").join(kept)
            if _is_fault_need(need) and clause:
                # whose fault, and who did it, name their subject themselves ("that's on us",
                # 是我们沟通不到位, "Dr. Shah who did it is still here", 还是原来的陈医生)
                fault = _FAULT[locale].search(clause)
                if fault:
                    return (clause if len(clause) <= 160 else fault.group(0)), fault.group(0), index
            for need_type in _types_read(need, pending):
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
                if need_type == "time" and pressure(read, locale):
                    # a deadline ("enrollment closes Friday", 特惠只到本周日) is no timetable
                    read = _without_pressure(read, locale)
                    if not read:
                        continue
                if need_type == "duration" and not pending and index in answered:
                    # part of the answer just given: the unit of a price ("每次 90 分钟 150 元"),
                    # the terms of a warranty (水电五年), the months a claim covers
                    continue
                if need_type == "other":
                    long_enough = (
                        len(clause) >= 10 if locale == "zh_CN" else len(clause.split()) >= 5
                    )
                    if pending and long_enough and not _REQUEST.match(clause):
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
                        amounts = [a for a in money_amounts(clause) if a.kind == "price"]
                        if amounts:
                            start, end = amounts[0].span
                            evidence = clause if len(clause) <= 160 else clause[start:end]
                            return evidence, clause[start:end], index
                        named = _NAMED_PRICE[locale].search(clause)
                        if named:
                            # "our flat fee is 1500", 律师费是八千: a charge named, then its figure
                            evidence = clause if len(clause) <= 160 else named.group(0)
                            return evidence, named.group(0), index
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
                    continue  # neither the question asked nor one the clause names
                span = information(read, need_type, locale, pending)
                if span is not None and need_type == "duration" and _experience(read, span, locale):
                    continue  # "been doing lips for 12 years" is a credential, not a duration
                if span is not None and _free_hook(read, span, need, statements[index + 1 :]):
                    continue  # "the assessment is free" is no price of the lessons asked about
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
