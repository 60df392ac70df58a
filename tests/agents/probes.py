"""Gaming and probe agents: each tries one way to win without serving the customer better.

The tests assert that none of them beats the natural-words agent (tests/agents/natural_words.py,
written blind), and that the orderings a real customer would produce hold: paraphrased pressure
costs, reassurance does not, latency costs progressively, an invisible reply is no reply.
"""

from __future__ import annotations

from simulator import AgentTurn, Transcript
from tests.agents import natural_words

_ASK = {
    "zh_CN": "方便的话留个电话，我们安排专人给您回电详细说，不方便也没关系。",
    "en_US": "If you're comfortable, could you share a phone number so a specialist can call you back?"
    " No pressure if not.",
}
_BLOB = {
    "zh_CN": "一对一, 每节课, 课时费, 资格证, 教龄, 周末, 晚上, 提分, 因人而异, 医保, 报销, 麻药, 不疼, "
    "检查, 拍片, 流程, 律师费, 风险代理, 胜诉, 证据, 合同, 聊天记录, 周期, 几个月, 质保, 案例",
    "en_US": "per hour, hourly rate, certified teachers, years of experience, weekends, evenings, "
    "progress report, every child is different, Medicare, insurance, anesthesia, numb, exam, "
    "x-ray, steps, consultation fee, contingency, evidence, documents, contract, timeline, months",
}


async def _natural(transcript: Transcript) -> AgentTurn:
    return await natural_words.reply(transcript)


async def keyword_blob(transcript: Transcript) -> AgentTurn:
    """A comma-separated list of topic words plus a polite contact ask with a reason."""
    locale = transcript.locale or "en_US"
    return AgentTurn(text=f"{_BLOB[locale]}. {_ASK[locale]}", latency_s=5.0)


async def faq_dump(transcript: Transcript) -> AgentTurn:
    """Every answer the natural agent has, for every topic, every turn, then a contact ask."""
    from simulator.agents import _compiled_knowledge
    from simulator.specs import data_dir

    locale = transcript.locale or "en_US"
    kb = _compiled_knowledge(
        str(data_dir("agents") / "knowledge"), transcript.industry or "", locale
    )
    entries = kb.knowledge.entries
    answers = [entry.answer[0] for entry in entries if not entry.intent.startswith("probe")]
    joiner = "" if locale == "zh_CN" else " "
    return AgentTurn(text=joiner.join(answers[:8]) + joiner + _ASK[locale], latency_s=5.0)


async def wall_of_text(transcript: Transcript) -> AgentTurn:
    """The natural agent's answer buried in 5,000 characters of filler."""
    turn = await _natural(transcript)
    zh = transcript.locale == "zh_CN"
    filler = (
        "我们机构成立多年，一直秉承客户至上的理念，服务了大量客户，口碑良好。"
        if zh
        else "Our company has served the community for many years with a focus on quality. "
    )
    pad = filler * (2500 // len(filler))
    return AgentTurn(text=pad + turn.text + pad, latency_s=turn.latency_s)


async def echo(transcript: Transcript) -> AgentTurn:
    """Repeats the customer's last message back."""
    last = transcript.last_customer_message
    return AgentTurn(text=last.text if last else "?", latency_s=5.0)


async def wrong_language(transcript: Transcript) -> AgentTurn:
    """Answers in the other language (English to Chinese customers and vice versa)."""
    if transcript.locale == "zh_CN":
        text = (
            "Thanks for your message! Our prices start at $60 an hour. Could you share your phone?"
        )
    else:
        text = "您好！我们的价格每小时两百元起，方便留个电话吗？"
    return AgentTurn(text=text, latency_s=5.0)


async def invisible(transcript: Transcript) -> AgentTurn:
    """A reply made of one zero-width space."""
    return AgentTurn(text="\u200b", latency_s=5.0)


async def pressure(transcript: Transcript) -> AgentTurn:
    """The natural agent plus urgency in words no keyword list needs to contain."""
    turn = await _natural(transcript)
    extra = (
        "这个价格周五就恢复了，今晚先定下来吧。"
        if transcript.locale == "zh_CN"
        else " This pricing ends Friday, so lock one in tonight."
    )
    return AgentTurn(text=turn.text + extra, latency_s=turn.latency_s)


async def no_hurry(transcript: Transcript) -> AgentTurn:
    """The natural agent plus reassurance."""
    turn = await _natural(transcript)
    extra = (
        "您也不用赶紧决定，慢慢考虑。"
        if transcript.locale == "zh_CN"
        else " There's no hurry, take your time."
    )
    return AgentTurn(text=turn.text + extra, latency_s=turn.latency_s)


def slow(seconds: float):
    """The natural agent, answering after ``seconds`` every time."""

    async def reply(transcript: Transcript) -> AgentTurn:
        turn = await _natural(transcript)
        return AgentTurn(text=turn.text, latency_s=seconds, lead=turn.lead)

    reply.__name__ = f"slow_{int(seconds)}"
    return reply


async def id_reader(transcript: Transcript) -> AgentTurn:
    """Tries to rebuild the hidden customer from the ids it is given, like the issue's exploit."""
    from simulator.customers import sample_instance
    from simulator.specs import data_dir, load_persona

    parts = transcript.conversation_id.split(".")
    seed = transcript.meta.get("seed")
    if len(parts) >= 4 and seed is not None:
        persona = load_persona(data_dir("personas") / f"{parts[0]}.{parts[1]}.yaml")
        instance = sample_instance(persona, int(parts[3]), int(seed))
        return AgentTurn(text=f"Is your number {instance.phone}?", latency_s=5.0)
    return await keyword_blob(transcript)


slow_30s = slow(30)
slow_150s = slow(150)
slow_300s = slow(300)
slow_600s = slow(600)

SEEN: list[Transcript] = []
"""What the recorder agent was shown, for the test that the agent's view is sealed."""


async def recorder(transcript: Transcript) -> AgentTurn:
    """Keeps a copy of every view it gets, and answers like the natural agent."""
    SEEN.append(transcript.model_copy(deep=True))
    return await _natural(transcript)


_VAGUE = {
    "zh_CN": "价格1元到10万元不等，一般需要1到100次，周期1到36个月，周一到周日0点到24点都可以，"
    "老师和医生从业1到40年都有。",
    "en_US": "Prices run anywhere from $1 to $10,000, it takes between 1 and 100 visits over 1 to 36 "
    "months, we're open Monday to Sunday 0:00-24:00, and our staff have 1 to 40 years of experience.",
}


async def vague_numbers(transcript: Transcript) -> AgentTurn:
    """Numbers of every kind that say nothing (ranges wide enough to cover any answer), plus a
    polite contact ask: information in form only."""
    locale = transcript.locale or "en_US"
    return AgentTurn(text=f"{_VAGUE[locale]} {_ASK[locale]}", latency_s=5.0)


_YES = {
    "zh_CN": "可以的，没问题！很高兴为您服务。",
    "en_US": "Yes, absolutely! Happy to help with that.",
}


async def yes_man(transcript: Transcript) -> AgentTurn:
    """A cheerful yes to every message, plus a polite contact ask: a yes answers a yes-or-no
    question, so this one is credited for those and for nothing else."""
    locale = transcript.locale or "en_US"
    return AgentTurn(text=f"{_YES[locale]} {_ASK[locale]}", latency_s=5.0)


_DEFER = {
    "zh_CN": "这个现在真不好判断，主要看您的具体资料、时间安排和预期目标，专人会跟您详细说。",
    "en_US": "Honestly I can't say yet: it depends on your records, your timing and your goals, and a"
    " specialist will go through it with you.",
}


async def deferrer(transcript: Transcript) -> AgentTurn:
    """Every question put off with what it "depends on", plus a polite contact ask: a deferral
    spares an outcome question the complaint, earns half an answer's trust there, and answers
    nothing else."""
    locale = transcript.locale or "en_US"
    return AgentTurn(text=f"{_DEFER[locale]} {_ASK[locale]}", latency_s=5.0)


_SPRAY = {
    "zh_CN": (
        "好问题！我们的标准价格是{price}元一次，每次大约{minutes}分钟，一般需要{visits}次，"
        "{weeks}周左右完成；周一到周六早{open}点到晚{close}点都可以，就在市中心地铁站旁边；"
        "医保和商业保险都能用，我们的老师和医生都持证上岗，从业{years}年以上，过程很舒适，不疼也安全。"
    ),
    "en_US": (
        "Great question! Our standard rate is ${price} a session, each about {minutes} minutes; "
        "most people need {visits} visits over about {weeks} weeks. We're open Monday to Saturday, "
        "{open}am to {close}pm, right downtown by the station. Most insurance plans are accepted, "
        "all our staff are licensed with {years}+ years of experience, and it's comfortable, "
        "painless and safe."
    ),
}


async def sprayer(transcript: Transcript) -> AgentTurn:
    """A plausible, specific figure of every kind (a price, a duration, a count, opening hours, a
    place, insurance, credentials, comfort) in every reply, whatever was asked, the figures
    changing every turn so that no reply repeats the last, and a polite contact ask once, in the
    third reply (as the natural agent asks): an answer in form to every question, to none in
    substance."""
    locale = transcript.locale or "en_US"
    turn = sum(m.role == "agent" for m in transcript.messages)
    figures = {
        "price": 80 + 20 * turn if locale == "en_US" else 300 + 100 * turn,
        "minutes": 45 + 15 * (turn % 3),
        "visits": 3 + turn,
        "weeks": 4 + 2 * turn,
        "open": 8 + turn % 2,
        "close": 6 + turn % 3 if locale == "en_US" else 8 + turn % 2,
        "years": 8 + turn,
    }
    ask = f" {_ASK[locale]}" if turn == 2 else ""
    return AgentTurn(text=_SPRAY[locale].format(**figures) + ask, latency_s=5.0)


async def ask_every_turn(transcript: Transcript) -> AgentTurn:
    """The natural agent's answers, with a polite contact ask (reason and consent) added to every
    reply that does not already ask: service, then the same request again and again."""
    from simulator.reading import acts_of

    turn = await _natural(transcript)
    locale = transcript.locale or "en_US"
    if "asks_contact" in acts_of(turn.text, locale):
        return turn
    joiner = "" if locale == "zh_CN" else " "
    return AgentTurn(
        text=turn.text + joiner + _ASK[locale], latency_s=turn.latency_s, lead=turn.lead
    )
