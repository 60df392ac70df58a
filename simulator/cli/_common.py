"""Shared pieces of the CLI: the group, option decorators, error handling."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from simulator.registry import RegistryError
from simulator.runs import RunInterrupted
from simulator.specs import (
    SpecError,
)
from simulator.terminal import plain

F = TypeVar("F", bound=Callable[..., Any])
EXIT_BAD_INPUT = 2
PROGRESS_MIN_CONVERSATIONS = 200


def echo_error(message: str) -> None:
    """``error: MESSAGE`` on stderr, one line whatever the message holds."""
    click.echo(f"error: {plain(message)}", err=True)


def warn(message: str) -> None:
    """``warning: MESSAGE`` on stderr, one line: data in it cannot forge lines of its own."""
    click.echo(f"warning: {plain(message)}", err=True)


def clean_errors(func: F) -> F:
    """Turn bad-input exceptions into one line on stderr and exit code 2 (never a traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SpecError as exc:
            for problem in exc.problems:  # every problem of a bad file, one line each
                echo_error(problem)
            sys.exit(EXIT_BAD_INPUT)
        except RegistryError as exc:
            echo_error(str(exc))
            sys.exit(EXIT_BAD_INPUT)
        except OSError as exc:  # a full disk, a read-only or vanished output: the environment
            where = f"{exc.filename}: " if exc.filename else ""
            echo_error(f"{where}{exc.strerror or exc}")
            sys.exit(EXIT_BAD_INPUT)
        except RunInterrupted as exc:
            echo_error(str(exc))
            sys.exit(130)
        except KeyboardInterrupt:
            echo_error("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def warn_about_judge_errors(summary: dict[str, Any]) -> None:
    """One stderr line per agent whose judge rules went undecided (the judge model failed)."""
    for agent_id, agent in (summary.get("agents") or {}).items():
        count = agent.get("judge_errors", 0)
        if count:
            examples = "; ".join(agent.get("judge_error_examples") or [])
            click.echo(
                plain(
                    f"judge errors: {agent_id}: the judge could not decide its rules in {count} "
                    f"of {agent.get('n', 0)} conversations (judge_errors in scores.jsonl; "
                    "compliance undecided there)" + (f" (e.g. {examples})" if examples else "")
                ),
                err=True,
            )


def split_values(values: tuple[str, ...]) -> list[str]:
    """Repeatable options also accept comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


sla_option = click.option(
    "--sla",
    "sla_s",
    type=click.FloatRange(min=0, min_open=True),
    default=180.0,
    show_default=True,
    help="Reply-rate SLA in seconds (the '3-minute reply rate' by default).",
)
"""Shared by every command that scores: the SLA a first reply must meet."""

rubrics_option = click.option(
    "--rubrics",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Directory of rubric YAML files [default: the shipped rubrics/].",
)
judge_option = click.option(
    "--judge",
    default=None,
    metavar="MODEL|SPEC.yaml",
    help="Chat model for LLM-judge rules: 'provider:model' (init_chat_model), module:attr, or "
    "a spec file like --customer's (base_url, api_key_env, rpm, timeout_s, retries). Without it "
    "those rules are skipped, and the scorecard says so.",
)

agent_path_option = click.option(
    "--agent-path",
    "agent_paths",
    multiple=True,
    metavar="DIR",
    help="Folder holding module:attr agents (repeatable); searched before the current folder.",
)
"""Shared by every command that takes --agent: where ``module:attr`` agents are imported from."""


reader_option = click.option(
    "--reader",
    "reader",
    default=None,
    metavar="rules|MODEL|SPEC.yaml",
    help="How the customer reads agent replies: 'rules' (offline, the default), or a chat model "
    "like --judge's: 'provider:model', module:attr, or a spec file (base_url, api_key_env, rpm, "
    "timeout_s, retries, prices).",
)
"""Shared by every command whose customer reads agent replies (see docs/personas.md)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="salesim")
def main() -> None:
    """salesim: simulate DM sales conversations with synthetic customers and score the agents."""


def parse_pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    """``KEY=VALUE`` options into a dict (a bad one is exit 2, naming the option)."""
    out: dict[str, str] = {}
    for value in values:
        key, sep, item = value.partition("=")
        if not sep or not key or not item:
            raise SpecError(f"{option} {value}: expected KEY=VALUE")
        out[key.strip()] = item.strip()
    return out


def table_input_options(func: F) -> F:
    """Options that map a CRM or chat-tool export (CSV, Parquet, datasets) to the format."""
    func = click.option(
        "--tz",
        "default_tz",
        default=None,
        metavar="ZONE",
        help="Time zone for timestamps written without one (e.g. Asia/Shanghai).",
    )(func)
    func = click.option(
        "--roles",
        "roles",
        multiple=True,
        metavar="VALUE=ROLE",
        help="Map the source's role values to customer/agent, e.g. --roles 客户=customer.",
    )(func)
    func = click.option(
        "--map",
        "mapping",
        multiple=True,
        metavar="FIELD=COLUMN",
        help="Map a field to the source's column, e.g. --map text=content --map ts=sent_at.",
    )(func)
    return func
