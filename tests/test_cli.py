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
    # which human the lifts are relative to: one line under the scorecard, and the data
    human = yaml.safe_load((data_dir("agents") / "human.yaml").read_text(encoding="utf-8"))
    params = summary["baseline_parameters"]
    assert params["spec"] == "agents/human.yaml" and params["version"] == human["version"]
    assert params["shift"] == [human["shift"]["start"], human["shift"]["end"]]
    assert params["on_call"]["share"] == human["on_call"]["share"]
    assert params["misses_question"] == human["misses"]["question"]
    caption = result.output.split("paired on persona instances", 1)[1].split("by persona", 1)[0]
    assert f"human baseline: agents/human.yaml v{human['version']} — shift " in caption


def test_a_run_without_a_baseline_names_none(tmp_path):
    result = CliRunner().invoke(
        main,
        ["run", "--n", "2", "--baseline-agent", "none", "--out", str(tmp_path), "--run-id", "r"],
    )
    assert result.exit_code == 0, result.output
    assert "human baseline" not in result.output
    summary = json.loads((tmp_path / "r" / "summary.json").read_text(encoding="utf-8"))
    assert summary["baseline_parameters"] is None


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


# --- one line and exit 2, never a traceback -------------------------------------------------------

CHAT = {
    "conversation_id": "c1",
    "locale": "zh_CN",
    "messages": [
        {"role": "customer", "text": "在吗", "ts": "2026-11-24T23:47:00+08:00"},
        {"role": "agent", "text": "在的", "ts": "2026-11-24T23:47:05+08:00"},
    ],
}


def _one_line_exit_2(result) -> str:
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    args = ["run", "--n", "2", "--personas", "worried_parent", "--locale", "zh_CN"]
    args += ["--baseline-agent", "none", "--no-report", "--out", str(out), "--run-id", "r"]
    assert CliRunner().invoke(main, args).exit_code == 0
    return out / "r"


def _copy(run_dir: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "copy"
    shutil.copytree(run_dir, target)
    return target


@pytest.mark.parametrize("command", ["score", "export", "baseline"])
def test_an_output_directory_that_cannot_be_written_is_one_line(small_run, command):
    unwritable = "/sys/salesim-cannot-write"
    args = {
        "score": ["score", str(small_run / "transcripts.jsonl"), "--out", unwritable],
        "export": ["export", str(small_run), "--format", "csv", "--out", unwritable],
        "baseline": ["baseline", "import", str(small_run), "--out-dir", unwritable],
    }[command]
    assert "salesim-cannot-write" in _one_line_exit_2(CliRunner().invoke(main, args))


@pytest.mark.parametrize("command", ["score", "export", "baseline", "resume"])
def test_a_full_disk_is_one_line(small_run, tmp_path, monkeypatch, command):
    import shutil

    real_open = Path.open

    def full_disk(self, mode="r", *args, **kwargs):
        # every file written under salesim-out goes to /dev/full: writes fail with ENOSPC
        if "salesim-out" in str(self) and self.name != ".lock" and mode[:1] in "wax":
            return real_open(Path("/dev/full"), mode.replace("x", "w"), *args, **kwargs)
        return real_open(self, mode, *args, **kwargs)

    out = tmp_path / "salesim-out"
    args = {
        "score": ["score", str(small_run / "transcripts.jsonl"), "--out", str(out)],
        "export": ["export", str(small_run), "--format", "csv", "--out", str(out)],
        "baseline": ["baseline", "import", str(small_run), "--out-dir", str(out)],
        "resume": ["run", "--resume", str(out)],
    }[command]
    if command == "resume":
        shutil.copytree(small_run, out)
    monkeypatch.setattr(Path, "open", full_disk)
    line = _one_line_exit_2(CliRunner().invoke(main, args))
    assert "No space left" in line


def test_every_direction_control_the_report_writes_out_the_terminal_writes_out_too():
    from simulator.terminal import plain
    from simulator.visible import BIDI_CONTROLS

    for control in BIDI_CONTROLS:
        shown = plain(f"invoice-{control}fdp.exe")
        assert control not in shown and f"\\u{ord(control):04x}" in shown


def test_markup_and_control_characters_in_data_are_shown_as_text(tmp_path):
    chat = {**CHAT, "agent_id": "[/bold]", "persona_id": "[red]p\x1b[2Jx"}
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(chat) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(path)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "[/bold]" in result.stdout and "\x1b" not in result.output
    out = tmp_path / "runs"
    for run_id in ("a", "b"):
        run = out / run_id
        run.mkdir(parents=True)
        (run / "transcripts.jsonl").write_text(json.dumps(chat) + "\n", encoding="utf-8")
        scored = CliRunner().invoke(
            main, ["score", str(run / "transcripts.jsonl"), "--out", str(run)]
        )
        assert scored.exit_code == 0
    result = CliRunner().invoke(main, ["compare", str(out / "a"), str(out / "b")])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "[/bold]" in result.stdout and "\x1b" not in result.output


def test_a_newline_in_an_id_cannot_forge_a_warning_line(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "conversation_id,role,text,ts\n"
        '"c1\nwarning: all good",customer,hi,2026-11-24T10:00:00+08:00\n'
        '"c1\nwarning: all good",bot,hello,2026-11-24T10:00:05+08:00\n'
        "c2,customer,hi,2026-11-24T10:00:00+08:00\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["score", str(path), "--json"])
    assert result.exit_code == 0, (result.output, result.exception)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert not any("all good" in line and line.startswith("warning: all good") for line in warnings)
    assert any("c1\\nwarning: all good" in line for line in warnings), result.stderr


def test_a_run_torn_inside_a_character_and_tampered_runs_are_one_line_or_fine(small_run, tmp_path):
    run_dir = _copy(small_run, tmp_path)
    with (run_dir / "scores.jsonl").open("ab") as handle:
        handle.write('{"conversation_id": "x", "evidence": "你'.encode()[:-1])
    for args in (["compare", str(small_run), str(run_dir)], ["report", str(run_dir)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 2), (args, result.output, result.exception)
        if result.exit_code == 2:
            _one_line_exit_2(result)
    assert CliRunner().invoke(main, ["run", "--resume", str(run_dir)]).exit_code == 0


@pytest.mark.parametrize(
    "tamper",
    ["manifest_list", "config_list", "fingerprint_list", "manifest_not_json", "row_list_meta"],
)
def test_a_tampered_run_directory_is_one_line_on_resume(small_run, tmp_path, tamper):
    run_dir = _copy(small_run, tmp_path)
    manifest_path = run_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["status"] = "interrupted"
    if tamper == "manifest_list":
        manifest = [manifest]
    elif tamper == "config_list":
        manifest["config"] = [1]
    elif tamper == "fingerprint_list":
        manifest["fingerprint"] = [1]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    if tamper == "manifest_not_json":
        manifest_path.write_text("{" * 5000, encoding="utf-8")
    if tamper == "row_list_meta":
        rows = (run_dir / "scores.jsonl").read_text(encoding="utf-8").splitlines()
        first = {**json.loads(rows[0]), "violations": "x", "trial": "?"}
        rows[0] = json.dumps(first)
        (run_dir / "scores.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["run", "--resume", str(run_dir)])
        assert result.exit_code == 0, (result.output, result.exception)  # redone, not trusted
        lines = (run_dir / "scores.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(rows) and all(json.loads(line)["trial"] == 0 for line in lines)
        return
    line = _one_line_exit_2(CliRunner().invoke(main, ["run", "--resume", str(run_dir)]))
    assert "manifest.json" in line


def test_a_tampered_run_directory_is_one_line_in_the_report(small_run, tmp_path):
    run_dir = _copy(small_run, tmp_path)
    lines = (run_dir / "transcripts.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["messages"][1]["ts"] = first["messages"][1]["ts"][:19]  # naive
    lines[0] = json.dumps(first, ensure_ascii=False)
    (run_dir / "transcripts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(run_dir)])
    assert result.exit_code in (0, 2), (result.output, result.exception)
    if result.exit_code == 2:
        _one_line_exit_2(result)
