"""Worker processes of ``case add --jobs``: they go when the command is killed, and never outnumber the cores.

The kill test starts ``claimsift case add --jobs 2`` in a real subprocess with a marker in its environment, which
every process it starts inherits (the forkserver, the workers, multiprocessing's resource tracker). Once the
workers are parsing it SIGKILLs the command alone, as ``kill -9`` does, and then scans ``/proc`` for live
processes carrying the marker: none may be left after a bounded wait.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

import casekit
from claimsift.batch import available_cores
from claimsift.case import init_case
from claimsift.cli import app

MARK = "CLAIMSIFT_TEST_WORKER_MARK"
SURVIVOR_WAIT = 20.0
"""Seconds the processes of a killed command may take to notice and exit."""

proc_only = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")


def _alive_marked(token: str) -> list[int]:
    """Live (not zombie) processes whose environment holds ``MARK=token``."""
    needle = f"{MARK}={token}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text(errors="replace").rsplit(")", 1)[-1].split()[0]
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if state != "Z":
            found.append(int(entry.name))
    return found


def _wait(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


def _kill_case_add_midway(tmp_path: Path, parallel: list[str], processes: int, start_wait: float) -> None:
    """Start ``case add`` of 60 documents with ``parallel`` options, SIGKILL it once ``processes`` of its marked
    processes are alive and two documents are stored, and check that none of its processes outlives it."""
    casekit.write_folder(tmp_path / "docs", 60)
    case = str(tmp_path / "nk.db")
    init_case(case)
    token = uuid.uuid4().hex
    command = [sys.executable, "-m", "claimsift", "case", "add", case, str(tmp_path / "docs"), *parallel]
    command += ["--batch-size", "1"]
    env = {**os.environ, MARK: token}
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        started = _wait(
            lambda: len(_alive_marked(token)) >= processes and casekit.stored_documents(case) >= 2, start_wait
        )
        assert started and child.poll() is None, (
            f"case add {' '.join(parallel)} did not get to work, or finished too soon"
        )
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        assert _wait(lambda: not _alive_marked(token), SURVIVOR_WAIT), (
            f"processes of the killed command still alive after {SURVIVOR_WAIT:.0f} s: {_alive_marked(token)}"
        )
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pid in _alive_marked(token):  # never leave a failed run's processes behind
            os.kill(pid, signal.SIGKILL)


@pytest.mark.model
@proc_only
def test_batch_workers_exit_when_case_add_is_killed(tmp_path: Path) -> None:
    # the command, its forkserver and two workers at least
    _kill_case_add_midway(tmp_path, ["--jobs", "2"], processes=4, start_wait=120)


@pytest.mark.model
def test_batch_workers_more_jobs_than_cores_are_capped_with_a_note(tmp_path: Path) -> None:
    case = str(tmp_path / "nk.db")
    init_case(case)
    too_many = available_cores() + 3
    result = CliRunner().invoke(app, ["case", "add", case, str(casekit.VOA_BATTLES), "--jobs", str(too_many)])
    assert result.exit_code == 0, result.output
    cores = available_cores()
    note = f"claimsift: note: --jobs {too_many} is more than the {cores} cores available; using {cores}"
    assert note in result.stderr.splitlines()
    assert casekit.stored_documents(case) == 1


@pytest.mark.model
def test_batch_workers_jobs_within_the_cores_get_no_note(tmp_path: Path) -> None:
    case = str(tmp_path / "nk.db")
    init_case(case)
    result = CliRunner().invoke(app, ["case", "add", case, str(casekit.VOA_BATTLES), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "note:" not in result.stderr


@pytest.mark.slow
@pytest.mark.model
@proc_only
def test_batch_workers_of_a_local_cluster_exit_when_case_add_is_killed(tmp_path: Path) -> None:
    # the command (scheduler and nannies run in it) and two workers forked from it
    _kill_case_add_midway(tmp_path, ["--cluster", "local:2"], processes=3, start_wait=180)
