"""Parse a stream of documents in batches, in this process or in N worker processes, past bad documents.

A case grows by thousands of documents at a time: holding them all, or all their parses, would not fit, and
one document that breaks the parser must not cost the others. So documents go to ``nlp.process`` (spaCy's
``nlp.pipe``) in batches; with ``jobs > 1`` each batch goes to a worker process (forkserver, or spawn where
there is none; never a plain fork of a parent that may hold database connections and threads), and each
worker loads the pipeline once. Only ``2 x jobs`` batches are in flight at a time, so memory is bounded by the
batch size whatever the length of the stream, and results come back in input order for the caller to store.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from claimsift.errors import ModelError, ParseTimeout
from claimsift.model import Document, DocumentFacts

IN_FLIGHT_PER_JOB = 2
PARENT_POLL_SECONDS = 0.5
"""How often a worker checks that the process that started the pool is still alive."""
WORKER_DIED = "a worker process died while parsing this batch; add the document again on its own to retry it"


@dataclass(frozen=True, slots=True)
class Parsed:
    """One document's outcome: its facts, or why it could not be parsed."""

    document: Document
    facts: DocumentFacts | None = None
    error: str | None = None


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of ``size`` documents (the last one shorter), read lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _one(document: Document, deadline: float | None = None) -> Parsed:
    from claimsift.nlp.process import process

    try:
        return Parsed(document, facts=next(iter(process([document], 1, deadline))))
    except (ModelError, ParseTimeout):
        raise
    except Exception as exc:  # a broken document is reported, never fatal to the others
        return Parsed(document, error=f"cannot be parsed ({type(exc).__name__}: {exc})")


def parse_batch(documents: list[Document], batch_size: int = 16, deadline: float | None = None) -> list[Parsed]:
    """Parse a batch in one ``nlp.pipe`` run; if any document breaks it, parse them one by one to isolate it.

    Raises:
        ParseTimeout: ``deadline`` (a ``time.monotonic()`` time) passed first.
    """
    from claimsift.nlp.process import process

    try:
        return [Parsed(f.document, facts=f) for f in process(documents, batch_size, deadline)]
    except (ModelError, ParseTimeout):
        raise
    except Exception:  # retried one by one below, where the culprit is named
        return [_one(d, deadline) for d in documents]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one), at least 1: more
    workers than that only compete for them, each holding a pipeline in memory."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _gone(pid: int) -> bool:
    """Whether process ``pid`` no longer exists (a zombie awaiting its parent counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[-1].split()[0] == "Z"
    except OSError:
        return False


def watch_parent(owner: int, parent: int) -> None:
    """Exit this worker as soon as the process that started the pool, or the worker's own parent (the
    forkserver), is gone: a pool's workers otherwise wait for work forever after a ``kill -9`` of the
    command, each holding a pipeline in memory."""
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent or _gone(owner):
            os._exit(1)  # no cleanup to wait for: the work was the dead process's


def _start_worker(owner: int) -> None:
    """Load the pipeline once per worker, and exit with ``owner`` (the process that started the pool); leave
    Ctrl-C to the owner, which stops the pool in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=watch_parent, args=(owner, os.getppid()), name="claimsift-orphan", daemon=True).start()
    from claimsift.nlp.pipeline import load_pipeline

    load_pipeline()


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes that exit with this one."""
    return ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker, initargs=(os.getpid(),))


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["claimsift.nlp.process"])
        return ctx
    return multiprocessing.get_context("spawn")


def parse_stream(
    documents: Iterable[Document], *, jobs: int = 1, batch_size: int = 16, deadline: float | None = None
) -> Iterator[Parsed]:
    """Every document's facts or error, in input order, parsed ``batch_size`` at a time by ``jobs`` processes.

    Args:
        deadline: A ``time.monotonic()`` time past which parsing stops (in this process only: ``jobs`` 1).

    Raises:
        ValueError: ``jobs`` or ``batch_size`` is below 1, or a deadline is given with ``jobs`` above 1.
        ModelError: The spaCy pipeline cannot be loaded.
        ParseTimeout: The deadline passed first.
    """
    if jobs < 1 or batch_size < 1:
        raise ValueError(f"jobs and batch size must be at least 1, got jobs={jobs}, batch_size={batch_size}")
    if deadline is not None and jobs > 1:
        raise ValueError("a parse deadline is kept in this process only: give it with jobs=1")
    batches = batched(documents, batch_size)
    if jobs == 1:
        for batch in batches:
            yield from parse_batch(batch, batch_size, deadline)
        return
    yield from _parallel(batches, jobs, batch_size)


def _parallel(batches: Iterator[list[Document]], jobs: int, batch_size: int) -> Iterator[Parsed]:
    pending: deque[tuple[list[Document], Future[list[Parsed]]]] = deque()
    pool = _pool(jobs)
    try:
        for batch in batches:
            pending.append((batch, pool.submit(parse_batch, batch, batch_size)))
            while len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                results, pool = _collect(pending, pool, jobs)
                yield from results
        while pending:
            results, pool = _collect(pending, pool, jobs)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    pending: deque[tuple[list[Document], Future[list[Parsed]]]], pool: ProcessPoolExecutor, jobs: int
) -> tuple[list[Parsed], ProcessPoolExecutor]:
    """The oldest batch's results.

    If a worker died (a crash in native code), the whole pool is broken: the oldest batch's documents are
    reported as failures (nothing of them was stored, so adding them again retries them) and a new pool
    takes over the batches still in flight.
    """
    batch, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        fresh = _pool(jobs)
        resubmitted = [(b, fresh.submit(parse_batch, b, len(b))) for b, _ in pending]
        pending.clear()
        pending.extend(resubmitted)
        return [Parsed(d, error=WORKER_DIED) for d in batch], fresh
