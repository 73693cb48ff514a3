"""The case store on SQLite and on PostgreSQL: exact round trips, content hashes, one transaction per document.

Facts come from parsing the real texts in tests/data once per session; every test then runs against both
databases (PostgreSQL ones skip with the reason when ``CLAIMSIFT_TEST_PG`` is unset or unreachable).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

import casekit
from claimsift.ingest import read_documents
from claimsift.model import DocumentFacts
from claimsift.nlp.process import process
from claimsift.store import Store, StoreError, check, content_hash, from_row, latest_version, migrations, schema, to_row

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def facts() -> list[DocumentFacts]:
    paths = [str(casekit.VOA_AUSTIN), str(casekit.VOA_BATTLES), str(casekit.RELAY)]
    return list(process(read_documents(paths)))


@pytest.fixture(params=casekit.BACKENDS)
def case(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from casekit.case_location(request.param, tmp_path)


@pytest.fixture
def store(case: str) -> Iterator[Store]:
    with Store.open(case, create=True) as s:
        yield s


def test_store_rows_round_trip_without_database(facts: list[DocumentFacts]) -> None:
    # names joined by "and" ("between Russia and North Korea") are kept as tuples of tuples and must come back so
    assert any(c.prop and c.prop.pairs for f in facts for c in f.claims)
    for f in facts:
        document, row = to_row(f, extractor="test")
        assert from_row({**document, **row}) == f


def test_store_rows_refuse_facts_of_another_document(facts: list[DocumentFacts]) -> None:
    a, b = facts[0], facts[1]
    with pytest.raises(ValueError, match="names document"):
        to_row(dataclasses.replace(a, claims=b.claims), extractor="test")


def test_store_facts_round_trip_exactly(store: Store, facts: list[DocumentFacts]) -> None:
    ids = [store.add(f, extractor="test") for f in facts]
    assert ids == [f.document.id for f in facts]
    assert list(store.facts()) == facts
    assert store.count() == len(facts)
    assert check(store) == []


def test_store_skips_a_document_already_in_the_case_by_content_hash(store: Store, facts: list[DocumentFacts]) -> None:
    first = facts[0]
    assert store.add(first, extractor="test") == first.document.id
    assert store.add(first, extractor="test") is None
    renamed = dataclasses.replace(first, document=dataclasses.replace(first.document, id="other", path="other.txt"))
    assert store.add(renamed, extractor="test") is None  # same text under another name
    assert store.has_document(content_hash(first.document.text))
    assert store.count() == 1


def test_store_gives_a_free_id_when_the_case_has_the_document_id(store: Store, facts: list[DocumentFacts]) -> None:
    first, second = facts[0], facts[1]
    store.add(first, extractor="test")
    clash = dataclasses.replace(second, document=dataclasses.replace(second.document, id=first.document.id))
    assert store.add(clash, extractor="test") == f"{first.document.id}-2"
    stored = list(store.facts())[1]
    assert stored.document.id == f"{first.document.id}-2"
    assert {c.doc for c in stored.claims} == {f"{first.document.id}-2"}
    assert stored.claims == tuple(dataclasses.replace(c, doc=stored.document.id) for c in second.claims)


def test_store_add_is_one_transaction(store: Store, facts: list[DocumentFacts]) -> None:
    """Ctrl-C between the document row and its facts row leaves no half document."""

    def interrupt(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO FACTS"):
            raise KeyboardInterrupt

    store.add(facts[0], extractor="test")
    sa.event.listen(store.engine, "before_cursor_execute", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.add(facts[1], extractor="test")
    sa.event.remove(store.engine, "before_cursor_execute", interrupt)
    assert store.count() == 1
    assert check(store) == []
    assert store.add(facts[1], extractor="test") == facts[1].document.id


def test_store_hypotheses_are_numbered_in_order(store: Store) -> None:
    assert store.add_hypothesis(casekit.DEPLOYED).id == "H1"
    assert store.add_hypothesis("Russia denies it", prior=0.2).id == "H2"
    assert [(h.id, h.prior) for h in store.hypotheses()] == [("H1", 0.5), ("H2", 0.2)]
    with pytest.raises(ValueError, match="prior"):
        store.add_hypothesis("x", prior=1.0)


def test_store_reliability_override_replaces_the_previous_letter(store: Store) -> None:
    store.set_reliability("Reuters", "B")
    store.set_reliability("Reuters", "A")
    store.set_reliability("Kremlin", "E")
    assert store.reliability() == {"Reuters": "A", "Kremlin": "E"}


def test_store_check_finds_a_half_document_and_a_changed_text(store: Store, facts: list[DocumentFacts]) -> None:
    store.add(facts[0], extractor="test")
    store.add(facts[1], extractor="test")
    with store.transaction() as conn:
        conn.execute(sa.update(schema.documents).where(schema.documents.c.id == facts[0].document.id).values(text="x"))
        conn.execute(sa.delete(schema.facts).where(schema.facts.c.document == 2))
    problems = check(store)
    assert f"document {facts[0].document.id}: stored hash does not match its text" in problems
    assert f"document {facts[1].document.id} has no facts (half-written)" in problems


def test_store_reopens_with_its_schema_version(case: str) -> None:
    with Store.open(case, create=True) as s:
        assert s.created and s.version == latest_version()
    with Store.open(case) as s:
        assert not s.created and s.version == latest_version()


def test_store_refuses_a_case_from_a_newer_claimsift(case: str) -> None:
    with Store.open(case, create=True) as s, s.transaction() as conn:
        conn.execute(sa.insert(schema.schema_version).values(version=99, description="future", applied="2030"))
    with pytest.raises(StoreError, match="newer than this claimsift"):
        Store.open(case)


def test_store_migrations_must_be_registered_in_order() -> None:
    with pytest.raises(ValueError, match="out of order"):
        migrations.migration(latest_version() + 2, "skips one")(lambda conn: None)
    assert migrations.pending(0) == migrations.MIGRATIONS


def test_store_records_assessment_snapshots(store: Store, facts: list[DocumentFacts]) -> None:
    from claimsift.analysis import assemble, make_hypotheses

    analysis = assemble(facts, make_hypotheses([casekit.DEPLOYED]))
    store.record(analysis.assessments, len(facts))
    (snap,) = store.snapshots()
    assert snap["hypothesis"] == "H1" and snap["documents"] == len(facts)
    assert snap["probability"] == analysis.assessments[0].probability


def test_store_an_unchanged_assessment_adds_no_snapshot(store: Store, facts: list[DocumentFacts]) -> None:
    from claimsift.analysis import assemble, make_hypotheses

    one = assemble(facts[:1], make_hypotheses([casekit.DEPLOYED]))
    every = assemble(facts, make_hypotheses([casekit.DEPLOYED]))
    store.record(one.assessments, 1)
    store.record(one.assessments, 1)  # ``case assess`` run twice on an unchanged case
    assert [s["documents"] for s in store.snapshots()] == [1]
    store.record(every.assessments, len(facts))
    store.record(one.assessments, 1)  # back to what was seen before, but after a change: history again
    assert [s["documents"] for s in store.snapshots()] == [1, len(facts), 1]


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("missing/nowhere.db", "no such case; create it with: claimsift case init"),
        ("mysql://localhost/case", "unsupported case location"),
    ],
)
def test_store_open_errors_are_one_line(tmp_path: Path, location: str, message: str) -> None:
    where = location if "://" in location else str(tmp_path / location)
    with pytest.raises(StoreError, match=message) as info:
        Store.open(where)
    assert "\n" not in str(info.value)


def test_store_open_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text(casekit.VOA_AUSTIN.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(StoreError, match="not a claimsift case"):
        Store.open(str(path))


def test_store_sqlite_settings(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "case.db"), create=True) as s, s.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000


def test_store_unreachable_postgresql_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="127.0.0.1"):
        Store.open("postgresql://nobody:secret@127.0.0.1:1/case")


def test_store_hides_the_password_of_a_url() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/case")
    assert "secret" not in str(info.value)


def test_store_reads_while_another_writer_holds_the_lock(tmp_path: Path) -> None:
    """Opening and reading need no write lock (WAL): ``show`` works while ``add`` writes."""
    path = str(tmp_path / "case.db")
    Store.open(path, create=True).close()
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO reliability VALUES ('Kremlin', 'E', '2024-10-24')")
        with Store.open(path) as s:
            assert s.reliability() == {}
        writer.execute("COMMIT")
        with Store.open(path) as s:
            assert s.reliability() == {"Kremlin": "E"}
    finally:
        writer.close()
