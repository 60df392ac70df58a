"""salesim: simulate DM sales conversations with synthetic customers and score the agents.

Agent authors need only :class:`Transcript`, :class:`Message` and :class:`AgentTurn`; an agent is
any callable taking a ``Transcript`` and returning a ``str`` or an ``AgentTurn`` (sync or async).
"""

from simulator.models import AgentTurn, Message, Outcome, RunConfig, Transcript

__all__ = ["AgentTurn", "Message", "Outcome", "RunConfig", "Transcript", "__version__"]
__version__ = "0.1.0"
