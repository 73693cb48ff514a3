"""The web app's address form: pages fetched from a real server on loopback, refused unless allowed.

The server (tests/webkit.py) serves pages built from open texts in tests/data. A web app is reachable by others,
so by default it refuses addresses on loopback, private and link-local networks (no server-side request
forgery); ``serve --allow-private-fetch`` (``create_app(..., allow_private_fetch=True)``) lets the tests fetch.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsift.case import init_case
from claimsift.cli import app as cli_app
from claimsift.web import create_app
from webkit import Site, serve

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

VOA = "/voa_pentagon_kursk_small_number.html"
BASE = "http://127.0.0.1:8000"
"""The address create_app serves by default: its guard refuses any other Host."""


def _post(client: TestClient, path: str, data: dict[str, str]) -> object:
    """A POST as the manage page's forms send it, with the app's CSRF token."""
    token = re.findall(r'name="csrf" value="([^"]+)"', client.get("/manage").text)[0]
    return client.post(path, data={**data, "csrf": token}, follow_redirects=False)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


@pytest.fixture()
def case(tmp_path: Path) -> str:
    path = str(tmp_path / "web.db")
    init_case(path)
    return path


def test_web_fetch_manage_page_has_the_address_form(case: str) -> None:
    with TestClient(create_app(case), base_url=BASE) as client:
        page = client.get("/manage").text
    assert '<form id="address" method="post" action="/documents/url">' in page and 'name="url"' in page


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("{base}" + VOA, "refused: 127.0.0.1 is a private, loopback or link-local address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a private"),
        ("http://[::1]:9/", "refused: ::1 is a private"),
        ("file:///etc/passwd", "only http and https addresses are fetched"),
    ],
)
def test_web_fetch_refuses_private_addresses_by_default(case: str, site: Site, address: str, reason: str) -> None:
    before = sum(site.hits.values())
    with TestClient(create_app(case), base_url=BASE) as client:
        response = _post(client, "/documents/url", {"url": address.format(base=site.base)})
        documents = client.get("/api/case").json()["documents"]
    assert response.status_code == 400 and reason in response.text and "Traceback" not in response.text
    assert documents == [] and sum(site.hits.values()) == before


@pytest.mark.model
def test_web_fetch_adds_a_page_when_private_fetch_is_allowed(case: str, site: Site) -> None:
    with TestClient(create_app(case, allow_private_fetch=True), base_url=BASE) as client:
        response = _post(client, "/documents/url", {"url": site.url(VOA)})
        assert response.status_code == 303, response.text
        missing = _post(client, "/documents/url", {"url": site.url("/missing")})
        data = client.get("/api/case").json()
    assert missing.status_code == 400 and "HTTP 404 Not Found" in missing.text
    [document] = data["documents"]
    assert document["url"] == site.url(VOA) and document["published"] == "2024-10-29" and document["fetched"]
    assert any("small number" in c["text"] for c in data["claims"])


def test_web_fetch_serve_takes_the_allow_private_fetch_flag(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli_app, ["serve", str(missing), "--allow-private-fetch"])
    assert result.exit_code == 1 and "no such case" in result.stderr  # the flag parsed; the case is missing
