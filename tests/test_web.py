"""The web app (``claimsift.web``) in-process with FastAPI's TestClient, on a real case (tests/data/relay)."""

from __future__ import annotations

import html
import json
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimsift.case import add_hypothesis, add_paths, init_case
from claimsift.errors import StoreError
from claimsift.web import create_app

with warnings.catch_warnings():
    # Starlette 1.x warns that its TestClient will move from httpx to httpx2; httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
RELAY = DATA / "relay"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
KURSK_SENTENCE = (  # tests/data/dod_singh_kursk_11000.txt (DOD News, 18 November 2024)
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy "
    "Pentagon Press Secretary Sabrina Singh, who spoke to the media today."
)


@pytest.fixture(scope="module")
def built_case(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("webcase") / "nk.db"
    init_case(str(path))
    report = add_paths(str(path), [str(RELAY)])
    assert len(report.added) == 2, report.summary()
    add_hypothesis(str(path), H1)
    return path


@pytest.fixture()
def case(built_case: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built case for each test, inside the test's own folder."""
    path = tmp_path / "case" / "nk.db"
    path.parent.mkdir()
    shutil.copy(built_case, path)
    return path


BASE = "http://127.0.0.1:8000"
"""Where the in-process app is served: create_app's default host and port (others' Host headers are refused)."""


@pytest.fixture()
def client(case: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(case), max_upload_bytes=20_000), base_url=BASE) as c:
        yield c


def _post(client: TestClient, path: str, data: dict[str, str] | None = None, **kwargs: Any) -> Any:
    """A POST as the app's own forms send it: with the CSRF token of the manage page."""
    token = re.findall(r'name="csrf" value="([^"]+)"', client.get("/manage").text)[0]
    return client.post(path, data={**(data or {}), "csrf": token}, **kwargs)


def _case_json(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/case")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    data: dict[str, Any] = response.json()
    return data


def test_web_report_shows_the_hypotheses_and_a_link_to_manage(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.text.lower().startswith("<!doctype html>")
    assert H1 in response.text and 'href="/manage"' in response.text
    manage = client.get("/manage")
    assert manage.status_code == 200
    for form in ('id="paste"', 'id="upload"', 'id="hypothesis"', 'id="reliability"'):
        assert form in manage.text
    assert "form-action 'self'" in manage.headers["content-security-policy"]


def test_web_post_hypothesis_shows_on_the_report(client: TestClient) -> None:
    text = "Russia and North Korea have a treaty that obliges each to give the other military assistance"
    response = _post(client, "/hypotheses", data={"text": text}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert text in client.get("/").text
    assert [h["text"] for h in _case_json(client)["hypotheses"]] == [H1, text]


def test_web_paste_adds_a_document(client: TestClient) -> None:
    before = _case_json(client)
    form = {"text": KURSK_SENTENCE, "title": "DOD News on Kursk", "published": "2024-11-18"}
    response = _post(client, "/documents/paste", data=form, follow_redirects=False)
    assert response.status_code == 303
    after = _case_json(client)
    assert len(after["documents"]) == len(before["documents"]) + 1
    assert len(after["claims"]) > len(before["claims"])
    assert "DOD News on Kursk" in client.get("/").text
    again = _post(client, "/documents/paste", data=form)
    assert again.status_code == 400 and "already has this text" in again.text


def test_web_reliability_changes_a_claims_grade(client: TestClient) -> None:
    before = {c["id"]: c["reliability"] for c in _case_json(client)["claims"]}
    sources = re.findall(r'<select name="source">(.*?)</select>', client.get("/manage").text)[0]
    source = html.unescape(re.findall(r'<option value="([^"]*)">', sources)[0])
    for letter in ("F", "A"):
        response = _post(client, "/reliability", data={"source": source, "letter": letter}, follow_redirects=False)
        assert response.status_code == 303
        after = {c["id"]: c["reliability"] for c in _case_json(client)["claims"]}
        changed = [cid for cid in after if after[cid] != before[cid]]
        assert changed, (source, letter)
        assert all(after[cid].startswith(letter) for cid in changed)
        assert f"{source}: {letter}" in html.unescape(client.get("/manage").text)
        before = after


def test_web_errors_are_one_line_400s(client: TestClient) -> None:
    response = _post(client, "/reliability", data={"source": "<b>x</b>", "letter": "Z"})
    assert response.status_code == 400
    assert "reliability letter must be one of" in response.text
    assert "Traceback" not in response.text
    empty = _post(client, "/hypotheses", data={"text": "  "})
    assert empty.status_code == 400 and "claimsift: error:" in empty.text
    bad_date = _post(client, "/documents/paste", data={"text": KURSK_SENTENCE, "published": "<i>soon</i>"})
    assert bad_date.status_code == 400 and "<i>" not in bad_date.text and "&lt;i&gt;" in bad_date.text


def test_web_oversized_upload_is_413(client: TestClient, case: Path) -> None:
    before = case.stat().st_size
    # DOD News, 2024-11-18 (tests/data/dod_singh_kursk_11000.txt), over and over
    big = (
        "There is no evidence that more North Korean troops are entering Russia, but that could change, Singh said. "
        * 2000
    ).encode()
    response = _post(client, "/documents/upload", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "over the size limit of 20,000 bytes" in response.text
    pasted = _post(client, "/documents/paste", data={"text": big.decode()})
    assert pasted.status_code == 413
    assert len(_case_json(client)["documents"]) == 2
    assert case.stat().st_size == before


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_web_upload_with_a_hostile_name_stays_in_the_case(client: TestClient, tmp_path: Path) -> None:
    outside = tmp_path.parent
    before_outside = {p for p in outside.iterdir()}
    before_inside = _files(tmp_path)
    hostile = (
        b"root:x:0:0:root:/root:/bin/bash\n"
        + b"A U.S. official said the United States had seen the Ukrainian reports of North Korean troops in Kursk and was working to corroborate them.\n"
    )
    response = _post(
        client,
        "/documents/upload",
        files={"file": ("../../etc/passwd.txt", hostile, "text/plain")},
        data={"published": "2024-11-01"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    documents = _case_json(client)["documents"]
    added = next(d for d in documents if d["id"] == "passwd")
    assert added["path"] == "passwd.txt"
    assert {p for p in outside.iterdir()} == before_outside
    assert _files(tmp_path) - before_inside <= {p for p in tmp_path.rglob("nk.db*")}
    assert not (tmp_path / "etc").exists()


def test_web_script_in_a_document_renders_escaped(client: TestClient) -> None:
    # VOA, 2024-10-29 (tests/data/voa_pentagon_kursk_small_number.txt), with a script after it
    text = (
        "The Pentagon has “no information” to corroborate reports that North Korean troops are also inside Ukraine, "
        "according to Ryder. <script>alert(1)</script>"
    )
    response = _post(client, "/documents/paste", data={"text": text, "title": "<script>alert(2)</script>"})
    assert response.status_code == 200  # followed the redirect to the report
    page = response.text
    assert "<script>alert(1)</script>" not in page and "<script>alert(2)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    manage = client.get("/manage").text
    assert "<script>" not in manage


def test_web_api_case_is_the_case_json(client: TestClient) -> None:
    data = _case_json(client)
    assert [d["id"] for d in data["documents"]]
    assert "history" in data["hypotheses"][0]
    json.dumps(data)


def test_web_refuses_a_missing_case(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such case"):
        create_app(str(tmp_path / "missing.db"))
    assert list(tmp_path.iterdir()) == []


def test_web_large_upload_is_held_in_memory(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    import starlette.formparsers

    rolled: list[int] = []

    class Watched(tempfile.SpooledTemporaryFile[bytes]):
        def rollover(self) -> None:
            rolled.append(1)
            super().rollover()

    monkeypatch.setattr(starlette.formparsers, "SpooledTemporaryFile", Watched)
    with TestClient(create_app(str(case)), base_url=BASE) as client:
        response = _post(client, "/documents/upload", files={"file": ("big.txt", b"\0" * 2_000_000, "text/plain")})
    assert response.status_code == 400 and "binary file" in response.text
    assert rolled == []  # Starlette alone would spool a part over 1 MB to a file in the temporary folder


def test_web_serve_command_refuses_a_missing_case(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimsift.cli import app as cli_app

    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli_app, ["serve", str(missing)])
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        f"claimsift: error: {missing}: no such case; create it with: claimsift case init {missing}"
    ]
    assert not missing.exists()


def test_web_refuses_control_and_bidi_characters_in_input(client: TestClient) -> None:
    """A hypothesis or source holding a right-to-left override or an ESC sequence is refused with a 400 and
    nothing is stored (#10: such characters would later reach a terminal or a report)."""
    before = _case_json(client)["hypotheses"]
    refused = _post(client, "/hypotheses", data={"text": "North Korean troops \u202eare deployed in Russia"})
    assert refused.status_code == 400 and "control or bidi characters" in refused.text
    escape = _post(client, "/reliability", data={"source": "KCNA\x1b]0;pwn\x07", "letter": "E"})
    assert escape.status_code == 400
    assert _case_json(client)["hypotheses"] == before
