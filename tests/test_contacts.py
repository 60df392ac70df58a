"""Contact detection for lead capture."""

from __future__ import annotations

import pytest

from simulator.contacts import find_contacts, last_contact


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
