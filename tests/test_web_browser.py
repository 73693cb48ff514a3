"""The web app in a real browser: uvicorn on loopback in a thread, Playwright driving Debian's Chromium.

Launched exactly as in tests/test_browser.py (no browser is downloaded); skipped where /usr/bin/chromium
or the playwright package is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from browserkit import ARGS, CHROMIUM
from claimsift.case import add_hypothesis, add_paths, init_case
from claimsift.web import create_app

RELAY = Path(__file__).parent / "data" / "relay"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
H2 = "Russia and North Korea have a treaty that obliges each to give the other military assistance"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: run .ci/chromium.sh (apt-get) to install"),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


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
    port = _free_port()
    config = uvicorn.Config(create_app(str(case)), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


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
