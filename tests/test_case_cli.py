"""``claimsift case ...`` on the command line: the workflow, one-line errors, help examples, and a hard kill.

The kill test starts ``claimsift case add`` on a folder in a real subprocess, SIGKILLs it mid-run, and then
finds the case readable, ``case check`` clean, and only whole documents stored; adding the folder again
stores exactly the documents the killed run had not.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import casekit
from claimsift.case import add_paths, check_case, init_case
from claimsift.case_cli import case_app
from claimsift.cli import app
from claimsift.store import Store

pytestmark = pytest.mark.model
runner = CliRunner()
COMMANDS = sorted(c.name or "" for c in case_app.registered_commands)


def case_cmd(*args: str, input: str | None = None) -> Result:
    return runner.invoke(app, ["case", *args], input=input)


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimsift: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_case_cli_has_every_command() -> None:
    assert COMMANDS == ["add", "assess", "check", "hypothesis", "init", "reliability", "show", "timeline"]


@pytest.mark.parametrize("command", COMMANDS)
def test_case_cli_help_has_an_example(command: str) -> None:
    result = case_cmd(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"claimsift case {command}" in result.stdout


def test_case_cli_workflow(tmp_path: Path) -> None:
    case = str(tmp_path / "nk.db")
    assert case_cmd("init", case).stderr.startswith("created")
    added = case_cmd("add", case, str(casekit.VOA_AUSTIN), str(casekit.RELAY))
    assert added.exit_code == 0 and "added 3 documents" in added.stderr
    again = case_cmd("add", case, str(casekit.RELAY))
    assert f"skipped {sorted(casekit.RELAY.glob('*.txt'))[0]}: already in the case" in again.stderr
    assert again.stderr.splitlines()[-1] == "added 0 documents, skipped 2 already in the case"
    assert case_cmd("hypothesis", case, casekit.DEPLOYED, "--prior", "0.4").stderr.startswith("H1: ")
    assert case_cmd("reliability", case, "Kremlin", "e").stderr.strip() == "Kremlin: E"
    shown = case_cmd("show", case)
    assert (
        shown.exit_code == 0 and "voa_austin_nk_soldiers_in_russia" in shown.stdout and "Lloyd Austin" in shown.stdout
    )
    header = next(line for line in shown.stdout.splitlines() if line.startswith("id\t"))
    assert header.split("\t") == ["id", "published", "outlet", "claims", "H1", "path"]
    rows = [
        line.split("\t") for line in shown.stdout.splitlines() if line.startswith("voa_austin_nk_soldiers_in_russia\t")
    ]
    assert rows and rows[0][4] in ("agrees", "disagrees", "discusses")  # the document's stance on H1
    data = json.loads(case_cmd("assess", case).stdout)
    assert data["schema"] == "claimsift/1" and data["hypotheses"][0]["history"]
    assert {"date", "probability", "wep", "moved_by"} <= set(data["hypotheses"][0]["history"][0])
    report = tmp_path / "report.md"
    assert case_cmd("assess", case, "--format", "markdown", "-o", str(report)).exit_code == 0
    assert "## Belief over time" in report.read_text(encoding="utf-8")
    lines = case_cmd("timeline", case).stdout.splitlines()
    assert lines[1].split("\t") == ["event", "stated (published)", "source", "stance", "claim", "text"]
    checked = case_cmd("check", case)
    assert checked.exit_code == 0 and checked.stderr.startswith("ok:")


def test_case_cli_bad_file_is_reported_and_the_rest_added(tmp_path: Path) -> None:
    case = str(tmp_path / "nk.db")
    init_case(case)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = case_cmd("add", case, str(empty), str(casekit.VOA_BATTLES))
    assert result.exit_code == 1
    assert f"claimsift: warning: {empty}: empty file" in result.stderr
    assert result.stderr.splitlines()[-1] == "added 1 document, 1 failed"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("add", "{missing}", str(casekit.VOA_AUSTIN)), ("no such case", "claimsift case init")),
        (("show", "{missing}"), ("no such case",)),
        (("hypothesis", "{case}", "x", "--prior", "2"), ("prior must be strictly between 0 and 1",)),
        (("reliability", "{case}", "Kremlin", "Q"), ("one of A, B, C, D, E, F",)),
        (("assess", "{notdb}"), ("not a claimsift case",)),
        (("add", "{case}", str(casekit.VOA_AUSTIN), "--published", "yesterday"), ("YYYY-MM-DD",)),
        (("init", "mysql://localhost/case"), ("unsupported case location",)),
    ],
)
def test_case_cli_errors_are_one_line(tmp_path: Path, args: tuple[str, ...], fragments: tuple[str, ...]) -> None:
    case = str(tmp_path / "nk.db")
    init_case(case)
    notdb = tmp_path / "notes.db"
    notdb.write_bytes(casekit.VOA_AUSTIN.read_bytes())
    where = {"case": case, "missing": str(tmp_path / "missing.db"), "notdb": str(notdb)}
    assert_one_line_error(case_cmd(*(a.format(**where) for a in args)), *fragments)


def test_case_cli_check_reports_problems(tmp_path: Path) -> None:
    case = str(tmp_path / "nk.db")
    init_case(case)
    add_paths(case, [str(casekit.VOA_BATTLES)])
    with closing(sqlite3.connect(case)) as db, db:
        db.execute("UPDATE documents SET text = text || ' (edited)'")
    result = case_cmd("check", case)
    assert result.exit_code == 1
    problem = "document voa_ukraine_drones_nk_battles: stored hash does not match its text"
    assert result.stderr.strip() == f"claimsift: problem: {problem}"


def test_case_cli_add_killed_mid_run_leaves_only_whole_documents(tmp_path: Path) -> None:
    files = casekit.write_folder(tmp_path / "docs", 40)
    case = str(tmp_path / "nk.db")
    init_case(case)
    command = [sys.executable, "-m", "claimsift", "case", "add", case, str(tmp_path / "docs"), "--batch-size", "2"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while casekit.stored_documents(case) < 3 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL, "case add ended before it could be killed mid-run"
    assert check_case(case) == []
    texts = {p.read_text(encoding="utf-8") for p in files}
    with Store.open(case) as store:
        stored = list(store.facts())
    assert 3 <= len(stored) < len(files)
    assert all(f.document.text in texts for f in stored)
    report = add_paths(case, [str(tmp_path / "docs")])
    assert (len(report.skipped), len(report.added)) == (len(stored), len(files) - len(stored))
    assert check_case(case) == []


def test_case_cli_two_processes_adding_to_one_case_lose_nothing(tmp_path: Path) -> None:
    """Issue 6: concurrent `case add` on one SQLite case (WAL, busy timeout) stores every document once."""
    first = casekit.write_folder(tmp_path / "a", 8)
    second = casekit.write_folder(tmp_path / "b", 8)
    case = str(tmp_path / "nk.db")
    init_case(case)
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "claimsift", "case", "add", case, str(folder), "--batch-size", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for folder in (tmp_path / "a", tmp_path / "b")
    ]
    for child in children:
        _, errors = child.communicate(timeout=300)
        assert child.returncode == 0, errors.decode()
    assert check_case(case) == []
    texts = {p.read_text(encoding="utf-8") for p in [*first, *second]}
    with Store.open(case) as store:
        stored = [f.document.text for f in store.facts()]
    assert sorted(stored) == sorted(texts)


def test_case_cli_show_drops_terminal_controls_from_names(tmp_path: Path) -> None:
    """A source named with a terminal title sequence and a bidi override (the VOA story's first sentence with
    its source so renamed) and a hypothesis holding an ESC: `case show` prints neither control."""
    text = (
        "\x1b]0;pwn\x07\u202eThe Pentagon said Tuesday a “small number” of North Korean troops have deployed to "
        "Russia’s Kursk region, where they are likely to be used in combat against Ukrainian troops."
    )
    (tmp_path / "voa.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "case.db")
    assert case_cmd("init", db).exit_code == 0
    assert case_cmd("add", db, str(tmp_path / "voa.txt")).exit_code == 0
    assert case_cmd("hypothesis", db, "North Korean troops \x1b[2J have deployed to Russia").exit_code == 0
    shown = case_cmd("show", db)
    assert shown.exit_code == 0, shown.output
    assert "Pentagon" in shown.stdout and "North Korean troops" in shown.stdout
    assert not any(ch in shown.stdout for ch in ("\x1b", "\x07", "\u202e"))
