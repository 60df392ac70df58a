"""`salesim report` and `salesim calibrate`: transcript review for people, and its calibration."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import click
from rich.text import Text

from simulator.calibrate import calibrate as run_calibration
from simulator.calibrate import load_annotations
from simulator.cli._common import clean_errors, main
from simulator.report import LANGS, REPORT_HTML, write_markdown, write_report
from simulator.scorecard import terminal_console
from simulator.specs import SpecError
from simulator.terminal import PlainTable, plain
from simulator.visible import show_controls


@main.command()
@click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--compare",
    "compare_run",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A second run (B, the candidate, as in `salesim compare RUN RUN_B`): side-by-side "
    "transcripts of the same persona instances, flipped conversations first.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Output file [default: RUN/{REPORT_HTML}; a compare, redacted or Chinese view gets its "
    "own name (report-vs-B.html, .redacted, .zh) so that none overwrites another; with --format "
    "md, standard output].",
)
@click.option(
    "--redact", is_flag=True, help="Mask phone numbers, WeChat IDs, e-mails and names everywhere."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    default="html",
    show_default=True,
    help="html: the self-contained review page; md: a short summary for terminals and PRs.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of the report's own text (messages stay as they were written).",
)
@clean_errors
def report(
    run: Path, compare_run: Path | None, out: Path | None, redact: bool, fmt: str, lang: str
) -> None:
    """Write the HTML transcript review of a run: scorecard, charts, filters, chat transcripts.

    One self-contained file (no network). Reviewers can mark findings and outcomes wrong in it
    and download their annotations for `salesim calibrate`.
    """
    with _damaged_runs_are_bad_input(run):
        if fmt == "md":
            text = write_markdown(run, out, compare=compare_run, redact=redact, lang=lang)
            if out is None:
                click.echo(text)
            else:
                click.echo(f"wrote {out}", err=True)
            return
        path = write_report(run, out, compare=compare_run, redact=redact, lang=lang)
    size = path.stat().st_size
    click.echo(f"wrote {path} ({size / 1e6:.1f} MB)")


@contextlib.contextmanager
def _damaged_runs_are_bad_input(run: Path) -> Iterator[None]:
    """A run directory that was edited or damaged by hand is bad input: one line, exit 2.

    The report reads a run's files as the run wrote them; a field of the wrong type (a naive
    timestamp, a list where an object belongs) or a line torn inside a character fails deep in
    it with a TypeError or a UnicodeDecodeError, which says nothing about which file to look at.
    """
    try:
        yield
    except SpecError:
        raise  # already one line naming the file
    except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
        raise SpecError(
            f"{run}: cannot read this run directory; was it edited or damaged? "
            f"({type(exc).__name__}: {str(exc)[:200]})"
        ) from None


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _kappa(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _plain(text: str) -> str:
    """A name from the annotations file as the terminal should show it: no markup (the table is
    plain), no control characters, bidi controls written out."""
    return plain(show_controls(text))


@main.command()
@click.argument("annotations", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("run", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the agreement figures as JSON.")
@clean_errors
def calibrate(annotations: Path, run: Path, as_json: bool) -> None:
    """Agreement between reviewers' annotations (downloaded from the report) and the scorers.

    Per rule and per outcome: precision and recall of the scorer against the reviewer, and
    Cohen's kappa, over the conversations the reviewer looked at. Lowest kappa first: the rules
    or judge prompts to fix.
    """
    result = run_calibration(load_annotations(annotations), run)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    reviewer = f" {_plain(result['reviewer'])}" if result["reviewer"] else ""
    table = PlainTable(
        title=f"scorers vs reviewer{reviewer}: "
        f"{result['reviewed']} reviewed conversations, {result['annotations']} annotations",
        title_justify="left",
        caption="precision: scorer's flags the reviewer confirms; recall: reviewer's flags the "
        "scorer found",
        caption_justify="left",
    )
    for column in ("rule / outcome", "n", "scorer+", "reviewer+", "FP", "FN"):
        table.add_column(column, justify="left" if column.startswith("rule") else "right")
    for column in ("precision", "recall", "kappa"):
        table.add_column(column, justify="right")

    def key(item: tuple[str, dict]) -> tuple[float, str]:
        kappa = item[1]["kappa"]
        return (2.0 if kappa is None else kappa, item[0])

    for group in ("rules", "outcomes"):
        for name, stats in sorted(result[group].items(), key=key):
            table.add_row(
                _plain(name) if group == "rules" else Text(_plain(name), style="bold"),
                str(stats["n"]),
                str(stats["scorer_positive"]),
                str(stats["reviewer_positive"]),
                str(stats["fp"]),
                str(stats["fn"]),
                _pct(stats["precision"]),
                _pct(stats["recall"]),
                _kappa(stats["kappa"]),
            )
    terminal_console().print(table)
    if result["skipped_other_run"]:
        click.echo(
            f"note: {result['skipped_other_run']} annotation(s) of another run skipped", err=True
        )
