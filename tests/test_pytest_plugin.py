"""The pytest plugin gates a candidate against a stored baseline inside a user's test suite."""

from __future__ import annotations

import pytest

from simulator.models import RunConfig
from simulator.runs import run_suite

USER_TESTS = """
def test_v2_holds_the_line(salesim_gate):
    result = salesim_gate("scripted-v2")
    assert result.passed, result.report

def test_v1_regresses(salesim_gate):
    result = salesim_gate("scripted-v1")
    assert result.passed, result.report
"""


@pytest.fixture(scope="module")
def baseline_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("baseline")
    directory, _ = run_suite(
        RunConfig(
            agents=["scripted-v2"], baseline_agent=None, n=40, out=str(out), run_id="baseline"
        )
    )
    return directory


def test_plugin_passes_an_equal_agent_and_fails_a_regression(pytester, baseline_run):
    pytester.makepyfile(test_agent=USER_TESTS)
    result = pytester.runpytest_inprocess(
        f"--salesim-baseline={baseline_run}", "-q", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*test_v1_regresses*", "*salesim gate: FAILED*"])


def test_without_a_baseline_the_tests_skip_and_say_why(pytester):
    pytester.makepyfile(test_agent=USER_TESTS)
    result = pytester.runpytest_inprocess("-q", "-rs", "-p", "no:cacheprovider")
    result.assert_outcomes(skipped=2)
    result.stdout.fnmatch_lines(["*pass --salesim-baseline RUN_DIR*"])
