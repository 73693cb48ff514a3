"""RSS and Atom feeds: the entries of a feed, each with the address of its page, by feedparser.

The feed itself is fetched like any page (``_fetch``: the same limits and address checks) and handed to
feedparser as bytes, so feedparser never fetches anything on its own. An entry's address is its ``link``, else
its ``id`` when that is an http(s) address; entries with neither are left out.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

import feedparser

from claimsift.errors import InputError

from ._fetch import FEED_TYPES, SCHEMES, FetchPolicy, fetch


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One entry of a feed: where its page is, and what the feed says of it."""

    url: str
    title: str | None = None
    published: str | None = None
    """YYYY-MM-DD, when the feed dates the entry."""


def read_feed(
    url: str, *, max_bytes: int | None = None, allow_private: bool = False, timeout: float = 20.0
) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, in the feed's order, each address once.

    Raises:
        InputError: The feed cannot be fetched, or is no RSS or Atom feed.
    """
    page = fetch(url, FetchPolicy(timeout=timeout, max_bytes=max_bytes, allow_private=allow_private), FEED_TYPES)
    parsed = feedparser.parse(io.BytesIO(page.data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {str(problem).splitlines()[0]}" if problem else ""
        raise InputError(url, f"not an RSS or Atom feed{detail}")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        address = _address(entry)
        if address is None or address in seen:
            continue
        seen.add(address)
        entries.append(FeedEntry(url=address, title=entry.get("title") or None, published=_date(entry)))
    return entries


def _address(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("link", "id"):
        value = str(entry.get(key) or "").strip()
        if value.split("://", 1)[0].lower() in SCHEMES and "://" in value:
            return value
    return None


def _date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None
