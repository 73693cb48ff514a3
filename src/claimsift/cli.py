"""The command line: parses arguments, calls the library, prints. No analysis logic lives here."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimsift.analysis import analyze
from claimsift.case import assess_case
from claimsift.case_cli import case_app
from claimsift.cli_common import Format, err, fail, say, write_report
from claimsift.errors import ClaimsiftError
from claimsift.model import Analysis, Document
from claimsift.report.claimreview import render_claimreview
from claimsift.report.csv_export import write_csv
from claimsift.report.html import render_html
from claimsift.report.json_report import render_json
from claimsift.report.markdown import render_markdown
from claimsift.report.stix import render_stix

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="claimsift: attributed claims, dates, entities and calibrated verdicts from reporting.",
)
app.add_typer(case_app, name="case")


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details to standard error.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _render(result: Analysis, fmt: Format, include_text: bool) -> str:
    if fmt is Format.markdown:
        return render_markdown(result)
    if fmt is Format.html:
        return render_html(result)
    return render_json(result, include_text=include_text)


def _report_skipped(skipped: list[tuple[str, str]]) -> None:
    """One line per file that could not be read, then a count, so a batch run says what it left out."""
    for path, reason in skipped:
        say(f"claimsift: skipped {path}: {reason}")
    if len(skipped) > 1:
        say(f"claimsift: {len(skipped)} files skipped")


@app.command("analyze")
def analyze_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt .md .vtt .srt .html .htm .json .pdf .docx .json3 .srv3), web addresses"
            " (https://...; loopback and private addresses too), or - for stdin."
        ),
    ],
    hypothesis: Annotated[
        list[str] | None,
        typer.Option("--hypothesis", "-H", help="A hypothesis to assess; repeat for more (H1, H2, ...)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Reference date YYYY-MM-DD for dates without a year; overrides sidecar metadata."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file instead of standard output."),
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="JSON: add each document's text (what offsets point into).")
    ] = False,
    prior: Annotated[float, typer.Option(help="Prior probability of every hypothesis.")] = 0.5,
    reliability: Annotated[
        Path | None,
        typer.Option(help="claimsift.toml or YAML file with a [reliability] table: source name = Admiralty letter."),
    ] = None,
) -> None:
    """Extract attributed claims, dates and entities, and assess hypotheses.

    Example:

        claimsift analyze report.txt https://www.state.gov/briefings/... -H "North Korean troops are deployed in Russia"
    """
    quiet = not err.is_terminal

    def progress(doc: Document) -> None:
        if not quiet:
            say(f"analysed {doc.path}")
        for warning in doc.warnings:
            say(f"claimsift: warning: {doc.path}: {warning}")

    skipped: list[tuple[str, str]] = []
    try:
        result = analyze(
            paths,
            hypotheses=hypothesis or [],
            published=published,
            prior=prior,
            progress=progress,
            reliability=reliability,
            on_error=lambda path, reason: skipped.append((path, reason)),
            allow_private=True,  # the command line reads what its user points it at, on their own machine too
        )
    except ClaimsiftError as exc:
        _report_skipped(skipped[:-1] if len(skipped) > 1 else [])
        raise fail(
            str(exc) if len(skipped) <= 1 else f"nothing could be read ({len(skipped)} files); last: {exc}"
        ) from None
    _report_skipped(skipped)
    write_report(_render(result, fmt, include_text), output)


@app.command("export")
def export_cmd(
    case: Annotated[str, typer.Argument(help="The case: a .db file or a postgresql:// URL.")],
    stix: Annotated[Path | None, typer.Option("--stix", help="Write a STIX 2.1 bundle (JSON) here.")] = None,
    claimreview: Annotated[
        Path | None, typer.Option("--claimreview", help="Write schema.org ClaimReview items (JSON-LD) here.")
    ] = None,
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Write claims.csv, sources.csv, entities.csv, documents.csv here.")
    ] = None,
    url_base: Annotated[
        str, typer.Option(help="Where the fact-check is published: ClaimReview urls are built on it.")
    ] = "https://example.org/claimsift",
) -> None:
    """Export a case for other tools: STIX 2.1 (OpenCTI, MISP), ClaimReview (fact-check markup), CSV.

    Example:

        claimsift export nk_troops.db --stix nk.stix.json --claimreview nk.jsonld --csv nk_csv/
    """
    if stix is None and claimreview is None and csv is None:
        raise fail("nothing to export: give --stix FILE, --claimreview FILE or --csv DIR")
    try:
        analysis = assess_case(case, record=False).analysis
        if stix is not None:
            stix.write_text(render_stix(analysis), encoding="utf-8")
            say(f"wrote {stix}")
        if claimreview is not None:
            claimreview.write_text(render_claimreview(analysis, url_base=url_base), encoding="utf-8")
            say(f"wrote {claimreview}")
        if csv is not None:
            for path in write_csv(analysis, csv):
                say(f"wrote {path}")
    except ClaimsiftError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{exc.filename}: cannot write: {exc.strerror}") from None


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@app.command("serve")
def serve_cmd(
    case: Annotated[
        str, typer.Argument(help="The case: a .db file or a postgresql:// URL (create it with case init).")
    ],
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless you name another.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_private_fetch: Annotated[
        bool,
        typer.Option(
            "--allow-private-fetch",
            help="Let the web page form fetch loopback, private and link-local addresses (refused by default).",
        ),
    ] = False,
    max_uploads: Annotated[
        int, typer.Option(min=1, help="Uploads received at once (each is held in memory); more are answered 503.")
    ] = 4,
    upload_seconds: Annotated[
        float, typer.Option(min=0.1, help="Longest a client may take to send an upload; slower ones get 408.")
    ] = 60.0,
) -> None:
    """Browse a case in the browser: add documents and hypotheses, set reliability, see the verdict change.

    Example:

        claimsift serve nk_troops.db --port 8000
    """
    import uvicorn

    from claimsift.web import create_app

    try:
        web = create_app(
            case,
            host=host,
            port=port,
            allow_private_fetch=allow_private_fetch,
            max_uploads=max_uploads,
            upload_seconds=upload_seconds,
        )
    except ClaimsiftError as exc:
        raise fail(str(exc)) from None
    if host not in LOOPBACK:
        say(f"claimsift: warning: serving on {host}: anyone who can reach it can change the case")
    shown = f"[{host}]" if ":" in host else host
    say(f"claimsift: open http://{shown}:{port}/ (requests naming another host are refused)")
    uvicorn.run(web, host=host, port=port, log_level="info")


@app.command("version")
def version_cmd() -> None:
    """Print the claimsift version.

    Example:

        claimsift version
    """
    from claimsift import __version__

    typer.echo(__version__)


def main() -> None:
    """Console-script entry point."""
    app()
