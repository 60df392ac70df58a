"""The report in a real browser: Debian's headless Chromium driven by Python Playwright.

Skipped, saying why, when /usr/bin/chromium or playwright is missing (``.ci/run`` installs
chromium with apt-get; ``playwright install`` is never used). Set SALESIM_CHROMIUM to use
another Chromium binary.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("SALESIM_CHROMIUM", "/usr/bin/chromium"))
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip(
        "browser tests skipped: playwright is not installed (pip install -e '.[test]')",
        allow_module_level=True,
    )
if not CHROMIUM.is_file():  # pragma: no cover - depends on the machine
    pytest.skip(
        f"browser tests skipped: {CHROMIUM} not found (apt-get install chromium)",
        allow_module_level=True,
    )

from fixtures.report_chats import chat, write_chat_run  # noqa: E402
from fixtures.report_notes import WHY_HOSTILE, WHY_UNANSWERED, write_noted_run  # noqa: E402
from fixtures.report_runs import (  # noqa: E402
    CLOSE,
    HOSTILE_ID,
    IMG,
    LINK,
    SCRIPT,
    hostile_transcript,
    plant,
    read_jsonl,
    recorded_drop_offs,
    simulate,
)

from simulator.calibrate import calibrate, load_annotations  # noqa: E402
from simulator.contacts import find_contacts  # noqa: E402
from simulator.models import Outcome  # noqa: E402
from simulator.report import write_report  # noqa: E402
from simulator.results import SCORES  # noqa: E402

pytestmark = pytest.mark.browser


def cjk_fonts_missing() -> str | None:
    """Why Chinese text cannot be laid out with real glyphs here, or None when it can."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return "fc-list not found (apt-get install fonts-noto-cjk)"
    found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return None if found.stdout.strip() else "no Chinese font (apt-get install fonts-noto-cjk)"


CJK_MISSING = cjk_fonts_missing()
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("browser")
    run_a = simulate(out, "a", ["scripted-v2", "scripted-v1"], "human", 5)
    run_b = simulate(out, "b", ["scripted-v1"], None, 5)
    plant(run_a, hostile_transcript())
    twin = hostile_transcript().model_copy(
        update={"conversation_id": f"{HOSTILE_ID}.b", "agent_id": "scripted-v1"}
    )
    plant(run_b, twin)
    return run_a, run_b


@pytest.fixture(scope="module")
def report_url(runs: tuple[Path, Path]) -> str:
    return write_report(runs[0], compare=runs[1]).resolve().as_uri()


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run of an agent that raises in every conversation (simulated before the browser)."""
    out = tmp_path_factory.mktemp("broken")
    return simulate(out, "broken", ["fixtures.faulty_agents:always_raises"], "human", 1)


@pytest.fixture(scope="module")
def browser(report_url: str, broken_run: Path) -> Iterator[Browser]:
    # The runs are simulated first: Playwright's sync API keeps an event loop running in this
    # thread, and the simulator's asyncio.run() cannot start inside it.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@contextmanager
def opened(browser: Browser, url: str) -> Iterator[Page]:
    """A fresh page on the report at ``url``; on leaving, no script error and no request made."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("request", lambda request: problems.append(f"request: {request.url}"))
    page.goto(url)
    page.wait_for_function("() => window.salesimReport && window.salesimReport.ready")
    yield page
    context.close()
    # the report's own script ran under its CSP, and nothing tried to reach the network
    allowed = (f"request: {url}", "request: blob:")
    assert [p for p in problems if not p.startswith(allowed)] == []


@pytest.fixture
def page(browser: Browser, report_url: str) -> Iterator[Page]:
    with opened(browser, report_url) as page:
        yield page


@pytest.fixture(scope="module")
def noted_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hand-made run whose customers left notes (no simulation, so no event loop needed)."""
    return write_noted_run(tmp_path_factory.mktemp("notes") / "run", "notes")


def scores_of(run: Path) -> dict[str, dict]:
    return {row["conversation_id"]: row for row in read_jsonl(run / SCORES)}


def test_scorecard_renders_before_anything_is_clicked(page: Page):
    assert page.locator("#scorecard .scorecard-card").count() == 2
    assert page.locator("#scorecard svg.interval circle").count() > 0
    assert page.locator("#view-conversations").is_hidden()


def test_filter_by_rule_and_read_the_highlighted_sentence(page: Page, runs):
    scores = scores_of(runs[0])
    expected = [
        cid
        for cid, row in scores.items()
        if any(v["rule"] == "repeat_contact_ask" for v in row["violations"])
    ]
    page.click("button[data-view=conversations]")
    page.select_option("#f-rule", "repeat_contact_ask")
    items = page.locator("#conv-list button.item")
    assert items.count() == len(expected) > 0
    assert page.locator("#conv-count").inner_text().endswith(f"of {len(expected)} conversations")
    listed = items.evaluate_all("nodes => nodes.map(n => n.dataset.id)")
    assert sorted(listed) == sorted(expected)
    items.first.click()
    cid = listed[0]
    finding = next(v for v in scores[cid]["violations"] if v["rule"] == "repeat_contact_ask")
    bubble = page.locator(f"#conv-detail .msg[data-turn='{finding['turn']}']")
    mark = bubble.locator("mark.violation[data-rules~='repeat_contact_ask']")
    assert mark.inner_text() == finding["evidence"]
    assert "repeat_contact_ask (major)" in mark.get_attribute("title")
    assert "⚑ repeat_contact_ask (major)" in bubble.inner_text()


def test_the_captured_contact_is_marked(page: Page, runs):
    scores = scores_of(runs[0])
    page.click("button[data-view=conversations]")
    page.select_option("#f-agent", "scripted-v2")
    page.select_option("#f-lead", "yes")
    first = page.locator("#conv-list button.item").first
    cid = first.get_attribute("data-id")
    first.click()
    mark = page.locator("#conv-detail mark.contact")
    assert mark.count() == 1
    written = mark.inner_text()
    row = scores[cid]
    assert [c.value for c in find_contacts(written, row["locale"])] == [row["contact"]]
    assert "☎" in page.locator("#conv-detail .msg.has-contact").inner_text()


def test_a_planted_script_stays_text_and_never_runs(page: Page):
    page.click("button[data-view=conversations]")
    page.fill("#f-search", "landlord kept my deposit")
    page.wait_for_function("() => document.querySelectorAll('#conv-list button.item').length === 1")
    page.locator("#conv-list button.item").first.click()
    chat = page.locator("#conv-detail .chat")
    text = chat.inner_text()
    for payload in (SCRIPT, IMG, LINK, CLOSE):
        assert payload in text
    page.wait_for_timeout(200)  # an injected <img> would have fired onerror by now
    assert (
        page.evaluate("[window.__pwned, window.__img, window.__js, window.__closed]") == [None] * 4
    )
    assert page.locator("#conv-detail img, a[href^='javascript']").count() == 0
    assert page.locator("script:not([type])").count() == 1
    assert "⏱ 8 h 12 min later · customer waited" not in text  # a customer's pause is not a wait
    assert "⏱ 8 h 12 min later" in text
    assert page.locator("#conv-detail mark.contact").inner_text() == "(646) 732-1985"
    evidence = page.locator("#conv-detail mark.violation[data-rules~='legal_outcome_promise']")
    assert evidence.inner_text() == "We guarantee you will win this case."


def test_compare_view_puts_the_same_customer_side_by_side_flipped_first(page: Page):
    page.click("button[data-view=compare]")
    first = page.locator("#pair-list button.item").first
    assert "lead lost in B" in first.inner_text()
    first.click()
    panels = page.locator("#pair-detail .panel")
    assert panels.count() == 2
    ids = panels.evaluate_all("nodes => nodes.map(n => [n.dataset.run, n.dataset.id])")
    assert [run for run, _ in ids] == ["a", "b"]
    keys = page.evaluate(
        "ids => ids.map(id => window.salesimReport.index.find(e => e.id === id).k)",
        [cid for _, cid in ids],
    )
    assert keys[0] == keys[1] and keys[0] is not None
    assert ids[0][1].endswith("scripted-v2") and ids[1][1].endswith("scripted-v1")
    assert (
        panels.nth(0).locator(".verdict-box[data-outcome=lead_captured] .value").inner_text()
        == "yes"
    )
    assert (
        panels.nth(1).locator(".verdict-box[data-outcome=lead_captured] .value").inner_text()
        == "no"
    )


def test_mark_a_finding_wrong_and_download_the_annotations(page: Page, runs, tmp_path):
    page.click("button[data-view=conversations]")
    page.select_option("#f-rule", "repeat_contact_ask")
    page.locator("#conv-list button.item").first.click()
    finding = page.locator("#conv-detail .finding[data-rule=repeat_contact_ask]").first
    turn = int(finding.get_attribute("data-turn"))
    cid = page.locator("#conv-detail .panel").get_attribute("data-id")
    finding.locator("button.mark-wrong").click()
    assert "wrong" in finding.get_attribute("class")
    page.locator("#conv-detail .verdict-box[data-outcome=compliant] button.mark-wrong").click()
    page.click("#conv-detail details.missed-box summary")
    page.select_option("#conv-detail select.missed-rule", "absolute_claim")
    page.fill("#conv-detail input.missed-note", "says 最好 in the first reply")
    page.click("#conv-detail button.add-missed")
    assert page.locator("#conv-detail .finding.missed").count() == 1
    page.click("button[data-view=review]")
    assert page.locator("#review-count").inner_text() == "3"
    page.fill("#reviewer", "ana")
    with page.expect_download() as download:
        page.click("#download-annotations")
    assert download.value.suggested_filename == "annotations-a.json"
    path = tmp_path / "annotations.json"
    download.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["run_id"], data["reviewer"]) == (
        "salesim-annotations",
        1,
        "a",
        "ana",
    )
    assert data["reviewed"] == [{"run_id": "a", "conversation_id": cid}]
    kinds = {(a["type"], a.get("rule") or a.get("outcome")) for a in data["annotations"]}
    assert kinds == {
        ("finding_wrong", "repeat_contact_ask"),
        ("outcome_wrong", "compliant"),
        ("finding_missed", "absolute_claim"),
    }
    wrong = next(a for a in data["annotations"] if a["type"] == "finding_wrong")
    assert (wrong["conversation_id"], wrong["turn"]) == (cid, turn)
    result = calibrate(load_annotations(path), runs[0])
    assert result["reviewed"] == 1
    assert result["rules"]["absolute_claim"]["fn"] == 1
    assert result["outcomes"]["compliant"]["fn"] == 1  # the scorer said no, the reviewer yes


@pytest.mark.parametrize(
    ("lang", "why", "flags", "still_open"),
    [
        ("en", "why: ", "flags: wall of text", "still open: price, location"),
        ("zh", "原因: ", "问题: 大段文字", "仍未解答: price, location"),
    ],
)
def test_a_customer_message_says_what_it_understood_and_why(
    browser: Browser, noted_run: Path, tmp_path: Path, lang, why, flags, still_open
):
    url = write_report(noted_run, tmp_path / "report.html", lang=lang).resolve().as_uri()
    with opened(browser, url) as page:
        assert page.locator("#needs-left tr[data-need=price]").inner_text().split("\t")[1:] == [
            "2 (40%)",
            "0 (0%)",
        ]
        page.click("button[data-view=conversations]")
        page.click("#conv-list button.item[data-id=a1-price]")
        line = page.locator("#conv-detail .chat .why[data-turn='2']")
        text = line.inner_text()
        assert why + WHY_UNANSWERED in text
        assert flags in text and still_open in text
        assert "Leave your number." in line.get_attribute("title")  # the evidence, on hover
        # the line sits right under the customer's message it explains
        previous = line.evaluate("n => n.previousElementSibling.dataset.turn")
        assert previous == "2"
        hostile = page.locator("#conv-detail .chat .why[data-turn='4']")
        assert why + WHY_HOSTILE in hostile.inner_text()
        page.wait_for_timeout(100)
        assert page.evaluate("window.__why") is None
        assert page.locator("#conv-detail img").count() == 0
        # openings, bursts and the old-format conversation carry no line
        assert page.locator("#conv-detail .chat .why").count() == 2
        page.click("#conv-list button.item[data-id=a1-old]")
        assert page.locator("#conv-detail .chat .msg").count() == 3
        assert page.locator("#conv-detail .chat .why").count() == 0


@pytest.fixture(scope="module")
def zh_url(runs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("zh") / "report.zh.html"
    return write_report(runs[0], out, compare=runs[1], lang="zh").resolve().as_uri()


def test_chinese_list_filters_and_facts_show_labels_not_codes(browser: Browser, zh_url: str):
    codes = {o.value for o in Outcome} | recorded_drop_offs()

    def codes_in(text: str) -> list[str]:
        return sorted(code for code in codes if code in text)

    with opened(browser, zh_url) as page:
        page.click("button[data-view=conversations]")
        options = page.locator("#f-outcome option").all_inner_texts()
        assert "已留资" in options and codes_in(" ".join(options)) == []
        page.select_option("#f-outcome", "customer_declined")  # the value stays the code
        listed = page.locator("#conv-list").inner_text()
        assert "客户拒绝留资" in listed and codes_in(listed) == []
        assert page.locator("#conv-count").inner_text().startswith("共 ")
        page.locator("#conv-list button.item").first.click()
        facts = page.locator("#conv-detail .facts").inner_text()
        assert "结果: 客户拒绝留资" in facts and codes_in(facts) == []
        tag = page.locator("#conv-detail .tag.rule-tag").first.inner_text()
        assert "(重要)" in tag and "major" not in tag
        page.click("button[data-view=compare]")
        pairs = page.locator("#pair-list").inner_text()
        assert "A: " in pairs and codes_in(pairs) == []
        page.click("button[data-view=review]")
        assert page.locator("#clear-annotations").inner_text() == "全部清除"
        assert page.locator("#review-summary").inner_text() == "0 个已审阅对话，0 条标注"


# --- phones: nothing wider than the screen, and a conversation opens where it can be read -------

PHONE = {"width": 390, "height": 844}


@contextmanager
def on_phone(browser: Browser, url: str) -> Iterator[Page]:
    """The report at 390 x 844 CSS pixels (an iPhone 12-14's viewport)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function("() => window.salesimReport && window.salesimReport.ready")
    yield page
    context.close()
    assert errors == []


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def within_screen(page: Page, selector: str) -> list[str]:
    """The visible elements matching ``selector`` that stick out of the screen sideways."""
    return page.evaluate(
        """sel => Array.from(document.querySelectorAll(sel))
             .filter(n => n.getClientRects().length)
             .map(n => [n, n.getBoundingClientRect()])
             .filter(([n, r]) => r.left < -0.5 || r.right > window.innerWidth + 0.5)
             .map(([n, r]) => n.tagName + '.' + n.className + ' ' + Math.round(r.right))""",
        selector,
    )


def in_view(page: Page, selector: str) -> bool:
    """Whether the first element matching ``selector`` shows within the screen's height."""
    box = page.locator(selector).first.bounding_box()
    return box is not None and 0 <= box["y"] < PHONE["height"] and box["height"] > 0


@pytest.mark.parametrize("compare", [False, True], ids=["single", "compare"])
def test_phone_page_is_never_wider_than_the_screen(browser: Browser, runs, tmp_path, compare):
    out = tmp_path / "phone.html"
    url = write_report(runs[0], out, compare=runs[1] if compare else None).resolve().as_uri()
    with on_phone(browser, url) as page:
        views = ["overview", "conversations", "review"] + (["compare"] if compare else [])
        for view in views:
            page.click(f"button[data-view={view}]")
            assert page_width(page) <= PHONE["width"], view
        page.click("button[data-view=overview]")
        assert within_screen(page, "#scorecard .scorecard-card, #scorecard td, #scorecard th") == []
        assert within_screen(page, ".funnel-card svg") == []
        cards = page.locator("#scorecard .scorecard-card")
        assert cards.count() == 2
        assert cards.first.locator("td.num").first.is_visible()
        page.click("button[data-view=conversations]")
        assert within_screen(page, "#conv-list button.item, #filters select") == []


def test_phone_opens_a_conversation_in_view_with_a_way_back(browser: Browser, report_url):
    with on_phone(browser, report_url) as page:
        page.click("button[data-view=conversations]")
        items = page.locator("#conv-list button.item")
        target = items.nth(12)
        cid = target.get_attribute("data-id")
        target.scroll_into_view_if_needed()
        target.click()
        panel = page.locator("#conv-detail .panel")
        assert panel.get_attribute("data-id") == cid
        assert in_view(page, "#conv-detail .panel h3")  # opened where it can be read
        assert page.locator("#filters").is_hidden()  # the conversation replaces the list
        back = page.locator("#conv-detail .back")
        assert back.is_visible() and in_view(page, "#conv-detail .back")
        page.mouse.wheel(0, 2500)  # read down the chat: the way back stays on screen
        page.wait_for_timeout(100)
        assert in_view(page, "#conv-detail .back")
        assert page_width(page) <= PHONE["width"]
        back.click()
        assert page.locator("#conv-list").is_visible()
        assert page.locator("#conv-detail").is_hidden()
        assert in_view(page, f"#conv-list button.item[data-id='{cid}']")  # back where we were
        page.click("button[data-view=compare]")
        page.locator("#pair-list button.item").first.click()
        assert page.locator("#pair-detail .panel").count() == 2
        assert in_view(page, "#pair-detail .panel h3")
        assert page.locator("#pair-detail .back").is_visible()
        assert page_width(page) <= PHONE["width"]
        page.locator("#pair-detail .back").click()
        assert page.locator("#pair-list").is_visible()


def test_wide_screens_keep_list_and_conversation_side_by_side(page: Page):
    page.click("button[data-view=conversations]")
    page.locator("#conv-list button.item").first.click()
    assert (
        page.locator("#filters").is_visible() and page.locator("#conv-detail .panel").is_visible()
    )
    assert page.locator("#conv-detail .back").is_hidden()


def test_errored_conversations_are_marked_in_the_list_and_the_transcript(
    browser: Browser, broken_run: Path
):
    url = write_report(broken_run).resolve().as_uri()
    with opened(browser, url) as page:
        assert page.locator("#agent-errors").is_visible()
        page.click("button[data-view=conversations]")
        page.select_option("#f-agent", "fixtures.faulty_agents:always_raises")
        items = page.locator("#conv-list button.item")
        assert items.count() == 6
        assert items.evaluate_all("ns => ns.every(n => n.classList.contains('errored'))")
        assert "⚠ agent error" in items.first.inner_text()
        items.first.click()
        line = page.locator("#conv-detail .error-line")
        assert "RuntimeError: model backend exploded (401: invalid API key)" in line.inner_text()
        compliant = page.locator("#conv-detail .verdict-box[data-outcome=compliant] .value")
        assert compliant.inner_text() == "errored"
        page.select_option("#f-agent", "human")
        assert page.locator("#conv-list button.item.errored").count() == 0


@pytest.mark.skipif(CJK_MISSING is not None, reason=f"browser test skipped: {CJK_MISSING}")
def test_chinese_report_fits_a_phone(browser: Browser, zh_url: str):
    """With real CJK glyphs (wider than Latin ones), the Chinese report still fits 390 px."""
    with on_phone(browser, zh_url) as page:
        for view in ("overview", "conversations", "compare", "review"):
            page.click(f"button[data-view={view}]")
            assert page_width(page) <= PHONE["width"], view
        page.click("button[data-view=overview]")
        assert within_screen(page, "#scorecard .scorecard-card, #scorecard td, #scorecard th") == []
        page.click("button[data-view=conversations]")
        page.locator("#conv-list button.item").first.click()
        assert page.locator("#conv-detail .back").inner_text() == "← 返回列表"
        assert in_view(page, "#conv-detail .panel h3")
        assert page_width(page) <= PHONE["width"]


# --- annotations belong to a run, not to its id ------------------------------------------------


def _candidate_run(directory: Path, created_at: str) -> Path:
    """``--run-id candidate`` as CI writes it for every pull request: same id, same directory."""
    if directory.exists():
        shutil.rmtree(directory)
    chats = [
        chat("c1", "en_US", [("customer", "How much is a lesson?"), ("agent", "$50 an hour.")]),
        chat("c2", "en_US", [("customer", "Do you teach algebra?"), ("agent", "Yes.")], instance=1),
    ]
    return write_chat_run(directory, "candidate", chats, created_at=created_at)


def _review_count(page: Page) -> str:
    return page.locator("#review-count").inner_text()


def _download(page: Page, path: Path) -> dict:
    page.click("button[data-view=review]")
    with page.expect_download() as download:
        page.click("#download-annotations")
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_two_runs_with_one_id_do_not_share_annotations(browser: Browser, tmp_path: Path):
    run = tmp_path / "results" / "candidate"
    _candidate_run(run, "2026-11-24T10:00:00+00:00")  # pull request 1
    url = write_report(run).resolve().as_uri()
    # one browser profile for both pull requests, as a reviewer's own browser is
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.click("button[data-view=conversations]")
    page.click("#conv-list button.item[data-id=c1]")
    page.click("#conv-detail .verdict-box[data-outcome=lead_captured] button.mark-wrong")
    assert _review_count(page) == "1"
    first = _download(page, tmp_path / "first.json")
    assert first["run_id"] == "candidate" and len(first["annotations"]) == 1
    # rendering the same run again keeps its annotations
    write_report(run)
    page.goto(url)
    page.wait_for_function("() => window.salesimReport && window.salesimReport.ready")
    assert _review_count(page) == "1"
    # pull request 2: the same id in the same place, but another run
    _candidate_run(run, "2026-11-25T09:30:00+00:00")
    write_report(run)
    page.goto(url)
    page.wait_for_function("() => window.salesimReport && window.salesimReport.ready")
    assert _review_count(page) == "0"
    second = _download(page, tmp_path / "second.json")
    assert second["annotations"] == [] and second["reviewed"] == []
    assert first["run_fingerprint"] and second["run_fingerprint"]
    assert first["run_fingerprint"] != second["run_fingerprint"]
    context.close()


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_controls_are_shown_written_out(browser: Browser, tmp_path: Path):
    rlo = "\u202e"
    lines = [("customer", f"my file is invoice-{rlo}fdp.exe"), ("agent", "Thanks")]
    spoofed = chat(f"c-{rlo}1", "en_US", lines, agent=f"bot{rlo}1", persona=f"parent{rlo}")
    run = write_chat_run(tmp_path / "run", f"run{rlo}", [spoofed])
    with opened(browser, write_report(run).resolve().as_uri()) as page:
        page.click("button[data-view=conversations]")
        item = page.locator("#conv-list button.item").first
        assert item.get_attribute("data-id") == f"c-{rlo}1"  # the data as recorded
        listed = item.inner_text()
        assert "c-\\u202e1" in listed and "bot\\u202e1" in listed and "parent\\u202e" in listed
        item.click()
        detail = page.locator("#conv-detail .panel")
        assert detail.locator("h3").inner_text() == "c-\\u202e1"
        assert "invoice-\\u202efdp.exe" in detail.locator(".chat").inner_text()
        page.click("#conv-detail .verdict-box[data-outcome=lead_captured] button.mark-wrong")
        page.click("button[data-view=review]")
        assert "c-\\u202e1" in page.locator("#annotation-table").inner_text()
        for view in ("overview", "conversations", "review"):
            page.click(f"button[data-view={view}]")
            text = page.evaluate("document.body.innerText + document.title")
            assert not [c for c in BIDI if c in text], view
        assert "run\\u202e" in page.title()


# --- fidelity: real against simulated customers -----------------------------------------------


@pytest.fixture(scope="module")
def fidelity_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run with fidelity.json, made by the commands a user types (in a subprocess: the
    simulator's event loop cannot start under Playwright's)."""
    out = tmp_path_factory.mktemp("fidelity")
    salesim = [sys.executable, "-m", "simulator"]
    subprocess.run(
        [
            *salesim,
            "run",
            "--personas",
            "worried_parent",
            "--locale",
            "en_US",
            "--n",
            "30",
            "--out",
            str(out),
            "--run-id",
            "fid",
        ],
        check=True,
        capture_output=True,
    )
    run_dir = out / "fid"
    # "real" chats: the same persona's conversations with the human baseline, exported
    subprocess.run(
        [*salesim, "export", str(run_dir), "--format", "csv", "--out", str(out / "export")],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *salesim,
            "fidelity",
            str(out / "export" / "messages.csv"),
            str(run_dir),
            "--bootstrap",
            "20",
        ],
        check=True,
        capture_output=True,
    )
    return run_dir


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fidelity_tab_and_page_show_every_plot_within_a_phone_screen(
    browser: Browser, fidelity_run: Path, tmp_path: Path, lang: str
) -> None:
    if lang == "zh" and CJK_MISSING:
        pytest.skip(CJK_MISSING)
    url = write_report(fidelity_run, tmp_path / f"r.{lang}.html", lang=lang).resolve().as_uri()
    with on_phone(browser, url) as page:
        page.click("button[data-view=fidelity]")
        section = page.locator("#view-fidelity")
        assert section.is_visible()
        assert page.locator("#view-overview").is_hidden()
        cards = section.locator(".fidelity-card")
        assert cards.count() >= 8
        assert section.locator("svg.fidelity-plot").first.is_visible()
        summary = section.locator(".fidelity-summary li").all_inner_texts()
        assert any("worried_parent/en_US" in line for line in summary)
        word = "在抽样噪声范围内" if lang == "zh" else "within sampling noise"
        assert all(word in line for line in summary)
        assert page_width(page) <= PHONE["width"]
        assert within_screen(page, "#view-fidelity svg") == []
    # the standalone page: same figures, no script, nothing fetched
    context = browser.new_context(viewport=PHONE)
    standalone = context.new_page()
    requests: list[str] = []
    standalone.on("request", lambda request: requests.append(request.url))
    page_url = (fidelity_run / "fidelity.html").resolve().as_uri()
    standalone.goto(page_url)
    assert standalone.locator("svg.fidelity-plot").count() >= 8
    assert page_width(standalone) <= PHONE["width"]
    assert requests == [page_url]
    context.close()
