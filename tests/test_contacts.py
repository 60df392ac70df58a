"""Contact detection for lead capture."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from simulator.contacts import (
    customer_contacts,
    find_contacts,
    find_international_contacts,
    last_contact,
    national_number_if_valid,
    normalize_phone,
)
from simulator.models import Message, Transcript


@pytest.mark.parametrize(
    "text",
    [
        "我电话13800138000",
        "我电话 138 0013 8000，王先生",
        "138-0013-8000",
        "+86 138 0013 8000",
        "手机：１３８００１３８０００",
    ],
)
def test_cn_mobiles_in_common_formats(text):
    assert [c.value for c in find_contacts(text, "zh_CN")] == ["13800138000"]


@pytest.mark.parametrize(
    "text",
    [
        "种一颗大概5000-8000元",
        "订单号 2026112412345678",
        "一对一200元/小时，一期20次课",
    ],
)
def test_prices_and_order_numbers_are_not_contacts(text):
    assert find_contacts(text, "zh_CN") == []


@pytest.mark.parametrize(
    "text", ["(212) 736-5000", "call me at 212-736-5000", "+1 212 736 5000", "212.736.5000"]
)
def test_us_numbers(text):
    assert [c.value for c in find_contacts(text, "en_US")] == ["2127365000"]


def test_us_digits_glued_to_more_digits_are_not_a_phone():
    assert find_contacts("claim number 21273650004567", "en_US") == []


def test_wechat_and_email():
    kinds = {
        c.kind: c.value
        for c in find_contacts("加我微信 zhang_san88 或者发邮件 Zhang@Example.com", "zh_CN")
    }
    assert kinds == {"wechat": "zhang_san88", "email": "zhang@example.com"}


def test_a_corrected_number_replaces_the_first():
    contact = last_contact(["我电话13800138000", "打错了，是13900139000"], "zh_CN")
    assert contact is not None and contact.value == "13900139000"


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("孩子发烧38.5度，吃了500mg布洛芬", "zh_CN"),
        ("2026-11-24下午三点可以吗", "zh_CN"),
        ("订单号：13800138000", "zh_CN"),
        ("身份证号 110101199003071234", "zh_CN"),
        ("claim number 2127365000", "en_US"),
        ("invoice #2127365000", "en_US"),
        ("my dob is 03/07/1990", "en_US"),
        ("It's $3,000-$5,000 per implant", "en_US"),
    ],
)
def test_dates_doses_temperatures_and_identifiers_are_not_contacts(text, locale):
    assert find_contacts(text, locale) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("appelez-moi au +33 6 12 34 56 78", [("phone", "612345678")]),
        ("tel 0033612345678", [("phone", "612345678")]),
        ("mon numéro: 06 12 34 56 78", []),
        ("13800138000", []),
        ("écrivez à Jean@Exemple.fr", [("email", "jean@exemple.fr")]),
        ("微信 zhang_san88", [("wechat", "zhang_san88")]),
    ],
)
def test_international_contacts_need_no_country(text, expected):
    assert [(c.kind, c.value) for c in find_international_contacts(text)] == expected


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        # opening hours and a holiday range from a real travel chat read as "00 2015.2.18-2.20"
        ("营业时间是11：00-23：00 2015.2.18-2.20放假", "zh_CN"),
        ("2015.2.18-2.20放假", "zh_CN"),
        ("2015.2.18-2.20 closed", "en_US"),
        ("预约时间 2026-11-24 14:30", "zh_CN"),
        ("下单时间 20261124143000", "zh_CN"),
        ("2026年11月24日至26日有号", "zh_CN"),
        ("We're open 9:00-17:00, closed 11/24-11/30", "en_US"),
        ("booked for 2026-11-24 14:30", "en_US"),
        ("报价 ¥13,800-15,800", "zh_CN"),
        ("the settlement was 2127365000 dollars", "en_US"),
        ("预约号 13800138000", "zh_CN"),
        ("booking 2127365000", "en_US"),
    ],
)
def test_dates_times_ranges_prices_and_ids_are_never_phones(text, locale):
    assert find_contacts(text, locale) == []


@pytest.mark.parametrize(
    ("text", "locale", "phone"),
    [
        ("2026-11-24 14:30 之后打我电话 13800138000", "zh_CN", "13800138000"),
        ("营业时间11:00-23:00，我电话138 0013 8000", "zh_CN", "13800138000"),
        ("电话 010-20261124", "zh_CN", "1020261124"),  # a landline whose digits look like a date
        ("call me at 212-736-5000 between 9:00-17:00", "en_US", "2127365000"),
        ("11/24-11/30 works, my cell is 212.736.5000", "en_US", "2127365000"),
    ],
)
def test_a_phone_beside_a_date_or_time_is_still_found(text, locale, phone):
    assert [c.value for c in find_contacts(text, locale)] == [phone]


def _transcript(locale: str, *pairs: tuple[str, str]) -> Transcript:
    start = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    return Transcript(
        conversation_id="c",
        locale=locale,
        messages=[
            Message(role=role, text=text, ts=start + timedelta(seconds=30 * i))
            for i, (role, text) in enumerate(pairs)
        ],
    )


@pytest.mark.parametrize(
    "transcript",
    [
        _transcript(
            "zh_CN",
            ("customer", "这家酒店的电话是多少？"),
            ("agent", "酒店前台电话是0898-88888888。"),
            ("customer", "0898-88888888 是前台吗？"),
        ),
        _transcript(
            "en_US",
            ("customer", "what's the hotel's number?"),
            ("agent", "The front desk is (212) 736-5000."),
            ("customer", "ok so 212-736-5000, got it"),
        ),
        _transcript(
            "zh_CN",
            ("agent", "您的订单号 13800138000 已登记。"),
            ("customer", "13800138000 是订单号？"),
        ),
        _transcript(
            "zh_CN",
            ("agent", "有问题加客服微信 kefu_xiaowang"),
            ("customer", "微信 kefu_xiaowang 是吧"),
        ),
    ],
)
def test_a_number_the_agent_wrote_first_is_not_the_customers(transcript):
    assert customer_contacts(transcript) == []


def test_the_customers_own_number_stays_theirs_when_the_agent_reads_it_back():
    transcript = _transcript(
        "zh_CN",
        ("agent", "方便留个电话吗？律师给您回电。"),
        ("customer", "13800138000"),
        ("agent", "13800138000 对吗？"),
        ("customer", "对，13800138000"),
    )
    leads = customer_contacts(transcript)
    assert [(lead.turn, lead.contact.value) for lead in leads] == [
        (1, "13800138000"),
        (3, "13800138000"),
    ]


def test_the_customers_number_counts_after_the_agent_wrote_the_business_number():
    transcript = _transcript(
        "en_US",
        ("customer", "what's your number?"),
        ("agent", "Our front desk is (212) 736-5000."),
        ("customer", "thanks, mine is 415-982-3300 if you'd call me back"),
    )
    assert [lead.contact.value for lead in customer_contacts(transcript)] == ["4159823300"]


def test_in_a_locale_without_phone_rules_only_international_numbers_and_repeats_count():
    transcript = _transcript(
        "fr_FR",
        ("agent", "Notre standard: +33 1 42 68 53 00"),
        ("customer", "le +33 1 42 68 53 00 c'est bien vous ?"),
        ("customer", "mon portable: +33 6 12 34 56 78, ou 06 12 34 56 78"),
    )
    assert [(lead.turn, lead.contact.value) for lead in customer_contacts(transcript)] == [
        (2, "612345678")
    ]


def test_the_samplers_shortcut_gives_normalize_phones_verdict():
    """Customers' numbers are drawn as plain digits and checked without parsing text; the
    verdict must be the parser's, for the shapes the sampler draws and for shapes where parsing
    would drop a country code or a national prefix (86…, 1…)."""
    rng = random.Random(7)
    candidates = [
        ("en_US", f"{rng.randint(2, 9)}{rng.randint(0, 10**9 - 1):09d}") for _ in range(3000)
    ]
    candidates += [("zh_CN", f"1{rng.randint(0, 10**10 - 1):010d}") for _ in range(3000)]
    candidates += [
        (loc, str(rng.randint(10**9, 10**11))) for _ in range(500) for loc in ("en_US", "zh_CN")
    ]
    candidates += [("zh_CN", "8613912345678"), ("en_US", "12125550123"), ("en_US", "0212555012")]
    valid = 0
    for locale, digits in candidates:
        verdict = national_number_if_valid(digits, locale)
        assert verdict == normalize_phone(digits, locale), (locale, digits)
        valid += verdict is not None
    assert 1000 < valid < len(candidates)  # both verdicts are exercised
