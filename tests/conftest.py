"""Shared fixtures: small fixed-seed runs, reused across tests (a run is pure for its config)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from simulator.models import RunConfig
from simulator.runs import run_suite

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).parent / "fixtures"

RunFn = Callable[..., tuple[Path, dict[str, Any]]]


def read_lines(path: Path) -> list[dict[str, Any]]:
    """Every JSON line of a JSONL file."""
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture
def run(tmp_path: Path) -> RunFn:
    """Run a suite into a fresh directory under tmp_path; keyword arguments go to RunConfig."""
    counter = iter(range(1000))

    def _run(**kwargs: Any) -> tuple[Path, dict[str, Any]]:
        kwargs.setdefault("out", str(tmp_path / "results"))
        kwargs.setdefault("run_id", f"run{next(counter)}")
        return run_suite(RunConfig(**kwargs))

    return _run


@pytest.fixture(scope="session")
def comparison_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """scripted-v1 and scripted-v2 against the human baseline on all seed personas, both locales."""
    out = tmp_path_factory.mktemp("comparison")
    config = RunConfig(
        agents=["scripted-v2", "scripted-v1"],
        baseline_agent="human",
        n=60,
        seed=7,
        out=str(out),
        run_id="cmp",
    )
    return run_suite(config)
