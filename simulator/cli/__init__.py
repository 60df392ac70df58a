"""The ``salesim`` command line: one thin function per command (parse, call the library, format).

Exit codes: 0 ok, 1 a failed check (gate), 2 bad input (a spec, a flag, a file). Each command
group lives in its own private module; importing them registers the commands on :func:`main`.
"""

from simulator.cli import _compare, _fit, _library, _report, _run, _score  # noqa: F401  (register)
from simulator.cli._common import EXIT_BAD_INPUT, clean_errors, main

__all__ = ["EXIT_BAD_INPUT", "clean_errors", "main"]
