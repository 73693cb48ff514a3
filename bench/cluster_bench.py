"""Past one machine (issue 12), measured: the Dask cluster path, assessment from groups, PostgreSQL writes.

Every timing is of the command line as a user runs it (a fresh ``claimsift`` process each, pipeline load and
cluster start included), except the PostgreSQL writes, timed in-process around ``Store.add``. Load average
is printed before each timing: other work on the machine slows the parallel runs first.

1. ``case add --defer-evidence`` (parsing and storing; the evidence groups are then brought up to date once,
   timed apart) of ``--docs`` documents (~``--words`` words each, real sentences of tests/data recombined, as
   in ``case_bench.py``) with ``--jobs 1``, ``--cluster local:2`` and ``--jobs 2``, each into a new case,
   ``--runs`` times; the speed-up, and the per-document overhead of the cluster path: ``--cluster local:1`` against
   ``--jobs 1`` (one parsing process each), less the cluster's fixed start-up (a run that adds nothing);
2. ``case assess --verdicts`` (from stored groups) and the whole ``case assess`` on cases of ``--small`` and
   ``--large`` stored documents: real texts of tests/data parsed once, stored again under distinct ids with a
   distinct last line (the facts are the real ones; only the text's hash differs);
3. PostgreSQL (``--pg URL``, or ``$CLAIMSIFT_TEST_PG``): documents stored a second (one transaction each, as
   ``case add`` writes them) by one writer and by four writers at once.

Run from the repository root (parts can be skipped):

    .venv/bin/python bench/cluster_bench.py [--docs 200] [--words 1000] [--runs 2] [--small 1000] [--large 10000]
        [--skip-cluster] [--skip-assess] [--skip-pg] [--whole-large]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_bench import write_documents  # noqa: E402  (the benchmarks share their document maker)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CLAIMSIFT = [sys.executable, "-m", "claimsift"]
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "North Korea launched an intercontinental ballistic missile",
)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def timed(args: list[str]) -> float:
    """Wall-clock seconds of a command (its output discarded); exits on failure."""
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr[-2000:]}")
    return seconds


def new_case(path: Path) -> str:
    subprocess.run([*CLAIMSIFT, "case", "init", str(path)], check=True, capture_output=True)
    return str(path)


def add(case: str, folder: Path, *options: str) -> float:
    return timed([*CLAIMSIFT, "case", "add", case, str(folder), *options])


def bench_cluster(work: Path, docs: int, words: int, runs: int) -> None:
    folder = work / "docs"
    write_documents(folder, docs, words, seed=12)
    total_words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    print(f"\n1. case add of {docs} documents ({total_words} words), each run into a new case")
    pairs = []
    for run in range(runs):
        row = {}
        for name, options in (
            ("--jobs 1", ["--jobs", "1"]),
            ("--cluster local:2", ["--cluster", "local:2"]),
            ("--jobs 2", ["--jobs", "2"]),  # the same two cores without Dask: what the machine allows now
        ):
            before = load()
            case = new_case(work / f"c{run}_{name[2:].replace(' ', '_')}.db")
            row[name] = add(case, folder, *options, "--defer-evidence")  # parsing and storing only
            print(f"   run {run + 1}: {name:<18} {row[name]:6.1f} s  {docs / row[name]:5.2f} docs/s  ({before})")
        pairs.append(row)
        print(
            f"   run {run + 1}: speed-up --cluster local:2 {row['--jobs 1'] / row['--cluster local:2']:.2f}x, "
            f"--jobs 2 {row['--jobs 1'] / row['--jobs 2']:.2f}x"
        )
    best_one = min(r["--jobs 1"] for r in pairs)
    best_two = min(r["--cluster local:2"] for r in pairs)
    print(f"   best: --jobs 1 {best_one:.1f} s, --cluster local:2 {best_two:.1f} s: {best_one / best_two:.2f}x")
    print(f"   per core: {total_words / best_one:,.0f} words/s, {docs / best_one:.2f} documents/s (--jobs 1)")
    start = time.perf_counter()
    subprocess.run([*CLAIMSIFT, "case", "assess", case, "--verdicts"], check=True, capture_output=True)
    print(f"   then bringing the evidence of those {docs} documents up to date: {time.perf_counter() - start:.1f} s")
    bench_overhead(work, docs * 2)


def bench_overhead(work: Path, docs: int) -> None:
    """Per-document cost of the cluster path on one-sentence documents (their parse costs next to nothing):
    ``--cluster local:1`` against ``--jobs 1``, each less its own run that adds nothing (start-up, reading)."""
    folder = work / "tiny"
    folder.mkdir()
    for i in range(docs):
        (folder / f"t{i:05d}.txt").write_text(f"Officials said {i} troops arrived on day {i}.\n", encoding="utf-8")
    before = load()
    costs = {}
    for name, options in (("--jobs 1", ["--jobs", "1"]), ("--cluster local:1", ["--cluster", "local:1"])):
        case = new_case(work / f"tiny_{name[2:].replace(' ', '_')}.db")
        full = add(case, folder, *options, "--defer-evidence")
        idle = add(case, folder, *options, "--defer-evidence")  # everything is stored: start, read, skip, stop
        costs[name] = (full, idle)
    (j_full, j_idle), (c_full, c_idle) = costs["--jobs 1"], costs["--cluster local:1"]
    per_doc = ((c_full - c_idle) - (j_full - j_idle)) / docs
    print(
        f"   overhead, {docs} one-sentence documents: --jobs 1 {j_full:.1f} s (idle run {j_idle:.1f} s), "
        f"--cluster local:1 {c_full:.1f} s (idle run {c_idle:.1f} s, the cluster's start-up): "
        f"{per_doc * 1000:+.1f} ms a document ({before})"
    )


def parsed_facts() -> list:
    from claimsift.ingest import read_documents
    from claimsift.nlp.process import process

    return list(process(read_documents([str(p) for p in sorted(DATA.glob("*.txt"))])))


def synthetic_case(path: Path, base: list, n: int) -> str:
    """A case of ``n`` documents: the real parsed documents again and again, under distinct ids."""
    from claimsift.store import Store
    from claimsift.store.rows import renamed

    with Store.open(str(path), create=True) as store:
        for h in HYPOTHESES:
            store.add_hypothesis(h)
        for i in range(n):
            f = base[i % len(base)]
            f = renamed(f, f"{f.document.id}-{i:05d}")
            document = dataclasses.replace(f.document, text=f.document.text + f"\n[copy {i}]\n")
            store.add(dataclasses.replace(f, document=document), extractor="bench")
    return str(path)


def bench_assess(work: Path, sizes: tuple[int, int], runs: int, whole_large: bool) -> None:
    from claimsift.case_evidence import refresh
    from claimsift.store import Store
    from claimsift.store.evidence import load_groups

    print("\n2. case assess on stored documents (real facts repeated under distinct ids)")
    base = parsed_facts()
    results = {}
    for n in sizes:
        case = synthetic_case(work / f"assess{n}.db", base, n)
        start = time.perf_counter()
        with Store.open(case) as store:
            refresh(store)
        built = time.perf_counter() - start
        before = load()
        fast = min(timed([*CLAIMSIFT, "case", "assess", case, "--verdicts"]) for _ in range(runs))
        with Store.open(case) as store:
            claims = sum(len(f.claims) for f in store.facts())
            with store.reading() as conn:
                groups = len(load_groups(conn))
        line = (
            f"   {n:>6} documents ({claims:,} claims, {groups:,} groups): --verdicts {fast:5.2f} s; "
            f"evidence brought up to date in {built:.1f} s"
        )
        whole = None
        if n == sizes[0] or whole_large:
            whole = timed([*CLAIMSIFT, "case", "assess", case])
            line += f"; whole case assess {whole:.1f} s"
        results[n] = (fast, whole)
        print(line + f"  ({before})")
        extra = work / f"one_more{n}"
        write_documents(extra, 1, 1000, seed=40 + n % 7)
        one_more = add(case, extra)
        print(f"          adding 1 document to it (evidence brought up to date): {one_more:.1f} s")
    small, large = sizes
    print(
        f"   --verdicts {large} / {small}: {results[large][0] / results[small][0]:.2f}x "
        f"for {large / small:.0f}x the documents (target < 3x)"
    )


def write_copies(job: tuple[str, list, int, int, int]) -> None:
    """Store ``count`` copies of the parsed documents under distinct ids, one transaction each (a writer)."""
    from claimsift.store import Store
    from claimsift.store.rows import renamed

    case, base, writers, k, count = job
    with Store.open(case) as store:
        for i in range(count):
            f = renamed(base[i % len(base)], f"w{writers}-{k}-{i:05d}-{base[i % len(base)].document.id}")
            text = f.document.text + f"\n[writer {writers}-{k} copy {i}]\n"
            store.add(dataclasses.replace(f, document=dataclasses.replace(f.document, text=text)), extractor="bench")


def bench_pg(url: str, docs: int) -> None:
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    from claimsift.store import Store

    print("\n3. PostgreSQL writes (one transaction a document, as case add writes)")
    base = parsed_facts()
    words = sum(len(f.document.text.split()) for f in base) / len(base)
    claims = sum(len(f.claims) for f in base) / len(base)
    name = f"claimsift_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    case = make_url(url).set(database=name).render_as_string(hide_password=False)
    try:
        with Store.open(case, create=True):
            pass
        for writers in (1, 4):
            before = load()
            start = time.perf_counter()
            with ProcessPoolExecutor(writers) as pool:  # processes: one client each, as separate case adds are
                list(pool.map(write_copies, [(case, base, writers, k, docs // writers) for k in range(writers)]))
            seconds = time.perf_counter() - start
            rate = (docs // writers) * writers / seconds
            print(
                f"   {writers} writer{'s' if writers > 1 else ''}: {rate:.0f} documents/s, "
                f"{rate * claims:,.0f} claims/s "
                f"(~{words:.0f} words, ~{claims:.0f} claims a document; {before})"
            )
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--pg", default=os.environ.get("CLAIMSIFT_TEST_PG"))
    parser.add_argument("--pg-docs", type=int, default=400)
    parser.add_argument("--skip-cluster", action="store_true")
    parser.add_argument("--skip-assess", action="store_true")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--whole-large", action="store_true", help="also time the whole case assess on --large")
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}, {load()}"
    )
    with tempfile.TemporaryDirectory(prefix="claimsift-cluster-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_cluster:
            bench_cluster(work, args.docs, args.words, args.runs)
        if not args.skip_assess:
            bench_assess(work, (args.small, args.large), args.runs, args.whole_large)
        if not args.skip_pg:
            if args.pg:
                bench_pg(args.pg, args.pg_docs)
            else:
                print("\n3. skipped: no PostgreSQL (--pg URL or CLAIMSIFT_TEST_PG)")


if __name__ == "__main__":
    main()
