"""Does the whole pipeline grow linearly with its input, whatever the parse looks like?

Two inputs that once took quadratic time (issue #10, item 2), each at ``n`` and ``4n`` words:

- a **chained sentence**: one sentence of nested "of the" phrases ("Officials said the commander of the unit
  of the brigade of the ..."), whose parse is one long chain of heads;
- a **one-word line**: one line of a single word repeated, without punctuation or line breaks.

For each it times ``claimsift.analysis.analyze_documents`` (nlp, resolve, assess; one hypothesis) and prints
the seconds at ``n`` and ``4n`` words and their ratio. Linear work gives a ratio near 4; quadratic work gives
16. A ratio above 5 is reported as a failure (exit status 1).

Run it from the repository root:

    .venv/bin/python bench/linear.py [--words 4000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import sys
import time
from collections.abc import Callable, Sequence

from claimsift.analysis import analyze_documents, make_hypotheses
from claimsift.model import Document

NOUNS = ("commander", "unit", "brigade", "division", "army", "ministry", "office", "director", "agency", "council")
HYPOTHESIS = "North Korean troops are deployed in Russia"
MAX_RATIO = 5.0
"""Time at 4n words over time at n words above which the growth is not linear."""


def chained_sentence(n_words: int) -> str:
    """One sentence of about ``n_words`` words: a reported statement whose object is a chain of "of the"."""
    chain = itertools.cycle(NOUNS)
    words = ["Officials", "said", "the", next(chain)]
    while len(words) < n_words - 1:
        words += ["of", "the", next(chain)]
    return " ".join(words) + " arrived."


def one_word_line(n_words: int) -> str:
    """One line of one word repeated ``n_words`` times: no punctuation, no line break."""
    return " ".join(["troops"] * n_words)


INPUTS: dict[str, Callable[[int], str]] = {"chained sentence": chained_sentence, "one-word line": one_word_line}


def seconds(text: str) -> float:
    """Wall time of the whole pipeline on ``text`` as one document."""
    doc = Document(id="bench", path="bench.txt", text=text)
    hypotheses = make_hypotheses([HYPOTHESIS])
    t0 = time.perf_counter()
    analyze_documents([doc], hypotheses)
    return time.perf_counter() - t0


def profile(text: str, top: int = 15) -> str:
    """cProfile of one pipeline run: the ``top`` functions by cumulative time."""
    prof = cProfile.Profile()
    prof.runcall(seconds, text)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=4000, help="n, the smaller size in words (default 4000)")
    parser.add_argument("--profile", action="store_true", help="also profile the 4n run of each input")
    args = parser.parse_args(argv)
    n = args.words
    seconds(chained_sentence(200))  # load the model and warm up outside the timings
    worst = 0.0
    for name, make in INPUTS.items():
        small, large = seconds(make(n)), seconds(make(4 * n))
        ratio = large / small
        worst = max(worst, ratio)
        print(f"{name:17s} {n:>8,} words {small:7.2f} s   {4 * n:>8,} words {large:7.2f} s   ratio {ratio:5.2f}")
        if args.profile:
            print(profile(make(4 * n)))
    verdict = "linear" if worst <= MAX_RATIO else "NOT linear"
    print(f"worst ratio {worst:.2f} (4n over n; linear is about 4, quadratic 16; limit {MAX_RATIO}): {verdict}")
    return 0 if worst <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
