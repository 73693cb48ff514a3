"""Web pages by address: a real HTTP server on loopback (tests/webkit.py) serving pages built from open texts.

Redirects, a 404, a slow response, oversized bodies, a wrong content type and a transient 503 each end as
the fetcher promises; private addresses are refused unless allowed; a page read by address gives the claims of
the same text read from a .txt.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsift.analysis import analyze
from claimsift.case import add_paths, assess_case, init_case
from claimsift.cli import app
from claimsift.errors import InputError
from claimsift.ingest import read_documents, read_url
from claimsift.store import Store
from webkit import SLOW_SECONDS, Site, serve

DATA = Path(__file__).parent / "data"
VOA = "/voa_pentagon_kursk_small_number.html"
UN = "/un_sc_dprk_military_cooperation.html"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def _reason(url: str, **options: object) -> str:
    with pytest.raises(InputError) as err:
        read_url(url, allow_private=True, **options)  # type: ignore[arg-type]
    assert "\n" not in str(err.value) and err.value.path == url
    return err.value.reason


def test_ingest_web_page_with_meta_tags(site: Site) -> None:
    doc = read_url(site.url(VOA), allow_private=True)[0]
    assert doc.format == "html" and doc.path == site.url(VOA) and doc.url == site.url(VOA)
    assert (doc.title, doc.outlet, doc.author, doc.published) == (
        "Pentagon says some North Korea forces are in Russia's Kursk",
        "Voice of America",
        "VOA News",
        "2024-10-29",
    )
    assert doc.id == "voa_pentagon_kursk_small_number" and doc.kind == "article"
    assert doc.fetched is not None and doc.fetched.endswith("+00:00")
    assert doc.original == (DATA / "web" / VOA.lstrip("/")).read_text(encoding="utf-8")
    assert "tracking" not in doc.text and "Subscribe" not in doc.text
    assert "no information" in doc.text


def test_ingest_web_page_with_json_ld_only(site: Site) -> None:
    doc = read_url(site.url(UN), allow_private=True)[0]
    assert doc.published == "2024-10-30" and doc.outlet == "United Nations Meetings Coverage and Press Releases"


def test_ingest_web_redirect_is_followed_and_the_final_address_kept(site: Site) -> None:
    doc = read_url(site.url("/moved"), allow_private=True)[0]
    assert doc.path == site.url("/moved") and doc.url == site.url(VOA)


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/loop", {}, "more than 5 redirects"),
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/huge-declared", {}, "page too large (60 MB, over the 50 MB limit)"),
        ("/huge-streamed", {"max_bytes": 1_000_000}, "page too large (over the 1 MB limit)"),
        ("/picture.png", {}, "content type image/png is not one claimsift reads"),
    ],
)
def test_ingest_web_bad_pages_give_one_line_errors(
    site: Site, path: str, options: dict[str, object], reason: str
) -> None:
    assert _reason(site.url(path), **options).startswith(reason)


def test_ingest_web_slow_page_times_out_after_one_retry(site: Site) -> None:
    before = site.hits["/slow"]
    assert _reason(site.url("/slow"), timeout=0.4) == "timed out after 0.4 s (tried twice)"
    assert site.hits["/slow"] - before == 2
    assert SLOW_SECONDS > 0.4 * 4


def test_ingest_web_transient_503_is_retried_once(site: Site) -> None:
    doc = read_url(site.url("/flaky"), allow_private=True)[0]
    assert "small number" in doc.text and site.hits["/flaky"] == 2


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/report.txt", "file:///etc/passwd", "gopher://127.0.0.1:70/"])
def test_ingest_web_only_http_and_https(url: str) -> None:
    assert _reason(url).startswith("only http and https addresses are fetched")


def test_ingest_web_private_addresses_refused_unless_allowed(site: Site) -> None:
    before = sum(site.hits.values())
    for url in (site.url(VOA), site.url(VOA).replace("127.0.0.1", "localhost")):
        with pytest.raises(InputError, match=r"refused: (127\.0\.0\.1|localhost) is a private, loopback or link-local"):
            read_url(url)
    with pytest.raises(InputError, match="refused: 169.254.169.254 is a private"):
        read_url("http://169.254.169.254/latest/meta-data/")
    assert sum(site.hits.values()) == before  # nothing was fetched


def test_ingest_web_batch_goes_on_past_a_failing_page(site: Site) -> None:
    errors: list[tuple[str, str]] = []
    docs = read_documents(
        [site.url("/missing"), site.url(VOA), str(DATA / "voa_nk_rocket_failed_2012.txt")],
        on_error=lambda path, reason: errors.append((path, reason)),
        allow_private=True,
    )
    assert [d.format for d in docs] == ["html", "text"]
    assert errors == [(site.url("/missing"), "HTTP 404 Not Found")]


def _claims(paths: list[str]) -> list[tuple[str, str, str, str | None]]:
    result = analyze(paths, allow_private=True)
    return [(" ".join(c.text.split()), c.source.name, c.source.kind, c.event_date) for c in result.claims]


@pytest.mark.model
def test_ingest_web_page_gives_the_claims_and_dates_of_the_txt(site: Site) -> None:
    expected = _claims([str(DATA / "voa_pentagon_kursk_small_number.txt")])
    assert len(expected) >= 4
    assert _claims([site.url(VOA)]) == expected
    result = analyze([site.url(VOA)], allow_private=True)
    tuesday = [d for d in result.dates if d.text == "Tuesday"]
    assert tuesday and tuesday[0].value == "2024-10-29"  # the page's date is the reference date


@pytest.mark.model
def test_ingest_web_cli_analyze_reads_an_address_and_goes_on_past_a_bad_one(site: Site) -> None:
    result = CliRunner().invoke(app, ["analyze", site.url("/missing"), site.url(UN), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert f"claimsift: skipped {site.url('/missing')}: HTTP 404 Not Found" in result.stderr
    assert '"outlet": "United Nations Meetings Coverage and Press Releases"' in result.stdout
    assert '"fetched": "' in result.stdout


@pytest.mark.model
def test_ingest_web_case_keeps_the_page_and_never_fetches_it_again(tmp_path: Path) -> None:
    case = str(tmp_path / "case.db")
    init_case(case)
    with serve() as own:
        report = add_paths(case, [own.url(VOA), own.url("/missing")], allow_private=True)
        assert len(report.added) == 1 and [e.message for e in report.failed] == ["HTTP 404 Not Found"]
        runner = CliRunner().invoke(app, ["case", "add", case, own.url(VOA)])
        assert runner.exit_code == 0 and "skipped 1 already in the case" in runner.stderr
    # the server is gone: assessing reads the stored page
    analysis = assess_case(case).analysis
    assert analysis.documents[0].url == own.url(VOA) and analysis.claims
    with Store.open(case) as store:
        stored = next(iter(store.facts())).document
    assert stored.original is not None and stored.original.startswith("<!DOCTYPE html>")
    assert stored.fetched is not None and stored.author == "VOA News"
