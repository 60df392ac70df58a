"""The salesim command line: exit codes, one-line errors, nothing left behind on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from simulator.cli import main
from simulator.specs import data_dir

GOOD = data_dir("personas") / "legal_client_midnight.zh_CN.yaml"


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        yield f"{prefix}{name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")


@pytest.mark.parametrize(
    ("name", "command"), list(_commands(main)), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_command_has_help_text(name, command):
    assert command.help and len(command.help.strip()) > 10, name
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0


def test_run_prints_the_scorecard_and_writes_the_run(tmp_path):
    result = CliRunner().invoke(main, ["run", "--n", "5", "--out", str(tmp_path), "--run-id", "r1"])
    assert result.exit_code == 0, result.output
    assert "scripted-v2 vs human" in result.output
    assert "留资率" in result.output and "lead capture" in result.output
    summary = json.loads((tmp_path / "r1" / "summary.json").read_text(encoding="utf-8"))
    assert summary["conversations"] == 3 * 2 * 5 * 2
    assert summary["candidates"] == ["scripted-v2"] and summary["baseline"] == "human"


def test_run_json_output_is_the_summary(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "run",
            "--n",
            "2",
            "--out",
            str(tmp_path),
            "--json",
            "--personas",
            "worried_parent",
            "--locale",
            "en_US",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert set(summary["agents"]) == {"scripted-v2", "human"}


def _bad_persona(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "bad_persona.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("trust"), "trust"),
        (lambda d: d["patience"].update(reply_s="soon"), "patience.reply_s"),
        (lambda d: d.update(mood="grumpy"), "mood"),
    ],
)
def test_bad_persona_exits_2_with_one_line_and_no_results(tmp_path, mutate, field):
    path = _bad_persona(tmp_path, mutate)
    out = tmp_path / "results"
    result = CliRunner().invoke(
        main, ["run", "--personas", str(path), "--n", "2", "--out", str(out)]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and f": {field}:" in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unknown_agent_exits_2(tmp_path):
    out = tmp_path / "results"
    result = CliRunner().invoke(main, ["run", "--agent", "scripted-v9", "--out", str(out)])
    assert result.exit_code == 2
    assert "scripted-v9" in result.stderr and "known:" in result.stderr
    assert not out.exists()


def test_unknown_persona_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["run", "--personas", "nobody", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2
    assert "nobody" in result.stderr


def test_existing_run_directory_is_not_overwritten(tmp_path):
    args = [
        "run",
        "--n",
        "1",
        "--out",
        str(tmp_path),
        "--run-id",
        "same",
        "--personas",
        "worried_parent",
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = (tmp_path / "same" / "transcripts.jsonl").read_bytes()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (tmp_path / "same" / "transcripts.jsonl").read_bytes() == before


def test_personas_validate_reports_each_bad_file(tmp_path):
    _bad_persona(tmp_path, lambda d: d.pop("needs"))
    result = CliRunner().invoke(main, ["personas", "validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "needs: required field is missing" in result.stderr
    assert CliRunner().invoke(main, ["personas", "validate"]).exit_code == 0


def test_personas_list_and_sample():
    listing = CliRunner().invoke(main, ["personas", "list", "--json"])
    assert listing.exit_code == 0
    ids = {(p["id"], p["locale"]) for p in json.loads(listing.output)}
    assert ("elderly_dental_patient", "en_US") in ids
    sample = CliRunner().invoke(
        main, ["personas", "sample", "legal_client_midnight", "--locale", "zh_CN", "--json"]
    )
    assert sample.exit_code == 0
    assert json.loads(sample.output)["instance"]["arrival"][11:13] in {"23", "00", "01"}


def test_agents_list_shows_reference_agents():
    result = CliRunner().invoke(main, ["agents", "list"])
    assert result.exit_code == 0
    for name in ("scripted-v1", "scripted-v2", "human"):
        assert name in result.output


def test_score_rescoring_a_run_gives_the_same_rows(tmp_path):
    args = ["run", "--n", "3", "--out", str(tmp_path), "--run-id", "r"]
    assert CliRunner().invoke(main, args).exit_code == 0
    run_dir = tmp_path / "r"
    out = tmp_path / "rescored"
    result = CliRunner().invoke(
        main, ["score", str(run_dir / "transcripts.jsonl"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rescored = (out / "scores.jsonl").read_text(encoding="utf-8")
    assert rescored == (run_dir / "scores.jsonl").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["conversations"] == 3 * 2 * 3 * 2
    assert set(summary["agents"]) == {"scripted-v2", "human"}


def test_score_reports_unreadable_lines_with_their_number(tmp_path):
    good = {
        "conversation_id": "c1",
        "locale": "zh_CN",
        "messages": [
            {"role": "customer", "text": "在吗", "ts": "2026-11-24T23:47:00+08:00"},
            {"role": "agent", "text": "在的", "ts": "2026-11-24T23:47:05+08:00"},
        ],
        "extra_field": 1,
    }
    path = tmp_path / "t.jsonl"
    lines = [json.dumps(good), "{not json", json.dumps({"messages": []})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(path), "--json"])
    assert result.exit_code == 0
    assert f"{path}:2: invalid JSON" in result.stderr
    assert f"{path}:3:" in result.stderr and "conversation_id" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["unreadable_lines"] == 2
    written = json.loads((tmp_path / "t.scored" / "summary.json").read_text(encoding="utf-8"))
    assert written["unreadable_lines"] == 2
    rows = (tmp_path / "t.scored" / "scores.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and json.loads(rows[0])["replied_within_sla"] is True


def test_score_a_file_that_cannot_be_read_at_all_exits_2(tmp_path):
    path = tmp_path / "chats.txt"
    path.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(path)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and str(path) in result.stderr
