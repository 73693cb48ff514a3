"""``claimsift case check``: is the case whole? Cheap enough to run after every crash, and it always finishes.

Checks the database file itself (SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check``), then
what claimsift relies on: every document has its facts and every facts row its document (a half-written
document would show here), every stored hash is the hash of the stored text, and every facts row reads
back into model records.

A damaged file is the reason to run a check, so no single row may stop it: rows are read in batches, a batch
that fails is read again row by row, and a row that fails column by column, so each problem is named (the
document, the column, why) and the check goes on to the next row. Every problem is one line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from claimsift.store import schema
from claimsift.store.db import Store
from claimsift.store.rows import content_hash, from_row

BATCH = 64
"""Rows read per query while nothing fails."""
MAX_REASON = 120
"""Longest reason quoted from the database (a decoding error quotes the damaged text itself)."""

Row = Mapping[Any, Any]


def _why(exc: Exception) -> str:
    """One short line for a database error met while reading a row."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)
    if first.startswith("Could not decode to UTF-8"):
        return "not valid UTF-8"
    return first if len(first) <= MAX_REASON else first[: MAX_REASON - 3] + "..."


def _rows(conn: sa.Connection, query: sa.Executable) -> tuple[list[Row], str | None]:
    """The rows of a query, or those read before it failed and why it failed.

    The transaction is rolled back after a failure: PostgreSQL refuses every later statement of a failed one.
    """
    rows: list[Row] = []
    try:
        for row in conn.execute(query).mappings():
            rows.append(row)
    except sa.exc.SQLAlchemyError as exc:
        conn.rollback()
        return rows, _why(exc)
    return rows, None


def _pragma(conn: sa.Connection, pragma: str) -> tuple[list[tuple[Any, ...]], str | None]:
    try:
        return [tuple(row) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")], None
    except sa.exc.SQLAlchemyError as exc:
        conn.rollback()
        return [], _why(exc)


def _sqlite(conn: sa.Connection) -> Iterator[str]:
    lines, failed = _pragma(conn, "integrity_check")
    yield from (f"integrity_check: {line}" for (line,) in lines if line != "ok")
    if failed:
        yield f"integrity_check cannot run: {failed}"
    found, failed = _pragma(conn, "foreign_key_check")
    yield from (f"foreign key violation in {row[0]} (row {row[1]}, refers to {row[2]})" for row in found)
    if failed:
        yield f"foreign_key_check cannot run: {failed}"


def _keys(conn: sa.Connection, column: sa.Column[Any], what: str, problems: list[str]) -> tuple[list[int], bool]:
    """Every key of a table in order, and whether that is all of them (else one problem says where it stopped)."""
    rows, failed = _rows(conn, sa.select(column.label("key")).order_by(column))
    keys = [int(row["key"]) for row in rows]
    if failed:
        after = f" after key {keys[-1]}" if keys else ""
        problems.append(f"the {what} table cannot be listed{after}: {failed}")
    return keys, failed is None


def _columns(conn: sa.Connection, table: sa.Table, key: sa.Column[Any], pk: int) -> tuple[dict[str, Any], list[str]]:
    """One row read column by column: the columns that could be read, and a reason per column that could not."""
    values: dict[str, Any] = {}
    bad: list[str] = []
    for column in table.columns:
        rows, failed = _rows(conn, sa.select(column).where(key == pk))
        if failed:
            bad.append(f"column {column.name} cannot be read ({failed})")
        elif rows:
            values[column.name] = rows[0][column.name]
    return values, bad


def _read(
    conn: sa.Connection, table: sa.Table, key: sa.Column[Any], pks: Sequence[int]
) -> Iterator[tuple[int, Row, list[str]]]:
    """``(pk, row, problems)`` for each key: a batch at a time, a failed batch again row by row and column by
    column, so one damaged row costs only its own columns."""
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        rows, failed = _rows(conn, sa.select(table).where(key.in_(batch)).order_by(key))
        if not failed:
            by_key = {int(row[key.name]): row for row in rows}
            yield from ((pk, by_key[pk], []) for pk in batch if pk in by_key)
            continue
        for pk in batch:
            rows, failed = _rows(conn, sa.select(table).where(key == pk))
            if not failed:
                if rows:
                    yield pk, rows[0], []
                continue
            values, bad = _columns(conn, table, key, pk)
            yield pk, values, bad or [f"the row cannot be read ({failed})"]


def _documents(conn: sa.Connection, problems: list[str]) -> None:
    """Every document row and facts row read back and checked, whatever damage earlier ones hold."""
    d, f = schema.documents, schema.facts
    doc_keys, all_documents = _keys(conn, d.c.pk, "documents", problems)
    fact_keys, all_facts = _keys(conn, f.c.document, "facts", problems)
    documents = set(doc_keys)
    if all_documents:  # a key missing from a partial listing may just lie past the damage
        problems += [f"facts row {pk} has no document" for pk in fact_keys if pk not in documents]
    facts = {pk: (row, bad) for pk, row, bad in _read(conn, f, f.c.document, [k for k in fact_keys if k in documents])}
    for pk, row, bad in _read(conn, d, d.c.pk, doc_keys):
        name = f"document {row['id']}" if isinstance(row.get("id"), str) else f"document row {pk}"
        problems += [f"{name}: {problem}" for problem in bad]
        if "text" in row and "sha256" in row and content_hash(row["text"]) != row["sha256"]:
            problems.append(f"{name}: stored hash does not match its text")
        if pk not in facts:
            if all_facts:
                problems.append(f"{name} has no facts (half-written)")
            continue
        fact, fact_bad = facts[pk]
        problems += [f"{name}: facts {problem}" for problem in fact_bad]
        if bad or fact_bad:
            continue
        try:
            from_row({**row, **fact})
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(f"{name}: stored facts cannot be read ({exc})")


def check(store: Store) -> list[str]:
    """Every problem found, one line each; an empty list when the case is whole.

    Raises:
        StoreError: The database cannot be read at all.
    """
    problems: list[str] = []
    with store.reading() as conn:
        if conn.dialect.name == "sqlite":
            problems += _sqlite(conn)
        _documents(conn, problems)
    return problems
