"""Cross-site requests and DNS rebinding against a real ``claimsift serve`` on loopback (issue #10, item 1).

The app runs under uvicorn on 127.0.0.1 in a thread over a real SQLite case; httpx sends what a hostile page
in the analyst's browser (or a rebound DNS name) would make the browser send: POSTs with ``Origin:
https://evil.example``, ``Sec-Fetch-Site: cross-site``, without the CSRF token or with another server's, and
requests under a foreign ``Host``. Each is refused (403 or 400) and the case file's tables are unchanged,
read back with sqlite3; the same requests as the app's own page sends them go through, so the checks are
not refusing everything.
"""

from __future__ import annotations

import html
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import casekit
from claimsift.case import add_hypothesis, add_paths, init_case
from claimsift.web import create_app
from claimsift.web._guard import allowed_hosts, cross_site_reason
from serverkit import free_port, serving

EVIL = "https://evil.example"
# DOD News, 2024-11-18 (tests/data/dod_singh_kursk_11000.txt)
KURSK = (
    "It is likely that about 11,000 North Korean troops have moved into Russia's Kursk region, said Deputy Pentagon "
    "Press Secretary Sabrina Singh, who spoke to the media today."
)


@dataclass
class Served:
    """A running server over a case: its base URL, port, the case file and the token its forms carry."""

    base: str
    port: int
    case: Path
    token: str

    def state(self) -> dict[str, list[tuple[object, ...]]]:
        """What a cross-site request must not change, read straight from the SQLite file."""
        with closing(sqlite3.connect(f"file:{self.case}?mode=ro", uri=True)) as db:
            return {
                table: db.execute(f"SELECT {columns} FROM {table} ORDER BY 1").fetchall()
                for table, columns in (
                    ("hypotheses", "id, text, prior"),
                    ("reliability", "source, letter"),
                    ("documents", "id, sha256"),
                )
            }


@pytest.fixture(scope="module")
def built_case(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("websec") / "nk.db"
    init_case(str(path))
    assert len(add_paths(str(path), [str(casekit.RELAY)]).added) == 2
    add_hypothesis(str(path), casekit.DEPLOYED)
    return path


@pytest.fixture()
def served(built_case: Path, tmp_path: Path) -> Iterator[Served]:
    case = tmp_path / "nk.db"
    shutil.copy(built_case, case)
    port = free_port()
    with serving(create_app(str(case), host="127.0.0.1", port=port), port) as base:
        manage = httpx.get(base + "/manage")
        token = re.findall(r'name="csrf" value="([^"]+)"', manage.text)
        assert len(token) == 5 and len(set(token)) == 1  # every form carries it
        yield Served(base, port, case, token[0])


def same_origin(served: Served) -> dict[str, str]:
    """The headers Chromium sends with a form of the app's own page."""
    return {"Origin": served.base, "Sec-Fetch-Site": "same-origin"}


FORMS = {
    "/hypotheses": {"text": "Russia and North Korea have a treaty of mutual military assistance"},
    "/reliability": {"source": "KCNA", "letter": "A"},
    "/documents/paste": {"text": KURSK, "title": "pasted by evil.example"},
}
HOSTILE = {
    "foreign origin": {"Origin": EVIL},
    "foreign origin, cross-site": {"Origin": EVIL, "Sec-Fetch-Site": "cross-site"},
    "cross-site, no origin": {"Sec-Fetch-Site": "cross-site"},
    "same-site (another port)": {"Sec-Fetch-Site": "same-site"},
    "opaque origin": {"Origin": "null"},
    "same host, other port": {"Origin": "http://127.0.0.1:1"},
}


@pytest.mark.model
@pytest.mark.parametrize("path", sorted(FORMS))
@pytest.mark.parametrize("headers", sorted(HOSTILE))
def test_web_security_cross_site_posts_are_403_and_change_nothing(served: Served, path: str, headers: str) -> None:
    before = served.state()
    data = {**FORMS[path], "csrf": served.token}  # even with the right token
    response = httpx.post(served.base + path, data=data, headers=HOSTILE[headers])
    assert response.status_code == 403, response.text
    assert "claimsift: error: refused" in response.text
    assert served.state() == before


@pytest.mark.model
@pytest.mark.parametrize("path", sorted(FORMS))
@pytest.mark.parametrize("token", ["missing", "empty", "wrong", "another server's"])
def test_web_security_posts_without_the_token_are_403(
    served: Served, built_case: Path, tmp_path: Path, path: str, token: str
) -> None:
    """A client that sends neither Origin nor Sec-Fetch-Site (an old browser, curl from a script) still needs
    the token of this server start."""
    before = served.state()
    data = dict(FORMS[path])
    if token == "empty":
        data["csrf"] = ""
    elif token == "wrong":
        data["csrf"] = served.token[:-2] + ("AA" if not served.token.endswith("AA") else "BB")
    elif token == "another server's":
        other = tmp_path / "other.db"
        shutil.copy(built_case, other)
        port = free_port()
        with serving(create_app(str(other), host="127.0.0.1", port=port), port) as base:
            data["csrf"] = re.findall(r'name="csrf" value="([^"]+)"', httpx.get(base + "/manage").text)[0]
        assert data["csrf"] != served.token
    response = httpx.post(served.base + path, data=data)
    assert response.status_code == 403 and "token" in response.text
    assert served.state() == before


@pytest.mark.model
def test_web_security_upload_without_the_token_is_403(served: Served) -> None:
    before = served.state()
    files = {"file": ("kursk.txt", KURSK.encode(), "text/plain")}
    assert httpx.post(served.base + "/documents/upload", files=files).status_code == 403
    hostile = httpx.post(
        served.base + "/documents/upload", files=files, data={"csrf": served.token}, headers={"Origin": EVIL}
    )
    assert hostile.status_code == 403
    assert served.state() == before
    ok = httpx.post(
        served.base + "/documents/upload", files=files, data={"csrf": served.token}, headers=same_origin(served)
    )
    assert ok.status_code == 303
    assert len(served.state()["documents"]) == len(before["documents"]) + 1


@pytest.mark.model
def test_web_security_the_address_form_needs_the_token_and_the_origin(served: Served) -> None:
    """A cross-site POST to the address form is refused before anything is fetched (no request forgery
    through the analyst's browser)."""
    before = served.state()
    page = {"url": "https://www.state.gov/briefings/"}
    assert httpx.post(served.base + "/documents/url", data=page).status_code == 403
    hostile = httpx.post(served.base + "/documents/url", data={**page, "csrf": served.token}, headers={"Origin": EVIL})
    assert hostile.status_code == 403 and "claimsift: error: refused" in hostile.text
    assert served.state() == before


@pytest.mark.model
def test_web_security_the_apps_own_forms_go_through(served: Served) -> None:
    before = served.state()
    for path, form in FORMS.items():
        response = httpx.post(served.base + path, data={**form, "csrf": served.token}, headers=same_origin(served))
        assert response.status_code == 303, (path, response.text)
    after = served.state()
    assert len(after["hypotheses"]) == len(before["hypotheses"]) + 1
    assert after["reliability"] == [("KCNA", "A")]
    assert len(after["documents"]) == len(before["documents"]) + 1
    # typed into the address bar or sent by a script: no Origin, Sec-Fetch-Site none, the token
    again = httpx.post(
        served.base + "/reliability",
        data={"source": "KCNA", "letter": "B", "csrf": served.token},
        headers={"Sec-Fetch-Site": "none"},
    )
    assert again.status_code == 303 and served.state()["reliability"] == [("KCNA", "B")]


@pytest.mark.model
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_web_security_other_methods_from_another_origin_are_403(served: Served, method: str) -> None:
    before = served.state()
    response = httpx.request(method, served.base + "/hypotheses", headers={"Origin": EVIL})
    assert response.status_code == 403
    assert served.state() == before


@pytest.mark.model
@pytest.mark.parametrize(
    "host",
    ["attacker.example", "attacker.example:{port}", "127.0.0.1:1", "localhost", "127.0.0.1.nip.io:{port}", ""],
)
@pytest.mark.parametrize("path", ["/api/case", "/", "/manage"])
def test_web_security_foreign_host_is_400(served: Served, host: str, path: str) -> None:
    """DNS rebinding: the attacker's name resolves to 127.0.0.1, so the request arrives with its Host."""
    response = httpx.get(served.base + path, headers={"Host": host.format(port=served.port)})
    assert response.status_code == 400
    assert casekit.DEPLOYED not in response.text and '"claims"' not in response.text
    assert "refused a request for host" in response.text


@pytest.mark.model
def test_web_security_foreign_host_cannot_post(served: Served) -> None:
    before = served.state()
    data = {**FORMS["/hypotheses"], "csrf": served.token}
    headers = {"Host": f"attacker.example:{served.port}", "Origin": f"http://attacker.example:{served.port}"}
    response = httpx.post(served.base + "/hypotheses", data=data, headers=headers)
    assert response.status_code == 400
    assert served.state() == before


@pytest.mark.model
@pytest.mark.parametrize("name", ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"])
def test_web_security_loopback_spellings_are_the_same_server(served: Served, name: str) -> None:
    response = httpx.get(served.base + "/api/case", headers={"Host": f"{name}:{served.port}"})
    assert response.status_code == 200 and response.json()["hypotheses"][0]["text"] == casekit.DEPLOYED


@pytest.mark.model
def test_web_security_pages_send_csp_with_frame_ancestors(served: Served) -> None:
    report = httpx.get(served.base + "/")
    policy = report.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'sha256-" in policy
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', report.text)
    assert meta is not None and policy.startswith(
        html.unescape(meta.group(1))
    )  # the meta tag stays, the header adds to it
    assert report.headers["x-frame-options"] == "DENY"
    manage = httpx.get(served.base + "/manage")
    assert "frame-ancestors 'none'" in manage.headers["content-security-policy"]
    error = httpx.post(served.base + "/hypotheses", data={"text": ""})
    assert error.status_code == 403 and "frame-ancestors 'none'" in error.headers["content-security-policy"]
    missing = httpx.get(served.base + "/nowhere")
    assert missing.status_code == 404 and missing.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("bind", "port", "accepted", "refused"),
    [
        ("127.0.0.1", 8000, ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"], ["127.0.0.1", "evil:8000"]),
        ("::1", 8123, ["[::1]:8123", "localhost:8123"], ["[::1]:8000", "::1:8123"]),
        ("localhost", 80, ["localhost", "localhost:80", "127.0.0.1"], ["evil", "evil:80"]),
        ("192.0.2.7", 8000, ["192.0.2.7:8000"], ["localhost:8000", "127.0.0.1:8000", "192.0.2.7"]),
        ("analyst.lan", 8000, ["analyst.lan:8000"], ["localhost:8000", "evil.lan:8000"]),
    ],
)
def test_web_security_allowed_hosts(bind: str, port: int, accepted: list[str], refused: list[str]) -> None:
    hosts = allowed_hosts(bind, port)
    assert set(accepted) <= hosts
    assert not set(refused) & hosts


def test_web_security_wildcard_bind_accepts_loopback_and_this_machine() -> None:
    import socket

    hosts = allowed_hosts("0.0.0.0", 8000)
    assert {"localhost:8000", "127.0.0.1:8000", f"{socket.gethostname().lower()}:8000"} <= hosts
    assert "evil.example:8000" not in hosts


@pytest.mark.parametrize(
    ("method", "headers", "refused"),
    [
        ("GET", {"origin": EVIL, "sec-fetch-site": "cross-site"}, False),
        ("POST", {}, False),
        ("POST", {"origin": "http://localhost:8000", "sec-fetch-site": "same-origin"}, False),
        ("POST", {"origin": "HTTP://LOCALHOST:8000"}, False),
        ("POST", {"origin": "http://127.0.0.1:8000"}, True),  # another spelling is another origin
        ("POST", {"origin": "https://localhost:8000"}, True),
        ("POST", {"sec-fetch-site": "same-site"}, True),
        ("DELETE", {"origin": EVIL}, True),
    ],
)
def test_web_security_cross_site_reason(method: str, headers: dict[str, str], refused: bool) -> None:
    assert (cross_site_reason(method, "localhost:8000", headers) is not None) is refused


@pytest.mark.model
def test_web_security_serve_command_guards_the_address_it_binds(built_case: Path, tmp_path: Path) -> None:
    """``claimsift serve`` as a real process: the app it starts knows its address and port."""
    case = tmp_path / "nk.db"
    shutil.copy(built_case, case)
    port = free_port()
    command = [sys.executable, "-m", "claimsift", "serve", str(case), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                ready = httpx.get(base + "/api/case", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "claimsift serve did not start"
                time.sleep(0.2)
        assert ready.status_code == 200
        assert httpx.get(base + "/api/case", headers={"Host": f"localhost:{port}"}).status_code == 200
        assert httpx.get(base + "/api/case", headers={"Host": f"rebound.example:{port}"}).status_code == 400
        before = len(ready.json()["hypotheses"])
        hostile = httpx.post(base + "/hypotheses", data={"text": "planted"}, headers={"Origin": EVIL})
        assert hostile.status_code == 403
        assert len(httpx.get(base + "/api/case").json()["hypotheses"]) == before
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert f"claimsift: open http://127.0.0.1:{port}/" in stderr
