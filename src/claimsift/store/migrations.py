"""Schema changes, only through registered migrations (after sqlite-utils' ``migrations.py``).

A new database gets the latest tables from ``store.schema`` in one go and is stamped with the latest
version; an older one runs, in one transaction each, the migrations it has not had yet. A database stamped
with a version this claimsift does not know was written by a newer claimsift and is refused, not guessed at.

To change the schema: edit ``store.schema`` (it always describes the latest version), then register a
function that brings a database of the previous version to it::

    @migration(2, "documents.language")
    def _language(conn: sa.Connection) -> None:
        conn.execute(sa.text("ALTER TABLE documents ADD COLUMN language VARCHAR(16)"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from claimsift.store import schema

Step = Callable[[sa.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    """One registered schema change."""

    version: int
    description: str
    apply: Step


MIGRATIONS: list[Migration] = []
"""Every migration, in version order."""
_PROVENANCE = (
    ("author", "TEXT"),
    ("fetched", "VARCHAR(32)"),
    ("pages", "TEXT"),
    ("times", "TEXT"),
    ("original", "TEXT"),
)


def migration(version: int, description: str) -> Callable[[Step], Step]:
    """Register a function as the migration to ``version``; versions must be consecutive."""

    def register(apply: Step) -> Step:
        expected = len(MIGRATIONS) + 1
        if version != expected:
            raise ValueError(f"migration {version} registered out of order; the next one must be {expected}")
        MIGRATIONS.append(Migration(version, description, apply))
        return apply

    return register


@migration(1, "initial schema: documents, facts, hypotheses, reliability, assessments")
def _initial(conn: sa.Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.VERSION_1))


@migration(2, "documents.author, fetched, pages, times, original: where a document and its claims came from")
def _provenance(conn: sa.Connection) -> None:
    for column, kind in _PROVENANCE:
        conn.execute(sa.text(f"ALTER TABLE documents ADD COLUMN {column} {kind}"))


@migration(3, "evidence groups, their per-hypothesis stance and weight, and what they reflect")
def _evidence(conn: sa.Connection) -> None:
    # the tables start empty: with no evidence_state row they are stale, and the next writer fills them
    tables = [schema.evidence_groups, schema.group_scores, schema.evidence_claims, schema.evidence_state]
    schema.metadata.create_all(conn, tables=tables)


@migration(4, "every claim's group and grade, and the indexes that group a new document's claims alone")
def _incremental(conn: sa.Connection) -> None:
    for table in (schema.group_scores, schema.evidence_groups):  # derived rows: made again, with new columns
        table.drop(conn, checkfirst=True)
    tables = [schema.evidence_groups, schema.group_scores, schema.evidence_members, schema.evidence_index]
    schema.metadata.create_all(conn, tables=tables)
    conn.execute(sa.delete(schema.evidence_claims))
    conn.execute(sa.delete(schema.evidence_state))  # stale: the next writer fills the tables again


def latest() -> int:
    """The schema version this claimsift writes."""
    return MIGRATIONS[-1].version


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def current(conn: sa.Connection) -> int | None:
    """The database's schema version, or None when it has no claimsift schema."""
    if not sa.inspect(conn).has_table(schema.schema_version.name):
        return None
    version = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(version) if version is not None else None


def has_tables(conn: sa.Connection) -> bool:
    """Whether the database holds any table (a database without claimsift's schema is then someone else's)."""
    return bool(sa.inspect(conn).get_table_names())


def create(conn: sa.Connection) -> None:
    """Create the latest schema in an empty database and stamp it with the latest version."""
    schema.metadata.create_all(conn)
    conn.execute(
        sa.insert(schema.schema_version),
        [{"version": m.version, "description": m.description, "applied": _now()} for m in MIGRATIONS],
    )


def pending(version: int) -> list[Migration]:
    """The migrations a database at ``version`` still needs, in order.

    Raises:
        ValueError: The database is newer than this claimsift.
    """
    if version > latest():
        raise ValueError(
            f"the case has schema version {version}, newer than this claimsift's {latest()}; upgrade claimsift"
        )
    return [m for m in MIGRATIONS if m.version > version]


def apply(conn: sa.Connection, step: Migration) -> None:
    """Run one migration and record it (inside the caller's transaction)."""
    step.apply(conn)
    conn.execute(
        sa.insert(schema.schema_version).values(version=step.version, description=step.description, applied=_now())
    )
