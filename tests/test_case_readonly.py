"""Commands that only read never write (issue #10, item 7), on real files.

A real case (two relay documents, a hypothesis, a reliability letter) is copied for each test; the read
commands (``case show``, ``timeline``, ``check``, ``export``) run on it read-only (file 0444 in a 0555
folder, as an unprivileged user when the tests run as root, so the permissions bind), through a symlink, and
on files that are not cases: a bit-flipped case, a 0-byte file, someone else's SQLite database. After every
refused or read command the file is byte-identical with the same mtime, and no command switches a database to
WAL. ``case init`` refuses a database that holds other tables.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import casekit
from claimsift.case import add_hypothesis, add_paths, init_case, set_reliability
from claimsift.cli import app
from claimsift.errors import StoreError
from claimsift.store import Store

runner = CliRunner()
NOBODY = 65534
SETPRIV = shutil.which("setpriv")


def read_commands(case: str, out: Path) -> list[list[str]]:
    """Every command that only reads a case, as arguments to ``claimsift``."""
    return [
        ["case", "show", case],
        ["case", "timeline", case],
        ["case", "check", case],
        ["export", case, "--csv", str(out)],
    ]


def fingerprint(path: Path) -> tuple[str, int, int]:
    """What must not change: the bytes (SHA-256), the size and the modification time in nanoseconds."""
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size, stat.st_mtime_ns


def journal_mode(path: Path) -> str:
    """The journal mode stored in a SQLite file, read from its header (bytes 18-19: 2 is WAL, 1 rollback)."""
    head = path.read_bytes()[18:20]
    return "wal" if head == b"\x02\x02" else "rollback" if head == b"\x01\x01" else repr(head)


def cli(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def built_case(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("readonly") / "nk.db"
    init_case(str(path))
    assert len(add_paths(str(path), [str(casekit.RELAY)]).added) == 2
    add_hypothesis(str(path), casekit.DEPLOYED)
    set_reliability(str(path), "Kremlin", "E")
    return path


@pytest.fixture()
def case(built_case: Path, tmp_path: Path) -> Path:
    path = tmp_path / "nk.db"
    shutil.copy(built_case, path)
    return path


@pytest.fixture()
def unrelated(tmp_path: Path) -> Path:
    """Someone else's SQLite database, in the default rollback-journal mode, with a table of its own."""
    path = tmp_path / "contacts.db"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Ana', '555-0100')")
        db.commit()
    assert journal_mode(path) == "rollback"
    return path


@pytest.mark.model
def test_case_readonly_read_commands_leave_a_case_untouched(case: Path, tmp_path: Path) -> None:
    before = fingerprint(case)
    for args in read_commands(str(case), tmp_path / "csv"):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert fingerprint(case) == before, args
    assert casekit.DEPLOYED in cli("case", "show", str(case)).stdout


@pytest.fixture()
def locked_down(case: Path) -> Iterator[Path]:
    """The case as a read-only file (0444) in a read-only folder (0555), in a fresh folder of the system's temporary
    folder (pytest's own are private to this user, and the unprivileged user must get in)."""
    folder = Path(tempfile.mkdtemp(prefix="claimsift-ro-"))
    folder.chmod(0o755)
    path = folder / "case" / "nk.db"
    path.parent.mkdir()
    shutil.copy(case, path)
    (folder / "out").mkdir(mode=0o777)
    (folder / "out").chmod(0o777)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        yield path
    finally:
        path.parent.chmod(0o755)
        shutil.rmtree(folder)


def run_unprivileged(args: list[str]) -> subprocess.CompletedProcess[str]:
    """``claimsift ARGS`` in a subprocess; as root, as the user nobody, for whom 0444 and 0555 bind."""
    command = [sys.executable, "-m", "claimsift", *args]
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root without setpriv: file permissions would not bind")
        command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "HOME": "/tmp"}
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)


@pytest.mark.model
def test_case_readonly_works_on_a_read_only_file_in_a_read_only_folder(locked_down: Path, tmp_path: Path) -> None:
    before = fingerprint(locked_down)
    listing = sorted(os.listdir(locked_down.parent))
    out = locked_down.parent.parent / "out"
    for args in read_commands(str(locked_down), out / "csv"):
        done = run_unprivileged(args)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr
        assert fingerprint(locked_down) == before, args
    shown = run_unprivileged(["case", "show", str(locked_down)])
    assert casekit.DEPLOYED in shown.stdout and "2 documents" in shown.stdout
    assert sorted(os.listdir(locked_down.parent)) == listing  # no -wal or -shm appeared
    link = out / "link.db"  # a symlink in a folder the user may write, to the case in the read-only one
    link.symlink_to(locked_down)
    through = run_unprivileged(["case", "show", str(link)])
    assert through.returncode == 0 and casekit.DEPLOYED in through.stdout, through.stderr
    assert fingerprint(locked_down) == before
    # a write command is refused on one line, and the file is still as it was
    refused = run_unprivileged(["case", "hypothesis", str(locked_down), "Pyongyang sent engineers"])
    assert refused.returncode == 1 and refused.stderr.startswith("claimsift: error: ")
    assert "Traceback" not in refused.stderr
    assert fingerprint(locked_down) == before


@pytest.mark.model
def test_case_readonly_through_a_symlink(case: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(case)
    before = fingerprint(case)
    for args in read_commands(str(link), tmp_path / "csv"):
        assert cli(*args).exit_code == 0, args
        assert fingerprint(case) == before and link.is_symlink()


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.model
@pytest.mark.parametrize("where", ["header", "schema page", "last page"])
def test_case_readonly_bit_flipped_case_is_reported_and_left_as_is(case: Path, tmp_path: Path, where: str) -> None:
    size = case.stat().st_size
    flip(case, {"header": 3, "schema page": 200, "last page": size - 2000}[where])
    before = fingerprint(case)
    outcomes = []
    for args in [*read_commands(str(case), tmp_path / "csv"), ["case", "hypothesis", str(case), "X"]]:
        result = cli(*args)
        outcomes.append(result.exit_code)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        if result.exit_code:
            assert "Traceback" not in result.stderr and result.stderr.startswith("claimsift: "), result.stderr
        if args[1] != "hypothesis" or result.exit_code:  # a write to a case still readable may go through
            assert fingerprint(case) == before, args
    if where == "header":
        assert all(code == 1 for code in outcomes)
        assert "not an SQLite database" in cli("case", "show", str(case)).stderr


@pytest.mark.parametrize("command", ["show", "timeline", "check", "hypothesis", "reliability", "export"])
def test_case_readonly_a_zero_byte_file_stays_empty(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    before = fingerprint(empty)
    args = {
        "hypothesis": ["case", "hypothesis", str(empty), "X"],
        "reliability": ["case", "reliability", str(empty), "Kremlin", "E"],
        "export": ["export", str(empty), "--csv", str(tmp_path / "csv")],
    }.get(command, ["case", command, str(empty)])
    result = cli(*args)
    assert result.exit_code == 1 and "not a claimsift case" in result.stderr, result.output
    assert fingerprint(empty) == before and empty.stat().st_size == 0
    assert sorted(os.listdir(tmp_path)) == ["empty.db"]


def test_case_readonly_init_makes_a_case_of_a_zero_byte_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert cli("case", "init", str(empty)).exit_code == 0
    with Store.open(str(empty), readonly=True) as store:
        assert store.hypotheses() == []


@pytest.mark.parametrize(
    "args",
    [
        ["case", "show"],
        ["case", "timeline"],
        ["case", "check"],
        ["case", "assess"],
        ["case", "init"],
        ["case", "hypothesis", "@", "X"],
        ["case", "reliability", "@", "Kremlin", "E"],
        ["export", "@", "--csv", "csv"],
    ],
)
def test_case_readonly_an_unrelated_database_is_refused_untouched(
    unrelated: Path, tmp_path: Path, args: list[str]
) -> None:
    before = fingerprint(unrelated)
    listing = sorted(os.listdir(tmp_path))
    full = [str(unrelated) if a == "@" else str(tmp_path / a) if a == "csv" else a for a in args]
    if "@" not in args:
        full.append(str(unrelated))
    result = cli(*full)
    assert result.exit_code == 1 and "not a claimsift case" in result.stderr, result.output
    assert len(result.stderr.splitlines()) == 1
    assert fingerprint(unrelated) == before
    assert journal_mode(unrelated) == "rollback"
    assert sorted(os.listdir(tmp_path)) == listing
    with closing(sqlite3.connect(f"file:{unrelated}?mode=ro", uri=True)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["contacts"]


def test_case_readonly_store_refuses_writes(tmp_path: Path) -> None:
    path = str(tmp_path / "case.db")
    init_case(path)
    before = fingerprint(Path(path))
    with Store.open(path, readonly=True) as store:
        assert store.readonly and store.hypotheses() == []
        with pytest.raises(StoreError, match="readonly"):
            store.add_hypothesis("Pyongyang sent engineers")
    assert fingerprint(Path(path)) == before
    with pytest.raises(ValueError, match="read-only"):
        Store.open(path, readonly=True, create=True)


@pytest.mark.parametrize("backend", casekit.BACKENDS)
def test_case_readonly_store_on_each_backend(backend: str, tmp_path: Path) -> None:
    """Read-only opening works on SQLite and PostgreSQL, and refuses a write on both."""
    for location in casekit.case_location(backend, tmp_path):
        init_case(location)
        add_hypothesis(location, casekit.DEPLOYED)
        with Store.open(location, readonly=True) as store:
            assert [h.text for h in store.hypotheses()] == [casekit.DEPLOYED]
            with pytest.raises(StoreError):
                store.set_reliability("Kremlin", "E")
        with Store.open(location) as store:
            assert store.reliability() == {}
