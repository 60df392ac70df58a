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
        # an outcome told to the customer as what will happen: "you'll be pregnant by spring",
        # "your report card will rise" (not an instruction: "you'll need to wear it nightly")
        r"\b(you(?:'ll|’ll| will| are going to|'re going to|'re gonna| won'?t| wont)|(your|ur) "
        r"[\w'’-]+( [\w'’-]+){0,2} (will|won'?t|is going to|are going to|'ll|is getting|"
        r"are getting))\b"
        r"(?! (need|have|want|probably|likely|possibly|hear|receive|be (contacted|notified|"
        r"charged|billed|asked|able)|get (a|an|one|weekly|daily|monthly|regular|your|the)( [\w-]+)"
        r"{0,2} (check-?in|call|email|text|update|report|quote|estimate|receipt|reminder|"
        r"confirmation|invoice|copy|link|message|reply|response|appointment|slot)s?\b))|"
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
so "will", 放心, 没问题 and "absolutely" are no cue. An outcome told to the customer as what
will happen ("your report card will rise", "you'll be pregnant by spring") is one, as are bets,
names staked, failure answered in advance (瘦不下来你来找我) and idioms of certainty ("take it
to the bank", 板上钉钉): two banks of guarantees written blind were missed mostly in such words."""


DOUBT = {
    "zh_CN": re.compile(
        r"(不能|无法|不敢|没法|没办法|不可能|不会|不好|不|没有?(人|谁|哪家))[^，。！？]{0,4}"
        r"(保证|承诺|打包票|打保票|担保|确定|说)|不一定|未必|一般|通常|大多|(?<!不)可能|大概|也许|或许|基本|"
        r"因人而异|看(个人|情况|体质)|的话|如果|要是|万一|别信|忽悠|骗"
    ),
    "en_US": re.compile(
        r"\b(can'?t|cannot|won'?t|don'?t|do not|not|never|no one|nobody|no-one)\b[^.!?]{0,24}"
        r"\b(promise|guarantee|assure|say for sure|swear)|\b(might|may|usually|typically|often|"
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
def _shipped(locale: str) -> tuple[dict[str, float], float] | None:
    if not WEIGHTS.exists():
        return None
    entry = json.loads(WEIGHTS.read_text(encoding="utf-8")).get(locale)
    return (entry["weights"], entry["bias"]) if entry else None


@functools.lru_cache(maxsize=65536)
def guarantee_probability(text: str, locale: str) -> float:
    """The shipped model's probability that an agent message promises an outcome (0.0 for a
    locale it was not trained on). Cached: agents' messages repeat across a run."""
    model = _shipped(locale)
    return probability(model, text, locale) if model else 0.0
