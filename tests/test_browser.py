"""The HTML report in a real browser: Playwright driving Debian's headless Chromium (/usr/bin/chromium).

`.ci/chromium.sh` installs Chromium with apt-get; where it is missing these tests skip and say why. No
browser is downloaded (`playwright install` is never run): Playwright launches the system executable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browserkit import ARGS, CHROMIUM
from claimsift import analyze
from claimsift.model import Analysis
from claimsift.report.html import render_html

DATA = Path(__file__).parent / "data"
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)
HOSTILE_TEXT = (
    'The Pentagon has not confirmed that these troops have engaged in combat with Ukrainian troops who are inside a portion of the Kursk region, she said, adding, "They\'re moving into Kursk for a reason. We have every expectation that they would be engaged in combat operations." <script>alert(1)</script>\n'
    "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said. "
    '<a href="javascript:alert(2)">this link</a>\n'
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy Pentagon Press Secretary Sabrina Singh, who spoke to the media today. <img src=x onerror=alert(3)> <svg onload=alert(4)>\n"
    + "W" * 20000
    + "\n"
)

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


class Watched:
    """A page with its console errors, dialogs and network requests recorded."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture(scope="module")
def transcript(nlp: object) -> Analysis:
    return analyze([str(DATA / "seams" / "kursk_open_seams.txt"), str(DATA / "relay")], hypotheses=HYPOTHESES)


@pytest.fixture()
def report(transcript: Analysis, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(render_html(transcript), encoding="utf-8")
    return path


def test_browser_report_opens_offline_without_console_errors(browser: Any, report: Path, tmp_path: Path) -> None:
    watched = Watched(browser)
    page = watched.open(report)
    for selector in ("#timeline svg", "#ach table.ach", "#sources svg.graph", ".doctext mark.c", "#verdicts .verdict"):
        assert page.locator(selector).first.is_visible(), selector
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert watched.errors == []
    assert [u for u in watched.requests if not u.startswith("file:")] == []
    page.close()


def test_browser_click_claim_shows_its_source(browser: Any, report: Path, transcript: Analysis, tmp_path: Path) -> None:
    # a relayed claim: the UN Secretary-General's statement as the noon briefing reads it out
    claim = next(c for c in transcript.claims if c.via and c.doc.startswith("un_"))
    watched = Watched(browser)
    page = watched.open(report)
    detail = page.locator("#detail")
    assert detail.is_hidden()
    page.locator(f'mark.c[data-claims^="{claim.id}"]').first.click()
    assert detail.is_visible()
    text = detail.inner_text()
    assert claim.id in text and claim.source.name in text and claim.via[0] in text
    assert (claim.reliability or "") in text and claim.evidence_type.replace("_", " ") in text
    assert page.locator(f'mark.c.sel[data-claims~="{claim.id}"]').count() >= 1
    page.screenshot(path=str(tmp_path / "claim.png"))
    assert (tmp_path / "claim.png").stat().st_size > 10_000
    page.keyboard.press("Escape")
    assert detail.is_hidden()
    assert watched.errors == []
    page.close()


def test_browser_timeline_and_drivers_open_claims(browser: Any, report: Path, transcript: Analysis) -> None:
    watched = Watched(browser)
    page = watched.open(report)
    marker = page.locator("#timeline a.tl-claim").first
    claim_id = marker.get_attribute("data-claim")
    marker.click()
    assert page.locator("#detail").is_visible()
    assert page.locator("#detail h4").inner_text().startswith(f"{claim_id} ")
    driver = transcript.assessments[0].drivers[0].claim
    page.locator(f'#verdicts a[data-claim="{driver}"]').click()
    assert page.locator("#detail h4").inner_text().startswith(f"{driver} ")
    assert page.evaluate("location.hash") == f"#claim-{driver}"
    assert watched.errors == []
    page.close()


def test_browser_hostile_document_renders_inert(browser: Any, nlp: object, tmp_path: Path) -> None:
    source = tmp_path / "evil.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"title": "<script>alert(5)</script>", "url": "javascript:alert(6)", "published": "2024-11-01"}
    (tmp_path / "evil.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    result = analyze([str(source)], hypotheses=["troops were seen near the border"])
    report = tmp_path / "evil.html"
    report.write_text(render_html(result), encoding="utf-8")
    watched = Watched(browser)
    page = watched.open(report)
    page.wait_for_timeout(300)
    assert watched.dialogs == []
    text = page.locator(".doctext").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(3)>" in text
    assert page.locator("h3", has_text="<script>alert(5)</script>").count() == 1
    assert page.evaluate("document.scripts.length") == 2
    assert page.locator(".doctext a, .doctext img, .doctext svg, .doctext script").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # the huge line wraps
    if result.claims:
        page.locator("mark.c").first.click()
        assert page.locator("#detail").is_visible()
    page.wait_for_timeout(100)
    assert watched.dialogs == []
    assert watched.errors == []
    page.screenshot(path=str(tmp_path / "evil.png"))
    page.close()
