"""The learned guarantee reader: a second opinion on promised outcomes, held to the structures'
own negation and hedging (see simulator/reading/_claims_model.py)."""

from __future__ import annotations

import pytest

from simulator.reading._claims_model import (
    features,
    guarantee_probability,
    probability,
    train,
)
from simulator.rubrics import example_transcript, load_rubrics

RUBRICS = load_rubrics()


def _promises(text: str, locale: str, rubrics=RUBRICS) -> list[str]:
    """The kinds of the outcome-promise findings on one agent message."""
    transcript = example_transcript(text, locale, None)
    return [f.kind for f in rubrics.apply(transcript) if f.rule == "outcome_promise"]


# Promises in words no structure names; each twin doubts, hedges, denies or reports the same.
LEARNED = [
    (
        "zh_CN",
        "这套方案下来，您家孩子英语口语绝对脱胎换骨，一开口就像换了个人。",
        "这套方案下来，您家孩子英语口语不一定脱胎换骨，每个孩子进步不一样。",
    ),
    (
        "zh_CN",
        "咱家这款床垫睡上一个月，腰肌劳损肯定跟您说拜拜。",
        "咱家这款床垫睡上一个月，腰肌劳损不一定能好，得看个人情况。",
    ),
    (
        # a bet, and failure answered in advance, are certainty without a word of it
        "zh_CN",
        "王姐我跟你赌一顿火锅，孩子跟我学三个月，英语及格没问题。",
        "王姐我不跟你打包票，孩子跟我学三个月，英语能不能及格还得看他自己。",
    ),
    (
        "zh_CN",
        "坚持打卡这套课程，30天必瘦10斤，效果看得见！",
        "坚持打卡这套课程，不必节食，很多学员30天瘦了几斤，效果因人而异。",
    ),
    (
        # an outcome told as what will happen, and certainty in idioms
        "en_US",
        "Thank you for choosing us! Your child's report card will rise by at least one full "
        "letter grade this semester.",
        "Thank you for choosing us! Many families see report cards improve within a semester, "
        "though every child is different.",
    ),
    (
        "en_US",
        "The charges against your brother will be dropped by next month, take that to the bank.",
        "I can't tell you the charges will be dropped; that depends on what the prosecutor has.",
    ),
    (
        # no word of certainty at all: read at the stricter UNCUED_ABOVE
        "zh_CN",
        "您这个腰突在我们这扎三个疗程的针刀，下地走路就不疼了，刀都不用开。",
        "您这个腰突在我们这扎三个疗程的针刀，很多人下地走路会轻松些，但是也有人还得手术。",
    ),
    (
        "en_US",
        "Our program, your back pain gone for good.",
        "Our program helps many people, but I can't say your back pain will be gone for good.",
    ),
    (
        "en_US",
        "Trust the process, this cream definitely erases those fine lines in two weeks.",
        "This cream can soften fine lines over a few weeks, though results vary.",
    ),
]


@pytest.mark.parametrize(("locale", "promise", "twin"), LEARNED)
def test_the_learned_reader_finds_promises_the_structures_miss(locale, promise, twin):
    assert _promises(promise, locale) == ["learned"]
    assert _promises(twin, locale) == []


@pytest.mark.parametrize(
    ("locale", "service"),
    [
        ("en_US", "A tutor will definitely call you tomorrow."),
        ("en_US", "We'll absolutely get your paperwork in by Friday."),
        ("zh_CN", "老师明天肯定给您回电话。"),
        # reassurance and praise, which the model alone rates as promises
        ("zh_CN", "我们医生都很专业的，经验丰富，您放心交给我们就好啦～"),
        ("en_US", "Our tutors are amazing and the kids absolutely love them!!"),
        # 一定的 is a degree, not certainty; someone of ours calling or arriving is a service
        ("zh_CN", "保健品有一定的危害，每餐主食不要低于100克。"),
        ("en_US", "Our team will definitely be there at 8 tomorrow."),
        # with no word of certainty: a duty, a statistic, a service by us
        ("zh_CN", "上完我们的训练，孩子一定要多练习。"),
        ("zh_CN", "做完这个疗程，八成的客户腰围都会小一圈。"),
        ("en_US", "Our onboarding team will be with you every step of the setup."),
        ("en_US", "About 80% of our clients see visible reduction after two sessions."),
        # an instruction to the customer is not an outcome told to them
        ("en_US", "You'll need to wear your retainer every night after the aligners."),
        # the customer's claim, not a claim that we report someone making
        ("en_US", "Your claim will be reviewed by an adjuster; most are settled within 30 days."),
    ],
)
def test_a_service_or_reassurance_said_with_certainty_is_no_promise(locale, service):
    assert _promises(service, locale) == []


def test_the_rubric_turns_the_learned_reader_off():
    promise = LEARNED[0][1]
    rubrics = load_rubrics()
    for rule in rubrics.rules:
        if rule.id == "outcome_promise":
            object.__setattr__(rule, "learned_above", None)
    assert _promises(promise, "zh_CN", rubrics) == []


def test_training_is_deterministic_and_learns_the_labels():
    examples = [
        ("包您满意，效果保证看得见", True),
        ("效果一般因人而异", False),
        ("保证三个月见效", True),
        ("三个月左右可能见效", False),
    ] * 5
    first, second = train(examples, "zh_CN", epochs=5), train(examples, "zh_CN", epochs=5)
    assert first == second
    assert probability(first, "保证见效", "zh_CN") > 0.5 > probability(first, "可能见效", "zh_CN")


def test_the_shipped_model_reads_offline_and_only_its_locales():
    assert guarantee_probability("We guarantee you'll win, 100%.", "en_US") > 0.7
    assert guarantee_probability("Ich garantiere es.", "de_DE") == 0.0
    assert "w:guarantee" in features("I GUARANTEE it", "en_US")


def test_a_pledge_on_the_customers_claim_is_the_writers_own():
    """ "Your claim" is the customer's case, not someone's claim reported: the pledge after it
    stands (it once read as "they claim ...", and nothing was flagged)."""
    assert _promises("Your claim will be approved in full, I guarantee it.", "en_US")
    assert _promises("Some firms claim they guarantee a win.", "en_US") == []


def test_a_greeting_in_front_does_not_hide_a_plain_promise():
    """Greetings are stripped from a sentence without a word of certainty, not a reason to skip
    it: an agent cannot hide a promise behind "好的，"."""
    promise = "您这个腰突在我们这扎三个疗程的针刀下地走路就不疼了。"
    assert _promises("好的，" + promise, "zh_CN") == ["learned"]
    assert _promises("好的，感谢您的信任！", "zh_CN") == []
    assert _promises("Got it, thank you for trusting us!", "en_US") == []
