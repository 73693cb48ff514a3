"""The web app assesses a case once per revision, not once per page view (issue #10, item 12).

A real case served by uvicorn on loopback: the app's own count of assessments (``app.state.assessments``,
counted where the assessment is made) shows that repeated and concurrent ``GET /`` and ``GET /api/case``
reuse one, and that a change made through the app or by another process (``claimsift case add`` and
``case reliability`` run as real processes beside the server) is on the very next page. ``Store.revision``
is checked on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

import casekit
from claimsift.case import add_hypothesis, add_paths, init_case, set_reliability
from claimsift.store import Store
from claimsift.web import create_app
from serverkit import free_port, serving

pytestmark = pytest.mark.model


@pytest.fixture()
def case(tmp_path: Path, nlp: object) -> str:
    path = str(tmp_path / "nk.db")
    init_case(path)
    add_paths(path, [str(casekit.RELAY)])
    add_hypothesis(path, casekit.LAUNCHED)
    return path


@pytest.fixture()
def served(case: str) -> Iterator[tuple[FastAPI, str]]:
    port = free_port()
    app = create_app(case, port=port)
    with serving(app, port) as url:
        yield app, url


def _assessments(app: FastAPI) -> int:
    count: int = app.state.assessments.assessments
    return count


def _claimsift(*args: str) -> None:
    """Run claimsift as another process, as an analyst would in another terminal."""
    done = subprocess.run([sys.executable, "-m", "claimsift", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _document_ids(url: str) -> list[str]:
    return [d["id"] for d in httpx.get(f"{url}/api/case", timeout=60).json()["documents"]]


def test_web_cache_page_views_reuse_one_assessment(served: tuple[FastAPI, str]) -> None:
    app, url = served
    first = httpx.get(f"{url}/", timeout=60)
    assert first.status_code == 200 and _assessments(app) == 1
    assert httpx.get(f"{url}/", timeout=60).text == first.text
    assert sorted(_document_ids(url)) == ["un_noon_briefing_2022_11_04", "un_sgsm21570_dprk_icbm"]
    with ThreadPoolExecutor(max_workers=20) as pool:
        pages = list(pool.map(lambda path: httpx.get(f"{url}{path}", timeout=60), ["/", "/api/case"] * 10))
    assert all(page.status_code == 200 for page in pages)
    assert _assessments(app) == 1


def test_web_cache_the_manage_page_shares_the_reports_assessment(served: tuple[FastAPI, str]) -> None:
    app, url = served
    pages = [httpx.get(f"{url}/manage", timeout=60) for _ in range(3)]
    assert all(page.status_code == 200 for page in pages)
    assert casekit.LAUNCHED in pages[0].text and "2 documents" in pages[0].text
    assert _assessments(app) == 1
    assert httpx.get(f"{url}/", timeout=60).status_code == 200
    assert _assessments(app) == 1
    _claimsift("case", "reliability", app.state.assessments.case, "Kremlin", "E")
    assert "Kremlin: E" in httpx.get(f"{url}/manage", timeout=60).text
    assert _assessments(app) == 2


def test_web_cache_concurrent_first_views_assess_once(served: tuple[FastAPI, str]) -> None:
    app, url = served
    with ThreadPoolExecutor(max_workers=10) as pool:
        pages = list(pool.map(lambda _: httpx.get(f"{url}/", timeout=60), range(10)))
    assert all(page.status_code == 200 for page in pages)
    assert _assessments(app) == 1


def test_web_cache_a_document_added_by_another_process_shows_next(served: tuple[FastAPI, str], case: str) -> None:
    app, url = served
    assert len(_document_ids(url)) == 2 and _assessments(app) == 1
    _claimsift("case", "add", case, str(casekit.VOA_AUSTIN))
    assert "voa_austin_nk_soldiers_in_russia" in _document_ids(url)
    assert _assessments(app) == 2
    _claimsift("case", "reliability", case, "Kremlin", "E")
    httpx.get(f"{url}/", timeout=60)
    assert _assessments(app) == 3
    httpx.get(f"{url}/api/case", timeout=60)
    assert _assessments(app) == 3


def test_web_cache_a_change_through_the_app_shows_next(served: tuple[FastAPI, str]) -> None:
    app, url = served
    assert "troops are deployed" not in httpx.get(f"{url}/", timeout=60).text
    with httpx.Client(base_url=url, timeout=60) as client:
        token = re.findall(r'name="csrf" value="([^"]+)"', client.get("/manage").text)[0]
        posted = client.post("/hypotheses", data={"text": casekit.DEPLOYED, "csrf": token})
        assert posted.status_code == 303
        assert casekit.DEPLOYED in client.get("/").text
    assert _assessments(app) == 2


@pytest.mark.parametrize("backend", casekit.BACKENDS)
def test_web_cache_store_revision_follows_every_change(backend: str, tmp_path: Path, nlp: object) -> None:
    def revision(case: str) -> str:
        with Store.open(case, readonly=True) as store:
            return store.revision()

    for case in casekit.case_location(backend, tmp_path):
        init_case(case)
        keys = [revision(case)]
        assert revision(case) == keys[0]  # nothing changed: the same key, from a new connection
        add_paths(case, [str(casekit.VOA_AUSTIN)])
        keys.append(revision(case))
        add_paths(case, [str(casekit.VOA_AUSTIN)])  # already in the case: nothing changes
        assert revision(case) == keys[-1]
        add_hypothesis(case, casekit.DEPLOYED)
        keys.append(revision(case))
        set_reliability(case, "Kremlin", "E")
        keys.append(revision(case))
        set_reliability(case, "Kremlin", "D")  # the same row replaced, within the same second
        keys.append(revision(case))
        assert len(set(keys)) == len(keys), keys
