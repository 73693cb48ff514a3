"""File names that are not UTF-8 (issue #10, item 5): read, shown with U+FFFD, and the run goes on.

On Linux a file name is bytes; ``bad\\xff.txt`` cannot be decoded, so Python hands it around as
``bad\\udcff.txt`` (a lone surrogate), which no UTF-8 output can hold: JSON, HTML, Markdown and the case
database all failed on it with UnicodeEncodeError. The files here are real news texts under such names, made
with bytes paths in the test's folder.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsift.cli import app
from claimsift.safe_text import display_path

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
KURSK = DATA / "dod_singh_kursk_11000.txt"
BAD_NAME = b"bad\xff.txt"
SHOWN = "bad\ufffd.txt"
H1 = "North Korean troops are deployed in Russia to fight against Ukraine"
runner = CliRunner()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder holding a real article under a name that is not UTF-8, and another under a good name."""
    root = tmp_path / "reports"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), BAD_NAME), "wb") as f:
        f.write(KURSK.read_bytes())
    (root / "good.txt").write_bytes((DATA / "relay" / sorted(os.listdir(DATA / "relay"))[0]).read_bytes())
    return root


def bad_path(folder: Path) -> str:
    """The bad file's path as Python's argv holds it (surrogate-escaped)."""
    return os.fsdecode(os.path.join(os.fsencode(folder), BAD_NAME))


@pytest.mark.parametrize("source", ["folder", "file"])
def test_file_names_analyze_json(folder: Path, source: str) -> None:
    target = str(folder) if source == "folder" else bad_path(folder)
    result = runner.invoke(app, ["analyze", target, "-H", H1, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    (bad,) = [d for d in data["documents"] if d["path"].endswith(SHOWN)]
    assert bad["id"] == "bad\ufffd"
    assert [c for c in data["claims"] if c["doc"] == bad["id"]]  # processed, not only listed
    if source == "folder":
        assert len(data["documents"]) == 2


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_file_names_analyze_html_and_markdown(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["analyze", str(folder), "-H", H1, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "bad\ufffd" in text and "\udcff" not in text


def test_file_names_analyze_in_a_real_process(folder: Path) -> None:
    """argv holds the raw bytes, as a shell passes them."""
    command = [sys.executable.encode(), b"-m", b"claimsift", b"analyze", os.fsencode(bad_path(folder))]
    done = subprocess.run(command, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert data["documents"][0]["path"].endswith(SHOWN) and data["claims"]


def test_file_names_a_missing_bad_name_is_one_line(tmp_path: Path) -> None:
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"gone\xfe.txt"))
    result = runner.invoke(app, ["analyze", missing])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"claimsift: error: {tmp_path}/gone\ufffd.txt: no such file or folder"]


def test_file_names_case_add(folder: Path, tmp_path: Path) -> None:
    case = tmp_path / "nk.db"
    assert runner.invoke(app, ["case", "init", str(case)]).exit_code == 0
    added = runner.invoke(app, ["case", "add", str(case), str(folder)])
    assert added.exit_code == 0, added.output
    assert added.stderr.splitlines()[-1] == "added 2 documents"
    with closing(sqlite3.connect(f"file:{case}?mode=ro", uri=True)) as db:
        rows = dict(db.execute("SELECT id, path FROM documents").fetchall())
    assert rows["bad\ufffd"].endswith(SHOWN)
    shown = runner.invoke(app, ["case", "show", str(case)])
    assert shown.exit_code == 0 and SHOWN in shown.stdout
    again = runner.invoke(app, ["case", "add", str(case), bad_path(folder)])
    assert again.exit_code == 0 and f"{SHOWN}: already in the case" in again.stderr


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("bad\udcff.txt", "bad\ufffd.txt"),
        ("ok/é.txt", "ok/é.txt"),
        ("two\udcc3\udca9.txt", "twoé.txt"),  # escaped bytes that are UTF-8 together are shown as the letter
        ("lone\ud800.txt", "lone\ufffd\ufffd\ufffd.txt"),
    ],
)
def test_file_names_display_path(path: str, shown: str) -> None:
    assert display_path(path) == shown
    display_path(path).encode("utf-8")


def test_file_names_a_case_file_under_a_bad_name(tmp_path: Path) -> None:
    """The case itself may have such a name: it is written, read read-only (a ``file:`` URI) and shown."""
    case = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"case\xff.db"))
    assert runner.invoke(app, ["case", "init", case]).exit_code == 0
    assert runner.invoke(app, ["case", "hypothesis", case, H1]).exit_code == 0
    shown = runner.invoke(app, ["case", "show", case])
    assert shown.exit_code == 0, shown.output
    assert "case\ufffd.db" in shown.stdout and H1 in shown.stdout
    # nothing under another name (SQLite's -wal and -shm index files beside a WAL case are its own)
    assert {name.split(b"-")[0] for name in os.listdir(os.fsencode(tmp_path))} == {b"case\xff.db"}
