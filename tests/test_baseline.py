"""Real human transcripts as the baseline: import, compare against, and the CLI around it."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from simulator.cli import main


@pytest.fixture(scope="module")
def human_run(tmp_path_factory):
    """Transcripts handled by the simulated human: stand-ins for a team's real chats."""
    out = tmp_path_factory.mktemp("human")
    args = [
        "run",
        "--agent",
        "human",
        "--baseline-agent",
        "none",
        "--n",
        "10",
        "--out",
        str(out),
        "--run-id",
        "h",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out / "h"


def _import(source, out_dir, *extra):
    return CliRunner().invoke(
        main,
        ["baseline", "import", str(source), "--name", "team", "--out-dir", str(out_dir), *extra],
    )


def test_import_then_run_against_the_imported_baseline(human_run, tmp_path):
    result = _import(human_run / "transcripts.jsonl", tmp_path / "baselines")
    assert result.exit_code == 0, result.output
    baseline_dir = tmp_path / "baselines" / "team"
    names = {p.name for p in baseline_dir.iterdir()}
    assert {"transcripts.jsonl", "scores.jsonl", "summary.json", "manifest.json"} <= names

    run = CliRunner().invoke(
        main,
        [
            "run",
            "--baseline",
            str(baseline_dir),
            "--n",
            "10",
            "--out",
            str(tmp_path / "runs"),
            "--run-id",
            "r",
            "--json",
        ],
    )
    assert run.exit_code == 0, run.output
    summary = json.loads(run.stdout)
    assert summary["baseline"] == "imported:team" and summary["baseline_kind"] == "imported"
    assert "human" not in summary["agents"]
    comparison = summary["comparisons"]["scripted-v2"]
    # simulated chats keep their pair keys, so they pair with the run's same persona instances
    assert comparison["paired"] is True
    # the imported chats are scored exactly as when the human was simulated
    simulated = json.loads((human_run / "summary.json").read_text(encoding="utf-8"))
    for metric in ("reply_rate", "lead_capture", "valid_lead"):
        assert (
            summary["agents"]["imported:team"]["metrics"][metric]
            == simulated["agents"]["human"]["metrics"][metric]
        )
    # and a candidate that answers at night beats the human baseline on reply rate
    assert comparison["metrics"]["reply_rate"]["diff_low"] > 0


def test_import_a_mapped_csv_export(human_run, tmp_path):
    path = tmp_path / "crm.csv"
    transcripts = [
        json.loads(x)
        for x in (human_run / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["chat_id", "sender", "content", "sent_at", "locale", "industry"])
        for t in transcripts:
            for m in t["messages"]:
                sender = "客户" if m["role"] == "customer" else "客服"
                writer.writerow(
                    [t["conversation_id"], sender, m["text"], m["ts"], t["locale"], t["industry"]]
                )
    result = _import(
        path,
        tmp_path / "b",
        "--map",
        "conversation_id=chat_id",
        "--map",
        "role=sender",
        "--map",
        "text=content",
        "--map",
        "ts=sent_at",
        "--roles",
        "客户=customer",
        "--roles",
        "客服=agent",
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "b" / "team" / "summary.json").read_text(encoding="utf-8"))
    simulated = json.loads((human_run / "summary.json").read_text(encoding="utf-8"))
    assert summary["conversations"] == len(transcripts)
    assert (
        summary["agents"]["imported:team"]["metrics"]["reply_rate"]
        == simulated["agents"]["human"]["metrics"]["reply_rate"]
    )


def test_a_baseline_is_never_overwritten_or_left_half_written(human_run, tmp_path):
    assert _import(human_run / "transcripts.jsonl", tmp_path).exit_code == 0
    again = _import(human_run / "transcripts.jsonl", tmp_path)
    assert again.exit_code == 2 and "already exists" in again.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("{not json\n", encoding="utf-8")
    bad = CliRunner().invoke(
        main, ["baseline", "import", str(empty), "--out-dir", str(tmp_path / "x")]
    )
    assert bad.exit_code == 2
    assert not (tmp_path / "x" / "empty").exists()
    assert not list((tmp_path / "x").glob("*"))  # no half-written baseline left behind


def test_export_for_pandas_and_datasets(human_run, tmp_path):
    import pandas as pd

    result = CliRunner().invoke(
        main, ["export", str(human_run), "--format", "parquet", "--out", str(tmp_path / "pq")]
    )
    assert result.exit_code == 0, result.output
    scores = pd.read_parquet(next((tmp_path / "pq").glob("scores*.parquet")))
    assert len(scores) == 60 and "lead_captured" in scores.columns
    result = CliRunner().invoke(
        main, ["export", str(human_run), "--format", "hf", "--out", str(tmp_path / "hf")]
    )
    assert result.exit_code == 0, result.output
