"""Web addresses to documents: one careful HTTP GET per address, then the reader its content type names.

Every fetch has limits (``FetchPolicy``): a timeout per network step and a deadline for the whole download, a
size limit checked on the declared length and again while the body streams in (never more than the limit plus
one chunk is held), at most ``max_redirects`` redirects, each one checked like the first address. Only
``http`` and ``https`` are fetched. ``allow_private=False`` (the web app's default) refuses an address whose
host resolves to a loopback, private, link-local or otherwise non-public address, at the first request and
at every redirect, so a form field cannot make claimsift read the inside of the network it runs in. The
command line allows them (a page served on your own machine is yours to read).

One retry, after ``RETRY_PAUSE`` seconds, on a transient failure: a connection error, a timeout, or HTTP 502,
503 or 504. Every failure is an ``InputError`` naming the address and the reason in one line.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from claimsift.errors import InputError

from ._limits import human_size, resolve_max_bytes

SCHEMES = ("http", "https")
_ADDRESS = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")
RETRY_PAUSE = 0.5
TRANSIENT_STATUS = frozenset({502, 503, 504})
CONTENT_TYPES: dict[str, str] = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/vtt": ".vtt",
    "application/x-subrip": ".srt",
    "application/json": ".json",
}
"""Content types claimsift reads, and the extension that picks their reader."""
FEED_TYPES: dict[str, str] = {
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/feed+json": ".json",
}
"""Content types of RSS and Atom feeds (``claimsift case add --feed``)."""


def user_agent() -> str:
    """A clear user agent: who fetches, and that a person asked for this page."""
    from claimsift import __version__

    return f"claimsift/{__version__} (claim analysis; fetches only the addresses its user gives)"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchPolicy:
    """The limits of one fetch."""

    timeout: float = 20.0
    """Seconds for each network step (connect, each read); the whole download gets four times this."""
    max_bytes: int | None = None
    """Largest body; default ``CLAIMSIFT_MAX_BYTES``, else 50 MB."""
    max_redirects: int = 5
    allow_private: bool = False
    """Fetch addresses on loopback, private and link-local networks (the command line does; the web app not)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A body as fetched: from where (after redirects), of what type, when."""

    url: str
    """The address the body came from, after redirects."""
    content_type: str
    data: bytes
    fetched: str
    """ISO 8601 time (UTC) of the fetch."""


def is_address(arg: str) -> bool:
    """True for an argument written as an address (``https://...``, and any other ``scheme://``)."""
    return bool(_ADDRESS.match(arg.strip()))


def check_address(url: str, allow_private: bool) -> None:
    """Refuse an address claimsift will not fetch: not http(s), no host, or a non-public host when not allowed.

    Raises:
        InputError: The scheme is not http or https, the host is missing or unknown, or it resolves to a
            loopback, private, link-local or reserved address and ``allow_private`` is False.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(url, f"only http and https addresses are fetched, not {parts.scheme or 'this'}:")
    host = parts.hostname
    if not host:
        raise InputError(url, "the address has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host {host}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise InputError(url, f"refused: {host} is a private, loopback or link-local address ({address})")


def fetch(url: str, policy: FetchPolicy, accept: dict[str, str] = CONTENT_TYPES) -> Fetched:
    """GET an address within the policy's limits, retrying once on a transient failure.

    Args:
        accept: Content types to accept (without parameters); any other is refused.

    Raises:
        InputError: The address is refused, the server fails, or the body is too large, too slow or of a
            content type not in ``accept``.
    """
    try:
        return _fetch_once(url, policy, accept)
    except _Transient as first:
        time.sleep(RETRY_PAUSE)
        try:
            return _fetch_once(url, policy, accept)
        except _Transient as again:
            raise InputError(url, f"{again} (tried twice)") from first


class _Transient(Exception):
    """A failure worth one retry."""


@contextmanager
def _client(policy: FetchPolicy) -> Iterator[httpx.Client]:
    timeout = httpx.Timeout(policy.timeout)
    headers = {"User-Agent": user_agent(), "Accept": "text/html, application/xhtml+xml, */*;q=0.5"}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False, trust_env=False) as client:
        yield client


def _fetch_once(url: str, policy: FetchPolicy, accept: dict[str, str]) -> Fetched:
    limit = resolve_max_bytes(policy.max_bytes)
    deadline = time.monotonic() + 4 * policy.timeout
    current = url
    with _client(policy) as client:
        for _hop in range(policy.max_redirects + 1):
            check_address(current, policy.allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _body(url, current, response, limit, deadline, accept)
            except httpx.TimeoutException as exc:
                raise _Transient(f"timed out after {policy.timeout:g} s") from exc
            except httpx.TransportError as exc:
                raise _Transient(f"cannot connect ({type(exc).__name__})") from exc
    raise InputError(url, f"more than {policy.max_redirects} redirects")


def _body(
    url: str, current: str, response: httpx.Response, limit: int, deadline: float, accept: dict[str, str]
) -> Fetched:
    """The body of a final response, refused by status, content type, size or time."""
    if response.status_code in TRANSIENT_STATUS:
        raise _Transient(f"HTTP {response.status_code} {response.reason_phrase}")
    if response.status_code != 200:
        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type not in accept:
        kinds = ", ".join(sorted(accept))
        raise InputError(url, f"content type {content_type or 'missing'} is not one claimsift reads ({kinds})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"page too large ({human_size(int(declared))}, over the {human_size(limit)} limit)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(url, f"page too large (over the {human_size(limit)} limit)")
        if time.monotonic() > deadline:
            raise InputError(url, "page too slow: the download did not finish in time")
        chunks.append(chunk)
    fetched = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return Fetched(url=current, content_type=content_type, data=b"".join(chunks), fetched=fetched)


def file_name(fetched: Fetched, accept: dict[str, str] = CONTENT_TYPES) -> str:
    """A file name for the body: the address's last path segment (letters, digits, ``-_``) and the extension
    of its content type; ``page`` when the path has no usable segment."""
    segments = [s for s in urlsplit(fetched.url).path.split("/") if s]
    stem = ""
    for segment in reversed(segments):
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", segment.rsplit(".", 1)[0]).strip("-")[:80]
        if re.search("[A-Za-z]", stem):
            break
    return (stem or "page") + accept[fetched.content_type]
