"""Feeds: ``claimsift case add CASE --feed URL`` follows an RSS or Atom feed served on loopback.

The RSS feed (tests/pagemaker.py) lists the two pages built from open texts in tests/data; the Atom feed below
lists a copy of one of them at another address, which the content hash must recognise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsift.case import add_feed, init_case
from claimsift.cli import app
from claimsift.errors import InputError
from claimsift.ingest import read_feed
from claimsift.store import Store
from webkit import WEB, Site, serve

VOA = "voa_pentagon_kursk_small_number"
UN = "un_sc_dprk_military_cooperation"


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Mirror</title><id>{base}/mirror</id><updated>2024-10-31T00:00:00Z</updated>
  <entry><title>Pentagon says some North Korea forces are in Russia's Kursk</title>
    <link href="{base}/mirror/pentagon.html"/><id>{base}/mirror/pentagon.html</id>
    <updated>2024-10-31T00:00:00Z</updated></entry>
</feed>
""".encode()


@pytest.fixture()
def site() -> Iterator[Site]:
    with serve() as running:
        running.extra["/atom.xml"] = ("application/atom+xml", _atom(running.base))
        running.extra["/mirror/pentagon.html"] = ("text/html", (WEB / f"{VOA}.html").read_bytes())
        yield running


def test_ingest_feed_lists_entries_with_addresses_and_dates(site: Site) -> None:
    entries = read_feed(site.url("/feed.xml"), allow_private=True)
    assert [(e.url, e.published) for e in entries] == [
        (site.url(f"/{VOA}.html"), "2024-10-29"),
        (site.url(f"/{UN}.html"), "2024-10-30"),
    ]
    assert entries[0].title == "Pentagon says some North Korea forces are in Russia's Kursk"


def test_ingest_feed_that_is_no_feed_is_refused_in_one_line(site: Site) -> None:
    with pytest.raises(InputError, match="content type text/html is not one claimsift reads"):
        read_feed(site.url(f"/{VOA}.html"), allow_private=True)
    site.extra["/not-a-feed.xml"] = ("application/xml", b"<html><body>no feed</body></html>")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        read_feed(site.url("/not-a-feed.xml"), allow_private=True)
    with pytest.raises(InputError, match="refused: 127.0.0.1 is a private"):
        read_feed(site.url("/feed.xml"))


@pytest.mark.model
def test_ingest_feed_case_add_adds_only_what_is_new(tmp_path: Path, site: Site) -> None:
    case = str(tmp_path / "feed.db")
    init_case(case)
    runner = CliRunner()
    first = runner.invoke(app, ["case", "add", case, "--feed", site.url("/feed.xml")])
    assert first.exit_code == 0, first.output
    assert f"{site.url('/feed.xml')}: added 2 documents" in first.stderr
    page_hits = site.hits[f"/{VOA}.html"] + site.hits[f"/{UN}.html"]
    again = runner.invoke(app, ["case", "add", case, "--feed", site.url("/feed.xml")])
    assert again.exit_code == 0 and "added 0 documents, skipped 2 already in the case" in again.stderr
    assert site.hits[f"/{VOA}.html"] + site.hits[f"/{UN}.html"] == page_hits  # known addresses are not fetched
    # the same text at a new address: fetched once, recognised by its content hash
    report = add_feed(case, site.url("/atom.xml"), allow_private=True)
    assert not report.added and [e.path for e in report.skipped] == [site.url("/mirror/pentagon.html")]
    assert site.hits["/mirror/pentagon.html"] == 1
    with Store.open(case) as store:
        assert store.count() == 2 and site.url(f"/{UN}.html") in store.addresses()


def test_ingest_feed_case_add_needs_something_to_add(tmp_path: Path) -> None:
    case = str(tmp_path / "empty.db")
    init_case(case)
    result = CliRunner().invoke(app, ["case", "add", case])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "claimsift: error: nothing to add: give files, folders, web addresses, - for standard input, or --feed URL"
    )
