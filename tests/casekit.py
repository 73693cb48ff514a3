"""Shared helpers of the case tests: where a case lives (SQLite file or a fresh PostgreSQL database), real texts.

PostgreSQL cases need a server: ``bash .ci/postgres.sh`` starts one on loopback and prints its URL, which
``.ci/run`` exports as ``CLAIMSIFT_TEST_PG``. Without it (or when the server does not answer) the
PostgreSQL variants skip with the reason; the SQLite ones always run.
"""

from __future__ import annotations

import functools
import os
import random
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

DATA = Path(__file__).parent / "data"
RELAY = DATA / "relay"
# A public-domain VOA story of 2024-10-23: Austin (U.S.), Zelenskyy (Ukraine) and NATO on North Korean soldiers in Russia.
VOA_AUSTIN = DATA / "voa_austin_nk_soldiers_in_russia.txt"
# A public-domain VOA story of 2024-11-06: Zelenskyy, Umerov and Kovalenko on the first battles with North Korean troops.
VOA_BATTLES = DATA / "voa_ukraine_drones_nk_battles.txt"
# A transcript with every other line missing, made from open U.S. texts by tests/seammaker.py.
TRANSCRIPT = DATA / "seams" / "kursk_open_seams.txt"
# Public-domain U.S. reporting that names the United States differently ("Pentagon", "U.S. Department of Defense").
US_REPORTS = (DATA / "voa_pentagon_kursk_small_number.txt", DATA / "dod_singh_kursk_11000.txt")
DEPLOYED = "North Korean troops are deployed in Russia to fight against Ukraine"
LAUNCHED = "North Korea launched an intercontinental ballistic missile"  # what the documents in RELAY relay
PG_ENV = "CLAIMSIFT_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


@functools.cache
def _pg_problem() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    url = os.environ.get(PG_ENV)
    if not url:
        return f"{PG_ENV} is not set (bash .ci/postgres.sh starts a throwaway server and prints the URL)"
    try:
        with psycopg.connect(url, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL at {PG_ENV} cannot be reached: {first}"


def pg_url() -> str:
    """The test server's URL; skips the test when there is none."""
    problem = _pg_problem()
    if problem:
        pytest.skip(problem)
    return os.environ[PG_ENV]


def case_location(backend: str, tmp_path: Path) -> Iterator[str]:
    """A location for a new case: a .db path, or a fresh PostgreSQL database dropped afterwards."""
    if backend == "sqlite":
        yield str(tmp_path / "case.db")
        return
    url = pg_url()
    name = f"claimsift_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sentences() -> list[str]:
    """The sentences of the real news texts in tests/data, in order (split after . ! ? before a capital)."""
    out: list[str] = []
    for path in (VOA_AUSTIN, VOA_BATTLES, *sorted(RELAY.glob("*.txt"))):
        text = " ".join(path.read_text(encoding="utf-8").split())
        out += [s for s in SENTENCE_END.split(text) if s]
    return out


def varied_texts(n: int, per_text: int = 8, seed: int = 4) -> list[str]:
    """``n`` distinct documents, each ``per_text`` real sentences drawn (seeded) from tests/data, in paragraphs."""
    pool = sentences()
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < n:
        picked = rng.sample(pool, min(per_text, len(pool)))
        text = "\n\n".join(" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)) + "\n"
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def write_folder(folder: Path, n: int, per_text: int = 8) -> list[Path]:
    """A folder of ``n`` distinct real-text documents, doc0000.txt, doc0001.txt, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(varied_texts(n, per_text)):
        path = folder / f"doc{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def stored_documents(case: str) -> int:
    """Documents a SQLite case holds now, read without a lock a writer could wait on (0 before it has a table)."""
    try:
        with closing(sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=5)) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
