"""Reference agents and the human baseline behave as their specs say."""

from __future__ import annotations

import asyncio
import math
import statistics
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import FIXTURES

from simulator.agents import load_agent, seconds_until_on_duty
from simulator.models import Message, Transcript
from simulator.seeding import rng_for
from simulator.specs import data_dir

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _transcript(*texts: str, at: datetime | None = None, cid: str = "c") -> Transcript:
    at = at or datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    messages = []
    for i, text in enumerate(texts):
        role = "customer" if i % 2 == 0 else "agent"
        messages.append(Message(role=role, text=text, ts=at + timedelta(seconds=30 * i)))
    return Transcript(
        conversation_id=cid,
        industry="legal",
        locale="zh_CN",
        started_at=at,
        messages=messages,
        meta={"seed": 0},
    )


def _reply(agent_name: str, transcript: Transcript):
    return asyncio.run(load_agent(agent_name).agent.reply(transcript))


def test_v1_asks_for_the_phone_in_its_first_reply():
    turn = _reply("scripted-v1", _transcript("你好，我想咨询离婚纠纷"))
    assert any(word in turn.text for word in ("电话", "手机号"))


def test_v2_answers_first_and_asks_with_a_reason_after_two_answers():
    first = _reply("scripted-v2", _transcript("你好，我想咨询离婚纠纷"))
    assert "电话" not in first.text and "手机" not in first.text
    t = _transcript("你好，我想咨询离婚纠纷", first.text, "律师费怎么收？")
    second = _reply("scripted-v2", t)
    assert "首次咨询免费" in second.text and "电话" not in second.text
    t = _transcript(
        "你好，我想咨询离婚纠纷", first.text, "律师费怎么收？", second.text, "要准备哪些证据？"
    )
    third = _reply("scripted-v2", t)
    assert "证据" in third.text
    assert "回电" in third.text and "方便" in third.text  # a reason and consent


def test_v2_respects_a_refusal():
    ask = "方便的话留个电话吗？律师明早9点前给您回电，详细分析您的案子；不方便也没关系。"
    t = _transcript(
        "你好",
        "您好",
        "律师费怎么收？",
        "首次咨询免费。" + ask,
        "先不留联系方式吧，我还在了解，仲裁要多久？",
    )
    turn = _reply("scripted-v2", t)
    assert "个月" in turn.text
    assert "留个" not in turn.text and "手机号" not in turn.text
    later = _transcript(
        "你好",
        "您好",
        "律师费怎么收？",
        "首次咨询免费。" + ask,
        "先不留联系方式吧",
        turn.text,
        "要准备哪些证据？",
    )
    assert "电话" not in _reply("scripted-v2", later).text


def test_agents_record_the_lead_the_customer_gives():
    turn = _reply("scripted-v2", _transcript("你好", "您好", "我电话 139 1234 5678，王先生"))
    assert turn.lead == {"phone": "13912345678"}


HUMAN_V1 = str(FIXTURES / "agents" / "human-v1.yaml")
"""The human baseline as shipped before version 2: no on-call, no busy hours, no lapses."""


def _human_spec(tmp_path, name: str = "h", **fields) -> str:
    """A human spec file: the shipped one with ``fields`` replaced (None removes a field)."""
    spec = yaml.safe_load((data_dir("agents") / "human.yaml").read_text("utf-8"))
    spec.update(fields)
    spec = {key: value for key, value in spec.items() if value is not None}
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_human_answers_night_messages_when_the_shift_starts():
    night = datetime(2026, 11, 24, 23, 30, tzinfo=SHANGHAI)
    turn = _reply(HUMAN_V1, _transcript("在吗？", at=night))
    reply_at = night + timedelta(seconds=turn.latency_s)
    assert reply_at.date() == (night + timedelta(days=1)).date()
    assert reply_at.hour == 9 or (reply_at.hour == 10 and reply_at.minute < 30)


def test_a_human_spec_without_the_newer_fields_behaves_as_before():
    """Version-1 specs load with nobody on call, no busy hours and no lapses, and a latency is
    still the wait for the shift plus median x exp(sigma x z), z drawn from the same seed."""
    spec = load_agent(HUMAN_V1).agent.spec
    assert spec.on_call is None and spec.latency.peak is None
    assert spec.misses.question == spec.misses.contact_ask == 0
    day = datetime(2026, 11, 24, 14, 0, tzinfo=SHANGHAI)
    night = datetime(2026, 11, 24, 23, 30, tzinfo=SHANGHAI)
    latencies = []
    for i in range(300):
        for at, wait in ((day, 0.0), (night, 9.5 * 3600)):
            cid = f"c{i}"
            z = rng_for(0, cid, 1, spec.id, "latency").gauss(0.0, 1.0)
            latency = _reply(HUMAN_V1, _transcript("你好", at=at, cid=cid)).latency_s
            assert latency == round(wait + 120 * math.exp(0.8 * z), 1)
            if at is day:
                latencies.append(latency)
    assert 90 <= statistics.median(latencies) <= 160
    assert max(latencies) < 3600


def test_the_shipped_human_answers_at_a_busy_team_s_pace():
    """About a minute off-peak, slower in the busy hours: the spec's medians, as sampled."""
    spec = load_agent("human").agent.spec
    assert spec.latency.peak is not None
    quiet = next(h for h in range(spec.shift.start, 24) if h not in spec.latency.peak.hours)
    busy = spec.latency.peak.hours[0]

    def median_at(hour: int) -> float:
        at = datetime(2026, 11, 24, hour, 5, tzinfo=SHANGHAI)
        return statistics.median(
            _reply("human", _transcript("你好", at=at, cid=f"c{i}")).latency_s for i in range(400)
        )

    assert median_at(quiet) == pytest.approx(spec.latency.median_s, rel=0.15)
    assert median_at(busy) == pytest.approx(spec.latency.peak.median_s, rel=0.15)


def test_the_night_on_call_answers_some_night_chats_but_not_all():
    """Each night conversation is either taken by the on-call person (a reply before the
    morning) or waits for the morning shift; the share taken is the spec's, within sampling
    error, and so is the time the on-call person takes to notice a chat."""
    spec = load_agent("human").agent.spec
    assert spec.on_call is not None and 0 < spec.on_call.share < 1
    night = datetime(2026, 11, 24, 23, 40, tzinfo=SHANGHAI)
    n = 400
    latencies = [
        _reply("human", _transcript("在吗？", at=night, cid=f"n{i}")).latency_s for i in range(n)
    ]
    morning = night.replace(hour=spec.shift.start, minute=0) + timedelta(days=1)
    taken = [s for s in latencies if night + timedelta(seconds=s) < morning]
    waited = [s for s in latencies if night + timedelta(seconds=s) >= morning]
    share = len(taken) / n
    margin = 3 * (spec.on_call.share * (1 - spec.on_call.share) / n) ** 0.5
    assert abs(share - spec.on_call.share) <= margin, share
    assert statistics.median(taken) == pytest.approx(spec.on_call.median_s, rel=0.25)
    for seconds in waited:  # the rest are answered when the shift starts, 08:00 the next day
        assert night + timedelta(seconds=seconds) < morning + timedelta(hours=1)


def test_the_on_call_decision_holds_for_the_whole_conversation(tmp_path):
    """Taken once, the on-call person keeps answering, at the team's usual pace after the
    first reply; not taken, a second night message of that conversation waits for the morning
    too."""
    path = _human_spec(
        tmp_path, on_call={"share": 0.5, "median_s": 900}, latency={"median_s": 30, "sigma": 0.3}
    )
    night = datetime(2026, 11, 24, 0, 10, tzinfo=SHANGHAI)

    def chat(cid: str, *turns: tuple[str, str, datetime]) -> Transcript:
        messages = [Message(role=role, text=text, ts=ts) for role, text, ts in turns]
        return Transcript(
            conversation_id=cid,
            industry="legal",
            locale="zh_CN",
            started_at=night,
            messages=messages,
            meta={"seed": 0},
        )

    kinds = set()
    for i in range(40):
        cid = f"k{i}"
        first = _reply(path, chat(cid, ("customer", "在吗？", night))).latency_s
        if (night + timedelta(seconds=first)).hour < 8:  # taken: then the usual pace
            kinds.add("taken")
            reply_at = night + timedelta(seconds=first)
            asked_at = reply_at + timedelta(seconds=20)
            later = chat(
                cid,
                ("customer", "在吗？", night),
                ("agent", "您好", reply_at),
                ("customer", "律师费怎么收？", asked_at),
            )
            assert _reply(path, later).latency_s < 120, cid
        else:  # not taken: asking again at 00:40 changes nothing, the reply comes at 08:00
            kinds.add("waited")
            again_at = night + timedelta(minutes=30)
            later = chat(cid, ("customer", "在吗？", night), ("customer", "有人吗？", again_at))
            reply_at = again_at + timedelta(seconds=_reply(path, later).latency_s)
            assert reply_at.hour == 8, (cid, reply_at)
    assert kinds == {"taken", "waited"}


@pytest.mark.parametrize(
    ("hour", "expected_h"), [(10, 0), (20, 0), (21, 12), (23, 10), (3, 6), (8, 1)]
)
def test_seconds_until_on_duty(hour, expected_h):
    now = datetime(2026, 11, 24, hour, 0, tzinfo=SHANGHAI)
    assert seconds_until_on_duty(now, 9, 21) == expected_h * 3600


@pytest.mark.parametrize(("hour", "expected_h"), [(20, 0), (23, 0), (1, 0), (2, 18), (12, 8)])
def test_a_shift_across_midnight(hour, expected_h):
    now = datetime(2026, 11, 24, hour, 0, tzinfo=SHANGHAI)
    assert seconds_until_on_duty(now, 20, 2) == expected_h * 3600


def test_a_human_who_overlooks_every_question_answers_none(tmp_path):
    """misses.question = 1: a message holding one question the staff could answer gets none."""
    path = _human_spec(tmp_path, misses={"question": 1.0})
    v2 = _reply("scripted-v2", _transcript("律师费怎么收？")).text
    assert "首次咨询免费" in v2
    assert "首次咨询免费" not in _reply(path, _transcript("律师费怎么收？")).text


def test_a_human_who_never_offers_to_take_a_contact(tmp_path):
    """misses.contact_ask = 1: after the same two answered questions where v2 asks, no ask;
    when the customer asks how to proceed, the human does offer to take a contact."""
    path = _human_spec(tmp_path, misses={"contact_ask": 1.0})
    ok = _human_spec(tmp_path, name="ok", misses=None)
    history = (
        "你好，我想咨询离婚纠纷",
        "您好",
        "律师费怎么收？",
        "首次咨询免费。",
        "要准备哪些证据？",
    )
    assert "回电" in _reply(ok, _transcript(*history)).text
    assert "回电" not in _reply(path, _transcript(*history)).text
    ready = _reply(path, _transcript(*history[:-1], "下一步怎么安排？")).text
    assert "回电" in ready


def test_scripted_agents_are_deterministic():
    t = _transcript("你好，我想咨询离婚纠纷", cid="same")
    assert _reply("scripted-v2", t) == _reply("scripted-v2", t)


def _salesim(cwd, *args):
    """The installed console script, run in ``cwd`` as a user would (not `python -m`, which
    would put the folder on sys.path by itself)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "salesim"
    return subprocess.run(
        [str(script), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_readme_agent_runs_from_the_folder_it_is_written_in(tmp_path):
    """README's my_agent.py, copied into a folder outside the repository, runs as written."""
    (tmp_path / "my_agent.py").write_text(
        "from simulator import AgentTurn, Transcript\n\n\n"
        "async def reply(transcript: Transcript) -> AgentTurn:\n"
        "    last = transcript.last_customer_message\n"
        "    return AgentTurn(text=f\"Thanks! About '{last.text}': ...\", latency_s=4.0)\n",
        encoding="utf-8",
    )
    done = _salesim(
        tmp_path,
        "run",
        "--agent",
        "my_agent:reply",
        "--n",
        "2",
        "--personas",
        "worried_parent",
        "--locale",
        "en_US",
        "--out",
        str(tmp_path / "out"),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    assert '"conversations": 4' in done.stdout  # the agent and the human baseline, 2 each


def test_a_broken_agent_module_is_one_line_with_a_hint(tmp_path):
    (tmp_path / "broken.py").write_text("def reply(transcript)\n    return 'hi'\n", "utf-8")
    (tmp_path / "fine.py").write_text("def answer(transcript):\n    return 'hi'\n", "utf-8")
    cases = {
        "broken:reply": "syntax error in broken.py line 1",
        "fine:reply": "has no attribute 'reply' (it has: answer)",
        "missing_module:reply": "run salesim from the folder that holds it",
        "fine.py": "did you mean fine:reply",
    }
    for agent, expected in cases.items():
        done = _salesim(tmp_path, "run", "--agent", agent, "--out", str(tmp_path / "o"))
        assert done.returncode == 2, (agent, done.stdout, done.stderr)
        assert expected in done.stderr, (agent, done.stderr)
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_an_agent_that_always_fails_is_loud(tmp_path):
    """An agent raising in every conversation: the message in scores.jsonl, on the terminal, and
    exit 1 (it used to exit 0 and look 100% compliant)."""
    import json

    (tmp_path / "db_agent.py").write_text(
        "def reply(transcript):\n    raise RuntimeError('database connection refused')\n", "utf-8"
    )
    common = [
        "--agent",
        "db_agent:reply",
        "--baseline-agent",
        "none",
        "--n",
        "2",
        "--personas",
        "worried_parent",
        "--locale",
        "en_US",
    ]
    done = _salesim(tmp_path, "run", *common, "--out", str(tmp_path / "a"))
    assert done.returncode == 1
    assert "RuntimeError: database connection refused" in done.stderr
    assert "2 of 2 conversations ended in agent_error" in done.stderr
    rows = [
        json.loads(line)
        for path in (tmp_path / "a").glob("*/scores.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert rows and all(
        r["agent_error"] == "RuntimeError: database connection refused" for r in rows
    )
    allowed = _salesim(
        tmp_path, "run", *common, "--max-agent-errors", "1", "--out", str(tmp_path / "b")
    )
    assert allowed.returncode == 0, allowed.stderr
    assert "ended in agent_error" in allowed.stderr  # still said, just not a failure


def _module(folder, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(
        f"def reply(transcript):\n    return {text!r}\n", encoding="utf-8"
    )


ONE_CELL = ["--n", "2", "--personas", "worried_parent", "--locale", "en_US"]


def test_agents_in_other_folders_with_the_same_function_name(tmp_path):
    """Two teams' agents in their own folders, both called `reply`, run side by side from a
    third folder: imported through --agent-path, told apart by their module:attr ids."""
    import json

    _module(tmp_path / "team_a", "alpha_bot", "Hello from alpha. Fees start at $40 an hour.")
    _module(tmp_path / "team_b", "beta_bot", "Hello from beta. Our tutors are certified.")
    (tmp_path / "ci").mkdir()
    done = _salesim(
        tmp_path / "ci",
        "run",
        "--agent-path",
        "../team_a",
        "--agent-path",
        str(tmp_path / "team_b"),
        "--agent",
        "alpha_bot:reply",
        "--agent",
        "beta_bot:reply",
        *ONE_CELL,
        "--out",
        "out",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["candidates"] == ["alpha_bot:reply", "beta_bot:reply"]
    manifest = json.loads(next((tmp_path / "ci" / "out").glob("*/manifest.json")).read_text())
    assert manifest["config"]["agent_paths"] == [
        str((tmp_path / "team_a").resolve()),
        str((tmp_path / "team_b").resolve()),
    ]


def test_a_missing_agent_path_is_one_line_with_a_hint(tmp_path):
    _module(tmp_path, "bot", "hi")
    cases = {
        ("--agent-path", "nowhere"): "--agent-path nowhere: no such folder",
        ("--agent-path", "bot.py"): "--agent-path bot.py: not a folder (for bot.py: --agent-path",
        ("--agent", "src/bot.py"): "did you mean --agent-path src --agent bot:reply",
        ("--agent", "bot.py"): "did you mean bot:reply",
    }
    for args, expected in cases.items():
        done = _salesim(tmp_path, "run", *args, "--out", str(tmp_path / "o"))
        assert done.returncode == 2, (args, done.stderr)
        assert expected in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "o").exists()


def test_agent_path_works_for_personas_sample_and_noise(tmp_path, monkeypatch):
    """Every command that takes an agent takes --agent-path (run in-process: sys.path is
    restored after the test)."""
    import sys

    from click.testing import CliRunner

    from simulator.cli import main

    monkeypatch.setattr(sys, "path", list(sys.path))
    _module(tmp_path / "elsewhere", "gamma_bot", "Hello from gamma. How can I help?")
    folder = str(tmp_path / "elsewhere")
    sample = CliRunner().invoke(
        main,
        [
            *("personas", "sample", "worried_parent", "--locale", "en_US"),
            *("--agent", "gamma_bot:reply", "--agent-path", folder),
        ],
    )
    assert sample.exit_code == 0, sample.output
    assert "Hello from gamma" in sample.output
    noise = CliRunner().invoke(
        main,
        [
            *("noise", "gamma_bot:reply", "--agent-path", folder, "--repeats", "2", "--n", "1"),
            *("--personas", "worried_parent", "--locale", "en_US", "--out", str(tmp_path / "o")),
            "--json",
        ],
    )
    assert noise.exit_code == 0, noise.output
    missing = CliRunner().invoke(
        main, ["noise", "gamma_bot:reply", "--agent-path", str(tmp_path / "nope")]
    )
    assert missing.exit_code == 2 and "no such folder" in missing.stderr


def test_a_python_spec_names_its_agent(tmp_path, monkeypatch):
    """module:attr is the default id; a `kind: python` spec's id wins."""
    import sys

    monkeypatch.setattr(sys, "path", list(sys.path))
    _module(tmp_path, "delta_bot", "Hello from delta.")
    from simulator.registry import add_import_paths

    add_import_paths([tmp_path])
    spec = tmp_path / "delta.yaml"
    spec.write_text("kind: python\nid: delta-v3\nversion: 3\ntarget: delta_bot:reply\n", "utf-8")
    by_spec = load_agent(str(spec))
    assert (by_spec.id, by_spec.kind, by_spec.version) == ("delta-v3", "python", 3)
    assert load_agent("delta_bot:reply").id == "delta_bot:reply"
    turn = asyncio.run(by_spec.agent.reply(_transcript("hi")))
    assert turn.text == "Hello from delta."
