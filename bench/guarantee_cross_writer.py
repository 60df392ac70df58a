"""Guarantee recall of the whole rubric on a writer it has not read: the promise structures plus
the learned guarantee reader, each blind claim set left out of the reader's training in turn.

``bench/train_claims_model.py`` scores the model alone; this scores what a user gets, the
``outcome_promise`` rule with its gates (``CERTAINTY_CUE``, ``UNCUED_ABOVE``, ``NOT_AN_OUTCOME``):
for each claim set of ``train_claims_model.TRAINING``, a model is trained on the other sets and
the reader sets' replies, and the rule reads the left-out set with it. A message counts as found
when the rule flags it (a pattern or the learned reader); false findings are rule findings on
messages labelled ``none`` or ``absolute`` (an absolute that says "guaranteed" counts here,
though the rubric is right to flag it as a claim). The held-out round is not read.

Run on 2026-12-06 (21 sets; ~3,000 messages per language), at the rule's threshold 0.9:
zh_CN patterns alone R 0.67, with the reader R 0.92, false findings 18 -> 19; en_US patterns
alone R 0.71, with the reader R 0.90, false findings 30 -> 31. Per set, the claims bank
written to avoid textbook wording stays lowest (zh_CN 0.26 -> 0.60, en_US 0.28 -> 0.49).
Rerun a session later, with that session's rules and the reader sets fresh16-18 among the
training replies: zh_CN R 0.67 -> 0.92, false findings 18 -> 19; en_US R 0.71 -> 0.90, false
findings 27 -> 28 (three fewer, from the patterns: disowned guarantees, "100% your doctor's
call"); the textbook-avoiding bank 0.26 -> 0.57 and 0.28 -> 0.50.

    .venv/bin/python bench/guarantee_cross_writer.py            # both languages
    .venv/bin/python bench/guarantee_cross_writer.py --locale en_US
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_claims_model import TRAINING, _examples, _rows, reader_examples  # noqa: E402

import simulator.rubrics as rubrics_module  # noqa: E402
from simulator.reading._claims_model import probability, train  # noqa: E402
from simulator.rubrics import example_transcript, load_rubrics  # noqa: E402

THRESHOLD = 0.9
"""The ``outcome_promise`` rule's ``learned_above``."""


def _figures(counts: Counter) -> str:
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return f"P {precision:.2f} R {recall:.2f} (false findings {counts['fp']})"


def cross_writer(locale: str) -> None:
    """Print pooled and per-set figures, patterns alone and with the learned reader."""
    rubrics = load_rubrics()
    sets = {name: [r for r in _rows(name) if r["locale"] == locale] for name in TRAINING}
    sets = {name: rows for name, rows in sets.items() if rows}
    patterns = {}
    for rows in sets.values():
        for row in rows:
            transcript = example_transcript(row["text"], locale, row.get("industry"))
            patterns[row["text"]] = any(
                f.rule == "outcome_promise" and f.kind != "learned"
                for f in rubrics.apply(transcript)
            )
    replies = reader_examples(locale)
    pooled = {"patterns": Counter(), "with reader": Counter()}
    for left_out, rows in sets.items():
        examples = replies + [
            example
            for name, others in sets.items()
            if name != left_out
            for example in _examples(others, locale)
        ]
        model = train(examples, locale)
        per_set = {"patterns": Counter(), "with reader": Counter()}
        with mock.patch.object(
            rubrics_module,
            "guarantee_probability",
            lambda text, loc, model=model: probability(model, text, loc),
        ):
            for row in rows:
                gold = row["label"] == "guarantee"
                by_pattern = patterns[row["text"]]
                learned = not by_pattern and bool(
                    rubrics_module._learned_promise.__wrapped__(row["text"], locale, THRESHOLD)
                )
                for name, got in (("patterns", by_pattern), ("with reader", by_pattern or learned)):
                    if got:
                        per_set[name]["tp" if gold else "fp"] += 1
                    elif gold:
                        per_set[name]["fn"] += 1
        for name, counts in per_set.items():
            pooled[name].update(counts)
        print(
            f"  {left_out:<26} patterns {_figures(per_set['patterns'])}, "
            f"with reader {_figures(per_set['with reader'])}"
        )
    print(
        f"{locale} pooled: patterns {_figures(pooled['patterns'])}, "
        f"with reader {_figures(pooled['with reader'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", choices=("zh_CN", "en_US"), help="only this language")
    args = parser.parse_args()
    for locale in [args.locale] if args.locale else ["zh_CN", "en_US"]:
        cross_writer(locale)


if __name__ == "__main__":
    main()
