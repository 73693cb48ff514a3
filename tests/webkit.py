"""A real HTTP server on loopback for the fetch tests, started and stopped by a fixture.

It serves the pages in tests/data/web (built from open texts; see tests/pagemaker.py) and the awkward cases a
fetcher must survive: redirects (one, and an endless loop), a 404, a slow response, oversized bodies (declared
and streamed), a wrong content type, a server that fails once with 503, and an RSS feed of the pages.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pagemaker import feed

WEB = Path(__file__).parent / "data" / "web"
SLOW_SECONDS = 3.0
STREAMED_MB = 3


@dataclass
class Site:
    """The running server: its base address, the hits per path, and extra routes a test can set."""

    base: str
    hits: Counter[str] = field(default_factory=Counter)
    extra: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Path -> (content type, body), served with status 200."""

    def url(self, path: str) -> str:
        """The full address of a path on this server."""
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
            pass

        def _send(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path
            site.hits[path] += 1
            if path in site.extra:
                content_type, body = site.extra[path]
                self._send(200, content_type, body)
            elif path.endswith(".html") and (WEB / path.lstrip("/")).is_file():
                self._send(200, "text/html; charset=utf-8", (WEB / path.lstrip("/")).read_bytes())
            elif path == "/feed.xml":
                self._send(200, "application/rss+xml", feed(site.base).encode())
            elif path == "/moved":
                self._send(301, "text/plain", b"", {"Location": "/voa_pentagon_kursk_small_number.html"})
            elif path.startswith("/loop"):
                self._send(302, "text/plain", b"", {"Location": f"/loop{len(path)}"})
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, "text/html", b"<p>late</p>")
            elif path == "/huge-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(60_000_000))
                self.end_headers()
            elif path == "/huge-streamed":
                self._stream_huge()
            elif path == "/picture.png":
                self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
            elif path == "/flaky":
                if site.hits[path] == 1:
                    self._send(503, "text/plain", b"busy")
                else:
                    self._send(200, "text/html", (WEB / "voa_pentagon_kursk_small_number.html").read_bytes())
            else:
                self._send(404, "text/plain", b"not found")

        def _stream_huge(self) -> None:
            """A body without Content-Length, as large as STREAMED_MB megabytes: only streaming reveals its size."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            try:
                for _ in range(STREAMED_MB * 16):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

    return Handler


@contextmanager
def serve() -> Iterator[Site]:
    """Run the server on 127.0.0.1 at a free port for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Site(base="")))
    site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
