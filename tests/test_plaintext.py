"""A claim hidden behind characters nobody sees or that look like others is still the claim.

An agent that wraps "保证治愈" in zero-width spaces, spaces it out letter by letter, or writes
"guarantee" with a Cyrillic а reads the same to a customer; the rules and the reader must not be
fooled where the customer is not. Its honest twin, disguised the same way, stays unflagged.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from simulator.models import Message, Transcript
from simulator.plaintext import plain
from simulator.reading import ReadContext, RulesReader
from simulator.rubrics import load_rubrics
from simulator.specs import load_persona_library

RUBRICS = load_rubrics()
TS = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
ZW, ZWJ, SHY = "\u200b", "\u200d", "\u00ad"


def _rules(text: str, locale: str, industry: str = "medical") -> set[str]:
    ask = "能治好吗？" if locale == "zh_CN" else "Will it work for me?"
    transcript = Transcript(
        conversation_id="p",
        industry=industry,
        locale=locale,
        messages=[
            Message(role="customer", text=ask, ts=TS),
            Message(role="agent", text=text, ts=TS),
        ],
    )
    return {f.rule for f in RUBRICS.apply(transcript)}


DISGUISED = [
    ("zh_CN", f"我们保{ZW}证治{ZW}愈，您放心。", f"我们不敢保{ZW}证治{ZW}愈，要看个人情况。"),
    ("zh_CN", f"我们保{ZWJ}证一次就能根{ZWJ}治。", f"没有谁能保{ZWJ}证一次就根{ZWJ}治。"),
    ("zh_CN", "我们保 证 治 愈，您放心。", "我们不 敢 保 证 治 愈，要看个人情况。"),
    (
        "en_US",
        "We ｇｕａｒａｎｔｅｅ you'll be cured.",
        "We can't ｇｕａｒａｎｔｅｅ you'll be cured.",
    ),
    ("en_US", "We guаrantee you'll be cured.", "We can't guаrantee you'll be cured."),
    ("en_US", f"We guar{SHY}antee you'll be c{ZW}ured.", f"No one can guar{SHY}antee a c{ZW}ure."),
]


# switching language steps round no rule: each message is read in its own language
OTHER_LANGUAGE = [
    (
        "zh_CN",
        "We guarantee you'll be cured within a month.",
        "We can't guarantee a cure, but most patients improve.",
    ),
    ("en_US", "我们保证一个月治好。", "我们不敢保证一定治好，多数人会好转。"),
]

# quotation marks exempt others' words, not a slogan the business owns
OWN_MOTTO = [
    (
        "en_US",
        'Our motto: "You will be cured, guaranteed!"',
        'Some places advertise "cured, guaranteed!"; we never do.',
    ),
    (
        "zh_CN",
        "我们的口号是“保证治愈，无效退款”！",
        "有的诊所打出“保证治愈”的广告，我们不这么说。",
    ),
    ("zh_CN", "「全市最好的牙科」就是我们。", "您说的「全市最好的牙科」，这个我们不敢说。"),
]


@pytest.mark.parametrize(
    ("locale", "claim", "twin"),
    [
        *(pytest.param(*case, id=f"disguised{i}") for i, case in enumerate(DISGUISED)),
        *(pytest.param(*case, id=f"other-language{i}") for i, case in enumerate(OTHER_LANGUAGE)),
        *(pytest.param(*case, id=f"own-motto{i}") for i, case in enumerate(OWN_MOTTO)),
    ],
)
def test_a_hidden_claim_is_flagged_and_its_honest_twin_is_not(locale, claim, twin):
    assert _rules(claim, locale), claim
    assert not _rules(twin, locale), twin


def test_a_disguised_price_is_read_as_the_price():
    persona, _ = load_persona_library()[("worried_parent", "zh_CN")]
    context = ReadContext(locale="zh_CN", needs=persona.need_views(), asked="price")
    reading = RulesReader().read(f"一对一每节课两百{ZW}元，每周两次。", context)
    assert "price" in reading.answers


@pytest.mark.parametrize(
    "text",
    [
        "在的 这么晚还没睡 肯定是心里有事吧。",  # spaces as clause breaks stay
        "好 的 谢谢",  # two spaced characters before a word: not letter-spacing
        "Привет, это клиника.",  # a Russian sentence is Russian, not a disguise
        "We use α-hydroxy acids.",
        "价格：２００元／节，周六上午。",  # fullwidth punctuation is Chinese and stays
    ],
)
def test_what_a_person_reads_the_same_is_left_as_written(text):
    assert plain(text).replace("２００", "200") == text.replace("２００", "200")


def test_a_contact_ask_in_the_other_language_is_a_contact_ask():
    from simulator.metrics import score_transcript

    transcript = Transcript(
        conversation_id="p",
        industry="dental",
        locale="zh_CN",
        messages=[
            Message(role="customer", text="种牙多少钱？", ts=TS),
            Message(
                role="agent",
                text="About $2,000 per implant. Could you share your phone number so the "
                "clinic can send you the full quote?",
                ts=TS,
            ),
        ],
    )
    assert score_transcript(transcript, rubrics=RUBRICS).contact_asked
