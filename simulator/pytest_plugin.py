"""pytest plugin: hold the line on a stored baseline run inside a team's own test suite.

    # test_agent.py
    def test_new_agent_does_not_regress(salesim_gate):
        result = salesim_gate("my_package.agent:reply")
        assert result.passed, result.report

    $ pytest --salesim-baseline results/baseline-run

The candidate is simulated on exactly the baseline run's personas, locales, n, trials and seed, so
the two runs pair up conversation by conversation, and gated with the same checks as
``salesim gate`` (``--salesim-gate-config gate.yaml`` to change them). Without
``--salesim-baseline`` the tests that use the fixture are skipped, and say why.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from simulator.compare import load_rows, rows_of
from simulator.gate import GateResult, load_gate_config, markdown, run_gate
from simulator.models import RunConfig
from simulator.noise import load_noise_floor
from simulator.results import MANIFEST
from simulator.runs import run_suite


def pytest_addoption(parser: pytest.Parser) -> None:
    """Options of the salesim plugin."""
    group = parser.getgroup("salesim", "salesim regression gate")
    group.addoption(
        "--salesim-baseline",
        default=None,
        metavar="RUN_DIR",
        help="Baseline run to gate candidates against (enables salesim_gate).",
    )
    group.addoption(
        "--salesim-gate-config",
        default=None,
        metavar="GATE_YAML",
        help="Gate limits (default: salesim's built-in limits).",
    )
    group.addoption(
        "--salesim-noise",
        default=None,
        metavar="NOISE_JSON",
        help="Noise floor from `salesim noise`.",
    )
    group.addoption(
        "--salesim-out",
        default=None,
        metavar="DIR",
        help="Where candidate runs are written (default: pytest's tmp dir).",
    )
    group.addoption(
        "--salesim-allow-underpowered",
        action="store_true",
        default=False,
        help="Do not fail a gate only because the baseline run is too small.",
    )


@dataclass
class GateOutcome:
    """What the fixture's call returns: the decision, the run, and a readable report."""

    result: GateResult
    run_dir: Path

    @property
    def passed(self) -> bool:
        """Whether the candidate may ship."""
        return self.result.passed

    @property
    def report(self) -> str:
        """The markdown summary (shown by ``assert result.passed, result.report``)."""
        return markdown(self.result)


@pytest.fixture
def salesim_gate(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., GateOutcome]:
    """Run a candidate agent on the baseline's suite and gate it; see the module docstring."""
    option = request.config.getoption
    baseline = option("--salesim-baseline")
    if not baseline:
        pytest.skip("salesim: pass --salesim-baseline RUN_DIR to gate against a baseline run")
    baseline_dir = Path(baseline)
    manifest = json.loads((baseline_dir / MANIFEST).read_text(encoding="utf-8"))
    suite: dict[str, Any] = manifest["config"]
    config = load_gate_config(
        Path(option("--salesim-gate-config")) if option("--salesim-gate-config") else None
    )
    noise_path = option("--salesim-noise")
    noise = load_noise_floor(Path(noise_path)) if noise_path else None
    out = Path(option("--salesim-out") or tmp_path_factory.mktemp("salesim"))
    counter = iter(range(1_000_000))

    def gate(agent: str, *, baseline_agent: str | None = None, **overrides: Any) -> GateOutcome:
        run_config = RunConfig(
            agents=[agent],
            baseline_agent=None,
            personas=suite["personas"],
            locales=suite["locales"],
            n=suite["n"],
            trials=suite.get("trials", 1),
            seed=suite["seed"],
            sla_s=suite.get("sla_s", 180.0),
            rubrics=suite.get("rubrics"),
            out=str(out),
            run_id=f"{request.node.name}-{next(counter)}".replace("/", "_"),
            **overrides,
        )
        run_dir, _ = run_suite(run_config)
        _, rows_a = rows_of(baseline_dir, baseline_agent)
        result = run_gate(
            rows_a,
            load_rows(run_dir),
            config,
            allow_underpowered=option("--salesim-allow-underpowered"),
            noise=noise,
            run_a=str(baseline_dir),
            run_b=str(run_dir),
        )
        return GateOutcome(result=result, run_dir=run_dir)

    return gate
