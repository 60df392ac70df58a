"""How varied are the customers of one archetype? distinct-2 and repeated messages.

For each archetype and locale, simulates 1,000 conversations with scripted-v2 twice: "before"
with the writing traits and bursts switched off (every customer of the archetype writes in the
same plain style, as in salesim's first version), and "after" as shipped. Prints, over the
customers' messages:

- distinct-2: unique bigrams / all bigrams (characters for zh_CN, words for en_US); higher is
  more varied;
- repeated: share of customer messages that are exact repeats of an earlier message.

    .venv/bin/python bench/persona_variety.py [--n 1000] [--personas worried_parent,...]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import re

from simulator import customers
from simulator.agents import load_agent
from simulator.customers import sample_instance
from simulator.engine import run_conversation
from simulator.specs import Traits, load_persona_library


def bigrams(text: str, locale: str) -> list[tuple[str, str]]:
    units = (
        list(re.sub(r"\s+", "", text)) if locale == "zh_CN" else re.findall(r"[\w']+", text.lower())
    )
    return list(itertools.pairwise(units))


def measure(persona, n: int, agent) -> tuple[float, float, int]:
    async def all_conversations():
        out = []
        for i in range(n):
            out.append(
                await run_conversation(persona, sample_instance(persona, i, 0), agent, seed=0)
            )
        return out

    messages = [
        m.text for t in asyncio.run(all_conversations()) for m in t.messages if m.role == "customer"
    ]
    grams = [g for text in messages for g in bigrams(text, persona.locale)]
    distinct2 = len(set(grams)) / max(1, len(grams))
    repeated = 1 - len(set(messages)) / max(1, len(messages))
    return distinct2, repeated, len(messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--personas", default="")
    args = parser.parse_args()
    library = load_persona_library()
    wanted = {p for p in args.personas.split(",") if p}
    agent = load_agent("scripted-v2")
    plain = Traits(terse=0, verbose=0, typos=0, emoji=0, slang=0, dialect=0, burst=0)
    header = f"{'persona':40} {'distinct-2 before':>18} {'after':>7}"
    print(header + f" {'repeated before':>16} {'after':>7}")
    for (persona_id, locale), (persona, _) in sorted(library.items()):
        if wanted and persona_id not in wanted:
            continue
        styled = customers.apply_style
        customers.apply_style = lambda text, *_: text  # the first version: no style at all
        try:
            before = measure(persona.model_copy(update={"traits": plain}), args.n, agent)
        finally:
            customers.apply_style = styled
        after = measure(persona, args.n, agent)
        print(
            f"{persona_id + '/' + locale:40} {before[0]:18.3f} {after[0]:7.3f} "
            f"{before[1]:16.1%} {after[1]:7.1%}"
        )


if __name__ == "__main__":
    main()
