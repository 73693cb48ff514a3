"""Ingest: read files, folders, stdin or bytes into ``Document`` records whose text later offsets point into.

Readers: plain text and Markdown (verbatim), WebVTT and SRT captions (YouTube roll-up captions de-duplicated),
HTML pages (main text by trafilatura), and JSON documents. Sidecar ``NAME.meta.json`` files add metadata.
Anything unreadable raises ``InputError`` naming the file and the reason.
"""

from __future__ import annotations

from ._decode import decode
from ._paths import read_documents
from ._read import read_bytes

__all__ = ["decode", "read_bytes", "read_documents"]
