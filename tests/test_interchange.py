"""Transcripts from CSV, Parquet and datasets score exactly like the JSONL they came from; bad
records are reported where they are; a run exports for pandas and datasets and reads back.

Every table here is written by the test itself from tests/fixtures/interchange/sample.jsonl
(six conversations, zh_CN and en_US, with leads, truths, a burst, a refusal and a system line).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from simulator.interchange import MESSAGE_EXPORT_COLUMNS, export_run, read_transcripts
from simulator.metrics import score_transcript
from simulator.models import RunConfig, Transcript
from simulator.results import SCORES, TRANSCRIPTS
from simulator.runs import run_suite
from simulator.scoring import score_file
from simulator.specs import SpecError

SAMPLE = Path(__file__).parent / "fixtures" / "interchange" / "sample.jsonl"

MAPPING = {"conversation_id": "chat_id", "role": "sender", "text": "content", "ts": "sent_at"}
ROLES = {"客户": "customer", "客服": "agent", "系统": "system"}
LABELS = {ours: label for label, ours in ROLES.items()}


def sample() -> list[Transcript]:
    return [Transcript.model_validate_json(line) for line in SAMPLE.read_text("utf-8").splitlines()]


def scores(transcripts: list[Transcript]) -> dict[str, dict[str, Any]]:
    """Score rows by conversation id (the brief's equality: score_transcript(t).model_dump())."""
    return {t.conversation_id: score_transcript(t).model_dump() for t in transcripts}


def read_ok(path: Path, **kwargs: Any) -> list[Transcript]:
    """Every transcript of a file, failing the test on any unreadable record."""
    records = list(read_transcripts(path, **kwargs))
    errors = [f"{where}: {error}" for where, _, error in records if error]
    assert not errors, errors
    return [t for _, t, _ in records if t is not None]


def message_rows(transcripts: list[Transcript]) -> list[dict[str, Any]]:
    """A CRM-style export: one row per message, its own column names and role labels, lead and
    truth spread over lead_*/truth_* columns, rows of conversations interleaved and reversed."""
    rows = []
    for t in transcripts:
        for message in t.messages:
            row = {
                "chat_id": t.conversation_id,
                "sender": LABELS[message.role],
                "content": message.text,
                "sent_at": message.ts.isoformat(),
                "meta": json.dumps(message.meta, ensure_ascii=False),
                "persona_id": t.persona_id,
                "agent_id": t.agent_id,
                "industry": t.industry,
                "locale": t.locale,
                "outcome": t.outcome,
            }
            row.update({f"lead_{k}": v for k, v in (t.lead or {}).items()})
            row.update({f"truth_{k}": v for k, v in (t.truth or {}).items()})
            rows.append(row)
    # newest first, so grouping (first appearance) and sorting by ts are both exercised
    return rows[::-1]


def conversation_rows(transcripts: list[Transcript]) -> list[dict[str, Any]]:
    """One row per conversation: messages as a list of dicts with aware datetimes."""
    return [
        {
            "conversation_id": t.conversation_id,
            "locale": t.locale,
            "persona_id": t.persona_id,
            "agent_id": t.agent_id,
            "industry": t.industry,
            "outcome": t.outcome,
            "messages": [
                {"role": m.role, "text": m.text, "ts": m.ts, "meta": json.dumps(m.meta)}
                for m in t.messages
            ],
            "lead": t.lead,
            "truth": t.truth,
        }
        for t in transcripts
    ]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """datasets is used only through save_to_disk/load_from_disk: any connection is a bug."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- import ------------------------------------------------------------------------------------


def test_jsonl_keeps_unknown_fields_and_reports_lines():
    records = list(read_transcripts(SAMPLE))
    assert [where for where, _, _ in records] == [f"{SAMPLE}:{n}" for n in range(1, 7)]
    first = records[0][1]
    assert first is not None and first.model_extra == {"channel": "douyin"}
    assert scores(read_ok(SAMPLE)) == scores(sample())


def test_csv_message_rows_with_mapped_columns_and_roles_score_like_the_jsonl(tmp_path):
    import pandas as pd

    path = tmp_path / "crm_export.csv"
    pd.DataFrame(message_rows(sample())).to_csv(path, index=False)  # NaN, 'True' as pandas does
    imported = read_ok(path, mapping=MAPPING, roles=ROLES)
    assert [t.conversation_id for t in imported] == [t.conversation_id for t in sample()][::-1]
    expected = scores(sample())
    for conversation_id, row in scores(imported).items():
        assert row == expected[conversation_id], conversation_id
    assert len(imported) == len(expected)
    by_id = {t.conversation_id: t for t in imported}
    assert by_id["zh-legal-1"].truth == {"phone": "13800138000", "qualified": True}
    assert by_id["zh-edu-2"].lead is None


def test_csv_naive_timestamps_need_a_time_zone(tmp_path):
    path = tmp_path / "naive.csv"
    path.write_text(
        "conversation_id,role,text,ts,locale\n"
        "c1,customer,在吗,2026-11-24 23:47:00,zh_CN\n"
        "c1,agent,在的,2026-11-24 23:47:05,zh_CN\n",
        encoding="utf-8",
    )
    [(where, transcript, error)] = read_transcripts(path)
    assert where == f"{path}:conversation c1" and transcript is None
    assert error == "row 1: ts: timestamp has no time zone (2026-11-24 23:47:00)"
    [transcript] = read_ok(path, default_tz="Asia/Shanghai")
    assert transcript.messages[0].ts.isoformat() == "2026-11-24T23:47:00+08:00"
    assert score_transcript(transcript).first_reply_s == 5.0


def test_parquet_conversation_rows_score_like_the_jsonl(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "chats.parquet"
    # lead/truth become structs with the union of all keys (nulls filled in): the reader must
    # not read truth.qualified = None as "not qualified"
    pq.write_table(pa.Table.from_pylist(conversation_rows(sample())), path)

    def without_hour(rows):
        # A native Parquet timestamp column keeps one zone for all rows (UTC here), so the
        # customers' local hour of day cannot survive it; salesim's own exports write ISO
        # strings with each message's offset for that reason. Everything else must match.
        return {key: {**row, "hour": None} for key, row in rows.items()}

    assert without_hour(scores(read_ok(path))) == without_hour(scores(sample()))


def test_parquet_message_rows_score_like_the_jsonl(tmp_path):
    import pandas as pd

    path = tmp_path / "messages.parquet"
    pd.DataFrame(message_rows(sample())).to_parquet(path, index=False)
    assert scores(read_ok(path, mapping=MAPPING, roles=ROLES)) == scores(sample())


def test_datasets_directory_scores_like_the_jsonl(tmp_path, no_network):
    import datasets

    rows = conversation_rows(sample())
    for row in rows:  # the hf export's shape: ISO strings and JSON text
        row["lead"], row["truth"] = json.dumps(row["lead"]), json.dumps(row["truth"])
        for message in row["messages"]:
            message["ts"] = message["ts"].isoformat()
    directory = tmp_path / "chats_ds"
    datasets.Dataset.from_list(rows).save_to_disk(str(directory))
    assert (directory / "dataset_info.json").exists()
    assert scores(read_ok(directory)) == scores(sample())


def test_csv_with_a_messages_column_holds_json(tmp_path):
    path = tmp_path / "conversations.csv"
    lines = ["conversation_id,locale,messages,truth_phone,truth_qualified"]
    for t in sample()[:2]:
        messages = json.dumps([m.model_dump(mode="json") for m in t.messages], ensure_ascii=False)
        quoted = '"' + messages.replace('"', '""') + '"'
        lines.append(f"{t.conversation_id},{t.locale},{quoted},{t.truth['phone']},false")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported = read_ok(path)
    assert [t.truth for t in imported] == [
        {"phone": "13800138000", "qualified": False},
        {"phone": "13912345678", "qualified": False},
    ]
    assert [score_transcript(t).first_reply_s for t in imported] == [5.0, 600.0]


# --- bad records -------------------------------------------------------------------------------


def test_bad_jsonl_lines_are_reported_with_their_number_and_good_lines_still_come(tmp_path):
    good = SAMPLE.read_text("utf-8").splitlines()
    line = json.loads(good[0])
    no_messages = {k: v for k, v in line.items() if k != "messages"}
    bot = json.loads(good[0])
    bot["messages"][1]["role"] = "bot"
    bad_ts = json.loads(good[0])
    bad_ts["messages"][2]["ts"] = "2026-13-45"
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                good[0],
                json.dumps(no_messages, ensure_ascii=False),
                json.dumps(bot, ensure_ascii=False),
                "",
                json.dumps(bad_ts, ensure_ascii=False),
                "{not json",
                good[3],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    records = list(read_transcripts(path))
    errors = {where: error for where, _, error in records if error}
    assert errors == {
        f"{path}:2": "messages: required field is missing",
        f"{path}:3": "messages.1.role: unknown role 'bot'",
        f"{path}:5": "messages.2.ts: unparseable timestamp '2026-13-45'",
        f"{path}:6": "invalid JSON (Expecting property name enclosed in double quotes)",
    }
    assert [(where, t.conversation_id) for where, t, _ in records if t] == [
        (f"{path}:1", "zh-legal-1"),
        (f"{path}:7", "en-legal-1"),
    ]


def test_bad_message_rows_spoil_only_their_conversation(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "chat_id,sender,content,sent_at\n"
        "a,客户,hi,2026-11-24T10:00:00+08:00\n"
        "a,bot,hello,2026-11-24T10:00:05+08:00\n"
        ",客户,orphan,2026-11-24T10:00:06+08:00\n"
        "b,客户,hi,2026-11-24T10:00:00+08:00\n"
        "b,客服,hello,2026-11-24T10:00:03+08:00\n",
        encoding="utf-8",
    )
    records = list(read_transcripts(path, mapping=MAPPING, roles=ROLES))
    assert [(where, error) for where, _, error in records] == [
        (f"{path}:row 3", "conversation_id: required field is missing"),
        (f"{path}:conversation a", "row 2: role: unknown role 'bot'"),
        (f"{path}:conversation b", None),
    ]


def test_score_file_reads_tables_and_reports_where(tmp_path):
    import pandas as pd

    path = tmp_path / "crm.csv"
    rows = message_rows(sample())
    rows[0]["sent_at"] = "yesterday"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path / "scores.jsonl"
    scored = score_file(path, out, 180.0, mapping=MAPPING, roles=ROLES)
    assert scored.unreadable == [
        f"{path}:conversation en-home-3: row 1: ts: unparseable timestamp 'yesterday'"
    ]
    assert scored.count == 5
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("chats.txt", "hello\n", "unknown file type '.txt'"),
        ("no_text.csv", "conversation_id,role,ts\nc1,customer,2026-11-24T10:00:00Z\n", None),
        ("broken.parquet", "not parquet at all", "cannot read Parquet"),
        ("empty.csv", "", "empty CSV file"),
    ],
)
def test_a_file_that_cannot_be_read_at_all_is_one_spec_error(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        read_transcripts(path)  # raised before the first record, so the CLI exits 2 early
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    assert (expected or "missing column 'text'") in message


def test_mapping_problems_are_spec_errors(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("chat_id,role,text,ts\n", encoding="utf-8")
    with pytest.raises(SpecError, match="missing column 'conversation_id'"):
        read_transcripts(path)
    with pytest.raises(SpecError, match=r"mapping: no column 'content' \(for text\)"):
        read_transcripts(path, mapping={"conversation_id": "chat_id", "text": "content"})
    with pytest.raises(SpecError, match="mapping: unknown field 'txt'"):
        read_transcripts(path, mapping={"txt": "text"})
    with pytest.raises(SpecError, match="roles: 'user' maps to unknown role 'client'"):
        read_transcripts(path, roles={"user": "client"})
    with pytest.raises(SpecError, match="unknown time zone 'Mars/Olympus'"):
        read_transcripts(path, default_tz="Mars/Olympus")


# --- export ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("runs")
    config = RunConfig(
        n=2, out=str(out), run_id="r", personas=["worried_parent"], locales=["en_US"]
    )
    run_dir, _ = run_suite(config)
    return run_dir


def run_scores(run_dir: Path) -> dict[str, dict[str, Any]]:
    lines = (run_dir / SCORES).read_text(encoding="utf-8").splitlines()
    return {row["conversation_id"]: row for row in map(json.loads, lines)}


ROUND_TRIP_FIELDS = ("replied_within_sla", "lead_captured", "contact")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_for_pandas_round_trips(tiny_run, tmp_path, fmt):
    import pandas as pd

    out = tmp_path / "export"
    written = export_run(tiny_run, fmt, out)
    assert written == [out / f"scores.{fmt}", out / f"messages.{fmt}"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)  # no temps

    expected = run_scores(tiny_run)
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    table = read(out / f"scores.{fmt}")
    assert sorted(table["conversation_id"]) == sorted(expected)
    messages = read(out / f"messages.{fmt}")
    assert list(messages.columns) == list(MESSAGE_EXPORT_COLUMNS)

    reimported = {t.conversation_id: t for t in read_ok(out / f"messages.{fmt}")}
    assert reimported.keys() == expected.keys()
    for conversation_id, row in expected.items():
        again = score_transcript(reimported[conversation_id]).model_dump()
        assert {f: again[f] for f in ROUND_TRIP_FIELDS} == {f: row[f] for f in ROUND_TRIP_FIELDS}


def test_export_for_datasets_loads_one_row_per_conversation(tiny_run, tmp_path, no_network):
    import datasets

    out = tmp_path / "hf"
    written = export_run(tiny_run, "hf", out)
    assert written == [out / "transcripts", out / "scores"]
    expected = run_scores(tiny_run)
    transcripts = datasets.load_from_disk(str(out / "transcripts"))
    assert len(transcripts) == len(expected)
    assert sorted(transcripts["conversation_id"]) == sorted(expected)
    assert len(datasets.load_from_disk(str(out / "scores"))) == len(expected)
    # the transcripts keep everything (meta, truth, lead): a full rescore matches the run
    originals = read_ok(tiny_run / TRANSCRIPTS)
    assert scores(read_ok(out / "transcripts")) == scores(originals)
    # exporting again replaces the directories instead of merging into them
    export_run(tiny_run, "hf", out)
    assert sorted(p.name for p in out.iterdir()) == ["scores", "transcripts"]


def test_a_failed_export_leaves_no_file(tiny_run, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    calls = []
    original = pq.write_table

    def fail_second(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        original(*args, **kwargs)

    monkeypatch.setattr(pq, "write_table", fail_second)
    out = tmp_path / "export"
    with pytest.raises(OSError, match="disk full"):
        export_run(tiny_run, "parquet", out)
    assert list(out.iterdir()) == []


def test_export_of_a_directory_that_is_not_a_run(tmp_path):
    with pytest.raises(SpecError, match="not a run directory"):
        export_run(tmp_path, "csv", tmp_path / "out")


def test_salesim_does_not_import_the_table_libraries_until_needed():
    code = (
        "import sys, simulator.cli, simulator.interchange, simulator.scoring\n"
        "print([m for m in ('pandas', 'pyarrow', 'datasets') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# --- hostile lines: reported and skipped, never a traceback ---------------------------------------

HOSTILE_LINES = {
    "lone surrogate": '{"conversation_id": "s", "messages": [{"role": "customer", '
    '"text": "hi \\ud800", "ts": "2026-11-24T10:00:00+08:00"}]}',
    "lone surrogate key": '{"conversation_id": "k", "messages": [], "\\udc80": 1}',
    "deep nesting": '{"conversation_id": "d", "messages": [], "meta": {"x": '
    + "[" * 1000
    + "]" * 1000
    + "}}",
    "moderately deep": '{"conversation_id": "m", "messages": [], "meta": {"x": '
    + "[" * 200
    + "]" * 200
    + "}}",
    "huge integer": '{"conversation_id": "i", "messages": [], "meta": {"n": 1' + "0" * 5000 + "}}",
}


def hostile_file(path: Path) -> Path:
    """Two good conversations with every hostile line between them."""
    good = SAMPLE.read_text("utf-8").splitlines()
    path.write_text("\n".join([good[0], *HOSTILE_LINES.values(), good[3]]) + "\n", "utf-8")
    return path


def test_hostile_lines_are_reported_and_the_rest_is_read(tmp_path):
    path = hostile_file(tmp_path / "hostile.jsonl")
    records = list(read_transcripts(path))
    errors = {where: error for where, _, error in records if error}
    assert sorted(errors) == [f"{path}:{n}" for n in range(2, 2 + len(HOSTILE_LINES))]
    assert "surrogate" in errors[f"{path}:2"] and "surrogate" in errors[f"{path}:3"]
    assert "nested" in errors[f"{path}:4"] and "nested" in errors[f"{path}:5"]
    assert "digits" in errors[f"{path}:6"]
    assert [t.conversation_id for _, t, _ in records if t] == ["zh-legal-1", "en-legal-1"]


@pytest.mark.parametrize("command", ["score", "baseline"])
def test_score_and_baseline_import_skip_hostile_lines(tmp_path, command):
    from click.testing import CliRunner

    from simulator.cli import main

    path = hostile_file(tmp_path / "hostile.jsonl")
    if command == "score":
        args = ["score", str(path), "--out", str(tmp_path / "out")]
        summary_path = tmp_path / "out" / "summary.json"
    else:
        args = ["baseline", "import", str(path), "--out-dir", str(tmp_path), "--name", "b"]
        summary_path = tmp_path / "b" / "summary.json"
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, (result.output, result.exception)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert summary["conversations"] == 2
    assert summary["unreadable_lines"] == len(HOSTILE_LINES)
    for n in range(2, 2 + len(HOSTILE_LINES)):
        assert f"{path}:{n}: " in result.stderr


def test_export_skips_hostile_lines_and_says_so(tiny_run, tmp_path):
    import shutil

    from click.testing import CliRunner

    from simulator.cli import main

    run_dir = tmp_path / "run"
    shutil.copytree(tiny_run, run_dir)
    for name in (TRANSCRIPTS, SCORES):
        with (run_dir / name).open("a", encoding="utf-8") as handle:
            handle.write("\n".join(HOSTILE_LINES.values()) + "\n")
    out = tmp_path / "export"
    result = CliRunner().invoke(
        main, ["export", str(run_dir), "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 0, (result.output, result.exception)
    good = len(run_scores(tiny_run))
    assert result.stderr.count("warning: ") == 2 * len(HOSTILE_LINES)
    import pandas as pd

    assert len(pd.read_csv(out / "scores.csv")) == good
    assert pd.read_csv(out / "messages.csv")["conversation_id"].nunique() == good


def test_a_csv_row_that_is_not_utf8_is_reported_and_the_rest_is_read(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        "chat_id,sender,content,sent_at\n"
        "a,客户,hi,2026-11-24T10:00:00+08:00\n"
        "a,客服,hello,2026-11-24T10:00:05+08:00\n".encode()
        + b"x,\xff\xfe,broken,2026-11-24T10:00:06+08:00\n"
        + "b,客户,hi,2026-11-24T10:00:00+08:00\n".encode()
    )
    records = list(read_transcripts(path, mapping=MAPPING, roles=ROLES))
    assert [(where, error) for where, _, error in records] == [
        (f"{path}:row 3", "not UTF-8 text"),
        (f"{path}:conversation a", None),
        (f"{path}:conversation b", None),
    ]


# --- imported data is scored as what it says, or refused -----------------------------------------


def _one(path: Path, **kwargs: Any) -> Transcript:
    [transcript] = read_ok(path, **kwargs)
    return transcript


def test_compact_local_timestamps_are_local_time_in_the_given_zone(tmp_path):
    path = tmp_path / "compact.csv"
    path.write_text(
        "conversation_id,role,text,ts,locale\n"
        "c1,customer,在吗,20261124100000,zh_CN\n"
        "c1,agent,在的,20261124130000,zh_CN\n",
        encoding="utf-8",
    )
    [(_, _, error)] = read_transcripts(path)
    assert error == "row 1: ts: timestamp has no time zone (20261124100000)"
    transcript = _one(path, default_tz="Asia/Shanghai")
    assert transcript.messages[0].ts.isoformat() == "2026-11-24T10:00:00+08:00"
    assert score_transcript(transcript).first_reply_s == 3 * 3600


@pytest.mark.parametrize("scale", [1, 1000])
def test_epoch_timestamps_are_instants_shown_on_the_customers_clock(tmp_path, scale):
    from datetime import UTC, datetime

    start = int(datetime(2026, 11, 24, 3, 20, tzinfo=UTC).timestamp())
    path = tmp_path / "epoch.jsonl"
    messages = [
        {"role": "customer", "text": "在吗", "ts": start * scale},
        {"role": "agent", "text": "在的", "ts": (start + 3 * 3600) * scale},
    ]
    path.write_text(json.dumps({"conversation_id": "e", "messages": messages}) + "\n", "utf-8")
    [(_, _, error)] = read_transcripts(path)
    assert error is not None and "time zone" in error  # whose clock is the hour on? never guessed
    transcript = _one(path, default_tz="Asia/Shanghai")
    assert transcript.messages[0].ts.isoformat() == "2026-11-24T11:20:00+08:00"
    row = score_transcript(transcript)
    assert row.first_reply_s == 3 * 3600 and row.hour == 11


def test_messages_out_of_time_order_are_put_in_order_not_scored_backwards(tmp_path):
    path = tmp_path / "order.jsonl"
    messages = [
        {"role": "customer", "text": "在吗", "ts": "2026-11-24T10:00:00+08:00"},
        {"role": "agent", "text": "在的", "ts": "2026-11-23T10:00:00+08:00"},
    ]
    path.write_text(json.dumps({"conversation_id": "o", "messages": messages}) + "\n", "utf-8")
    transcript = _one(path)
    assert [m.role for m in transcript.messages] == ["agent", "customer"]
    row = score_transcript(transcript)
    assert row.first_reply_s is None and not row.replied_within_sla


def test_a_reply_before_its_question_is_never_a_negative_reply_time():
    from datetime import timedelta

    [transcript] = sample()[:1]
    day_early = transcript.messages[0].ts - timedelta(days=1)
    messages = [
        m.model_copy(update={"ts": day_early}) if m.role == "agent" else m
        for m in transcript.messages
    ]
    backwards = transcript.model_copy(update={"messages": messages})
    row = score_transcript(backwards)
    assert row.first_reply_s is None or row.first_reply_s >= 0
    assert not row.replied_within_sla and row.messages_replied_within_sla == 0


@pytest.mark.parametrize(
    ("value", "valid"), [("false", False), ("False", False), ("no", False), ("true", True)]
)
def test_qualified_written_as_text_means_what_it_says(tmp_path, value, valid):
    line = json.loads(SAMPLE.read_text("utf-8").splitlines()[0])
    assert score_transcript(Transcript.model_validate(line)).lead_valid is True
    line["truth"]["qualified"] = value
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    assert score_transcript(_one(path)).lead_valid is valid


def test_qualified_that_is_neither_yes_nor_no_is_the_records_error(tmp_path):
    line = json.loads(SAMPLE.read_text("utf-8").splitlines()[0])
    line["truth"]["qualified"] = "maybe"
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    [(_, transcript, error)] = read_transcripts(path)
    assert transcript is None and "qualified" in error


def test_a_duplicate_conversation_id_is_reported_and_counted_once(tmp_path):
    lines = SAMPLE.read_text("utf-8").splitlines()
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join([lines[0], lines[1], lines[0]]) + "\n", "utf-8")
    records = list(read_transcripts(path))
    assert [error for _, _, error in records] == [
        None,
        None,
        f"duplicate conversation_id 'zh-legal-1' (first at {path}:1)",
    ]
    scored = score_file(path, tmp_path / "scores.jsonl", 180.0)
    assert scored.summary()["conversations"] == 2 and len(scored.unreadable) == 1


def test_csv_export_cells_cannot_run_as_formulas_and_read_back_unchanged(tmp_path):
    import csv

    lines = SAMPLE.read_text("utf-8").splitlines()
    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    line = json.loads(lines[0])
    for message, text in zip(line["messages"], hostile, strict=False):
        message["text"] = text
    line["agent_id"] = "=cmd|' /C calc'!A0"
    (run_dir / TRANSCRIPTS).write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    row = score_transcript(Transcript.model_validate(line)).model_dump_json()
    (run_dir / SCORES).write_text(row + "\n", "utf-8")
    export_run(run_dir, "csv", tmp_path / "out")
    for name in ("messages.csv", "scores.csv"):
        with (tmp_path / "out" / name).open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], name
    assert "'=cmd|' /C calc'!A0" in cells
    [again] = read_ok(tmp_path / "out" / "messages.csv")
    assert [m.text for m in again.messages][: len(hostile)] == hostile[: len(again.messages)]
    assert again.agent_id == line["agent_id"]
