"""The web app in a real browser: uvicorn on loopback in a thread, Playwright driving Debian's Chromium.

Launched exactly as in tests/test_browser.py (no browser is downloaded); skipped where /usr/bin/chromium
or the playwright package is missing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from browserkit import ARGS, CHROMIUM
from claimsift.case import add_hypothesis, add_paths, init_case
from claimsift.web import create_app
from serverkit import free_port, serving

RELAY = Path(__file__).parent / "data" / "relay"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
H2 = "Russia and North Korea have a treaty that obliges each to give the other military assistance"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: run .ci/chromium.sh (apt-get) to install"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def server(tmp_path: Path, nlp: object) -> Iterator[str]:
    """The app over a fresh relay case, served by uvicorn on 127.0.0.1 in a background thread; its base URL."""
    case = tmp_path / "nk.db"
    init_case(str(case))
    assert len(add_paths(str(case), [str(RELAY)]).added) == 2
    add_hypothesis(str(case), H1)
    port = free_port()
    with serving(create_app(str(case), host="127.0.0.1", port=port), port) as base:
        yield base


def test_web_browser_report_click_claim_and_add_hypothesis(browser: Any, server: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    page.wait_for_load_state("load")
    assert page.locator("#verdicts .verdict").first.is_visible()
    detail = page.locator("#detail")
    assert detail.is_hidden()
    mark = page.locator("mark.c[data-claims]").first
    claim_id = (mark.get_attribute("data-claims") or "").split()[0]
    mark.click()
    assert detail.is_visible()
    assert page.locator("#detail h4").inner_text().startswith(f"{claim_id} ")
    page.screenshot(path=str(tmp_path / "web-claim.png"))
    assert (tmp_path / "web-claim.png").stat().st_size > 10_000

    page.click('a[href="/manage"]')
    page.wait_for_load_state("load")
    page.fill('#hypothesis input[name="text"]', H2)
    page.click('#hypothesis button[type="submit"]')
    page.wait_for_load_state("load")
    assert page.url == server + "/"
    assert page.locator("#verdicts").inner_text().count("North Korea") >= 2
    assert H2 in page.content()
    page.screenshot(path=str(tmp_path / "web-after.png"), full_page=True)
    assert errors == []
    page.close()


def _hypotheses(case: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{case}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT text FROM hypotheses ORDER BY position")]


def test_web_browser_a_hostile_page_cannot_post_to_the_case(browser: Any, server: str, tmp_path: Path) -> None:
    """A page on another origin (here another port of 127.0.0.1: same site, other origin) submits a form to the
    app, with a guessed token and without; Chromium sends it with its Origin and Sec-Fetch-Site, and the app
    answers 403 and stores nothing."""
    case = tmp_path / "nk.db"
    before = _hypotheses(case)
    evil = (
        "<!DOCTYPE html><html><body>"
        f'<form id="a" method="post" action="{server}/hypotheses">'
        '<input name="text" value="Pyongyang planted this hypothesis"><input name="csrf" value="guess"></form>'
        f'<form id="b" method="post" action="{server}/reliability">'
        '<input name="source" value="KCNA"><input name="letter" value="A"></form>'
        "</body></html>"
    )
    attacker = Starlette(routes=[Route("/", lambda request: HTMLResponse(evil))])
    port = free_port()
    with serving(attacker, port) as evil_base:
        page = browser.new_page()
        for form in ("a", "b"):
            page.goto(evil_base + "/")
            with page.expect_navigation():
                page.evaluate(f"document.getElementById('{form}').submit()")
            assert page.url.startswith(server) and "claimsift: error: refused" in page.content()
        page.close()
    assert _hypotheses(case) == before
    with closing(sqlite3.connect(f"file:{case}?mode=ro", uri=True)) as db:
        assert db.execute("SELECT COUNT(*) FROM reliability").fetchone() == (0,)
