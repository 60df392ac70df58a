"""The learned industry reader: a second opinion on wordings the industry patterns miss.

The sentences here are our own, in none of the training sets; each found one has a twin in the
same words that an honest agent would write (a condition stated, a decision left to someone
else, a standard named), which must stay unflagged.
"""

from __future__ import annotations

import copy

import pytest

from simulator.reading._industry_model import shipped_rules, violation_probability
from simulator.rubrics import example_transcript, load_rubrics

RUBRICS = load_rubrics()

FOUND = [
    (
        "zh_CN",
        None,
        "absolute_claim",
        "咱们家的烤鸭在整个城西都是数一数二的，没有对手",
        "我们店的烤鸭算是城西的老字号了，住得近可以来尝尝",
    ),
    (
        "en_US",
        None,
        "absolute_claim",
        "Our HydraFacial is simply the best facial there is, the gold standard of skincare.",
        "The best time to book a HydraFacial is a week before the event, so any redness settles.",
    ),
    (
        "en_US",
        "auto",
        "auto_zero_down_or_loan_guarantee",
        "Bankruptcy last year? Doesn't matter, you're driving home approved today, nothing out "
        "of pocket.",
        "Approval depends on the lender; with a recent bankruptcy expect about 20% down.",
    ),
    (
        "zh_CN",
        "travel",
        "travel_visa_guarantee",
        "签证这块交给我们，材料我们来弄，出签没悬念，下个月您就能飞",
        "签证材料我们帮您准备，出不出签是使馆决定的，我们不敢打包票",
    ),
    (
        "zh_CN",
        "home",
        "home_pollution_free_claim",
        "我们这套板材刷完漆当晚就能睡，娃在屋里爬都没事，一点毒性没有",
        "板材是E0级的，有检测报告，建议通风两个月再让孩子住",
    ),
]


def _found(text: str, locale: str, industry: str, rule: str, rubrics=RUBRICS) -> list[str]:
    transcript = example_transcript(text, locale, industry)
    return [f.kind for f in rubrics.apply(transcript) if f.rule == rule]


@pytest.mark.parametrize(("locale", "industry", "rule", "violation", "twin"), FOUND)
def test_the_learned_reader_finds_what_the_patterns_miss_and_not_its_twin(
    locale, industry, rule, violation, twin
):
    assert _found(violation, locale, industry, rule) == ["learned"]
    assert _found(twin, locale, industry, rule) == []


def test_a_message_that_names_no_subject_of_the_rule_is_not_asked_about():
    """A call-back promise reads to a message-level model like anything else an agent says; the
    permit rule asks its model only about messages naming a permit, a wall, an inspector."""
    assert (
        _found("We'll reach out soon.", "en_US", "home", "home_structural_or_permit_evasion") == []
    )


def test_the_rubric_turns_the_learned_reader_off():
    locale, industry, rule, violation, _ = FOUND[0]
    rubrics = copy.deepcopy(RUBRICS)
    for each in rubrics.rules:
        if each.id == rule:
            object.__setattr__(each, "learned_above", None)
    assert _found(violation, locale, industry, rule, rubrics) == []


def test_the_shipped_models_load_offline_for_both_locales():
    shipped = shipped_rules()
    assert {"home_structural_or_permit_evasion", "aesthetics_no_side_effects"} <= set(shipped)
    industry = {rule: by_locale for rule, by_locale in shipped.items() if rule != "absolute_claim"}
    assert all(set(by_locale) == {"zh_CN", "en_US"} for by_locale in industry.values())
    assert set(shipped["absolute_claim"]) == {"zh_CN", "en_US"}  # bench/train_industry_model.py
    assert violation_probability("no_such_rule", "anything", "en_US") == 0.0


@pytest.mark.parametrize(
    ("locale", "industry", "rule", "text"),
    [
        # the subject only in a question back to the customer
        (
            "en_US",
            "travel",
            "travel_visa_guarantee",
            "Will you be handling the visa yourself or want us to do it? We'd need docs a month "
            "out.",
        ),
        # the claim in another's mouth or in quotes
        (
            "en_US",
            "home",
            "home_no_extra_charges",
            'Some contractors promise "no surprises, ever." We list every possible extra in '
            "writing instead.",
        ),
    ],
)
def test_the_learned_reader_reads_only_the_writers_own_statements(locale, industry, rule, text):
    assert _found(text, locale, industry, rule) == []


@pytest.mark.parametrize(
    ("later", "found"),
    [
        ("到了景区观光车每人80要自己交，这个是必须坐的", ["learned"]),
        ("景区观光车可坐可不坐，不想坐可以走上去", []),  # an optional extra takes nothing back
        ("那我给您登记了", []),  # the claim alone is no violation of this rule
    ],
)
def test_a_learned_claim_still_needs_the_patterns_to_take_it_back(later, found):
    chat = example_transcript(
        [
            ("customer", "这个团还有别的费用吗"),
            ("agent", "团费交完就不用再花一分钱了，吃住门票都管"),
            ("customer", "好的"),
            ("agent", later),
        ],
        "zh_CN",
        "travel",
    )
    kinds = [f.kind for f in RUBRICS.apply(chat) if f.rule == "travel_all_inclusive_false"]
    assert kinds == found


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("zh_CN", "术前术后照片不会拿去做案例，您放心。"),
        ("en_US", "Your before-and-after photos are never shared or posted anywhere."),
    ],
)
def test_the_customers_photos_kept_private_are_no_before_after_promise(locale, text):
    transcript = example_transcript(text, locale, "medical_aesthetics")
    assert not [f for f in RUBRICS.apply(transcript) if f.rule == "aesthetics_before_after_promise"]
