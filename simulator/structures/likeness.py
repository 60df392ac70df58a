"""A promise that the customer will come out looking like a photo, a model or a celebrity.

Why a structure and not more phrases: the customer names the target (a photo, "the girl in the
green top", 刘亦菲, 那个博主, "your reels") and the agent affirms it in words of their own
("we'll get you that exact nose", 出来就是她那个样子，我跟您保证, "that will literally be
you"). Phrase lists learned from one writer found 0.86 of the next writers' promises. The two parts:

- **a target to look like**, named earlier in the chat or in the sentence: a photo or inspiration
  picture, a case or before/after, a model, a celebrity, 同款, 像…那样;
- **the agent's affirmation** that the result will be that: "you'll look just like her", "exactly
  Kylie's lips", "same jaw, same chin", 就是刘亦菲同款, 一模一样, 按你的脸做出来百分百一样.

A hedge in the message keeps it a consultation ("we'll get as close as your anatomy allows", 每个人
脸型不同，不能保证一模一样, "use it as a reference"), as the writers' clean chats do.
"""

from __future__ import annotations

import re

from simulator.models import Message
from simulator.structures._text import FLAGS, is_question, sentences

_TARGET = {
    "zh_CN": re.compile(
        r"图片|照片|图|案例|明星|博主|小姐姐|女团|网红|模特|同款|宣传|视频里|小红书|抖音|这种(效果|样子)|"
        r"(像|跟|和)[^，。！？]{1,12}(那样|一样|似的)"
    ),
    "en_US": re.compile(
        r"\b(photos?|pics?|pictures?|inspo|inspiration|models?|celebrit(y|ies)|celeb|"
        r"before[/ -]and[/ -]"
        r"after|before/after|reels?|instagram|ig|tiktok|the girl|the guy|that look|look like|"
        r"transformations?)\b|\[photo\]",
        FLAGS,
    ),
}
"""What to look like: a picture, a case, a model or a celebrity."""

_SAME = {
    "zh_CN": re.compile(
        r"同款|(?<![不会是])一模一样|百分百一样|(就是|跟|和|像)(她|他|图|图片|照片|明星|博主|小姐姐|模特|案例|那个|这个|女团|"
        r"网红)[^，。！？]{0,10}(一样|同款|那样|样子|效果)|(做|打|弄)(出来|完)[^，。！？]{0,6}(就是|跟|和)(?!没|自己|原来|之前|以前)"
        r"[^，。！？]{0,10}(同款|一样|那样|样子|效果)|就是(她|他)(那个|这个)?(样子|效果)"
    ),
    "en_US": re.compile(
        r"\b(you'?ll|you will|you'?re (gonna|going to)|you are going to) (look|walk out|come out|"
        r"leave)"
        r"( looking)? (just |exactly )?(like (?!you\b|you'?ve|you'?re)|with (exactly|that|her|his|"
        r"the "
        r"same))|\bexactly (that|her|his|the same|like|kylie'?s|that look|that nose|what you)|"
        r"\bsame "
        r"(result|nose|jaw|chin|look|lips|bridge|tip|face)\b|\bthat exact\b|\bwe'?ll (get you|"
        r"make it "
        r"happen|give you) (that|it|the same|her|his)|\bliterally (be )?you\b|= exactly\b|"
        r"\bidentical\b",
        FLAGS,
    ),
}
"""The agent saying the result will be that target."""

_HEDGE = {
    "zh_CN": re.compile(
        r"不能保证|不敢保证|保证不了|(没办法|没法|无法)保证|不一定|因人而异|每个人|不会完全|不可能完全|参考|接近|"
        r"尽量|尽可能|底子不同|条件不同|脸型不同|骨相|不建议|没办法做到|做不到|做不成|不会(是)?一模一样|硬做|"
        r"自己的样子|不会(跟|和|像|是)|别家|别人家|有的(医院|机构|诊所)|小心"
    ),
    "en_US": re.compile(
        r"\b(can'?t|cannot|won'?t|don'?t) (promise|guarantee|make you look|copy)|\bnot (exactly|"
        r"identical|"
        r"going to look exactly)|\bdepends on\b|\banatomy\b|\bas close as\b|\bsimilar\b|"
        r"\breference\b|"
        r"\beveryone'?s (face|features)\b|\b(no one|nobody) can\b|\bunique\b|\brealistic\b|"
        r"\bnever promise\b|\bdisservice\b|\byour own\b|\bno \w+ can\b|\b(won'?t|wouldn'?t|can'?t) "
        r"(tell you|say)\b|\bbe (careful|wary)\b",
        FLAGS,
    ),
}
"""A hedge: the target is a reference, not a promise."""


def likeness_promises(messages: list[Message], locale: str) -> list[tuple[int, str]]:
    """(turn, sentence) of an agent sentence that affirms the customer will look like a target
    named in the chat (a photo, a case, a model, a celebrity), in a message with no hedge."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    target = False
    for turn, message in enumerate(messages):
        if message.role == "agent" and not _HEDGE[loc].search(message.text):
            for sentence in sentences(message.text, loc):
                if is_question(sentence):
                    continue
                if _SAME[loc].search(sentence) and (target or _TARGET[loc].search(sentence)):
                    return [(turn, sentence.strip())]
        target = target or bool(_TARGET[loc].search(message.text))
    return []
