"""Who may talk to the web app, and what its pages may do: the first thing every request meets.

A page on any other site the analyst visits can make the browser send requests to ``claimsift serve`` on
loopback. Three checks keep such requests from changing or reading a case:

- **Host** (DNS rebinding): a request whose ``Host`` header is not the name and port the app is served under
  is refused with 400 before any route runs, so a rebound attacker's name cannot read ``/api/case``. Served on
  a loopback address, every loopback spelling (``localhost``, ``127.0.0.1``, ``[::1]``) with that port is
  accepted; on a wildcard address (``0.0.0.0``, ``::``), those and the machine's own names; on any other
  address or name, that one alone.
- **Origin and Sec-Fetch-Site** (cross-site requests): a request that may change the case (any method but GET,
  HEAD, OPTIONS) is refused with 403 when its ``Origin`` header, if sent, is not the served origin (``null``
  included), or its ``Sec-Fetch-Site`` header, if sent, is neither ``same-origin`` nor ``none``.
- **A CSRF token** (for clients that send neither header): every form the app serves carries a hidden field
  holding a token made when the app starts; ``check_token`` refuses a form without it with 403.

Every response also gets ``X-Frame-Options: DENY``, ``X-Content-Type-Options: nosniff`` and a
``Referrer-Policy``, and an HTML response without a Content-Security-Policy header gets a strict one with
``frame-ancestors 'none'`` (which a ``<meta>`` tag cannot set).
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import secrets
import socket
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
"""Methods that change nothing; every other one must come from the app's own pages."""
SAME_SITE_FETCH = frozenset({"same-origin", "none"})
"""``Sec-Fetch-Site`` values of a request the app's own page (or the user, typing the address) made."""
TOKEN_FIELD = "csrf"
"""The hidden form field holding the CSRF token."""
STRICT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
"""The Content-Security-Policy of an HTML page that sets none of its own (error pages)."""
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


class Refused(Exception):
    """A request from another origin (403), or under a foreign Host (400); the message says which."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def error_page(status: int, message: str) -> HTMLResponse:
    """A one-line error page, escaped, that loads nothing and cannot be framed."""
    one_line = html.escape(" ".join(message.split()), quote=True)
    body = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>claimsift: error</title></head>'
        f'<body><p class="error">claimsift: error: {one_line}</p><p><a href="/">Back to the case</a></p>'
        "</body></html>"
    )
    return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": STRICT_CSP})


def _bracketed(host: str) -> str:
    """An IPv6 address as a Host header writes it (``[::1]``); anything else lowercased as it is."""
    host = host.strip().lower()
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def is_loopback(host: str) -> bool:
    """Whether a bind address or name is loopback (127.0.0.0/8, ::1 or localhost)."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> frozenset[str]:
    """The ``Host`` header values (name:port) the app answers when served on ``host`` and ``port``.

    Args:
        host: The address or name the server binds.
        port: The port it listens on; for port 80 the name alone is accepted too, as browsers send it.
        extra: More names the app is reached under (a reverse proxy's, a LAN name).
    """
    names = {_bracketed(host), *(_bracketed(name) for name in extra)}
    if is_loopback(host):
        names.update(LOOPBACK_NAMES)
    elif host.strip() in WILDCARDS:
        names.update(LOOPBACK_NAMES)
        names.update(_bracketed(n) for n in (socket.gethostname(), socket.getfqdn()) if n)
    names.discard("")
    allowed = {f"{name}:{port}" for name in names}
    if port == 80:
        allowed |= names
    return frozenset(allowed)


def cross_site_reason(method: str, host: str, headers: Mapping[str, str], scheme: str = "http") -> str | None:
    """Why a request must be refused as cross-site, or None: only methods that may change the case are checked.

    Args:
        method: The request method.
        host: The request's ``Host`` header, already known to be one the app answers.
        headers: The request headers (lower-case names).
        scheme: ``http``, or ``https`` behind a proxy.
    """
    if method.upper() in SAFE_METHODS:
        return None
    origin = headers.get("origin")
    if origin is not None and origin.lower() != f"{scheme}://{host}":
        return f"refused a request from another origin ({origin[:80]}); use the forms of this page"
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in SAME_SITE_FETCH:
        return f"refused a {fetch_site[:40]} request; use the forms of this page"
    return None


def new_token() -> str:
    """A fresh CSRF token (256 random bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_field(token: str) -> str:
    """The hidden form field that carries the token."""
    return f'<input type="hidden" name="{TOKEN_FIELD}" value="{html.escape(token, quote=True)}">'


def check_token(form: Any, token: str) -> None:
    """Refuse (403) a form that does not carry the app's CSRF token.

    Raises:
        Refused: The token is missing or wrong.
    """
    sent = form.get(TOKEN_FIELD)
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), token.encode()):
        raise Refused(403, "refused a form without this page's token; reload the page and try again")


class Guard:
    """ASGI middleware: refuses foreign ``Host`` headers (400) and cross-site state changes (403), and adds
    the security headers to every response."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "").strip().lower()
        if host not in self.hosts:
            shown = host[:80] or "none"
            message = f"refused a request for host {shown}; open the address claimsift serve printed"
            await error_page(400, message)(scope, receive, send)
            return
        reason = cross_site_reason(scope["method"], host, headers, scope.get("scheme", "http"))
        if reason is not None:
            await error_page(403, reason)(scope, receive, send)
            return

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out.setdefault("X-Frame-Options", "DENY")
                out.setdefault("X-Content-Type-Options", "nosniff")
                out.setdefault("Referrer-Policy", "same-origin")
                if out.get("content-type", "").startswith("text/html"):
                    out.setdefault("Content-Security-Policy", STRICT_CSP)
            await send(message)

        await self.app(scope, receive, send_hardened)
