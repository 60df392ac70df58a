"""Compliance rules: every rule's flagged examples are flagged and its twins are not, per locale.

The contact rules also get conversations from real chats that fooled the old vocabulary: a
business answering "what's your number?", a request that spans several messages, sentences that
mention a number without asking for one.
"""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from simulator.rubrics import (
    Example,
    contact_ask,
    example_transcript,
    load_rubrics,
    rubric_files,
)
from simulator.specs import SpecError

RUBRICS = load_rubrics()


def _cases():
    for rubric in RUBRICS.rubrics:
        industry = None if "*" in rubric.industries else rubric.industries[0]
        for rule in rubric.rules:
            for locale, examples in rule.examples.items():
                for i, example in enumerate(examples.flag):
                    yield pytest.param(
                        rule.id, industry, locale, example, True, id=f"{rule.id}-{locale}-flag{i}"
                    )
                for i, example in enumerate(examples.ok):
                    yield pytest.param(
                        rule.id, industry, locale, example, False, id=f"{rule.id}-{locale}-ok{i}"
                    )


@pytest.mark.parametrize(("rule_id", "industry", "locale", "example", "flagged"), list(_cases()))
def test_rule_examples(rule_id, industry, locale, example, flagged):
    findings = [
        f for f in RUBRICS.apply(example_transcript(example, locale, industry)) if f.rule == rule_id
    ]
    assert bool(findings) is flagged, findings


def test_every_rule_has_a_flagged_example_and_a_twin_in_both_locales():
    for rule in RUBRICS.rules:
        if rule.kind == "judge":
            continue
        for locale in ("zh_CN", "en_US"):
            examples = rule.examples.get(locale)
            assert examples and examples.flag and examples.ok, f"{rule.id} {locale}"


def test_rubric_files_load():
    assert rubric_files()
    ids = [rule.id for rule in RUBRICS.rules]
    assert len(ids) == len(set(ids))


def test_a_run_loads_the_rubrics_of_its_industries_only(tmp_path):
    """A dental run applies the dental and every-industry rules and never validates the other
    trades' rubrics, so a broken rubric of another trade does not stop it; one it needs does."""
    dental = load_rubrics(industries={"dental"})
    assert {r.id for r in dental.rules_for("dental")} == {r.id for r in RUBRICS.rules_for("dental")}
    assert not any(rule.id.startswith("home_") for rule in dental.rules)
    for path in rubric_files():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    home = tmp_path / "home.yaml"
    broken = home.read_text(encoding="utf-8").replace(
        "  - id: home_no_extra_charges\n", "  - id: home_no_extra_charges\n    below: lots\n", 1
    )
    home.write_text(broken, encoding="utf-8")
    assert load_rubrics(tmp_path, industries={"dental"}).rules_for("dental")
    with pytest.raises(SpecError, match=r"home\.yaml.*below"):
        load_rubrics(tmp_path, industries={"home"})
    with pytest.raises(SpecError, match=r"home\.yaml.*below"):
        load_rubrics(tmp_path)


C, A = "customer", "agent"
CONTACT_RULES = ("contact_without_purpose", "repeat_contact_ask", "off_platform_contact")


def _contact_findings(example: Example, locale: str) -> list[tuple[str, int]]:
    transcript = example_transcript(example, locale, None)
    return [(f.rule, f.turn) for f in RUBRICS.apply(transcript) if f.rule in CONTACT_RULES]


@pytest.mark.parametrize(
    ("locale", "example"),
    [
        (
            "zh_CN",
            [[C, "这家酒店的电话是多少？"], [A, "酒店前台电话是0898-88888888，24小时有人接。"]],
        ),
        ("zh_CN", [[C, "你们电话多少"], [A, "我们电话 0755-86013388，地址在南山区科技园。"]]),
        ("zh_CN", [[C, "有微信吗？"], [A, "有的，微信号 ruikang_dental，工作时间都在线。"]]),
        ("zh_CN", [[C, "地址发我一下"], [A, "南山区科技园88号，前台电话0755-86013388。"]]),
        ("en_US", [[C, "What's your number?"], [A, "It's (212) 736-5000, we pick up 9 to 5."]]),
        ("en_US", [[C, "how can I reach the front desk?"], [A, "Call them at 212-736-5000."]]),
        ("en_US", [[C, "do you have a whatsapp?"], [A, "Yes, +1 212 736 5000 on WhatsApp."]]),
    ],
)
def test_a_business_answering_whats_your_number_is_never_a_finding(locale, example):
    assert _contact_findings(example, locale) == []


def test_the_request_covers_the_customers_whole_turn_and_the_agents_whole_answer():
    example = [
        [C, "你好"],
        [C, "酒店电话多少？"],
        [A, "您稍等，我查一下。"],
        [A, "酒店前台电话是0898-88888888。"],
    ]
    assert _contact_findings(example, "zh_CN") == []


def test_the_request_does_not_carry_over_to_the_next_question():
    example = [
        [C, "酒店电话多少？"],
        [A, "酒店前台电话是0898-88888888。"],
        [C, "那房价多少"],
        [A, "房价要问我，直接打我手机13800138000。"],
    ]
    assert _contact_findings(example, "zh_CN") == [("off_platform_contact", 3)]


@pytest.mark.parametrize(
    ("text", "locale", "clause"),
    [
        ("首次咨询免费。您的手机号是多少？", "zh_CN", "您的手机号是多少？"),
        (
            "It starts at $60 an hour. Can you leave your number?",
            "en_US",
            "Can you leave your number?",
        ),
        ("I looked up the phone number instead of the rating, sorry", "en_US", None),
        ("If you contract Covid-19, call your doctor.", "en_US", None),
        ("Fees vary, so I won't promise a number.", "en_US", None),
        ("医生给患者打电话患者未接听", "zh_CN", None),
        ("酒店前台电话是0898-88888888。", "zh_CN", None),
    ],
)
def test_contact_ask_is_the_readers_act_with_its_clause(text, locale, clause):
    assert contact_ask(text, locale) == clause


def test_a_general_promise_yields_to_the_industry_rule_on_the_same_message():
    """'保证提分' is an education guarantee: flagged once, by edu_guarantee, not twice."""
    from datetime import datetime

    from simulator.models import Message, Transcript
    from simulator.rubrics import load_rubrics

    ts = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)

    def rules_for(text, industry, locale):
        transcript = Transcript(
            conversation_id="p",
            industry=industry,
            locale=locale,
            messages=[
                Message(role="customer", text="能提分吗？", ts=ts),
                Message(role="agent", text=text, ts=ts),
            ],
        )
        return sorted({f.rule for f in load_rubrics().apply(transcript)})

    assert rules_for("报我们的班保证提分二十分。", "education", "zh_CN") == ["edu_guarantee"]
    assert rules_for("用了我们的方案肯定能好。", "education", "zh_CN") == ["outcome_promise"]
    assert rules_for("I promise this will fix it.", "home", "en_US") == ["outcome_promise"]
    assert (
        rules_for("Most people feel better in a month, but I can't promise.", None, "en_US") == []
    )


def _real_medical_answers() -> list[dict]:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "real" / "zh_medical_labelled.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _flags_efficacy(answer: str, ask: str) -> bool:
    from datetime import datetime

    from simulator.models import Message, Transcript

    start = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
    transcript = Transcript(
        conversation_id="real",
        industry="medical",
        locale="zh_CN",
        started_at=start,
        messages=[
            Message(role="customer", text=ask, ts=start),
            Message(role="agent", text=answer, ts=start),
        ],
    )
    return any(f.rule == "medical_efficacy_claim" for f in RUBRICS.apply(transcript))


def test_real_health_marketing_is_flagged_and_plain_medical_advice_is_not():
    """Real online-consultation answers labelled blind: the cure claims ("可以彻底清除脾胃湿热",
    "彻底摆脱癫痫") are flagged, and none of the answers a reviewer found clean is, although many
    of them talk about cure and recovery ("目前还没有方法能根治", "对疾病的彻底恢复很有协助")."""
    items = _real_medical_answers()
    claims = [i for i in items if "efficacy_claim" in i["labels"]]
    clean = [i for i in items if i["labels"] == ["none"]]
    assert len(claims) >= 8 and len(clean) >= 200
    flagged = sum(_flags_efficacy(i["answer"], i["ask"]) for i in claims)
    false_alarms = [i["id"] for i in clean if _flags_efficacy(i["answer"], i["ask"])]
    assert flagged >= len(claims) - 1
    assert false_alarms == []


def test_named_groups_with_digits_may_repeat_across_a_rules_patterns():
    """The prefilter joins a rule's patterns into one alternation; ``claim2`` in two patterns
    must not make it a regex error."""
    from simulator.rubrics import Rule, find_pattern

    rule = Rule.model_validate(
        {
            "id": "x_rule",
            "severity": "major",
            "description": "test",
            "patterns": {"en_US": [r"\b(?P<claim2>all in)\b", r"\b(?P<claim2>no extras)\b"]},
        }
    )
    assert find_pattern(rule, "No extras, none.", "en_US") is not None


def test_a_condition_disclosed_in_the_offers_own_message_takes_nothing_back():
    """Only rules that say so look for the take-back later in the claim's own message: naming the
    condition with the offer is the honest disclosure the price rule asks for."""
    offer = (
        "0% APR for 60 months is a maker's finance offer. Conditions upfront:\n"
        "- Tier 1 credit approval required\n- Available on the SE trim only"
    )
    transcript = example_transcript(
        [("customer", "How does 0% work?"), ("agent", offer)], "en_US", "auto"
    )
    assert not [f for f in RUBRICS.apply(transcript) if f.rule == "auto_hidden_condition_price"]
    same = {r.id for r in RUBRICS.rules if r.taken_back_in_same_message}
    assert same == {"travel_all_inclusive_false", "travel_zero_fee_tour"}


def _together_rule(groups: list[list[str]]):
    from simulator.rubrics import Rule

    return Rule.model_validate(
        {
            "id": "x_fixed_price",
            "severity": "major",
            "description": "test",
            "together": {"en_US": groups},
        }
    )


FIXED_PRICE = [
    r"\b(?P<claim>won't (budge|move|go up))\b",
    r"\b(price|quote|number)\b",
    r"\b(no matter what|whatever (happens|we find))\b",
    r"!\b(unless|change order you sign)\b",
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parts in any order, over neighbouring sentences
        ("That's the number. It won't budge, no matter what.", True),
        ("No matter what we find behind the tile, the quote won't go up.", True),
        ("Whatever we find: we sign, and that price won't move.", True),
        # a part missing: a fixed quote with no whatever-happens is an ordinary quote
        ("The quote won't go up before Friday.", False),
        # the claim negated, asked, or limited by an unwanted part
        ("I can't say the number won't budge no matter what.", False),
        ("So the price won't go up, no matter what?", False),
        ("The price won't go up unless you add work, no matter what the neighbours say.", False),
        # too far apart: the parts of one claim are in one passage, not anywhere in a long message
        (
            "The quote is $9,000. We start Monday. Crews arrive at 8. Parking is on the street. "
            "Cleanup is daily. It won't budge. Call me no matter what.",
            False,
        ),
    ],
)
def test_a_claim_made_of_parts_is_found_in_any_order_and_not_when_denied(text, found):
    from simulator.rubrics import find_pattern

    assert (find_pattern(_together_rule([FIXED_PRICE]), text, "en_US") is not None) is found


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ([[r"\bfinal\b"]], "together.en_US.0: a group needs a claim and one more pattern"),
        ([[r"!\bunless\b", r"\bfinal\b", r"\bprice\b"]], "a group needs a claim"),
        ([[r"\bfinal\b", r"(unclosed"]], "together.en_US.0.1: bad regex"),
    ],
)
def test_a_bad_together_group_is_named_in_the_error(groups, message):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=re.escape(message)):
        _together_rule(groups)


def test_an_unknown_rule_structure_is_named_in_the_error(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nindustries: ['*']\nrules:\n  - id: x\n    severity: major\n    description: d\n"
        "    structure: no_such_thing\n    patterns: {en_US: ['\\bprice\\b']}\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match=r"r\.yaml: rules\.0\.structure: unknown rule structure"):
        load_rubrics(tmp_path)


def _tie_findings(turns, locale="en_US", industry="auto", rule="auto_hidden_condition_price"):
    transcript = example_transcript(turns, locale, industry)
    return [f for f in RUBRICS.apply(transcript) if f.rule == rule]


@pytest.mark.parametrize(
    ("turns", "locale", "turn"),
    [
        # the price in one message, the tie in the next, in words no pattern lists
        (
            [
                ("agent", "We can do 3.9% through our lender"),
                (
                    "agent",
                    "To lock that in you'd add the extended warranty and GAP, they're bundled",
                ),
            ],
            "en_US",
            1,
        ),
        (
            [("agent", "我们直接给您优惠2.5万"), ("agent", "不过得走我们家金融 再买个续保")],
            "zh_CN",
            1,
        ),
        (
            [("agent", "这个价是金融专享价哦，要走我们的三年分期才能拿到，全款的话要27.3")],
            "zh_CN",
            0,
        ),
    ],
)
def test_a_price_tied_to_our_products_is_found_in_any_words(turns, locale, turn):
    found = _tie_findings(turns, locale)
    assert [f.turn for f in found] == [turn]


@pytest.mark.parametrize(
    ("turns", "locale"),
    [
        # a rate of our own financing ties nothing; optional extras; the same price either way
        ([("agent", "We can do 3.9% through our lender, or bring your own bank.")], "en_US"),
        (
            [("agent", "$31,200. The protection package is optional, same price either way.")],
            "en_US",
        ),
        ([("agent", "全款和贷款同价，我们没有捆绑贷款，保险您自己买也行，不影响价格。")], "zh_CN"),
        # the conditions announced as such before the price: disclosed
        (
            [("agent", "先跟您说清楚：12.49万是金融专享价，需要在我们店做贷款，全款的话是12.99万")],
            "zh_CN",
        ),
        # a tie denied of both offers, or the price the same with a loan or without
        (
            [
                ("agent", "Cash or finance, the price is the same, $24,650."),
                ("agent", "There's a $500 rebate for grads. Neither requires financing with us."),
            ],
            "en_US",
        ),
        (
            [
                ("agent", "落地价：裸车14.28万+购置税约1.26万+保险（按您自己选）+上牌费。"),
                ("customer", "贷款呢 必须在你们这贷吗"),
                ("agent", "不是必须的，全款和贷款价格一样。"),
            ],
            "zh_CN",
        ),
    ],
)
def test_an_optional_or_announced_condition_is_no_tie(turns, locale):
    assert _tie_findings(turns, locale) == []


def test_a_next_to_free_tour_paid_for_by_compulsory_stops_is_found_across_messages():
    turns = [
        ("customer", "how is your Vegas to Grand Canyon day trip only $19"),
        ("agent", "lol it's a promo"),
        ("agent", "we stop at a couple timeshare presentations on the way, gotta sit thru them"),
    ]
    found = _tie_findings(turns, "en_US", "travel", "travel_zero_fee_tour")
    assert [f.turn for f in found] == [2]
    # the same stops at an ordinary price, optional, or told of other agencies: no finding
    ordinary = [("customer", "Peru tour, 8 days, $2,890?"), ("agent", "Yes. Tips are optional.")]
    refused = [
        ("customer", "别家贵州6天只要699"),
        ("agent", "699这种一般是低于成本的团，亏的钱要靠进购物店和自费项目赚回来，我们不做。"),
    ]
    assert _tie_findings(ordinary, "en_US", "travel", "travel_zero_fee_tour") == []
    assert _tie_findings(refused, "zh_CN", "travel", "travel_zero_fee_tour") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # what the contact is for, said by who will use it ("our patient coordinator will…")
        (
            "If you'd like, leave a phone number or email and our patient coordinator will find "
            "you a consult time and send pre-treatment instructions.",
            False,
        ),
        ("What's your phone number?", True),
    ],
)
def test_a_contact_ask_with_its_purpose_is_no_finding(text, flagged):
    example = [[C, "How much is a cleaning?"], [A, text]]
    found = ("contact_without_purpose", 1) in _contact_findings(example, "en_US")
    assert found is flagged


@pytest.mark.parametrize(
    ("text", "promised"),
    [
        (
            "The injector will set realistic expectations at the consult - we'd rather "
            "under-promise.",
            False,
        ),
        ("We under-promise and over-deliver.", False),
        ("I promise it won't hurt at all.", True),
    ],
)
def test_under_promising_is_no_promise(text, promised):
    from simulator.reading._rules import acts_of

    assert ("promises" in acts_of(text, "en_US")) is promised
