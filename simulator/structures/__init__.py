"""Rule structures: an industry rule's act read as its parts, in any words and over messages.

A phrase list learned from one writer finds a fraction of the next writer's violations (blind
rounds 28-41: a car price tied to our financing 0.76, a zero-fee tour 0.83, a permit dodge 0.86,
a look-like-the-photo promise 0.86). Each violation, however worded, has the same few parts: a
price, something else the dealer sells and the tie between them; a next-to-free price, what pays
for it and the compulsion; the one who must approve and the work kept from them; a target to
look like and the agent's affirmation. A structure finds those parts (each a small vocabulary of
its own kind, none of them the verdict) and the refusals and hedges that undo them.

A rubric rule names its structure (``structure: price_tie``); its findings join the rule's
pattern findings on messages the patterns left unflagged. Structures are registered here, so a
plugin can add one (entry point group ``salesim.structures``): a callable taking the
conversation's messages and locale and returning ``(turn, evidence)`` pairs.
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.models import Message
from simulator.registry import Registry
from simulator.structures.all_in import false_all_in
from simulator.structures.hidden_work import hidden_work
from simulator.structures.likeness import likeness_promises
from simulator.structures.paid_tours import paid_tours
from simulator.structures.price_ties import price_ties

Structure = Callable[[list[Message], str], list[tuple[int, str]]]
structures: Registry[Structure] = Registry("rule structure", "salesim.structures")
structures.register("price_tie")(price_ties)
structures.register("paid_tour")(paid_tours)
structures.register("hidden_work")(hidden_work)
structures.register("likeness")(likeness_promises)
structures.register("false_all_in")(false_all_in)

__all__ = ["Structure", "structures"]
