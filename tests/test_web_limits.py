"""The web app bounds parsing: a few parses at once (503 beyond), and a time limit per request (503 past it).

In-process over ASGI (httpx), on a real case, with real texts; nothing is stored by a refused request.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest

from claimsift.case import add_paths, init_case
from claimsift.errors import UsageError
from claimsift.store import Store
from claimsift.web import create_app

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
TRANSCRIPT = (DATA / "seams" / "kursk_open_seams.txt").read_text(encoding="utf-8")
OTHER = TRANSCRIPT.replace("North Korean", "DPRK")
"""As long as the transcript, another text: the case stores both."""


@pytest.fixture()
def case(tmp_path: Path, nlp: object) -> str:
    path = str(tmp_path / "nk.db")
    init_case(path)
    add_paths(path, [str(DATA / "relay")])
    return path


def _documents(case: str) -> int:
    with Store.open(case) as store:
        return len(list(store.facts()))


BASE = "http://127.0.0.1:8000"
"""The address create_app serves by default: the guard refuses any other Host."""


async def _paste(client: httpx.AsyncClient, text: str) -> httpx.Response:
    """A paste as the manage form sends it, with the app's CSRF token."""
    token = re.findall(r'name="csrf" value="([^"]+)"', (await client.get("/manage")).text)[0]
    return await client.post("/documents/paste", data={"text": text, "csrf": token})


def _both(case: str, max_parses: int) -> tuple[httpx.Response, httpx.Response]:
    """Two long pastes sent together: each parses for a second or more, so their parses overlap whichever
    starts first."""

    async def run() -> tuple[httpx.Response, httpx.Response]:
        app = create_app(case, max_parses=max_parses)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            first, second = await asyncio.gather(_paste(client, TRANSCRIPT), _paste(client, OTHER))
        return first, second

    return asyncio.run(run())


def test_web_limits_a_parse_beyond_the_slots_is_503_and_stores_nothing(case: str) -> None:
    before = _documents(case)
    responses = _both(case, max_parses=1)
    assert sorted(r.status_code for r in responses) == [303, 503]
    busy = next(r for r in responses if r.status_code == 503)
    assert busy.headers["retry-after"] == "60"
    assert "claimsift: error: the server is busy parsing 1 other document(s); try again in a minute" in busy.text
    assert _documents(case) == before + 1


def test_web_limits_two_slots_take_both(case: str) -> None:
    before = _documents(case)
    responses = _both(case, max_parses=2)
    assert [r.status_code for r in responses] == [303, 303]
    assert _documents(case) == before + 2


def test_web_limits_a_parse_past_its_time_is_503_and_stores_nothing(case: str) -> None:
    before = _documents(case)

    async def run() -> httpx.Response:
        app = create_app(case, parse_seconds=0.001)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as client:
            return await _paste(client, TRANSCRIPT)

    response = asyncio.run(run())
    assert response.status_code == 503
    assert "parsing took longer than it was given; try a shorter text" in response.text
    assert _documents(case) == before


@pytest.mark.parametrize(("parses", "seconds"), [(0, 60.0), (2, 0.0), (2, -1.0)])
def test_web_limits_must_be_positive(case: str, parses: int, seconds: float) -> None:
    with pytest.raises(UsageError, match="must be positive"):
        create_app(case, max_parses=parses, parse_seconds=seconds)
