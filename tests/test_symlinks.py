"""Symbolic links in a folder given to ``analyze`` or ``case add`` do not lead out of it (issue #10, item 10).

Real links in a temporary folder: to a file outside, to a folder outside, a link that loops, a link to a folder
inside that points back up (never walked, so no loop either), and a link to a file inside, which is read. Each
link not followed is one warning line naming it, and the run goes on with status 0. A symlink named on the
command line is read, a file or a folder.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import casekit
from claimsift.cli import app
from claimsift.ingest import expand

runner = CliRunner()
# Sentences of the open DOD News (2024) and VOA (2012) texts in tests/data (addresses in their .meta.json)
SECRET = "The Russians have moved their airfields out of range of ATACMS, she said."
OTHER = "U.S. military officials called it a Taepo Dong-2 missile."
OUTSIDE_LINKS = ("leak.txt", "sub/elsewhere", "loop.txt")
"""The links of ``tree`` that must not be followed: a file outside, a folder outside, a loop."""


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """docs/ with one real document, a document under a name only a link inside gives it, and hostile links."""
    outside = tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "dir" / "other.txt").write_text(OTHER, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "store").mkdir()
    (docs / "report.txt").write_text(casekit.VOA_AUSTIN.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "store" / "battles.data").write_text(casekit.VOA_BATTLES.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "battles.txt").symlink_to(Path("store") / "battles.data")  # inside: read
    (docs / "leak.txt").symlink_to(outside / "secret.txt")
    (docs / "sub" / "elsewhere").symlink_to(Path("..") / ".." / "outside" / "dir")
    (docs / "loop.txt").symlink_to("loop.txt")
    (docs / "sub" / "up").symlink_to("..")  # inside, and a loop if followed: never walked
    return docs


def test_symlinks_expand_skips_links_leading_out(tree: Path) -> None:
    skipped: list[tuple[str, str]] = []
    files = expand(tree, on_skip=lambda path, reason: skipped.append((path, reason)))
    assert [p.relative_to(tree).as_posix() for p in files] == ["battles.txt", "report.txt"]
    assert sorted(Path(path).relative_to(tree).as_posix() for path, _ in skipped) == sorted(OUTSIDE_LINKS)
    reasons = dict((Path(path).relative_to(tree).as_posix(), reason) for path, reason in skipped)
    assert reasons["loop.txt"] == "symbolic link that loops"
    assert reasons["leak.txt"].startswith("symbolic link to ") and reasons["leak.txt"].endswith(f"outside {tree}")


def test_symlinks_expand_reads_a_link_named_on_the_command_line(tree: Path, tmp_path: Path) -> None:
    assert expand(tree / "leak.txt") == [tree / "leak.txt"]
    linked = tmp_path / "linked"
    linked.symlink_to(tmp_path / "outside")
    assert [p.name for p in expand(linked)] == ["other.txt", "secret.txt"]  # the folder a link names is walked


def _warned(stderr: str, tree: Path, prefix: str) -> list[str]:
    """The links named by warning lines, relative to the folder."""
    names = []
    for line in stderr.splitlines():
        if line.startswith(prefix):
            path = line.removeprefix(prefix).split(": ", 1)[0]
            names.append(Path(path).relative_to(tree).as_posix())
    return sorted(names)


@pytest.mark.model
def test_symlinks_analyze_skips_links_leading_out_and_goes_on(tree: Path, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", str(tree)])
    assert result.exit_code == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert sorted(d["id"] for d in documents) == ["battles", "report"]
    assert SECRET not in result.stdout and "Taepo Dong-2" not in result.stdout
    assert _warned(result.stderr, tree, "claimsift: skipped ") == sorted(OUTSIDE_LINKS), result.stderr
    assert len([line for line in result.stderr.splitlines() if "symbolic link" in line]) == 3


@pytest.mark.model
def test_symlinks_analyze_reads_a_link_named_on_the_command_line(tree: Path, nlp: object) -> None:
    result = runner.invoke(app, ["analyze", str(tree / "leak.txt"), "--include-text"])
    assert result.exit_code == 0, result.stderr
    assert [d["text"] for d in json.loads(result.stdout)["documents"]] == [SECRET]


@pytest.mark.model
def test_symlinks_case_add_skips_links_leading_out_and_goes_on(tree: Path, tmp_path: Path, nlp: object) -> None:
    case = tmp_path / "case.db"
    assert runner.invoke(app, ["case", "init", str(case)]).exit_code == 0
    result = runner.invoke(app, ["case", "add", str(case), str(tree)])
    assert result.exit_code == 0, result.stderr
    assert _warned(result.stderr, tree, "claimsift: warning: skipped ") == sorted(OUTSIDE_LINKS), result.stderr
    assert result.stderr.splitlines()[-1] == "added 2 documents, ignored 3 symbolic links"
    with closing(sqlite3.connect(case)) as db:
        stored = sorted(row[0] for row in db.execute("SELECT id FROM documents"))
        texts = " ".join(row[0] for row in db.execute("SELECT text FROM documents"))
    assert stored == ["battles", "report"]
    assert SECRET not in texts and OTHER not in texts
