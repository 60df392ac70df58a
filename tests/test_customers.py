"""The scripted customer reacts to what the agent does (DESIGN.md "The simulated customer")."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from simulator.customers import _DEMANDS_ANSWER, CustomerAct, ScriptedCustomer, sample_instance
from simulator.models import Message, Outcome, Transcript
from simulator.specs import load_persona_library


@pytest.fixture(scope="module")
def library():
    return load_persona_library()


def _start(library, persona_id="legal_client_midnight", locale="zh_CN", index=0, **overrides):
    persona, _ = library[(persona_id, locale)]
    instance = sample_instance(persona, index, 0)
    if overrides:
        instance = instance.model_copy(update=overrides)
    customer = ScriptedCustomer(persona, instance)
    transcript = Transcript(conversation_id="t", locale=locale, industry=persona.industry)
    opening = customer.next(transcript, instance.arrival)
    transcript.messages.append(Message(role="customer", text=opening.text, ts=instance.arrival))
    return persona, instance, customer, transcript


def _agent_says(customer, transcript, text, after_s=5.0):
    now = transcript.messages[-1].ts + timedelta(seconds=after_s)
    transcript.messages.append(Message(role="agent", text=text, ts=now))
    turn = customer.next(transcript, now)
    if turn is not None and turn.text is not None:
        transcript.messages.append(
            Message(role="customer", text=turn.text, ts=now + timedelta(seconds=turn.delay_s))
        )
    return turn


_TYPED_ANSWERS = {
    "zh_CN": {
        "money": "一般三千到五千元左右。",
        "time": "工作日晚上七点到九点，周末全天都可以。",
        "duration": "大概三到四个月。",
        "process": "先做检查评估，然后出方案，最后再安排正式开始。",
        "credentials": "都是持证上岗的，有十年以上执业经验。",
        "coverage": "医保一般报销一部分，剩下的自费。",
        "safety": "会打麻药，术后有点酸胀，几天就好。",
        "location": "就在地铁站旁边，有电梯和停车位。",
        "outcome": "要看具体证据和情况，一般来说把握不小，但不能保证。",
        "policy": "按规定可以退款，三个工作日内给您处理。",
        "documents": "带上身份证、合同和聊天记录截图。",
        "availability": "可以的，没问题。",
        "product": "用的是进口品牌板材，环保等级E0。",
        "portfolio": "有的，可以发您一些实景案例照片。",
        "other": "这个我们有专门的同事负责，情况是这样的。",
    },
    "en_US": {
        "money": "It's usually between $3,000 and $5,000.",
        "time": "Weekday evenings from 6 to 9 pm, and Saturday mornings.",
        "duration": "Usually three to four months.",
        "process": "First an exam and assessment, then a plan, then we start.",
        "credentials": "All are licensed, with ten years of experience.",
        "coverage": "Insurance usually covers part of it; the rest is out of pocket.",
        "safety": "It's done under local anesthesia; some soreness for a few days.",
        "location": "We're next to the subway station, with an elevator and parking.",
        "outcome": "It depends on the evidence; most cases like yours go well, but no promises.",
        "policy": "Under our refund policy you get it back within 5 business days.",
        "documents": "Bring your ID, the contract and screenshots of the messages.",
        "availability": "Yes, you can, no problem.",
        "product": "We use name-brand plywood cabinets and Kohler fixtures.",
        "portfolio": "Sure, I can send you photos of past projects.",
        "other": "A colleague handles that, and here is how it works for you.",
    },
}


def _answer_for(persona, key):
    """A natural answer to the need ``key``, written from its type (never from hint phrases)."""
    need = next(n for n in persona.needs if n.key == key)
    return _TYPED_ANSWERS[persona.locale][need.types[0]]


def test_opening_is_deterministic_and_varies_by_instance(library):
    a = _start(library, index=0)[3].messages[0].text
    b = _start(library, index=0)[3].messages[0].text
    others = {_start(library, index=i)[3].messages[0].text for i in range(1, 12)}
    assert a == b
    assert len(others) > 2


def test_a_late_reply_finds_the_customer_gone(library):
    persona, _, customer, transcript = _start(library)
    turn = _agent_says(customer, transcript, "您好", after_s=persona.patience.reply_s * 2)
    assert turn.text is None
    assert turn.end is Outcome.CUSTOMER_LEFT
    assert turn.reason == "slow_reply"


def test_a_reply_within_patience_keeps_the_conversation_going(library):
    persona, _, customer, transcript = _start(library)
    turn = _agent_says(customer, transcript, "您好，请说", after_s=persona.patience.reply_s * 0.3)
    assert turn.end is None
    assert turn.act is CustomerAct.ASK


def test_asking_for_the_phone_at_once_is_refused_by_a_sceptic(library):
    _, instance, customer, transcript = _start(library)
    assert instance.trust_initial < 0.5
    turn = _agent_says(customer, transcript, "请留下您的电话号码。")
    assert turn.act is CustomerAct.REFUSE
    assert turn.meta["contact_asked"] is True
    assert turn.meta["answered_before"] == 0


def test_answering_raises_trust_until_the_customer_shares(library):
    persona, instance, customer, transcript = _start(
        library, qualified=True, needs=["fee", "chances", "timeline"]
    )
    start = customer.state.trust
    turn = _agent_says(customer, transcript, "您好，您请说。")
    assert turn.meta["need"] == "fee"
    turn = _agent_says(customer, transcript, _answer_for(persona, "fee"))
    # the answer adds per_answer; the 5-second wait costs a sliver of per_wait
    wait_cost = 2 * persona.trust.per_wait * (5 / persona.patience.reply_s) ** 2  # two 5 s waits
    assert customer.state.trust == pytest.approx(start + persona.trust.per_answer - wait_cost)
    while turn.act is not CustomerAct.ASK:  # objections and probes come and go
        turn = _agent_says(customer, transcript, "理解您的顾虑。")
    turn = _agent_says(customer, transcript, _answer_for(persona, turn.meta["need"]))
    assert customer.state.answered == 2
    turn = _agent_says(
        customer,
        transcript,
        "方便的话留个电话吗？律师明早给您回电，详细分析您的案子；不方便也没关系。",
    )
    assert turn.act is CustomerAct.SHARE_CONTACT
    assert instance.phone[-4:] in turn.text.replace(" ", "").replace("-", "")


@pytest.mark.parametrize(
    "locale, leave",
    [
        ("en_US", "Would it be okay if our attorney gives you a call first thing tomorrow?"),
        ("zh_CN", "要不要我让律师助理加您微信，明早跟您细聊？"),
    ],
)
def test_leave_to_call_is_answered_like_an_ask_for_the_number(library, locale, leave):
    """Asked leave to call or add them, a customer who trusts the agent gives the number (and
    one who does not declines): the question names no number, but agreeing means giving it."""
    _, _, customer, transcript = _start(library, locale=locale, qualified=True)
    _agent_says(customer, transcript, "Hi, go ahead." if locale == "en_US" else "您好，您请说。")
    customer.state.trust = 1.0
    turn = _agent_says(customer, transcript, leave)
    assert turn.act is CustomerAct.SHARE_CONTACT
    assert "asks_consent" in turn.meta["understood"]["acts"]

    _, _, customer, transcript = _start(library, locale=locale, qualified=True)
    _agent_says(customer, transcript, "Hi, go ahead." if locale == "en_US" else "您好，您请说。")
    customer.state.trust = 0.0
    assert _agent_says(customer, transcript, leave).act is CustomerAct.REFUSE


def test_ignoring_questions_makes_the_customer_leave(library):
    persona, _, customer, transcript = _start(library)
    _agent_says(customer, transcript, "您好")
    turns = [
        _agent_says(customer, transcript, "嗯嗯。") for _ in range(persona.patience.unanswered)
    ]
    assert turns[0].act is CustomerAct.REPEAT
    assert turns[-1].end is Outcome.CUSTOMER_LEFT
    assert turns[-1].reason == "ignored"


@pytest.mark.parametrize(
    ("locale", "deferral", "hedge"),
    [
        (
            "zh_CN",
            "这个现在真判断不了，关键看您手里有没有借条和转账记录，律师看过材料才能给您准话。",
            "这个不好说，要看具体情况。",
        ),
        (
            "en_US",
            "Honestly I can't tell you that yet. It comes down to what's in writing and whether"
            " anyone saw it happen; an attorney can give you a real read once they see the papers.",
            "Hard to say, it depends on many factors.",
        ),
    ],
)
def test_an_outcome_deferred_with_its_reasons_is_not_a_question_ignored(
    library, locale, deferral, hedge
):
    """ "Can I win?" told "can't judge yet; it turns on your papers" moves on, half credited;
    told "hard to say, it depends" asks again."""
    for reply, moves_on in ((deferral, True), (hedge, False)):
        persona, _, customer, transcript = _start(
            library, locale=locale, needs=["chances", "fee", "timeline"]
        )
        _agent_says(customer, transcript, "您好" if locale == "zh_CN" else "Hi there.")
        assert customer.state.pending == "chances"
        before = customer.state.trust
        turn = _agent_says(customer, transcript, reply)
        if moves_on:
            assert turn.act is CustomerAct.ASK and customer.state.pending != "chances"
            assert "chances" not in customer.state.open_needs
            # half an answer's credit: the writers of the reader sets call it no answer, the
            # labeller of the customer's verdicts an answer
            assert before < customer.state.trust < before + persona.trust.per_answer
            assert "deferred" in turn.meta["why"] and turn.meta["deferred_needs"] == ["chances"]
        else:
            assert turn.act is CustomerAct.REPEAT and "chances" in customer.state.open_needs


def test_asking_again_after_refusals_drives_the_customer_away(library):
    persona, _, customer, transcript = _start(library)
    turns = [
        _agent_says(customer, transcript, "您的手机号是多少？")
        for _ in range(persona.patience.refusals + 1)
    ]
    assert [t.act for t in turns[:-1]] == [CustomerAct.REFUSE] * persona.patience.refusals
    assert turns[-1].end is Outcome.CUSTOMER_DECLINED
    assert customer.state.trust < customer.instance.trust_initial


def test_english_customer_understands_english(library):
    persona, _, customer, transcript = _start(library, locale="en_US", qualified=True)
    _agent_says(customer, transcript, "Hi, how can I help?")
    key = customer.state.pending
    before = customer.state.trust
    _agent_says(customer, transcript, _answer_for(persona, key))
    assert customer.state.trust > before
    assert key not in customer.state.open_needs


@pytest.mark.parametrize(
    "persona_id", ["worried_parent", "elderly_dental_patient", "legal_client_midnight"]
)
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_instances_follow_the_spec(library, persona_id, locale):
    persona, _ = library[(persona_id, locale)]
    instances = [sample_instance(persona, i, 0) for i in range(200)]
    assert {i.arrival.hour for i in instances} <= set(persona.arrival.hours)
    assert all(persona.identity.age[0] <= i.age <= persona.identity.age[1] for i in instances)
    share = sum(i.qualified for i in instances) / len(instances)
    assert abs(share - persona.qualified) < 0.12
    assert len({i.phone for i in instances}) == 200
    assert len({i.name for i in instances}) > 150
    assert all(set(i.needs) <= {n.key for n in persona.needs} for i in instances)


def test_a_bait_price_makes_the_customer_suspicious(library):
    """ "Implants from 99" is far outside the market range: trust gains less than a real quote."""
    gains = {}
    for label, reply in (("real", "一颗大概八千到一万二。"), ("bait", "一颗只要99元！")):
        _, _, customer, transcript = _start(
            library, "elderly_dental_patient", "zh_CN", qualified=True, needs=["price", "pain"]
        )
        _agent_says(customer, transcript, "您好，您请说。")
        assert customer.state.pending == "price"
        before = customer.state.trust
        turn = _agent_says(customer, transcript, reply)
        gains[label] = customer.state.trust - before
        assert "price" not in customer.state.open_needs  # both answered the question
    assert gains["bait"] < gains["real"] - 0.02
    assert "suspicious" in turn.meta["why"]


def test_every_customer_message_says_what_it_understood_and_why(library):
    _, _, customer, transcript = _start(library, locale="en_US")
    turn = _agent_says(customer, transcript, "Hi! What would you like to know?")
    need = turn.meta["need"]
    turn = _agent_says(customer, transcript, "Our prices are very reasonable, don't worry.")
    assert turn.meta["understood"]["answers"] == []
    assert turn.meta["why"].startswith(f"asked {need}")
    assert "unanswered" in turn.meta["why"]
    assert need in turn.meta["open_needs"]


@pytest.mark.parametrize("locale", ["zh_CN", "en_US", "ja_JP"])
def test_names_are_drawn_as_faker_draws_them(locale):
    """The cached name tables give the names Faker itself gives, from the same random state."""
    from faker import Faker

    from simulator.customers import _draw_name, _faker

    ours, theirs = _faker(locale), Faker(locale)
    for seed in range(300):
        ours.seed_instance(seed)
        theirs.seed_instance(seed)
        for which in ("last_name", "first_name", "first_name"):
            assert _draw_name(ours, locale, which) == getattr(theirs, which)()
        assert ours.random.random() == theirs.random.random()


@pytest.fixture(scope="module")
def styled_run(tmp_path_factory):
    """Every persona against scripted-v2 and an agent that answers without figures, so that
    customers repeat themselves, refuse, object and leave: the acts where a careless style layer
    contradicts the customer."""
    from simulator.models import RunConfig
    from simulator.runs import run_suite

    out = tmp_path_factory.mktemp("styled")
    config = RunConfig(
        agents=["scripted-v2", "tests.agents.probes:vague_numbers"],
        baseline_agent=None,
        suite="all",
        n=10,
        seed=11,
        out=str(out),
        run_id="styled",
        report=False,
        cache=None,
    )
    directory, _ = run_suite(config)
    lines = (directory / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    return [Transcript.model_validate_json(line) for line in lines]


_CLAIMS_ASKED = {
    "en_US": re.compile(r"(?:You did not answer my question: |Sorry, but what I asked was: )(.+)$"),
    "zh_CN": re.compile(r"(?:你还没回答我：|我刚才问的是：)(.+)$"),
}


def test_customers_write_without_contradicting_themselves(styled_run):
    """No opener alone or on a goodbye ("Btw ok thanks."), no hello before a leave ("hi" then
    "I'll try someone else"), an aside once, and "You did not answer my question: X" only for a
    question the customer asked."""
    from rapidfuzz import fuzz

    from simulator.style import style_bank

    claims = 0
    for transcript in styled_run:
        bank = style_bank(transcript.locale)
        # a question's lead ("quick question", 问一下) may be a message of its own; an opener not
        openers = {o.rstrip(",，: -") for o in bank.openers} - set(bank.question_lead)
        greetings = {g for g in bank.burst_lead if g not in bank.question_lead}
        said: list[str] = []
        for message in transcript.messages:
            if message.role != "customer":
                continue
            text, act = message.text, message.meta.get("act")
            assert text.strip().rstrip(",，: -") not in openers, text
            if act not in ("ask", "probe", "burst", "open"):
                # (short ones, 那 or "So", also start what customers say anyway)
                added = [o for o in bank.openers if len(o) >= 3 and o not in ("Ok so",)]
                assert not any(text.startswith(o) for o in added), (act, text)
            if said:
                assert text.strip() not in greetings, (act, text)
            for aside in bank.fillers:
                assert sum(aside in s for s in [*said, text]) <= 1, aside
            if act == "refuse" and _DEMANDS_ANSWER.search(text):
                # "answer my question first" only after a reply that left it unanswered
                why = message.meta.get("why", "")
                assert "answered:" not in why.split("; also")[0] and "deferred" not in why, text
            if found := _CLAIMS_ASKED[transcript.locale].search(text):
                claims += 1
                question = re.sub(r"[\W_]+$", "", found.group(1))[:40]
                assert max(fuzz.partial_ratio(question, s) for s in said) >= 80, text
            said.append(text)
    assert claims >= 5  # the run did make customers repeat themselves
