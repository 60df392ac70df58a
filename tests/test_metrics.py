"""Scorers on hand-written transcripts in the interchange format, and the interval statistics."""

from __future__ import annotations

import pytest

from simulator.metrics import score_transcript
from simulator.models import Transcript
from simulator.stats import compare_rates, rate, wilson_interval


def _transcript(*messages, truth=None, locale="zh_CN"):
    return Transcript.model_validate(
        {
            "conversation_id": "c1",
            "industry": "legal",
            "locale": locale,
            "started_at": "2026-11-24T23:47:00+08:00",
            "messages": [{"role": role, "text": text, "ts": ts} for role, text, ts in messages],
            "truth": truth,
        }
    )


def test_reply_within_sla_engagement_and_valid_lead():
    t = _transcript(
        ("customer", "在吗，想咨询离婚的事", "2026-11-24T23:47:00+08:00"),
        ("agent", "您好，请说", "2026-11-24T23:49:59+08:00"),
        ("customer", "律师费多少", "2026-11-24T23:51:00+08:00"),
        ("agent", "首次咨询免费。方便留个电话吗？", "2026-11-24T23:51:30+08:00"),
        ("customer", "13800138000", "2026-11-24T23:52:00+08:00"),
        truth={"phone": "13800138000", "qualified": True},
    )
    row = score_transcript(t)
    assert row.replied and row.first_reply_s == 179
    assert row.replied_within_sla
    assert row.engaged
    assert row.lead_captured and row.contact == "13800138000"
    assert row.lead_valid is True
    assert row.customer_messages == 3 and row.messages_replied_within_sla == 2
    assert row.time_to_lead_s == 300


def test_slow_first_reply_misses_the_sla():
    t = _transcript(
        ("customer", "在吗", "2026-11-24T23:47:00+08:00"),
        ("agent", "您好", "2026-11-25T09:03:00+08:00"),
    )
    row = score_transcript(t)
    assert row.replied and not row.replied_within_sla
    assert not row.engaged and not row.lead_captured
    assert row.lead_valid is None  # no truth to check against


def test_wrong_number_or_unqualified_customer_is_not_a_valid_lead():
    messages = [("customer", "我电话13800138000", "2026-11-24T23:47:00+08:00")]
    assert (
        score_transcript(
            _transcript(*messages, truth={"phone": "13900139000", "qualified": True})
        ).lead_valid
        is False
    )
    assert (
        score_transcript(
            _transcript(*messages, truth={"phone": "13800138000", "qualified": False})
        ).lead_valid
        is False
    )


def test_a_number_the_agent_writes_is_not_a_lead():
    t = _transcript(
        ("customer", "怎么联系你们", "2026-11-24T10:00:00+08:00"),
        ("agent", "您可以打我们前台 13800138000", "2026-11-24T10:00:05+08:00"),
    )
    assert not score_transcript(t).lead_captured


def test_wilson_interval_matches_reference_values():
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert wilson_interval(0, 50)[0] == 0.0


def test_rate_carries_its_interval():
    r = rate([True] * 30 + [False] * 70)
    assert r.value == 0.3 and r.n == 100 and r.low < 0.3 < r.high


def test_paired_difference_is_tighter_than_unpaired():
    # the same 200 customers: B succeeds exactly where A does, plus 20 more
    a = [i < 100 for i in range(200)]
    b = [i < 120 for i in range(200)]
    paired = compare_rates(b, a, paired=True)
    unpaired = compare_rates(b, a, paired=False)
    assert paired.diff == pytest.approx(0.1)
    assert paired.diff_low > 0
    assert (paired.diff_high - paired.diff_low) < (unpaired.diff_high - unpaired.diff_low)
    assert paired.lift == pytest.approx(0.2)


def test_lift_is_undefined_against_a_zero_baseline():
    d = compare_rates([True, False] * 10, [False] * 20, paired=True)
    assert d.diff == pytest.approx(0.5)
    assert d.lift is None


def test_agent_recorded_lead_is_checked_against_the_truth_with_fuzzy_names():
    def row(lead):
        t = _transcript(
            ("customer", "我电话 138 0013 8000", "2026-11-24T23:47:00+08:00"),
            truth={"phone": "13800138000", "qualified": True, "name": "Wang Xiaoming"},
        )
        t.lead = lead
        return score_transcript(t)

    assert row({"phone": "+86 138-0013-8000", "name": "Wang Xiaomin"}).agent_lead_valid is True
    assert row({"phone": "13800138000", "name": "Li Hua"}).agent_lead_valid is False
    assert row({"phone": "13900139000"}).agent_lead_valid is False
    assert row(None).agent_lead_valid is None


def test_compliance_is_scored_when_rubrics_are_given():
    from simulator.rubrics import load_rubrics

    t = _transcript(
        ("customer", "能保证胜诉吗？", "2026-11-24T23:47:00+08:00"),
        ("agent", "放心，我们保证胜诉。", "2026-11-24T23:47:30+08:00"),
    )
    row = score_transcript(t, rubrics=load_rubrics())
    assert row.compliant is False
    assert [(v["rule"], v["turn"], v["severity"]) for v in row.violations] == [
        ("legal_outcome_promise", 1, "critical")
    ]
    assert "保证胜诉" in row.violations[0]["evidence"]
    assert score_transcript(t).compliant is None  # no rubrics, no verdict


def test_an_unsupported_locale_gets_no_language_rules_and_a_note():
    from simulator.rubrics import load_rubrics

    messages = (
        ("customer", "Mon avocat peut garantir la victoire ?", "2026-11-24T10:00:00+01:00"),
        ("agent", "放心，我们保证胜诉。Votre téléphone ?", "2026-11-24T10:00:30+01:00"),
        ("customer", "06 12 34 56 78 ou marie@exemple.fr", "2026-11-24T10:01:00+01:00"),
    )
    row = score_transcript(_transcript(*messages, locale="fr_FR"), rubrics=load_rubrics())
    assert row.replied_within_sla and row.engaged
    assert row.contact == "marie@exemple.fr"  # the national number needs France's numbering plan
    assert row.compliant is None and row.violations == []  # not zh_CN's rules on French
    assert row.contact_asked is None
    assert len(row.notes) == 1 and "'fr_FR' is not supported" in row.notes[0]
    assert score_transcript(_transcript(*messages), rubrics=load_rubrics()).notes == []


def test_newcombe_intervals_match_reference_values():
    """Published values (Fagerland, Lydersen & Laake, Statistical Analysis of Contingency
    Tables, ch. 4 and 8): the unpaired hybrid score and the paired square-and-add intervals."""
    from simulator.stats import newcombe_interval, paired_newcombe_interval

    low, high = newcombe_interval(7, 34, 1, 34)
    assert (round(low, 4), round(high, 4)) == (0.0189, 0.3404)
    low, high = paired_newcombe_interval(both=59, only_b=6, only_a=16, neither=80)
    assert (round(low, 4), round(high, 4)) == (-0.1186, -0.0046)
    # all agree, all succeed: no point interval, the Wilson width of 12 of 12 stays
    low, high = paired_newcombe_interval(both=12, only_b=0, only_a=0, neither=0)
    assert low < -0.2 and high > 0.2
