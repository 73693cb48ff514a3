"""Request bodies cannot hold the web app: a time limit, a cap on bodies read at once, one log line per
client gone mid-body (issue #10, item 9).

Against a real server on loopback: uvicorn in a thread (``serverkit``) for the limits, and ``claimsift serve``
as a real process for its log, with raw sockets that send a body slowly, hold it half-sent, or hang up in the
middle. The limits are made short (a second or two) so the tests run fast; the defaults are a minute.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from claimsift.case import init_case
from claimsift.web import create_app
from serverkit import free_port, serving


@pytest.fixture()
def case(tmp_path: Path) -> str:
    path = str(tmp_path / "nk.db")
    init_case(path)
    return path


def _half_sent(port: int, declared: int = 10_000, sent: bytes = b"text=North+Korea") -> socket.socket:
    """A socket that has sent a paste's headers and the start of its body, and holds the rest back."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    head = (
        f"POST /documents/paste HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {declared}\r\n\r\n"
    )
    sock.sendall(head.encode("ascii") + sent)
    return sock


def _dribble(sock: socket.socket, seconds: float) -> tuple[bytes, float]:
    """Send a byte every 0.2 s, reading whatever comes back, until the server closes the connection (or
    ``seconds`` pass); what it answered and when it closed, in seconds from the start."""
    start = time.monotonic()
    answer = b""
    sock.settimeout(0.2)
    while time.monotonic() - start < seconds:
        if not answer:  # once answered, send no more: bytes sent to a closed socket reset it, losing the answer
            try:
                sock.sendall(b"x")
            except OSError:  # the server closed the connection: nothing more can be sent
                pass
        try:
            data = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
        if not data:
            break
        answer += data
    return answer, time.monotonic() - start


def test_web_uploads_a_slow_body_is_answered_408_and_closed(case: str) -> None:
    port = free_port()
    with serving(create_app(case, port=port, upload_seconds=1.0), port), closing(_half_sent(port)) as sock:
        answer, took = _dribble(sock, seconds=15)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"connection: close" in answer.lower() and b"not all sent within 1 seconds" in answer
    assert took < 5, f"the connection stayed open {took:.1f} s"


def _until(status: int, url: str, port: int, seconds: float = 10) -> httpx.Response:
    """POST a whole (token-less) paste until it is answered ``status``, for at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        response = httpx.post(f"{url}/documents/paste", data={"text": "North Korea"}, timeout=10)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.1)


def test_web_uploads_more_bodies_than_the_cap_get_503(case: str) -> None:
    port = free_port()
    with serving(create_app(case, port=port, max_uploads=2, upload_seconds=30), port) as url:
        held = [_half_sent(port), _half_sent(port)]
        try:
            refused = _until(503, url, port)
            assert refused.status_code == 503, refused.text
            assert refused.headers["retry-after"] == "60" and refused.headers["connection"] == "close"
            assert "receiving 2 other upload(s)" in refused.text
        finally:
            for sock in held:
                sock.close()
        freed = _until(403, url, port)  # read whole, then refused for its missing token: the slots are free
        assert freed.status_code == 403, freed.text


@pytest.fixture()
def served(case: str, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """``claimsift serve`` as a real process, its standard error (the server log) in a file."""
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "claimsift", "serve", case, "--port", str(port), "--upload-seconds", "1"]
    with log.open("wb") as sink:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "claimsift serve did not start"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port, log
    finally:
        os.kill(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_web_uploads_a_client_gone_mid_body_is_one_log_line(served: tuple[int, Path]) -> None:
    port, log = served
    for _ in range(3):
        _half_sent(port).close()
    with closing(_half_sent(port)) as slow:
        answer, _ = _dribble(slow, seconds=10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    deadline = time.monotonic() + 10
    while log.read_text(encoding="utf-8").count("the client disconnected") < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text
    gone = [line for line in text.splitlines() if "disconnected" in line]
    assert len(gone) == 3, text
    assert all(line.startswith("WARNING claimsift.web: POST /documents/paste from 127.0.0.1:") for line in gone)
    assert all(line.endswith("the client disconnected after 16 bytes of its body; nothing stored") for line in gone)
    slow_lines = [line for line in text.splitlines() if "not all sent" in line]
    assert len(slow_lines) == 1 and slow_lines[0].endswith("answered 408"), text
