"""Regenerate docs/report-scorecard.png and docs/report-transcript.png (shown in the README).

Needs Debian's chromium and playwright (the `test` extra); writes runs to a temporary directory:

    .venv/bin/python docs/report_screenshots.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from simulator.models import RunConfig
from simulator.report import write_report
from simulator.runs import run_suite

DOCS = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def shortest_gained(run: Path) -> str:
    """Id of the shortest en_US conversation of ``run`` that captured a lead."""
    scores = [json.loads(line) for line in (run / "scores.jsonl").open(encoding="utf-8")]
    leads = [s for s in scores if s["locale"] == "en_US" and s["lead_captured"]]
    return min(leads, key=lambda s: (s["turns"], s["conversation_id"]))["conversation_id"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp))
        overview, _ = run_suite(RunConfig(agents=["scripted-v2"], n=50, out=out, run_id="v2"))
        v1, _ = run_suite(
            RunConfig(agents=["scripted-v1"], baseline_agent=None, out=out, run_id="v1")
        )
        v2, _ = run_suite(
            RunConfig(agents=["scripted-v2"], baseline_agent=None, out=out, run_id="v2-alone")
        )
        overview_html = write_report(overview, redact=True)
        compare_html = write_report(v1, compare=v2, redact=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 1180}, device_scale_factor=1)
            page.goto(overview_html.resolve().as_uri())
            page.screenshot(path=str(DOCS / "report-scorecard.png"))
            page = browser.new_page(viewport={"width": 1360, "height": 1250}, device_scale_factor=1)
            page.goto(compare_html.resolve().as_uri())
            page.click("button[data-view=compare]")
            # the shortest English conversation that v1 lost and v2 won, so both fit the picture
            page.fill("#p-search", shortest_gained(v2))
            page.locator("#pair-list button.item").first.click()
            page.screenshot(path=str(DOCS / "report-transcript.png"))
            browser.close()
    print(f"wrote {DOCS / 'report-scorecard.png'} and {DOCS / 'report-transcript.png'}")


if __name__ == "__main__":
    main()
