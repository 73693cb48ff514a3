"""``claimsift case ...``: the command line of cases, a thin shell over ``claimsift.case``.

Each command parses its arguments, calls one function of ``claimsift.case`` and prints. Results go to
standard output; progress, notes and errors to standard error, progress only when that is a terminal.
Errors are one line (``claimsift: error: ...``), never a traceback.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from claimsift import case as lib
from claimsift.batch import available_cores
from claimsift.case_evidence import assess_verdicts, render_verdicts_json
from claimsift.cli_common import Format, err, fail, say, write_report
from claimsift.errors import ClaimsiftError
from claimsift.safe_text import strip_controls
from claimsift.store import shown_location

case_app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Cases: a question followed over time, as a database (a .db file, or a postgresql:// URL).",
)
CaseArg = Annotated[str, typer.Argument(help="The case: a .db file path, or a postgresql:// URL.", show_default=False)]
INTERRUPTED = 130


@contextmanager
def _errors() -> Iterator[None]:
    """Every claimsift error as one line on stderr and exit status 1."""
    try:
        yield
    except ClaimsiftError as exc:
        raise fail(str(exc)) from None


@case_app.command("init")
def init_cmd(case: CaseArg) -> None:
    """Create a case (or upgrade an existing one to the latest schema).

    Example:

        claimsift case init nk_troops.db
    """
    with _errors():
        location, created = lib.init_case(case)
    say(f"{'created' if created else 'already a case:'} {location}")


class _Rate:
    """Documents done, per second and failed, for the progress of a cluster run (many documents a second)."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.done = 0
        self.failed = 0

    def note(self, event: lib.AddEvent) -> str:
        """Count one event; the text the progress bar shows: "120 documents, 3.4/s, 1 failed"."""
        self.done += 1
        self.failed += event.kind == "failed"
        return self.text()

    def text(self) -> str:
        per_second = self.done / max(time.monotonic() - self.start, 1e-9)
        return f"{self.done} documents, {per_second:.1f}/s, {self.failed} failed"

    def summary(self) -> str:
        return f"cluster: {self.text()}"


def _progress(rate: bool = False) -> Progress:
    columns = [TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn()]
    if rate:
        columns.append(TextColumn("{task.fields[rate]}"))
    return Progress(
        *columns,
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )


@case_app.command("add")
def add_cmd(
    case: CaseArg,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, web addresses (https://...), or - for standard input.", show_default=False
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Reference date YYYY-MM-DD for every document; overrides sidecar metadata.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes that parse documents (at most one per core).")
    ] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents parsed per batch (memory grows with it).")] = 16,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS or Atom feed: add its entries the case does not have yet (repeatable)."),
    ] = None,
    defer_evidence: Annotated[
        bool,
        typer.Option(
            "--defer-evidence",
            help="Leave the stored evidence groups to the next `case assess --verdicts` (quicker for a few documents "
            "added to a large case).",
        ),
    ] = False,
    cluster: Annotated[
        str | None,
        typer.Option(
            help="Parse on a Dask cluster: a scheduler address (tcp://host:8786), or local:N for N local worker "
            "processes. This process still writes the case.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add documents: only new ones are parsed; repeats (same text or address) are skipped, bad files reported.

    Exit status 1 when any document failed (the others are stored), 130 when interrupted.

    Example:

        claimsift case add nk_troops.db reports/ statement.txt https://www.state.gov/briefings/... --jobs 2

        claimsift case add nk_troops.db --feed https://www.state.gov/rss-feed/press-releases/feed/

        claimsift case add postgresql://team@db/nk reports/ --cluster tcp://scheduler:8786
    """
    cores = available_cores()
    if cluster is None and jobs > cores:  # more workers than cores only compete for them, each holding a pipeline
        say(f"claimsift: note: --jobs {jobs} is more than the {cores} cores available; using {cores}")
        jobs = cores
    if not paths and not feed:
        raise fail("nothing to add: give files, folders, web addresses, - for standard input, or --feed URL")
    options = _AddOptions(published, jobs, batch_size, cluster, not defer_evidence)
    reports = [_add(case, paths or [], None, options)] if paths else []
    reports += [_add(case, [], url, options) for url in feed or []]
    if any(r.interrupted for r in reports):
        raise typer.Exit(code=INTERRUPTED)
    if any(r.failed for r in reports):
        raise typer.Exit(code=1)


@dataclass(frozen=True)
class _AddOptions:
    """How ``case add`` parses and stores, the same for its paths and each of its feeds."""

    published: str | None
    jobs: int
    batch_size: int
    cluster: str | None
    evidence: bool


def _add(case: str, paths: list[str], feed: str | None, o: _AddOptions) -> lib.AddReport:
    """Add paths, or a feed's new entries, with a progress bar; print the summary line."""
    rate = _Rate()
    with _errors(), _progress(o.cluster is not None) as bar:
        task = bar.add_task("adding", total=None, rate="")

        def on_event(event: lib.AddEvent) -> None:
            bar.update(task, advance=event.weight, rate=rate.note(event) if o.cluster else "")
            if event.kind == "skipped":
                say(f"skipped {event.path}: {event.message}", bar.console)
            elif event.kind == "failed":
                say(f"claimsift: warning: {event.path}: {event.message}", bar.console)
            elif event.kind == "ignored":
                say(f"claimsift: warning: skipped {event.path}: {event.message}", bar.console)

        def on_start(files: int) -> None:
            bar.update(task, total=files)

        options = lib.AddOptions(
            published=o.published,
            jobs=o.jobs,
            batch_size=o.batch_size,
            cluster=o.cluster,
            evidence=o.evidence,
            on_event=on_event,
            on_start=on_start,
            allow_private=True,  # the command line may read pages served on its user's own machine
        )  # the same for a list of paths or for one feed's new entries
        report = lib.add_paths(case, paths, **options) if feed is None else lib.add_feed(case, feed, **options)
    if o.cluster:
        say(rate.summary())
    say(report.summary() if feed is None else f"{feed}: {report.summary()}")
    return report


@case_app.command("hypothesis")
def hypothesis_cmd(
    case: CaseArg,
    text: Annotated[str, typer.Argument(help="The hypothesis, as a statement.", show_default=False)],
    prior: Annotated[float, typer.Option(help="Prior probability, strictly between 0 and 1.")] = 0.5,
) -> None:
    """Add a hypothesis to weigh; it gets the next id (H1, H2, ...).

    Example:

        claimsift case hypothesis nk_troops.db "North Korean troops are deployed in Russia" --prior 0.3
    """
    with _errors():
        h = lib.add_hypothesis(case, text, prior)
    say(f"{h.id}: {h.text} (prior {h.prior:g})")


@case_app.command("reliability")
def reliability_cmd(
    case: CaseArg,
    source: Annotated[str, typer.Argument(help="The source's name, as claimsift shows it.", show_default=False)],
    letter: Annotated[str, typer.Argument(help="Admiralty reliability letter, A (reliable) to F.", show_default=False)],
) -> None:
    """Set your Admiralty reliability letter for a source, overriding claimsift's default.

    Example:

        claimsift case reliability nk_troops.db "South Korea's National Intelligence Service" B
    """
    with _errors():
        value = lib.set_reliability(case, source, letter)
    say(f"{source}: {value}")


def _table(title: str, headers: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal; tab-separated lines with a header when piped."""
    out = Console(soft_wrap=True)
    rows = [[strip_controls(cell) for cell in row] for row in rows]  # a name must not retitle the terminal
    title = strip_controls(title)  # nor a case's file name
    if not out.is_terminal:  # plain text for pipes and scripts (rich would expand the tabs)
        lines = [f"# {title}"] + ["\t".join(" ".join(cell.split()) for cell in row) for row in [headers, *rows]]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = Table(*headers, title=title, title_justify="left")
    for row in rows:
        table.add_row(*row)
    out.print(table, markup=False, highlight=False)


@case_app.command("show")
def show_cmd(case: CaseArg) -> None:
    """Show the documents, sources (one per origin across documents) and hypotheses with current verdicts.

    Example:

        claimsift case show nk_troops.db
    """
    with _errors():
        s = lib.show(case)
    ids = [a.hypothesis.id for a in s.assessment.analysis.assessments]
    stance = s.assessment.analysis.doc_stances
    doc_rows = [
        [d.id, d.published or "", d.outlet or "", str(s.claims.get(d.id, 0))]
        + [stance[d.id][h].label if h in stance.get(d.id, {}) else "" for h in ids]
        + [d.path]
        for d in s.documents
    ]
    headers = ["id", "published", "outlet", "claims", *ids, "path"]
    _table(f"{len(s.documents)} documents in {s.location}", headers, doc_rows)
    src_rows = [[x.name, str(x.claims), str(x.documents), s.overrides.get(x.name, "")] for x in s.sources]
    _table("sources", ["source", "claims", "documents", "your letter"], src_rows)
    hyp_rows = [
        [a.hypothesis.id, a.hypothesis.text, f"{a.hypothesis.prior:g}", a.summary]
        for a in s.assessment.analysis.assessments
    ]
    _table("hypotheses", ["id", "hypothesis", "prior", "verdict"], hyp_rows)


@case_app.command("assess")
def assess_cmd(
    case: CaseArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    include_text: Annotated[bool, typer.Option("--include-text", help="JSON: add each document's text.")] = False,
    verdicts: Annotated[
        bool,
        typer.Option(
            "--verdicts",
            help="JSON of the verdicts, groups and ACH matrix from the stored evidence groups, with only the "
            "driving claims: it does not re-read every claim, so it stays quick on large cases.",
        ),
    ] = False,
) -> None:
    """Assess every hypothesis over the whole case, from stored facts (nothing is parsed again).

    The JSON is analyze's (schema claimsift/1), with each hypothesis's belief over time in `history`.

    Example:

        claimsift case assess nk_troops.db --format markdown -o report.md

        claimsift case assess big_case.db --verdicts
    """
    if verdicts:
        if fmt is not Format.json or include_text:
            raise fail("--verdicts writes JSON only (no --format markdown or html, no --include-text)")
        with _errors():
            write_report(render_verdicts_json(assess_verdicts(case)), output)
        return
    with _errors():
        result = lib.assess_case(case)
    if fmt is Format.markdown:
        text = lib.render_markdown_report(result)
    elif fmt is Format.html:
        text = lib.render_html_report(result)
    else:
        text = lib.render_json(result, include_text)
    write_report(text, output)


@case_app.command("timeline")
def timeline_cmd(case: CaseArg) -> None:
    """List the claims in date order: event date, statement date, source, stance on each hypothesis.

    Example:

        claimsift case timeline nk_troops.db
    """
    with _errors():
        rows = lib.timeline(case)
    cells = [
        [
            r.event_date or "",
            r.stated_date or (f"({r.published})" if r.published else ""),
            r.source,
            ", ".join(f"{h} {s}" for h, s in r.stance.items() if s != "neutral"),
            f"{r.claim} {r.doc}",
            r.text if len(r.text) <= 100 else r.text[:97] + "...",
        ]
        for r in rows
    ]
    _table("timeline", ["event", "stated (published)", "source", "stance", "claim", "text"], cells)


@case_app.command("check")
def check_cmd(case: CaseArg) -> None:
    """Check that the case is whole: database integrity, no half-written document, hashes match texts.

    Exit status 1 when a problem is found, one line each.

    Example:

        claimsift case check nk_troops.db
    """
    with _errors():
        problems = lib.check_case(case)
    for problem in problems:
        say(f"claimsift: problem: {problem}")
    if problems:
        raise typer.Exit(code=1)
    say(f"ok: {shown_location(case)} is whole")
