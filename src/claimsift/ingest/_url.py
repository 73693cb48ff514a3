"""Web addresses to ``Document`` records: fetched by ``_fetch``, read by the reader their content type names.

The document's ``path`` is the address as given, its ``url`` the address the page came from (after
redirects), ``fetched`` the time of the fetch and, for an HTML page, ``original`` the page as fetched, so a case
keeps what was read even when the page later changes or vanishes. The page's own metadata (title, site name,
author, publication date from its meta tags and JSON-LD) fills the rest; ``published`` overrides its date.
"""

from __future__ import annotations

import dataclasses

from claimsift.model import Document

from ._decode import decode
from ._fetch import FetchPolicy, fetch, file_name
from ._limits import resolve_max_bytes
from ._meta import check_published
from ._read import read_data

DEFAULT_TIMEOUT = 20.0


def read_url(
    url: str,
    published: str | None = None,
    *,
    max_bytes: int | None = None,
    allow_private: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Document]:
    """Fetch an address and read the documents in it (one, or several for a JSON list).

    Args:
        url: An http or https address.
        published: YYYY-MM-DD; overrides the page's publication date.
        max_bytes: Largest body; default ``CLAIMSIFT_MAX_BYTES``, else 50 MB.
        allow_private: Fetch addresses on loopback, private and link-local networks.
        timeout: Seconds for each network step.

    Raises:
        InputError: The address is refused or cannot be fetched, or its content cannot be read.
        UsageError: ``published`` is not a YYYY-MM-DD date.
    """
    check_published(published)
    limit = resolve_max_bytes(max_bytes)
    policy = FetchPolicy(timeout=timeout, max_bytes=limit, allow_private=allow_private)
    page = fetch(url.strip(), policy)
    name = file_name(page)
    documents = read_data(
        page.data, name=name, path=url, published=published, sidecar={"url": page.url}, max_bytes=limit
    )
    original = decode(page.data, url)[0] if name.endswith(".html") else None
    return [dataclasses.replace(d, fetched=page.fetched, original=original) for d in documents]
