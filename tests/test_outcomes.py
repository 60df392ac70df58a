"""Outcomes derived from imported chats: one case per rule of :func:`derive_outcome`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from simulator.models import Message, Outcome
from simulator.outcomes import derive_outcome, should_derive

T0 = datetime(2026, 3, 11, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def chat(*messages: tuple[str, str, float]) -> list[Message]:
    """Messages from ``(role, text, seconds after T0)``."""
    return [Message(role=r, text=t, ts=T0 + timedelta(seconds=s)) for r, t, s in messages]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("messages", "lead", "expected"),
    [
        pytest.param(
            chat(
                ("customer", "种植牙多少钱", 0),
                ("agent", "留个电话？", 30),
                ("customer", "139", 60),
            ),
            True,
            (Outcome.LEAD_CAPTURED, None),
            id="lead",
        ),
        pytest.param([], False, (Outcome.ENDED_NO_LEAD, "empty"), id="empty"),
        pytest.param(
            chat(("agent", "Hi! Anything I can help with?", 0)),
            False,
            (Outcome.CUSTOMER_SILENT, "silent"),
            id="outbound-greeting-unanswered",
        ),
        pytest.param(
            chat(("customer", "在吗", 0), ("customer", "想问下矫正多少钱", 60)),
            False,
            (Outcome.NO_REPLY, "no_reply"),
            id="no-reply",
        ),
        pytest.param(
            chat(("agent", "您好", 0), ("customer", "在吗", 10), ("agent", "👍", 20)),
            False,
            (Outcome.NO_REPLY, "no_reply"),
            id="greeting-and-emoji-are-no-reply",
        ),
        pytest.param(
            chat(("customer", "洗牙多少钱？", 0), ("agent", "198元", 2100)),
            False,
            (Outcome.CUSTOMER_LEFT, "slow_reply"),
            id="slow-last-reply",
        ),
        pytest.param(
            chat(("customer", "How much?", 0), ("agent", "$399", 60), ("agent", "Any time?", 900)),
            False,
            (Outcome.CUSTOMER_SILENT, "silent"),
            id="answered-in-time-then-follow-up",
        ),
        pytest.param(
            chat(
                ("customer", "拔智齿疼吗", 0),
                ("agent", "会打麻药", 60),
                ("customer", "周末可以吗", 200),
            ),
            False,
            (Outcome.CUSTOMER_LEFT, "unanswered"),
            id="unanswered-question-zh",
        ),
        pytest.param(
            chat(
                ("customer", "Price?", 0), ("agent", "$399", 60), ("customer", "and weekends?", 99)
            ),
            False,
            (Outcome.CUSTOMER_LEFT, "unanswered"),
            id="unanswered-question-en",
        ),
        pytest.param(
            chat(("customer", "Price?", 0), ("agent", "$399", 60), ("customer", "ok thanks", 99)),
            False,
            (Outcome.ENDED_NO_LEAD, "no_lead"),
            id="customer-last-word",
        ),
    ],
)
def test_each_rule(messages, lead, expected):
    assert tuple(derive_outcome(messages, lead, sla_s=180.0)) == expected


def test_the_slow_reply_rule_uses_the_sla_it_is_given():
    messages = chat(("customer", "How much?", 0), ("agent", "$399", 200))
    assert derive_outcome(messages, False, sla_s=180.0).drop_off == "slow_reply"
    assert derive_outcome(messages, False, sla_s=300.0).drop_off == "silent"


def test_system_messages_are_ignored():
    messages = chat(("customer", "hi?", 0), ("agent", "hello", 5), ("system", "chat closed", 9))
    assert derive_outcome(messages, False, 180.0).outcome == Outcome.CUSTOMER_SILENT


@pytest.mark.parametrize(
    ("outcome", "trust", "derive"),
    [
        (None, False, True),
        ("unknown", False, True),
        ("Unknown", True, True),
        ("", True, True),
        ("customer_declined", False, False),
        ("closed_won", False, True),
        ("closed_won", True, False),
    ],
)
def test_which_input_outcomes_give_way(outcome, trust, derive):
    assert should_derive(outcome, trust) is derive
