"""Stable seed derivation: the same inputs give the same seed on every machine and Python version.

Python's ``hash()`` is salted per process, so it must never feed an RNG; every random choice in a
run is drawn from ``random.Random(derive_seed(run_seed, ...parts))`` instead.
"""

from __future__ import annotations

import hashlib
import random


def derive_seed(*parts: object) -> int:
    """A 64-bit seed from any printable parts, e.g. ``derive_seed(0, "legal", 17)``."""
    key = "\x1f".join(str(part) for part in parts).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def rng_for(*parts: object) -> random.Random:
    """A fresh ``random.Random`` seeded from ``parts``."""
    return random.Random(derive_seed(*parts))
