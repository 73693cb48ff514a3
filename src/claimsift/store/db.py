"""The case database: one ``Store`` over SQLite (a file, no server) or PostgreSQL (a URL, for teams).

Every write is one transaction, and adding a document (its text and its facts) is exactly one, so a crash
or Ctrl-C in the middle of ``claimsift case add`` leaves every document either whole or absent. SQLite runs
in WAL mode (readers never wait for the writer) with a busy timeout and foreign keys on, and write
transactions start with ``BEGIN IMMEDIATE`` so two writers queue instead of deadlocking on a lock upgrade.
Database errors are translated here, where they enter, into ``StoreError`` with a one-line reason.

Opening never writes to a database that is not a case: the schema is read first, and only a case (or, with
``create``, an empty database) is switched to WAL, migrated or given tables. ``readonly=True`` opens a SQLite
file with ``mode=ro`` (no WAL pragma, no migration: the file is never written) and a PostgreSQL database with
read-only transactions; the read commands (``case show``, ``timeline``, ``check``, ``export``, the web app's
pages) open cases that way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from claimsift.errors import StoreError
from claimsift.model import Assessment, DocumentFacts, Hypothesis
from claimsift.safe_text import display_path
from claimsift.store import migrations, schema
from claimsift.store.rows import content_hash, from_row, renamed, to_row

BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 5
_WRITE = "claimsift_write"
_PG_SCHEMES = ("postgresql://", "postgres://")
_QUERY_PASSWORD = re.compile(r"(?i)((?:^|[?&])password=)[^&]*")
SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def shown_location(case: str | Path) -> str:
    """A case's location as messages show it: a file path, or a database address with its password hidden.

    Works on any text, even one no parser accepts: everything between ``://`` and the last ``@`` but the user name
    is hidden (a password may hold an unencoded ``@``, ``:`` or ``#``), and so is a ``password=`` parameter.
    """
    text = str(case)
    if "://" not in text:
        return display_path(case)
    scheme, rest = text.split("://", 1)
    if "@" in rest:
        userinfo, host = rest.rsplit("@", 1)
        user, has_password, _ = userinfo.partition(":")
        rest = f"{user}:***@{host}" if has_password else f"{user}@{host}"
    return _QUERY_PASSWORD.sub(r"\1***", f"{scheme}://{rest}")


def _bad_address(case: str, problem: str) -> StoreError:
    return StoreError(
        f"{shown_location(case)}: {problem}; write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
        "(percent-encode @ : / # in the password, as %40 %3A %2F %23)"
    )


def _postgres_url(text: str) -> sa.URL:
    """The SQLAlchemy URL of a ``postgresql://`` address, refused on one line when it is malformed.

    The parser's own messages are not passed on: they quote pieces of the address, password included
    (``invalid literal for int() with base 10: 'w0rd@host'``).
    """
    rest = text.split("://", 1)[1]
    if rest.count("@") > 1:
        raise _bad_address(text, "the address has more than one '@'")
    try:
        url = make_url("postgresql+psycopg://" + rest)
        port = url.port
    except (ValueError, TypeError, sa.exc.ArgumentError):
        raise _bad_address(text, "not a valid PostgreSQL address (is the port a number?)") from None
    if port is not None and not 1 <= port <= 65535:
        raise _bad_address(text, f"port {port} is out of range (1 to 65535)")
    return url


def database_url(case: str | Path) -> sa.URL:
    """The SQLAlchemy URL of a case: a ``postgresql://`` URL (driven by psycopg 3), or a SQLite file path.

    Raises:
        StoreError: The case is a malformed address, or one of a database claimsift does not support; the
            message hides the password.
    """
    text = str(case)
    if text.startswith(_PG_SCHEMES):
        return _postgres_url(text)
    if text.startswith("postgresql+psycopg://"):
        return _postgres_url(text)
    if text.startswith("sqlite:///"):
        return make_url(text)
    if "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(
            f"{shown_location(text)}: unsupported case location ({scheme}://); "
            "use a .db file path or a postgresql:// URL"
        )
    return make_url("sqlite:///" + str(Path(text).expanduser().absolute()))


def _reason(exc: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)
    if "database is locked" in first:
        return "the case is busy (another claimsift is writing to it); try again"
    if "unable to open database file" in first:
        return "cannot open the case file (does its folder exist, and may you write there?)"
    if "file is not a database" in first:
        return "not a claimsift case (the file is not an SQLite database)"
    return first


def _sqlite_header_problem(path: Path) -> str | None:
    """Why a file cannot be a case, read from its first bytes (before SQLite touches it), or None."""
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return f"cannot read the case file ({exc.strerror})"
    if not head:
        return "not a claimsift case (the file is empty)"
    if head != SQLITE_MAGIC:
        return "not a claimsift case (the file is not an SQLite database)"
    return None


def _readonly_uri(path: Path) -> str:
    """The ``file:`` URI that opens a SQLite file read-only.

    ``mode=ro`` never writes the database. A WAL database still needs its ``-shm`` index; where the folder is
    read-only and there is no ``-wal`` file, SQLite could not create one, and no writer can be at work either (a
    writer needs that file), so the file is opened ``immutable`` instead.
    """
    uri = "file:" + urllib.parse.quote(os.fsencode(path)) + "?mode=ro"  # bytes: a name need not be UTF-8
    real = path.resolve()  # SQLite follows a symlink: the -wal file, if any, is beside the case itself
    if not os.access(real.parent, os.W_OK) and not real.with_name(real.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def _sqlite_engine(url: sa.URL, *, readonly: bool) -> sa.Engine:
    """An engine over a SQLite file; read-only ones connect through a ``mode=ro`` URI."""
    if readonly:
        uri = _readonly_uri(Path(url.database or ""))

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)

        engine = sa.create_engine(url, creator=connect)
    else:
        engine = sa.create_engine(url)
    # Only connection settings here: journal_mode=WAL is stored in the file, so it is set in _prepare, once
    # the database is known to be a case.
    pragmas = [f"busy_timeout={BUSY_TIMEOUT_MS}"]
    pragmas += ["query_only=ON"] if readonly else ["foreign_keys=ON", "synchronous=NORMAL"]

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (SQLAlchemy's pysqlite recipe)
        cur = dbapi_conn.cursor()
        for pragma in pragmas:
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


class Store:
    """A case database. Open it with ``Store.open``; use it as a context manager to close it.

    Example:
        >>> with Store.open("case.db", create=True) as store:
        ...     store.add_hypothesis("North Korean troops are deployed in Russia")
    """

    def __init__(self, engine: sa.Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        """The case as a person reads it (the file path, or the URL without its password)."""
        self.created = False
        """True when ``open`` made the case."""
        self.readonly = False
        """True when opened with ``readonly``: every write fails, nothing is migrated."""
        self._secret: str | None = None
        """The database password, which no message may show."""

    @classmethod
    def open(cls, case: str | Path, *, create: bool = False, readonly: bool = False) -> Store:
        """Open a case, migrating an older schema; with ``create``, make it when it does not exist.

        Args:
            create: Make the case when the file does not exist or the database is empty.
            readonly: Never write: open the database read-only, and refuse (not migrate) an older schema.

        Raises:
            StoreError: No such case (without ``create``), not a claimsift case, or the database fails.
            ValueError: Both ``create`` and ``readonly``.
        """
        if create and readonly:
            raise ValueError("a case opened read-only cannot be created")
        url = database_url(case)
        sqlite = url.get_backend_name() == "sqlite"
        location = display_path(case) if sqlite else shown_location(case)
        if sqlite and not create and not Path(url.database or "").is_file():
            raise StoreError(f"{location}: no such case; create it with: claimsift case init {location}")
        if sqlite and readonly and (problem := _sqlite_header_problem(Path(url.database or ""))):
            raise StoreError(f"{location}: {problem}")
        if sqlite:
            engine = _sqlite_engine(url, readonly=readonly)
        else:
            connect_args: dict[str, Any] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
            if readonly:
                connect_args["options"] = "-c default_transaction_read_only=on"
            try:
                engine = sa.create_engine(url, connect_args=connect_args)
            except (ValueError, TypeError, sa.exc.ArgumentError):
                raise _bad_address(str(case), "its options cannot be used") from None
        store = cls(engine, location)
        store._secret = url.password if isinstance(url.password, str) else None
        store.readonly = readonly
        try:
            store._prepare(create)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, create: bool) -> None:
        """Check the schema; create or migrate it when needed (only then is a write transaction taken).

        Nothing is written before the database is known to be a case, or an empty one ``create`` may fill:
        a database with other tables is refused as it is.
        """
        with self.reading() as conn:
            version = migrations.current(conn)
            foreign = version is None and migrations.has_tables(conn)
        if version is None and not create:
            raise StoreError(f"{self.location}: not a claimsift case; create one with: claimsift case init")
        if foreign:
            raise StoreError(
                f"{self.location}: not a claimsift case (the database holds other tables); "
                "claimsift adds its tables only to an empty database: give a new file"
            )
        try:
            todo = migrations.pending(version) if version is not None else None
        except ValueError as exc:
            raise StoreError(f"{self.location}: {exc}") from exc
        if self.readonly:
            if todo:
                raise StoreError(
                    f"{self.location}: the case has the older schema version {version}; "
                    f"upgrade it with: claimsift case init {self.location}"
                )
            return
        self._use_wal()
        if todo == []:
            return
        with self.transaction() as conn:
            version = migrations.current(conn)  # again, under the write lock: another process may have been first
            if version is None:
                migrations.create(conn)
                self.created = True
                return
            for step in migrations.pending(version):
                migrations.apply(conn, step)

    def _use_wal(self) -> None:
        """Switch a SQLite case to WAL mode (stored in the file; done once, and never to a database that is not a
        case)."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.errors():
            raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA journal_mode")
            if str((cur.fetchone() or ("",))[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: {exc}") from exc
        finally:
            raw.close()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Translate database errors raised inside the block into ``StoreError``."""
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            reason = _reason(exc)
            if self._secret:  # a server's message could quote the address it was given
                for secret in {self._secret, urllib.parse.quote(self._secret, safe="")}:
                    reason = reason.replace(secret, "***")
            raise StoreError(f"{self.location}: {reason}") from exc

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One write transaction: committed when the block ends, rolled back (even on Ctrl-C) when it raises."""
        with self.errors(), self.engine.connect() as conn:
            conn = conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A read-only connection (a consistent snapshot under SQLite's WAL)."""
        with self.errors(), self.engine.connect() as conn:
            yield conn

    @property
    def version(self) -> int:
        """The case's schema version."""
        with self.reading() as conn:
            return migrations.current(conn) or 0

    # documents and their facts

    def has_document(self, sha256: str) -> bool:
        """Whether a document with this content hash (``rows.content_hash``) is in the case."""
        query = sa.select(schema.documents.c.pk).where(schema.documents.c.sha256 == sha256)
        with self.reading() as conn:
            return conn.execute(query).first() is not None

    def addresses(self) -> set[str]:
        """Every address the case's documents came from (their ``url`` and, for fetched ones, ``path``)."""
        d = schema.documents
        with self.reading() as conn:
            rows = conn.execute(sa.select(d.c.url, d.c.path)).all()
        return {value for row in rows for value in row if value and "://" in value}

    def add(self, facts: DocumentFacts, *, extractor: str) -> str | None:
        """Store one document and its facts in one transaction; its id, or None when the case already has it.

        The id is the document's own, or ``ID-2``, ``ID-3``... when the case already has a document of that id.
        """
        sha = content_hash(facts.document.text)
        try:
            with self.transaction() as conn:
                if conn.execute(sa.select(schema.documents.c.pk).where(schema.documents.c.sha256 == sha)).first():
                    return None
                doc_id = _free_id(conn, facts.document.id)
                document, row = to_row(renamed(facts, doc_id), extractor=extractor)
                key = conn.execute(sa.insert(schema.documents).values(**document)).inserted_primary_key
                if key is None:
                    raise StoreError(f"{self.location}: the database returned no key for {doc_id}")
                conn.execute(sa.insert(schema.facts).values(document=key[0], **row))
                return doc_id
        except StoreError as exc:
            if isinstance(exc.__cause__, sa.exc.IntegrityError) and self.has_document(sha):
                return None  # another writer stored the same text first
            raise

    def count(self) -> int:
        """How many documents the case holds."""
        with self.reading() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(schema.documents)).scalar() or 0)

    def facts(self, after: int = 0, upto: int | None = None) -> Iterator[DocumentFacts]:
        """Every document's stored facts, in the order they were added.

        Args:
            after: Only the documents stored after the one of this key (``store.evidence.last_document``).
            upto: Only the documents stored up to the one of this key.

        Raises:
            StoreError: A row cannot be read back (``claimsift case check`` tells which).
        """
        d, f = schema.documents, schema.facts
        query = sa.select(d, f).join(f, f.c.document == d.c.pk).where(d.c.pk > after).order_by(d.c.pk)
        if upto is not None:
            query = query.where(d.c.pk <= upto)
        with self.reading() as conn:
            for row in conn.execution_options(yield_per=64).execute(query).mappings():
                try:
                    yield from_row(row)
                except (ValueError, TypeError, KeyError) as exc:
                    raise StoreError(f"{self.location}: stored facts of {row['id']} cannot be read ({exc})") from exc

    # what the analyst decides

    def add_hypothesis(self, text: str, prior: float = 0.5) -> Hypothesis:
        """Add a hypothesis with the next id (H1, H2, ...)."""
        if not text.strip():
            raise ValueError("a hypothesis needs some text")
        if not 0.0 < prior < 1.0:
            raise ValueError(f"prior must be strictly between 0 and 1, got {prior}")
        h = schema.hypotheses
        with self.transaction() as conn:
            position = int(conn.execute(sa.select(sa.func.max(h.c.position))).scalar() or 0) + 1
            hypothesis = Hypothesis(id=f"H{position}", text=text.strip(), prior=prior)
            values = {"id": hypothesis.id, "position": position, "text": hypothesis.text, "prior": prior}
            conn.execute(sa.insert(h).values(**values, added=_now()))
        return hypothesis

    def hypotheses(self) -> list[Hypothesis]:
        """The hypotheses in the order they were added."""
        h = schema.hypotheses
        with self.reading() as conn:
            rows = conn.execute(sa.select(h.c.id, h.c.text, h.c.prior).order_by(h.c.position)).all()
        return [Hypothesis(id=r.id, text=r.text, prior=float(r.prior)) for r in rows]

    def set_reliability(self, source: str, letter: str) -> None:
        """Set (or replace) the analyst's Admiralty letter for a source name."""
        r = schema.reliability
        with self.transaction() as conn:
            conn.execute(sa.delete(r).where(r.c.source == source))
            conn.execute(sa.insert(r).values(source=source, letter=letter, updated=_now()))

    def reliability(self) -> dict[str, str]:
        """The analyst's letters per source name."""
        r = schema.reliability
        with self.reading() as conn:
            return {row.source: row.letter for row in conn.execute(sa.select(r.c.source, r.c.letter))}

    def revision(self) -> str:
        """A key that changes whenever what an assessment reads changes: documents and their facts, hypotheses,
        reliability letters. Readers keep a verdict while the key stays the same (the web app's pages).

        It sees every process's committed writes (``case add`` running beside ``serve``), on SQLite and
        PostgreSQL alike. Documents are only ever added, so their count and largest key tell a change;
        hypotheses and letters are few and read whole (a letter replaced within the same second leaves count and
        timestamps alike). Read the key before the assessment: a write landing in between then costs one more
        assessment, never a stale one kept.
        """
        d, f, h, r = schema.documents, schema.facts, schema.hypotheses, schema.reliability
        with self.reading() as conn:
            documents = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(d.c.pk))).one())
            facts = tuple(conn.execute(sa.select(sa.func.count(), sa.func.max(f.c.document))).one())
            hypotheses = [tuple(row) for row in conn.execute(sa.select(h.c.id, h.c.text, h.c.prior).order_by(h.c.id))]
            letters = [tuple(row) for row in conn.execute(sa.select(r.c.source, r.c.letter).order_by(r.c.source))]
        key = repr((documents, facts, hypotheses, letters)).encode("utf-8", "surrogatepass")
        return hashlib.sha256(key).hexdigest()

    # assessment snapshots

    def record(self, assessments: Sequence[Assessment], documents: int) -> None:
        """Keep a snapshot of the verdicts reached over ``documents`` documents, unless the last snapshot holds
        the very same verdicts over as many documents: running ``case assess`` again on an unchanged case adds
        nothing to its history."""
        if not assessments:
            return
        created = _now()
        rows = [
            {
                "created": created,
                "documents": documents,
                "hypothesis": a.hypothesis.id,
                "text": a.hypothesis.text,
                "probability": a.probability,
                "wep": a.wep,
                "summary": a.summary,
            }
            for a in assessments
        ]
        a = schema.assessments
        same = ("documents", "hypothesis", "text", "probability", "wep")
        with self.transaction() as conn:
            last = conn.execute(sa.select(a.c.created).order_by(a.c.pk.desc()).limit(1)).scalar()
            if last is not None:
                prior = conn.execute(sa.select(*(a.c[k] for k in same)).where(a.c.created == last)).all()
                if sorted(tuple(r) for r in prior) == sorted(tuple(row[k] for k in same) for row in rows):
                    return
            conn.execute(sa.insert(a), rows)

    def snapshots(self) -> list[Mapping[str, Any]]:
        """Every recorded verdict, oldest first."""
        a = schema.assessments
        with self.reading() as conn:
            return [dict(r) for r in conn.execute(sa.select(a).order_by(a.c.pk)).mappings()]


def _free_id(conn: sa.Connection, wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever the case does not use yet."""
    d = schema.documents
    query = sa.select(d.c.id).where(d.c.id.startswith(wanted, autoescape=True))
    used = {row.id for row in conn.execute(query)}
    doc_id, number = wanted, 1
    while doc_id in used:
        number += 1
        doc_id = f"{wanted}-{number}"
    return doc_id
