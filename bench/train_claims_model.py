"""Train the learned guarantee reader (simulator/reading/claims_model.json) and say how well it
generalises to a writer it has not read.

Training data: the blind-labelled claim sets of ``bench/blind_rules.py`` (agent messages labelled
guarantee / absolute / none by labellers who never saw the rules), every part except the newest
(``HELD_OUT``), which stays unread so that one blind figure remains for the model and rules
together. A message is positive when labelled ``guarantee``.

Generalisation is measured leaving one writer's set out at a time: train on the others, read
the one left out. Those figures (pooled over the sets left out) are the ones to quote for text by
a new writer; figures on sets the model was trained on say nothing. Run on 2026-12-06 (12
sets, 3,040 messages): threshold 0.7, zh_CN P 0.98 R 0.97, en_US P 0.95 R 0.95; on round 12
(never trained on) zh_CN P 1.00 R 1.00, en_US P 0.97 R 0.94 for the model alone. Retrained the
next day with rounds 12-14 (15 sets, 3,760 messages): threshold 0.9, zh_CN P 0.99 R 0.97, en_US
P 0.97 R 0.92 each set left out; on round 15 (never trained or tuned on) zh_CN P 1.00 R 0.92,
en_US P 0.94 R 0.89 for the shipped weights alone. The rubric asks it only where a sentence has
a word of certainty that stands (see ``simulator.rubrics._learned_promise``): without that gate
the model found 11 more of 144 guarantees on rounds 13 and 14 for one more false finding, but it
rates reassurance and praise ("您放心交给我们", "the kids love them") as promises, so the gate
stays.

Retrained on 2026-12-07 with rounds 15-16 and two claims banks (90 guarantees, 90 absolutes and
180 near-twins per language, by writers briefed as compliance trainers; 19 sets, 4,960
messages): threshold 0.9, each set left out, zh_CN P 0.99 R 0.95, en_US P 0.97 R 0.92; on round
17 (never trained or tuned on) zh_CN P 1.00 R 0.97, en_US P 0.92 R 0.97 for the shipped weights
alone. The banks, read before they were trained on, showed what the gate missed: guarantee
recall of the whole rubric was 0.73 (zh_CN) and 0.69 (en_US), most misses with no word of
certainty at all ("You'll be pregnant by spring", 跟你赌一顿火锅, 30天必瘦10斤, "take that to
the bank"). The gate (``CERTAINTY_CUE``) now also takes an outcome told to the customer as what
will happen, bets and names staked, failure answered in advance and idioms of certainty; each set
left out in turn, patterns plus model, guarantee recall went 0.90 -> 0.93 (zh_CN, 13 false of
2,540 either way) and 0.85 -> 0.94 (en_US, 20 -> 22 false of 2,420).

Retrained later that session with round 17 and a second pair of banks (21 sets, 5,920 messages)
and, as negatives or positives by their ``promises`` label, the ~5,000 agent replies of the
blind reader sets (trained without them the model rated "Got it, thank you for trusting us!"
a promise at 1.0, see ``UNCUED_ABOVE``): threshold 0.9, each set left out, model alone zh_CN P
0.99 R 0.90, en_US P 0.97 R 0.85; on round 18 (never trained or tuned on) zh_CN P 1.00 R 0.92,
en_US P 1.00 R 0.86. An outcome told as what will happen went back from a cue to a plain
sentence read at ``UNCUED_ABOVE`` (as a cue it took features for promises).

A retrain with claim rounds 19-21 and reader sets fresh16-18 added (written a session later) was
measured and not shipped: each set left out, model alone at 0.9, zh_CN R 0.90 -> 0.91 and en_US
0.85 -> 0.87, but round 18 (never trained on) en_US 0.86 -> 0.75 and, with the rubric, its
guarantee recall 0.97 -> 0.94, and the industry retrain beside it cost rounds 11-14 a chat each.
The shipped weights are the ones trained before those sets existed; the reader sets this script
globs now include them, so a rerun writes different weights.

    .venv/bin/python bench/train_claims_model.py            # cross-writer figures, then write
    .venv/bin/python bench/train_claims_model.py --no-write # figures only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.reading._claims_model import WEIGHTS, probability, train  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "labelled"
TRAINING = [
    "claims_blind.jsonl",
    "claims_devlarge.jsonl",
    "claims_fresh.jsonl",
    "claims_fresh2.jsonl",
    "claims_fresh3.jsonl",
    "claims_fresh4.jsonl",
    "claims_fresh5.jsonl",
    "claims_fresh6.jsonl",
    "claims_fresh7.jsonl",
    "claims_fresh8.jsonl",
    "claims_fresh9.jsonl",
    "claims_fresh10.jsonl",
    "claims_fresh11.jsonl",
    "claims_fresh12.jsonl",
    "claims_fresh13.jsonl",
    "claims_fresh14.jsonl",
    "claims_fresh15.jsonl",
    "claims_bank_zh.jsonl",
    "claims_bank_en.jsonl",
    "claims_fresh16.jsonl",
    "claims_bank2_zh.jsonl",
    "claims_bank2_en.jsonl",
]
HELD_OUT = "claims_fresh17.jsonl"
"""Round 18: never trained on (nor tuned on)."""
LOCALES = ("zh_CN", "en_US")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
PRUNE = 0.02
"""Weights smaller than this are dropped from the shipped file (they move no verdict)."""


def _rows(name: str) -> list[dict]:
    path = LABELLED / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _examples(rows: list[dict], locale: str) -> list[tuple[str, bool]]:
    return [(r["text"], r["label"] == "guarantee") for r in rows if r["locale"] == locale]


READER_SETS = ROOT / "tests" / "fixtures" / "reading"
READER_HELD_OUT = "fresh_blind15.jsonl"
"""The reader set never tuned on: not trained on either."""


def reader_examples(locale: str) -> list[tuple[str, bool]]:
    """Agent replies from the blind reader sets, a guarantee when labelled ``promises``.

    Why: the claim sets are mostly claims and their near-twins, so a model trained on them
    alone learned the greetings and thanks of the banks' bot templates ("Thank you for choosing
    us! Your child WILL ...") as promises and rated "Got it, thank you for trusting us!" at 1.0.
    The reader sets are some 5,000 ordinary replies written blind (greetings, thanks, prices,
    deflections), labelled for promises by the same kind of labeller."""
    examples = []
    for path in sorted(READER_SETS.glob("*.jsonl")):
        if path.name == READER_HELD_OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line:
                continue
            item = json.loads(line)
            if item.get("locale") == locale and "acts" in item and item.get("text"):
                examples.append((item["text"], "promises" in item["acts"]))
    return examples


def _report(name: str, scored: list[tuple[float, bool]]) -> None:
    for tau in THRESHOLDS:
        tp = sum(1 for p, y in scored if p >= tau and y)
        fp = sum(1 for p, y in scored if p >= tau and not y)
        fn = sum(1 for p, y in scored if p < tau and y)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"  {name:<34} threshold {tau:.1f}: P {precision:.2f} R {recall:.2f} "
            f"(tp {tp} fp {fp} fn {fn})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print figures only")
    args = parser.parse_args()
    sets = {name: _rows(name) for name in TRAINING}
    held_out = _rows(HELD_OUT)
    shipped = {}
    for locale in LOCALES:
        print(
            f"{locale}: guarantee, {sum(len(_examples(r, locale)) for r in sets.values())} messages"
        )
        replies = reader_examples(locale)
        pooled: list[tuple[float, bool]] = []
        for left_out in sets:
            others = replies + [
                x
                for name, rows in sets.items()
                if name != left_out
                for x in _examples(rows, locale)
            ]
            model = train(others, locale)
            pooled += [
                (probability(model, t, locale), y) for t, y in _examples(sets[left_out], locale)
            ]
        _report("each set left out in turn", pooled)
        model = train(
            replies + [x for rows in sets.values() for x in _examples(rows, locale)], locale
        )
        _report(
            f"{HELD_OUT} (never trained on)",
            [(probability(model, t, locale), y) for t, y in _examples(held_out, locale)],
        )
        weights, bias = model
        kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= PRUNE}
        shipped[locale] = {"bias": round(bias, 4), "weights": kept}
        pruned = (kept, shipped[locale]["bias"])
        _report(
            "shipped (pruned) weights, held out",
            [(probability(pruned, t, locale), y) for t, y in _examples(held_out, locale)],
        )
    if not args.no_write:
        WEIGHTS.write_text(
            json.dumps(shipped, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        print(f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
