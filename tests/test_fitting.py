"""Personas fitted to chats, and the fidelity report: recovery, hold-out and robustness.

Real chats never come with their customers' true parameters, so the fit is checked on
populations simulated with known parameters and exported the way a real export looks (no
persona, outcome, truth or notes): the fit must find those parameters again (recovery), and a
persona fitted on one half must reproduce the other half's lead capture, reply rate and
drop-off (hold-out), where the unfitted persona does not.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from simulator.agents import load_agent
from simulator.cli import main
from simulator.fitting import conversation_facts, fit_persona, simulate
from simulator.fitting._fidelity import fidelity
from simulator.fitting._validation import as_real, holdout, rates, staff_agent
from simulator.models import Transcript
from simulator.specs import Persona, load_persona, read_yaml

ROOT = Path(__file__).resolve().parents[1]
PARENT_EN = ROOT / "personas" / "worried_parent.en_US.yaml"
LEGAL_ZH = ROOT / "personas" / "legal_client_midnight.zh_CN.yaml"


def hidden_parent() -> Persona:
    """worried_parent (en_US) with parameters the base does not have."""
    raw = read_yaml(PARENT_EN)
    raw["arrival"] = {
        "hours": [9, 13, 20, 21, 22],
        "tz": "America/Chicago",
        "weights": [1, 2, 4, 3, 1],
    }
    raw["pace"] = {"think_s": [40, 200], "silent": 0.05}
    raw["patience"]["reply_s"] = 600
    raw["behaviour"]["never_share"] = 0.5
    raw["traits"] = {"burst": 0.4}
    return Persona.model_validate(raw)


@pytest.fixture(scope="module")
def parent_chats() -> list[Transcript]:
    """1,200 "real" chats of the hidden parent with a 24-hour staff (median reply 400 s)."""
    return as_real(simulate(hidden_parent(), staff_agent(400, 1.0), 1200, seed=7))


@pytest.fixture(scope="module")
def parent_fit(parent_chats: list[Transcript]) -> Any:
    return fit_persona(
        parent_chats,
        load_persona(PARENT_EN),
        raw=read_yaml(PARENT_EN),
        agent=load_agent("human"),
        sim_n=120,
        source="test",
    )


# --- recovery ------------------------------------------------------------------------------------


def test_the_fit_recovers_arrival_delays_patience_and_bursts(parent_fit: Any) -> None:
    fit = {p.name: p for p in parent_fit.parameters}
    persona = parent_fit.persona
    assert persona.arrival.hours == [9, 13, 20, 21, 22]
    truth = [w / 11 for w in (1, 2, 4, 3, 1)]
    assert persona.arrival.weights is not None
    for got, want in zip(persona.arrival.weights, truth, strict=True):
        assert abs(got - want) < 0.04
    assert fit["arrival.tz"].status == "kept"  # the chats' offset is Chicago's
    low, high = persona.pace.think_s
    assert abs(low - 40) <= 6 and abs(high - 200) <= 15
    assert fit["patience.reply_s"].status == "fitted"
    assert abs(persona.patience.reply_s - 600) <= 45
    interval = fit["patience.reply_s"].interval
    assert interval is not None and interval[0] <= 600 <= interval[1]
    assert abs(persona.traits.burst - 0.4) <= 0.08
    assert fit["behaviour.never_share"].interval is not None
    never_low, never_high = fit["behaviour.never_share"].interval
    assert never_low <= 0.5 <= never_high
    # the stand-in for the staff answers as the chats' staff did, over the hours customers wrote
    stand_in = parent_fit.observed["simulated matches against"]
    assert "shift 09:00-24:00" in stand_in
    median = float(re.search(r"median reply ([\d.]+) s", stand_in).group(1))  # type: ignore[union-attr]
    assert 340 <= median <= 460


def test_the_fitted_file_is_an_ordinary_persona_with_its_data_cited(
    parent_fit: Any, tmp_path: Path
) -> None:
    text = parent_fit.yaml()
    assert text.startswith("# Fitted by `salesim personas fit` from test: 1200 conversations")
    assert "# fitted  patience.reply_s" in text
    path = tmp_path / "fitted.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_persona(path)
    assert loaded.id == "worried_parent_fitted"
    assert loaded.needs[0].ask == load_persona(PARENT_EN).needs[0].ask  # the rest is the base
    result = CliRunner().invoke(main, ["personas", "validate", str(path)])
    assert result.exit_code == 0, result.output


def test_a_chinese_persona_in_another_time_zone_is_fitted_with_that_zone() -> None:
    raw = read_yaml(LEGAL_ZH)
    raw["arrival"] = {"hours": [22, 23, 0, 1], "tz": "Asia/Tokyo"}
    raw["patience"]["reply_s"] = 300
    chats = as_real(simulate(Persona.model_validate(raw), staff_agent(150, 1.0), 400, seed=3))
    result = fit_persona(chats, load_persona(LEGAL_ZH), raw=read_yaml(LEGAL_ZH), agent=None)
    assert result.persona.arrival.tz == "Etc/GMT-9"  # UTC+9; the base is Asia/Shanghai
    assert sorted(result.persona.arrival.hours) == [0, 1, 22, 23]
    assert abs(result.persona.patience.reply_s - 300) <= 40
    # without an agent nothing is matched by simulation, and the fit says so
    kept = {p.name: p.how for p in result.parameters if p.status == "kept"}
    assert kept["behaviour.never_share"] == "not matched (no agent to simulate with)"


# --- hold-out ------------------------------------------------------------------------------------


def test_a_persona_fitted_on_half_the_chats_reproduces_the_other_half() -> None:
    chats = as_real(simulate(hidden_parent(), staff_agent(400, 1.0, 8, 23), 1600, seed=11))
    _, figures = holdout(
        chats, load_persona(PARENT_EN), load_agent("human"), sim_n=800, fit_sim_n=100
    )
    assert {f.metric for f in figures} == {"lead_capture", "reply_rate", "drop_off"}
    for figure in figures:
        assert figure.consistent, (figure.metric, figure.real.value, figure.sim.value)
    # the control: the unfitted base persona against the same staff is told apart
    held_out = [t for i, t in enumerate(chats) if i % 2 == 1]
    base_sim = simulate(load_persona(PARENT_EN), staff_agent(400, 1.0, 8, 23), 800, seed=1)
    real_rates = rates([conversation_facts(t) for t in held_out])
    base_rates = rates([conversation_facts(t) for t in base_sim])
    from simulator.fitting._validation import HoldoutFigure

    base_figures = [HoldoutFigure(k, real_rates[k], base_rates[k]) for k in real_rates]
    assert not all(f.consistent for f in base_figures)


# --- robustness ----------------------------------------------------------------------------------


def _jsonl(path: Path, transcripts: list[Transcript], drop_ts: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for t in transcripts:
            record = t.model_dump(mode="json", include={"conversation_id", "locale", "messages"})
            for message in record["messages"]:
                message.pop("meta", None)
                if drop_ts:
                    message.pop("ts")
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def fit_cli(source: Path, out: Path, *extra: str) -> dict[str, Any]:
    """``salesim personas fit SOURCE --persona worried_parent --locale en_US --json``'s record."""
    result = CliRunner().invoke(
        main,
        [
            "personas",
            "fit",
            str(source),
            "--persona",
            "worried_parent",
            "--locale",
            "en_US",
            "--out",
            str(out),
            "--json",
            *extra,
        ],
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_fifty_chats_fit_what_they_support_and_say_what_they_do_not(tmp_path: Path) -> None:
    chats = as_real(simulate(hidden_parent(), staff_agent(60, 0.5), 50, seed=5))
    source = _jsonl(tmp_path / "small.jsonl", chats)
    out = tmp_path / "fitted.yaml"
    record = fit_cli(source, out, "--sim-n", "40")
    status = {p["name"]: p for p in record["parameters"]}
    assert status["arrival.hours"]["status"] == "fitted"
    # replies within a minute or two never test a ten-minute patience
    assert status["patience.reply_s"]["status"] == "kept"
    assert (
        "do not pin" in status["patience.reply_s"]["how"]
        or "wrote again" in status["patience.reply_s"]["how"]
    )
    assert load_persona(out).patience.reply_s == load_persona(PARENT_EN).patience.reply_s


def test_chats_without_timestamps_fit_everything_but_timing(tmp_path: Path) -> None:
    chats = as_real(simulate(hidden_parent(), staff_agent(400, 1.0), 120, seed=9))
    source = _jsonl(tmp_path / "untimed.jsonl", chats, drop_ts=True)
    record = fit_cli(source, tmp_path / "f.yaml", "--no-simulate")
    status = {p["name"]: p for p in record["parameters"]}
    for name in ("arrival.hours", "pace.think_s", "patience.reply_s"):
        assert status[name]["status"] == "kept", name
    assert status["arrival.hours"]["how"].startswith("0 timed first messages")
    assert status["needs[].weight"]["status"] == "fitted"


def test_agent_initiated_threads_and_chats_without_a_customer_are_reported(tmp_path: Path) -> None:
    chats = as_real(simulate(hidden_parent(), staff_agent(400, 1.0), 60, seed=2))
    path = _jsonl(tmp_path / "mixed.jsonl", chats)
    opener = {
        "role": "agent",
        "text": "Hi! Still looking for a tutor?",
        "ts": "2026-01-05T10:00:00-06:00",
    }
    lines = [
        {
            "conversation_id": "outreach-1",
            "locale": "en_US",
            "messages": [
                opener,
                {
                    "role": "customer",
                    "text": "yes, how much is it?",
                    "ts": "2026-01-05T10:03:00-06:00",
                },
            ],
        },
        {"conversation_id": "unanswered-outreach", "locale": "en_US", "messages": [opener]},
    ]
    with path.open("a", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line) + "\n")
    record = fit_cli(path, tmp_path / "f.yaml", "--no-simulate")
    assert record["excluded"] == {"without a customer message": 1}
    assert "1 agent-initiated" in record["observed"]["conversations"]
    # an outreach's reply is not an arrival: 60 arrivals, not 61
    assert next(p for p in record["parameters"] if p["name"] == "arrival.hours")["n"] == 60


def test_fit_errors_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"conversation_id": "x", "messages": [{"role": "robot"}]}\n')
    result = CliRunner().invoke(
        main, ["personas", "fit", str(empty), "--persona", "worried_parent", "--locale", "en_US"]
    )
    assert result.exit_code == 2
    assert "no readable conversations" in result.output
    result = CliRunner().invoke(main, ["personas", "fit", str(empty), "--persona", "nobody"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "--persona nobody" in result.output


# --- fidelity ------------------------------------------------------------------------------------


def _library() -> dict[tuple[str, str], Persona]:
    persona = load_persona(PARENT_EN)
    return {(persona.id, persona.locale): persona}


def _run_of(persona: Persona, agent_median: float, n: int, seed: int) -> list[Transcript]:
    transcripts = simulate(persona, staff_agent(agent_median, 1.0), n, seed=seed)
    for t in transcripts:
        t.agent_id = "human"
        t.persona_id = "worried_parent"
    return transcripts


def test_fidelity_finds_one_population_close_and_another_patience_far() -> None:
    base = load_persona(PARENT_EN)
    real = as_real(simulate(base, staff_agent(400, 1.0), 500, seed=21))
    same = _run_of(base, 400, 400, seed=22)
    impatient = Persona.model_validate(
        {**base.model_dump(mode="json"), "patience": {**base.patience.model_dump(), "reply_s": 200}}
    )
    other = _run_of(impatient, 400, 400, seed=22)
    close = fidelity(real, same, _library(), reps=100)
    far = fidelity(real, other, _library(), reps=100)

    def by_key(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {c["key"]: c for c in result["groups"][1]["comparisons"]}

    near, apart = by_key(close), by_key(far)
    within = sum(bool(c["within_noise"]) for c in near.values())
    assert within >= len(near) - 2, {k: (c["distance"], c["noise"]) for k, c in near.items()}
    assert near["dropoff"]["within_noise"]
    assert not apart["dropoff"]["within_noise"]
    assert apart["dropoff"]["distance"] > 3 * near["dropoff"]["distance"]
    assert close["groups"][1]["summary"].startswith("worried_parent/en_US: 500 real vs 400")


def test_fidelity_cli_writes_json_and_html_and_the_report_gets_a_tab(
    tmp_path: Path, run: Any
) -> None:
    run_dir, _ = run(personas=["worried_parent"], locales=["en_US"], n=40)
    real = as_real(simulate(load_persona(PARENT_EN), staff_agent(300, 1.0), 80, seed=4))
    source = _jsonl(tmp_path / "real.jsonl", real)
    result = CliRunner().invoke(main, ["fidelity", str(source), str(run_dir), "--bootstrap", "20"])
    assert result.exit_code == 0, result.output
    assert "worried_parent/en_US: 80 real vs 40 simulated" in result.output
    data = json.loads((run_dir / "fidelity.json").read_text(encoding="utf-8"))
    assert data["agent"] == "human"
    assert (run_dir / "fidelity.html").read_text(encoding="utf-8").count("<svg") >= 8
    report = CliRunner().invoke(main, ["report", str(run_dir), "--lang", "zh"])
    assert report.exit_code == 0, report.output
    html = next(run_dir.glob("report*.zh.html")).read_text(encoding="utf-8")
    assert 'data-view="fidelity"' in html and "仿真度" in html
    bad = CliRunner().invoke(main, ["fidelity", str(source), str(run_dir), "--agent", "nobody"])
    assert bad.exit_code == 2 and "--agent nobody: not in the run" in bad.output


def test_yaml_of_a_fit_round_trips(parent_fit: Any) -> None:
    data = yaml.safe_load(parent_fit.yaml())
    assert Persona.model_validate(data).model_dump() == parent_fit.persona.model_dump()


# --- the persona fields a fit writes --------------------------------------------------------------


def test_arrival_weights_and_need_weights_shape_the_customers() -> None:
    from collections import Counter

    from simulator.customers import sample_instance

    raw = read_yaml(PARENT_EN)
    raw["arrival"] = {"hours": [9, 21], "tz": "America/Chicago", "weights": [1, 9]}
    raw["needs"][3]["weight"] = 8.0  # results
    raw["behaviour"]["needs"] = [1, 1]
    persona = Persona.model_validate(raw)
    instances = [sample_instance(persona, i, 0) for i in range(600)]
    hours = Counter(i.arrival.hour for i in instances)
    assert 0.84 <= hours[21] / 600 <= 0.96
    firsts = Counter(i.needs[0] for i in instances)
    assert firsts["results"] / 600 > 0.6  # 8 / 11 expected
    # equal weights keep the old draw exactly: same customers as a persona without the field
    plain = load_persona(PARENT_EN)
    explicit = read_yaml(PARENT_EN)
    for need in explicit["needs"]:
        need["weight"] = 1.0
    same = Persona.model_validate(explicit)
    assert [sample_instance(plain, i, 3).needs for i in range(50)] == [
        sample_instance(same, i, 3).needs for i in range(50)
    ]


def test_bad_arrival_weights_are_one_line_errors(tmp_path: Path) -> None:
    raw = read_yaml(PARENT_EN)
    raw["arrival"]["weights"] = [1, 2]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["personas", "validate", str(path)])
    assert result.exit_code != 0
    assert "weights: 2 weights for 5 hours" in result.output
