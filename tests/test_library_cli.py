"""Authoring commands: suites, sampling a persona with a conversation, drafting with a model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.engine import resolve_personas
from simulator.specs import Persona, load_persona, suite_files


@pytest.mark.parametrize("path", suite_files(), ids=lambda p: p.stem)
def test_every_shipped_suite_resolves(path):
    personas = resolve_personas([], ["zh_CN", "en_US"], str(path))
    assert personas
    assert all(isinstance(p, Persona) for p, _ in personas)


def test_run_with_a_suite(tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "run",
            "--suite",
            "default",
            "--n",
            "2",
            "--out",
            str(tmp_path),
            "--json",
            "--baseline-agent",
            "none",
        ],
    )
    assert result.exit_code == 0, result.output
    personas = {
        k.split("/")[0] for k in json.loads(result.stdout)["agents"]["scripted-v2"]["by_persona"]
    }
    assert personas == {"worried_parent", "elderly_dental_patient", "legal_client_midnight"}


def test_unknown_suite_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["run", "--suite", "nope", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2 and "no such suite" in result.stderr


def test_sample_prints_an_instance_and_a_conversation():
    result = CliRunner().invoke(
        main,
        [
            "personas",
            "sample",
            "legal_client_midnight",
            "--locale",
            "zh_CN",
            "--seed",
            "3",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["instance"]["persona_id"] == "legal_client_midnight"
    roles = [m["role"] for m in data["transcript"]["messages"]]
    assert roles[0] == "customer" and "agent" in roles
    text = CliRunner().invoke(main, ["personas", "sample", "worried_parent", "--locale", "en_US"])
    assert "sample conversation with scripted-v2" in text.output


def test_draft_writes_only_a_valid_persona(tmp_path):
    out = tmp_path / "drafted.yaml"
    result = CliRunner().invoke(
        main,
        [
            "personas",
            "draft",
            "一位焦虑的初中家长",
            "--model",
            "fixtures.drafters:good",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert load_persona(out).id == "drafted_parent"


def test_draft_retries_once_with_the_error(tmp_path):
    out = tmp_path / "fixed.yaml"
    result = CliRunner().invoke(
        main,
        [
            "personas",
            "draft",
            "a parent",
            "--model",
            "fixtures.drafters:fixed_on_retry",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert load_persona(out).id == "fixed"


def test_a_hopeless_draft_writes_nothing(tmp_path):
    out = tmp_path / "bad.yaml"
    result = CliRunner().invoke(
        main, ["personas", "draft", "x", "--model", "fixtures.drafters:hopeless", "--out", str(out)]
    )
    assert result.exit_code == 2 and "stayed invalid" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_schema_for_editors():
    result = CliRunner().invoke(main, ["schema", "persona"])
    schema = json.loads(result.output)
    assert "needs" in schema["properties"] and "intent" in schema["properties"]


def test_draft_without_a_usable_model_blames_model_not_judge(tmp_path, monkeypatch):
    """`personas draft --model` loads its model as judges do; an error names --model."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_ADMIN_KEY", raising=False)
    out = tmp_path / "p.yaml"
    result = CliRunner().invoke(
        main, ["personas", "draft", "x", "--model", "openai:gpt-4o-mini", "--out", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --model openai:gpt-4o-mini: cannot load"), result.stderr
    assert "--judge" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()
