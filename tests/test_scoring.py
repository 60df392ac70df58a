"""Scoring imported chats that lack locale, industry or outcome (`salesim score`, baseline import).

tests/fixtures/interchange/real_chats.jsonl holds seven hand-made chats as a chat tool exports
them: four Chinese, three English, no locale, no industry, no outcome, no agent id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.scoring import ImportOptions, score_file
from simulator.specs import SpecError
from tests.conftest import FIXTURES, read_lines

REAL_CHATS = FIXTURES / "interchange" / "real_chats.jsonl"
ECHOED = {"defaulted"}
"""Score-row fields that echo what the input held rather than what was scored."""


def chats() -> list[dict[str, Any]]:
    return read_lines(REAL_CHATS)


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def score(path: Path, out: Path, *options: str) -> tuple[Any, list[dict[str, Any]], dict]:
    result = CliRunner().invoke(main, ["score", str(path), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return result, read_lines(out / "scores.jsonl"), summary


def test_defaults_score_exactly_like_the_fields_present(tmp_path):
    english = [c for c in chats() if c["conversation_id"].startswith("ig-")]
    bare = write(tmp_path / "bare.jsonl", english)
    full = write(
        tmp_path / "full.jsonl", [{**c, "locale": "en_US", "industry": "dental"} for c in english]
    )
    _, with_fields, _ = score(full, tmp_path / "full")
    result, with_defaults, summary = score(
        bare, tmp_path / "bare", "--locale", "en_US", "--industry", "dental"
    )
    assert [{k: v for k, v in r.items() if k not in ECHOED} for r in with_defaults] == [
        {k: v for k, v in r.items() if k not in ECHOED} for r in with_fields
    ]
    assert all(r["defaulted"] == ["locale", "industry"] for r in with_defaults)
    assert all(r["defaulted"] == [] for r in with_fields)
    # the defaults matter: the dental rule only fires with them
    assert any(
        v["rule"] == "medical_painless_promise" for r in with_fields for v in r["violations"]
    )
    assert any(r["contact_asked"] for r in with_defaults)
    assert "warning" not in result.stderr
    defaults = summary["defaults"]
    assert defaults["locale_missing"] == defaults["industry_missing"] == 0
    assert defaults["locale_defaulted"] == defaults["industry_defaulted"] == len(english)
    _, unfilled, _ = score(bare, tmp_path / "unfilled")
    # unfilled, the industry rule cannot fire (no industry); an English message is still read as
    # English (a message is read in its own language), so its contact ask and general claims count
    assert not any(
        v["rule"] == "medical_painless_promise" for r in unfilled for v in r["violations"]
    )
    assert [r["contact_asked"] for r in unfilled] == [r["contact_asked"] for r in with_fields]


def test_missing_locale_and_industry_are_warned_about_and_counted(tmp_path):
    result, rows, summary = score(REAL_CHATS, tmp_path / "out")
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "warning: 7 of 7 conversations have no locale (scored as zh_CN); pass --locale",
        "warning: 7 of 7 conversations have no industry (industry rules not applied); "
        "pass --industry",
    ]
    defaults = summary["defaults"]
    assert defaults["locale_missing"] == defaults["industry_missing"] == 7
    assert defaults["unsupported_locale"] == 0
    assert all(r["locale"] is None and r["defaulted"] == [] for r in rows)
    # only the gap that is left is warned about
    half = CliRunner().invoke(
        main, ["score", str(REAL_CHATS), "--out", str(tmp_path / "half"), "--industry", "dental"]
    )
    assert half.exit_code == 0
    assert "no locale" in half.stderr and "no industry" not in half.stderr


def test_chats_without_outcomes_get_derived_ones_in_rows_summary_and_report(tmp_path):
    out = tmp_path / "out"
    _, rows, summary = score(REAL_CHATS, out)
    derived = {r["conversation_id"]: (r["outcome"], r["drop_off"]) for r in rows}
    assert derived == {
        "wx-20260311-0412": ("lead_captured", None),
        "wx-20260311-0419": ("no_reply", "no_reply"),
        "wx-20260312-0031": ("customer_left", "slow_reply"),
        "wx-20260312-0057": ("customer_left", "unanswered"),
        "ig-88121": ("customer_silent", "silent"),
        "ig-88140": ("ended_no_lead", "no_lead"),
        "ig-88177": ("lead_captured", None),
    }
    assert all(r["outcome_derived"] for r in rows)
    assert summary["outcomes_derived"] == 7
    agent = summary["agents"]["(none)"]
    assert agent["outcomes"] == {
        "customer_left": 2,
        "customer_silent": 1,
        "ended_no_lead": 1,
        "lead_captured": 2,
        "no_reply": 1,
    }
    assert "unknown" not in agent["outcomes"]
    assert sum(agent["drop_off"].values()) == 5
    report = CliRunner().invoke(main, ["report", str(out), "--format", "md"])
    assert report.exit_code == 0, report.output
    for reason in ("no_reply", "slow_reply", "unanswered", "silent", "no_lead"):
        assert f"| {reason} |" in report.stdout


def test_input_outcomes_unknown_foreign_and_trusted(tmp_path):
    records = chats()[:3]
    records[0]["outcome"] = "unknown"
    records[1]["outcome"] = "customer_declined"  # salesim's own: kept
    records[2]["outcome"] = "closed_lost"  # a CRM's label: derived unless trusted
    path = write(tmp_path / "labelled.jsonl", records)
    _, rows, summary = score(path, tmp_path / "default", "--locale", "zh_CN")
    assert [(r["outcome"], r["outcome_derived"]) for r in rows] == [
        ("lead_captured", True),
        ("customer_declined", False),
        ("customer_left", True),
    ]
    assert "closed_lost" in rows[2]["notes"][0] and summary["trust_outcome"] is False
    _, trusted, summary = score(path, tmp_path / "trusted", "--locale", "zh_CN", "--trust-outcome")
    assert [r["outcome"] for r in trusted] == ["lead_captured", "customer_declined", "closed_lost"]
    assert [r["outcome_derived"] for r in trusted] == [True, False, False]
    assert summary["trust_outcome"] is True and summary["outcomes_derived"] == 1


def test_an_unsupported_locale_is_reported_not_scored_with_another_languages_rules(tmp_path):
    french = {
        "conversation_id": "fr-1",
        "locale": "fr_FR",
        "industry": "dental",
        "messages": [
            {
                "role": "customer",
                "text": "Bonjour, un implant coûte combien ?",
                "ts": "2026-03-11T10:00:00+01:00",
            },
            {
                "role": "agent",
                "text": "Our implants are completely painless. Votre numéro ?",
                "ts": "2026-03-11T10:01:00+01:00",
            },
            {"role": "customer", "text": "+33 6 12 34 56 78", "ts": "2026-03-11T10:02:00+01:00"},
        ],
    }
    national = {
        **french,
        "conversation_id": "fr-2",
        "messages": [*french["messages"][:2], {**french["messages"][2], "text": "06 12 34 56 78"}],
    }
    path = write(tmp_path / "fr.jsonl", [french, national, {**chats()[0], "locale": "zh_CN"}])
    result, rows, summary = score(path, tmp_path / "out", "--industry", "dental")
    fr1, fr2, zh = rows
    assert fr1["locale"] == "fr_FR" and fr1["replied_within_sla"] is True
    assert fr1["lead_captured"] is True and fr1["contact"] == "612345678"  # +33: country code
    assert fr2["lead_captured"] is False  # a national number needs the country's numbering plan
    for row in (fr1, fr2):
        assert row["compliant"] is None and row["violations"] == []
        assert row["contact_asked"] is None
        assert row["outcome_derived"] is True
        assert "'fr_FR' is not supported" in row["notes"][0]
    assert zh["compliant"] is not None and zh["notes"] == []
    assert summary["defaults"]["unsupported_locale"] == 2
    assert summary["defaults"]["unsupported_locales"] == {"fr_FR": 2}
    assert "warning: 2 of 3 conversations have an unsupported locale (fr_FR: 2)" in result.stderr
    assert summary["agents"]["(none)"]["metrics"]["compliance"]["n"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--industry", "dentel"], "error: --industry dentel: no rubric covers it (known: "),
        (["--locale", "fr_FR"], "'fr_FR' is not one of 'zh_CN', 'en_US'"),
    ],
)
def test_bad_defaults_exit_2_before_anything_is_written(tmp_path, args, message):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["score", str(REAL_CHATS), "--out", str(out), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    if "--industry" in args:  # one line (click's own usage errors are click's), known ones listed
        assert len(result.stderr.strip().splitlines()) == 1
        assert "dental" in result.stderr and "legal" in result.stderr
    assert not out.exists()


def test_library_refuses_an_unsupported_default_locale(tmp_path):
    with pytest.raises(SpecError, match="--locale fr_FR: not one of zh_CN, en_US"):
        score_file(REAL_CHATS, tmp_path / "s.jsonl", 180.0, options=ImportOptions(locale="fr_FR"))


def test_baseline_import_takes_the_same_defaults_and_keeps_them(tmp_path):
    out_dir = tmp_path / "baselines"
    args = ["baseline", "import", str(REAL_CHATS), "--name", "team", "--out-dir", str(out_dir)]
    bare = CliRunner().invoke(main, [*args[:4], "bare", *args[5:]])
    assert bare.exit_code == 0, bare.output
    assert "warning: 7 of 7 conversations have no locale" in bare.stderr
    result = CliRunner().invoke(main, [*args, "--industry", "dental"])
    assert result.exit_code == 0, result.output
    assert "no industry" not in result.stderr
    team = out_dir / "team"
    summary = json.loads((team / "summary.json").read_text(encoding="utf-8"))
    assert summary["defaults"]["industry_defaulted"] == 7
    assert summary["outcomes_derived"] == 7
    assert summary["agents"]["imported:team"]["outcomes"]["no_reply"] == 1
    stored = read_lines(team / "transcripts.jsonl")
    assert all(t["industry"] == "dental" and t["meta"]["defaulted"] == ["industry"] for t in stored)
    manifest = json.loads((team / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["industry"] == "dental" and manifest["trust_outcome"] is False
    run = CliRunner().invoke(
        main,
        ["run", "--baseline", str(team), "--n", "2", "--out", str(tmp_path / "runs"), "--json"],
    )
    assert run.exit_code == 0, run.output
    # the run scores the baseline again (its SLA, its rubrics): outcomes are derived again
    outcomes = json.loads(run.stdout)["agents"]["imported:team"]["outcomes"]
    assert outcomes == summary["agents"]["imported:team"]["outcomes"]


# --- one output directory, one writer; the summary never describes other scores ------------------


def _many_chats(path: Path, n: int) -> Path:
    lines = (FIXTURES / "interchange" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    out = []
    for i in range(n):
        chat = json.loads(lines[i % len(lines)])
        chat["conversation_id"] = f"{chat['conversation_id']}-{i}"
        out.append(json.dumps(chat, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_two_scores_into_one_directory_at_once_never_interleave(tmp_path):
    import subprocess
    import sys

    chats = _many_chats(tmp_path / "chats.jsonl", 1500)
    out = tmp_path / "scored"
    command = [sys.executable, "-m", "simulator", "score", str(chats), "--out", str(out), "--json"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    results = []
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        results.append((process.returncode, err))
    assert all(code in (0, 2) for code, _ in results), results
    assert any(code == 0 for code, _ in results), results
    for code, err in results:
        if code == 2:
            assert "locked by" in err and len(err.strip().splitlines()) == 1, err
    lines = (out / "scores.jsonl").read_text(encoding="utf-8").splitlines()
    assert (
        len(lines) == 1500 and len({json.loads(line)["conversation_id"] for line in lines}) == 1500
    )
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["conversations"] == 1500
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_a_kill_between_scores_and_summary_leaves_no_summary_of_other_scores(tmp_path, monkeypatch):
    import errno

    import simulator.scoring as scoring

    out = tmp_path / "scored"
    first = _many_chats(tmp_path / "a.jsonl", 6)
    second = _many_chats(tmp_path / "b.jsonl", 3)
    assert CliRunner().invoke(main, ["score", str(first), "--out", str(out)]).exit_code == 0

    def killed(path, data):
        raise OSError(errno.EIO, "killed while writing the summary")

    monkeypatch.setattr(scoring, "write_json_atomic", killed)
    result = CliRunner().invoke(main, ["score", str(second), "--out", str(out)])
    assert result.exit_code == 2
    lines = (out / "scores.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    summary = out / "summary.json"
    assert not summary.exists() or json.loads(summary.read_text("utf-8"))["conversations"] == 3


# --- memory and size: score streams, and one huge message cannot stall it ---------------------


def _rows_of(scores: Path) -> list:
    from simulator.metrics import ScoreRow

    return [ScoreRow.model_validate(obj) for obj in read_lines(scores)]


@pytest.mark.parametrize("trials", [False, True])
def test_the_streamed_summary_equals_one_made_from_every_row(tmp_path, trials):
    """score keeps counts, not rows; its summary must be what the rows themselves give."""
    from simulator.metrics import summarize_agent

    records = chats()
    if trials:  # a file exported from a --trials run: pass^k needs per-instance groups
        records = [{**c, "trial": i % 2} for i, c in enumerate(records)]
    scored = score_file(write(tmp_path / "in.jsonl", records), tmp_path / "scores.jsonl", 180.0)
    rows = _rows_of(tmp_path / "scores.jsonl")
    assert scored.count == len(rows) == len(records)
    assert not hasattr(scored, "rows")
    by_agent: dict[str, list] = {}
    for row in rows:
        by_agent.setdefault(row.agent_id or "(none)", []).append(row)
    expected = {agent: summarize_agent(group) for agent, group in sorted(by_agent.items())}
    assert scored.summary()["agents"] == expected


def test_a_huge_imported_message_is_cut_and_says_so(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from simulator.interchange import read_transcripts
    from simulator.interchange._read import MAX_MESSAGE_CHARS

    huge = "我想问一下价格。" * 1_000_000  # 8 million characters, a few KB compressed
    table = pa.table(
        {
            "conversation_id": ["c1", "c1"],
            "role": ["customer", "agent"],
            "text": [huge, "您好，一对一每小时两百元。"],
            "ts": ["2025-01-01T10:00:00+08:00", "2025-01-01T10:01:00+08:00"],
        }
    )
    path = tmp_path / "messages.parquet"
    pq.write_table(table, path, compression="zstd")
    assert path.stat().st_size < 100_000
    jsonl = write(
        tmp_path / "chat.jsonl",
        [
            {
                "conversation_id": "c2",
                "messages": [
                    {"role": "customer", "text": "x" * 50_000, "ts": "2025-01-01T10:00:00+08:00"}
                ],
            }
        ],
    )
    for source in (path, jsonl):
        [(_, transcript, error)] = list(read_transcripts(source))
        assert error is None and transcript is not None
        first = transcript.messages[0]
        assert len(first.text) == MAX_MESSAGE_CHARS
        assert first.meta["truncated"] is True
    out = tmp_path / "scored"
    result = CliRunner().invoke(main, ["score", str(path), "--out", str(out), "--locale", "zh_CN"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["conversations"] == 1
