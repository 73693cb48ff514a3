"""Parsing on a Dask cluster (``claimsift.cluster``, ``case add --cluster``): real clusters, real processes.

The cluster tests start a real ``LocalCluster`` of two worker processes (each loads spaCy), so they are
marked ``slow``; the address checks need no cluster. The kill test SIGKILLs a worker process mid-run; the
PostgreSQL test runs two ``claimsift case add`` processes at once against one case and one scheduler.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import casekit
import claimsift.cluster as cluster_mod
from claimsift.case import AddEvent, add_hypothesis, add_paths, assess_case, init_case, render_json
from claimsift.cli import app
from claimsift.errors import ClusterError
from claimsift.store import Store


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("local:0", "local:N with N worker processes"),
        ("local:two", "local:N with N worker processes"),
        ("scheduler:8786", "a scheduler URL (tcp://host:8786) or local:N"),
    ],
)
def test_cluster_bad_address_is_one_clear_error(address: str, message: str) -> None:
    with pytest.raises(ClusterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cluster_mod.parse_address(address)


def test_cluster_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster_mod, "CONNECT_TIMEOUT_S", 1)
    case = str(tmp_path / "case.db")
    init_case(case)
    result = CliRunner().invoke(app, ["case", "add", case, str(casekit.VOA_AUSTIN), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [lines[0]] and lines[0].startswith("claimsift: error: cannot reach the Dask scheduler at tcp://")
    with Store.open(case) as store:
        assert store.count() == 0


def test_cluster_a_scheduler_without_workers_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(cluster_mod, "WORKER_WAIT_S", 1)
    with LocalCluster(n_workers=0, dashboard_address=":0", scheduler_kwargs={"dashboard": False}) as empty:
        with pytest.raises(ClusterError, match="has no workers after 1 s; start some with: dask worker tcp://"):
            with cluster_mod.connect(empty.scheduler_address):
                pass


def test_cluster_jobs_and_cluster_together_are_refused(tmp_path: Path) -> None:
    case = str(tmp_path / "case.db")
    init_case(case)
    result = CliRunner().invoke(app, ["case", "add", case, str(casekit.VOA_AUSTIN), "--cluster", "local:2", "-j", "2"])
    assert result.exit_code == 1 and "either --jobs" in result.output


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[Any]:
    """A real LocalCluster of two worker processes, shared by the slow tests of this module."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
        silence_logs=50,
    ) as cluster:
        yield cluster


def _content(case: str) -> dict[str, Any]:
    """What a case holds and concludes: its documents' facts and the whole assessment (claims, groups, verdicts)."""
    with Store.open(case) as store:
        facts = list(store.facts())
    data = json.loads(render_json(assess_case(case, record=False)))
    return {"facts": facts, "assessment": data}


@pytest.mark.slow
@pytest.mark.model
def test_cluster_builds_the_same_case_as_jobs_and_serial(tmp_path: Path) -> None:
    paths = [str(casekit.VOA_AUSTIN), str(casekit.RELAY), str(casekit.VOA_BATTLES), *map(str, casekit.US_REPORTS)]
    contents = []
    for name, options in (("serial", {}), ("jobs", {"jobs": 2}), ("cluster", {"cluster": "local:2"})):
        case = str(tmp_path / f"{name}.db")
        init_case(case)
        add_hypothesis(case, casekit.DEPLOYED)
        report = add_paths(case, paths, batch_size=1, **options)  # type: ignore[arg-type]
        assert len(report.added) == 6 and not report.failed, name
        contents.append(_content(case))
    assert contents[0] == contents[1] == contents[2]
    assert contents[0]["assessment"]["groups"] and contents[0]["assessment"]["hypotheses"][0]["drivers"]


@pytest.mark.slow
@pytest.mark.model
def test_cluster_a_worker_killed_mid_run_loses_nothing(tmp_path: Path, local_cluster: Any) -> None:
    from distributed import Client

    folder = tmp_path / "docs"
    paths = casekit.write_folder(folder, 10)
    case = str(tmp_path / "case.db")
    init_case(case)
    with Client(local_cluster.scheduler_address, set_as_default=False) as client:
        pids = list(client.run(os.getpid).values())
    assert len(pids) == 2
    killed = threading.Event()

    def on_event(event: AddEvent) -> None:
        if event.kind == "added" and not killed.is_set():
            os.kill(pids[0], signal.SIGKILL)  # mid-run: batches are queued on both workers
            killed.set()

    report = add_paths(case, [str(folder)], batch_size=1, cluster=local_cluster.scheduler_address, on_event=on_event)
    assert killed.is_set()
    done = [e.path for e in report.added] + [e.path for e in report.failed]
    assert sorted(done) == sorted(map(str, paths))  # every document stored or reported, none twice
    with Store.open(case) as store:
        assert store.count() == len(report.added)
    again = add_paths(case, [str(folder)], batch_size=1, cluster=local_cluster.scheduler_address)
    assert len(again.skipped) == len(report.added) and len(again.added) == len(report.failed)
    with Store.open(case) as store:
        assert store.count() == len(paths)


@pytest.mark.slow
@pytest.mark.model
def test_cluster_two_writers_on_postgresql_store_each_document_once(tmp_path: Path, local_cluster: Any) -> None:
    paths = casekit.write_folder(tmp_path / "docs", 8)
    for location in casekit.case_location("postgresql", tmp_path):
        init_case(location)
        halves = [paths[:6], paths[2:]]  # overlapping: two documents go to both writers
        command = [sys.executable, "-m", "claimsift", "case", "add", location]
        options = ["--cluster", local_cluster.scheduler_address, "--batch-size", "1"]
        runs = [
            subprocess.Popen([*command, *map(str, half), *options], stderr=subprocess.PIPE, text=True)
            for half in halves
        ]
        outputs = [run.communicate(timeout=600)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        with Store.open(location) as store:
            assert store.count() == len(paths)
            ids = [f.document.id for f in store.facts()]
        assert sorted(ids) == sorted(p.stem for p in paths)


@pytest.mark.slow
def test_cluster_local_workers_are_forked_from_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A local cluster's workers start from what this process has imported (no new interpreter loading Dask,
    claimsift and the model): a value set here before the cluster starts is there in the worker, where a
    spawned worker would have imported the module afresh."""
    monkeypatch.delenv("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD", raising=False)
    monkeypatch.setattr(cluster_mod, "_MARK_FOR_TEST", "set before the cluster", raising=False)
    with cluster_mod.connect("local:1") as client:
        seen = client.run(lambda: getattr(sys.modules.get("claimsift.cluster"), "_MARK_FOR_TEST", None))
    assert list(seen.values()) == ["set before the cluster"]
