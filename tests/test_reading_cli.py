"""`salesim personas read`: what a persona understands of a reply, one text or a JSONL file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from simulator.cli import main
from simulator.specs import data_dir


def _read(*args: str):
    return CliRunner().invoke(main, ["personas", "read", *args])


def _answers(*args: str) -> list[str]:
    result = _read("worried_parent", "--locale", "en_US", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["answers"]


def test_a_price_in_natural_words_answers_the_price():
    assert "price" in _answers("One-on-one tutoring is $60 an hour", "--asked", "price")


def test_naming_the_topic_without_a_price_does_not():
    assert "price" not in _answers("our prices are very reasonable", "--asked", "price")


def test_the_output_is_the_readings_json():
    result = _read("worried_parent", "--locale", "en_US", "--asked", "price", "$60 an hour")
    reading = json.loads(result.stdout)
    assert reading["evidence"]["price"] and reading["amounts"] == [60.0]
    assert {"answers", "acts", "evidence", "chars"} <= set(reading)


def test_a_persona_path_works_like_its_id():
    path = data_dir("personas") / "worried_parent.zh_CN.yaml"
    result = _read(str(path), "一对一辅导每小时300元", "--asked", "price")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"] == ["price"]


def test_the_file_form_keeps_order_and_ids(tmp_path):
    items = [
        ("p1", "en_US", "price", "One-on-one tutoring is $60 an hour"),
        ("z9", "zh_CN", "price", "一对一辅导每小时300元"),
        ("t3", "en_US", None, "our prices are very reasonable"),
        ("a0", "en_US", "schedule", "We have sessions on Saturday mornings at 10am."),
    ]
    lines = [
        {"id": i, "persona": "worried_parent", "locale": loc, "asked": asked, "text": text}
        for i, loc, asked, text in items
    ]
    lines[2]["question"] = "How much is it?"
    path = tmp_path / "replies.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    result = _read("--file", str(path))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["p1", "z9", "t3", "a0"]
    assert [row["answers"] for row in rows] == [["price"], ["price"], [], ["schedule"]]
    assert result.stderr == ""


def test_a_bad_line_is_an_error_line_and_the_others_are_still_read(tmp_path):
    good = {"id": 1, "persona": "worried_parent", "locale": "en_US", "asked": "price"}
    path = tmp_path / "replies.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({**good, "text": "It is $60 an hour."}),
                "{not json",
                json.dumps({**good, "id": 3, "asked": "fee", "text": "x"}),
                json.dumps({**good, "id": 4, "text": "It is $60 an hour."}),
            ]
        ),
        encoding="utf-8",
    )
    result = _read("--file", str(path))
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == [1, None, 3, 4]
    assert "error" in rows[1] and rows[2]["error"].startswith("asked: no need 'fee'")
    assert rows[3]["answers"] == ["price"]
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {path}:2: not JSON")
    assert errors[1].startswith(f"error: {path}:3: asked:")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--locale", "en_US", "hi"], "no persona 'nobody'"),
        (["worried_parent", "--locale", "en_US", "--asked", "fee", "hi"], "--asked: no need 'fee'"),
        (["worried_parent", "hi"], "--locale: persona worried_parent exists in"),
        (["worried_parent"], "PERSONA and TEXT are required"),
        (["--file", "missing.jsonl"], "--file missing.jsonl: no such file"),
        (["worried_parent", "hi", "--file", "x.jsonl"], "--file: PERSONA, TEXT"),
        (["worried_parent", "--locale", "en_US", "hi", "--reader", "no-provider:x"], "--reader"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, message):
    result = _read(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_a_model_reader_from_the_command_line(tmp_path):
    args = ["worried_parent", "--locale", "en_US", "--asked", "price", "Hi! It is $60 an hour."]
    result = _read(*args, "--reader", "fixtures.readers:price_reader")
    assert result.exit_code == 0, result.output
    reading = json.loads(result.stdout)
    assert reading["answers"] == ["price"] and reading["acts"] == ["greets"]


def test_a_model_reader_that_fails_is_one_line_not_a_traceback(tmp_path):
    from simulator.testing import OpenAICompatibleServer

    with OpenAICompatibleServer() as server:
        spec = tmp_path / "reader.yaml"
        spec.write_text(
            f"kind: openai\nid: r\nmodel: reader-fail500\nbase_url: {server.url}/v1\n"
            "api_key_env: null\nretries: 0\n",
            encoding="utf-8",
        )
        result = _read("worried_parent", "--locale", "en_US", "hi", "--reader", str(spec))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "http_5xx" in result.stderr


def test_the_file_form_with_a_model_reader_and_a_cache_reads_again_for_free(tmp_path):
    from simulator.testing import OpenAICompatibleServer

    answer = json.dumps({"answers": ["price"], "acts": [], "evidence": {}, "flags": []})
    lines = [
        {"id": n, "persona": "worried_parent", "locale": "en_US", "asked": "price", "text": t}
        for n, t in enumerate(["$60 an hour.", "$70 a session.", "$80 for two."])
    ]
    path = tmp_path / "replies.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with OpenAICompatibleServer(responder=lambda body: answer) as server:
        spec = tmp_path / "reader.yaml"
        spec.write_text(
            f"kind: openai\nid: r\nmodel: reader\nbase_url: {server.url}/v1\napi_key_env: null\n",
            encoding="utf-8",
        )
        args = ["--file", str(path), "--reader", str(spec), "--cache", str(tmp_path / "c.sqlite")]
        first = _read(*args)
        assert first.exit_code == 0, first.output
        assert server.requests == 3
        again = _read(*args)
        assert server.requests == 3 and again.stdout == first.stdout
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(row["id"], row["amounts"]) for row in rows] == [(0, [60.0]), (1, [70.0]), (2, [80.0])]
