"""The case store: a case is a database (SQLite file by default, PostgreSQL by URL) of documents and their facts.

It keeps what is costly to recompute (each document's text and what the nlp stage read off it) and what the
analyst decided (hypotheses, reliability letters), plus snapshots of past verdicts. It never imports spaCy:
``claimsift.case`` parses, this package only stores.
"""

from __future__ import annotations

from claimsift.errors import StoreError
from claimsift.store.check import check
from claimsift.store.db import Store, database_url, shown_location
from claimsift.store.migrations import latest as latest_version
from claimsift.store.rows import content_hash, from_row, to_row

__all__ = [
    "Store",
    "StoreError",
    "check",
    "content_hash",
    "database_url",
    "from_row",
    "latest_version",
    "shown_location",
    "to_row",
]
