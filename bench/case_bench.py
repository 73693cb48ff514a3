"""Cases at scale, measured in one run (issue 4): incremental add, worker processes, peak memory.

Documents are real text recombined: sentences of the open news reports in tests/data and the dev transcript in
../shared/eval/dev, drawn with a fixed seed into documents of about ``--words`` words, so every document's hash
differs and the language is what claimsift meets in use. Every figure is timed on the command line as a user runs it
(``claimsift case add``, ``claimsift analyze``: a fresh process each, pipeline load included) and printed
with its ratio:

1. peak RSS of ``case add`` (``--jobs 1``) while it adds ``--docs`` documents to a new case (and the time);
2. adding one new document to that case of ``--docs`` documents, against ``claimsift analyze`` of the same
   document alone (best of ``--runs``);
3. ``case add --jobs 2`` against ``--jobs 1`` on a folder of ``--folder-docs`` documents, each into a new case.

Pipeline throughput against bare spaCy parsing is ``bench/speed.py``. Run from the repository root:

    .venv/bin/python bench/case_bench.py [--docs 1000] [--words 1000] [--folder-docs 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SOURCES = (
    DATA / "voa_austin_nk_soldiers_in_russia.txt",
    DATA / "voa_ukraine_drones_nk_battles.txt",
    DATA / "relay" / "un_noon_briefing_2022_11_04.txt",
    DATA / "relay" / "un_sgsm21570_dprk_icbm.txt",
    ROOT.parent / "shared" / "eval" / "dev" / "nk_troops_transcript.txt",  # the dev set beside the checkout
)
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
CLAIMSIFT = [sys.executable, "-m", "claimsift"]
HYPOTHESIS = "North Korean troops are deployed in Russia to fight against Ukraine"


def sentences() -> list[str]:
    """The sentences of the real texts in tests/data and the dev transcript (its caption lines joined first)."""
    out: list[str] = []
    for path in SOURCES:
        text = " ".join(path.read_text(encoding="utf-8").split())
        out += [s for s in SENTENCE_END.split(text) if len(s.split()) >= 4]
    return out


def write_documents(folder: Path, n: int, words: int, seed: int) -> list[Path]:
    """``n`` distinct documents of about ``words`` words, sentences drawn with replacement, in paragraphs."""
    pool = sentences()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        picked: list[str] = []
        while sum(len(s.split()) for s in picked) < words:
            picked.append(rng.choice(pool))
        text = "\n\n".join(" ".join(picked[j : j + 4]) for j in range(0, len(picked), 4)) + "\n"
        path = folder / f"doc{seed:02d}_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measured(args: list[str]) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (MiB, the largest process) of a command run in a fresh wrapper."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
    seconds, rss_kib, code = out.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(args)}")
    return float(seconds), int(rss_kib) // 1024


def case_add(case: Path, target: Path, jobs: int = 1) -> tuple[float, int]:
    subprocess.run([*CLAIMSIFT, "case", "init", str(case)], check=True, capture_output=True)
    return measured([*CLAIMSIFT, "case", "add", str(case), str(target), "--jobs", str(jobs)])


def bench_memory(work: Path, docs: int, words: int) -> Path:
    folder = work / "case_docs"
    write_documents(folder, docs, words, seed=1)
    case = work / "big.db"
    seconds, rss = case_add(case, folder)
    print(
        f"peak RSS adding {docs} documents of ~{words} words (--jobs 1): {rss} MiB; took {seconds:.1f} s "
        f"({docs / seconds:.1f} documents/s)"
    )
    return case


def bench_one_more(work: Path, case: Path, docs: int, words: int, runs: int) -> None:
    extra = write_documents(work / "extra", runs, words, seed=2)
    subprocess.run([*CLAIMSIFT, "case", "hypothesis", str(case), HYPOTHESIS], check=True, capture_output=True)
    add = min(measured([*CLAIMSIFT, "case", "add", str(case), str(p)])[0] for p in extra)
    alone = min(measured([*CLAIMSIFT, "analyze", str(p), "-H", HYPOTHESIS])[0] for p in extra)
    assess = min(measured([*CLAIMSIFT, "case", "assess", str(case)])[0] for _ in range(runs))
    print(
        f"add 1 document to a case of {docs}: {add:.2f} s; analyze it alone: {alone:.2f} s; "
        f"ratio {add / alone:.2f}x (target <= 3x)"
    )
    print(f"case assess over {docs + runs} stored documents (no parsing): {assess:.2f} s")


def bench_jobs(work: Path, n: int, words: int) -> None:
    folder = work / "folder"
    write_documents(folder, n, words, seed=3)
    one, _ = case_add(work / "jobs1.db", folder, jobs=1)
    two, _ = case_add(work / "jobs2.db", folder, jobs=2)
    print(
        f"case add of {n} documents: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s; speed-up {one / two:.2f}x "
        f"(target >= 1.6x on two cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="documents in the case (memory, add-one)")
    parser.add_argument("--words", type=int, default=1000, help="words per document")
    parser.add_argument("--folder-docs", type=int, default=100, help="documents in the --jobs comparison")
    parser.add_argument("--runs", type=int, default=3, help="repeats of the add-one timing (best counts)")
    parser.add_argument("--skip-jobs", action="store_true", help="skip the --jobs comparison")
    args = parser.parse_args()
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    with tempfile.TemporaryDirectory(prefix="claimsift-bench-") as tmp:
        work = Path(tmp)
        case = bench_memory(work, args.docs, args.words)
        bench_one_more(work, case, args.docs, args.words, args.runs)
        if not args.skip_jobs:
            bench_jobs(work, args.folder_docs, args.words)


if __name__ == "__main__":
    main()
