"""`salesim run --executor ray --address ...` against a real two-node Ray cluster.

The test in test_parallel.py starts Ray inside the test process, on one node. Here the run is a
separate `salesim` process that connects to a cluster by address, as a team would, and its two
actors land on two nodes (each node has one CPU, each actor asks for one): the files must be
byte-identical to a local run. Then a node dies mid-run: the run must stop cleanly, keeping a
complete prefix of the plan, and `--resume` must finish it with no conversation lost or repeated.

Both nodes run on this machine as separate raylets (`ray.cluster_utils.Cluster`, Ray's own tool
for multi-node tests: it picks free ports and a session directory per cluster, so nothing
collides with another Ray on the machine). Every process it started is stopped by the fixture's
finaliser, even when the test fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'salesim[ray]')")
cluster_utils = pytest.importorskip("ray.cluster_utils", reason="ray.cluster_utils is missing")

pytestmark = pytest.mark.ray

SALESIM = [str(Path(sys.executable).with_name("salesim"))]


@pytest.fixture
def cluster(request: pytest.FixtureRequest) -> Any:
    """A head and a worker node, one CPU each; shut down (by Ray, by pid) whatever happens."""
    if ray.is_initialized():  # pragma: no cover - a test before us left a driver connected
        ray.shutdown()
    started = cluster_utils.Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    request.addfinalizer(started.shutdown)
    started.add_node(num_cpus=1)
    started.wait_for_nodes()
    return started


def _salesim(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    # RAY_ADDRESS would override nothing here (--address is explicit), but keep the run from
    # seeing one set by the caller's shell
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    return subprocess.Popen(
        [*SALESIM, "run", "--agent", "scripted-v2", "--out", str(tmp_path), "--no-report", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _finish(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str]:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out + err


def _same_files(a: Path, b: Path) -> None:
    for name in ("transcripts.jsonl", "scores.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_a_run_across_two_nodes_matches_a_local_run(tmp_path, cluster):
    code, output = _finish(_salesim(tmp_path, "--n", "25", "--run-id", "local"))
    assert code == 0, output
    run = _salesim(
        tmp_path, "--n", "25", "--run-id", "ray", "--executor", "ray", "--workers", "2",
        "--address", cluster.address,
    )  # fmt: skip
    code, output = _finish(run)
    assert code == 0, output
    _same_files(tmp_path / "local", tmp_path / "ray")
    assert len(cluster.list_all_nodes()) == 2  # one CPU each, one actor each: both took part
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["executor"] == "ray"


def test_a_node_lost_mid_run_stops_the_run_and_resume_finishes_it(tmp_path, cluster):
    n = "150"  # a few thousand conversations: several batches per actor, some seconds of work
    code, output = _finish(_salesim(tmp_path, "--n", n, "--run-id", "local"))
    assert code == 0, output
    worker_node = next(node for node in cluster.worker_nodes)
    run = _salesim(
        tmp_path, "--n", n, "--run-id", "cut", "--executor", "ray", "--workers", "2",
        "--address", cluster.address,
    )  # fmt: skip
    transcripts = tmp_path / "cut" / "transcripts.jsonl"
    deadline = time.monotonic() + 60
    while not (transcripts.exists() and transcripts.stat().st_size) and run.poll() is None:
        assert time.monotonic() < deadline, "the run wrote nothing within 60 s"
        time.sleep(0.05)
    cluster.remove_node(worker_node)  # kills that node's raylet and its actor
    code, output = _finish(run)
    written = _lines(transcripts)
    expected = _lines(tmp_path / "local" / "transcripts.jsonl")
    if code == 0:
        # the first outcome the run may have: it finished (the node went after its last batch,
        # or Ray placed the lost work elsewhere) with every conversation written exactly once
        _same_files(tmp_path / "local", tmp_path / "cut")
        return
    # one line, no traceback: what happened and how to go on
    assert "Traceback" not in output and "a Ray actor died" in output, output
    assert f"resume with: salesim run --resume {tmp_path / 'cut'}" in output, output
    # what was written is a prefix of the plan, each conversation once
    assert written == expected[: len(written)] and len(written) < len(expected)
    # a replacement node joins (as an autoscaler would bring one), and the run is finished
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    code, output = _finish(
        subprocess.Popen(
            [*SALESIM, "run", "--resume", str(tmp_path / "cut"), "--no-report"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )
    assert code == 0, output
    _same_files(tmp_path / "local", tmp_path / "cut")


def test_ray_actors_share_a_models_request_budget(tmp_path, cluster):
    """Two actors each hold half of `rpm`: the provider sees the configured total, not twice it.

    Each actor's window is 60 s; 25 s in, both have spent their share and wait, so the server
    has seen at most the budget, and the run is still going (throttled, not finished).
    """
    from simulator.testing import OpenAICompatibleServer

    with OpenAICompatibleServer() as server:
        spec = tmp_path / "limited.yaml"
        spec.write_text(
            f"kind: openai\nid: limited\nmodel: m\nbase_url: {server.url}/v1\n"
            "api_key_env: null\nrpm: 8\nsystem_prompt: You sell tutoring.\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
        process = subprocess.Popen(
            [
                *SALESIM,
                "run",
                "--agent",
                str(spec),
                "--baseline-agent",
                "none",
                "--n",
                "4",
                "--out",
                str(tmp_path / "runs"),
                "--no-report",
                "--cache",
                "off",
                "--executor",
                "ray",
                "--workers",
                "2",
                "--address",
                cluster.address,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            time.sleep(25)
            seen, running = server.requests, process.poll() is None
        finally:
            process.kill()
            process.communicate()
    assert running, "the run finished: 24 conversations cannot fit in 8 requests"
    assert 0 < seen <= 8, f"{seen} requests in 25 s against rpm 8 shared by two actors"
