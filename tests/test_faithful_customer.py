"""The customer rewards service, not vocabulary: orderings a real customer would produce.

The good agent (tests/agents/natural_words.py) was written blind, without reading persona files,
phrase lists or the reader; the probes (tests/agents/probes.py) each try one way to win without
serving the customer better. One small run of all of them on the whole persona library, paired
on the same customers, carries every assertion.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from simulator.models import RunConfig
from simulator.runs import run_suite

GOOD = "tests.agents.natural_words:reply"
PROBES = [
    "keyword_blob",
    "faq_dump",
    "wall_of_text",
    "echo",
    "wrong_language",
    "invisible",
    "pressure",
    "no_hurry",
    "id_reader",
    "vague_numbers",
    "yes_man",
    "deferrer",
    "sprayer",
    "ask_every_turn",
]


@pytest.fixture(scope="module")
def rates(tmp_path_factory):
    out = tmp_path_factory.mktemp("faithful")
    agents = [GOOD, "scripted-v2", *(f"tests.agents.probes:{p}" for p in PROBES)]
    config = RunConfig(
        agents=agents,
        baseline_agent=None,
        suite="all",
        n=12,
        seed=3,
        out=str(out),
        run_id="probes",
        report=False,
        cache=None,
    )
    directory, _ = run_suite(config)
    counts: dict[str, Counter] = {}
    for line in (directory / "scores.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        # keyed by attr: a module:attr agent's id is "tests.agents.probes:echo"
        c = counts.setdefault(row["agent_id"].rpartition(":")[2], Counter())
        c["n"] += 1
        c["lead"] += row["lead_captured"]
        c["reply"] += bool(row["replied_within_sla"])
        c["engaged"] += bool(row["engaged"])
        c["learned findings"] += sum(v.get("kind") == "learned" for v in row["violations"])
    return {agent: {k: v / c["n"] for k, v in c.items()} for agent, c in counts.items()}


def test_honest_agents_are_not_flagged_for_their_greetings_thanks_or_praise(rates):
    """The learned guarantee reader once rated "Got it, thank you for trusting us!" a promise (a
    bank's bot templates thanked and promised in one message): the learned readers make no
    finding on honest agents, the reference one and the one written blind in natural words.
    (The blind agent states cure rates and insurance cover, which pattern rules do flag.)"""
    assert rates["reply"]["learned findings"] == 0
    assert rates["scripted-v2"]["learned findings"] == 0


def test_the_good_agent_beats_every_gaming_agent_on_leads(rates):
    good = rates["reply"]["lead"]
    assert good >= 0.30
    for probe in (
        "keyword_blob",
        "faq_dump",
        "wall_of_text",
        "echo",
        "wrong_language",
        "invisible",
        "id_reader",
        "vague_numbers",
        "yes_man",
        "deferrer",
        "sprayer",
    ):
        assert rates[probe]["lead"] <= good / 3, (probe, rates[probe], good)


def test_paraphrased_pressure_costs_and_reassurance_does_not(rates):
    good = rates["reply"]["lead"]
    assert rates["pressure"]["lead"] <= good - 0.05, rates["pressure"]
    assert rates["no_hurry"]["lead"] >= good - 0.03, rates["no_hurry"]


def test_asking_every_turn_costs_leads(rates):
    """The same answers with a polite contact ask in every reply: asked before anything was
    answered and again after each refusal, customers refuse and leave (here 5% of leads against
    42% for asking once, on --suite all --n 20 --seed 7)."""
    assert rates["ask_every_turn"]["lead"] <= rates["reply"]["lead"] / 2, rates["ask_every_turn"]


def test_an_invisible_reply_is_no_reply(rates):
    assert rates["invisible"]["reply"] == 0.0
    assert rates["invisible"]["engaged"] == 0.0


def test_echo_and_wrong_language_engage_less_than_service(rates):
    assert rates["echo"]["lead"] == 0.0
    assert rates["wrong_language"]["engaged"] < rates["reply"]["engaged"]


def test_reference_agent_does_not_run_away_from_the_natural_one(rates):
    # scripted-v2's question recognition was written with the personas' questions in view, so it
    # may lead the blind agent (by 2 points on --suite all, n=20, seed 0); the bound keeps the
    # gap from widening.
    assert rates["scripted-v2"]["lead"] - rates["reply"]["lead"] <= 0.12


@pytest.mark.parametrize("factor", [0.3, 0.9, 1.4])
def test_latency_costs_progressively(tmp_path, factor):
    """Replies at 0.3x, 0.9x and 1.4x the legal client's patience: leads fall step by step."""
    pytest.importorskip("simulator.customers")
    from simulator.customers import ScriptedCustomer, sample_instance
    from simulator.specs import load_persona_library

    persona, _ = load_persona_library()[("legal_client_midnight", "en_US")]
    gone = 0
    for index in range(200):
        customer = ScriptedCustomer(persona, sample_instance(persona, index, 0))
        if customer._gives_up_waiting(persona.patience.reply_s * factor):
            gone += 1
    expected = {0.3: (0, 5), 0.9: (60, 140), 1.4: (190, 200)}[factor]
    assert expected[0] <= gone <= expected[1], gone


def test_slower_replies_cost_leads_step_by_step(tmp_path):
    """The same good agent answering after 30 s, 150 s, 300 s and 600 s: a midnight legal client
    (patience 300 s) leaves more often the longer it waits, without a cliff at one value."""
    agents = [f"tests.agents.probes:slow_{s}s" for s in (30, 150, 300, 600)]
    config = RunConfig(
        agents=agents,
        baseline_agent=None,
        personas=["legal_client_midnight"],
        n=40,
        seed=5,
        out=str(tmp_path),
        run_id="slow",
        report=False,
        cache=None,
    )
    directory, _ = run_suite(config)
    leads: Counter = Counter()
    for line in (directory / "scores.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        leads[row["agent_id"].rpartition(":")[2]] += row["lead_captured"]
    rates = [leads[f"slow_{s}s"] for s in (30, 150, 300, 600)]
    assert rates[0] > rates[1] > rates[2] >= rates[3], rates
    assert rates[1] >= rates[0] / 3  # half its patience, every time, still keeps many customers


def test_the_agent_sees_an_opaque_id_and_nothing_of_the_customer(tmp_path):
    from tests.agents import probes

    probes.SEEN.clear()
    config = RunConfig(
        agents=["tests.agents.probes:recorder"],
        baseline_agent=None,
        personas=["worried_parent"],
        n=3,
        out=str(tmp_path),
        run_id="seal",
        report=False,
        cache=None,
    )
    directory, _ = run_suite(config)
    assert probes.SEEN
    for view in probes.SEEN:
        assert view.conversation_id.startswith("c-")
        assert "worried_parent" not in view.conversation_id and ".s0." not in view.conversation_id
        assert view.persona_id is None and view.truth is None and view.meta == {}
        assert all(m.meta == {} for m in view.messages)  # no customer annotations either
        assert view.industry == "education" and view.locale in ("zh_CN", "en_US")
    lines = (directory / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    stored = [json.loads(line) for line in lines]
    assert all(t["conversation_id"].startswith("worried_parent.") for t in stored)


def test_shipped_personas_share_no_answer_phrase_with_the_reference_knowledge():
    """The circularity the issue found (225 of 228 hint phrases copied from scripted-v2's
    knowledge) must not come back: persona hints may exist, but never in the agent's words."""
    from simulator.specs import data_dir, load_persona_library

    knowledge = " ".join(
        path.read_text(encoding="utf-8").lower()
        for path in (data_dir("agents") / "knowledge").glob("*.yaml")
    )
    shared = [
        (key, need.key, hint)
        for key, (persona, _) in load_persona_library().items()
        for need in persona.needs
        for hint in need.answered_by
        if hint.lower() in knowledge
    ]
    assert shared == []
