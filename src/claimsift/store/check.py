"""``claimsift case check``: is the case whole? Cheap enough to run after every crash.

Checks the database file itself (SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``), then
what claimsift relies on: every document has its facts and every facts row its document (a half-written
document would show here), every stored hash is the hash of the stored text, and every facts row reads
back into model records.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from claimsift.store import schema
from claimsift.store.db import Store
from claimsift.store.rows import content_hash, from_row


def _sqlite(conn: sa.Connection) -> Iterator[str]:
    for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
        if line != "ok":
            yield f"integrity_check: {line}"
    for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        yield f"foreign key violation in {row[0]} (row {row[1]}, refers to {row[2]})"


def _orphans(conn: sa.Connection) -> Iterator[str]:
    d, f = schema.documents, schema.facts
    lonely_facts = sa.select(f.c.document).where(~sa.exists().where(d.c.pk == f.c.document))
    for (pk,) in conn.execute(lonely_facts):
        yield f"facts row {pk} has no document"
    bare = sa.select(d.c.id).where(~sa.exists().where(f.c.document == d.c.pk)).order_by(d.c.pk)
    for (doc_id,) in conn.execute(bare):
        yield f"document {doc_id} has no facts (half-written)"


def _rows(conn: sa.Connection) -> Iterator[str]:
    d, f = schema.documents, schema.facts
    query = sa.select(d, f).join(f, f.c.document == d.c.pk).order_by(d.c.pk)
    for row in conn.execution_options(yield_per=64).execute(query).mappings():
        if content_hash(row["text"]) != row["sha256"]:
            yield f"document {row['id']}: stored hash does not match its text"
        try:
            from_row(row)
        except (ValueError, TypeError, KeyError) as exc:
            yield f"document {row['id']}: stored facts cannot be read ({exc})"


def check(store: Store) -> list[str]:
    """Every problem found, one line each; an empty list when the case is whole.

    Raises:
        StoreError: The database cannot be read at all.
    """
    problems: list[str] = []
    with store.reading() as conn:
        if conn.dialect.name == "sqlite":
            problems += _sqlite(conn)
        problems += _orphans(conn)
        problems += _rows(conn)
    return problems
