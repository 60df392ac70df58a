"""``--redact`` on imported chats: ids that are contacts, and names customers give for themselves.

Imported chats carry no truth, so the redactor cannot know the customer's name or contacts in
advance: it has to find them in the ids the export chose and in what the customer wrote.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.report_chats import chat, write_chat_run

from simulator.calibrate import calibrate, load_annotations
from simulator.cli import main
from simulator.report import write_report
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


# --- conversation ids that are contacts ---------------------------------------------------------


def _id_chats(ids: tuple[str, str, str, str], lead: bool):
    """Four chats, one per id; the customer leaves a number in each only when ``lead``."""
    contact = "我的电话 13900001111" if lead else "我再想想"
    return [
        chat(ids[0], "zh_CN", [("customer", "你好，课程多少钱？"), ("agent", "每小时200元。"),
                               ("customer", contact)], instance=0),
        chat(ids[1], "en_US", [("customer", "How much is a lesson?"), ("agent", "$50 an hour."),
                               ("customer", "call me at 415-555-0123" if lead else "ok")],
             instance=1),
        chat(ids[2], "zh_CN", [("customer", "在吗"), ("agent", "在的")], instance=2),
        # an id that looks like an alias is aliased too, so no alias can mean two conversations
        chat(ids[3], "en_US", [("customer", "hello"), ("agent", "hi")], instance=3),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def id_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run A (plain ids, leads) and run B (contact ids, no leads): B loses A's leads."""
    out = tmp_path_factory.mktemp("ids")
    run_a = write_chat_run(out / "a", "a", _id_chats(("a-0", "a-1", "a-2", "a-3"), lead=True))
    ids_b = (PHONE_ID, EMAIL_ID, "chat-2", "redacted-1")
    run_b = write_chat_run(out / "b", "b", _id_chats(ids_b, lead=False))
    return run_a, run_b


def test_ids_that_are_contacts_are_aliased_in_a_redacted_report(id_runs, tmp_path):
    run_a, run_b = id_runs
    plain = write_report(run_b, tmp_path / "plain.html").read_text(encoding="utf-8")
    assert PHONE_ID in plain and EMAIL_ID in plain  # the test can see a leak
    html = write_report(run_a, tmp_path / "r.html", compare=run_b, redact=True).read_text(
        encoding="utf-8"
    )
    for secret in (PHONE_ID, EMAIL_ID, "sarah@", "example.com"):
        assert secret not in html, secret
    index = json_block(html, "index")
    transcripts = json_block(html, "transcripts")
    shown_b = [e["id"] for e in index if e["run"] == "b"]
    # aliases in place of the contact ids (and of the id that looked like one); others as they were
    assert shown_b[2] == "chat-2"
    assert all(ALIAS.fullmatch(i) for i in (shown_b[0], shown_b[1], shown_b[3])), shown_b
    assert len(set(shown_b)) == len(shown_b) == 4
    # each entry still finds its transcript, and pairs still join the same customers
    for entry in index:
        assert transcripts[entry["t"]]["id"] == entry["id"]
    pairs = json_block(html, "meta")["pairs"]
    assert len(pairs) == 4 and {index[p["b"]]["id"] for p in pairs} == set(shown_b)
    again = write_report(run_a, tmp_path / "r2.html", compare=run_b, redact=True)
    assert [e["id"] for e in json_block(again.read_text(encoding="utf-8"), "index")] == [
        e["id"] for e in index
    ]  # stable: re-rendering gives the same aliases


def test_redacted_markdown_lists_flipped_conversations_by_alias(id_runs):
    run_a, run_b = id_runs
    args = ["report", str(run_a), "--compare", str(run_b), "--format", "md"]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0, plain.output
    assert PHONE_ID in plain.output  # B lost A's lead in the chat whose id is a phone number
    redacted = CliRunner().invoke(main, [*args, "--redact"])
    assert redacted.exit_code == 0, redacted.output
    assert PHONE_ID not in redacted.output and EMAIL_ID not in redacted.output
    flipped = re.search(r"- lead lost in B: 2: (.*)", redacted.output)
    assert flipped and len(ALIAS.findall(flipped.group(1))) == 2, redacted.output


def test_annotations_made_in_a_redacted_report_calibrate_against_the_run(id_runs, tmp_path):
    run_b = id_runs[1]
    html = write_report(run_b, tmp_path / "r.html", redact=True).read_text(encoding="utf-8")
    shown = [entry["id"] for entry in json_block(html, "index")]
    # line 1's alias is also the id the export gave line 4: the alias must win
    assert shown == ["redacted-1", "redacted-2", "chat-2", "redacted-4"]
    document = {
        "format": "salesim-annotations",
        "version": 1,
        "run_id": "b",
        "redacted": True,
        "reviewed": [{"run_id": "b", "conversation_id": "chat-2"}],
        "annotations": [
            {"run_id": "b", "conversation_id": "redacted-1", "type": "finding_missed",
             "rule": "absolute_claim", "turn": 1},
            {"run_id": "b", "conversation_id": "redacted-4", "type": "outcome_wrong",
             "outcome": "compliant", "scorer": True, "reviewer": False},
        ],
    }  # fmt: skip
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = calibrate(load_annotations(path), run_b)
    assert result["reviewed"] == 3
    assert result["rules"]["absolute_claim"]["fn"] == 1
    # not compliant, says the reviewer: line 1 by its missed finding, line 4 in so many words
    assert result["outcomes"]["compliant"]["fp"] == 2
    # the same ids in a file from an unredacted report are the ids the export gave
    document["redacted"] = False
    document["annotations"] = document["annotations"][:1]
    path.write_text(json.dumps(document), encoding="utf-8")
    assert calibrate(load_annotations(path), run_b)["reviewed"] == 2


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
        ("hi im sarah connor, my son needs a tutor", "hi im [name], my son needs a tutor"),
        ("my name is jennifer. any class on sat", "my name is [name]. any class on sat"),
        ("this is michael from the open day", "this is [name] from the open day"),
        ("i'm linda lopez and my son is in 5th grade", "i'm [name] and my son is in 5th grade"),
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
        "i'm fine thanks",
        "im not sure yet",
        "this is april's bill",
        "i'm will try saturday",
        "my name is on the list already",
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
