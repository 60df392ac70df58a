"""How well the reader tells which of a persona's needs a customer message asks about.

Used by ``salesim personas fit`` to count the questions real customers ask. The labelled
messages in tests/fixtures/questions/ were written and labelled blind (by someone who had not
seen the personas, their phrases or the cue lists) for four businesses in both locales. Items
01-15 of each file were looked at while the cue lists were written ("dev"); items 16-30 never
were ("held-out"), and are reported on their own.

    python bench/question_accuracy.py [--show-errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from simulator.reading import needs_asked
from simulator.specs import load_persona

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "questions"
PERSONA = {
    "tutoring": "worried_parent",
    "dental": "elderly_dental_patient",
    "legal": "legal_client_midnight",
    "renovation": "home_renovation",
}


def split_of(item_id: str) -> str:
    """Items 01-15 of every file were seen while tuning; 16-30 are held out."""
    return "dev" if int(item_id.rsplit("-", 1)[1]) <= 15 else "held-out"


def evaluate() -> dict[str, dict[str, dict[str, int]]]:
    """True/false positives and false negatives per split and locale, over (message, need)."""
    counts: dict[str, dict[str, dict[str, int]]] = {}
    errors: list[str] = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        business, locale = path.stem.split(".")
        persona = load_persona(ROOT / "personas" / f"{PERSONA[business]}.{locale}.yaml")
        needs = persona.need_views()
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            gold = set(item["topics"])
            got = set(needs_asked(item["text"], needs, locale))
            cell = counts.setdefault(split_of(item["id"]), {}).setdefault(
                locale, {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "n": 0}
            )
            cell["tp"] += len(gold & got)
            cell["fp"] += len(got - gold)
            cell["fn"] += len(gold - got)
            cell["exact"] += gold == got
            cell["n"] += 1
            if gold != got:
                wrong = f"gold {sorted(gold)} got {sorted(got)}"
                errors.append(f"{item['id']}: {wrong}  {item['text']}")
    if "--show-errors" in sys.argv:
        print("\n".join(errors))
    return counts


def main() -> None:
    counts = evaluate()
    print(f"{'split':10} {'locale':7} {'P':>5} {'R':>5} {'F1':>5} {'exact':>6} {'n':>4}")
    for split in ("dev", "held-out"):
        for locale, c in sorted(counts.get(split, {}).items()):
            p = c["tp"] / max(1, c["tp"] + c["fp"])
            r = c["tp"] / max(1, c["tp"] + c["fn"])
            f1 = 2 * p * r / max(1e-9, p + r)
            print(
                f"{split:10} {locale:7} {p:5.2f} {r:5.2f} {f1:5.2f} "
                f"{c['exact'] / c['n']:6.2f} {c['n']:4d}"
            )


if __name__ == "__main__":
    main()
