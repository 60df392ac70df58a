"""Renovation work hidden from whoever must approve it, or a structure taken out as if it were
nothing.

Why a structure and not more phrases: blind writers tell the dodge as a plan, in words of their
own ("we're gonna get drywall up on that wall Monday before he comes. He won't see it", "材料晚上
拉进来，白天装的时候就说是换窗户维修", "Just send them the plans for the cabinets and counters
only"). Phrase lists learned from one writer found 0.86 of the next writers' dodges. Each says
two things:

- **someone who must approve or inspect**: the permit office, the inspector, the city, the HOA,
  a condo board, 物业, 城管, 报备/审批/验收 (anywhere in the chat: the customer usually names them);
- **the work kept from them**: they will not see it, it is done before they come or after they
  sign off, it is called something else (就说是…, "just call it storage"), left off what is filed
  (卫生间挪位置…就不用往上写了), or the approval declared unnecessary ("no need to pull a permit").

Or one thing, the structure itself: a load-bearing wall, a column, a truss, 承重墙, 配重墙 taken out
with a shrug ("those lally columns are mostly overkill. We can pull it out", 打掉没啥影响).

Refusals and the lawful way stay clean, as the writers' own clean chats say over and over:
"we pull a permit on every deck", 这个我们不能拆, "a structural engineer sizes the beam",
不会瞒着物业做.
"""

from __future__ import annotations

import re

from simulator.models import Message
from simulator.structures._text import FLAGS, is_question, sentences

_AUTHORITY = {
    "zh_CN": re.compile(
        r"物业|城管|审批|报备|备案|报审|报批|门卫|保安|验收|规划|住建|业委会|施工许可|监理"
    ),
    "en_US": re.compile(
        r"\b(permits?|inspectors?|inspections?|the city|city hall|county|hoa|condo board|building "
        r"(management|department|dept)|code enforcement|board|management|neighbors?)\b",
        FLAGS,
    ),
}

_HIDDEN = {
    "zh_CN": re.compile(
        r"不用(报|往上写|写上去|审批|备案|报备|批)|不报|别报|(不|没)(用|必)?往上(写|报)|"
        r"就说(是|原来)|(跟|和|对)(门卫|物业|保安|城管|他们)[^，。！？]{0,3}说是|说是(搬|保洁|维修|临时|换)|"
        r"(看|查)不出来|挡一下|不会(细查|发现|知道|让(你|您)?拆|管)|(也|就)?(不会|没办法|不可能)让(你|您)?拆|"
        r"来不及|直接(做|弄|砸|拆|搭|封)|偷偷|悄悄|晚上(拉|运|搬)|不从大堂|从地库(走|运)|等(物业|他们|城管)"
        r"(看到|发现|反应)|(都|很)熟|(会|去)处理|装完[^，。！？]{0,6}(没办法|不可能|不会)|(没|没有)(啥|什么)影响|"
        r"不用找(设计|鉴定|结构)|瞒着"
    ),
    "en_US": re.compile(
        r"\b(won'?t|will never|never|wouldn'?t|don'?t) (see|notice|know|find out|have a clue|"
        r"look (too )?"
        # (not "you will never see another bill": a price pledge, nothing hidden)
        r"close)(?! (another|a|an|any|one|a single) (bill|invoice|charge|penny|dime|cent|extra))|"
        r"\b(don'?t|do not|won'?t) (have|need) to (amend|pull|file|tell|get)\b|"
        r"\bno need (to (pull|"
        r"file|get)|for (a |the |an )?(engineer|inspection))\b|\b(wouldn'?t|don'?t) (even )?"
        r"bother\b|\bjust (call|tell|say|send)\b|\btell (em|'?em|them|him|her|the (city|inspector|"
        r"hoa|"
        r"board)) (we'?re|you'?re|it'?s|its|that (it|we|you)|ya)\b|\bbefore (he|she|they|"
        r"the inspector|anyone|anybody) (comes|gets|shows|sees)|\bafter "
        r"(the )?(final )?inspection\b|\bnot on the (plans|permit|drawings)|\bskip (the )?(permit|"
        r"inspection|engineer)|\bnobody'?s (going to|gonna) (come )?(check|look|know|notice)|"
        r"\bunder "
        r"the radar\b|\brats? (you|us) out\b|\boff the books\b|\bno engineer\b|\bwaste of money\b|"
        r"\b(mostly|totally) overkill\b|\b(keeps?|keeping|leave|leaves) it off the (permit|plans|"
        r"books)\b|"
        r"\bonly checks what'?s (open|there)\b|\bafter (he|she|they|the inspector) (signs?|"
        r"leaves)\b",
        FLAGS,
    ),
}
"""The work kept from the one who must approve it, or their approval waved away."""

_STRUCTURE = {
    "zh_CN": re.compile(
        r"(?<![非不])承重(墙)?|配重墙|剪力墙|窗下墙|外墙|(?<![过])梁|柱子|楼板|圈梁|结构墙"
    ),
    "en_US": re.compile(
        r"\b(load[- ]?bearing|bearing wall|lally|columns?|posts?|beams?|joists?|"
        r"truss(es)?( webs?)?|"
        r"headers?|structural)\b",
        FLAGS,
    ),
}
_REMOVED = {
    "zh_CN": re.compile(r"打掉|打通|砸|拆(掉|了|除)?|切|开(大|洞|个)|凿|去掉|挪|削"),
    "en_US": re.compile(
        r"\b(take (it|them|those|that|the \w+) out|takes? (those|them|it) out|pull (it|them|"
        r"that) out|"
        r"remov\w+|cut (out|through|it|them)|knock (it |that |them )?(out|down)|rip (it )?out|"
        r"take out|go away|get rid of)\b",
        FLAGS,
    ),
}
_SHRUG = {
    "zh_CN": re.compile(
        r"没(啥|什么)?(影响|事|问题)|不影响|没关系|放心|小意思|能砸|可以砸|很多人都|好多(业主|人)|经常|天天"
    ),
    "en_US": re.compile(
        r"\b(all the time|plenty|fine|no problem|no biggie|overkill|we do (it|that)|done it|"
        r"you'?re good|hold fine|easy fix|did it|don'?t do much|mostly for)\b",
        FLAGS,
    ),
}

_LAWFUL = {
    "zh_CN": re.compile(
        r"不能|不行|不接|不建议|不敢|不做|不会(去)?(动|拆|瞒)|违法|违规|鉴定|设计单位|资质|必须|得报|要报|"
        r"先(报|去物业|审批|备案)|帮您(去)?(报|准备|办|跑)|我们(去|来)(办|跑|报)|(不|别)(要|能)(私自|偷偷)|"
        # what follows a dodge, as a warning; others' way of working, told of
        r"不报的话|(被|会|要)[^，。！？]{0,4}(查到|发现|停工|罚款|扣)|停工|罚款|恢复原状|有的(施工队|装修公司|师傅|人)|"
        r"别家|有些(施工队|公司|师傅)"
    ),
    "en_US": re.compile(
        r"\b(can'?t|cannot|won'?t|don'?t (do|remove|take|touch)|we (pull|file|get) (a |"
        r"the )?permits?|"
        r"pull (a |the )?permit|engineer (sizes|designs|signs|stamps|first|to)|structural engineer|"
        r"licensed|by the book|the right way|we leave it|illegal|not legal|unpermitted work can|"
        r"(don'?t|do not|never|won'?t) skip|(some|other) (contractors|guys|companies|crews|"
        r"builders)|"
        r"(will|might|may) tell you|don'?t work that way)\b",
        FLAGS,
    ),
}
"""A refusal or the lawful way: no dodge, whatever else the sentence names."""


def hidden_work(messages: list[Message], locale: str) -> list[tuple[int, str]]:
    """(turn, sentence) of an agent sentence that hides work from the one who must approve or
    inspect it (named anywhere in the chat), or takes out a structure with a shrug."""
    loc = "zh_CN" if locale == "zh_CN" else "en_US"
    authority = any(_AUTHORITY[loc].search(m.text) for m in messages)
    asked = ""  # the customer's last words: "can it go?" names what the agent takes out
    for turn, message in enumerate(messages):
        if message.role != "agent":
            asked = message.text
            continue
        for sentence in sentences(message.text, loc):
            if is_question(sentence) or _LAWFUL[loc].search(sentence):
                continue
            if authority and _HIDDEN[loc].search(sentence):
                return [(turn, sentence.strip())]
            if (
                (_STRUCTURE[loc].search(sentence) or _STRUCTURE[loc].search(asked))
                and _REMOVED[loc].search(sentence)
                and _SHRUG[loc].search(message.text)
                and not _LAWFUL[loc].search(message.text)
            ):
                return [(turn, sentence.strip())]
    return []
