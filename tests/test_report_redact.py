"""``--redact`` on imported chats: ids that are contacts, and names customers give for themselves.

Imported chats carry no truth, so the redactor cannot know the customer's name or contacts in
advance: it has to find them in the ids the export chose and in what the customer wrote.
"""

from __future__ import annotations

import json
import re

import pytest
from fixtures.report_chats import chat

from simulator.report._transcripts import compact_transcript

PHONE_ID = "13812345678"
EMAIL_ID = "sarah@example.com"
ALIAS = re.compile(r"redacted-\d+")


def json_block(html: str, block: str):
    """The parsed content of one of the report's JSON script blocks."""
    match = re.search(
        rf'<script type="application/json" id="salesim-{block}">(.*?)</script>', html, re.S
    )
    assert match, block
    return json.loads(match.group(1))


# --- names the customer gives for itself ---------------------------------------------------------


def _redacted(locale: str, lines: list[tuple[str, str]], lang: str = "en") -> list[str]:
    """The messages of one chat as a redacted report shows them."""
    obj = json.loads(chat("c", locale, lines).model_dump_json())
    return [m[1] for m in compact_transcript(obj, None, "a", True, lang)["m"]]


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("Hi, I'm Sarah Connor, my son needs a tutor", "Hi, I'm [name], my son needs a tutor"),
        ("I am Sarah. Do you teach algebra?", "I am [name]. Do you teach algebra?"),
        ("I’m Sarah", "I’m [name]"),
        ("Hello, this is Sarah Connor", "Hello, this is [name]"),
        ("this is Sarah, from the open day", "this is [name], from the open day"),
        ("Sarah here, is the class still open?", "[name] here, is the class still open?"),
        ("Hi, Sarah Connor here.", "Hi, [name] here."),
        ("I'm Dr. Sarah Connor", "I'm Dr. [name]"),
    ],
)  # fmt: skip
def test_english_self_introductions_are_masked(said, shown):
    assert _redacted("en_US", [("customer", said)])[0] == shown


@pytest.mark.parametrize(
    "said",
    [
        "I'm fine, thanks",
        "I'm worried about his grades",
        "I'm not sure yet",
        "I am looking for a tutor",
        "I'm American, does that matter?",
        "I'm OK with Saturdays",
        "I'm Interested in the weekend class",
        "Anyone here?",
        "Still here?",
        "Click here to book, it says",
        "this is great",
        "This is Monday's class?",
    ],
)
def test_ordinary_english_words_are_not_names(said):
    assert _redacted("en_US", [("customer", said)])[0] == said


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("我是王小明，想问一下课程", "我是[姓名]，想问一下课程"),
        ("您好，我是张伟想咨询一下", "您好，我是[姓名]想咨询一下"),
        ("本人张伟", "本人[姓名]"),
        ("本人是李娜，孩子上初二", "本人是[姓名]，孩子上初二"),
        ("我叫李娜", "我叫[姓名]"),
        ("我是欧阳娜娜", "我是[姓名]"),
        ("我是王老师", "我是[姓名]老师"),
    ],
)
def test_chinese_self_introductions_are_masked(said, shown):
    assert _redacted("zh_CN", [("customer", said)], lang="zh")[0] == shown


@pytest.mark.parametrize(
    "said",
    [
        "我是家长",
        "我是他妈妈",
        "我是孩子妈妈",
        "我是学生",
        "我是高中生家长",
        "我是江苏人",
        "我是第一次来",
        "我是来咨询的",
        "我是顾客",
        "我是周末才有空",
        "我是马上要考试的",
        "我是老客户了",
        "本人在北京",
    ],
)
def test_chinese_role_words_are_not_names(said):
    assert _redacted("zh_CN", [("customer", said)], lang="zh")[0] == said


def test_a_name_the_customer_gave_is_masked_wherever_the_chat_repeats_it():
    en = _redacted(
        "en_US",
        [
            ("customer", "Hi, I'm Sarah Connor"),
            ("agent", "Thanks Sarah! Ms. Connor, which grade is your son in?"),
            ("customer", "Grade 5"),
        ],
    )
    assert en[1] == "Thanks [name]! Ms. [name], which grade is your son in?"
    assert en[0] == "Hi, I'm [name]" and en[2] == "Grade 5"
    zh = _redacted(
        "zh_CN", [("customer", "我是王小明"), ("agent", "王小明您好，王先生请问孩子几年级？")], "zh"
    )
    assert zh == ["我是[姓名]", "[姓名]您好，[姓名]先生请问孩子几年级？"]
