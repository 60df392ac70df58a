"""Personas fitted to real chats (``salesim personas fit``) and how close a simulation is to
real customers (``salesim fidelity``). See docs/calibration.md."""

from __future__ import annotations

from simulator.fitting._facts import ContactAsk, ConversationFacts, conversation_facts
from simulator.fitting._fit import MIN_OBSERVATIONS, FitResult, ParameterFit, fit_persona
from simulator.fitting._simulate import simulate

__all__ = [
    "MIN_OBSERVATIONS",
    "ContactAsk",
    "ConversationFacts",
    "FitResult",
    "ParameterFit",
    "conversation_facts",
    "fit_persona",
    "simulate",
]
