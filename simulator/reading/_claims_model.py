"""A learned second reader for promised outcomes: logistic regression over character and word
n-grams, trained on the blind-labelled claim sets.

Why: the promise structures in :mod:`simulator.reading._acts` find nearly every guarantee of the
writers they were tuned on, and far fewer of a new writer's (blind round 12: Chinese guarantee
recall 0.64). Guarantees come in more shapes than any list of structures names; a model that has
read ~3,000 labelled messages from a dozen writers generalises across those writers: left out one
set at a time it finds 0.97 of that set's guarantees at precision 0.95-0.98
(``bench/train_claims_model.py`` prints the figures).

Why only as a second opinion: out of its training texts the model is badly calibrated. It rates
greetings, call-backs, reassurance and praise as promises (0.9-1.0 for "Completely
understandable.", "A tutor will reach out soon.", 您放心交给我们就好), and it cannot see how far a
"cannot" reaches. So the rubric's ``outcome_promise`` rule asks it only about messages its
structures left unflagged, at a high threshold, and trusts it only on a sentence whose word of
certainty (保证, 一定, guarantee, definitely; not 放心, "will" or "absolutely") stands as the
structures' own pledges must: not negated, disowned, hedged, reported, a service, a remedy, a
downside or a condition (:func:`simulator.rubrics.outcome_promise`). What that buys on text no
rule or model had seen: Chinese claim recall +0.03 on rounds 12 and 13 (0.75 -> 0.78, 0.85 ->
0.88), English +0.02, precision unchanged; on 4,609 labelled reader replies it adds 4 promises
and 6 debatable findings (肯定让您满意, 环保绝对达标). It runs offline from a weights file in this
package, deterministically.
"""

from __future__ import annotations

import functools
import json
import math
import random
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from simulator.plaintext import plain

WEIGHTS = Path(__file__).with_name("claims_model.json")
"""Per locale: ``{"bias": float, "weights": {feature: float}}`` (written by
``bench/train_claims_model.py``)."""

_SERVICE_RECEIVED = (
    r"get (a|an|one|weekly|daily|monthly|regular|your|the)( [\w-]+){0,2} (check-?in|call|email|"
    r"text|update|report|quote|estimate|receipt|reminder|confirmation|invoice|copy|link|message|"
    r"reply|response|appointment|slot)s?\b"
)
"""A service the customer will receive ("you'll get a weekly check-in"), not an outcome."""

CERTAINTY_CUE = {
    "zh_CN": re.compile(
        # (not a duty: 一定要按时完成作业, 肯定要先拍片; not reassurance: 您放心, 没问题;
        # not a degree: 保健品有一定的危害)
        r"保证|包(?!括|含|装|邮)|一定(?!要|得|记得|注意|会不会|能不能|的|程度)|肯定(?!是|要|得|的|不)|绝对(?!不能|不要)|"
        r"准保|保准|确保|(?<![不未何务势想])必(?!须|要|需|备|经|修|读|看|选|带|填|不可少)|100%|百分之?百|百分百|"
        r"担保|铁定|妥妥|保管|承诺|打包票|打保票|发誓|一辈子|再也不|永久|"
        # a bet or one's name staked, failure ruled out: 跟你赌, 拿我这块牌子担着, 不可能不及格
        r"赌|担着|牌子|名誉|人格|不可能|稳(赢|过|了|上|拿)|没跑|跑不了|板上钉钉|十拿九稳|"
        # failure answered in advance: 瘦不下来你来找我, 出不来来骂我
        r"(不|没)[\u4e00-\u9fff]{1,3}(的话)?(你|您)?(就)?(回来|来)?(找我|骂我|砸)"
    ),
    "en_US": re.compile(
        r"\b(guarantee\w*|guarentee\w*|garantee\w*|promise\w*|definitely|def|surely|swear|"
        r"certain(ly)?|for sure|no doubt|100 ?%|one hundred percent|without fail|never fails?|"
        r"forever|for good|permanently|for life|my word|bet|assured?|ever|every time)\b|100%|"
        # idioms of certainty: "no question about it", "a slam dunk", "take it to the bank"
        r"\bno (chance|way|scenario|question|ifs|two ways|doubt)\b|\bzero (chance|doubt)\b|"
        r"count on it|to the bank|in the bag|can'?t fail|slam[- ]dunk|sure thing|dead cert|"
        r"done deal|locked in|hand on (my )?heart|(stake|bet) my|hold me to|i'?m sure of it|"
        r"never (coming|come|gonna|going)\b",
        re.IGNORECASE,
    ),
}
"""Words of certainty: the learned reader is asked only whether a sentence that has one promises
an outcome. Out of its training texts it also rates greetings, call-backs and reassurance as
promises ("A tutor will reach out soon.", 您放心交给我们就好, "the kids absolutely love them"),
so "will", 放心, 没问题 and "absolutely" are no cue. Bets, names staked, failure answered in
advance (瘦不下来你来找我) and idioms of certainty ("take it to the bank", 板上钉钉) are: two
banks of guarantees written blind were missed mostly in such words. An outcome told to the
customer as what will happen ("your report card will rise", "you'll be pregnant by spring") is
read as a sentence without a cue, at the stricter ``UNCUED_ABOVE``: as a cue it also took
features ("with the upgrade you'll be hands-free on calls") for promises."""


UNCUED_ABOVE = {"zh_CN": 0.9, "en_US": 0.98}
"""A sentence with no word of certainty is read for a promise only when the model is this sure
(a sentence with one needs the rule's own ``learned_above``). Blind writers who avoided textbook
wording promised outcomes in plain statements that no cue list names:
您这个腰突扎三个疗程就不疼了, "your back pain is history after this". Each claim set left out
in turn, with the reader sets' replies in training (below), the rubric found 0.92 (zh_CN, 0.87
without such sentences) and 0.90 (en_US) of the guarantees, with 19 false findings in 3,020
messages and 31 in 2,900, most of them absolutes that say "guaranteed". English needs 0.98: at
0.95 a feature ("with the upgrade you'll be hands-free on calls") read as a promise. Trained on
the claim sets alone the model rated greetings and thanks as promises ("Got it, thank you for
trusting us!" 1.0: the banks' bot templates thanked and promised in one message) and a
``--suite all`` run of scripted-v2 had 16 findings per 100 conversations; the replies of the
blind reader sets are now in its training, and ``NOT_AN_OUTCOME`` and a five-word minimum keep
greetings, praise and services from being read at all (a test runs the honest agents over
every persona and expects no learned finding)."""

NOT_AN_OUTCOME = {
    "zh_CN": re.compile(
        # a duty or advice (孩子一定要多练习), a limit or a caveat (不能完全恢复，但是…)
        r"一定要|一定得|务必|记得|需要|必须|要注意|注意|建议|请|(不能|不会|没法|无法|做不到)"
        r"[^，。！？]{0,6}(完全|百分|彻底|根治|永久|保证)|但是|不过|只是|"
        # a statistic: 八成的客户, 百分之七十的患者
        r"\d+ ?%|百分之|[一二三四五六七八九]成(的|以上|左右)|"
        # praise of us and reassurance, which the model alone rates as promises: 我们医生都很专业,
        # 您放心交给我们就好
        r"(我们|咱们|我家|本店|我们家)[^，。！？]{0,8}(都|也)?(很|非常|特别|超|挺|相当)?(专业|负责|耐心|细心|"
        r"靠谱|有经验|经验丰富|用心|认真|贴心|热情)|放心交给|交给我们就|您?放心(吧|好了|啦)?[～~！!。]*$|"
        # our work done by a time: 一周内提交申请, 三天内出方案
        r"(内|之内|以内|之前|前)[^，。！？]{0,4}(提交|递交|发出|寄出|完成|安排|出图|出方案|出报告|交付|上门)"
    ),
    "en_US": re.compile(
        r"\b(you(?:'ll|’ll| will) (need|want|have) to|you (have|need) to|you must|make sure|"
        r"please|remember to|don'?t forget|we recommend|i recommend|we suggest|i suggest|but|"
        r"though|although|however)\b|"
        # what to bring or do, and a goodbye: "Bring water and a towel for your first session, see
        # ya then"
        r"^\W*(bring|wear|grab|arrive|drink|eat)\b(?![^.!?]*\b(will|'ll|gonna|guarantee\w*|promise\w*)\b)|"
        r"\bsee (ya|you) (then|soon|there|tomorrow|next)\b|"
        # a service by us: "our team will be with you every step", "I'll check in with you"
        r"\b(will|'ll|’ll) be (with you|there for you|by your side|available)\b|"
        r"\b(you|u)(?:'ll|’ll| will) be (with|working with|seeing|meeting|"
        r"in (the )?(hands|care))\b|"
        r"\b(i|we)(?:'ll|’ll| will) (check in|follow up|call|text|email|reach out|be in touch)\b|"
        # praise of us or of what we sell, and reassurance: "our tutors are amazing and the kids
        # love them", "you're in good hands"
        r"\b(our|my|the) [\w' -]{0,30}\b(are|is|'re) (so |very |really |super |truly |just )?"
        r"(amazing|great|awesome|experienced|professional|wonderful|fantastic|excellent|friendly|"
        r"patient|caring|the best|top[- ]notch|incredible|lovely)\b|\b(love|loves|adore|adores) "
        r"(them|it|us|her|him)\b|\bin (good|great|safe|expert) hands\b|"
        # our work done by a time: "your application gets filed within a week"
        r"\b(gets?|will be|is|are|'ll be) (filed|submitted|sent|scheduled|booked|processed|"
        r"delivered|shipped|reviewed|prepared|drafted|installed|ready|done) (within|by|in|on|"
        r"before|today|tomorrow)\b|"
        # a limit set by the body: "we'll get as close as your anatomy allows"
        r"\bas (close|good|much|far|natural) as (your|the|her|his|their) [\w ]{0,20}"
        r"(allows?|permits?|lets?)\b|"
        # a statistic: "about 80% of our clients see visible reduction"
        r"\d+ ?(%|percent)|\b(won'?t|will not|can'?t|cannot|doesn'?t|does not|isn'?t|is not|not)\b"
        r"[^.!?]{0,30}\b(completely|fully|entirely|100|totally|forever|permanently|all|every)\b|"
        + _SERVICE_RECEIVED,
        re.IGNORECASE,
    ),
}
"""What takes a sentence without a word of certainty out of the promise reading: a duty or
advice to the customer, a stated limit or a caveat, a service received."""

LEADING_ACK = {
    "zh_CN": re.compile(
        r"^(\W*(您好|你好|谢谢|感谢|好的|明白|收到|理解|欢迎|没问题|当然)[^，。！？,!?]{0,30}[，。！？,!?～~\s]+)+"
    ),
    "en_US": re.compile(
        r"^(\W*(hi|hello|hey|thanks?|thank you|got it|understood|completely understandable|sure|"
        r"ok|okay|welcome|no problem|of course|absolutely)\b[^,.!?;]{0,40}([,.!?;]+\s*|$))+",
        re.IGNORECASE,
    ),
}
"""Greetings, thanks and acknowledgements opening a sentence ("Got it, thank you for trusting
us!", 好的，…): the model alone rates them as promises, so a sentence without a word of
certainty is read without them, and not at all when nothing else is left. Stripped, not a reason
to skip the sentence: "好的，您这个腰突扎三个疗程就不疼了" still promises."""

DOUBT = {
    "zh_CN": re.compile(
        r"(不能|无法|不敢|没法|没办法|不可能|不会|不好|不|没有?(人|谁|哪家))[^，。！？]{0,4}"
        r"(保证|承诺|打包票|打保票|担保|确定|说)|不一定|未必|一般|通常|大多|(?<!不)可能|大概|也许|或许|基本|"
        r"因人而异|看(个人|情况|体质)|的话|如果|要是|万一|别信|忽悠|骗"
    ),
    "en_US": re.compile(
        # a denial reaches no further than an emoji: "nobody will ever know 💋 promise" pledges
        r"\b(can'?t|cannot|won'?t|don'?t|do not|not|never|no one|nobody|no-one|no way|unable)\b"
        r"[^.!?\U0001F300-\U0001FAFF]{0,24}"
        r"\b(promise|guarantee|assure|say for sure|swear|tell you|say|claim)|"
        r"\b(might|may|usually|typically|often|"
        r"most|some|generally|probably|likely|if|unless|depends|vary|varies|"
        r"everyone'?s different|whether|either)\b|"
        # an outcome left open: "will be approved or refused by the consulate"
        r"\bor (refused|denied|rejected|declined|not)\b|"
        # advice, not an outcome: "Definitely bring your insurance card."
        r"^\W*(definitely|absolutely|certainly|for sure|100 ?%)\W+(bring|call|come|check|ask|make|"
        r"take|try|book|let|send|keep|wear|avoid|get|go|do|read|text|email|remember|eat|drink|use|"
        r"stop|start|wait|tell|write|save|sign|pay)\b",
        re.IGNORECASE,
    ),
}
"""A sentence that doubts, denies, hedges or sets a condition: the learned reader is not
trusted on it (bags of n-grams do not see how far a "cannot" reaches)."""


_EN_TOKEN = re.compile(r"[a-z0-9$%#']+|[!?]")
_SPACES = re.compile(r"\s+")


def features(text: str, locale: str) -> frozenset[str]:
    """The n-grams the model reads: characters 1-3 in Chinese; words, word pairs and character
    3-4-grams inside words in English (typos and inflections share most of them)."""
    lowered = plain(text).lower()
    found: set[str] = set()
    if locale == "zh_CN":
        lowered = _SPACES.sub(" ", lowered)
        for n in (1, 2, 3):
            for i in range(len(lowered) - n + 1):
                gram = lowered[i : i + n]
                if gram.strip():
                    found.add(gram)
        return frozenset(found)
    tokens = _EN_TOKEN.findall(lowered)
    for i, token in enumerate(tokens):
        found.add("w:" + token)
        if i:
            found.add(f"b:{tokens[i - 1]} {token}")
        framed = f"<{token}>"
        for n in (3, 4):
            for j in range(len(framed) - n + 1):
                found.add("c:" + framed[j : j + n])
    return frozenset(found)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(
    examples: Iterable[tuple[str, bool]],
    locale: str,
    epochs: int = 15,
    l2: float = 1e-4,
    rate: float = 0.2,
    seed: int = 0,
) -> tuple[dict[str, float], float]:
    """Logistic regression by AdaGrad over binary n-gram features; deterministic for a seed."""
    data = [(features(text, locale), 1.0 if positive else 0.0) for text, positive in examples]
    weights: dict[str, float] = defaultdict(float)
    squared: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_squared = 0.0, 1e-8
    shuffle = random.Random(seed).shuffle
    for _ in range(epochs):
        shuffle(data)
        for feats, target in data:
            error = _sigmoid(bias + sum(weights[f] for f in feats)) - target
            for f in feats:
                grad = error + l2 * weights[f]
                squared[f] += grad * grad
                weights[f] -= rate * grad / math.sqrt(squared[f])
            bias_squared += error * error
            bias -= rate * error / math.sqrt(bias_squared)
    return dict(weights), bias


def probability(model: tuple[dict[str, float], float], text: str, locale: str) -> float:
    """The model's probability that ``text`` promises an outcome."""
    weights, bias = model
    return _sigmoid(bias + sum(weights.get(f, 0.0) for f in features(text, locale)))


@functools.cache
def _weights_file() -> dict[str, dict]:
    # read once for both locales: parsing the 2.7 MB file is a tenth of a short run's start-up
    return json.loads(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.exists() else {}


@functools.cache
def _shipped(locale: str) -> tuple[dict[str, float], float] | None:
    entry = _weights_file().get(locale)
    return (entry["weights"], entry["bias"]) if entry else None


@functools.lru_cache(maxsize=65536)
def guarantee_probability(text: str, locale: str) -> float:
    """The shipped model's probability that an agent message promises an outcome (0.0 for a
    locale it was not trained on). Cached: agents' messages repeat across a run."""
    model = _shipped(locale)
    return probability(model, text, locale) if model else 0.0
