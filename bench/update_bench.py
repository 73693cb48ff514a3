"""Adding one document to a large case, its evidence brought up to date from that document alone (issue 12).

For cases of ``--small`` and ``--large`` stored documents (the real documents of tests/data parsed once and
stored again under distinct ids, as in ``cluster_bench.py``), with the evidence brought up to date once:

1. ``claimsift case add CASE DOC`` of one new document (~1,000 words of real sentences, ``case_bench.py``),
   timed on the command line as a user runs it (a fresh process: pipeline load and parsing included), best
   of ``--runs``, each run a different document: the evidence is updated from the new document alone
   (``case_update.update``);
2. the same without the evidence (``--defer-evidence``): parsing and storing only;
3. in process, bringing the evidence up to date once more documents are in, from them alone; then ``--each``
   documents one at a time, each parsed and stored and its evidence step timed (saying when the update gave
   way to the whole assessment); last, the whole assessment of the same case (what ``case add`` ran before,
   and still runs when the update gives way).

Run from the repository root:

    .venv/bin/python bench/update_bench.py [--small 1000] [--large 10000] [--runs 2]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_bench import write_documents  # noqa: E402
from cluster_bench import CLAIMSIFT, load, parsed_facts, synthetic_case, timed  # noqa: E402


def _evidence_seconds(case: str, whole: bool) -> tuple[float, int | None]:
    """Seconds to bring the evidence up to date, from the new documents (or by a whole assessment)."""
    import sqlalchemy as sa

    from claimsift import case_evidence
    from claimsift.store import Store, schema

    with Store.open(case) as store:
        if whole:  # as if nothing had been kept: the whole assessment
            with store.transaction() as conn:
                conn.execute(sa.delete(schema.evidence_state))
        start = time.perf_counter()
        rewritten = case_evidence.refresh(store)
        return time.perf_counter() - start, rewritten


def _update_each(case: str, docs: list[Path]) -> list[str]:
    """In process, document after document: parse and store one, then time bringing the evidence up to date
    (from it alone, or the whole assessment when the update gives way)."""
    from claimsift import case_evidence, case_update
    from claimsift.case import add_paths
    from claimsift.store import Store

    out = []
    for p in docs:
        add_paths(case, [str(p)], evidence=False)
        with Store.open(case) as store:
            start = time.perf_counter()
            rewritten = case_update.update(store, case_evidence._version())
            if rewritten is None:
                case_evidence.refresh(store)
            seconds = time.perf_counter() - start
        out.append(f"{seconds:.2f} s" + (f" ({rewritten} groups)" if rewritten is not None else " (gave way: whole)"))
    return out


def bench_size(work: Path, base: list, n: int, runs: int, each: int) -> None:
    case = synthetic_case(work / f"case{n}.db", base, n)
    seconds, _ = _evidence_seconds(case, whole=True)
    print(f"\n{n} documents: evidence brought up to date by a whole assessment in {seconds:.1f} s ({load()})")
    docs = write_documents(work / f"new{n}", 2 * runs + each, 1000, seed=70 + n % 11)
    adds = [timed([*CLAIMSIFT, "case", "add", case, str(p)]) for p in docs[:runs]]
    print(f"   case add of 1 document, evidence updated from it: {', '.join(f'{s:.2f}' for s in adds)} s ({load()})")
    deferred = [timed([*CLAIMSIFT, "case", "add", case, str(p), "--defer-evidence"]) for p in docs[runs : 2 * runs]]
    print(f"   case add of 1 document, --defer-evidence: {', '.join(f'{s:.2f}' for s in deferred)} s ({load()})")
    update, rewritten = _evidence_seconds(case, whole=False)
    print(f"   then the evidence of those {runs} documents, from them alone: {update:.2f} s ({rewritten} groups)")
    print(f"   one more document at a time, the evidence step alone: {'; '.join(_update_each(case, docs[2 * runs :]))}")
    whole, _ = _evidence_seconds(case, whole=True)
    print(f"   the same case's evidence by a whole assessment: {whole:.1f} s ({load()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--each", type=int, default=5, help="documents added one at a time, timed in process")
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}, {load()}"
    )
    base = parsed_facts()
    with tempfile.TemporaryDirectory(prefix="claimsift-update-bench-") as tmp:
        for n in (args.small, args.large):
            bench_size(Path(tmp), base, n, args.runs, args.each)


if __name__ == "__main__":
    main()
