"""The persona library (issue 7): breadth, data consistency with the reference agents' knowledge,
and one behaviour test per archetype: the outcome its design implies actually happens."""

from __future__ import annotations

import itertools
import json
import string

import pytest

from simulator.agents import _compiled_knowledge
from simulator.models import RunConfig
from simulator.rubrics import example_transcript, load_rubrics
from simulator.runs import run_suite
from simulator.specs import data_dir, load_knowledge, load_persona_library
from simulator.text import normalize

NEW_ARCHETYPES = (
    "home_renovation",
    "car_buyer",
    "aesthetics_first_timer",
    "price_shopper",
    "competitor_probe",
    "adult_learner_night",
    "unhappy_former_customer",
    "remote_parent_dental_check",
)
CAPTURED_BY_ANSWERING = (
    "home_renovation",
    "car_buyer",
    "aesthetics_first_timer",
    "remote_parent_dental_check",
)
"""Sale customers who leave a contact once their questions are answered, not when pushed."""
DAY_ARCHETYPES = (
    "remote_parent_dental_check",
    "unhappy_former_customer",
    "price_shopper",
    "competitor_probe",
)
"""Archetypes that mostly write while a human team is on duty."""
REFERENCE_AGENTS = ("scripted-v2", "scripted-v1", "human")
KNOWLEDGE = sorted((data_dir("agents") / "knowledge").glob("*.yaml"))


@pytest.fixture(scope="module")
def library():
    return load_persona_library()


@pytest.fixture(scope="module")
def library_run(tmp_path_factory):
    """Every new archetype, both locales, against v2, v1 and the human baseline (fixed seed)."""
    config = RunConfig(
        agents=["scripted-v2", "scripted-v1"],
        baseline_agent="human",
        personas=list(NEW_ARCHETYPES),
        n=40,
        seed=7,
        out=str(tmp_path_factory.mktemp("library")),
        run_id="library",
    )
    return run_suite(config)


def _metric(summary, agent, persona, metric):
    """Successes and n of ``metric`` for ``persona`` (both locales pooled) and ``agent``."""
    groups = [
        group
        for key, group in summary["agents"][agent]["by_persona"].items()
        if key.startswith(persona + "/")
    ]
    assert groups, (agent, persona)
    return sum(g[metric]["successes"] for g in groups), sum(g[metric]["n"] for g in groups)


def _rate(summary, agent, persona, metric):
    successes, n = _metric(summary, agent, persona, metric)
    return successes / n


# --- the library --------------------------------------------------------------------------------


def test_every_archetype_has_both_locales_and_the_library_is_broad(library):
    archetypes = {persona_id for persona_id, _ in library}
    for persona_id in archetypes:
        for locale in ("zh_CN", "en_US"):
            assert (persona_id, locale) in library, f"{persona_id} has no {locale} file"
    assert set(NEW_ARCHETYPES) <= archetypes
    assert len(archetypes) >= 11
    industries = {persona.industry for persona, _ in library.values()}
    assert len(industries) >= 6, industries
    for persona_id in archetypes:
        zh, en = library[(persona_id, "zh_CN")][0], library[(persona_id, "en_US")][0]
        assert (zh.industry, zh.intent) == (en.industry, en.intent), persona_id
        assert [n.key for n in zh.needs] == [n.key for n in en.needs], persona_id


def test_archetypes_that_are_not_leads_say_so(library):
    for locale in ("zh_CN", "en_US"):
        price, _ = library[("price_shopper", locale)]
        assert price.behaviour.never_share == 1.0 and price.qualified <= 0.3
        probe, _ = library[("competitor_probe", locale)]
        assert probe.intent == "spam" and probe.qualified == 0.0
        assert probe.behaviour.never_share == 1.0
        complaint, _ = library[("unhappy_former_customer", locale)]
        assert complaint.intent == "complaint" and complaint.qualified == 0.0
        night, _ = library[("adult_learner_night", locale)]
        assert set(night.arrival.hours) <= {22, 23, 0, 1}
        assert 600 <= night.patience.reply_s <= 900


def _expansions(template: str, details: dict[str, list[str]]) -> list[str]:
    """The template as written and filled with every combination of its detail slots."""
    slots = sorted(
        {name for _, name, _, _ in string.Formatter().parse(template) if name in details}
    )
    identity = {"name": "N", "surname": "S", "first": "F", "city": "C", "age": "40"}
    filled = [
        template.format_map({**identity, **dict(zip(slots, combo, strict=True))})
        for combo in itertools.product(*(details[slot] for slot in slots))
    ]
    return [template, *filled]


READER_GAPS = {
    # The reader is not fitted to scripted-v2: these of its answers carry no information the
    # typed recognisers find (discounts without an amount, trade-in and test-drive answers that
    # describe a procedure, complaint answers that promise a review). Known, measured gaps.
    ("car_buyer", "zh_CN"),
    ("car_buyer", "en_US"),
    ("unhappy_former_customer", "zh_CN"),
}


@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
@pytest.mark.parametrize("persona_id", NEW_ARCHETYPES)
def test_each_question_gets_its_own_answer_in_the_agents_two(library, persona_id, locale, request):
    if (persona_id, locale) in READER_GAPS:
        request.applymarker(pytest.mark.xfail(reason="known reader gap", strict=True))
    """Stricter than test_specs: the answering entry is among the first two matches (the agent
    uses at most two per reply, in file order), also with the persona's details filled in."""
    persona, path = library[(persona_id, locale)]
    kb = _compiled_knowledge(
        str(data_dir("agents") / "knowledge"), persona.industry, persona.locale
    )
    from simulator.reading import ReadContext, read

    misses, total = [], 0
    for need in persona.needs:
        for template in need.ask:
            for ask in _expansions(template, persona.details):
                used = kb.match(normalize(ask))[:2]
                assert used, f"{path.name}: {ask!r} matches no knowledge entry"
                context = ReadContext(
                    locale=locale, needs=persona.need_views(), asked=need.key, customer_text=ask
                )
                total += 1
                if not any(
                    all(need.key in read(a, context).answers for a in entry.answer)
                    for entry in used
                ):
                    misses.append(f"{ask!r} -> {[e.intent for e in used]} ({need.key})")
    # the reader is not fitted to the reference agent: most, not all, of its answers are read
    assert len(misses) <= total * 0.25, f"{path.name}: " + "; ".join(misses)


@pytest.mark.parametrize("path", KNOWLEDGE, ids=lambda p: p.name)
def test_every_knowledge_line_is_compliant(path):
    rubrics = load_rubrics()
    knowledge = load_knowledge(path)
    lines = [
        *knowledge.greeting,
        *(answer for entry in knowledge.entries for answer in entry.answer),
        *knowledge.fallback,
        *knowledge.ask_contact,
        *knowledge.after_refusal,
        *knowledge.confirm_lead,
        *knowledge.closing,
        *knowledge.invite_more,
    ]
    for line in lines:
        transcript = example_transcript(line, knowledge.locale, knowledge.industry)
        findings = rubrics.apply(transcript)
        assert not findings, (line, [(f.rule, f.evidence) for f in findings])
    for line in knowledge.ask_contact_bare:  # asking with no purpose is what v1 is for
        findings = rubrics.apply(example_transcript(line, knowledge.locale, knowledge.industry))
        assert {f.rule for f in findings} <= {"contact_without_purpose"}, line


# --- behaviour: the outcome each archetype's design implies ------------------------------------


def test_price_shopper_never_gives_a_contact_to_any_reference_agent(library_run):
    _, summary = library_run
    for agent in REFERENCE_AGENTS:
        assert _metric(summary, agent, "price_shopper", "lead_capture")[0] == 0, agent
    # the right outcome is a polite answer: v2 replies to every one of them, compliantly
    assert _rate(summary, "scripted-v2", "price_shopper", "reply_rate") >= 0.95
    assert _rate(summary, "scripted-v2", "price_shopper", "compliance") == 1.0


def test_competitor_probe_is_never_a_lead(library_run):
    _, summary = library_run
    for agent in REFERENCE_AGENTS:
        assert _metric(summary, agent, "competitor_probe", "lead_capture")[0] == 0, agent
        assert _metric(summary, agent, "competitor_probe", "valid_lead")[0] == 0, agent


def test_night_learner_is_lost_by_the_human_baseline(library_run):
    """The learner writes at 22:00-01:59: only the 22:00 hour falls in the human's shift; after
    it, the night on-call takes half the chats and notices them late."""
    _, summary = library_run
    human = _rate(summary, "human", "adult_learner_night", "reply_rate")
    v2 = _rate(summary, "scripted-v2", "adult_learner_night", "reply_rate")
    assert human <= 0.5 and v2 >= 0.9, (human, v2)
    human_lead = _rate(summary, "human", "adult_learner_night", "lead_capture")
    v2_lead = _rate(summary, "scripted-v2", "adult_learner_night", "lead_capture")
    assert v2_lead >= 0.3 and human_lead <= v2_lead - 0.15, (human_lead, v2_lead)
    for day in DAY_ARCHETYPES:
        by_day = _rate(summary, "human", day, "reply_rate")
        assert by_day >= human + 0.25, (day, by_day, human)


@pytest.mark.parametrize("persona_id", CAPTURED_BY_ANSWERING)
def test_answering_first_captures_more_than_asking_first(library_run, persona_id):
    _, summary = library_run
    v2 = _rate(summary, "scripted-v2", persona_id, "lead_capture")
    v1 = _rate(summary, "scripted-v1", persona_id, "lead_capture")
    assert v2 >= 0.3 and v2 - v1 >= 0.2, (persona_id, v1, v2)


def test_a_complaint_is_never_a_valid_lead_even_with_a_number(library_run):
    directory, summary = library_run
    for agent in REFERENCE_AGENTS:
        assert _metric(summary, agent, "unhappy_former_customer", "valid_lead")[0] == 0, agent
    # some do leave a number for a callback about the complaint: that is what must not count
    shared = 0
    with (directory / "transcripts.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            transcript = json.loads(line)
            if transcript["persona_id"] != "unhappy_former_customer":
                continue
            shared += any(
                m["meta"].get("act") == "share_contact"
                for m in transcript["messages"]
                if m["role"] == "customer"
            )
    assert shared >= 5
