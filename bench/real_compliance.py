"""Compliance and contact findings on real chats: precision and recall against blind labels.

The data are real Chinese online medical consultations (shared/data/zh_medical_qa, MIT licence):
each pair becomes a two-message conversation (the patient's question, then the doctor's or
clinic's answer), industry ``medical``, locale ``zh_CN``. 240 pairs were labelled by a labeller
who never saw the rules (tests/fixtures/real/zh_medical_labelled.jsonl); every third pair (by a
hash of its id) is held out of tuning and reported on its own.

Findings are compared per category, since the labeller named what an answer does, not our rule
ids: guarantee, efficacy_claim, absolute_claim, asks_contact, offers_contact, testimonial.
A customer lead is checked against the labeller's "the patient wrote their own contact".

    .venv/bin/python bench/real_compliance.py            # dev and held-out, per category
    .venv/bin/python bench/real_compliance.py --errors   # also the dev disagreements
    .venv/bin/python bench/real_compliance.py --all      # finding rates on all 7,644 pairs, and
                                                         # how many of them blind reviewers upheld
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.contacts import customer_contacts  # noqa: E402
from simulator.models import Message, Transcript  # noqa: E402
from simulator.reading import Act, acts_of  # noqa: E402
from simulator.reading._acts import promise  # noqa: E402
from simulator.rubrics import load_rubrics  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "real" / "zh_medical_labelled.jsonl"
RAW = ROOT.parent / "shared" / "data" / "zh_medical_qa" / "internal_medicine_sample.csv"
CATEGORIES = {
    "guarantee": {
        "outcome_promise",
        "medical_success_guarantee",
        "medical_painless_promise",
        "edu_guarantee",
        "legal_outcome_promise",
    },
    "efficacy_claim": {"medical_cure_rate", "medical_efficacy_claim"},
    "safety_claim": {"medical_no_side_effects"},
    "absolute_claim": {"absolute_claim"},
    "offers_contact": {"off_platform_contact"},
    "testimonial": {"medical_testimonial"},
}
"""Our rules, grouped by what a reviewer would call the finding."""
_EFFICACY = re.compile(
    r"(根治|彻底|治愈|治好|消除|清除|自愈|痊愈|摆脱|复发|反弹|反冲|病发|见效|有效率|治愈率)"
)
START = datetime(2026, 11, 24, 20, 0, tzinfo=timezone(timedelta(hours=8)))


def is_held_out(item_id: str) -> bool:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0


def conversation(item_id: str, ask: str, answer: str) -> Transcript:
    return Transcript(
        conversation_id=item_id,
        industry="medical",
        locale="zh_CN",
        started_at=START,
        messages=[
            Message(role="customer", text=ask, ts=START),
            Message(role="agent", text=answer, ts=START + timedelta(minutes=5)),
        ],
    )


def predicted(transcript: Transcript, rubrics) -> tuple[set[str], dict[str, str], bool]:
    """Categories our scorers find, their evidence, and whether the customer left a contact."""
    found: set[str] = set()
    evidence: dict[str, str] = {}
    for finding in rubrics.apply(transcript):
        for category, rules in CATEGORIES.items():
            if finding.rule in rules:
                span = promise(finding.evidence, "zh_CN") or ""
                if category == "guarantee" and _EFFICACY.search(span):
                    category = "efficacy_claim"  # a promised cure is what a reviewer calls it
                found.add(category)
                evidence.setdefault(category, f"{finding.rule}: {finding.evidence[:80]}")
    answer = transcript.messages[-1].text
    if Act.ASKS_CONTACT in acts_of(answer, "zh_CN"):
        found.add("asks_contact")
    return found, evidence, bool(customer_contacts(transcript))


def _count(counter: Counter, gold: bool, got: bool) -> None:
    counter["tp" if gold and got else "fp" if got else "fn" if gold else "tn"] += 1


def prf(c: Counter) -> tuple[float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def evaluate(show_errors: bool) -> None:
    items = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    rubrics = load_rubrics()
    # this labeller's brief had no safety category (see SAFETY_REVIEWED)
    categories = [c for c in CATEGORIES if c != "safety_claim"] + ["asks_contact"]
    parts = {"dev": Counter(), "held-out": Counter()}
    counts = {part: {c: Counter() for c in [*categories, "customer_lead"]} for part in parts}
    errors = []
    for item in items:
        part = "held-out" if is_held_out(item["id"]) else "dev"
        transcript = conversation(item["id"], item["ask"], item["answer"])
        got, evidence, lead = predicted(transcript, rubrics)
        gold = set(item["labels"]) - {"none"}
        for category in categories:
            _count(counts[part][category], category in gold, category in got)
        _count(counts[part]["customer_lead"], bool(item.get("customer_contact")), lead)
        parts[part]["n"] += 1
        got &= set(categories)
        if part == "dev" and (gold & set(categories)) != got:
            errors.append((item, got, evidence))
    print(
        f"real zh medical Q&A, {len(items)} pairs labelled blind (dev {parts['dev']['n']}, "
        f"held-out {parts['held-out']['n']})"
    )
    print(f"{'category':<16}{'dev P / R (tp fp fn)':>28}{'held-out P / R (tp fp fn)':>32}")
    for category in [*categories, "customer_lead"]:
        row = f"{category:<16}"
        for part in parts:
            c = counts[part][category]
            p, r = prf(c)
            row += f"{p:>10.2f} / {r:.2f} ({c['tp']:>2} {c['fp']:>2} {c['fn']:>2})"
        print(row)
    if show_errors:
        for item, got, evidence in errors:
            gold = set(item["labels"]) - {"none"}
            print("---", item["id"], "gold", sorted(gold), "got", sorted(got), evidence)
            print("   ", item["answer"][:240].replace("\n", " "))


def rates_on_all() -> None:
    """Findings per rule over the whole file: where precision matters most in volume."""
    rubrics = load_rubrics()
    per_rule: Counter = Counter()
    leads = 0
    with RAW.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for i, row in enumerate(rows):
        transcript = conversation(f"all-{i}", row["ask"], row["answer"])
        for rule in {f.rule for f in rubrics.apply(transcript)}:
            per_rule[rule] += 1
        leads += bool(customer_contacts(transcript))
    print(f"all {len(rows)} pairs: customer leads found {leads}")
    reviewed = _reviewed()
    for rule, n in per_rule.most_common():
        right, seen = reviewed.get(rule, (0, 0))
        print(
            f"  {rule:<30}{n:>6}  ({n / len(rows):.1%} of conversations; "
            f"reviewed blind {seen}, right {right})"
        )


REVIEWED = sorted(
    (ROOT / "tests" / "fixtures" / "real").glob("zh_medical_findings_labelled*.jsonl")
)
"""Findings our rules made on real answers, judged by blind reviewers who saw only the answers
(with unflagged answers mixed in): round 1 (120), round 2 (89) and round 3 (158: 78 answers the
first version of medical_efficacy_claim flagged, 50 unflagged answers that talk about cures,
side effects or relapse, 30 others). Round 3 was scored once (46 of 78 findings right: the first
version read diet advice, the body's own clearance and hedged or negated sentences as claims) and
then tuned on. Round 4 (91: the 10 answers the final efficacy rule flagged that no round had
seen, the 11 the new no-side-effect rule flagged, 50 unflagged answers about cures or side
effects, 20 others; the brief gained `safety_claim`) was scored once: efficacy 9 of 11 findings
right (both misses "疗效显著", since dropped), 9 of 12 labelled claims found; no side effects 10
of 11 right, 10 of 10 found."""
SAFETY_REVIEWED = {"zh_medical_findings_labelled_4.jsonl"}
"""Review rounds whose brief had the ``safety_claim`` category (earlier ones could not say it)."""


def _reviewed() -> dict[str, tuple[int, int]]:
    """Per rule, (right, reviewed) over the reviewed answers, with today's rules."""
    rubrics = load_rubrics()
    category = {rule: name for name, rules in CATEGORIES.items() for rule in rules}
    right: Counter = Counter()
    seen: Counter = Counter()
    for path in REVIEWED:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            gold = set(item["labels"])
            transcript = conversation(item["id"], item["question"], item["answer"])
            for rule in {f.rule for f in rubrics.apply(transcript)}:
                name = category.get(rule, rule)
                if name == "safety_claim" and path.name not in SAFETY_REVIEWED:
                    continue
                seen[rule] += 1
                right[rule] += name in gold or (name == "guarantee" and "efficacy_claim" in gold)
    return {rule: (right[rule], seen[rule]) for rule in seen}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list dev disagreements")
    parser.add_argument("--all", action="store_true", help="finding rates on every pair")
    args = parser.parse_args()
    evaluate(args.errors)
    if args.all:
        rates_on_all()


if __name__ == "__main__":
    main()
