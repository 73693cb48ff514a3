"""Parse on a Dask distributed cluster: many machines parse, this process writes the case.

Parsing (ingest is done here, nlp there) is the expensive, independent part of adding documents, so it is
what goes to the cluster: each batch of documents becomes one task, run by ``batch.parse_batch`` on a worker
that loads the spaCy pipeline once (``PipelinePlugin``) and returns the per-document facts the store keeps.
The results come back here in input order and the caller writes them, one transaction per document, as with
``--jobs``; so the case needs no network access from the workers, a worker lost mid-run costs nothing
(the scheduler runs its tasks again elsewhere) and a re-run skips what was stored.

``ADDRESS`` is a scheduler (``tcp://host:8786``) or ``local:N``, a ``LocalCluster`` of N worker processes
started for the run. Dask is imported only here, and only when a cluster is asked for.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from claimsift.batch import Parsed, batched, parse_batch
from claimsift.errors import ClusterError
from claimsift.model import Document

LOCAL = re.compile(r"local:(\d+)")
CONNECT_TIMEOUT_S = 10
IN_FLIGHT_PER_WORKER = 3
"""Batches queued per worker: enough to keep each busy while results travel, few enough to bound memory."""
LOST = "the cluster could not parse this batch (its workers kept dying on it); add the document again to retry it"
WORKER_WAIT_S = 60
"""How long a run waits for the scheduler's first worker before saying it has none."""
WORKER_DEATH_TIMEOUT_S = 30
"""A local worker whose scheduler (this process) is gone exits after this long instead of waiting forever."""


def parse_address(address: str) -> tuple[str, int | None]:
    """(``"local"``, N) for ``local:N``, else (the scheduler address, None).

    Raises:
        ClusterError: ``local:`` without a positive number, or an address with no scheme.
    """
    text = address.strip()
    if text.startswith("local"):
        m = LOCAL.fullmatch(text)
        if not m or int(m.group(1)) < 1:
            raise ClusterError(f"{address}: a local cluster is local:N with N worker processes, such as local:2")
        return "local", int(m.group(1))
    if "://" not in text:
        raise ClusterError(f"{address}: a cluster address is a scheduler URL (tcp://host:8786) or local:N")
    return text, None


def _pipeline_plugin(owner: int | None) -> Any:
    """A worker plugin that loads the pipeline as the worker starts (each worker once, later ones too); on a
    local cluster it also ends the worker with ``owner``, the command whose process runs the scheduler."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Load the spaCy pipeline when a worker joins, so the first batch does not pay for it."""

        name = "claimsift-pipeline"

        def __init__(self, owner: int | None) -> None:
            self.owner = owner

        def setup(self, worker: Any) -> None:
            import threading

            from claimsift.batch import watch_parent
            from claimsift.nlp.pipeline import load_pipeline

            if self.owner is not None:  # a ``kill -9`` of the command leaves no worker waiting for its scheduler
                args = (self.owner, os.getppid())
                threading.Thread(target=watch_parent, args=args, name="claimsift-orphan", daemon=True).start()
            load_pipeline()

    return PipelinePlugin(owner)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` of the cluster at ``address`` (or of a new local one), closed afterwards.

    Raises:
        ClusterError: The address is malformed, the scheduler cannot be reached or has no worker.
    """
    target, workers = parse_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise ClusterError("--cluster needs dask[distributed]: pip install 'dask[distributed]'") from exc
    logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO lines would bury our progress
    with contextlib.ExitStack() as stack:
        if workers is not None:
            stack.enter_context(_forked_workers())
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # its small HTTP server on a free port: never "port 8787 is in use"
                scheduler_kwargs={"dashboard": False},  # no dashboard pages
                silence_logs=50,  # logging.CRITICAL: Dask's own warnings would mix with our progress
                death_timeout=WORKER_DEATH_TIMEOUT_S,
            )
            stack.enter_context(cluster)
            target = cluster.scheduler_address
        try:
            client = Client(target, timeout=CONNECT_TIMEOUT_S, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({_first_line(exc)})") from exc
        stack.enter_context(client)
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError as exc:
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers after {WORKER_WAIT_S} s; "
                f"start some with: dask worker {target} --nthreads 1"
            ) from exc
        client.register_plugin(_pipeline_plugin(os.getpid() if workers is not None else None))
        yield client


@contextlib.contextmanager
def _forked_workers() -> Iterator[None]:
    """Local workers forked from this process, where the platform can fork.

    Dask spawns its worker processes by default: each starts a new interpreter that imports Dask and
    claimsift and loads the model, together seconds that a run of a few hundred documents notices on a small
    machine (200 documents on 2 cores: 1.50x faster than one process when spawned, 1.68x when forked). A fork
    starts from what this process has already imported. Dask supports forking its workers
    (``distributed.worker.multiprocessing-method``); an environment that sets that option keeps its choice.
    """
    import multiprocessing

    import dask

    chosen = "DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD" in os.environ
    if chosen or "fork" not in multiprocessing.get_all_start_methods():
        yield
        return
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
        yield


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _workers(client: Any) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def parse_on_cluster(client: Any, documents: Iterable[Document], *, batch_size: int = 16) -> Iterator[Parsed]:
    """Every document's facts or error, in input order, parsed ``batch_size`` at a time by the cluster.

    At most ``IN_FLIGHT_PER_WORKER`` batches per worker are queued, so memory here is bounded whatever the
    length of the stream. A batch whose workers died more often than the scheduler allows
    (``distributed.scheduler.allowed-failures``) comes back as failures: nothing of it was stored.
    """
    from distributed import KilledWorker

    run = uuid.uuid4().hex  # task keys unique to this run: several clients may share one scheduler
    pending: deque[tuple[list[Document], Any]] = deque()
    try:
        for i, batch in enumerate(batched(documents, batch_size)):
            future = client.submit(parse_batch, batch, batch_size, key=f"claimsift-parse-{run}-{i}")
            pending.append((batch, future))
            while len(pending) >= IN_FLIGHT_PER_WORKER * _workers(client):
                yield from _collect(pending, KilledWorker)
        while pending:
            yield from _collect(pending, KilledWorker)
    finally:
        for _, future in pending:
            future.cancel()


def _collect(pending: deque[tuple[list[Document], Any]], killed: type[BaseException]) -> list[Parsed]:
    batch, future = pending.popleft()
    try:
        result: list[Parsed] = future.result()
        return result
    except killed:
        return [Parsed(d, error=LOST) for d in batch]
    finally:
        future.release()
