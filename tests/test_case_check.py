"""``case check`` on a damaged case reports every problem and finishes (issue #10, item 8).

A real case of six documents is damaged at several rows with sqlite3 (bad JSON, bytes that are not UTF-8 in a
text, a facts column and an id, a flipped bit that leaves the text valid but changes its hash, a facts row gone)
and, in another test, by flipping bits in the file itself where three documents' texts are stored. The command
must name each damaged document on a line of its own, end with status 1, and print no traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import casekit
from claimsift.case import add_paths, init_case
from claimsift.cli import app
from claimsift.store import database_url

pytestmark = pytest.mark.model
runner = CliRunner()
PROBLEM = "claimsift: problem: "


@pytest.fixture(scope="module")
def built_case(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("check") / "nk.db"
    init_case(str(path))
    inputs = [str(casekit.RELAY), str(casekit.VOA_AUSTIN), str(casekit.VOA_BATTLES), *map(str, casekit.US_REPORTS)]
    assert len(add_paths(str(path), inputs).added) == 6
    with closing(sqlite3.connect(path)) as db:  # everything into the main file: the bit-flip test edits it
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture()
def case(built_case: Path, tmp_path: Path) -> Path:
    path = tmp_path / "nk.db"
    shutil.copy(built_case, path)
    return path


def _ids(case: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(case)) as db:
        return [(int(pk), str(doc_id)) for pk, doc_id in db.execute("SELECT pk, id FROM documents ORDER BY pk")]


def _flip_bit(data: bytes, at: int, bit: int) -> bytes:
    flipped = bytearray(data)
    flipped[at] ^= 1 << bit
    return bytes(flipped)


def _check(case: Path) -> tuple[int, list[str], str]:
    result = runner.invoke(app, ["case", "check", str(case)])
    return result.exit_code, result.stderr.splitlines(), result.stderr


def test_case_check_the_whole_case_is_ok(case: Path) -> None:
    code, lines, _ = _check(case)
    assert code == 0 and lines == [f"ok: {case} is whole"]


def test_case_check_reports_every_damaged_row(case: Path) -> None:
    (pk1, id1), (pk2, id2), (pk3, id3), (pk4, id4), (pk5, _), (pk6, id6) = _ids(case)
    with closing(sqlite3.connect(case)) as db:
        db.execute("UPDATE facts SET claims = ? WHERE document = ?", ('[{"id": "C1", "text":', pk1))
        text2 = db.execute("SELECT CAST(text AS BLOB) FROM documents WHERE pk = ?", (pk2,)).fetchone()[0]
        broken = _flip_bit(text2, 0, 7)  # an ASCII letter with its high bit set: a lead byte with no follower
        db.execute("UPDATE documents SET text = CAST(? AS TEXT) WHERE pk = ?", (broken, pk2))
        mentions = db.execute("SELECT CAST(mentions AS BLOB) FROM facts WHERE document = ?", (pk3,)).fetchone()[0]
        db.execute("UPDATE facts SET mentions = CAST(? AS TEXT) WHERE document = ?", (_flip_bit(mentions, 5, 7), pk3))
        text4 = db.execute("SELECT text FROM documents WHERE pk = ?", (pk4,)).fetchone()[0]
        at = text4.index("a")
        db.execute("UPDATE documents SET text = ? WHERE pk = ?", (text4[:at] + "c" + text4[at + 1 :], pk4))
        db.execute("UPDATE documents SET id = CAST(? AS TEXT) WHERE pk = ?", (b"bad\xff\xfeid", pk5))
        db.execute("DELETE FROM facts WHERE document = ?", (pk6,))
        db.commit()
    code, lines, stderr = _check(case)
    assert code == 1, stderr
    assert "Traceback" not in stderr and all(line.startswith(PROBLEM) for line in lines), stderr
    found = [line.removeprefix(PROBLEM) for line in lines]
    assert found[0].startswith(f"document {id1}: stored facts cannot be read (")
    assert found[1:] == [
        f"document {id2}: column text cannot be read (not valid UTF-8)",
        f"document {id3}: facts column mentions cannot be read (not valid UTF-8)",
        f"document {id4}: stored hash does not match its text",
        f"document row {pk5}: column id cannot be read (not valid UTF-8)",
        f"document {id6} has no facts (half-written)",
    ], stderr


def test_case_check_bit_flips_in_the_file(case: Path) -> None:
    """Bits flipped where three documents' texts lie in the file: each of the three is named, and no other."""
    ids = _ids(case)
    data = case.read_bytes()
    damaged = []
    with closing(sqlite3.connect(case)) as db:
        texts = [db.execute("SELECT text FROM documents WHERE pk = ?", (pk,)).fetchone()[0] for pk, _ in ids]
    for (_, doc_id), text, bit in zip(ids[:3], texts, (7, 1, 6), strict=False):
        # a stretch found once in the file lies in the text itself (claims repeat their sentences as JSON)
        snippet = next(s for i in range(0, len(text) - 60, 7) if data.count(s := text[i : i + 60].encode()) == 1)
        data = _flip_bit(data, data.index(snippet) + 10, bit)
        damaged.append(doc_id)
    case.write_bytes(data)
    code, lines, stderr = _check(case)
    assert code == 1, stderr
    assert "Traceback" not in stderr and all(line.startswith(PROBLEM) for line in lines), stderr
    named = [doc_id for _, doc_id in ids if any(f"document {doc_id}:" in line for line in lines)]
    assert named == damaged, stderr
    assert len(lines) == 3, stderr


@pytest.mark.parametrize("backend", casekit.BACKENDS)
def test_case_check_goes_on_past_damage_on_each_backend(backend: str, tmp_path: Path) -> None:
    """Bad JSON, a changed text and a lost facts row, on SQLite and PostgreSQL: three lines, status 1."""
    for case in casekit.case_location(backend, tmp_path):
        init_case(case)
        add_paths(case, [str(casekit.RELAY), str(casekit.VOA_AUSTIN)])
        engine = sa.create_engine(database_url(case))
        try:
            with engine.begin() as conn:
                pks = [pk for (pk,) in conn.execute(sa.text("SELECT pk FROM documents ORDER BY pk"))]
                conn.execute(sa.text("UPDATE facts SET dates = '[{' WHERE document = :pk"), {"pk": pks[0]})
                conn.execute(sa.text("UPDATE documents SET text = text || '!' WHERE pk = :pk"), {"pk": pks[1]})
                conn.execute(sa.text("DELETE FROM facts WHERE document = :pk"), {"pk": pks[2]})
        finally:
            engine.dispose()
        result = runner.invoke(app, ["case", "check", case])
        assert result.exit_code == 1, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 3 and all(line.startswith(PROBLEM) for line in lines), result.stderr
        assert "stored facts cannot be read" in lines[0]
        assert lines[1].endswith("stored hash does not match its text") and lines[2].endswith("(half-written)")
