"""Commands named in the design that this version does not have yet."""

from __future__ import annotations

import sys

from simulator.cli._common import (
    EXIT_BAD_INPUT,
    echo_error,
    main,
)

# --- not built yet ------------------------------------------------------------------------------


def _not_built(name: str, what: str) -> None:
    @main.command(
        name,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        help=f"{what} (not built yet in this version).",
    )
    def command() -> None:
        echo_error(f"'salesim {name}' is not built yet in this version of salesim ({what}).")
        sys.exit(EXIT_BAD_INPUT)


_not_built("report", "HTML report of a run")
