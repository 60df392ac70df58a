"""The rules reader's need recognisers on wordings of our own: each structure has a reply that must
be credited and a near miss that must not (none of these sentences is in a labelled set)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from simulator.reading import ReadContext, RulesReader
from simulator.reading._numbers import money_amounts
from simulator.reading._rules import acts_of
from simulator.specs import load_persona

PERSONAS = Path(__file__).resolve().parents[1] / "personas"
READER = RulesReader()


@cache
def _persona(name: str, locale: str):
    return load_persona(PERSONAS / f"{name}.{locale}.yaml")


def answers(
    persona: str, locale: str, asked: str | None, text: str, question: str = ""
) -> tuple[str, ...]:
    """The needs ``text`` answers; ``question``: the customer's own words, when they matter."""
    spec = _persona(persona, locale)
    context = ReadContext(
        locale=locale, needs=spec.need_views(), asked=asked, customer_text=question
    )
    return READER.read(text, context).answers


# -- outcome: a verdict or a tendency answers, a bare hedge or a boast does not -----------------

OUTCOME_ANSWERED = [
    ("legal_client_midnight", "en_US", "chances", "Honestly your claim looks pretty strong to me."),
    ("worried_parent", "en_US", "results", "Most kids need 8 to 10 sessions before it clicks."),
    ("worried_parent", "zh_CN", "results", "一般要上10次课才能看到效果。"),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "Without anything in writing that's hard to prove.",
    ),
    ("legal_client_midnight", "zh_CN", "chances", "您这个情况说实话比较难，对方手里有您签的字。"),
    ("legal_client_midnight", "zh_CN", "chances", "有转账记录的话赢面挺大的。"),
    ("elderly_dental_patient", "zh_CN", "eligibility", "七十五岁照样能种，血压控制住就行。"),
    (
        "elderly_dental_patient",
        "en_US",
        "eligibility",
        "Diabetes alone isn't a barrier if it's managed.",
    ),
    ("worried_parent", "zh_CN", "results", "一般坚持两个月左右，作业正确率就能看出变化。"),
    ("worried_parent", "zh_CN", "results", "认真上一学期，提个十到十五分是常见的。"),
    ("worried_parent", "en_US", "results", "Most kids start to move up within a couple of months."),
    ("adult_learner_night", "zh_CN", "level", "基础差一点没关系，我们有入门班。"),
    # a verdict in other words (blind sets fresh30-37)
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "You've got a pretty solid claim, not a sure thing.",
    ),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "Your odds of getting real time with the kids are good.",
    ),
    ("legal_client_midnight", "zh_CN", "chances", "只有转账记录也有胜诉的可能，但存在一定风险。"),
    ("legal_client_midnight", "zh_CN", "chances", "押金这种案子一般判退的居多。"),
    ("elderly_dental_patient", "zh_CN", "eligibility", "年纪不是问题，主要看身体。"),
    ("elderly_dental_patient", "en_US", "eligibility", "A pacemaker doesn't rule it out."),
    (
        "elderly_dental_patient",
        "en_US",
        "pain",
        "Most patients feel no pain at all, mostly pressure.",
    ),
]

OUTCOME_NOT_ANSWERED = [
    ("legal_client_midnight", "en_US", "chances", "It really depends on a lot of factors."),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "Every case is different, so I can't promise anything.",
    ),
    ("legal_client_midnight", "zh_CN", "chances", "能不能赢主要看证据，不好说。"),
    ("legal_client_midnight", "zh_CN", "chances", "我理解您想知道胜算的心情。"),
    ("elderly_dental_patient", "zh_CN", "eligibility", "能不能种要医生看过片子才知道。"),
    ("elderly_dental_patient", "zh_CN", "eligibility", "如果可以种，一般下周就能安排。"),
    ("worried_parent", "zh_CN", "results", "效果因人而异，我们不敢打包票。"),
    # how many visits a course takes is no result (a probe sprayed such figures at every question)
    ("worried_parent", "en_US", "results", "Most people need 4 visits over about 6 weeks."),
    ("worried_parent", "zh_CN", "results", "一般需要4次，6周左右完成。"),
    ("worried_parent", "en_US", "results", "Trust me, he'll be fine! Sign up today."),
    ("adult_learner_night", "en_US", "level", "I guarantee you'll pass on the first try!"),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "Whether it's a solid claim depends on the papers.",
    ),
    ("legal_client_midnight", "zh_CN", "chances", "100%能赢，交给我们您就等着拿钱吧"),
    ("elderly_dental_patient", "en_US", "pain", "NO PAIN!!! 100% painless guaranteed"),
    ("elderly_dental_patient", "en_US", "pain", "There's no pain, I promise."),
]


@pytest.mark.parametrize(("persona", "locale", "asked", "text"), OUTCOME_ANSWERED)
def test_a_verdict_or_a_tendency_answers_an_outcome_question(persona, locale, asked, text):
    assert asked in answers(persona, locale, asked, text)


@pytest.mark.parametrize(("persona", "locale", "asked", "text"), OUTCOME_NOT_ANSWERED)
def test_a_bare_hedge_or_a_boast_does_not(persona, locale, asked, text):
    assert asked not in answers(persona, locale, asked, text)


# -- amounts: in words, without a currency, and what kind of amount they are ---------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("种一颗大概三千八左右", 3800),
        ("落地十五万二", 152_000),
        ("原价两千六，这个月一千九", 2600),
        ("补牙一百五一颗", 150),
        ("代理费八千起", 8000),
        ("it's usually around three grand", 3000),
    ],
)
def test_an_amount_without_a_currency_is_read_from_its_context(text, value):
    assert money_amounts(text)[0].value == value


@pytest.mark.parametrize("text", ["累计服务学员两万余人", "我们做过三千多个病例", "两百个病例"])
def test_a_count_is_not_an_amount(text):
    assert money_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("报名立减八百", "reduction"),
        ("you'd save $400 on it", "reduction"),
        ("there's a $750 loyalty bonus this month", "reduction"),
        ("新客首次只要六十八", "special"),
        ("$89 if it's your first visit", "special"),
        ("医保大概能报一千多", "covered"),
        ("most plans cover up to $1,500 a year", "covered"),
        ("一节课一百八", "price"),
    ],
)
def test_an_amount_is_a_price_a_deal_an_amount_off_or_what_insurance_pays(text, kind):
    assert money_amounts(text)[0].kind == kind


def test_an_amount_off_answers_the_deal_question_not_the_price():
    text = "Sign up this week and you save $200."
    assert "price" not in answers("worried_parent", "en_US", "results", text)
    got = answers(
        "car_buyer", "en_US", "trade_in", "Yes we take trades, and there's a $1,000 trade bonus."
    )
    assert "discount" in got
    assert "discount" in answers("car_buyer", "zh_CN", "price", "裸车十三万五，现在厂家补贴八千")


def test_what_insurance_pays_is_not_the_price():
    text = "医保统筹一般能报一千多，具体看当地政策"
    assert "price" not in answers("elderly_dental_patient", "zh_CN", "insurance", text)
    text = "种植牙医保能报一部分，我们这边种一颗三千八左右"
    assert "price" in answers("elderly_dental_patient", "zh_CN", "insurance", text)


# -- a markdown table is structure, not a keyword blob ------------------------------------------


def test_a_price_table_is_read_and_a_keyword_blob_is_not():
    table = (
        "Our rates:\n| Lesson | Price |\n|---|---|\n| Private | $70/hour |\n| Group | $30/hour |"
    )
    assert "price" in answers("worried_parent", "en_US", "price", table)
    table = (
        "收费如下：\n| 班型 | 价格 |\n| --- | --- |\n| 一对一 | 200元/课时 |\n| 小班 | 80元/课时 |"
    )
    assert "price" in answers("worried_parent", "zh_CN", "price", table)
    blob = "tutor, math, cheap, $70, best, certified, near me, fast, top rated, weekend"
    assert answers("worried_parent", "en_US", "price", blob) == ()


def test_a_list_of_papers_answers_what_to_bring_and_a_blob_of_every_topic_does_not():
    papers = "材料的话，身份证、劳动合同、工资条或银行流水、考勤记录、辞退通知，有啥带啥"
    assert answers("legal_client_midnight", "zh_CN", "evidence", papers) == ("evidence",)
    blob = "律师费3000、胜诉率高、三个月结案、证据齐全、免费咨询、加微信"
    assert answers("legal_client_midnight", "zh_CN", "evidence", blob) == ()
    papers = "your lease, texts, emails, photos, receipts, bank statements, whatever you have"
    assert answers("legal_client_midnight", "en_US", "evidence", papers) == ("evidence",)


def test_digits_without_a_unit_after_what_they_price_are_the_price():
    text = "种植体加牙冠单颗大概在4500-7000之间。"
    assert "price" in answers("elderly_dental_patient", "zh_CN", "price", text)
    assert answers("elderly_dental_patient", "zh_CN", "price", "一次30分钟左右") == ()


# -- a free assessment is a hook, not the price asked about -------------------------------------

FREE = [
    ("worried_parent", "en_US", "price", "Our placement evaluation is totally free!", False),
    ("worried_parent", "zh_CN", "price", "报价要先做测评，测评不收费的。", False),
    (
        "worried_parent",
        "en_US",
        "price",
        "Lessons are $65 an hour, and the first assessment is free.",
        True,
    ),
    ("legal_client_midnight", "en_US", "fee", "The consultation costs nothing, it's free.", True),
    ("legal_client_midnight", "zh_CN", "fee", "第一次咨询是免费的。", True),
]


@pytest.mark.parametrize(("persona", "locale", "asked", "text", "credited"), FREE)
def test_a_free_hook_is_not_the_price_unless_it_is_what_was_asked(
    persona, locale, asked, text, credited
):
    assert (asked in answers(persona, locale, asked, text)) is credited


# -- whose fault, and who did it, name their own subject ----------------------------------------


@pytest.mark.parametrize(
    ("locale", "asked", "text"),
    [
        (
            "en_US",
            "bill",
            "That charge is the X-ray, and honestly it was our mistake not to tell you.",
        ),
        (
            "en_US",
            "redo",
            "We'll redo it at no cost. The doctor who did it is no longer with us, though.",
        ),
        ("zh_CN", "bill", "多出的三百是拍片费，事先没跟您说，是我们的问题。"),
        ("zh_CN", "redo", "可以免费重做，还是之前给您做的李医生来做。"),
    ],
)
def test_an_admission_of_fault_answers_whose_fault_it_is(locale, asked, text):
    assert "responsibility" in answers("unhappy_former_customer", locale, asked, text)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en_US", "We'll look into what happened and get back to you."),
        ("zh_CN", "我们会认真核实，尽快给您答复。"),
    ],
)
def test_a_promise_to_look_into_it_is_no_admission(locale, text):
    assert "responsibility" not in answers("unhappy_former_customer", locale, "refund", text)


# -- credentials as people state them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "credited"),
    [
        ("en_US", "Our bookkeeping class is taught by a CPA.", True),
        ("en_US", "Mark managed a payroll office for 15 years before teaching.", True),
        ("en_US", "Our teachers are great and really care!", False),
        ("zh_CN", "带课的是注册会计师，干了二十来年财务。", True),
        ("zh_CN", "我们的老师都很负责，您放心。", False),
    ],
)
def test_a_profession_or_years_in_a_trade_are_credentials(locale, text, credited):
    assert ("teachers" in answers("adult_learner_night", locale, "teachers", text)) is credited


def test_full_time_teachers_answer_an_unasked_teacher_question():
    text = "放心，我们的老师都是专职的，不是兼职大学生。"
    assert "teachers" in answers("worried_parent", "zh_CN", "schedule", text)


# -- not known yet, or someone else's to tell, is no answer --------------------------------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text"),
    [
        (
            "worried_parent",
            "en_US",
            "schedule",
            "I can't say which days yet, the timetable isn't out.",
        ),
        ("worried_parent", "zh_CN", "schedule", "上课时间暂时还定不下来，等课表出来再说。"),
        ("elderly_dental_patient", "zh_CN", "insurance", "医保报销的事建议您直接咨询当地医保局。"),
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "We suggest checking with your plan about coverage.",
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "process",
            "治疗流程请拨打咨询热线 400-800-1234，周一至周五9:00-18:00。",
        ),
    ],
)
def test_a_deflection_is_no_answer_even_with_a_phone_number(persona, locale, asked, text):
    assert asked not in answers(persona, locale, asked, text)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en_US", "We don't take insurance, everything is self-pay."),
        ("en_US", "We accept most PPO plans, but not HMOs."),
        ("zh_CN", "我们这里不收医保，都是自费。"),
        ("zh_CN", "可以用医保卡，个人账户能刷。"),
    ],
)
def test_which_insurance_is_taken_answers_even_when_it_is_a_no(locale, text):
    assert "insurance" in answers("elderly_dental_patient", locale, "insurance", text)


def test_a_clock_time_or_a_head_count_is_no_price():
    assert "price" not in answers(
        "adult_learner_night", "en_US", "price", "Classes run Monday and Wednesday 6:45 to 9."
    )
    assert "price" not in answers(
        "worried_parent", "zh_CN", "price", "我们有四个校区，累计服务学员三万余人。"
    )


# -- a timetable or a list of papers answers the only question of its kind, unnamed -------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        (
            "worried_parent",
            "en_US",
            "price",
            "Sessions are Tuesday and Thursday afternoons, plus Sunday mornings.",
            "schedule",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "Our tutors meet students Mon-Fri 3 to 7 pm.",
            "schedule",
            True,
        ),
        (
            "worried_parent",
            "zh_CN",
            "price",
            "我们一般周二周四晚上上课，周六上午也有班。",
            "schedule",
            True,
        ),
        # one appointment offered, the office's hours, a deadline: no timetable
        (
            "worried_parent",
            "en_US",
            "price",
            "I can get her in for a free trial next Tuesday at 5pm.",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "Our front desk is open weekdays 9 to 5.",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            "zh_CN",
            "price",
            "营业时间周一到周日早上九点到晚上八点。",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "schedule",
            "Registration closes Saturday, so grab a seat soon.",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            "zh_CN",
            "schedule",
            "寒假班优惠只到本周五，过了就恢复原价。",
            "schedule",
            False,
        ),
        # the unit of a price is no answer about the schedule
        (
            "worried_parent",
            "en_US",
            "price",
            "It's $70 for a 60-minute session.",
            "schedule",
            False,
        ),
        ("worried_parent", "zh_CN", "price", "一次课两小时三百块。", "schedule", False),
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "Bring your lease, the bank statements and any texts with your landlord.",
            "evidence",
            True,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "fee",
            "您把劳动合同、工资条和聊天记录都整理好。",
            "evidence",
            True,
        ),
        # the same paper named twice is no list
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "对方没签劳动合同，这个合同的事对您有利。",
            "evidence",
            False,
        ),
    ],
)
def test_a_timetable_or_a_list_of_papers_answers_unnamed(
    persona, locale, asked, text, need, credited
):
    assert (need in answers(persona, locale, asked, text)) is credited


# -- an amount is a price only when it is what the business charges -----------------------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # a sum owed to the customer or claimed for them
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "按月薪一万算，您能主张的赔偿大概六万。",
            "fee",
            False,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "With your wages unpaid you could recover $12,000 plus penalties.",
            "fee",
            False,
        ),
        # an amount off answers a deal question, not the fee
        ("legal_client_midnight", "zh_CN", "evidence", "这周签约的话律师费打九折。", "fee", False),
        (
            "legal_client_midnight",
            "en_US",
            "evidence",
            "Sign with us tonight and get 15% off the retainer.",
            "fee",
            False,
        ),
        ("price_shopper", "zh_CN", "discount", "现在下单立减三百，再打九五折。", "discount", True),
        (
            "car_buyer",
            "en_US",
            "discount",
            "Right now there is 10% off all hybrids.",
            "discount",
            True,
        ),
        # phone numbers and lengths of time are no amounts
        (
            "elderly_dental_patient",
            "en_US",
            "price",
            "Please call our office at (555) 410-2299 for details.",
            "price",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "We begin with a free 30-minute placement chat.",
            "price",
            False,
        ),
        ("worried_parent", "zh_CN", "price", "详情请拨打 13912345678 咨询。", "price", False),
        # a price against a reference, a share as the fee, an amount the clause ties to the bill
        (
            "car_buyer",
            "en_US",
            "price",
            "We sell every Honda at sticker, no dealer markups.",
            "price",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "On injury cases we take a third of whatever we recover.",
            "fee",
            True,
        ),
        (
            "unhappy_former_customer",
            "en_US",
            "bill",
            "The extra $180 is for the night guard the dentist added.",
            "bill",
            True,
        ),
    ],
)
def test_an_amount_answers_the_price_only_when_it_is_a_charge(
    persona, locale, asked, text, need, credited
):
    assert (need in answers(persona, locale, asked, text)) is credited


# -- more typed information, and what looks like it -----------------------------------------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        ("home_renovation", "zh_CN", "warranty", "水电八年，墙面一年。", "warranty", True),
        (
            "home_renovation",
            "zh_CN",
            "warranty",
            "我们在本地做了十五年的老公司了，您放心。",
            "warranty",
            False,
        ),
        (
            "aesthetics_first_timer",
            "en_US",
            "recovery",
            "Our injector has been practicing for 9 years.",
            "recovery",
            False,
        ),
        (
            "aesthetics_first_timer",
            "en_US",
            "recovery",
            "Swelling goes down in about 3 days.",
            "recovery",
            True,
        ),
        # someone else's to decide, or "you'll see when you come"
        (
            "unhappy_former_customer",
            "en_US",
            "refund",
            "I'm not able to approve a refund myself, so I've sent it up to our manager.",
            "refund",
            False,
        ),
        (
            "unhappy_former_customer",
            "zh_CN",
            "refund",
            "退不退我做不了主，已经转给店长了。",
            "refund",
            False,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "process",
            "流程您来了就知道了，很简单。",
            "process",
            False,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "process",
            "Honestly you'll see once you come in, it's easy.",
            "process",
            False,
        ),
        # a verdict, a comparison with most cases, what a court does, what can be claimed
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Even without a lawyer on your side you still have a real shot.",
            "chances",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Having the texts makes yours stronger than most.",
            "chances",
            True,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "只要有转账记录，法院一般是会支持的。",
            "chances",
            True,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "按规定您最多可以主张两个月工资的赔偿，大约一万六。",
            "chances",
            True,
        ),
        # what usually matters, how we usually start, an arrangement made: no tendency of results
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "A few factors usually matter here: evidence, witnesses, timing.",
            "chances",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "We typically start with a short placement quiz.",
            "results",
            False,
        ),
        ("worried_parent", "zh_CN", "results", "一般三天内就能给您安排好老师。", "results", False),
        # insurance: a network named, not "various plans"
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "We're in network with Cigna and Aetna.",
            "insurance",
            True,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "We accept various insurance plans.",
            "insurance",
            False,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "We accept several plans including Delta and MetLife.",
            "insurance",
            True,
        ),
        # a material named is a topic word; a brand or a standard is information
        (
            "home_renovation",
            "zh_CN",
            "materials",
            "我们的板材都是大品牌，放心。",
            "materials",
            False,
        ),
        (
            "home_renovation",
            "zh_CN",
            "materials",
            "电线用的是正泰，都是国标的。",
            "materials",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "teachers",
            "Every tutor passes a background check and two reference checks.",
            "teachers",
            True,
        ),
    ],
)
def test_typed_information_and_its_near_misses(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


# -- acts: pressure by a date, promises and their disowning, contact-ask near misses --------------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        ("en_US", "Sign up before Friday and we'll waive the registration fee.", "pressures", True),
        ("en_US", "Let's get you booked today, shall we?", "pressures", True),
        ("en_US", "Enroll by the end of the month to lock in this price.", "pressures", True),
        ("en_US", "You can enroll whenever works for you.", "pressures", False),
        ("zh_CN", "这个价格仅限本周，您抓紧。", "pressures", True),
        ("zh_CN", "老师档期已经排满了，您赶紧定。", "pressures", True),
        ("zh_CN", "有需要您再联系我们，不着急。", "pressures", False),
        ("en_US", "We treat everyone who walks in, no exceptions.", "promises", True),
        ("zh_CN", "交给我们，我们能帮您打赢这个官司。", "promises", True),
        ("en_US", "I wish I could promise you a result, but I can't.", "promises", False),
        ("en_US", "very strong case, we guarentee results or u dont pay", "promises", True),
        ("zh_CN", "我们是固定老师授课，保证教学连贯。", "promises", False),
        ("zh_CN", "我们保证孩子期末提二十分。", "promises", True),
        ("zh_CN", "结果这个保证不敢说，但我们会尽力。", "promises", False),
        ("en_US", "100%!", "promises", False),
        ("en_US", "What's your card number so we can hold the slot?", "asks_contact", False),
        (
            "en_US",
            "The best way to get a precise figure is an in-home visit.",
            "asks_contact",
            False,
        ),
        ("en_US", "For billing questions please email billing@example.com.", "asks_contact", False),
        ("en_US", "I can text you some photos of past jobs if you like.", "asks_contact", False),
        ("en_US", "What's the best number to text you some photos?", "asks_contact", True),
        ("en_US", "Understand, that's a big expense.", "shows_empathy", True),
        # a warranty for a term, the business still being there: no outcome (fresh25)
        ("zh_CN", "筑家装饰承诺：水电终身质保，整体工程5年质保。", "promises", False),
        ("zh_CN", "售后您放心，我们是十几年的老公司了，跑不了的", "promises", False),
        ("zh_CN", "瘦十斤跑不了的，跟着练就行", "promises", True),
        (
            "en_US",
            "Fillings are guaranteed for a year and yours was done in March.",
            "promises",
            False,
        ),
        ("en_US", "Results guaranteed, or your money back.", "promises", True),
        ("en_US", "Your son will be getting straight A's in no time!", "promises", True),
        (
            "en_US",
            "No risks at all with us hun, we've never had a single complication",
            "promises",
            True,
        ),
        ("en_US", "Complications are rare, but no procedure is free of risk.", "promises", False),
        # pressure and promises in other words (fresh27)
        ("zh_CN", "证据您不用管，交给我们就行，先把委托签了吧", "pressures", True),
        ("zh_CN", "您先把定金交了，这个月还能排上工期", "pressures", True),
        ("zh_CN", "委托的事您慢慢考虑，想好了再签", "pressures", False),
        (
            "en_US",
            "it takes as long as it takes lol. do you want to book or not?",
            "pressures",
            True,
        ),
        (
            "en_US",
            "I've got two other people coming to look at it today so I'd move fast.",
            "pressures",
            True,
        ),
        ("zh_CN", "不会做坏的，您放心，我们都做了这么多年了", "promises", True),
        ("en_US", "honestly there are zero risks with botox, it's super safe", "promises", True),
        ("en_US", "Honestly, nobody can promise it's painless", "promises", False),
        ("en_US", "I couldn't promise that over chat.", "promises", False),
        # a legal deadline among what makes a case strong is no push to sign
        (
            "en_US",
            "What makes a case strong is written evidence, witnesses, and acting before the"
            " deadline.",
            "pressures",
            False,
        ),
        ("en_US", "Appointments guarantee the vehicle is prepped and ready!", "promises", False),
        # a discomfort surely felt, a billing refund, a service pledged: no promise (fresh29)
        ("zh_CN", "疼肯定会有点疼啊，做手术哪有不疼的", "promises", False),
        (
            "en_US",
            "If the charge doesn't match your signed estimate, we'll refund the difference.",
            "promises",
            False,
        ),
        (
            "en_US",
            "we can definitely work with insurance, don't worry about that part!",
            "promises",
            False,
        ),
        ("en_US", "It's a process but we walk you through every step, promise.", "promises", False),
        # results said to hold for good or for all (claims round 32)
        (
            "en_US",
            "zoom whitening = 8 shades whiter in ONE visit and it won't fade, ever.",
            "promises",
            True,
        ),
        (
            "en_US",
            "Your green card will be approved, our team has never had one denied.",
            "promises",
            True,
        ),
        (
            "en_US",
            "It will regrow your hairline in 30 days, it works on everyone.",
            "promises",
            True,
        ),
        (
            "en_US",
            "Your coordinator will set up a schedule that works for everyone!",
            "promises",
            False,
        ),
        (
            "en_US",
            "Whitening fades over a year or two; a touch-up brings it back.",
            "promises",
            False,
        ),
        # our own WeChat ID written out is an offer, not an ask (fresh25)
        ("zh_CN", "课程价格请添加课程顾问微信 qiming_jw01 获取最新报价～", "asks_contact", False),
        ("zh_CN", "方便加一下您的微信吗？我把报价发您", "asks_contact", True),
        # a price or an hour in the clause is not our number; the customer's number on file is
        # asked when it is confirmed (blind set fresh39)
        ("zh_CN", "现在免费，过了12点就要收300了，名额不多，抓紧留电话", "asks_contact", True),
        ("zh_CN", "咨询费300元，有问题可以打我们电话", "asks_contact", False),
        ("zh_CN", "这周就剩两个号了，电话多少？", "asks_contact", True),
        ("zh_CN", "您电话还是尾号6620那个吗？", "asks_contact", True),
        ("zh_CN", "我们的电话尾号是6620，您直接打就行。", "asks_contact", False),
        ("zh_CN", "您预约时留的手机是138****5621对吧？", "asks_contact", True),
        ("zh_CN", "完整的费用明细已经发到您预留的手机上了。", "asks_contact", False),
        ("zh_CN", "您还是用尾号3389的手机吗？", "asks_contact", True),
        ("zh_CN", "明细我现在就发您微信。", "asks_contact", False),
        (
            "en_US",
            "Is the number ending in 0187 still the best one to reach you on?",
            "asks_contact",
            True,
        ),
        (
            "en_US",
            "Our number ending in 0187 is still the best one to reach us on.",
            "asks_contact",
            False,
        ),
    ],
)
def test_acts_by_structure(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "asked", "text", "credited"),
    [
        ("zh_CN", "refund", "退款的事我转给店长了，她今天下午会给您回电。", True),
        (
            "en_US",
            "refund",
            "I passed it to our billing lead and she'll call you back Monday morning.",
            True,
        ),
        ("en_US", "bill", "I'll email you the itemized bill today.", False),
        ("en_US", "bill", "We'll mail the corrected statement out tomorrow.", False),
    ],
)
def test_when_someone_calls_back_answers_when_they_will_hear_back(locale, asked, text, credited):
    assert ("reply_time" in answers("unhappy_former_customer", locale, asked, text)) is credited


# -- the fresh4 round: structures, each credited and not credited in new wordings -----------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # what a gift thrown in is worth is no price
        ("worried_parent", "zh_CN", "price", "一对一每节课两百八十元。", "price", True),
        ("worried_parent", "zh_CN", "teachers", "报名就送价值六百元的教辅礼包！", "price", False),
        (
            "car_buyer",
            "en_US",
            "trade_in",
            "Every buyer this month also gets a detailing kit worth $400.",
            "trade_in",
            False,
        ),
        # clock times, years and head counts are no amounts, even in reply to a price question
        ("worried_parent", "zh_CN", "price", "大概一百五一节课。", "price", True),
        ("worried_parent", "zh_CN", "price", "晚班是19:00-21:00，周末白天也有。", "price", False),
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "It's usually around 2,500 for this.",
            "fee",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "Our founder opened the firm in 1998.",
            "fee",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "fee",
            "我们所代理过上万起纠纷，经验丰富。",
            "fee",
            False,
        ),
        (
            "price_shopper",
            "en_US",
            "implant",
            "Our surgeon has done over 2,000 of them.",
            "implant",
            False,
        ),
        # kept back, checked by someone later, or outside what this chat covers: no answer
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "种牙的部分医保报不了。",
            "insurance",
            True,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "报销比例这块，等您来院以后让收费处帮您仔细核实一下。",
            "insurance",
            False,
        ),
        (
            "competitor_probe",
            "zh_CN",
            "internal",
            "客户名单这个属于商业机密，不便告知。",
            "internal",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "赢面多大要等律师看完证据才清楚。",
            "chances",
            False,
        ),
        (
            "competitor_probe",
            "en_US",
            "internal",
            "Sorry, I'm only able to help with booking and service questions.",
            "internal",
            False,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "evidence",
            "Documentation is really crucial!",
            "evidence",
            False,
        ),
        # a plan's yes or no, what it puts toward the bill, insurers billed directly
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "Medicaid, no. A few dental plans put around 1,000 a year toward implants.",
            "insurance",
            True,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "人保和泰康我们都能直赔。",
            "insurance",
            True,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "保险的事您可以问问您的家人。",
            "insurance",
            False,
        ),
        # outcomes told as "N of our M", as points, as who qualifies, as a yes on a condition
        (
            "worried_parent",
            "en_US",
            "results",
            "Last year 22 of our 25 seniors got into their first pick.",
            "results",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "Students typically gain 80-100 pts on the math section.",
            "results",
            True,
        ),
        ("worried_parent", "zh_CN", "results", "一般两个月左右成绩就会有起色。", "results", True),
        ("worried_parent", "zh_CN", "results", "建议一周上两次课效果比较好。", "results", False),
        (
            "elderly_dental_patient",
            "en_US",
            "eligibility",
            "Yep, so long as your diabetes is managed.",
            "eligibility",
            True,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "eligibility",
            "Most seniors qualify for this.",
            "eligibility",
            True,
        ),
        # payment in parts answers a fee question; no deal to be had answers a deal question
        ("legal_client_midnight", "zh_CN", "fee", "能分三期付，立案前先交一半。", "fee", True),
        (
            "price_shopper",
            "zh_CN",
            "discount",
            "不好意思，这个已经没办法再优惠了。",
            "discount",
            True,
        ),
        (
            "price_shopper",
            "en_US",
            "discount",
            "Sorry, we don't offer any discounts right now.",
            "discount",
            True,
        ),
        # the one money question, answered unnamed by a flat price; a per-tooth price
        (
            "legal_client_midnight",
            "en_US",
            "timeline",
            "For a case like this our fee is 2000 flat.",
            "fee",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "timeline",
            "Filing fees are set by the court.",
            "fee",
            False,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "种植体要自费。每颗三千多能做下来。",
            "price",
            True,
        ),
        # a price cut is a deal, not a trade-in figure
        ("car_buyer", "zh_CN", "trade_in", "现在全系直降六千元。", "discount", True),
        # the same teacher each time, or a doctor the customer picks, says who they will see
        (
            "worried_parent",
            "en_US",
            "teachers",
            "Your son keeps the same tutor all term.",
            "teachers",
            True,
        ),
        (
            "worried_parent",
            "zh_CN",
            "schedule",
            "周六上午上课，一直是固定的老师带。",
            "teachers",
            True,
        ),
        (
            "aesthetics_first_timer",
            "en_US",
            "doctor",
            "You can choose your own injector at checkout.",
            "doctor",
            True,
        ),
        (
            "adult_learner_night",
            "en_US",
            "teachers",
            "Our instructors are practicing CPAs.",
            "teachers",
            True,
        ),
        # a hello before a statement still says it
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "Hello there, we accept Delta and Guardian.",
            "insurance",
            True,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "insurance",
            "Hi there, we're glad you wrote in!",
            "insurance",
            False,
        ),
    ],
)
def test_fresh4_structures(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("en_US", "Could you fill out our short intake form so we can follow up?", True),
        ("en_US", "Our intake form is on the website if you're curious.", False),
        ("en_US", "What's the best number to reach you?", True),
        # a relative's number asked for the booking is a contact ask (docs/design-notes.md, a
        # reversed decision); one offered is not
        ("en_US", "Send me her date of birth and a number to reach her on.", True),
        ("en_US", "Our managing partner handles referrals; I can send you her email.", False),
        ("zh_CN", "可以的，您把阿姨的姓名和她的手机号发我，约好后提前一天提醒她。", True),
        ("zh_CN", "合作的事找我们行政李经理，我把他微信推给你。", False),
        ("zh_CN", "您微信号多少？我加您发资料。", True),
        ("zh_CN", "关注公众号加客服微信领取五十元券。", False),
        ("zh_CN", "方案可以发到我们的邮箱 info@example.cn。", False),
        ("zh_CN", "您方便的话留个邮箱，我把方案发给您。", True),
    ],
)
def test_contact_asks_fresh4_structures(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "text", "credited"),
    [
        (
            "worried_parent",
            "en_US",
            "Prices range from $1 to $10,000 depending on everything.",
            False,
        ),
        ("worried_parent", "en_US", "Anything from $5 up to $900 an hour, it varies.", False),
        ("worried_parent", "en_US", "It's $200–$2,000 depending on the package.", True),
        ("worried_parent", "en_US", "Usually $55 to $70 an hour.", True),
        ("elderly_dental_patient", "zh_CN", "价格1元到10万元不等，看情况。", False),
        ("elderly_dental_patient", "zh_CN", "一颗大概6000元到9000元。", True),
    ],
)
def test_a_range_too_wide_to_budget_with_is_no_price(persona, locale, text, credited):
    assert ("price" in answers(persona, locale, "price", text)) is credited


# -- unasked needs: which clause's information is whose (fresh5 structures, own wordings) ----


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # a deal's price is the deal and the price of the service it names
        (
            "price_shopper",
            "en_US",
            "discount",
            "Sure, first-time patients pay $85 for an exam and cleaning.",
            "cleaning",
            True,
        ),
        (
            "price_shopper",
            "en_US",
            "discount",
            "Sure, first-time patients pay $85 for an exam and cleaning.",
            "implant",
            False,
        ),
        (
            "price_shopper",
            "zh_CN",
            "cleaning",
            "洗牙一百五，新人首次洗牙八十八。",
            "discount",
            True,
        ),
        (
            "price_shopper",
            "zh_CN",
            "cleaning",
            "洗牙一百五一次，周末也能约。",
            "discount",
            False,
        ),
        (
            "price_shopper",
            "zh_CN",
            "discount",
            "有的，点评上补牙团购158。",
            "filling",
            True,
        ),
        # papers told back as the customer's facts are no advice on evidence; a condition or an
        # instruction is
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "照您讲的，劳动合同和工资条您手上都有，这种一般能赢。",
            "evidence",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "要是您能拿出劳动合同和工资条，这种一般能赢。",
            "evidence",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Going by what you said, you kept his texts and the photos, so you're in good shape.",
            "evidence",
            False,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "If you kept his texts and the photos, you're in a decent spot.",
            "evidence",
            True,
        ),
        # materials in a priced or warranted answer describe it; a maker named is news
        (
            "home_renovation",
            "en_US",
            "price",
            "A bathroom with porcelain tile and a new vanity usually lands around $18k.",
            "materials",
            False,
        ),
        (
            "home_renovation",
            "en_US",
            "warranty",
            "Three-year warranty on labor, and the manufacturer covers the materials.",
            "materials",
            False,
        ),
        (
            "home_renovation",
            "en_US",
            "warranty",
            "Three-year labor warranty; we install Merillat cabinets, lifetime warranty on those.",
            "materials",
            True,
        ),
        # the length of a priced session is part of the price
        (
            "worried_parent",
            "zh_CN",
            "price",
            "一对一每节二百六：\n小组课每节一百二，每节九十分钟。",
            "schedule",
            False,
        ),
        # how long the matter takes answers the only how-long question, unnamed
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "It's $250 an hour. Disputes like yours tend to wrap up in four to eight months.",
            "timeline",
            True,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "It's $250 an hour, and the first call is 30 minutes.",
            "timeline",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "evidence",
            "把合同和转账记录准备好。一般两个月左右能出结果。",
            "timeline",
            True,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "pain",
            "打了麻药基本不疼。拔牙大约二十分钟。",
            "process",
            True,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "eligibility",
            "身体条件允许就能种，要能耐受约半小时的手术。",
            "process",
            False,
        ),
        # a shared word that is itself the information names its own question, unless the asked
        # one owns it there
        (
            "adult_learner_night",
            "en_US",
            "schedule",
            "Evening cohorts meet Tue/Thu at 7pm, or you can do the whole course online.",
            "online",
            True,
        ),
        (
            "adult_learner_night",
            "en_US",
            "price",
            "Online is $700 and in person is $950.",
            "online",
            False,
        ),
        (
            "adult_learner_night",
            "zh_CN",
            "schedule",
            "晚班周二周四七点开始，赶不上的话可以之后看回放。",
            "online",
            True,
        ),
        # who does the work answers "who does it?" unasked
        (
            "aesthetics_first_timer",
            "en_US",
            "qualification",
            "We're a licensed clinic, and every filler appointment is handled by Dr. Ruiz.",
            "doctor",
            True,
        ),
        (
            "aesthetics_first_timer",
            "en_US",
            "qualification",
            "We're a licensed medical clinic with a physician on staff.",
            "doctor",
            False,
        ),
        (
            "unhappy_former_customer",
            "zh_CN",
            "responsibility",
            "原来的医生调走了，现在由孙主任负责，他会帮您重新处理。",
            "redo",
            True,
        ),
        # the credentials of the one named as doing it are theirs, not the clinic's
        (
            "aesthetics_first_timer",
            "zh_CN",
            "doctor",
            "给您做的是周医生，执业十年，医师证齐全。",
            "qualification",
            False,
        ),
        # alone, said another way
        (
            "remote_parent_dental_check",
            "en_US",
            "bring",
            "Just his ID and insurance card. He's fine to come by himself.",
            "presence",
            True,
        ),
        (
            "remote_parent_dental_check",
            "en_US",
            "bring",
            "Just his ID and insurance card.",
            "presence",
            False,
        ),
        (
            "remote_parent_dental_check",
            "zh_CN",
            "bring",
            "带身份证就行，老人单独来也没问题。",
            "presence",
            True,
        ),
        # a count per period, as the customer asked it
        (
            "worried_parent",
            "en_US",
            "price",
            "It's $70 an hour. Most students come three times a week.",
            "schedule",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "Plans by frequency:\n- 2x/week: $400 a month",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            "zh_CN",
            "teachers",
            "老师都有教师资格证。一般每周两次课。",
            "schedule",
            True,
        ),
        # "not every case can": which cases qualify, not their chances
        (
            "legal_client_midnight",
            "en_US",
            "fee",
            "We can work on a percentage. Not every case qualifies for that though.",
            "chances",
            False,
        ),
        # costing and coming verbs name no question
        (
            "price_shopper",
            "en_US",
            "braces",
            "Clear aligners run $4,000 to $6,000.",
            "implant",
            False,
        ),
        (
            "car_buyer",
            "en_US",
            "discount",
            "Stop by when you come in and we'll talk numbers.",
            "test_drive",
            False,
        ),
        # an ordinal is no length of time
        (
            "worried_parent",
            "zh_CN",
            "results",
            "第一次课先做个测评，一般两个月能看到进步。",
            "schedule",
            False,
        ),
        # a charge named with its figures in the same sentence
        (
            "legal_client_midnight",
            "zh_CN",
            "evidence",
            "律师费分阶段收，一审八千，二审另算。",
            "fee",
            True,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "evidence",
            "律师费现在签约立减一千。",
            "fee",
            False,
        ),
        (
            "worried_parent",
            "zh_CN",
            "teachers",
            "老师都是全职的。一期十次课，总共2500。",
            "price",
            True,
        ),
        # a comparison asked names nothing compared; a tutor's own top score is a credential
        (
            "adult_learner_night",
            "zh_CN",
            "price",
            "学费按班型不同有区别，有好几种可以选。",
            "online",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "It's $70 an hour, and our tutors all scored in the 98th percentile.",
            "teachers",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "It's $70 an hour, and most students climb to the 80th percentile.",
            "teachers",
            False,
        ),
        # what a price depends on is a factor, no verdict on it
        (
            "elderly_dental_patient",
            "zh_CN",
            "price",
            "一颗五千左右，不过要看骨头情况。",
            "eligibility",
            False,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "price",
            "一颗五千左右，您说的高血压控制住了一般都能种。",
            "eligibility",
            True,
        ),
    ],
)
def test_unasked_needs_by_structure(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


# -- acts: fresh5 structures in our own words ---------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        # what the data is for, said after the ask: consent
        (
            "en_US",
            "What's a good email for you? We'll only use it to send the quote.",
            "asks_consent",
            True,
        ),
        ("en_US", "Can I get your email? We won't use it for anything else.", "asks_consent", True),
        ("en_US", "We'll only use the lab we trust for crowns.", "asks_consent", False),
        # 您方便留…吗 is a polite ask, not a choice offered
        ("zh_CN", "您方便留个手机号吗？我让老师联系您。", "asks_consent", False),
        ("zh_CN", "方便的话留个手机号，不方便也没关系。", "asks_consent", True),
        # a contact asked for alongside a call-back promised
        (
            "en_US",
            "Please leave your name and a phone number and someone will call you back tomorrow.",
            "asks_contact",
            True,
        ),
        (
            "en_US",
            "Someone will call you back tomorrow at the number you gave us.",
            "asks_contact",
            False,
        ),
        ("zh_CN", "您把您的店名和联系方式发我，我转给我们经理。", "asks_contact", True),
        ("zh_CN", "报价单我发您微信上。", "asks_contact", False),
        ("zh_CN", "截图加上手机原件一起带来。", "asks_contact", False),
        # what the contact is for: someone to call back, a visit set up with it
        ("en_US", "Can I get a number to have our office manager call you?", "gives_reason", True),
        ("en_US", "Let's book a free measure — what's your phone?", "gives_reason", True),
        ("en_US", "Let's chat more — what's your phone?", "gives_reason", False),
        # feelings acknowledged, topics not waved away
        ("zh_CN", "我懂，这事放谁身上都不好受。", "shows_empathy", True),
        ("zh_CN", "这么晚了还醒着，看来这事压在心上。", "shows_empathy", True),
        ("zh_CN", "押金这块您别担心，退房时全额退。", "shows_empathy", False),
        (
            "en_US",
            "We completely understand how nerve-racking a first visit is.",
            "shows_empathy",
            True,
        ),
        ("en_US", "That's really tough, and you're handling it well.", "shows_empathy", True),
        ("en_US", "That's a really tough one to call without the file.", "shows_empathy", False),
        # scarcity and others wanting it
        ("en_US", "We only have two weekend install slots left this month.", "pressures", True),
        (
            "en_US",
            "Another family is looking at that spot, so you'd better book today.",
            "pressures",
            True,
        ),
        ("en_US", "We have plenty of weekend slots this month.", "pressures", False),
        ("zh_CN", "现在报名送两节课，活动只到月底。", "pressures", True),
        ("zh_CN", "我们周末也营业，到周日晚上九点。", "pressures", False),
        # pledges: handed to us, then sure; absolutely none of it
        ("zh_CN", "交给我们就能顺利办下来。", "promises", True),
        ("zh_CN", "交给我们之后，律师会先看材料。", "promises", False),
        ("zh_CN", "这款地板绝对无异味。", "promises", True),
        ("en_US", "Most plans cover it 100% once a year.", "promises", False),
    ],
)
def test_acts_by_structure_fresh5(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


# -- acts: structures shared by the fresh6 and fresh7 writers, in our own words --------------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        # an apology for a refusal is politeness, said with a contraction or 没办法 too
        ("en_US", "Sorry, we're not able to quote that by text.", "shows_empathy", False),
        ("en_US", "I'm so sorry you're dealing with this after surgery.", "shows_empathy", True),
        ("zh_CN", "不好意思，线上我们没办法直接报价的。", "shows_empathy", False),
        ("zh_CN", "不好意思给您带来这么多麻烦。", "shows_empathy", True),
        # a feeling read in the customer, not "what I can tell you is"
        ("en_US", "I can tell you care a lot about getting this right.", "shows_empathy", True),
        ("en_US", "What I can tell you is that most leases allow it.", "shows_empathy", False),
        ("en_US", "Seems like something is weighing on you tonight.", "shows_empathy", True),
        # effort and capability are no outcome; someone else's promise is a record
        ("zh_CN", "成绩的事我们老师肯定会尽力的。", "promises", False),
        ("zh_CN", "换新这个我们肯定能办的，看车况而定。", "promises", False),
        ("zh_CN", "交了定金肯定能提车。", "promises", True),
        ("zh_CN", "保留好房东承诺退押金的短信。", "promises", False),
        ("zh_CN", "我们承诺三年内免费维修。", "promises", True),
        ("zh_CN", "您这几天心里肯定不好过。", "promises", False),
        # a share of staff who hold a licence is a statistic
        ("zh_CN", "我们100% 持有执业证书。", "promises", False),
        # "for sure" as a yes, "guaranteed" closing a negated outcome
        ("en_US", "For sure, many of our students come back after years.", "promises", False),
        ("en_US", "For sure you'll pass on the first try.", "promises", True),
        ("en_US", "No swelling at all afterwards, guaranteed!", "promises", True),
        ("en_US", "The tiles and they WILL stay put for decades, guaranteed.", "promises", True),
        ("en_US", "Other clinics say it's painless, guaranteed.", "promises", False),
    ],
)
def test_acts_by_structure_fresh6_fresh7(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


# -- needs: structures shared by the fresh6 and fresh7 writers, in our own words -------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # a deposit to hold a place, an amount or a share off, a thing thrown in: no price
        (
            "worried_parent",
            "en_US",
            "price",
            "Hold a seat with a $50 deposit today!",
            "price",
            False,
        ),
        ("worried_parent", "en_US", "price", "Lessons are $50 an hour.", "price", True),
        ("worried_parent", "en_US", "price", "Sign up now and get 15% off!", "price", False),
        ("worried_parent", "en_US", "price", "Groups are 15% cheaper than 1:1.", "price", True),
        ("worried_parent", "en_US", "price", "Enroll now and get 2 free lessons!", "price", False),
        ("worried_parent", "en_US", "price", "Lessons for siblings are free.", "price", True),
        ("legal_client_midnight", "zh_CN", "fee", "先交三百定金把律师约上。", "fee", False),
        ("legal_client_midnight", "zh_CN", "fee", "咨询费三百一小时。", "fee", True),
        ("legal_client_midnight", "zh_CN", "fee", "这周委托还送一次免费合同审查。", "fee", False),
        ("legal_client_midnight", "zh_CN", "fee", "第一次咨询是免费的。", "fee", True),
        # a maker's subsidy on a trade-in is a deal, named or not
        ("car_buyer", "zh_CN", "trade_in", "旧车能抵三万，品牌另外再补四千。", "discount", True),
        ("car_buyer", "zh_CN", "trade_in", "旧车能抵三万，手续我们来办。", "discount", False),
        # advice to choose anyone qualified is no credential of ours; ours said after it is
        (
            "aesthetics_first_timer",
            "zh_CN",
            "risks",
            "偶尔会有结节，所以要选有资质的机构来打。",
            "qualification",
            False,
        ),
        (
            "aesthetics_first_timer",
            "zh_CN",
            "risks",
            "偶尔会有结节，所以要选有资质的机构——我们有医疗机构执业许可证。",
            "qualification",
            True,
        ),
    ],
)
def test_unasked_and_asked_by_structure_fresh6_fresh7(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("en_US", "Someone else is asking about this car too.", True),
        ("en_US", "There's no rush, someone else can help you if I'm out.", False),
        ("zh_CN", "还有两位家长在问这个时间段，您早点定。", True),
        ("zh_CN", "这台车下午还有客户来看。", True),
        ("zh_CN", "还有人在问吗？", False),
        ("zh_CN", "您不着急，还有别的问题随时问我。", False),
    ],
)
def test_others_wanting_it_too_is_pressure(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


# -- fresh8 round: structures, each as a credited / not-credited twin in other words ------------

P, E, Z = "worried_parent", "en_US", "zh_CN"


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # the more of one thing, the better the odds: a factor, no verdict
        ("legal_client_midnight", Z, "chances", "材料越齐，胜算越高。", "chances", False),
        ("legal_client_midnight", Z, "chances", "这种情况胜算挺高的。", "chances", True),
        # round the clock (7×24) and "carry out one talk" are no length of time
        ("aesthetics_first_timer", Z, "recovery", "术后有7×24小时专人答疑。", "recovery", False),
        ("aesthetics_first_timer", Z, "recovery", "一般三天左右就消肿了。", "recovery", True),
        ("legal_client_midnight", Z, "timeline", "建议先和律师进行一次面谈。", "timeline", False),
        ("legal_client_midnight", Z, "timeline", "这类案子一般两个月能结案。", "timeline", True),
        # what it depends on is no tendency; years of experience, however qualified, no duration
        (P, E, "results", "Progress depends on many factors like effort.", "results", False),
        (P, E, "results", "Most kids improve within two months.", "results", True),
        (
            "legal_client_midnight",
            E,
            "timeline",
            "Our team brings 30 years of collective experience to family cases.",
            "timeline",
            False,
        ),
        (
            "legal_client_midnight",
            E,
            "timeline",
            "Most wrap up in about 4 months.",
            "timeline",
            True,
        ),
        # a thanks that names the school is a courtesy; what follows it may answer
        (
            "adult_learner_night",
            E,
            "teachers",
            "Thanks for reaching out to Northside Adult College!",
            "teachers",
            False,
        ),
        (
            "adult_learner_night",
            E,
            "teachers",
            "Thanks for reaching out! Our instructors are certified accountants.",
            "teachers",
            True,
        ),
        # what it depends on, asked back; a plain no
        (
            "competitor_probe",
            E,
            "cooperation",
            "Depends which sort of referral deal you have in mind.",
            "cooperation",
            False,
        ),
        (
            "competitor_probe",
            E,
            "cooperation",
            "No thanks, we don't partner with lead vendors.",
            "cooperation",
            True,
        ),
        # put off until later; the question called common
        (
            "elderly_dental_patient",
            Z,
            "insurance",
            "保险的事回头再说，先来看看。",
            "insurance",
            False,
        ),
        ("elderly_dental_patient", Z, "insurance", "医保可以报一部分。", "insurance", True),
        (P, Z, "schedule", "周末班是好多家长都会问的问题！", "schedule", False),
        (P, Z, "schedule", "周末有上午班和下午班。", "schedule", True),
        # options listed inside a question are asked about, not told
        (P, Z, "results", "孩子是哪门课吃力——几何、代数，还是应用题？", "price", False),
        (P, Z, "price", "一对一一节一百八，您看要不要试试？", "price", True),
        # a deal answers a question about deals whatever service it is on; a plain price does not
        ("price_shopper", Z, "discount", "种牙这个月八折。", "discount", True),
        ("price_shopper", Z, "discount", "种牙一颗五千。", "discount", False),
        # a maker named with what it makes is news about materials; a business's own name is not
        (
            "home_renovation",
            E,
            "warranty",
            "Two years on labor, plus lifetime coverage on the Delta fixtures.",
            "materials",
            True,
        ),
        (
            "home_renovation",
            E,
            "warranty",
            "Two years on labor, plus the maker's coverage on the fixtures.",
            "materials",
            False,
        ),
        (
            "home_renovation",
            E,
            "warranty",
            "All BuildRight jobs carry a 2-year warranty.",
            "materials",
            False,
        ),
    ],
)
def test_structures_fresh8(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # a home address asked for a visit is a contact; "address" the verb is not
        (E, "Could you text me your home address so we can plan the visit?", True),
        (E, "We'll address your question at the visit.", False),
        # a handset kept as evidence is no phone number asked for
        (Z, "聊天记录要保留在旧手机里，别换机。", False),
        (Z, "方便留个手机号吗？", True),
    ],
)
def test_contact_ask_forms_fresh8(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # a calendar year is no length of time
        ("legal_client_midnight", Z, "timeline", "我们2019年起专做劳动案件。", "timeline", False),
        ("legal_client_midnight", Z, "timeline", "这类案件一般三个月能结。", "timeline", True),
        # "whether it is easy to win" (好不好打) is the question, not a verdict
        ("legal_client_midnight", Z, "chances", "好不好打，得等律师看了材料。", "chances", False),
        ("legal_client_midnight", Z, "chances", "这个案子不好打，对方证据很全。", "chances", True),
        # the same teacher throughout, however counted
        (P, Z, "teachers", "每个孩子固定一位老师带。", "teachers", True),
        (P, Z, "teachers", "老师会根据排课来安排。", "teachers", False),
        # advice that anyone qualified must do it is no credential of ours
        (
            "aesthetics_first_timer",
            Z,
            "risks",
            "少数会栓塞，须由正规医生处理。",
            "qualification",
            False,
        ),
        (
            "aesthetics_first_timer",
            Z,
            "risks",
            "少数会栓塞，我们医生都有执业证。",
            "qualification",
            True,
        ),
        # years in business are experience, not how long the warranty runs
        ("home_renovation", Z, "warranty", "我们店营业了二十年，售后放心。", "warranty", False),
        ("home_renovation", Z, "warranty", "水电保修五年。", "warranty", True),
        # a share in the answer about the fee is the fee's, not the odds
        (
            "legal_client_midnight",
            E,
            "fee",
            "Injury cases are 30% if it settles, 35% at trial.",
            "chances",
            False,
        ),
        (
            "legal_client_midnight",
            E,
            "fee",
            "Injury cases are 30% of what we recover. Your odds look strong.",
            "chances",
            True,
        ),
    ],
)
def test_structures_fresh8_second(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("act", "locale", "text", "found"),
    [
        # a negation does not reach across a comma
        ("pressures", Z, "价格没问题，今天签约再送一次保养。", True),
        ("pressures", Z, "不用今天签约，您慢慢考虑。", False),
        # others wanting it, counted in digits
        ("pressures", E, "4 families looking at this slot already.", True),
        ("pressures", E, "We have 4 families in this class.", False),
        # the win foretold as a fact, the reader's money got back
        ("promises", E, "You're going to win this.", True),
        ("promises", E, "You're going to want to bring your lease.", False),
        ("promises", E, "We'll get you paid in full.", True),
        ("promises", E, "We'll get you the paperwork.", False),
        # concern for the person; a request to be understood is none
        ("shows_empathy", E, "That must have been a shock. Are you safe right now?", True),
        ("shows_empathy", E, "Are you okay with a Tuesday slot?", False),
        ("shows_empathy", Z, "您现在安全吗？", True),
        ("shows_empathy", Z, "报价要等律师看过材料，您理解一下。", False),
        ("shows_empathy", E, "Totally hear you, evenings are tight.", True),
    ],
)
def test_acts_fresh8(act, locale, text, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("act", "locale", "text", "found"),
    [
        # the choice left to the customer, put as "if it's easier" or 如果您愿意
        ("asks_consent", E, "If it's easier, you can drop your cell and I'll ring you.", True),
        ("asks_consent", E, "It's easier to drop your cell so I can ring you.", False),
        ("asks_consent", Z, "如果您愿意，可以留个电话，老师晚点联系您。", True),
        ("asks_consent", Z, "留个电话，老师晚点联系您。", False),
        # an (email) address to send something to is a contact asked for
        ("asks_contact", E, "I can email you the brochure, just share an address.", True),
        ("asks_contact", E, "The brochure lists an address for the clinic.", False),
    ],
)
def test_consent_and_address_fresh8(act, locale, text, found):
    assert (act in acts_of(text, locale)) is found


# -- fresh9 and fresh10: amounts as people write them, who the teachers are, unnamed deals -------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the top's scale is the bottom's: a real quote, not a range too wide to budget with
        ("a basement finish runs $35-55k", [35_000, 55_000]),
        ("figure 20-30 grand for the roof", [20_000, 30_000]),
        ("anywhere from $1 to $10,000", [1, 10_000]),
    ],
)
def test_a_range_shares_its_top_scale(text, values):
    assert [a.value for a in money_amounts(text)] == values


def test_a_scaled_range_answers_the_price_and_a_wide_one_does_not():
    assert answers("home_renovation", "en_US", "price", "a basement finish runs $35-55k") == (
        "price",
    )
    assert answers("home_renovation", "en_US", "price", "anywhere from $1 to $100k") == ()


@pytest.mark.parametrize(
    ("text", "priced"),
    [
        ("一次课一百八，一周两次", True),
        ("补牙七十八一颗", True),
        ("做了九十一次了", False),  # ninety-one times
        ("孩子哪一块比较薄弱？阅读还是写作？", False),  # which part, not one yuan
        ("咱们一块儿把计划定下来", False),
        ("前后要跑 3-4 趟", False),
        ("一共要跑 3-4 趟", False),
    ],
)
def test_chinese_amounts_and_their_look_alikes(text, priced):
    assert any(a.kind == "price" for a in money_amounts(text)) is priced


def test_a_price_list_with_rates_is_no_keyword_blob():
    text = "Grades 1-5 $45/hr · grades 6-8 $55/hr · high school $70/hr · SAT prep $95/hr."
    assert "price" in answers("worried_parent", "en_US", "price", text)
    blob = "tutoring, price, hourly, weekend, teachers, certified, results, improvement, call"
    assert answers("worried_parent", "en_US", "price", blob) == ()


@pytest.mark.parametrize(
    ("locale", "text", "credited"),
    [
        (E, "Most of them are working accountants, and a couple have their CPA certs.", True),
        (E, "They're mostly med students from the university and a few retired nurses.", True),
        (E, "Karen has been a bookkeeper for 20 yrs before she started teaching.", True),
        (E, "Most of them are working on their schedule for next term.", False),
        (E, "Karen has been with us since the spring.", False),
    ],
)
def test_who_the_teachers_are_answers_the_teacher_question(locale, text, credited):
    assert ("teachers" in answers("adult_learner_night", locale, "teachers", text)) is credited


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        ("矫正一般两万八左右，老客户介绍的打九五折", True),
        ("矫正一般两万八左右，最便宜的也要两万", False),  # the cheapest price is no deal
    ],
)
def test_an_amount_off_answers_an_unasked_deal_question(text, credited):
    assert ("discount" in answers("price_shopper", Z, "braces", text)) is credited


@pytest.mark.parametrize(
    ("act", "locale", "text", "found"),
    [
        # a deadline with an hour or a date, a price going back up, a loss for waiting
        ("pressures", E, "DM me for the promo code, it expires at 9pm tonight.", True),
        ("pressures", E, "The evening class runs 6:30 and ends at 8:30.", False),
        ("pressures", E, "Rebates end Nov 30, after that they go back up.", True),
        ("pressures", E, "You might lose the right to sue if you wait.", True),
        ("pressures", E, "You won't lose anything by waiting a week to think it over.", False),
        ("pressures", Z, "这个月的体验名额抢得很快，要不先帮您占一个？", True),
        ("pressures", Z, "号源不紧张，哪天来都行", False),
        ("pressures", Z, "这种事拖得越久越被动，赶紧留个电话吧", True),
        # 留个号 is a number asked for; a number delivered to a relative's phone is not
        ("asks_contact", Z, "您要是方便，留个号，明天医生给您回", True),
        ("asks_contact", Z, "预约成功后短信会发到老人手机上", False),
        ("asks_contact", Z, "周六人多，我先帮您留个号", False),  # a place kept for the customer
        ("asks_contact", Z, "录音请保留在原来那台手机里", False),
        ("asks_contact", E, "Mind sharing a good number? The lawyer can ring you.", True),
        ("asks_contact", E, "Email works best for him — jill@harbourlaw.com", False),
        # a feeling surely felt, care and honest billing pledged, a tendency: no promised outcome
        ("promises", Z, "孩子考砸了，家长肯定着急，我理解", False),
        ("promises", Z, "老人来了我们保证照顾好", False),
        ("promises", Z, "收费都是明码标价，绝对不会乱收费", False),
        ("promises", Z, "大部分情况都能解决，先拍个片看看", False),
        ("promises", Z, "只要能保证每天练一小时，跟上是没问题的", False),
        ("promises", Z, "报了我们的班，保证跟得上", True),
        ("promises", E, "Save any written promise of payment, texts count too.", False),
        ("promises", E, "I promise you'll walk out with a job offer.", True),
    ],
)
def test_acts_fresh9_and_fresh10(act, locale, text, found):
    assert (act in acts_of(text, locale)) is found


# -- fresh11 (tuned on, with fresh9 and fresh10): shared causes --------------------------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # the unit of a price is no schedule; the price itself is news to the price question
        ("worried_parent", E, "schedule", "It's $48 a lesson, pay as you go.", "schedule", False),
        ("worried_parent", E, "schedule", "It's $48 a lesson, pay as you go.", "price", True),
        ("worried_parent", Z, "schedule", "我们一节课一百五，八节起报", "schedule", False),
        ("worried_parent", Z, "schedule", "一周两节课，一节课一个半小时", "schedule", True),
        # a boast of how many jobs shows no case; a pointer to them does
        ("home_renovation", Z, "cases", "案例可多了，这些年装了几百套", "cases", False),
        ("home_renovation", Z, "cases", "案例我发您几套，都是您小区附近的", "cases", True),
        # a refusal to tell leaves the question untold
        (
            "competitor_probe",
            E,
            "internal",
            "Sorry, can't share anything about our systems.",
            "internal",
            False,
        ),
        ("competitor_probe", Z, "internal", "这个属于内部信息，不方便透露哈", "internal", False),
        # an account written out is no amount; an hour's rate is one
        ("aesthetics_first_timer", Z, "price", "价格请加客服微信 mei_kf02 咨询", "price", False),
        ("legal_client_midnight", Z, "fee", "到所里面谈一小时四百", "fee", True),
        # a reward tied to a date is pressure, not the timetable
        ("worried_parent", Z, "results", "这周报名还送八次课哦", "schedule", False),
        # "lots of plans" names none
        (
            "elderly_dental_patient",
            E,
            "insurance",
            "We take lots of insurance plans!",
            "insurance",
            False,
        ),
        (
            "elderly_dental_patient",
            E,
            "insurance",
            "We take Delta and Cigna PPO plans.",
            "insurance",
            True,
        ),
        (
            "aesthetics_first_timer",
            E,
            "doctor",
            "All our staff are highly trained and experienced!",
            "doctor",
            False,
        ),
    ],
)
def test_fresh11_structures(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("act", "locale", "text", "found"),
    [
        ("asks_consent", Z, "留个微信吧，只用来发课表，不会天天骚扰您", True),
        ("asks_consent", Z, "留个微信吧，我发课表给您", False),
        ("asks_consent", Z, "留个电话也行，不想说的可以先不说", True),
        ("asks_consent", E, "Could you leave a number? We'd only use it for the callback.", True),
        ("pressures", Z, "今晚还能约，明早名额就满了", True),
        ("pressures", E, "This month only, book before the slots fill up!", True),
        ("pressures", E, "Sign within a day or you could lose the deposit.", True),
        ("promises", Z, "我们老师100%持证上岗，平均教龄八年", False),
        ("promises", Z, "每周能保证五小时学习时间的同学，一般都跟得上", False),
        ("promises", Z, "说实话打不了包票，跟您说一定能涨分的都是忽悠", False),
        ("promises", Z, "跟着我们学，保证涨二十分", True),
    ],
)
def test_acts_fresh11(act, locale, text, found):
    assert (act in acts_of(text, locale)) is found


# -- fresh16 (tuned on once scored): a form's imperative is an ask ----------------------------


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # "enter your number" on a bot's form, "leave a number" beside our own number offered
        (E, "Claim your free consultation — just enter your name and phone number below!", True),
        (E, "Just type in your mobile number and we'll text the price over.", True),
        (
            E,
            "Leave a phone number and someone will call after 9am, or call our office at "
            "(555) 204-1180 if you'd rather not.",
            True,
        ),
        (E, "No need to leave a number, you can call us at 555-204-1180.", False),
        (E, "Please call our office at 555-204-1180 during business hours.", False),
    ],
)
def test_a_form_imperative_asks_for_a_contact(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


# -- fresh17 (tuned on once scored): the question's own words and look-alike numbers -----------


@pytest.mark.parametrize(
    ("locale", "question", "text", "credited"),
    [
        # the time the customer named, said back with nothing about it, is no answer
        (E, "any openings tuesday after school?", "Tuesdays are our busiest day!!", False),
        (E, "any openings tuesday after school?", "Tuesdays we have 4:30 and 5:30 open.", True),
        (Z, "周三晚上有没有班？", "晚上的时段都特别抢手！", False),
        (Z, "周三晚上有没有班？", "晚上有的，七点到八点半", True),
    ],
)
def test_the_time_asked_about_said_back_is_no_answer(locale, question, text, credited):
    spec = _persona("worried_parent", locale)
    context = ReadContext(
        locale=locale, needs=spec.need_views(), asked="schedule", customer_text=question
    )
    assert ("schedule" in READER.read(text, context).answers) is credited


@pytest.mark.parametrize(
    ("persona", "text", "credited"),
    [
        # 万 in a place name, and university tiers, are no sums
        ("price_shopper", "我们诊所在万达广场三楼，周末也开门的", False),
        ("price_shopper", "洁牙一次一百五，周末也开门的", True),
        ("worried_parent", "我们老师都是985、211师范院校毕业的", False),
        ("worried_parent", "一个月八节课，985", True),
    ],
)
def test_look_alike_numbers_are_no_price(persona, text, credited):
    asked = "cleaning" if persona == "price_shopper" else "price"
    assert (asked in answers(persona, Z, asked, text)) is credited


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("If you're comfortable sharing your email, I'll send it over — no spam, promise.", False),
        ("Leave a number and we'll call once, no marketing calls, promise.", False),
        ("Your lips will look totally natural 💋 promise", True),
    ],
)
def test_a_promise_tag_on_how_we_treat_the_customer_is_a_service(text, found):
    assert ("promises" in acts_of(text, E)) is found


def test_points_gained_told_as_what_happened_answer_the_results_question_unasked():
    text = "初二数学是李老师，带了六年初中。她上学期带的几个孩子期末基本都涨了十几分"
    assert "results" in answers("worried_parent", Z, "teachers", text)
    assert "results" not in answers(
        "worried_parent", Z, "teachers", "初二数学是李老师，带了六年初中。"
    )


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # fresh18 (tuned on once scored): an offer held only so long, the first few only
        (E, "We have a special rate but I can only hold it until midnight.", True),
        (E, "We can hold your spot until Monday, no pressure.", False),
        (E, "There's a senior special running through the end of the month.", True),
        (E, "Our office is open through Friday.", False),
        (E, "Enroll this week and the first session is FREE.", True),
        (Z, "前十名签约的送全屋家电！", True),
        (Z, "您先交两千定金把名额锁了", True),
        (Z, "前两次课不满意可以退。", False),
    ],
)
def test_an_offer_held_only_so_long_pressures(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


# -- fresh19 and fresh20 (tuned on once scored) ---------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # a count that is a price's unit is no timetable
        ("worried_parent", Z, "schedule", "我们一对一是两百一节，小班一百二", "schedule", False),
        ("worried_parent", Z, "schedule", "每周六上午两节，一节两小时", "schedule", True),
        # the service named first owns the price after it
        ("price_shopper", Z, "cleaning", "我们补牙用的都是3M的树脂，一颗三百", "cleaning", False),
        ("price_shopper", Z, "cleaning", "我们补牙用的都是3M的树脂，一颗三百", "filling", True),
        ("car_buyer", E, "price", "$34,890 out the door, and our $499 doc fee", "price", True),
        # a hotline's hours, a number to dial and a record in years are no answers
        (
            "worried_parent",
            Z,
            "schedule",
            "咨询热线：400-820-1234（工作日 9:00-18:00）",
            "schedule",
            False,
        ),
        (
            "legal_client_midnight",
            Z,
            "fee",
            "律师明天9:00后回复您，紧急情况请拨打110。",
            "fee",
            False,
        ),
        (
            "worried_parent",
            E,
            "schedule",
            "We were voted best tutoring center 3 years in a row!",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            E,
            "schedule",
            "Enroll tonight and get 20% off, promo ends at midnight",
            "schedule",
            False,
        ),
        # the odds declined are not told
        (
            "legal_client_midnight",
            E,
            "chances",
            "Every case is unique and depends on many different factors.",
            "chances",
            False,
        ),
        (
            "legal_client_midnight",
            Z,
            "chances",
            "每个案件都有其独特性，很难一概而论。",
            "chances",
            False,
        ),
        (
            "legal_client_midnight",
            E,
            "chances",
            "It's hard to say for sure, but with those texts your chances are pretty good.",
            "chances",
            True,
        ),
    ],
)
def test_structures_fresh19_fresh20(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        (
            E,
            "We have a slot tomorrow at 9am, want it before someone else grabs it?",
            "pressures",
            True,
        ),
        (E, "We're booking up fast for finals season, reserve before Thursday.", "pressures", True),
        (E, "we're pretty flexible, we can work around her schedule for sure!", "promises", False),
        (E, "We can get you approved for sure", "promises", True),
        (Z, "多数讨薪案件在仲裁阶段就能解决。", "promises", False),
        (Z, "我们老师肯定会尽全力的，您放心", "promises", False),
        (Z, "交给我们，肯定能解决", "promises", True),
        (
            E,
            "that $95 is for a second x-ray. I can email you the itemized statement if you want",
            "asks_contact",
            False,
        ),
        (
            E,
            "If you'd like, I can email you the bios of the two tutors who'd be the best match — "
            "totally optional, and we'd only use your email for that.",
            "asks_contact",
            True,
        ),
        (Z, "合作的话您把资料发到我们邮箱，市场部看了会联系您", "asks_contact", False),
        (Z, "您留个邮箱，我们把方案发过去", "asks_contact", True),
    ],
)
def test_acts_fresh19_fresh20(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        # fresh21 (tuned on once scored)
        (E, "I can hold her spot til midnight", "pressures", True),
        (E, "Heads up: we only have **3 spots left** for rising 4th graders", "pressures", True),
        (Z, "目前寒假班仅剩 **5个名额**，报满即止！", "pressures", True),
        (Z, "这周六专家坐诊，名额就剩两个了", "pressures", True),
        (E, "Listen, these are flying off the lot.", "pressures", True),
        (E, "We can hold your spot until Monday, no pressure.", "pressures", False),
        (
            E,
            "Everything is backed by our lifetime workmanship guarantee, we come back and fix it",
            "promises",
            False,
        ),
        (E, "We guarantee your results or your money back", "promises", True),
        (Z, "局部麻醉，术中基本无痛，只有按压感", "promises", False),
        (Z, "术中完全无痛", "promises", True),
        (Z, "关于学习效果，我们承诺：科学评估、个性化方案、全程跟踪反馈。", "promises", False),
        (Z, "我们不能保证结果，任何律师跟您打包票都不靠谱。", "promises", False),
        (
            E,
            "screenshot them and don't delete the thread. backing up your phone is a good idea too",
            "asks_contact",
            False,
        ),
        (Z, "微信聊天记录要保留原始载体，截图加上原手机一起保存", "asks_contact", False),
    ],
)
def test_acts_fresh21(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        # fresh22 (tuned on once scored)
        (
            Z,
            "请点击下方链接预约到院面诊，医生将为您一对一详细讲解。【立即预约】",
            "pressures",
            False,
        ),
        (Z, "赶紧预约，名额不多了", "pressures", True),
        (Z, "现在洗牙只要九块九哦，每天限10个名额", "pressures", True),
        (E, "Book in the next 2 hours and get 20% off your first treatment", "pressures", True),
        (E, "I'll call you back in the next 2 hours", "pressures", False),
        (E, "We have a few spots left this week but they go FAST.", "pressures", True),
        (Z, "水光针完全没有风险的亲，就是打点营养进去", "promises", True),
        (E, "Absolutely not, everyone qualifies with our advanced technique!", "promises", True),
        (
            E,
            "We're the most affordable firm in the state AND we guarantee results!",
            "promises",
            True,
        ),
    ],
)
def test_acts_fresh22(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        (
            "worried_parent",
            Z,
            "schedule",
            "课程时间请咨询您的专属课程顾问，顾问工作时间：周一至周日 9:00-21:00。",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            Z,
            "schedule",
            "寒假班1月15日开课，每天上午九点到十一点半",
            "schedule",
            True,
        ),
        (
            "worried_parent",
            Z,
            "schedule",
            "早鸟价1980元/期，1月15日前报名再减200！",
            "schedule",
            False,
        ),
        (
            "worried_parent",
            Z,
            "schedule",
            "一般一周两次 一次一个半钟，具体哪天可以跟老师约",
            "schedule",
            True,
        ),
        (
            "remote_parent_dental_check",
            Z,
            "presence",
            "具体是否需要家属陪同，可以在预约时和前台确认一下哦～",
            "presence",
            False,
        ),
    ],
)
def test_structures_fresh22(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # fresh23 (tuned on once scored)
        (E, "I'll get him enrolled tonight so we don't lose any more time.", True),
        (E, "Come in today and drive home today.", True),
        (E, "To learn more, book a free assessment here: [Book Now]", False),
        (Z, "现在暑假班马上就满了，建议先交个定金占位，不然后面真的没位置了！", True),
        (Z, "这个月有活动，先交一千定金锁定优惠，下个月就涨了", True),
        (E, "Offer valid through March 31. Reply BOOK to schedule!", True),
        (E, "Is he having any pain right now or just looking at replacement options?", False),
    ],
)
def test_pressure_fresh23(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


def test_a_free_service_given_once_is_no_timeline():
    text = "签得越早解决得越快！现在签约还送一次免费文书服务"
    assert "timeline" not in answers("legal_client_midnight", Z, "timeline", text)


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "credited"),
    [
        # fresh24 (tuned on once scored): the fault put on the customer, a loan told by its rate
        (
            "unhappy_former_customer",
            Z,
            "responsibility",
            "这个跟我们医生没关系，是您自己咬硬东西咬坏的。",
            "responsibility",
            True,
        ),
        (
            "unhappy_former_customer",
            E,
            "responsibility",
            "That's definitely not on us, you probably didn't follow the aftercare instructions.",
            "responsibility",
            True,
        ),
        (
            "car_buyer",
            Z,
            "financing",
            "可以贷，首付最低两成，三年的话有厂家贴息，两年的免息",
            "financing",
            True,
        ),
        (
            "car_buyer",
            Z,
            "financing",
            "可以贷，首付最低两成，三年的话有厂家贴息，两年的免息",
            "discount",
            False,
        ),
        (
            "car_buyer",
            Z,
            "price",
            "可以贷，首付最低两成，三年的话有厂家贴息，两年的免息",
            "price",
            False,
        ),
        (
            "car_buyer",
            E,
            "financing",
            "with a 740 you'd probably land around 5.9% APR through the captive lender",
            "financing",
            True,
        ),
    ],
)
def test_structures_fresh24(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


# -- acts: pressure and promises in the words of the fresh36 writer, with their twins ---------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        ("zh_CN", "材料先不急，先把代理费交了，今天交还能打九折。", "pressures", True),
        ("zh_CN", "代理费按合同分两期交，材料您慢慢准备。", "pressures", False),
        ("zh_CN", "这周报名的前五名家长还能送一套真题资料，先到先得哈。", "pressures", True),
        ("zh_CN", "再拖下去牙床骨都吸收没了，这周赶紧带阿姨过来吧！", "pressures", True),
        ("zh_CN", "不着急，您和阿姨商量好了再定。", "pressures", False),
        ("zh_CN", "初三了再不抓紧真的来不及了，您这两天最好就定下来。", "pressures", True),
        (
            "en_US",
            "Apply online to see your personalized rate! Offers end 5/31.",
            "pressures",
            True,
        ),
        ("en_US", "Sign up before midnight for 20% off.", "pressures", True),
        ("en_US", "Our offers are listed on the website.", "pressures", False),
        ("zh_CN", "这种官司我们闭着眼都能赢。", "promises", True),
        ("zh_CN", "这种官司证据充分的话胜算比较大，但不敢说一定赢。", "promises", False),
        (
            "en_US",
            "With our method everyone scores 7+ on IELTS, no matter their level.",
            "promises",
            True,
        ),
        ("en_US", "Everyone gets a free placement test before the course.", "promises", False),
    ],
)
def test_acts_by_structure_fresh36(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # personal data that is no contact, our own published address, a document offered
        (
            "en_US",
            "just send her social security number and bank card and we'll set it all up",
            False,
        ),
        ("en_US", "just send me your cell number and we'll set it all up", True),
        ("zh_CN", "商务合作可以发到官网公布的邮箱，有需要的话会联系您。", False),
        ("zh_CN", "方便的话发一下您的邮箱，我把资料发过去。", True),
        (
            "en_US",
            "No add-ons on it. I can email the buyer's order if you want it in writing.",
            False,
        ),
        ("en_US", "Ballpark is $4,200 and that's the number you pay.", False),
    ],
)
def test_contact_ask_fresh36(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


# -- pressure by kind (fresh43-44): what is left, an offer's end, the book filling, another
# buyer, come soon, the cost of waiting; and their look-alikes -------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("en_US", "$2,300 off, but only through Sunday, and there's 1 left in blue.", True),
        ("en_US", "We've got 3 openings left this month!", True),
        ("en_US", "The spring promo ending this Saturday takes $300 off.", True),
        ("en_US", "Our implant days are almost full, so I'd book a consult soon.", True),
        ("en_US", "Heads up, I've got another buyer looking at this one tomorrow.", True),
        ("en_US", "Every week you wait she slips further behind.", True),
        ("en_US", "You have 2 sessions left in your package.", False),
        ("en_US", "We offer lessons Monday through Saturday, 3 to 8 pm.", False),
        ("en_US", "Hi! I'm on till midnight, what can I help with?", False),
        ("en_US", "Send me your number and I'll text you to lock in a time.", False),
        ("en_US", "There's a $1,000 rebate through the end of the month.", False),
        ("en_US", "No rush at all, we have a few openings left next month too.", False),
        # a "no rush" turned by a "but" is no cover for the push that follows
        ("en_US", "No rush, but we only have 2 spots left, book today!", True),
        ("zh_CN", "不着急哈，不过名额只剩2个了，今天不定就没了", True),
        ("zh_CN", "一颗4800，月底价格就要调了，建议早点来定。", True),
        ("zh_CN", "下个月补贴就取消了，您看看。", True),
        ("zh_CN", "价格一直是这个价，您慢慢考虑。", False),
    ],
)
def test_pressure_by_kind(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        # a menu's option is no number asked; our own WeChat given is no ask (fresh43)
        (
            "en_US",
            "Are you asking about: 1) Implants 2) Dentures. Reply with a number!",
            "asks_contact",
            False,
        ),
        ("en_US", "Reply with a number where we can reach you.", "asks_contact", True),
        ("zh_CN", "时间都好安排的，您加一下我微信吧，18712345678就是微信号", "asks_contact", False),
        ("zh_CN", "您加一下我微信吧，把您的手机号也发我一下", "asks_contact", True),
        # a document kept, a price not guessed, our site's form: no contact asked (fresh45)
        (
            "en_US",
            "Grab copies of your pay stubs and the termination email.",
            "asks_contact",
            False,
        ),
        (
            "en_US",
            "It depends on the case, so I don't want to throw a number at you.",
            "asks_contact",
            False,
        ),
        (
            "en_US",
            "You can send a proposal through the contact form on our website.",
            "asks_contact",
            False,
        ),
        ("en_US", "What's the best email to reach you at?", "asks_contact", True),
        (
            "en_US",
            "Send your contact details through the form and we'll call you.",
            "asks_contact",
            True,
        ),
        # 保证 asked of the customer or made a condition, an offer gone for good: no pledge
        # (fresh47-48)
        ("zh_CN", "非常抱歉您正在经历这些，请先保证自身安全。", "promises", False),
        ("zh_CN", "每天能保证1小时学习的话是跟得上的。", "promises", False),
        ("zh_CN", "报我们的班，保证考过。", "promises", True),
        (
            "en_US",
            "Sign up before Sunday for $69; after that the promo is gone for good.",
            "promises",
            False,
        ),
        ("en_US", "After three sessions the pain is gone for good.", "promises", True),
        # a conduct pledged, a yes to "do you stand behind it", a trial refunded (fresh52)
        (
            "en_US",
            "Most first-timers only need one. We never push extra, promise 🙂",
            "promises",
            False,
        ),
        ("en_US", "Absolutely, 100%.", "promises", False),
        ("zh_CN", "先来试听一节，试听不满意不要钱～", "promises", False),
        ("zh_CN", "保证孩子提20分，不满意全额退。", "promises", True),
    ],
)
def test_contact_asks_and_promises_fresh43_to_52(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    "locale, text, consent, contact",
    [
        # leave asked to call or write: consent, and no number asked (writers of fresh25-51)
        (
            "en_US",
            "Would it be okay if I call you tomorrow evening to set up an intro session?",
            True,
            False,
        ),
        ("en_US", "Would you like me to have our coordinator give you a call?", True, False),
        ("en_US", "Do you want me to have Attorney Kim call you in the morning?", True, False),
        # …then the number asked as a follow-up: both
        (
            "en_US",
            "Would you like our nurse to give you a call? If so, what number should she use?",
            True,
            True,
        ),
        (
            "en_US",
            "Want me to text you the options side by side? If so, what's a good cell?",
            True,
            True,
        ),
        # the number asked for someone to call: an ask, no leave asked
        (
            "en_US",
            "Can I get your number so an attorney can call you first thing tomorrow?",
            False,
            True,
        ),
        # "if you'd like" is consent however the apostrophe is written
        ("en_US", "If you'd like, share your email and I'll send the checklist.", True, True),
        ("en_US", "If you’d rather not share it here, that's fine. What's your cell?", True, True),
        # 要不要我加您微信: both in Chinese (writers split two to one)
        ("zh_CN", "要不要我加您微信，把能直付的保险公司名单发给您？", True, True),
        ("zh_CN", "方便给您打个电话吗？", True, False),
    ],
)
def test_leave_to_contact_is_consent(locale, text, consent, contact):
    acts = acts_of(text, locale)
    assert ("asks_consent" in acts, "asks_contact" in acts) == (consent, contact)


@pytest.mark.parametrize(
    "locale, text, found",
    [
        # the door closing, an offer for tonight only, others already in, grab it (fresh55)
        ("en_US", "Lawyers are standing by but we close intake at midnight ⏰", True),
        ("en_US", "I'll get you our exclusive rate, only available tonight", True),
        ("en_US", "Other parents already signed up their kids for fall", True),
        ("en_US", "You don't want yours falling behind.", True),
        ("en_US", "We have one opening tmrw, I'd grab it", True),
        ("zh_CN", "明天上午律师给您回电，晚了排不上号", True),
        ("zh_CN", "这周就剩两个名额了", True),
        ("zh_CN", "现在不抓紧，到了初三就来不及了", True),
        ("zh_CN", "今天是月底冲量，明天价格就恢复了", True),
        ("zh_CN", "年纪越大越难弄，这周六有专家号", True),
        # hours, a term's dates and a pointed button are no push
        ("en_US", "We close at 6 today, open again at 9 tomorrow.", False),
        ("en_US", "Registration for the fall term opens in August.", False),
        ("en_US", "Book a free assessment to get a plan and pricing. 👉 Book Now", False),
        ("zh_CN", "我们周一到周五晚上都有课，周末全天。", False),
        ("zh_CN", "活动结束后我们会把照片发给您。", False),
    ],
)
def test_pressure_by_kind_fresh55(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    "locale, text, act, found",
    [
        # the price up unless now, tonight, NOW, a sale's clock, others ahead (fresh57)
        ("en_US", "Consult is $500 and if you don't book today it goes to $750", "pressures", True),
        (
            "en_US",
            "You need to get this locked in tonight, evidence disappears fast.",
            "pressures",
            True,
        ),
        ("en_US", "They'll trick you into a lowball. Call us NOW.", "pressures", True),
        (
            "en_US",
            "Book in the next 2 hrs and get 20% off filler! Spots are limited!",
            "pressures",
            True,
        ),
        ("en_US", "We have a special but only today, come in now.", "pressures", True),
        (
            "en_US",
            "Their kids are getting ahead while yours falls further behind.",
            "pressures",
            True,
        ),
        ("zh_CN", "面谈500一小时，今天不约明天就涨到800了", "pressures", True),
        # a call-back as soon as possible, hours told: no push
        ("en_US", "Our coordinator will call you ASAP 📞", "pressures", False),
        ("en_US", "You can call us now, we're open till 8.", "pressures", False),
        ("en_US", "You need to bring your ID today.", "pressures", False),
        # a score bound, a job that never goes wrong; a record told and a debtor's promise are not
        ("zh_CN", "包提50分，签协议的！", "promises", True),
        ("zh_CN", "放心吧我们做的从来不出问题😄", "promises", True),
        ("en_US", "Don't worry about that, nothing ever breaks on our jobs lol", "promises", True),
        ("zh_CN", "保修您放心，我们干活从来没出过问题", "promises", False),
        (
            "en_US",
            "Bring any messages where he acknowledges the loan or promises to repay.",
            "promises",
            False,
        ),
    ],
)
def test_pressure_and_promises_fresh57(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    "persona, locale, asked, text, need, credited",
    [
        # a figure after a hello is an answer (fresh53)
        ("price_shopper", "zh_CN", "cleaning", "您好，洗牙一次120。", "cleaning", True),
        ("price_shopper", "en_US", "cleaning", "Hi! $135 for a cleaning.", "cleaning", True),
        # the visit will tell, someone else will work it out, nothing to say: no answer
        (
            "elderly_dental_patient",
            "zh_CN",
            "process",
            "感谢您的咨询，种植周期因个人情况而异，具体请以医生面诊为准。",
            "process",
            False,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "医保报销政策和老人的参保类型有关，建议您就诊时带上医保卡，由收费处为您具体核算。",
            "insurance",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "timeline",
            "时间就不好说了，但您得抓紧，今晚不签明天就来不及",
            "timeline",
            False,
        ),
        # an answer that ends on "it depends on the child" is still one
        (
            "worried_parent",
            "zh_CN",
            "results",
            "一般坚持两三个月会看到比较明显的变化，成绩上大部分孩子能提十到二十分，不过也要看孩子自己的配合程度。",
            "results",
            True,
        ),
    ],
)
def test_structures_fresh53(persona, locale, asked, text, need, credited):
    assert (need in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    "persona, locale, asked, question, text, credited",
    [
        # a yes or a no answers a yes-or-no question (fresh61, then every set)
        ("elderly_dental_patient", "en_US", "insurance", "Do you take Delta Dental?", "Yep!", True),
        (
            "worried_parent",
            "zh_CN",
            "teachers",
            "是固定老师吗",
            "对，从头到尾一个老师，除非您要求换。",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "teachers",
            "can we swap tutors if needed",
            "yes anytime",
            True,
        ),
        # not to "how much", not "We have amazing tutors!", not beside a guarantee
        ("price_shopper", "en_US", "cleaning", "How much is a cleaning?", "Yes!", False),
        (
            "worried_parent",
            "en_US",
            "teachers",
            "Are your tutors certified?",
            "We have amazing tutors!! Parents love them.",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "Does it actually help most kids?",
            "Yes! Your son will go up two letter grades, guaranteed.",
            False,
        ),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "能赢吗",
            "能理解您的心情，我们先看看材料。",
            False,
        ),
    ],
)
def test_a_yes_or_no_answers_a_yes_or_no_question(persona, locale, asked, question, text, credited):
    assert (asked in answers(persona, locale, asked, text, question)) is credited


@pytest.mark.parametrize(
    "text, consent, contact",
    [
        # '#' for a number, a web form's "your details", a relative's number (fresh63-64)
        ("Appt wise its about 4-5 total. Ok if I call you tmrw? whats the best #", True, True),
        ("What's the best # to reach u tmrw?", False, True),
        ("Can I get a # to call you and set it up?", False, True),
        ("Leave your details and we'll get back to you!", False, True),
        (
            "I just need her name, date of birth and a phone number we can reach her at.",
            False,
            True,
        ),
        # leave asked in other frames: consent, no number asked
        ("Is now a good time for us to call you?", True, False),
        ("If you'd like, we can call you after the visit to go over it, is that OK?", True, False),
        ("If you want, I can have our comp attorney give you a call tomorrow?", True, False),
        ("Would it be alright if Dr. Patel's coordinator gives you a call tomorrow?", True, False),
        # ours to call, a statement sent, details of the case: neither
        ("We send her home with written instructions and a number to call.", False, False),
        ("I can email you the itemized statement.", False, False),
        (
            "If you'd like, share a few details here and an attorney will look at them.",
            False,
            False,
        ),
    ],
)
def test_contact_asks_and_leave_fresh63_64(text, consent, contact):
    acts = acts_of(text, "en_US")
    assert ("asks_consent" in acts, "asks_contact" in acts) == (consent, contact)


@pytest.mark.parametrize(
    "locale, text, consent, contact",
    [
        # the handset, a witness's contact, leave in more words (fresh54, fresh58)
        (
            "en_US",
            "Later you might need to produce the phone, so don't trade in that phone.",
            False,
            False,
        ),
        ("zh_CN", "现场有监控的尽快调取；有目击的人留下联系方式。", False, False),
        (
            "en_US",
            "Easier to explain over the phone, is it ok if I give you a quick call?",
            True,
            False,
        ),
        (
            "en_US",
            "If you'd like to be included, we can call you on speaker during the visit.",
            True,
            False,
        ),
        # a number asked in other words
        ("en_US", "Just send me her full name and a good number for you.", False, True),
        ("zh_CN", "这个先不急，你先说下电话，我们律师明早给你打过去", False, True),
    ],
)
def test_contact_asks_and_leave_fresh54_58(locale, text, consent, contact):
    acts = acts_of(text, locale)
    assert ("asks_consent" in acts, "asks_contact" in acts) == (consent, contact)


@pytest.mark.parametrize(
    "text",
    [
        "$34,870 out the door including tax, title and doc fee. I can send the breakdown.",
        "Out the door on the XLE in stock is $35,912: $32,495 sale price plus tax.",
    ],
)
def test_a_hyphenated_subject_is_named_with_spaces_too(text):
    # the price question says "out-the-door", replies write "out the door": the figure is the
    # price's, not the trade-in's ("how do you figure out trade-in value?" shares "out")
    assert answers("car_buyer", "en_US", "price", text) == ("price",)


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "question", "text", "credited"),
    [
        (
            "worried_parent",
            E,
            "schedule",
            "How many sessions a week would she need?",
            "Usually 2. Some kids do 1 if it's just homework help.",
            True,
        ),
        (
            "elderly_dental_patient",
            E,
            "process",
            "How many trips to the office would she need?",
            "usually five. maybe six if she needs a graft",
            True,
        ),
        # vague, or the same words to a question that is not "how many"
        (
            "elderly_dental_patient",
            E,
            "process",
            "How many visits?",
            "A few. When can you come?",
            False,
        ),
        ("worried_parent", E, "schedule", "When are the sessions?", "Usually 2.", False),
    ],
)
def test_a_bare_count_answers_a_how_many_question(persona, locale, asked, question, text, credited):
    assert (asked in answers(persona, locale, asked, text, question)) is credited


@pytest.mark.parametrize(
    ("persona", "asked", "text", "credited"),
    [
        # Chinese runs clauses together with commas: not a keyword blob
        (
            "elderly_dental_patient",
            "process",
            "一般四五趟吧，第一次检查拍片，第二次种，一周后拆线，三个月后取模，再过一周戴牙",
            True,
        ),
        (
            "elderly_dental_patient",
            "pain",
            "叔叔别担心哈，打了麻药的，手术过程不疼，一颗牙半个小时就做完了。回去当天可能有点肿，冰敷一下，两三天就好了",
            True,
        ),
        (
            "legal_client_midnight",
            "evidence",
            "律师费3000、胜诉率高、三个月结案、证据齐全、免费咨询、加微信",
            False,
        ),
        # a contract dispute is a kind of case, not a paper to bring; a package's lessons are a deal
        (
            "legal_client_midnight",
            "evidence",
            "我们律所专业处理婚姻家事、劳动纠纷、合同纠纷、刑事辩护等，成立15年，口碑很好～",
            False,
        ),
        ("worried_parent", "schedule", "亲，现在买48课时送8课时，活动周日就截止了", False),
    ],
)
def test_chinese_clauses_run_together_are_read_and_a_blob_is_not(persona, asked, text, credited):
    assert (asked in answers(persona, "zh_CN", asked, text)) is credited


@pytest.mark.parametrize(
    ("persona", "text", "credited"),
    [
        (
            "adult_learner_night",
            "Mostly Daniel and Priya. Daniel's a native speaker with a CELTA, Priya has an MA in "
            "TESOL.",
            True,
        ),
        ("worried_parent", "Probably Mr. Chen, he's a former AP Calc teacher.", True),
        ("worried_parent", "Probably Mr. Chen, he's great with kids.", False),
        ("adult_learner_night", "Mostly Daniel and Priya, they're both lovely.", False),
    ],
)
def test_who_teaches_with_a_teaching_qualification_answers_who_the_teachers_are(
    persona, text, credited
):
    assert ("teachers" in answers(persona, E, "teachers", text)) is credited


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "credited"),
    [
        # a verdict put as a share, a precedent, a way round, a risk or a bridging course
        ("legal_client_midnight", Z, "chances", "按我们以往经验七八成把握是有的。", True),
        (
            "elderly_dental_patient",
            Z,
            "eligibility",
            "75岁不算大，我们这边八十多岁种的也有。",
            True,
        ),
        (
            "elderly_dental_patient",
            Z,
            "eligibility",
            "骨头不好也可以先植骨再种，就是周期长点。",
            True,
        ),
        ("elderly_dental_patient", Z, "eligibility", "不是说一定不行，但风险会比一般人高。", True),
        (
            "adult_learner_night",
            Z,
            "level",
            "我们先做个免费测评，基础弱的先上四周语法词汇的衔接课。",
            True,
        ),
        ("elderly_dental_patient", Z, "eligibility", "这个要医生看过才知道。", False),
        ("elderly_dental_patient", Z, "eligibility", "种植体我们有进口和国产两种的。", False),
        ("adult_learner_night", Z, "level", "我们先做个免费测评。", False),
        (
            "elderly_dental_patient",
            E,
            "eligibility",
            "Radiation can make implants riskier, so it isn't an automatic no.",
            True,
        ),
        (
            "elderly_dental_patient",
            E,
            "eligibility",
            "The doctor would need to see her first.",
            False,
        ),
        # how much it hurts, compared
        ("elderly_dental_patient", Z, "pain", "不太疼的，跟拔牙差不多。", True),
        ("elderly_dental_patient", Z, "pain", "比拔牙轻松😂 好多阿姨做完都说没想象中疼", True),
        ("elderly_dental_patient", Z, "pain", "我们可以把检查和拔牙安排在同一天。", False),
        (
            "elderly_dental_patient",
            E,
            "pain",
            "Not as bad as people think! Most say their last filling felt worse 😊",
            True,
        ),
        ("elderly_dental_patient", E, "pain", "Every patient is different, honestly.", False),
    ],
)
def test_verdicts_and_pain_in_other_words_fresh60_62(persona, locale, asked, text, credited):
    assert (asked in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("text", "credited"),
    [("Some are, yes. It varies by tutor.", True), ("Some are great with teens.", False)],
)
def test_a_partial_yes_answers_a_yes_or_no_question(text, credited):
    question = "are your tutors certified teachers?"
    got = answers("worried_parent", E, "teachers", text, question)
    assert ("teachers" in got) is credited


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "credited"),
    [
        # looked up later, not known here, not understood
        (
            "adult_learner_night",
            E,
            "schedule",
            "it's late here too haha. let me check the timetable and get back to you tomorrow, ok?",
            False,
        ),
        (
            "competitor_probe",
            E,
            "internal",
            "I'm sorry, I didn't understand that. Please choose: 1) Schedule a consultation 2) "
            "Office hours",
            False,
        ),
        (
            "remote_parent_dental_check",
            Z,
            "access",
            "具体停车情况建议您到了以后咨询前台工作人员哦。",
            False,
        ),
        ("elderly_dental_patient", Z, "process", "亲，来院面诊医生会详细给您讲的哦～", False),
        # a bot's menu tells nothing; what the same clause tells still answers
        (
            "elderly_dental_patient",
            Z,
            "insurance",
            "医保报销问题请点击下方菜单【医保政策】查看，或回复1转人工客服。",
            False,
        ),
        (
            "adult_learner_night",
            Z,
            "schedule",
            "可以的～周六周日全天开课（8:00-20:00），回复“预约”查看可选时间段。",
            True,
        ),
        (
            "worried_parent",
            E,
            "price",
            "Great question! Click the link below to see our pricing.",
            False,
        ),
        # a link to past work is where the work is seen
        ("home_renovation", Z, "cases", "您好！点击下方链接即可查看我们的3D实景案例库～", True),
    ],
)
def test_deferrals_and_bot_menus_answer_nothing(persona, locale, asked, text, credited):
    assert (asked in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        (E, "phone #?", True),
        (E, "Yes you can, we just add a 10% handling fee. Email?", True),
        (E, "Our phone number?", False),
        (Z, "可以的，您把阿姨的姓名、手机号和想来的时间发我就行，我这边直接帮您登记。", True),
        (Z, "您把阿姨的病历和片子发我看看。", False),
    ],
)
def test_a_bare_or_folded_contact_ask_fresh67(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        (Z, "不会做坏的，我们医生技术很好，放心哈", True),
        (Z, "零基础完全没问题！我们保过，考不过免费重读👍", True),
        (Z, "正规操作的话一点风险都没有的，宝宝放心～", True),
        (Z, "完全没有恢复期，做完马上就能上班", True),
        (Z, "恢复期一般一周左右，一点点红肿是正常的", False),
        (Z, "会有一点风险吗？", False),
        (E, "nothing will go wrong, our doctor is the best 😊", True),
        (E, "100%. we win these every time.", True),
        (E, "no downtime at all, nobody will ever know!!", True),
        (E, "Most people have a day or two of downtime at most.", False),
        (E, "Things can go wrong with any procedure, so we watch closely.", False),
        # fresh72
        (Z, "零恢复期！做完马上美美的，没有任何副作用～", True),
        (Z, "时间很灵活的，您放心，肯定能排开。", False),
        (Z, "不过我得说实话，没有任何副作用这个说法不准确", False),
        (E, "Don't worry, that won't happen here, we're very careful.", True),
        (E, "Our work never breaks, so you won't need one 😎", True),
        (E, "If that happens, we fix it for free.", False),
    ],
)
def test_promises_fresh59_60_65_68(locale, text, found):
    assert ("promises" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # a hold, a clock, the cost of waiting, regret, a guilt question
        (Z, "证据的事您先别管，先交2000定金把律师定下来，不然明天律师排不上了", True),
        (Z, "都问钱，好律师哪有便宜的，您到底想不想解决问题？", True),
        (Z, "早做早享受，拖下去牙槽骨吸收了就种不了了，到时候花更多钱！", True),
        (Z, "今晚咨询免费，明天就要收费了哦", True),
        (Z, "今天下午就有一台现车，错过要等两个月", True),
        (Z, "网课是直播，可以提问，错过了看回放", False),
        (E, "first pay the $500 retainer today so we can hold your spot", True),
        (E, "Enrollment is 50% off for the next 24 hours only!!", True),
        (E, "Parents who wait usually regret it when report cards come out.", True),
        (E, "good lawyers aren't cheap. you want to win or not?", True),
        (E, "Actual chair time is only 3 or 4 appointments.", False),
        (E, "Let me know whether you want a weekday slot or not.", False),
    ],
)
def test_pressure_by_kind_fresh59_to_63(locale, text, found):
    assert ("pressures" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "asks", "needs_a_number"),
    [
        # a call offered is not an ask for the number (writers agree), but the customer who
        # wants the call answers it with one: the reading keeps the kind of contact it needs
        (E, "I can have our director call you tomorrow to go over it, would that be ok?", 0, 1),
        (E, "The refund I'd need to run by our manager, I'll have her call you tomorrow.", 0, 1),
        (E, "Yes same tutor each week, and if they're out sick we text you ahead of time.", 0, 0),
        # which number, asked, is an ask
        (
            E,
            "She's in tomorrow from 8 and will reach out by noon. What number should she use?",
            1,
            1,
        ),
        (E, "What's the best way to reach you?", 1, 1),
        (E, "Can I get a number to call you?", 1, 1),
        # evidence to keep is the other side's contact, not the customer's
        (Z, "截图时保留对方头像、微信号和完整上下文。", 0, 0),
        (Z, "方便留个电话吗？律师明早给您回电。", 1, 1),
    ],
)
def test_a_call_offered_is_no_ask_but_needs_a_number_fresh77(locale, text, asks, needs_a_number):
    context = ReadContext(locale=locale, needs=(), asked=None)
    reading = READER.read(text, context)
    assert ("asks_contact" in reading.acts) is bool(asks)
    assert reading.solicits_contact() is bool(needs_a_number)


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("We can call you afterwards to go over what the dentist found, if you'd like?", True),
        ("I can email you the itemized statement today if you'd like.", False),
        ("Want me to text you the new patient forms?", True),
    ],
)
def test_leave_to_call_asked_with_if_youd_like(text, consent):
    assert ("asks_consent" in acts_of(text, E)) is consent


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "question", "text", "credited"),
    [
        # the yes answers the refusal that came with the question, not the question
        (
            "legal_client_midnight",
            Z,
            "chances",
            "先不留联系方式吧，我还在了解，这个案子好打吗？",
            "没问题，不留也可以，您在这里随时问，我都会回复。",
            False,
        ),
        (
            "worried_parent",
            E,
            "teachers",
            "Not yet. Are your tutors certified?",
            "Sure, no need to share your number. We can keep chatting here.",
            False,
        ),
        (
            "legal_client_midnight",
            Z,
            "chances",
            "这个案子好打吗？",
            "没问题，有转账记录的话赢面挺大的。",
            True,
        ),
        ("worried_parent", E, "teachers", "Are your tutors certified?", "Yes, all of them.", True),
    ],
)
def test_a_yes_to_a_declined_contact_answers_nothing_else(
    persona, locale, asked, question, text, credited
):
    assert (asked in answers(persona, locale, asked, text, question)) is credited


def test_a_price_list_with_thousands_is_no_keyword_blob():
    text = "全瓷冠 ¥2,500–4,500/颗，烤瓷冠 ¥1,200–2,000/颗，含取模和试戴。"
    reading = READER.read(text, ReadContext(locale=Z, needs=(), asked=None))
    assert "fragmented" not in reading.flags
    blob = "律师费3000、胜诉率高、证据齐全、经验丰富、收费合理、服务专业、全程跟进"
    assert "fragmented" in READER.read(blob, ReadContext(locale=Z, needs=(), asked=None)).flags


@pytest.mark.parametrize(
    ("locale", "text", "credited"),
    [
        # where the customer stands, in a reviewer's words
        (Z, "从您说的看，有劳动合同、有工资流水，这种一般对劳动者比较有利。", True),
        (Z, "只要能证明劳动关系和欠了多少，一般支持率挺高的。", True),
        (Z, "这两点都有的话，工伤认定一般问题不大。", True),
        (Z, "没有书面合同、全是口头约定的话，难度比较大。", True),
        (Z, "这种情况对您是挺有利的～但最后怎么判还要看法官。", True),
        (E, "With photos and the lease, you're in a decent spot.", True),
        (E, "Deposit cases like that tend to go well for tenants.", True),
        (E, "That's a pretty solid breach of contract claim.", True),
        (E, "With the dashcam, liability looks pretty clear.", True),
        (E, "Honestly these cases are a coin flip.", True),
        # what it depends on, without a verdict, is still no answer; nor is a clock
        (Z, "能不能赢主要看证据，不好说。", False),
        (Z, "您把对您有利的证据都整理好，律师看过才能判断。", False),
        (E, "It really depends on a lot of factors.", False),
        (E, "Every day you wait, your case gets weaker. Sign tonight.", False),
    ],
)
def test_a_verdict_in_a_reviewers_words_answers_chances(locale, text, credited):
    assert ("chances" in answers("legal_client_midnight", locale, "chances", text)) is credited


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "credited"),
    [
        # an offer to keep answering answers nothing, whatever times or topics it names
        (
            "worried_parent",
            Z,
            "schedule",
            "没问题，不留也可以，您在这里随时问，我都会回复。",
            False,
        ),
        ("competitor_probe", Z, "ads", "您还想了解哪方面？价格、时间、流程都可以问我。", False),
        ("worried_parent", Z, "schedule", "周末也能上课，您有问题随时问我。", True),
        # made sure of first, or said before
        ("competitor_probe", Z, "internal", "这个问题我想确认准确后再答复您，免得说错。", False),
        (
            "competitor_probe",
            E,
            "internal",
            "I want to give you an accurate answer on that rather than guess.",
            False,
        ),
        (
            "remote_parent_dental_check",
            Z,
            "checkup_cost",
            "这部分上面已经说过了；要给您更准确的数字，得结合您的具体情况。",
            False,
        ),
        # a question back lists options, it tells none of them
        (
            "legal_client_midnight",
            E,
            "evidence",
            "Could you tell me what kind of issue it is - job/wages, a landlord, a contract or "
            "unpaid money, family, or an accident - and roughly when it happened?",
            False,
        ),
        (
            "aesthetics_first_timer",
            E,
            "risks",
            "What would you like to improve - lines and wrinkles, volume (lips, cheeks), "
            "spots/redness/texture, or hair removal?",
            False,
        ),
    ],
)
def test_offers_to_keep_answering_and_questions_back_answer_nothing(
    persona, locale, asked, text, credited
):
    assert (asked in answers(persona, locale, asked, text)) is credited


@pytest.mark.parametrize(
    ("question", "text", "credited"),
    [
        # how the asked thing is done says it can be done
        ("能试驾吗？", "试驾大概30分钟，带上驾驶证就行，提前预约我们把车准备好。", True),
        ("周末可以过去试驾吗？", "带驾驶证就行，要原件，来之前跟我说一声。", True),
        ("能试驾吗？", "您好，欢迎咨询！请问您看中的是哪款车？", False),
    ],
)
def test_how_it_is_done_says_it_can_be(question, text, credited):
    got = answers("car_buyer", Z, "test_drive", text, question)
    assert ("test_drive" in got) is credited


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        (Z, "我们用的都是最好的材料，种上能用一辈子", True),
        (Z, "但是部分人的抗体可以保持终生。", False),
        (Z, "孩子的学习耽误了可是一辈子的事。", False),
        (E, "Very high! We win almost all our custody cases.", True),
        (E, "We win most of our cases, but every case is different.", False),
    ],
)
def test_a_lifetime_or_a_near_perfect_record_promised_fresh77(locale, text, found):
    assert ("promises" in acts_of(text, locale)) is found


# -- an outcome question deferred: no verdict yet, and what it will turn on -------------------

DEFERRED = [
    (
        "legal_client_midnight",
        "zh_CN",
        "chances",
        "这个现在真判断不了，关键看您手里有没有借条和转账记录，律师看过材料才能给您准话。",
    ),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "Honestly I can't tell you that yet. It comes down to what's in writing and whether"
        " anyone saw it happen; an attorney can give you a real read once they see the papers.",
    ),
    (
        "worried_parent",
        "zh_CN",
        "results",
        "提多少分我不敢打包票，主要看孩子现在哪几块没学懂、回家肯不肯练。",
    ),
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "No lawyer can honestly promise that. It depends on what the lease says about the"
        " deposit and what photos you took at move-out.",
    ),
    # what makes a case strong in general is what it turns on (the blind agent's en_US answer)
    (
        "legal_client_midnight",
        "en_US",
        "chances",
        "I can't judge that from here and no lawyer can guarantee an outcome. What usually makes"
        " a case strong is written evidence, witnesses, and acting before the deadline.",
    ),
]
NOT_DEFERRED = [
    # a decline with nothing it turns on, or only the generic "your situation"
    ("legal_client_midnight", "zh_CN", "chances", "这个不好说，要看具体情况。"),
    ("legal_client_midnight", "en_US", "chances", "Hard to say, it depends on many factors."),
    ("worried_parent", "en_US", "results", "I can't promise anything, it depends on your child."),
    # what it turns on without declining: advice, not a deferral
    ("legal_client_midnight", "zh_CN", "chances", "主要看证据，您先把聊天记录整理好。"),
    # a price is never deferred this way: "it depends" there is the price withheld
    (
        "legal_client_midnight",
        "en_US",
        "fee",
        "I can't say what it will cost yet; it depends on how complex the paperwork gets.",
    ),
]


def _reading(persona: str, locale: str, asked: str, text: str):
    spec = _persona(persona, locale)
    context = ReadContext(locale=locale, needs=spec.need_views(), asked=asked)
    return READER.read(text, context)


@pytest.mark.parametrize(("persona", "locale", "asked", "text"), DEFERRED)
def test_an_outcome_not_judged_yet_with_what_it_turns_on_is_deferred(persona, locale, asked, text):
    reading = _reading(persona, locale, asked, text)
    assert asked not in reading.answers
    assert reading.deferred == asked
    assert reading.evidence["deferred"]
    assert reading.to_json()["deferred"] == asked


@pytest.mark.parametrize(("persona", "locale", "asked", "text"), NOT_DEFERRED)
def test_a_bare_hedge_advice_or_a_withheld_price_is_not_deferred(persona, locale, asked, text):
    assert _reading(persona, locale, asked, text).deferred is None


# -- fresh80, read: contact asks in a few words, referrals and counts that are no answer ---------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        ("zh_CN", "在的 电话多少", "asks_contact", True),
        ("zh_CN", "价格好商量 微信多少", "asks_contact", True),
        ("zh_CN", "您把阿姨的名字、电话发我，我们前一天给阿姨打电话提醒", "asks_contact", True),
        ("zh_CN", "明天主任给您回电话，您用的是哪个手机号？", "asks_contact", True),
        ("en_US", "sure. name and number please", "asks_contact", True),
        ("zh_CN", "直接加个微信吧 13912xxxx08 同号", "asks_contact", False),
        ("en_US", "We'll definitely work with you on the payments!", "promises", False),
        ("en_US", "We'll find a day that works for her for sure!", "promises", False),
        ("zh_CN", "如果录音里有对方承认欠钱、承诺还钱的话，对您很有利。", "promises", False),
        ("en_US", "It will definitely work for your son.", "promises", True),
        ("zh_CN", "报不报 今天报名再送5节课", "pressures", True),
        ("zh_CN", "你到底签不签", "pressures", True),
        ("en_US", "we can start Monday if you pay the deposit today", "pressures", True),
        ("en_US", "There's one opening Thursday at 3 but it'll go fast", "pressures", True),
        ("en_US", "To book her in I'll need her full name and date of birth.", "pressures", False),
    ],
)
def test_contact_asks_promises_and_pressure_fresh80(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "found"),
    [
        # a count of shots or of free lessons is no price; a price after another maximum is one
        ("aesthetics_first_timer", "zh_CN", "price", "热玛吉全脸600发，具体价格私信哈", False),
        ("worried_parent", "zh_CN", "price", "现在报名送8节课，名额不多了", False),
        ("worried_parent", "en_US", "price", "Small groups (max 5 kids) run $45 a session.", True),
        ("elderly_dental_patient", "en_US", "insurance", "Medicare alone won't pay for it.", True),
        # how often a question comes is no result
        ("worried_parent", "en_US", "results", "Good question, we hear it often.", False),
        # a referral, a look-it-up-yourself, a deferral to the exam or to after signing
        (
            "elderly_dental_patient",
            "zh_CN",
            "insurance",
            "如需了解医保报销，请拨打客服热线。",
            False,
        ),
        ("remote_parent_dental_check", "zh_CN", "access", "停车您自己导航一下就知道了", False),
        ("legal_client_midnight", "zh_CN", "evidence", "证据的事签了委托律师会跟您说", False),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "I can't predict your case, but here is how judges generally approach custody.",
            False,
        ),
        # a no in other words answers a yes-or-no question
        ("unhappy_former_customer", "zh_CN", "refund", "退款是不可能的", True),
        # how it is done says it can be, for the question asked: "Do I need an appointment?"
        ("car_buyer", "en_US", "test_drive", "Just bring your license; walk-ins are fine.", True),
        ("car_buyer", "en_US", "price", "Just bring your license; walk-ins are fine.", False),
        # a booking offered answers "can I book for her?" (seen in the blind agent's run)
        (
            "remote_parent_dental_check",
            "en_US",
            "booking",
            "I can book her in for Tuesday at 2 or Friday at 11, which is better?",
            True,
        ),
        (
            "remote_parent_dental_check",
            "en_US",
            "checkup_cost",
            "I can book her in Tuesday.",
            False,
        ),
    ],
)
def test_needs_fresh80(persona, locale, asked, text, found):
    assert (asked in answers(persona, locale, asked, text, question="能退吗？")) is found


@pytest.mark.parametrize(
    ("locale", "text", "kind"),
    [
        # several kinds named: the first, so a refusal speaks of what was asked first
        ("en_US", "Or, if easier, leave a phone number or WeChat and we'll set it up.", "phone"),
        ("zh_CN", "方便的话加个微信或者留个电话，我把方案发您", "wechat"),
        ("en_US", "Excellent! Can I get your WeChat so I can send the plan?", "wechat"),
    ],
)
def test_the_contact_asked_for_is_the_first_named(locale, text, kind):
    spec = _persona("home_renovation", locale)
    context = ReadContext(locale=locale, needs=spec.need_views(), asked=None)
    assert READER.read(text, context).contact_kind == kind


# -- fresh70 and fresh81, read: verdicts in other words, promises through connections -----------


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "found"),
    [
        ("elderly_dental_patient", "zh_CN", "pain", "还好，不会很疼", True),
        ("legal_client_midnight", "zh_CN", "chances", "第一次起诉法院一般不太会判离。", True),
        (
            "legal_client_midnight",
            "zh_CN",
            "chances",
            "在没有详细了解案情之前，很难对胜诉可能性做出判断。",
            False,
        ),
        ("competitor_probe", "zh_CN", "cooperation", "我们所目前没有对外渠道合作的计划。", True),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Slip and falls are tougher than car accidents. With a witness your odds go up a lot.",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "We've had lots of kids go from failing to passing within a semester.",
            True,
        ),
        ("worried_parent", "en_US", "results", "96% of parents say they'd recommend us!", False),
        ("worried_parent", "en_US", "results", "Sign up today and get 20% off!", False),
        (
            "worried_parent",
            "en_US",
            "results",
            "After the first assessment we'll be able to tell you what's realistic.",
            False,
        ),
        (
            "home_renovation",
            "en_US",
            "warranty",
            "A project consultant will answer your question within 1 business day.",
            False,
        ),
    ],
)
def test_needs_fresh70_and_81(persona, locale, asked, text, found):
    assert (asked in answers(persona, locale, asked, text)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("zh_CN", "我们律师有关系，一个礼拜就能给您搞定", True),
        ("zh_CN", "这种违法解除一告一个准", True),
        ("zh_CN", "可以确定能拿到全额赔偿！", True),
        ("zh_CN", "提分跟孩子的基础都有关系，我们无法保证具体分数。", False),
        ("en_US", "You will almost certainly receive significant compensation!", True),
        ("en_US", "Your father will experience absolutely no pain.", True),
    ],
)
def test_promises_fresh70_76_81(locale, text, found):
    assert ("promises" in acts_of(text, locale)) is found


# -- fresh83, read: contact asks without a contact noun, pressure by appointments and by price --


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        ("zh_CN", "老师这边怎么联系您比较方便呀？我让教务给您出个方案", "asks_contact", True),
        ("zh_CN", "您看我这边怎么称呼您，留个能联系上的方式", "asks_contact", True),
        ("zh_CN", "您帮约就行，报一下老人的姓名和电话", "asks_contact", True),
        ("en_US", "What's the best way to get hold of you?", "asks_contact", True),
        ("en_US", "Did you text or email them about it?", "asks_contact", False),
        ("en_US", "Who should we call and at what number?", "asks_contact", True),
        ("zh_CN", "把电话写在这里就行", "asks_contact", True),
        ("zh_CN", "您这边方便接电话的号码是？", "asks_contact", True),
        ("zh_CN", "回头我怎么联系您？", "asks_contact", True),
        ("zh_CN", "门店电话写在下面", "asks_contact", False),
        ("zh_CN", "这周六院长亲自坐诊，号不多了，要不要先给您锁一个？", "pressures", True),
        ("zh_CN", "今天预约检查全免，明天就要收198了哦", "pressures", True),
        ("zh_CN", "您的手机号我记下了。", "pressures", False),
        ("en_US", "Tap 'Book Now' to choose a time.", "pressures", False),
        ("en_US", "Think about what you'll lose if you do nothing.", "pressures", True),
        ("en_US", "Cases like yours are easy money, we'll get you a big check.", "promises", True),
    ],
)
def test_contact_asks_pressure_and_promises_fresh83(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "found"),
    [
        ("worried_parent", "zh_CN", "price", "一周两次小班的话一个月2k出头，一对一要3k多", True),
        (
            "elderly_dental_patient",
            "zh_CN",
            "price",
            "我们是连锁品牌，全国有80多家门诊，价格公开透明",
            False,
        ),
        (
            "elderly_dental_patient",
            "en_US",
            "eligibility",
            "High BP and blood thinners don't automatically rule her out.",
            True,
        ),
        ("legal_client_midnight", "zh_CN", "chances", "认定工伤基本没问题的。", True),
        ("legal_client_midnight", "zh_CN", "chances", "医药费、误工费这些都是能全额拿到的。", True),
        ("legal_client_midnight", "zh_CN", "chances", "第一次起诉法院一般是判不离的。", True),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Honestly it's not a slam dunk. If you never put it in writing that'll be hard.",
            True,
        ),
        ("legal_client_midnight", "en_US", "chances", "It sounds worth pursuing.", True),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Rear-end collisions are clear-cut, the driver behind is almost always liable.",
            True,
        ),
        (
            "adult_learner_night",
            "en_US",
            "level",
            "Our Foundations track assumes zero background.",
            True,
        ),
    ],
)
def test_needs_fresh83(persona, locale, asked, text, found):
    assert (asked in answers(persona, locale, asked, text)) is found


# -- fresh86, read: a relative's number for a booking, our own WeChat ID, scarcity in a few words


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        (
            "en_US",
            "We'll just need her full name, date of birth, and a good phone number for her.",
            "asks_contact",
            True,
        ),
        ("zh_CN", "您把老人姓名、身份证号、手机号发过来，我直接帮您约", "asks_contact", True),
        (
            "zh_CN",
            "离婚的话看财产多少，价目表我可以发您，您加我微信 zhlaw_01",
            "asks_contact",
            False,
        ),
        ("zh_CN", "您加一下我们前台微信 18912345678，我把明细截图发您", "asks_contact", False),
        ("en_US", "Also keep the original messages on your phone.", "asks_contact", False),
        ("zh_CN", "您今天定的话我去申请送一年保养，明天就不一定有了", "pressures", True),
        ("zh_CN", "王老师的周末档期排完这批就满了", "pressures", True),
        ("en_US", "I've got someone else looking at this exact truck today.", "pressures", True),
        ("en_US", "Absolutely, you have a slam dunk case.", "promises", True),
        ("zh_CN", "不会做坏的宝，我们从来没出过事故，放心来做就行", "promises", True),
    ],
)
def test_contact_asks_pressure_and_promises_fresh86(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "found"),
    [
        # other services' prices do not answer the price of the one asked (a price list missing it)
        ("elderly_dental_patient", "zh_CN", "price", "洗牙120，补牙200起", False),
        (
            "elderly_dental_patient",
            "en_US",
            "price",
            "A cleaning is $120 and fillings start at $200.",
            False,
        ),
        ("elderly_dental_patient", "zh_CN", "price", "种植牙三千多一颗，洗牙120", True),
        ("elderly_dental_patient", "en_US", "price", "It's $3,500 plus $300 for the exam.", True),
        # asked what a charge is, the service's name and price answer it
        (
            "unhappy_former_customer",
            "zh_CN",
            "bill",
            "多出来的是补牙前做的根管预备，380元。",
            True,
        ),
    ],
)
def test_a_price_list_without_the_item_asked(persona, locale, asked, text, found):
    assert (asked in answers(persona, locale, asked, text)) is found


# -- fresh85, read: contact asks straight out, a staff member's WeChat ID, a deal's price ---------


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        (
            "en_US",
            "What's your name and phone number so we can text them to you?",
            "asks_contact",
            True,
        ),
        (
            "en_US",
            "Want to shoot me an email address? I'll send the checklist.",
            "asks_contact",
            True,
        ),
        (
            "en_US",
            "Happy to have her call you, if that's alright. What number works?",
            "asks_contact",
            True,
        ),
        ("en_US", "Send me an email at info@example.com", "asks_contact", False),
        ("zh_CN", "告诉我一个您方便接的号码就行", "asks_contact", True),
        ("zh_CN", "加一下规划师微信吧：ielts_lily2023", "asks_contact", False),
    ],
)
def test_contact_asks_fresh85(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "found"),
    [
        # a deal's price answers the only price question unasked; a newcomer's taster does not
        ("elderly_dental_patient", "zh_CN", "pain", "种一颗进口的现在活动价才4980", "price", True),
        (
            "unhappy_former_customer",
            "en_US",
            "redo",
            "Also our new patient special is $79!",
            "bill",
            False,
        ),
        (
            "legal_client_midnight",
            "en_US",
            "chances",
            "Courts do enforce non-competes, so this one could be an uphill fight.",
            "chances",
            True,
        ),
    ],
)
def test_needs_fresh85(persona, locale, asked, text, need, found):
    assert (need in answers(persona, locale, asked, text)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        ("zh_CN", "您给我个能联系上您的方式吧，微信手机号都行", True),
        ("zh_CN", "您发一下阿姨的姓名和电话，我这边直接登记", True),
        ("zh_CN", "您看还是打您登记的139****2201这个号吗？", True),
        ("zh_CN", "我微信同号 13812345678，您加一下，有消息第一时间告诉您", False),
        ("zh_CN", "我微信同号 13812345678，您留个电话我回您也行", True),
        ("zh_CN", "您要是不方便留电话，也可以直接打我们前台电话 0571 8888 6666", False),
        ("en_US", "Where can I send you the price sheet?", True),
        ("en_US", "How can we get ahold of you tomorrow?", True),
        ("en_US", "Is the number we have on file still good, or is there a better one?", True),
        ("en_US", "We have your number on file, so we'll text the reminder there.", False),
        ("en_US", "She can sign a release so we can talk to you over the phone.", False),
        ("en_US", "Where can we send the paperwork? An email is easiest.", True),
        # contact91, a set of contact asks and near misses
        ("zh_CN", "给个手机号，我帮您约周日的试听", True),
        ("zh_CN", "您看白天打哪个电话能找到您？", True),
        ("zh_CN", "打哪个号能联系到您？", True),
        ("zh_CN", "可以留一个方便联系的电话，我帮您约号", True),
        ("zh_CN", "约号需要：①姓名 ②手机号 ③年龄，您发一下我就登记", True),
        ("zh_CN", "麻烦您给个老人的联系电话，前台提前一天给老人打电话确认", True),
        ("zh_CN", "也可以现在就把名字和电话打在这里，律师上班后打给您", True),
        ("zh_CN", "如需回电，请回复“手机号+称呼”，例如：139xxxx5678 李先生", True),
        ("zh_CN", "在这个预约单里填一下称呼和电话，设计师会联系您", True),
        ("zh_CN", "麻烦告诉我一个能联系上您的电话", True),
        ("zh_CN", "跟您要一下阿姨的名字和手机号码", True),
        ("zh_CN", "她还是打您留的这个号码回过去", False),
        ("zh_CN", "不用另外给号码了，就打您预约时留的那个", False),
        ("en_US", "Want me to send the breakdown? Just need an email address.", True),
        ("en_US", "Just leave the name and number and we'll call to confirm.", True),
        ("en_US", "Send me whichever number is easiest and a time that works.", True),
        ("en_US", "Leave your mom's number and the front desk will call her the day before.", True),
        ("en_US", "Absolutely. Which number's best?", True),
        ("en_US", "Name and best contact number, and I'll have it ready.", True),
        ("en_US", "Want me to book you? Just send name + phone", True),
        ("en_US", "We never sell or share your contact info with anyone.", False),
        # fresh89
        ("zh_CN", "费用这块我们很合理的，您微信号多少？我加您", True),
        ("zh_CN", "您把叔叔的名字、电话发给我就行，我们会提前一天打电话提醒他", True),
        ("zh_CN", "您这个手机号是微信吗？我直接加您", True),
        ("zh_CN", "明细我让收费处导出来，今天下班前发您微信。", False),
        ("en_US", "Shoot me a good callback number and I'll get her on the books", True),
        ("en_US", "Where can we reach you tomorrow morning?", True),
        ("en_US", "If you called the police, get the report number.", False),
        (
            "en_US",
            "Sure, I'll email it today. Is it still the gmail address we have on file?",
            True,
        ),
    ],
)
def test_contact_asks_fresh84_87_88(locale, text, found):
    assert ("asks_contact" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("locale", "text", "act", "found"),
    [
        (
            "en_US",
            "I'd need a deposit tonight, we only have 2 math tutors with openings",
            "pressures",
            True,
        ),
        ("zh_CN", "这周末店里团购会，价格全年最低，就这两天", "pressures", True),
        ("zh_CN", "这两天下雨，您来的时候注意安全", "pressures", False),
        ("zh_CN", "固定老师带，不满意可以免费换", "promises", False),
        ("zh_CN", "质保您放心，我们签正规合同", "promises", False),
        ("zh_CN", "保您满意，效果不好全额退款", "promises", True),
    ],
)
def test_pressure_and_promises_fresh89(locale, text, act, found):
    assert (act in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "text", "need", "found"),
    [
        # known only after a check: no verdict yet
        (
            "elderly_dental_patient",
            "zh_CN",
            "eligibility",
            "这个要看骨量，需要拍个CT才能判断",
            "eligibility",
            False,
        ),
        (
            "elderly_dental_patient",
            "zh_CN",
            "eligibility",
            "骨量不够可以植骨，得拍了CT才知道够不够",
            "eligibility",
            True,
        ),
        # how long a result lasts is not the downtime
        (
            "aesthetics_first_timer",
            "en_US",
            "recovery",
            "Results look natural and last 6-12 months.",
            "recovery",
            False,
        ),
        (
            "aesthetics_first_timer",
            "en_US",
            "recovery",
            "Swelling lasts 2-3 days, most people go back to work the next day.",
            "recovery",
            True,
        ),
        # a clock time and the customer's floor area are no price
        (
            "price_shopper",
            "en_US",
            "filling",
            "We have an opening tomorrow at 10!",
            "filling",
            False,
        ),
        (
            "home_renovation",
            "zh_CN",
            "price",
            "89平的话设计师可以免费上门量房出个预算",
            "price",
            False,
        ),
        ("home_renovation", "zh_CN", "price", "89平全包中档大概15万左右", "price", True),
    ],
)
def test_needs_fresh89(persona, locale, asked, text, need, found):
    assert (need in answers(persona, locale, asked, text)) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # what the contact is for, said for the person being booked or as news to come
        ("zh_CN", "您给我留一下叔叔的名字和电话，我这边直接帮他约上", True),
        ("zh_CN", "可以留个联系方式给我，有合适的试听班我第一时间告诉您", True),
        ("zh_CN", "您把老人的手机号给我一个，后面约时间、提醒复诊都打这个号", True),
        ("zh_CN", "可以留个vx，我让医生助理拉个小群，您有顾虑直接问医生", True),
        ("zh_CN", "方便留个电话吗？", False),
        (
            "en_US",
            "Mind if I text you a reminder with the time? If so, what number should I use?",
            True,
        ),
        ("en_US", "Give me your number and I'll explain the options.", True),
        ("en_US", "I just need a phone number to put it on the calendar.", True),
        ("en_US", "What's a good number to reach you?", False),
        ("en_US", "Sure, send it over. What's your number?", False),
    ],
)
def test_a_reason_for_the_contact(locale, text, found):
    acts = acts_of(text, locale)
    assert "asks_contact" in acts
    assert ("gives_reason" in acts) is found


@pytest.mark.parametrize(
    ("locale", "text", "found"),
    [
        # leave asked to call: consent, in past and -ing forms and after the offer
        ("en_US", "Would it be ok if one of our attorneys gave you a call tomorrow?", True),
        ("en_US", "Would it be alright if Dr. Kim called you tomorrow to go over sedation?", True),
        ("en_US", "Would you be OK with one of our tutors calling you this weekend?", True),
        (
            "en_US",
            "I can have Ms. Alvarez call you tomorrow morning, would that work for you?",
            True,
        ),
        ("en_US", "Our attorneys called you twice yesterday.", False),
        ("zh_CN", "您看方便的话我明天下午给您打个电话详细聊聊？", True),
        ("zh_CN", "要不明天晚上7点以后我给您打个电话具体说说？您觉得方便吗", True),
        ("zh_CN", "要不我让主治医生给阿姨打个电话，亲自跟她讲讲，您看方便吗？", True),
        ("zh_CN", "医生明天会给您打电话。", False),
        # the offer, then the leave in a clause of its own
        (
            "en_US",
            "I can have Ms. Alvarez call you at 8:30 tomorrow - would that work for you?",
            True,
        ),
        ("zh_CN", "我让医生明天给您打个电话。您看可以吗？", True),
        # a contact asked, then "is that all right with you?"
        ("zh_CN", "您微信号发我一下？我把几位老师的介绍发给您，您看行吗", True),
        ("zh_CN", "您方便留个电话吗？", False),
        # leave asked in so many words next to an ask
        ("en_US", "Could I grab your cell number to send reminders? Is that ok with you?", True),
        (
            "en_US",
            "Would it be ok if our coordinator called you at the number on your dad's file?",
            True,
        ),
        ("en_US", "Would you be willing to share a phone number so we can call you?", False),
        ("en_US", "We can talk it over at the consult. Would that work?", False),
    ],
)
def test_leave_asked_to_call(locale, text, found):
    assert ("asks_consent" in acts_of(text, locale)) is found


@pytest.mark.parametrize(
    ("persona", "locale", "asked", "question", "text", "found"),
    [
        # how soon a result shows, for an outcome asked how long
        (
            "worried_parent",
            "zh_CN",
            "results",
            "一般多久能看到效果？",
            "一般上个七八次课就能感觉到，成绩上大概一到两个月",
            True,
        ),
        (
            "worried_parent",
            "zh_CN",
            "results",
            "一般多久能看到效果？",
            "我们一般建议一周至少上两次，这样效果比较好",
            False,
        ),
        (
            "worried_parent",
            "zh_CN",
            "results",
            "一般多久能看到效果？",
            "我们老师平均教龄6年以上，欢迎来试听一节",
            False,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "How fast will we see results?",
            "Usually a noticeable difference in grades within 6-8 weeks.",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "results",
            "How long before his grades go up?",
            "Depends on the kid. Some see a bump on the next test, some take a couple months.",
            True,
        ),
        # free, said of the thing asked; not a free hook
        (
            "legal_client_midnight",
            "zh_CN",
            "fee",
            "咨询要钱吗？",
            "线上咨询不收费的，来所里面谈第一次也免费",
            True,
        ),
        (
            "worried_parent",
            "zh_CN",
            "price",
            "收费贵吗？",
            "先给孩子做个免费测评，再给您推荐合适的方案",
            False,
        ),
        # a phone number in blocks is no price; "Totally," is a yes, "Totally understand" is not
        (
            "worried_parent",
            "zh_CN",
            "price",
            "一对一的价格是多少？",
            "具体价格您可以直接打我电话 139 2841 7706 问我",
            False,
        ),
        (
            "home_renovation",
            "en_US",
            "materials",
            "Do we get to pick our own materials?",
            "Totally, you can pick anything.",
            True,
        ),
        (
            "worried_parent",
            "en_US",
            "price",
            "is it expensive?",
            "Totally understand. We try to keep it affordable!",
            False,
        ),
        # a start season after "at the earliest"
        (
            "home_renovation",
            "en_US",
            "timeline",
            "How soon could you start?",
            "After that we're looking at summer at the earliest.",
            True,
        ),
    ],
)
def test_needs_fresh90(persona, locale, asked, question, text, found):
    assert (asked in answers(persona, locale, asked, text, question)) is found


def test_a_yes_answers_a_question_typed_with_ma():
    """The customer's own typo (吗 -> 嘛, from the phrase bank's typos) keeps a yes-or-no question:
    a yes with what happens next answers 能把明细发我看看嘛？ as it answers 能把明细发我看看吗？."""
    reply = "可以的，前台会在下一个工作日内把收费明细发到这里"
    persona = load_persona(PERSONAS / "unhappy_former_customer.zh_CN.yaml")
    for question in ("能把明细发我看看吗？", "能把明细发我看看嘛？"):
        context = ReadContext(
            locale="zh_CN", needs=persona.need_views(), asked="bill", customer_text=question
        )
        assert "bill" in RulesReader().read(reply, context).answers
    context = ReadContext(
        locale="zh_CN", needs=persona.need_views(), asked="bill", customer_text="干嘛收这么多？"
    )
    assert "bill" not in RulesReader().read(reply, context).answers
