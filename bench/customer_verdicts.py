"""Does the simulated customer think a reply answered its question when a person would?

233 moments from simulated conversations with two agents written blind, outside this repository's
vocabulary (``tests/agents/plain_words.py`` and ``tests/agents/natural_words.py``): the customer's
message(s), the agent's reply, the need the customer was waiting on, and whether the customer
took it as answered in the run (``in_run``). A blind labeller (a helper session that saw only
the customer's words and the reply, never the reader, personas or verdicts) said whether the
reply answers the question (``answered``). Half the moments per agent and locale are ones the
customer took as answered, half not, so the figures weigh both kinds of mistake.

This prints, per agent and locale, the agreement of the rules reader (as the customer reads the
same reply now) with the labeller, and of the recorded in-run verdicts (the reader of
2026-12-07, before the changes this set prompted). The set was read and tuned on when it was
made: it is a development set, not a held-out one.

Where they still disagree (2026-12-07): of natural_words' 24 zh_CN replies the labeller took as
answers and the customer did not, 12 answer "will I win?" with what the case turns on and no
verdict (现在还判断不了…主要看三点…), which most writers of the reader sets count as no answer and
the reader follows (the labeller's brief named "it depends on X, but most cases like yours…" as
an answer, which leaned it), 8 give a fee structure without a figure (按件收费，诉讼按阶段收费) to
"你们律师费怎么收？有价目表吗？" (crediting a fee structure when the customer asks how a fee is
charged was tried on 2026-12-07 and reverted: eight writers of the reader sets label exactly
such replies no answer, fresh, fresh7, 9, 60, 66, 79, 83 and 84, and none labels one an
answer), and 3 described the test drive (带上驾驶证就行) to
"能试驾吗？" (read as a yes since).
The customer's remaining false answers are mostly a price list that leaves out the item asked
about ("How much is a chemical peel?"); for dental items such a list answers nothing since
2026-12-07. Since the eighth session of 2026-12-07 the customer no
longer takes the "will I win?" replies for a question ignored: a verdict declined with what it
turns on is *deferred* (half an answer's credit, no complaint; the last line counts them).

    .venv/bin/python bench/customer_verdicts.py [--errors]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from simulator.reading import ReadContext, RulesReader
from simulator.specs import load_persona

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "verdicts" / "independent_agents.jsonl"


def _figures(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(got and gold for got, gold in pairs)
    fp = sum(got and not gold for got, gold in pairs)
    fn = sum(gold and not got for got, gold in pairs)
    agree = sum(got == gold for got, gold in pairs) / len(pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"agree {agree:.2f}  P {precision:.2f} R {recall:.2f} F1 {f1:.2f}  (fp {fp:2d} fn {fn:2d})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the disagreements")
    args = parser.parse_args()
    reader = RulesReader()
    items = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line]
    now: dict[str, bool] = {}
    deferred: set[str] = set()
    for item in items:
        persona = load_persona(ROOT / "personas" / f"{item['persona']}.{item['locale']}.yaml")
        context = ReadContext(
            locale=item["locale"],
            needs=persona.need_views(),
            asked=item["asked"],
            customer_text=item["customer"].replace(" / ", " "),
        )
        reading = reader.read(item["reply"], context)
        now[item["id"]] = item["asked"] in reading.answers
        if reading.deferred == item["asked"]:
            deferred.add(item["id"])
    groups = [("all", items)] + [
        (f"{agent} {locale}", [i for i in items if i["agent"] == agent and i["locale"] == locale])
        for agent in ("plain_words", "natural_words")
        for locale in ("zh_CN", "en_US")
    ]
    print(f"customer verdicts against a blind labeller, {len(items)} replies of two blind agents")
    for name, group in groups:
        recorded = _figures([(i["in_run"], i["answered"]) for i in group])
        current = _figures([(now[i["id"]], i["answered"]) for i in group])
        print(f"{name:20s} n={len(group):3d}  in run: {recorded}   reader now: {current}")
    called = sum(i["answered"] for i in items if i["id"] in deferred)
    print(
        f"deferred (half credit, no complaint): {len(deferred)} replies, {called} of them answers"
        " to the labeller"
    )
    if args.errors:
        for item in items:
            if now[item["id"]] != item["answered"]:
                kind = "FP" if now[item["id"]] else "FN"
                print(
                    f"{kind} {item['id']} {item['agent']} {item['asked']}: {item['customer'][-60:]}"
                )
                print(f"     {item['reply'][:200]!r}")


if __name__ == "__main__":
    main()
