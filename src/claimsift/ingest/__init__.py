"""Ingest: read files, folders, stdin or bytes into ``Document`` records whose text later offsets point into.

Readers: plain text and Markdown (verbatim), WebVTT and SRT captions (YouTube roll-up captions de-duplicated),
HTML pages (main text by trafilatura), JSON documents, PDF (pdfminer.six) and Word (python-docx) files, YouTube
caption downloads (json3, srv3, the pasted transcript panel), and web addresses fetched with limits (``_fetch``).
Sidecar ``NAME.meta.json`` files add metadata.
Anything unreadable raises ``InputError`` naming the file and a one-line reason; nothing else escapes a reader.

Hostile input is expected: binary and compressed files are refused by their signature (never decompressed),
files over the size limit (``max_bytes``, ``CLAIMSIFT_MAX_BYTES``, 50 MB) by their size before they are read,
and every parser is linear or guarded (deep HTML and JSON nesting, crafted caption payloads, 20 MB lines). What
had to be guessed or repaired is said in ``Document.warnings``. ``read_documents(..., on_error=...)`` reads a
batch past bad files, reporting each one.
"""

from __future__ import annotations

from ._decode import decode
from ._feed import FeedEntry, read_feed
from ._fetch import FetchPolicy, check_address, fetch, is_address
from ._paths import expand, read_documents
from ._read import read_bytes
from ._url import read_url

__all__ = [
    "FeedEntry",
    "FetchPolicy",
    "check_address",
    "decode",
    "expand",
    "fetch",
    "is_address",
    "read_bytes",
    "read_documents",
    "read_feed",
    "read_url",
]
