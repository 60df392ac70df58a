"""Local parallelism and Ray: the same files for any number of workers, resumable."""

from __future__ import annotations

import json

import pytest

from simulator.models import RunConfig
from simulator.runs import resume_run, run_suite


def _run(tmp_path, run_id, **kwargs):
    config = RunConfig(
        agents=["scripted-v2"], n=25, out=str(tmp_path), run_id=run_id, report=False, **kwargs
    )
    return run_suite(config)


def test_results_are_identical_for_any_number_of_workers(tmp_path):
    one, summary_one = _run(tmp_path, "w1")
    for workers in (2, 3):
        many, summary = _run(tmp_path, f"w{workers}", workers=workers)
        assert (many / "transcripts.jsonl").read_bytes() == (one / "transcripts.jsonl").read_bytes()
        assert (many / "scores.jsonl").read_bytes() == (one / "scores.jsonl").read_bytes()
        assert summary["workers"] == workers and summary["executor"] == "local"
        assert summary["agents"] == summary_one["agents"]


def test_a_parallel_run_resumes_exactly_once(tmp_path):
    reference, _ = _run(tmp_path, "ref")
    directory, _ = _run(tmp_path, "cut", workers=2)
    lines = (directory / "transcripts.jsonl").read_bytes().splitlines(keepends=True)
    scores = (directory / "scores.jsonl").read_bytes().splitlines(keepends=True)
    (directory / "transcripts.jsonl").write_bytes(b"".join(lines[:123]) + lines[123][:10])
    (directory / "scores.jsonl").write_bytes(b"".join(scores[:123]))
    _, summary = resume_run(directory)
    assert summary["resumed_after"] == 123
    assert (directory / "transcripts.jsonl").read_bytes() == (
        reference / "transcripts.jsonl"
    ).read_bytes()
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["workers"] == 2


@pytest.mark.ray
def test_ray_executor_matches_a_local_run(tmp_path):
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'salesim[ray]')")
    local, _ = _run(tmp_path, "local")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        distributed, summary = _run(tmp_path, "ray", executor="ray", workers=2)
    finally:
        ray.shutdown()
    assert summary["executor"] == "ray"
    assert (distributed / "transcripts.jsonl").read_bytes() == (
        local / "transcripts.jsonl"
    ).read_bytes()


def test_workers_share_the_concurrency_and_the_rate_limits(tmp_path):
    from simulator.engine import prepare_suite
    from simulator.parallel import worker_config

    spec = tmp_path / "limited.yaml"
    spec.write_text(
        "kind: openai\nid: limited\nmodel: m\nbase_url: http://127.0.0.1:9/v1\n"
        "api_key_env: null\nrpm: 101\ntpm: 40000\nsystem_prompt: hi\n",
        encoding="utf-8",
    )
    config = RunConfig(agents=[str(spec)], baseline_agent=None, concurrency=64, out=str(tmp_path))
    share = worker_config(config, 3)
    # 64 in flight in total: 22 + 22 + 22 >= 64, never 3 x 64 against the provider
    assert (share.concurrency, share.workers) == (22, 3)
    assert worker_config(config, 1).concurrency == 64
    whole = prepare_suite(config).agents[0].agent.client.limiter
    third = prepare_suite(share, rate_share=1 / 3).agents[0].agent.client.limiter
    assert (whole.rpm, whole.tpm) == (101, 40000)
    assert (third.rpm, third.tpm) == (33, 13333)  # three workers stay under 101 rpm together


def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    import gc

    thresholds = gc.get_threshold()
    _run(tmp_path, "gc")
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_progress_of_a_parallel_run_arrives_as_conversations_finish(tmp_path, monkeypatch):
    monkeypatch.delenv("SALESIM_TEST_PIDS", raising=False)
    config = RunConfig(
        agents=["fixtures.faulty_agents:slow_and_marked"],
        baseline_agent=None,
        personas=["worried_parent"],
        n=15,
        workers=2,
        out=str(tmp_path),
        run_id="progress",
        report=False,
    )
    transcripts = tmp_path / "progress" / "transcripts.jsonl"
    updates: list[tuple[int, int]] = []  # (conversations reported, lines written by then)

    def progress(done: int) -> None:
        written = len(transcripts.read_bytes().splitlines()) if transcripts.exists() else 0
        updates.append((done, written))

    _, summary = run_suite(config, progress=progress)
    assert sum(done for done, _ in updates) == summary["conversations"] == 30
    # two batches, one per worker: progress was reported before either was written
    assert updates[0][1] == 0


def test_a_dead_worker_process_stops_the_run_as_interrupted(tmp_path):
    from simulator.runs import RunInterrupted

    config = RunConfig(
        agents=["fixtures.faulty_agents:dies_in_a_worker"],
        baseline_agent=None,
        personas=["worried_parent"],
        n=6,
        workers=2,
        out=str(tmp_path),
        run_id="lost",
        report=False,
    )
    with pytest.raises(RunInterrupted, match="a worker process died") as caught:
        run_suite(config)
    assert f"resume with: salesim run --resume {tmp_path / 'lost'}" in str(caught.value)
    manifest = json.loads((tmp_path / "lost" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "interrupted"
