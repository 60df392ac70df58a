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
    assert summary["baseline_parameters"] == {
        "agent": "imported:team",
        "kind": "imported",
        "spec": str(baseline_dir),
    }
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


def _lines(source, keep, drop_persona=False):
    """Some of a run's transcripts as a chats file (without persona ids: like real chats)."""
    out = []
    for line in (source / "transcripts.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if keep(row):
            if drop_persona:
                row.pop("persona_id", None)
            out.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(out) + "\n"


def _run_against(chats, tmp_path, *extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "chats.jsonl"
    path.write_text(chats, encoding="utf-8")
    args = ["run", "--baseline", str(path), "--out", str(tmp_path / "runs"), "--run-id", "r"]
    result = CliRunner().invoke(main, [*args, *extra])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "runs" / "r" / "report.html").read_text(encoding="utf-8")
    summary = json.loads((tmp_path / "runs" / "r" / "summary.json").read_text(encoding="utf-8"))
    return result, html, summary


def test_a_baseline_smaller_than_one_cell_is_warned_about(human_run, tmp_path):
    chats = _lines(human_run, lambda row: row["persona_id"] == "worried_parent")
    few = "\n".join(chats.splitlines()[:4]) + "\n"
    result, html, summary = _run_against(few, tmp_path, "--n", "10")
    expected = (
        "warning: baseline chats has 4 conversations, fewer than the smallest persona cell of "
        "the suite (10 per persona and locale)"
    )
    assert expected in " ".join(result.stderr.split())
    assert [w["kind"] for w in summary["baseline_warnings"]] == ["small"]
    notes = html.split('id="baseline-notes"', 1)[1].split("</div>", 1)[0]
    assert "The baseline chats has 4 conversations, fewer than the smallest persona cell" in notes


def test_a_baseline_of_other_customers_is_warned_about(human_run, tmp_path):
    legal = _lines(human_run, lambda row: row["persona_id"] == "legal_client_midnight")
    suite = ("--personas", "worried_parent", "--n", "5")
    result, html, summary = _run_against(legal, tmp_path / "ids", *suite)
    assert (
        "baseline chats shares no persona with the suite (baseline: legal_client_midnight; "
        "suite: worried_parent)" in " ".join(result.stderr.split())
    )
    assert [w["kind"] for w in summary["baseline_warnings"]] == ["no_persona"]
    assert "shares no persona with the suite" in html.split('id="baseline-notes"', 1)[1]
    # real chats carry no persona: then the industries are what must overlap
    anonymous = _lines(
        human_run, lambda row: row["persona_id"] == "legal_client_midnight", drop_persona=True
    )
    result, html, summary = _run_against(anonymous, tmp_path / "real", *suite)
    assert [w["kind"] for w in summary["baseline_warnings"]] == ["no_industry"]
    assert "(baseline: legal; suite: education)" in " ".join(result.stderr.split())
    zh = CliRunner().invoke(
        main,
        [
            "report",
            str(tmp_path / "real" / "runs" / "r"),
            "--lang",
            "zh",
            "--out",
            str(tmp_path / "zh.html"),
        ],
    )
    assert zh.exit_code == 0, zh.output
    assert "行业也不相同（基线：legal；套件：education）" in (tmp_path / "zh.html").read_text(
        "utf-8"
    )


def test_a_baseline_that_fits_the_suite_gives_no_warning(human_run, tmp_path):
    result, html, summary = _run_against(_lines(human_run, lambda row: True), tmp_path, "--n", "10")
    assert summary["baseline_warnings"] == []
    assert "warning: baseline" not in result.stderr and 'id="baseline-notes"' not in html
