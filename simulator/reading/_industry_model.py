"""A learned second reader for the industry rules (home, auto, medical aesthetics, travel): one
logistic regression per rule and locale over the same n-grams as the guarantee reader
(:mod:`simulator.reading._claims_model`).

Why: every new writer words a permit dodge, a fixed price or a no-side-effects claim in ways no
earlier writer did. The industry patterns found 0.58 of the violations of a writer they had never
seen (blind round 15) and 0.16-0.34 of two banks of deliberately varied one-message violations.
Trained on the first bank (720 messages per locale), the rubrics' own flagged examples and twins,
and the agent messages of every clean labelled chat, the models read wording the patterns do not:
on the second bank, by other writers, recall went from 0.16 to 0.26 (zh_CN) and 0.34 to 0.50
(en_US) for no more twins flagged in Chinese and 3 more of 360 in English. Trained on both banks,
on round 15 (never trained or tuned on) the nine rules that use it went from recall 0.54 to 0.73
at precision 0.94 -> 0.95 (``bench/train_industry_model.py`` prints it).

Why only as a second opinion: a bag of n-grams does not see what a "not" or a question does to
the words around it ("Nothing we inject is permanent" reads to it much like "it's permanent").
So a rule asks its model (rule field ``learned_above``) only about agent messages its patterns
left unflagged, that name the rule's subject (``learned_about`` or ``promise_about``), and at a
high threshold; a rule whose violation is a claim taken back later in the chat asks it for the
claim only. The finding is ``kind: learned`` and the report asks a reader to check it. It runs
offline from a weights file in this package, deterministically.

The same file holds models for ``absolute_claim`` (advertising-law absolutes), trained on the
blind claim sets and claims banks, asked only about messages with a superlative word (最, 第一,
顶尖, 数一数二 ..., "best", "#1", "unmatched", "nobody" ...): on round 15's claims, never trained
or tuned on, Chinese absolute recall 0.83 -> 0.96 with no twin flagged. English had none while it
added one absolute for four false findings left out one set at a time; with the claims banks (90
absolutes and 180 near-twins per language) that became 16 absolutes for one false finding, and on
round 17 (never trained or tuned on) English absolute recall went 0.92 -> 1.00, none flagged
wrongly. With a second pair of claims banks (by a writer who avoided textbook wording), each set
left out in turn, English absolute recall went 0.88 -> 0.92 for no more false findings.

A third violation bank (720 messages per locale, by a writer who buried half of its violations in
ordinary messages) was scored before training on it: patterns alone 0.33 (zh_CN) and 0.37
(en_US), with the models trained on banks one and two 0.46 and 0.52 (precision 0.97-0.98).
Trained on all three and rounds 15-16 left out, the nine rules went 0.63 -> 0.79 at precision
0.93; on round 17, never trained or tuned on, 0.94 -> 0.96 at precision 0.91 -> 0.90.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from simulator.reading._claims_model import probability

WEIGHTS = Path(__file__).with_name("industry_model")
"""One JSON file per rule (``<rule id>.json``: locale -> weights and bias), read when a rule first
asks: a run of education chats reads only ``absolute_claim.json``, not 5 MB of renovation and
travel weights (loading them all cost a default run 5-7% of its speed)."""


@functools.cache
def _shipped(rule_id: str) -> dict[str, dict]:
    path = WEIGHTS / f"{rule_id}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def shipped_rules() -> dict[str, dict[str, dict]]:
    """Every shipped model, rule id -> locale -> weights and bias."""
    return {path.stem: _shipped(path.stem) for path in sorted(WEIGHTS.glob("*.json"))}


@functools.lru_cache(maxsize=65536)
def violation_probability(rule_id: str, text: str, locale: str) -> float:
    """The shipped model's probability that an agent message breaks ``rule_id`` (0.0 for a rule
    or locale it was not trained on). Cached: agents' messages repeat across a run."""
    entry = _shipped(rule_id).get(locale)
    if not entry:
        return 0.0
    return probability((entry["weights"], entry["bias"]), text, locale)
