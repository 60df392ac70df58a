"""What the report shows is the run's, and shows what it is: fingerprints, bidi controls, markdown.

Runs reuse ids in CI, ids and agent names come from imported files, and the markdown summary is
pasted into pull requests: none of these may make the report show another run's annotations,
spoofed text, or markup and links the data smuggled in.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fixtures.report_chats import chat, write_chat_run

from simulator.calibrate import calibrate, load_annotations
from simulator.cli import main
from simulator.report import write_markdown, write_report
from simulator.results import run_fingerprint
from simulator.specs import SpecError


def json_block(html: str, block: str):
    """The parsed content of one of the report's JSON script blocks."""
    match = re.search(
        rf'<script type="application/json" id="salesim-{block}">(.*?)</script>', html, re.S
    )
    assert match, block
    return json.loads(match.group(1))


def _chats(agent: str = "team") -> list:
    return [
        chat("c1", "en_US", [("customer", "How much?"), ("agent", "$50.")], agent=agent),
        chat("c2", "en_US", [("customer", "Algebra?"), ("agent", "Yes.")], agent=agent, instance=1),
    ]


# --- a run's fingerprint -------------------------------------------------------------------------


def test_the_fingerprint_tells_runs_with_one_id_apart_and_survives_rendering(tmp_path):
    first = write_chat_run(tmp_path / "1", "candidate", _chats(), created_at="2026-11-24T10:00Z")
    second = write_chat_run(tmp_path / "2", "candidate", _chats(), created_at="2026-11-25T10:00Z")
    assert run_fingerprint(first) != run_fingerprint(second)
    before = run_fingerprint(first)
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(status="complete", finished_at="2026-11-24T10:05Z", resumes=1)
    (first / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert run_fingerprint(first) == before  # finishing or resuming does not make another run
    meta = json_block(write_report(first).read_text(encoding="utf-8"), "meta")
    assert meta["run_fingerprint"] == before
    # without a creation time (salesim score output), the scores tell runs apart
    scored = write_chat_run(tmp_path / "3", "x", _chats(), created_at=None)
    other = write_chat_run(tmp_path / "4", "x", _chats("other"), created_at=None)
    assert run_fingerprint(scored) != run_fingerprint(other)
    assert run_fingerprint(scored) == run_fingerprint(scored)


def test_calibrate_refuses_annotations_of_another_run_with_the_same_id(tmp_path):
    first = write_chat_run(tmp_path / "1", "candidate", _chats(), created_at="2026-11-24T10:00Z")
    second = write_chat_run(tmp_path / "2", "candidate", _chats(), created_at="2026-11-25T10:00Z")
    document = {
        "format": "salesim-annotations",
        "version": 1,
        "run_id": "candidate",
        "run_fingerprint": run_fingerprint(first),
        "annotations": [
            {"run_id": "candidate", "conversation_id": "c1", "type": "finding_missed",
             "rule": "absolute_claim", "turn": 1},
        ],
    }  # fmt: skip
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert calibrate(load_annotations(path), first)["reviewed"] == 1
    with pytest.raises(SpecError, match="another run with the id candidate"):
        calibrate(load_annotations(path), second)
    result = CliRunner().invoke(main, ["calibrate", str(path), str(second)])
    assert result.exit_code == 2 and "another run" in result.stderr
    del document["run_fingerprint"]  # a file from before fingerprints: taken at its word
    path.write_text(json.dumps(document), encoding="utf-8")
    assert calibrate(load_annotations(path), second)["reviewed"] == 1


# --- direction controls are shown, never obeyed ---------------------------------------------------

RLO = "\u202e"
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SPOOF_ID = f"invoice-{RLO}fdp.exe"
SPOOF_AGENT = f"bot{RLO}1-\u2066x\u2069"
SPOOF_PERSONA = f"parent{RLO}\u200f"


@pytest.fixture(scope="module")
def spoofed(tmp_path_factory: pytest.TempPathFactory):
    """A run whose id, conversation id, agent and persona carry bidi controls."""
    out = tmp_path_factory.mktemp("bidi")
    chats = [
        chat(SPOOF_ID, "en_US", [("customer", "Hi"), ("agent", "Hello")], agent=SPOOF_AGENT,
             persona=SPOOF_PERSONA),
        chat("plain", "en_US", [("customer", "Hi"), ("agent", "Hello")], agent=SPOOF_AGENT,
             instance=1, persona=SPOOF_PERSONA),
    ]  # fmt: skip
    return write_chat_run(out / "run", f"run{RLO}-1", chats)


def test_bidi_controls_are_written_out_in_the_html(spoofed, tmp_path):
    html = write_report(spoofed, tmp_path / "r.html").read_text(encoding="utf-8")
    assert not any(control in html for control in BIDI)
    visible = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    assert "bot\\u202e1-\\u2066x\\u2069" in visible  # the scorecard, legend, tables
    assert "run\\u202e-1" in visible  # the title and header
    # the data stays as recorded (the page's script shows it written out): annotations and
    # filters still match the scores
    index = json_block(html, "index")
    assert {e["id"] for e in index} == {SPOOF_ID, "plain"}
    assert {e["a"] for e in index} == {SPOOF_AGENT} and {e["p"] for e in index} == {SPOOF_PERSONA}
    assert json_block(html, "meta")["run_id"] == f"run{RLO}-1"


def test_bidi_controls_are_written_out_in_the_markdown(spoofed):
    text = write_markdown(spoofed)
    assert not any(control in text for control in BIDI)
    assert "run\\u202e-1" in text and "bot\\u202e1-\\u2066x\\u2069" in text


def test_calibrate_writes_out_bidi_controls_and_markup_of_the_reviewer(spoofed, tmp_path):
    document = {
        "format": "salesim-annotations",
        "version": 1,
        "reviewer": f"[red]ana{RLO}gnp",
        "reviewed": [{"conversation_id": SPOOF_ID}],
        "annotations": [
            {"conversation_id": SPOOF_ID, "type": "finding_missed", "rule": f"x{RLO}y",
             "turn": 1},
        ],
    }  # fmt: skip
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(main, ["calibrate", str(path), str(spoofed)])
    assert result.exit_code == 0, result.output
    assert not any(control in result.stdout for control in BIDI)
    assert "[red]ana\\u202egnp" in result.stdout and "x\\u202ey" in result.stdout


# --- the markdown summary is text, whatever the ids say ------------------------------------------

IMG_AGENT = "<img src=x onerror=alert(1)>"
PIPE_AGENT = "a|b"
LINK_AGENT = "[click](http://evil)"
HEADING_ID = "x\n# Approved by security"


def _markdown_runs(out) -> tuple:
    """Run A (leads) and run B (none), whose ids, agents and drop-off reasons are markup."""
    lead = [("customer", "How much?"), ("agent", "$50."), ("customer", "call 415-555-0123")]
    lost = [("customer", "How much?"), ("agent", "$50."), ("customer", "no thanks")]
    run_a = write_chat_run(
        out / "a",
        "<b>run</b>",
        [
            *(chat(f"a{i}", "en_US", lead, agent=IMG_AGENT, instance=i) for i in range(3)),
            chat("a3", "en_US", lead, agent=PIPE_AGENT, instance=3),
            chat("a4", "en_US", lead, agent=LINK_AGENT, instance=4),
        ],
    )
    ids = ("`x`|[y](http://evil)", HEADING_ID, "<i>c3</i>")
    transcripts = [
        chat(cid, "en_US", lost, agent=LINK_AGENT, instance=i) for i, cid in enumerate(ids)
    ]
    transcripts[0].meta["drop_off"] = "**loud**|_x_"
    run_b = write_chat_run(out / "b", "[b](http://evil)", transcripts)
    return run_a, run_b


def _rendered(text: str):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")
    return md.render(text), md.parse(text)


def test_markdown_escapes_markup_and_links_in_every_data_string(tmp_path):
    run_a, run_b = _markdown_runs(tmp_path)
    text = (
        CliRunner()
        .invoke(main, ["report", str(run_a), "--compare", str(run_b), "--format", "md"])
        .output
    )
    html, tokens = _rendered(text)
    for tag in ("<img", "<b>", "<i>", "<a ", "<h1", "<em", "<strong>loud"):
        assert tag not in html, tag
    # the strings are shown as they are, as text
    for shown in (
        "&lt;img src=x onerror=alert(1)&gt;",
        "a|b",
        "[click](http://evil)",
        "&lt;b&gt;run",
    ):
        assert shown in html, shown
    assert "**loud**|_x_" in html and "# Approved by security" in html
    # every table row has as many cells as its header: no id split a row or a cell
    tables = 0
    for token in tokens:
        if token.type == "table_open":
            tables += 1
            width = None
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            width = cells if width is None else width
            assert cells == width
    assert tables >= 4
    # the scorecard of the agent "a|b" is one table whose header names it
    assert "<th>a|b</th>" in html
