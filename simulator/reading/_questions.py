"""Which of a persona's needs a customer's message asks about.

Fitting a persona to real chats (``salesim personas fit``) needs the other direction of the
reader: not "did the agent answer need X" but "is the customer asking about need X". A clause
asks about a need when it is a question (a question mark, a question particle, an interrogative,
"I'd like to know") and it names the need's subject (the words of the need's own ``ask``
phrases that no other need shares) or asks for the kind of information the need's ``type`` is
(an amount for ``money``: "how much", "贵不贵", "budget"; a duration for ``duration``: "how
long", "几次"). Subject words decide between two needs of one type; a type cue that fits
several needs and no subject word is left unassigned rather than guessed.

The cue lists are about how people *ask*, not how agents answer; they were written from the
need types, and the classifier is measured on customer messages written blind
(``bench/question_accuracy.py``).
"""

from __future__ import annotations

import re
from functools import cache

from simulator.reading._model import NeedView
from simulator.reading._rules import _SUBCLAUSE, _distinct_terms, clauses

_EN_QUESTION = re.compile(
    r"\?|^\s*(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|may|might|have|"
    r"has|any)\b|\b(?:how|what|whats|what's|when|where|which|who|whose|why)\b|"
    r"\b(?:wondering|wonder|want to know|wanna know|like to know|need to know|curious|"
    r"tell me|let me know|not sure|no idea|any idea|how much|how long|how many|how often)\b",
    re.IGNORECASE,
)
_ZH_QUESTION = re.compile(
    r"[?？]|吗|呢\W*$|么\W*$|多少|多久|多长|几[个次天周月年点号岁颗遍节期]|几|什么|啥|怎么|怎样|如何|哪|"
    r"是否|是不是|能不能|可不可以|可以不|有没有|会不会|行不行|要不要|贵不贵|疼不疼|痛不痛|"
    r"(.)不\1|不\W*$|没\W*$|来得及|可能性|"
    r"想(?:了解|知道|问|咨询)|咨询一下|问一下|请问|求问|不知道|不清楚"
)

# How customers ask for each kind of information (question side, both locales).
_CUES: dict[str, dict[str, str]] = {
    "money": {
        "en_US": r"how much|cost|costs|price|pricing|prices|fee|fees|rate|rates|charge|charges|"
        r"afford|budget|expensive|cheap|pay|payment|payments|\$|dollars?|bucks|quote|package|"
        r"packages|installments?|financ\w*|discount|discounts|deal|worth it|contingency|"
        r"free consultation|owe|out of pocket",
        "zh_CN": r"多少钱|价格|价钱|费用|收费|报价|价位|预算|贵|便宜|花多少|要多少|多少米|钱|"
        r"付款|分期|优惠|折扣|打折|套餐|性价比|划算|元|块",
    },
    "time": {
        "en_US": r"when|what time|which days?|weekend|weekends|weekday|evening|evenings|"
        r"morning|mornings|afternoons?|night|tonight|tomorrow|available|availability|open|hours|"
        r"schedule|slot|slots|start|begin|appointment|mondays?|tuesdays?|wednesdays?|"
        r"thursdays?|fridays?|saturdays?|sundays?|after school|[0-9]{1,2}\s?(?:am|pm)",
        "zh_CN": r"什么时候|几点|哪天|周末|周几|周[一二三四五六日天]|星期|礼拜|晚上|早上|上午|"
        r"下午|时间|档期|营业|开门|有空|开始|预约|排期|放学",
    },
    "duration": {
        "en_US": r"how long|how many (?:sessions|visits|lessons|weeks|months|times|classes|"
        r"appointments)|how often|take to|takes|take|duration|per week|a week|"
        r"times a week|how soon|length",
        "zh_CN": r"多久|多长时间|多长|几次|几天|几周|几个月|几个星期|周期|工期|疗程|一周几|"
        r"每周|一次多|要多少次|多少次|多少天|时长|课时",
    },
    "process": {
        "en_US": r"process|procedure|steps|how does it work|how it works|what happens|"
        r"what do i need to do|what's involved|how do (?:we|i) start|first step|next step",
        "zh_CN": r"流程|步骤|怎么做|怎么弄|怎么操作|过程|程序|手续|怎么走|第一步|怎么开始|"
        r"具体怎么",
    },
    "credentials": {
        "en_US": r"qualified|qualifications?|certified|certificates?|licen[sc]ed?|licen[sc]e|"
        r"experience|experienced|credentials?|degrees?|trained|training|background|who (?:are|is|"
        r"would|will)|teachers?|tutors?|doctors?|lawyers?|staff|expert",
        "zh_CN": r"资质|资格|证书|执照|经验|老师|医生|律师|专业|学历|背景|几年|资历|师资|"
        r"是谁|什么人|靠谱",
    },
    "coverage": {
        "en_US": r"insurance|insured|cover|covered|coverage|medicare|medicaid|reimburs\w*|"
        r"claim|claims|copay|out of pocket|hsa|fsa",
        "zh_CN": r"医保|保险|报销|社保|能报|自费|商保|农合",
    },
    "safety": {
        "en_US": r"hurt|hurts|pain|painful|sore|safe|safety|risk|risks|risky|side effects?|"
        r"anaesthe\w*|anesthe\w*|numb|scar|scarring|complications?|dangerous|swelling",
        "zh_CN": r"疼|痛|安全|风险|副作用|麻药|麻醉|后遗症|危险|并发症|肿|留疤|伤",
    },
    "location": {
        "en_US": r"where|address|located|location|near|nearby|close to|parking|directions|"
        r"branch|branches|office|come in",
        "zh_CN": r"在哪|哪里|地址|位置|地点|附近|离.{0,6}近|停车|怎么去|门店|分店|到店",
    },
    "outcome": {
        "en_US": r"work|works|worked|results?|improve|improvement|better|chance|chances|win|"
        r"likely|success|succeed|effective|effect|guarantee|sure|outcome|odds|strong case|"
        r"does (?:it|this|that) (?:really |actually )?work|will (?:it|this|that) work|"
        r"fix|difference|go up|come up|pass|raise|screwed|get (?:my|the|that) money back|"
        r"too old|eligible|candidate|a problem|possible|realistic",
        "zh_CN": r"效果|提高|提分|提升|进步|有用|管用|把握|胜算|能赢|赢|成功率|成功|概率|"
        r"几成|希望|保证|有效|好转|见效|能好|结果|及格|要回来|追回|没办法|适合|还能|能种|能做|"
        r"可以做|做得了|种不了",
    },
    "policy": {
        "en_US": r"refund|refunds|money back|cancel|cancellation|switch|change|swap|replace|"
        r"policy|trial|return|warranty|guarantee|reschedul\w*|terms|contract",
        "zh_CN": r"退款|退费|退钱|退|取消|换|更换|试听|试课|保修|质保|售后|合同|条款|改期|政策",
    },
    "documents": {
        "en_US": r"documents?|paperwork|proof|evidence|records?|receipts?|bring|need to "
        r"provide|screenshots?|contract|papers|forms?|id\b",
        "zh_CN": r"材料|证据|资料|文件|证明|带什么|需要带|准备什么|截图|聊天记录|收据|凭证|"
        r"合同|身份证|手续",
    },
    "availability": {
        "en_US": r"available|availability|opening|openings|spots?|slots?|book|booking|"
        r"appointment|reserve|in stock|have any|can i come|can we come|walk in|same day",
        "zh_CN": r"有空|有位|名额|预约|约|排队|有货|现货|档期|能来|可以去|什么时候能|号",
    },
    "product": {
        "en_US": r"which (?:model|brand|one|type)|what (?:model|brand|kind|type)|brands?|"
        r"models?|materials?|features?|specs?|options|version|difference between",
        "zh_CN": r"品牌|型号|材料|材质|配置|款|哪种|什么牌子|区别|选哪|用的什么|环保",
    },
    "portfolio": {
        "en_US": r"examples?|cases|case studies|portfolio|photos?|pictures?|before and after|"
        r"previous|past (?:work|projects|clients)|references?|reviews?|show me|showroom",
        "zh_CN": r"案例|效果图|作品|照片|图片|样板|实景|以前做|之前做|口碑|评价|参观|看看",
    },
}


@cache
def _cue(kind: str, locale: str) -> re.Pattern[str] | None:
    words = _CUES.get(kind, {}).get(locale)
    if not words:
        return None
    if locale == "zh_CN":
        return re.compile(words, re.IGNORECASE)
    return re.compile(r"(?:(?<=\W)|^)(?:" + words + r")(?=\W|$)", re.IGNORECASE)


def _is_question(clause: str, locale: str) -> bool:
    pattern = _ZH_QUESTION if locale == "zh_CN" else _EN_QUESTION
    return pattern.search(clause) is not None


@cache
def _terms(terms: tuple[str, ...], locale: str) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    if locale == "zh_CN":
        return re.compile(alternatives)
    return re.compile(r"\b(?:" + alternatives + r")(?:s|es)?\b", re.IGNORECASE)


def _last_end(pattern: re.Pattern[str] | None, text: str) -> int:
    if pattern is None:
        return -1
    ends = [m.end() for m in pattern.finditer(text)]
    return max(ends) if ends else -1


def _questions(text: str, locale: str) -> list[tuple[str, str]]:
    """The parts of a message that ask something (question subclauses, else question clauses),
    each with its context: the clause and the one before it ("We have about $30k. Is that
    realistic?" asks about the price)."""
    out: list[tuple[str, str]] = []
    previous = ""
    for clause in clauses(text, locale):
        if _is_question(clause, locale):
            parts = [p for p in _SUBCLAUSE.split(clause) if p and p.strip()]
            asking = [p for p in parts if _is_question(p, locale)] or [clause]
            out.extend((part, f"{previous} {clause}") for part in asking)
        previous = clause
    return out


def _best(part: str, needs: tuple[NeedView, ...], locale: str) -> str | None:
    """The need a question part asks about.

    Its subject words and the kind of information it asks for count one each; a tie goes to the
    need whose words come last (the object of "how long until we see results" is the results),
    and an unbroken tie to none.
    """
    terms = _distinct_terms(needs, locale)
    ranked: list[tuple[int, int, str]] = []
    for need in needs:
        named = _last_end(_terms(terms[need.key], locale), part)
        cue_ends = [_last_end(_cue(kind, locale), part) for kind in need.types]
        hits = sum(1 for end in cue_ends if end >= 0)
        score = (1 if named >= 0 else 0) + min(hits, 1)
        if score:
            ranked.append((score, max(named, *cue_ends), need.key))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        return None
    return ranked[0][2]


def needs_asked(text: str, needs: tuple[NeedView, ...], locale: str) -> list[str]:
    """Keys of the needs ``text`` (one customer message or turn) asks about, in order of need."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    found: set[str] = set()
    for part, context in _questions(text, loc):
        key = _best(part, needs, loc) or _best(context, needs, loc)
        if key:
            found.add(key)
    return [need.key for need in needs if need.key in found]
