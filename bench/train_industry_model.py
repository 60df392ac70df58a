"""Train the learned industry reader (simulator/reading/industry_model/) and say how much it
adds to the industry patterns on writers it has not read.

Training data, per industry rule and locale:

- the blind violation banks (``industry_bank*_zh.jsonl``, ``industry_bank*_en.jsonl``: two
  writers per locale, each 30 varied one-message violations and 30 near-twins per rule, written
  by labellers who never saw the rules); a message is positive for its own rule, negative for
  the other rules of its industry;
- every rule's own flagged examples and compliant twins (``rubrics/*.yaml``);
- the agent messages of every clean chat (no violation) in the blind industry chat sets, as
  negatives for the rules of the chat's industry, except the newest set (``HELD_OUT``), which is
  never trained on.

Two figures, both on chats (a rule is found in a chat when a pattern or, with the model, any
agent message naming the rule's subject reaches the threshold):

1. rounds 16 and 17 left out of training (``LATER``; their patterns were never tuned on them);
2. ``HELD_OUT`` (round 18), never trained or tuned on, with the current patterns.

Run on 2026-12-06, figures for the nine rules that use the models (rules set ``learned_above``):
round 15, patterns alone P 0.94 R 0.54, with the shipped models at 0.9 P 0.95 R 0.73; rounds
13-14, patterns alone P 0.96 R 0.81, with models trained without them P 0.95 R 0.89. Before the
second bank was written, a model trained on the first alone lifted that second bank's recall from
0.16 to 0.26 (zh_CN) and 0.34 to 0.50 (en_US), and, with the patterns of commit 9e3aad6 (before
rounds 13-14 were tuned on), rounds 13-14 from 0.68 to 0.77 over all twelve rules.

Run on 2026-12-07 with a third bank (``industry_bank3_*``, scored before it was trained on:
patterns alone R 0.33 zh_CN / 0.37 en_US, with the models of banks one and two 0.46 / 0.52):
rounds 15-16 left out, patterns alone P 0.93 R 0.63, with the models at 0.9 P 0.93 R 0.79; round
17 (never trained or tuned on) patterns alone P 0.91 R 0.94, with the shipped models at 0.9 P
0.90 R 0.96. Round 17's claims, absolute recall with the model: zh_CN 0.96 -> 1.00, en_US 0.92 ->
1.00, no false finding.

Run again the same session with a fourth bank (``industry_bank4_*``, by writers briefed to find
wording a rule-writer would not think of; scored before it was trained on: patterns alone R
0.19 zh_CN / 0.31 en_US, with the models of banks one to three 0.35 / 0.42), rounds 16-17 left
out: patterns alone P 0.91 R 0.84, with the models at 0.9 P 0.92 R 0.93; round 18 (never
trained or tuned on): patterns alone P 1.00 R 0.88, with the shipped models at 0.9 P 1.00 R
0.96.

    .venv/bin/python bench/train_industry_model.py            # figures, then write the weights
    .venv/bin/python bench/train_industry_model.py --no-write # figures only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from train_claims_model import _rows  # noqa: E402

from simulator.models import Transcript  # noqa: E402
from simulator.reading._claims_model import probability, train  # noqa: E402
from simulator.reading._industry_model import WEIGHTS  # noqa: E402
from simulator.rubrics import _learned_violation, example_transcript, load_rubrics  # noqa: E402
from simulator.specs import read_yaml  # noqa: E402

BANKS = [
    "industry_bank_zh.jsonl",
    "industry_bank_en.jsonl",
    "industry_bank2_zh.jsonl",
    "industry_bank2_en.jsonl",
    "industry_bank3_zh.jsonl",
    "industry_bank3_en.jsonl",
    "industry_bank4_zh.jsonl",
    "industry_bank4_en.jsonl",
]
CHATS = [
    "industry_blind.jsonl",
    "industry_devlarge.jsonl",
    *(f"industry_fresh{n}.jsonl" for n in ["", *range(2, 17)]),
]
LATER = ["industry_fresh15.jsonl", "industry_fresh16.jsonl"]
"""Rounds 16 and 17 (never tuned on): left out of training for the first figure."""
HELD_OUT = "industry_fresh17.jsonl"
"""Round 18: never trained on, nor tuned on."""
CLAIM_SETS = (
    [f"claims_{name}.jsonl" for name in ("blind", "devlarge", "fresh")]
    + [f"claims_fresh{n}.jsonl" for n in range(2, 17)]
    + [f"claims_{bank}_{lang}.jsonl" for bank in ("bank", "bank2") for lang in ("zh", "en")]
)
CLAIMS_HELD_OUT = "claims_fresh17.jsonl"
"""Round 18's claims: never trained or tuned on."""
ABSOLUTE_LOCALES = ("zh_CN", "en_US")
"""The advertising-law absolutes get a model in both languages. In English it was left out until
the claims banks were written: left out one claim set at a time it added 1 absolute for 4 false
findings over the patterns; with the first claims banks, 16 absolutes for 1 false finding (of
505); with the second ones too (their writer avoided textbook wording), recall 0.88 -> 0.92 for
no more false findings (of 619), the subject narrowed to "the most", "better than", "the first"
after "most dental plans cover two a year" read as a boast."""
THRESHOLDS = (0.7, 0.8, 0.9, 0.95)
PRUNE = 0.15
"""Weights smaller than this are dropped from the shipped file (they move no verdict)."""


def _examples(left_out: list[str]) -> dict[tuple[str, str], list[tuple[str, bool]]]:
    """Training examples per (rule, locale)."""
    bank = [row for name in BANKS for row in _rows(name)]
    rules_of: dict[str, set[str]] = defaultdict(set)
    for row in bank:
        rules_of[row["industry"]].add(row["rule"])
    examples: dict[tuple[str, str], list[tuple[str, bool]]] = defaultdict(list)
    for row in bank:
        for rule in sorted(rules_of[row["industry"]]):
            positive = row["label"] == "violation" and row["rule"] == rule
            examples[rule, row["locale"]].append((row["text"], positive))
    for path in sorted((ROOT / "rubrics").glob("*.yaml")):
        for rule in (read_yaml(path) or {}).get("rules", []):
            for locale, kinds in (rule.get("examples") or {}).items():
                if (rule["id"], locale) not in examples:
                    continue
                for text in kinds.get("flag", []):
                    if isinstance(text, str):
                        examples[rule["id"], locale].append((text, True))
                for text in kinds.get("ok", []):
                    if isinstance(text, str):
                        examples[rule["id"], locale].append((text, False))
    for name in CHATS:
        if name in left_out:
            continue
        for chat in _rows(name):
            if chat["labels"]["violations"]:
                continue  # which message broke the rule is not labelled, only that one did
            for message in chat["messages"]:
                if message["role"] != "agent":
                    continue
                for rule in sorted(rules_of[chat["industry"]]):
                    examples[rule, chat["locale"]].append((message["text"], False))
    return examples


def _learned(models: dict) -> Callable[[str, str, str], float]:
    """The probability function the rubric's learned check takes, from freshly trained models."""
    return lambda rule_id, text, locale: probability(models[rule_id, locale], text, locale)


def _score(models: dict, sets: list[str]) -> None:
    """Patterns alone, and patterns plus models at each threshold, on the chats of ``sets``; the
    models are asked as the rubric asks them (``simulator.rubrics._learned_violation``)."""
    rubrics = load_rubrics()
    # (a rule whose violation is a claim taken back later in the chat, such as a price whose
    # conditions come two messages on, asks its model only for the claim and still needs the
    # patterns' take-back, which a message-level score cannot show: those rules are left out here)
    asks = {r.id: r for r in rubrics.rules if r.learned_above is not None and r.claim_rule is None}
    learned = _learned(models)
    counts = {t: Counter() for t in ("patterns", *THRESHOLDS)}
    for name in sets:
        for chat in _rows(name):
            gold = set(chat["labels"]["violations"])
            transcript = Transcript.model_validate({k: v for k, v in chat.items() if k != "labels"})
            found = {f.rule for f in rubrics.apply(transcript) if f.kind != "learned"}
            locale = chat["locale"]
            agent = [m["text"] for m in chat["messages"] if m["role"] == "agent"]
            for rule_id, rule in asks.items():
                if (rule_id, locale) not in models or rule_id.split("_")[0] not in _PREFIX.get(
                    chat["industry"], ()
                ):
                    continue
                for key, c in counts.items():
                    got = rule_id in found or (
                        key != "patterns"
                        and any(
                            _learned_violation(rule, text, locale, learned, key) for text in agent
                        )
                    )
                    if got:
                        c["tp" if rule_id in gold else "fp"] += 1
                    elif rule_id in gold:
                        c["fn"] += 1
    for key, c in counts.items():
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        label = "patterns alone" if key == "patterns" else f"patterns + models at {key}"
        print(f"  {label:<28} P {p:.2f} R {r:.2f} (tp {c['tp']} fp {c['fp']} fn {c['fn']})")


_PREFIX = {
    "home": ("home",),
    "auto": ("auto",),
    "medical_aesthetics": ("aesthetics",),
    "travel": ("travel",),
}


def _absolute_examples(sets: list[str]) -> dict[tuple[str, str], list[tuple[str, bool]]]:
    """``absolute_claim`` examples: the blind claim sets (labelled absolute or not) and the
    rule's own examples."""
    examples: dict[tuple[str, str], list[tuple[str, bool]]] = defaultdict(list)
    for name in sets:
        for row in _rows(name):
            if row["locale"] in ABSOLUTE_LOCALES:
                examples["absolute_claim", row["locale"]].append(
                    (row["text"], row["label"] == "absolute")
                )
    for rule in (read_yaml(ROOT / "rubrics" / "general.yaml") or {}).get("rules", []):
        if rule["id"] != "absolute_claim":
            continue
        for locale in ABSOLUTE_LOCALES:
            kinds = rule["examples"][locale]
            examples["absolute_claim", locale] += [(t, True) for t in kinds["flag"]]
            examples["absolute_claim", locale] += [(t, False) for t in kinds["ok"]]
    return examples


def _score_absolutes(models: dict, name: str) -> None:
    """A held-out claim set: absolute recall and twins flagged, patterns alone and with the
    model."""
    rubrics = load_rubrics()
    rule = next(r for r in rubrics.rules if r.id == "absolute_claim")
    for locale in ABSOLUTE_LOCALES:
        c = {"patterns alone": Counter(), "with the model": Counter()}
        for row in _rows(name):
            if row["locale"] != locale:
                continue
            transcript = example_transcript(row["text"], locale, row["industry"])
            found = {f.rule: f.kind for f in rubrics.apply(transcript)}
            patterns = found.get("absolute_claim") == "pattern"
            learned = not patterns and bool(
                _learned_violation(rule, row["text"], locale, _learned(models), 0.9)
            )
            gold = row["label"] == "absolute"
            both = patterns or learned
            for label, got in (("patterns alone", patterns), ("with the model", both)):
                if got:
                    c[label]["tp" if gold else "fp"] += 1
                elif gold:
                    c[label]["fn"] += 1
        for label, k in c.items():
            r = k["tp"] / max(1, k["tp"] + k["fn"])
            print(f"  {name} {locale} absolute, {label:<15} R {r:.2f} (fp {k['fp']})")


def _train(left_out: list[str]) -> dict[tuple[str, str], tuple[dict[str, float], float]]:
    return {key: train(rows, key[1]) for key, rows in sorted(_examples(left_out).items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print figures only")
    args = parser.parse_args()
    print(f"rounds 16 and 17 ({', '.join(LATER)}) left out of training:")
    _score(_train([*LATER, HELD_OUT]), LATER)
    models = _train([HELD_OUT])
    print(f"{HELD_OUT} (round 18), never trained or tuned on:")
    _score(models, [HELD_OUT])
    absolutes = _absolute_examples(CLAIM_SETS)
    models.update({key: train(rows, key[1]) for key, rows in sorted(absolutes.items())})
    print(f"{CLAIMS_HELD_OUT} (round 18's claims), never trained or tuned on:")
    _score_absolutes(models, CLAIMS_HELD_OUT)
    shipped: dict[str, dict[str, dict]] = defaultdict(dict)
    pruned = {}
    for (rule, locale), (weights, bias) in models.items():
        kept = {f: round(w, 2) for f, w in sorted(weights.items()) if abs(w) >= PRUNE}
        shipped[rule][locale] = {"bias": round(bias, 3), "weights": kept}
        pruned[rule, locale] = (kept, round(bias, 3))
    print(f"{HELD_OUT} with the shipped (pruned) weights:")
    _score(pruned, [HELD_OUT])
    if not args.no_write:
        WEIGHTS.mkdir(exist_ok=True)
        for stale in WEIGHTS.glob("*.json"):
            stale.unlink()
        for rule, by_locale in sorted(shipped.items()):
            (WEIGHTS / f"{rule}.json").write_text(
                json.dumps(by_locale, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )
        size = sum(path.stat().st_size for path in WEIGHTS.glob("*.json"))
        print(f"wrote {WEIGHTS}/ ({len(shipped)} rules, {size // 1024} KiB)")


if __name__ == "__main__":
    main()
