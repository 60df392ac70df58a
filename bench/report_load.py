"""Size of the HTML report of a 5,000-conversation run and its load time in headless Chromium.

Simulates the run (scripted-v2 against the human baseline, all seed personas), writes the report,
then opens it from disk in Debian's Chromium through Playwright and prints the median of a few
loads: DOMContentLoaded, first contentful paint (the scorecard is the first thing on the page and
is plain HTML and SVG, so this is when it shows), the report's script ready (filters work), and
the first transcript and the first full-text search (both parse the embedded transcripts lazily;
the search time includes the list's 150 ms typing debounce):

    .venv/bin/python bench/report_load.py [--n 417] [--loads 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from simulator.models import RunConfig
from simulator.report import write_report
from simulator.runs import run_suite

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMINGS_JS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("salesim:ready")[0];
  return {
    dom_content_loaded_ms: nav.domContentLoadedEventEnd,
    first_scorecard_paint_ms: paint ? paint.startTime : null,
    script_ready_ms: ready ? ready.startTime : null,
    load_ms: nav.loadEventEnd,
  };
}"""


def measure(url: str, loads: int) -> dict[str, float]:
    """Median timings (ms) over ``loads`` fresh page loads."""
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_function("() => window.salesimReport && window.salesimReport.ready")
            page.wait_for_timeout(100)  # paint entries are recorded after the frame
            timings = page.evaluate(TIMINGS_JS)
            page.click("button[data-view=conversations]")
            started = time.perf_counter()
            page.locator("#conv-list button.item").first.click()
            page.locator("#conv-detail .chat").wait_for()
            timings["first_transcript_ms"] = (time.perf_counter() - started) * 1000
            before = page.inner_text("#conv-count")
            started = time.perf_counter()
            page.fill("#f-search", "insurance")
            page.wait_for_function(
                "before => document.getElementById('conv-count').textContent !== before", arg=before
            )
            # includes the list's 150 ms typing debounce
            timings["first_search_ms"] = (time.perf_counter() - started) * 1000
            for key, value in timings.items():
                if value is not None:
                    samples.setdefault(key, []).append(value)
            context.close()
        browser.close()
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=417, help="customers per persona and locale")
    parser.add_argument("--loads", type=int, default=5, help="page loads to take the median of")
    parser.add_argument("--keep", type=Path, default=None, help="keep the run in this directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        config = RunConfig(agents=["scripted-v2"], n=args.n, out=str(out), run_id="report-load")
        started = time.perf_counter()
        directory, summary = run_suite(config)
        print(
            f"simulated {summary['conversations']} conversations in "
            f"{time.perf_counter() - started:.1f} s"
        )
        for redact in (False, True):
            started = time.perf_counter()
            path = write_report(
                directory, directory / f"report{'-redacted' if redact else ''}.html", redact=redact
            )
            elapsed = time.perf_counter() - started
            print(
                f"report{' --redact' if redact else ''}: {path.stat().st_size / 1e6:.1f} MB "
                f"written in {elapsed:.1f} s"
            )
        timings = measure(path.with_name("report.html").resolve().as_uri(), args.loads)
        print(f"headless Chromium, median of {args.loads} loads:")
        for key, value in timings.items():
            print(f"  {key:<26} {value:8.0f} ms")


if __name__ == "__main__":
    main()
