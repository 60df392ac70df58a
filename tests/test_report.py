"""The HTML report: its data, hostile text, redaction, size, markdown and calibration."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures.report_notes import (
    EVIDENCE_PHONE,
    EXPECTED,
    KNOWN_PHONE,
    WHY_HOSTILE,
    WHY_UNANSWERED,
    strip_notes,
    write_noted_run,
)
from fixtures.report_runs import (
    CLOSE,
    HOSTILE_EMAIL,
    HOSTILE_ID,
    HOSTILE_NAME,
    HOSTILE_PHONE,
    HOSTILE_WECHAT,
    IMG,
    LINK,
    SCRIPT,
    hostile_transcript,
    plant,
    read_jsonl,
    recorded_drop_offs,
    simulate,
)

from simulator.calibrate import calibrate, load_annotations
from simulator.cli import main
from simulator.compare import compare_runs, load_rows
from simulator.contacts import find_contacts
from simulator.metrics import ScoreRow
from simulator.report import Redactor, collect, write_markdown, write_report
from simulator.report._data import FUNNEL_STEPS
from simulator.report._notes import evidence_spans
from simulator.report._redact import NoRedaction
from simulator.results import MANIFEST, SCORES, SUMMARY, TRANSCRIPTS
from simulator.specs import SpecError

N = 6
"""Customers per persona and locale: 36 conversations per agent, plus the planted one."""


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run A (v2, v1, human) and run B (v1 alone), both with the hostile chat planted."""
    out = tmp_path_factory.mktemp("report")
    run_a = simulate(out, "a", ["scripted-v2", "scripted-v1"], "human", N)
    run_b = simulate(out, "b", ["scripted-v1"], None, N)
    plant(run_a, hostile_transcript())
    twin = hostile_transcript().model_copy(
        update={"conversation_id": f"{HOSTILE_ID}.b", "agent_id": "scripted-v1"}
    )
    plant(run_b, twin)
    return run_a, run_b


@pytest.fixture(scope="module")
def html(runs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    return write_report(runs[0], out, compare=runs[1]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def single_html(runs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """Run A's own report (no --compare): every agent of the run in every section."""
    out = tmp_path_factory.mktemp("single") / "report.html"
    return write_report(runs[0], out).read_text(encoding="utf-8")


def json_block(html: str, block: str):
    """The parsed content of one of the report's JSON script blocks."""
    match = re.search(
        rf'<script type="application/json" id="salesim-{block}">(.*?)</script>', html, re.S
    )
    assert match, block
    return json.loads(match.group(1))


def test_funnel_counts_are_the_score_rows_counted(runs, single_html):
    html = single_html
    data = collect(runs[0])
    rows = read_jsonl(runs[0] / SCORES)
    assert set(data.a.tallies) == {"scripted-v2", "scripted-v1", "human"}
    for agent, tally in data.a.tallies.items():
        mine = [r for r in rows if r["agent_id"] == agent]
        assert tally.n == len(mine) == 3 * 2 * N + (agent == "scripted-v2")
        for _, field in FUNNEL_STEPS[1:]:
            assert tally.yes[field] == sum(bool(r[field]) for r in mine), (agent, field)
        card = html.split(f'funnel-card" data-agent="{agent}">', 1)[1].split("</svg>", 1)[0]
        for _, field in FUNNEL_STEPS:
            count = tally.n if field is None else tally.yes[field]
            assert f">{count} · {count / tally.n:.0%}</text>" in card, (agent, field)
    v1, v2, human = (data.a.tallies[a] for a in ("scripted-v1", "scripted-v2", "human"))
    # the funnel tells the story: v1 asks everyone and loses them, the human is slow to answer
    assert v1.yes["contact_asked"] == v1.n and v1.yes["lead_captured"] < v2.yes["lead_captured"]
    assert human.yes["replied_within_sla"] < v2.yes["replied_within_sla"]


def test_hour_chart_shows_the_night_gap(runs, single_html):
    html = single_html
    data = collect(runs[0])
    rows = read_jsonl(runs[0] / SCORES)
    for agent, hours in data.a.hours.items():
        for hour, tally in enumerate(hours):
            mine = [r for r in rows if r["agent_id"] == agent and r["hour"] == hour]
            assert tally.n == len(mine)
            assert tally.yes["replied_within_sla"] == sum(r["replied_within_sla"] for r in mine)
            assert tally.yes["lead_captured"] == sum(r["lead_captured"] for r in mine)
    night = [h for h in (23, 0, 1) if data.a.hours["human"][h].n]
    assert night, "the midnight legal client arrives at 23:00-01:59"
    reply_chart = html.split('id="hour-reply"', 1)[1].split("</svg>", 1)[0]
    in_sla = 0
    for hour in night:
        human, v2 = data.a.hours["human"][hour], data.a.hours["scripted-v2"][hour]
        replied = human.yes["replied_within_sla"]
        in_sla += replied
        assert v2.yes["replied_within_sla"] == v2.n
        shown = f"{replied}/{human.n} = {replied / human.n:.0%}"
        assert f"human {hour:02d}:00–{hour:02d}:59: {shown}" in reply_chart
        assert f"scripted-v2 {hour:02d}:00–{hour:02d}:59: {v2.n}/{v2.n} = 100%" in reply_chart
    # the human's night on-call answers some night chats in time, far from all of them
    assert in_sla <= sum(data.a.hours["human"][h].n for h in night) / 2


def test_every_scorecard_names_its_baseline_and_its_parameters(single_html, html):
    """Lifts depend on the baseline: each card says which human it was compared with."""
    cards = single_html.split('class="card scorecard-card', 3)[1:]
    assert len(cards) == 2  # scripted-v2 and scripted-v1, each against the human
    for card in cards:
        line = card.split('class="caption baseline-params">', 1)[1].split("</p>", 1)[0]
        assert line.startswith("human baseline: agents/human.yaml v")
        assert "shift " in line and "median reply " in line and "night" in line
    # comparing with a run without a baseline: only run A's card has a baseline to name
    assert html.count('class="caption baseline-params"') == 1


def test_report_is_one_self_contained_file(html):
    outside_json = re.sub(
        r'<script type="application/json" id="salesim-\w+">.*?</script>', "", html, flags=re.S
    )
    for needle in ("src=", "href=", "<link", "@import", "url(", "://"):
        assert needle not in outside_json, needle
    csp = re.search(r"script-src '(sha256-[^']+)'", html)
    assert csp and "default-src 'none'" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert csp.group(1) == f"sha256-{digest}"
    # offline agents use no model: no tokens-and-cost table of zeros
    assert '<table class="grid usage">' not in html


def test_hostile_text_is_data_never_markup(html):
    for payload in (SCRIPT, IMG, LINK, CLOSE, "<img", "<a href"):
        assert payload not in html, payload
    # four script elements: transcripts, index, meta (JSON, never run) and the report's own
    assert html.count("<script") == 4 and html.count("</script>") == 4
    transcripts = json_block(html, "transcripts")
    hostile = next(t for t in transcripts if t["id"] == HOSTILE_ID)
    original = [m.text for m in hostile_transcript().messages]
    assert [m[1] for m in hostile["m"]] == original  # escaped losslessly
    index = json_block(html, "index")
    entry = next(e for e in index if e["id"] == HOSTILE_ID)
    assert entry["pv"].startswith("My landlord kept my deposit <img")
    assert transcripts[entry["t"]]["id"] == HOSTILE_ID
    assert json_block(html, "meta")["run_id"] == "a"


def test_transcripts_carry_findings_contact_and_waiting_gaps(html):
    transcripts = json_block(html, "transcripts")
    hostile = next(t for t in transcripts if t["id"] == HOSTILE_ID)
    finding = hostile["v"][0]
    assert finding["rule"] == "legal_outcome_promise" and finding["turn"] == 1
    assert finding["evidence"] in hostile["m"][1][1]
    assert hostile["c"] == {"turn": 4, "text": "(646) 732-1985", "kind": "phone"}
    assert hostile["c"]["text"] in hostile["m"][4][1]
    assert hostile["m"][4][2] == "2026-11-25 07:20:10"  # customer's clock, the next morning
    assert hostile["m"][4][3] - hostile["m"][3][3] == 8 * 3600 + 12 * 60
    assert hostile["f"]["lead_captured"] is True and hostile["f"]["compliant"] is False


def test_redaction_leaves_no_contact_or_name_anywhere(runs, tmp_path):
    plain = write_report(runs[0], tmp_path / "plain.html").read_text(encoding="utf-8")
    assert HOSTILE_EMAIL in plain and HOSTILE_NAME in plain  # the test can see a leak
    html = write_report(runs[0], tmp_path / "r.html", compare=runs[1], redact=True).read_text(
        encoding="utf-8"
    )
    assert "redacted" in html
    for secret in (HOSTILE_PHONE, "(646) 732-1985", HOSTILE_EMAIL, HOSTILE_WECHAT, HOSTILE_NAME):
        assert secret not in html, secret
    transcripts = {t["id"]: t for t in json_block(html, "transcripts")}
    index = {e["id"]: e for e in json_block(html, "index")}
    checked = 0
    for run in runs:
        for original in read_jsonl(run / TRANSCRIPTS):
            truth = original["truth"]
            assert truth["phone"] not in html and truth["name"] not in html
            for message in original["messages"]:
                for contact in find_contacts(message["text"], original["locale"]):
                    assert contact.raw not in html and contact.value not in html
            shown = transcripts[original["conversation_id"]]
            texts = [m[1] for m in shown["m"]] + [v["evidence"] for v in shown["v"]]
            texts.append(index[original["conversation_id"]]["pv"])
            for text in texts:
                assert not find_contacts(text, original["locale"]), text
                if original["locale"] == "en_US":
                    for part in truth["name"].split():
                        assert not re.search(rf"\b{re.escape(part)}\b", text), (part, text)
            checked += 1
    assert checked == (3 * 3 * 2 * N + 1) + (3 * 2 * N + 1)  # every conversation of A and B


def test_redactor_masks_known_and_detected_contacts_and_names():
    zh = Redactor({"phone": "17283419821", "name": "曹娜"}, locale="zh_CN", lang="zh")
    assert zh("可以，+86 17283419821，姓曹") == "可以，[电话]，姓[姓名]"
    assert zh("我电话 172-8341-9821，曹女士") == "我电话 [电话]，[姓名]女士"
    assert zh("加微信 caona_88 或邮箱 cao@example.cn") == "加微信 [微信] 或邮箱 [邮箱]"
    assert zh("一对一200元/小时，曹操的故事") == "一对一200元/小时，曹操的故事"  # not a name here
    en = Redactor({"phone": "5853216368", "name": "Carl Shelton"}, locale="en_US")
    assert en("585-321-6368 - ask for Carl") == "[phone] - ask for [name]"
    assert en("Sure, it's (585) 321-6368. Carl Shelton.") == "Sure, it's [phone]. [name]."
    assert en("my name is Bob Stone, order 2023112400012") == "my name is [name], order [phone]"


def test_compare_pairs_the_same_customers_flipped_first(runs, html):
    data = collect(runs[0], compare=runs[1])
    assert data.comparison is not None and data.comparison.paired
    pairs = data.pairs
    assert len(pairs) == 3 * 2 * N + 1
    for pair in pairs:
        a, b = data.index[pair["a"]], data.index[pair["b"]]
        assert (a["run"], a["a"], b["run"], b["a"]) == ("a", "scripted-v2", "b", "scripted-v1")
        assert a["k"] == b["k"] == pair["k"]
    rows_a = [r for r in load_rows(runs[0]) if r.agent_id == "scripted-v2"]
    flips = compare_runs(rows_a, load_rows(runs[1]))
    lost = {f.pair_key for f in flips.flips["lead_capture"]["lost"]}
    assert lost and {p["k"] for p in pairs if p["f"] == "lead_lost"} == lost
    labels = [p["f"] for p in pairs]
    first_plain = labels.index(None)
    assert all(labels[:first_plain]) and not any(labels[first_plain:])
    assert labels[: len(lost)] == ["lead_lost"] * len(lost)
    assert json_block(html, "meta")["pairs"] == pairs
    assert sum(t["run"] == "b" for t in json_block(html, "transcripts")) == len(pairs)


def test_markdown_summary_for_terminals_and_pull_requests(runs, tmp_path):
    result = CliRunner().invoke(main, ["report", str(runs[0]), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("## salesim report: a")
    assert "| reply rate (回复率) |" in text and "| opened |" in text
    assert "night 22–06" in text and "legal_outcome_promise" in text
    assert text.count("\nhuman baseline: agents/human.yaml v") == 2  # under both scorecards
    assert "<" not in text.replace("<br>", "")
    out = tmp_path / "summary.md"
    result = CliRunner().invoke(
        main,
        ["report", str(runs[0]), "--compare", str(runs[1]), "--format", "md", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    summary = out.read_text(encoding="utf-8")
    assert "A: scripted-v2 (a) · B: scripted-v1 (b)" in summary  # in the columns' order
    assert re.search(r"- lead lost in B: \d+:", summary)


def test_report_command_writes_into_the_run_and_speaks_chinese(runs, tmp_path):
    copy = tmp_path / "run"
    shutil.copytree(runs[0], copy)
    result = CliRunner().invoke(main, ["report", str(copy), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert f"wrote {copy / 'report.zh.html'}" in result.output
    html = (copy / "report.zh.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "计分卡" in html and "转化漏斗" in html
    assert 'class="caption baseline-params">人工基线：agents/human.yaml v' in html
    assert "班次 " in html.split("baseline-params", 1)[1].split("</p>", 1)[0]
    meta = json_block(html, "meta")
    assert meta["lang"] == "zh" and meta["strings"]["mark_wrong"] == "标记为错误"
    hostile = next(t for t in json_block(html, "transcripts") if t["id"] == HOSTILE_ID)
    assert hostile["m"][0][1].startswith("My landlord")  # the customer's words as written


def test_report_of_a_directory_that_is_not_a_run_is_bad_input(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a run directory" in result.stderr and "Traceback" not in result.output


def test_report_of_a_run_still_going_and_of_scored_chats(runs, tmp_path):
    going = tmp_path / "going"
    shutil.copytree(runs[0], going)
    (going / SUMMARY).unlink()  # no summary yet: rates are counted from scores.jsonl
    text = write_markdown(going)
    assert "### Scorecard: scripted-v2 vs human" in text
    assert "human baseline" not in text  # no summary yet: no parameters to name
    assert re.search(
        r"\| reply rate \(回复率\) \| 100\.0% \[\d+–100\] \| [\d.]+% .* \| \+[\d.]+ pp \|", text
    )
    assert write_report(going).is_file()
    scored = tmp_path / "scored"
    result = CliRunner().invoke(main, ["score", str(runs[1] / TRANSCRIPTS), "--out", str(scored)])
    assert result.exit_code == 0, result.output
    html = write_report(scored).read_text(encoding="utf-8")  # transcripts from the scored file
    index = json_block(html, "index")
    assert len(index) == 3 * 2 * N + 1 and all(entry["t"] >= 0 for entry in index)


def _replicate(source: Path, target: Path, total: int) -> None:
    """A run of ``total`` conversations made of copies of ``source``'s (new ids and pair keys)."""
    target.mkdir()
    shutil.copy(source / MANIFEST, target / MANIFEST)
    shutil.copy(source / SUMMARY, target / SUMMARY)
    transcripts = read_jsonl(source / TRANSCRIPTS)
    scores = read_jsonl(source / SCORES)
    with (
        (target / TRANSCRIPTS).open("w", encoding="utf-8") as t_out,
        (target / SCORES).open("w", encoding="utf-8") as s_out,
    ):
        for i in range(total):
            transcript, score = (
                dict(x) for x in (transcripts[i % len(transcripts)], scores[i % len(scores)])
            )
            copy = i // len(transcripts)
            for row in (transcript, score):
                row["conversation_id"] = f"{row['conversation_id']}.x{copy}"
            transcript["meta"] = {
                **transcript["meta"],
                "pair_key": f"{transcript['meta']['pair_key']}/x{copy}",
            }
            score["pair_key"] = transcript["meta"]["pair_key"]
            t_out.write(json.dumps(transcript, ensure_ascii=False) + "\n")
            s_out.write(json.dumps(score, ensure_ascii=False) + "\n")


def test_report_of_5000_conversations_is_small_and_streamed(runs, tmp_path):
    big = tmp_path / "big"
    _replicate(runs[0], big, 5000)
    tracemalloc.start()
    started = time.perf_counter()
    path = write_report(big, tmp_path / "big.html")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = path.stat().st_size
    print(
        f"\n5,000 conversations: {size / 1e6:.1f} MB in {elapsed:.1f} s, peak {peak / 1e6:.0f} MB"
    )
    assert size < 20e6
    # Parsing the run's transcripts alone takes ~47 MB here; the report streams them and holds
    # only counters and a compact index (~15 MB).
    assert peak < 30e6, "the transcripts must be streamed, not held in memory"
    html = path.read_text(encoding="utf-8")
    assert len(json_block(html, "index")) == 5000


# --- customer notes: what the customer understood, why it left, what it still wanted ------------


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A hand-made run with notes (a1, a2) and a second run of a2 alone to compare with."""
    out = tmp_path_factory.mktemp("notes")
    return write_noted_run(out / "a", "notes"), write_noted_run(out / "b", "notes-b", ("a2",))


def table_rows(html: str, container: str, attr: str) -> dict[str, list[str]]:
    """The count cells of each row of the table inside the element with id ``container``."""
    start = html.index(f'id="{container}"')
    section = html[start : html.index("</table>", start)]
    return {
        key: re.findall(r'<td class="num heat"[^>]*>([^<]*)</td>', cells)
        for key, cells in re.findall(rf'<tr data-{attr}="([^"]*)">(.*?)</tr>', section, re.S)
    }


def test_customer_notes_travel_with_their_messages(noted, tmp_path):
    html = write_report(noted[0], tmp_path / "r.html").read_text(encoding="utf-8")
    transcripts = {t["id"]: t for t in json_block(html, "transcripts")}
    repeat = transcripts["a1-price"]["m"][2]
    assert repeat[:2] == ["c", "But how much is it?"]
    assert repeat[4] == {
        "act": "repeat",
        "need": "price",
        "tr": 0.4,
        "u": {"acts": ["asks_contact"], "flags": ["wall"]},  # no answers heard: no "ans"
        "ev": {"asks_contact": [1, 32, 50]},  # message 1, where the reply says it
        "why": WHY_UNANSWERED,
        "open": ["price", "location"],
    }
    assert transcripts["a1-price"]["m"][1][1][32:50] == "Leave your number."
    assert transcripts["a1-lead"]["m"][2][4]["u"]["ans"] == ["price"]
    # no note: agent messages, openings and bursts (act only), and the old-format conversation
    assert len(transcripts["a1-price"]["m"][1]) == len(transcripts["a1-price"]["m"][0]) == 4
    assert len(transcripts["a1-pushed"]["m"][3]) == 4
    assert all(len(m) == 4 for m in transcripts["a1-old"]["m"])
    # a note is chat text: escaped like the messages, never markup
    assert WHY_HOSTILE not in html and "<img" not in html
    assert transcripts["a1-price"]["m"][4][4]["why"] == WHY_HOSTILE
    meta = json_block(html, "meta")
    assert meta["strings"]["why"] == "why" and meta["strings"]["flag_wall"] == "wall of text"


def test_customer_notes_are_redacted_and_labelled_in_chinese(noted, tmp_path):
    plain = write_report(noted[0], tmp_path / "plain.html").read_text(encoding="utf-8")
    assert EVIDENCE_PHONE in plain  # the test can see a leak
    html = write_report(noted[0], tmp_path / "r.html", redact=True, lang="zh").read_text(
        encoding="utf-8"
    )
    assert KNOWN_PHONE not in html and "212-555-0134" not in html
    shown = next(t for t in json_block(html, "transcripts") if t["id"] == "a1-price")["m"]
    at, start, end = shown[4][4]["ev"]["asks_contact"]
    assert shown[at][1][start:end] == "Shall we call you at [电话] instead?"
    strings = json_block(html, "meta")["strings"]
    labels = (strings["understood"], strings["why"], strings["act_repeat"])
    assert labels == ("理解", "原因", "追问")
    assert "客户流失原因" in html and "未解答的需求" in html


def test_evidence_is_offsets_into_the_reply_in_utf16_units():
    reply = [(1, "您好👋"), (2, "👍 一对一200元/小时起。方便留个电话吗？")]
    evidence = {"price": "一对一200元/小时起。", "greets": "您好", "promises": "not in the reply"}
    spans = evidence_spans(evidence, NoRedaction(), reply)
    assert spans == {"price": [2, 3, 15], "greets": [1, 0, 2]}
    utf16 = reply[1][1].encode("utf-16-le")
    assert utf16[3 * 2 : 15 * 2].decode("utf-16-le") == evidence["price"]  # what JS's slice gives


def test_why_customers_left_and_the_needs_they_left_with(noted, tmp_path):
    data = collect(noted[0])
    for agent, expected in EXPECTED.items():
        lost = data.a.lost[agent]
        assert data.a.tallies[agent].n == expected["n"]
        assert (lost.lost, lost.noted) == (expected["lost"], expected["noted"]), agent
        assert dict(lost.drop_offs) == expected["drop_offs"], agent
        assert dict(lost.needs) == expected["needs"], agent
    html = write_report(noted[0], tmp_path / "r.html").read_text(encoding="utf-8")
    # one column per agent (a1: 5 conversations, a2: 2), most frequent first, "not recorded" last
    assert table_rows(html, "why-left", "drop-off") == {
        "ignored": ["1 (20%)", "0 (0%)"],
        "max_turns": ["0 (0%)", "1 (50%)"],
        "pushed": ["1 (20%)", "0 (0%)"],
        "slow_reply": ["1 (20%)", "0 (0%)"],
        "": ["1 (20%)", "0 (0%)"],
    }
    assert list(table_rows(html, "why-left", "drop-off"))[-1] == ""
    # the lead's open need (location) and a2's answered customers count for nothing
    assert table_rows(html, "needs-left", "need") == {
        "price": ["2 (40%)", "0 (0%)"],
        "location": ["1 (20%)", "0 (0%)"],
    }
    footer = html.split('<tr class="noted">', 1)[1].split("</tr>", 1)[0]
    assert ">2 (40%)<" in footer and ">1 (50%)<" in footer


def test_compare_view_shows_why_customers_left_in_both_runs(noted, tmp_path):
    html = write_report(noted[0], tmp_path / "r.html", compare=noted[1]).read_text(encoding="utf-8")
    compare = html.split('id="view-compare"', 1)[1]
    assert '<th class="num">A: a1 (notes)</th><th class="num">B: a2 (notes-b)</th>' in compare
    assert table_rows(html, "compare-why-left", "drop-off") == {
        "ignored": ["1 (20%)", "0 (0%)"],
        "max_turns": ["0 (0%)", "1 (50%)"],
        "pushed": ["1 (20%)", "0 (0%)"],
        "slow_reply": ["1 (20%)", "0 (0%)"],
        "": ["1 (20%)", "0 (0%)"],
    }
    assert table_rows(html, "compare-needs-left", "need") == {
        "price": ["2 (40%)", "0 (0%)"],
        "location": ["1 (20%)", "0 (0%)"],
    }
    text = write_markdown(noted[0], compare=noted[1])
    assert "### Why customers left (A / B)" in text
    assert "| price | 2 (40%) | 0 (0%) |" in text.split("### Needs left unanswered (A / B)")[1]


def test_markdown_lists_why_customers_left_and_their_needs(noted):
    text = write_markdown(noted[0])
    left = text.split("### Why customers left\n", 1)[1].split("###", 1)[0]
    assert "| drop-off | a1 | a2 |" in left
    assert "| slow_reply | 1 (20%) | 0 (0%) |" in left
    assert left.index("| slow_reply |") < left.index("| not recorded | 1 (20%) | 0 (0%) |")
    assert "| without a lead | 4 (80%) | 1 (50%) |" in left
    needs = text.split("### Needs left unanswered\n", 1)[1]
    assert "| price | 2 (40%) | 0 (0%) |" in needs and "| location | 1 (20%) | 0 (0%) |" in needs
    zh = write_markdown(noted[0], lang="zh")
    assert "### 客户流失原因" in zh and "| 未记录 | 1 (20%) | 0 (0%) |" in zh


def test_a_need_the_agent_deferred_is_still_a_need_left_unanswered():
    from simulator.report._notes import last_open_needs

    note = {"act": "goodbye", "open_needs": ["fee"], "deferred_needs": ["chances"]}
    messages = [{"role": "customer", "text": "ok bye", "meta": note}]
    assert last_open_needs(messages) == ["fee", "chances"]


def test_runs_without_notes_still_report(noted, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(noted[0], old)
    strip_notes(old)
    html = write_report(old, tmp_path / "r.html").read_text(encoding="utf-8")
    assert all(len(m) == 4 for t in json_block(html, "transcripts") for m in t["m"])
    assert table_rows(html, "why-left", "drop-off") == {"": ["4 (80%)", "1 (50%)"]}
    needs = html.split('id="needs-left"', 1)[1].split("</div>", 1)[0]
    assert "No customer recorded its open needs" in needs and "<table" not in needs
    text = write_markdown(old)
    assert "| not recorded | 4 (80%) | 1 (50%) |" in text
    assert "Needs left unanswered" not in text


# --- calibrate -----------------------------------------------------------------------------------


def _score_row(i: int, rules: list[tuple[str, str]], lead: bool) -> dict:
    return ScoreRow(
        conversation_id=f"c{i}",
        agent_id="agent",
        replied=True,
        first_reply_s=5.0,
        replied_within_sla=True,
        customer_messages=3,
        messages_replied_within_sla=3,
        engaged=True,
        lead_captured=lead,
        contact="13800138000" if lead else None,
        lead_valid=lead,
        compliant=not any(severity in ("major", "critical") for _, severity in rules),
        violations=[
            {"rule": rule, "severity": severity, "turn": 1, "evidence": "..."}
            for rule, severity in rules
        ],
        turns=6,
        outcome="lead_captured" if lead else "ended_no_lead",
    ).model_dump(mode="json")


@pytest.fixture
def calibration_run(tmp_path: Path) -> Path:
    """Ten scored conversations: rule X (major) in c0-c4, rule Y (minor) in c6, leads in c0-c5."""
    run = tmp_path / "cal"
    run.mkdir()
    (run / MANIFEST).write_text(json.dumps({"run_id": "cal"}), encoding="utf-8")
    rows = []
    for i in range(10):
        rules = [("X", "major")] if i < 5 else [("Y", "minor")] if i == 6 else []
        rows.append(_score_row(i, rules, lead=i < 6))
    (run / SCORES).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return run


ANNOTATIONS = {
    "format": "salesim-annotations",
    "version": 1,
    "run_id": "cal",
    "reviewer": "ana",
    "reviewed": [{"run_id": "cal", "conversation_id": f"c{i}"} for i in range(10)],
    "annotations": [
        {"run_id": "cal", "conversation_id": "c3", "type": "finding_wrong", "rule": "X", "turn": 1},
        {
            "run_id": "cal",
            "conversation_id": "c4",
            "type": "finding_wrong",
            "rule": "X",
            "turn": None,
        },
        {
            "run_id": "cal",
            "conversation_id": "c5",
            "type": "finding_missed",
            "rule": "X",
            "turn": 3,
        },
        {
            "run_id": "cal",
            "conversation_id": "c7",
            "type": "finding_missed",
            "rule": "Z",
            "turn": 1,
            "severity": "minor",
        },
        {
            "run_id": "cal",
            "conversation_id": "c0",
            "type": "outcome_wrong",
            "outcome": "lead_captured",
            "scorer": True,
            "reviewer": False,
        },
        {
            "run_id": "cal",
            "conversation_id": "c9",
            "type": "outcome_wrong",
            "outcome": "lead_captured",
        },
        {"run_id": "other", "conversation_id": "zz", "type": "finding_wrong", "rule": "X"},
    ],
}


def test_calibrate_agreement_per_rule_and_outcome(calibration_run, tmp_path):
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(ANNOTATIONS), encoding="utf-8")
    result = calibrate(load_annotations(path), calibration_run)
    assert result["reviewed"] == 10 and result["skipped_other_run"] == 1
    x = result["rules"]["X"]
    # scorer X in c0-c4; reviewer: c3 and c4 wrong, c5 missed -> TP 3, FP 2, FN 1, TN 4
    assert (x["tp"], x["fp"], x["fn"], x["tn"]) == (3, 2, 1, 4)
    assert x["precision"] == pytest.approx(0.6) and x["recall"] == pytest.approx(0.75)
    assert x["kappa"] == pytest.approx(0.4)  # po 0.7, pe 0.5
    y = result["rules"]["Y"]
    assert (y["tp"], y["tn"], y["kappa"]) == (1, 9, pytest.approx(1.0))
    z = result["rules"]["Z"]
    assert (z["fn"], z["tn"], z["precision"], z["recall"]) == (1, 9, None, 0.0)
    assert z["kappa"] == pytest.approx(0.0)
    lead = result["outcomes"]["lead_captured"]
    assert (lead["tp"], lead["fp"], lead["fn"], lead["tn"]) == (5, 1, 1, 3)
    assert lead["kappa"] == pytest.approx((0.8 - 0.52) / 0.48)
    compliant = result["outcomes"]["compliant"]
    # follows the reviewer's findings: c3, c4 become compliant, c5 (missed major X) does not
    assert (compliant["tp"], compliant["fp"], compliant["fn"], compliant["tn"]) == (4, 1, 2, 3)
    assert compliant["kappa"] == pytest.approx(0.4)
    assert result["outcomes"]["lead_valid"]["kappa"] == pytest.approx(1.0)


def test_calibrate_command(calibration_run, tmp_path):
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(ANNOTATIONS), encoding="utf-8")
    result = CliRunner().invoke(main, ["calibrate", str(path), str(calibration_run), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rules"]["X"]["kappa"] == pytest.approx(0.4)
    table = CliRunner().invoke(main, ["calibrate", str(path), str(calibration_run)])
    assert table.exit_code == 0, table.output
    assert "0.40" in table.stdout and "lead_captured" in table.stdout and "ana" in table.stdout
    assert "1 annotation(s) of another run skipped" in table.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d["annotations"].append({"conversation_id": "c1", "type": "guess"}), "type"),
        (lambda d: d["reviewed"].append({"run_id": "cal", "conversation_id": "c99"}), "c99"),
        (
            lambda d: d["annotations"].append({"conversation_id": "c1", "type": "finding_wrong"}),
            "needs a rule",
        ),
    ],
)
def test_calibrate_bad_annotations_are_bad_input(calibration_run, tmp_path, change, message):
    data = json.loads(json.dumps(ANNOTATIONS))
    change(data)
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["calibrate", str(path), str(calibration_run)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


def test_load_annotations_names_the_field(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"format": "salesim-annotations", "version": 1, "annotations": [{}]}')
    with pytest.raises(SpecError, match=r"annotations\.0\.conversation_id"):
        load_annotations(path)


# --- reproducible: the same run gives the same bytes, and no Python object leaks into the page --


def test_identical_runs_give_byte_identical_reports(tmp_path):
    first = simulate(tmp_path / "one", "same", ["scripted-v2"], "human", 2)
    second = simulate(tmp_path / "two", "same", ["scripted-v2"], "human", 2)
    text = (first / "report.html").read_text(encoding="utf-8")
    other = (second / "report.html").read_text(encoding="utf-8")
    # two runs, even with the same id and conversations, are told apart by their fingerprint
    # (annotations of one never show in the other); everything else is the same, byte for byte
    fingerprints = [json_block(html, "meta")["run_fingerprint"] for html in (text, other)]
    assert fingerprints[0] != fingerprints[1]
    assert text.replace(fingerprints[0], "") == other.replace(fingerprints[1], "")
    assert (first / "report.html").read_bytes() == write_report(
        first, tmp_path / "again.html"
    ).read_bytes()
    for leak in ("<built-in", "&lt;built-in", " object at 0x", "bound method"):
        assert leak not in text, leak
    assert '<button type="button" id="clear-annotations">Clear all</button>' in text


def test_no_ui_string_is_shadowed_by_a_dict_attribute():
    """``t.clear`` once rendered dict.clear's repr; UIText looks every key up as a label."""
    from simulator.report._i18n import STRINGS, UIText

    t = UIText("en")
    for key in STRINGS:
        assert getattr(t, key) == t[key] == STRINGS[key]["en"], key
    with pytest.raises(AttributeError):
        _ = t.no_such_label


# --- the report's own words in Chinese, and English plurals ---------------------------------------


def visible_text(html: str) -> str:
    """What a reader sees of the server-rendered page: no scripts, styles, tags or attributes."""
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<title>.*?</title>", " ", html, flags=re.S)  # hover titles hold the codes
    return re.sub(r"<[^>]+>", " ", html)


def test_every_outcome_and_drop_off_has_a_chinese_label():
    from simulator.models import Outcome
    from simulator.report._i18n import STRINGS

    drop_offs = recorded_drop_offs()
    assert {"slow_reply", "ignored", "pushed", "unanswered", "agent_error"} <= drop_offs
    for key in [f"outcome_{o.value}" for o in Outcome] + [f"drop_{d}" for d in drop_offs]:
        assert key in STRINGS, key
        assert re.search(r"[\u4e00-\u9fff]", STRINGS[key]["zh"]), key
    for key, texts in STRINGS.items():  # no silent fallback to English
        assert texts.get("zh"), key
        assert "代理" not in texts["zh"], key  # the agent is 客服, not a proxy


def test_chinese_report_leaves_no_english_codes_or_sentences(runs, noted, tmp_path):
    from simulator.models import Outcome

    codes = {o.value for o in Outcome} | recorded_drop_offs()
    for run in (runs[0], noted[0]):
        html = write_report(run, tmp_path / f"{run.name}.html", lang="zh").read_text("utf-8")
        shown = visible_text(html)
        left = sorted(code for code in codes if re.search(rf"\b{code}\b", shown))
        assert left == [], left
        assert "代理" not in html
        for english in ("rules skipped", "LLM-judge rule skipped", "conversations ·"):
            assert english not in shown, english
    html = write_report(runs[0], tmp_path / "zh.html", lang="zh").read_text("utf-8")
    assert "跳过 1 条规则：judge_misleading_claim（LLM 评审规则" in html
    assert '<span class="outcome o-lead_captured" title="lead_captured">已留资</span>' in html
    strings = json_block(html, "meta")["strings"]
    assert strings["outcome_customer_declined"] == "客户拒绝留资"
    assert strings["agent_role"] == strings["agent"] == "客服"
    zh_md = write_markdown(noted[0], lang="zh")
    assert "| 回复太慢 | 1 (20%) | 0 (0%) |" in zh_md and "slow_reply" not in zh_md


def test_english_counts_agree_with_their_nouns(runs, tmp_path):
    from simulator.report._i18n import plural, strings

    en = strings("en")
    assert plural(en, "skipped_rules", 1) == "1 rule skipped"
    assert plural(en, "skipped_rules", 2) == "2 rules skipped"
    assert plural(en, "conversations_n", 1) == "1 conversation"
    assert plural(en, "shown", 1, shown=1, total=1) == "1 of 1 conversation"
    html = write_report(runs[0], tmp_path / "en.html").read_text("utf-8")
    assert "1 rule skipped: judge_misleading_claim (an LLM-judge rule" in html
    assert "1 rules skipped" not in html and "rule(s)" not in html
    assert "1 rule skipped" in write_markdown(runs[0])


# --- the compare view: A's and B's agents side by side ------------------------------------------


def test_compare_view_shows_both_runs_side_by_side(runs, html):
    data = collect(runs[0], compare=runs[1])
    b_rows = [r for r in read_jsonl(runs[1] / SCORES) if r["agent_id"] == "scripted-v1"]
    overview = html.split('id="view-overview"', 1)[1].split('id="view-conversations"', 1)[0]
    cards = re.findall(
        r'<div class="card scorecard-card" data-agent="([^"]+)" data-side="(\w)" data-run="(\w+)">',
        overview,
    )
    assert cards == [("scripted-v2", "A", "a"), ("scripted-v1", "B", "b")]
    b_card = overview.split('data-side="B" data-run="b">', 1)[1].split("</table>", 1)[0]
    summary_b = json.loads((runs[1] / SUMMARY).read_text(encoding="utf-8"))
    lead = summary_b["agents"]["scripted-v1"]["metrics"]["lead_capture"]
    value, low, high = (lead[k] * 100 for k in ("value", "low", "high"))
    shown = f'<td class="num">{value:.1f}%<span class="ci"> [{low:.0f}–{high:.0f}]</span></td>'
    assert shown in b_card.split('data-metric="lead_capture"', 1)[1].split("</tr>", 1)[0]
    funnels = re.findall(r'funnel-card" data-agent="([^"]+)" data-side="(\w)"', overview)
    assert funnels == [("scripted-v2", "A"), ("scripted-v1", "B")]
    b_funnel = overview.split('funnel-card" data-agent="scripted-v1" data-side="B"', 1)[1]
    b_funnel = b_funnel.split("</svg>", 1)[0]
    leads = sum(r["lead_captured"] for r in b_rows)
    assert f">{leads} · {leads / len(b_rows):.0%}</text>" in b_funnel
    assert len(b_rows) == data.b.tallies["scripted-v1"].n == 3 * 2 * N + 1
    reply_chart = overview.split('id="hour-reply"', 1)[1].split("</svg>", 1)[0]
    assert re.findall(r'class="series" data-agent="([^"]+)"', reply_chart) == [
        "A: scripted-v2",
        "B: scripted-v1",
    ]
    hour = next(h for h in range(24) if data.b.hours["scripted-v1"][h].n)
    tally = data.b.hours["scripted-v1"][hour]
    ok = tally.yes["replied_within_sla"]
    assert f"B: scripted-v1 {hour:02d}:00–{hour:02d}:59: {ok}/{tally.n} =" in reply_chart
    assert 'id="compare-below"' in overview
    assert "<small>A: scripted-v2 (a) · B: scripted-v1 (b) · " in overview
    # the lower sections show both runs too: outcomes and per-persona rates of B's agent
    outcomes = overview.split('<table class="grid outcomes">', 1)[1].split("</table>", 1)[0]
    heads = re.findall(r'<th class="num">([^<]+)</th>', outcomes)
    assert heads == ["A: scripted-v2", "B: scripted-v1"]
    leads_a = sum(
        r["lead_captured"] for r in read_jsonl(runs[0] / SCORES) if r["agent_id"] == "scripted-v2"
    )
    row = outcomes.split('data-outcome="lead_captured"', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'<td class="num">(\d+)</td>', row) == [str(leads_a), str(leads)]
    persona_table = overview.split('<table class="grid breakdown">', 1)[1].split("</table>", 1)[0]
    assert "A: scripted-v2</th>" in persona_table and "B: scripted-v1</th>" in persona_table


# --- agent errors: loud, marked, never a green result -------------------------------------------

BROKEN = "fixtures.faulty_agents:always_raises"
BROKEN_MESSAGE = "RuntimeError: model backend exploded (401: invalid API key)"


@pytest.fixture(scope="module")
def errored_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run of an agent that raises in every conversation, against the human baseline."""
    out = tmp_path_factory.mktemp("errors")
    return simulate(out, "broken", [BROKEN], "human", 2)


def test_an_agent_that_always_fails_gets_a_banner_and_no_rates(errored_run, tmp_path):
    rows = read_jsonl(errored_run / SCORES)
    broken = [r for r in rows if r["agent_id"] == BROKEN]
    assert broken and all(r["outcome"] == "agent_error" for r in broken)
    assert all(r["compliant"] for r in broken)  # what the scores say: nothing said, nothing wrong
    html = write_report(errored_run, tmp_path / "r.html").read_text(encoding="utf-8")
    banner = html.split('id="agent-errors"', 1)[1].split("</div>", 1)[0]
    assert f"{BROKEN}: {len(broken)} of {len(broken)} conversations ended in agent_error" in banner
    assert f'<code class="error-message">{BROKEN_MESSAGE}</code>' in banner
    card = html.split(f'scorecard-card errored" data-agent="{BROKEN}"', 1)[1]
    card = card.split("</table>", 1)[0]
    assert card.count('<td class="num errored">errored</td>') == 5  # every metric
    assert "100.0%" not in card.split('<td class="num muted">', 1)[0]
    assert "diff up" not in card and "diff down" not in card
    persona_table = html.split("<h2>By persona</h2>", 1)[1].split("</table>", 1)[0]
    assert persona_table.count('<td class="num errored"') == 4 * len(
        {r["persona_id"] + r["locale"] for r in broken}
    )
    index = json_block(html, "index")
    assert [e["e"] for e in index if e["a"] == BROKEN] == [1] * len(broken)
    assert all(e["e"] == 0 for e in index if e["a"] == "human")
    shown = next(t for t in json_block(html, "transcripts") if t["agent"] == BROKEN)
    assert shown["err"] == BROKEN_MESSAGE
    text = write_markdown(errored_run)
    assert (
        f"**⚠ {BROKEN}: {len(broken)} of {len(broken)} conversations ended in agent_error**" in text
    )
    assert "| compliance (合规率) | errored |" in text
    zh = write_report(errored_run, tmp_path / "zh.html", lang="zh").read_text(encoding="utf-8")
    assert "因客服出错而结束" in zh and '<td class="num errored">出错</td>' in zh


def test_a_working_agent_has_no_error_banner(runs, html):
    assert 'id="agent-errors"' not in html
    assert all(e["e"] == 0 for e in json_block(html, "index"))


# --- where reports go: the run's own report is never overwritten by another view ---------------


def test_each_view_gets_its_own_file_and_run_prints_its_report(runs, tmp_path):
    from simulator.report import report_name

    assert report_name() == "report.html"
    assert report_name("v7") == "report-vs-v7.html"
    assert report_name("../v7 new", redact=True, lang="zh") == "report-vs-v7_new.redacted.zh.html"
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", "--n", "1", "--locale", "en_US", "--out", str(out), "--run-id", "r1"]
    )
    assert result.exit_code == 0, result.output
    run = out / "r1"
    assert f"report: {run / 'report.html'}" in result.stdout
    assert "1 rule skipped: judge_misleading_claim" in " ".join(result.stdout.split())
    original = (run / "report.html").read_bytes()
    for extra, name in (
        (["--compare", str(runs[1])], "report-vs-b.html"),
        (["--redact"], "report.redacted.html"),
        (["--lang", "zh"], "report.zh.html"),
        (["--compare", str(runs[1]), "--lang", "zh"], "report-vs-b.zh.html"),
    ):
        written = CliRunner().invoke(main, ["report", str(run), *extra])
        assert written.exit_code == 0, written.output
        assert f"wrote {run / name} (" in written.stdout, extra
    assert (run / "report.html").read_bytes() == original  # salesim run's report is untouched
    chosen = tmp_path / "mine.html"
    written = CliRunner().invoke(
        main, ["report", str(run), "--compare", str(runs[1]), "--out", str(chosen)]
    )
    assert written.exit_code == 0 and chosen.is_file() and f"wrote {chosen} (" in written.stdout
    quiet = CliRunner().invoke(
        main,
        [
            "run",
            "--n",
            "1",
            "--locale",
            "en_US",
            "--out",
            str(out),
            "--run-id",
            "r2",
            "--no-report",
        ],
    )
    assert quiet.exit_code == 0, quiet.output
    assert "report:" not in quiet.stdout and not (out / "r2" / "report.html").exists()


def test_two_reports_written_to_one_file_at_once_leave_one_whole_report(tmp_path):
    """Each writer has a temporary name of its own: the file that lands is one whole report."""
    import subprocess
    import sys

    run = simulate(tmp_path / "runs", "both", ["scripted-v2"], "human", 4)
    out = tmp_path / "shared" / "report.html"
    # another writer's temporary file under the name every writer used to share
    (tmp_path / "shared" / "report.html.tmp").mkdir(parents=True)
    command = [sys.executable, "-m", "simulator", "report", str(run), "--out", str(out)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    html = out.read_bytes()
    assert b"\x00" not in html and html.rstrip().endswith(b"</html>")
    assert html == write_report(run, tmp_path / "alone.html").read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html", "report.html.tmp"]
