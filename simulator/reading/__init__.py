"""The reader: what a customer understands from an agent's reply.

``read(text, context) -> Reading`` is shared by the scripted customer (whose policy acts on the
:class:`Reading` only) and, where it helps, the scorers. The default :class:`RulesReader` is
offline and deterministic; a model reader (``--reader``) asks a chat model for the same
:class:`Reading`. See docs/personas.md ("How the customer reads") for what each field means.
"""

from __future__ import annotations

from simulator.reading._agreement import reader_agreement, run_agreement
from simulator.reading._model import (
    ACT_NAMES,
    NEED_TYPES,
    Act,
    Flag,
    NeedType,
    NeedView,
    ReadContext,
    Reader,
    Reading,
)
from simulator.reading._model_reader import ModelReader, load_reader
from simulator.reading._questions import needs_asked
from simulator.reading._rules import RulesReader, acts_of, clauses, topic_terms
from simulator.reading._surface import is_unreadable

RULES_READER = RulesReader()


def read(text: str, context: ReadContext) -> Reading:
    """What a customer in ``context`` understands from ``text``, with the rules reader."""
    return RULES_READER.read(text, context)


__all__ = [
    "ACT_NAMES",
    "NEED_TYPES",
    "RULES_READER",
    "Act",
    "Flag",
    "ModelReader",
    "NeedType",
    "NeedView",
    "ReadContext",
    "Reader",
    "Reading",
    "RulesReader",
    "acts_of",
    "clauses",
    "is_unreadable",
    "load_reader",
    "needs_asked",
    "read",
    "reader_agreement",
    "run_agreement",
    "topic_terms",
]
