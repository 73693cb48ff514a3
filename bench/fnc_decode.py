"""Rebuild FNC-1's ``train_stances.csv`` from a public fork that stores it with its stances coded 0-3.

The stored copy of ``FakeNewsChallenge/fnc-1`` lacks ``train_stances.csv`` (over 4 MiB). The fork
``vijay-14/Fake-News-Stance-Detection`` holds all 49,972 rows with the header ``Headline,Body_ID,Stance`` and
the stances as numbers; by the class counts (3,678 / 840 / 8,909 / 36,545) 0 is agree, 1 disagree, 2 discuss and
3 unrelated. This writes the official header and labels, so that ``fnc_sample.py`` and ``bench/fnc_stance.py``
read it. The data state no licence: write it outside the project and never commit it.

    git --git-dir=FORK.git show HEAD:train_stances.csv > /tmp/fnc/coded.csv
    python3 bench/fnc_decode.py /tmp/fnc/coded.csv /tmp/fnc/train_stances.csv
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys

LABELS = {"0": "agree", "1": "disagree", "2": "discuss", "3": "unrelated"}
COUNTS = {"agree": 3678, "disagree": 840, "discuss": 8909, "unrelated": 36545}
"""The training split's class counts (FNC-1 README): the decoding is checked against them."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("coded", help="train_stances.csv with stances 0-3")
    parser.add_argument("out", help="where to write train_stances.csv with FNC-1's labels")
    args = parser.parse_args(argv)
    with open(args.coded, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    body = rows[1:]
    if any(len(r) != 3 or r[2] not in LABELS for r in body):
        sys.exit(f"{args.coded}: expected rows of headline, body id, stance 0-3")
    counts = collections.Counter(LABELS[r[2]] for r in body)
    if dict(counts) != COUNTS:
        sys.exit(f"{args.coded}: class counts {dict(counts)} are not FNC-1's training split {COUNTS}")
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Headline", "Body ID", "Stance"])
        out.writerows([headline, body_id, LABELS[stance]] for headline, body_id, stance in body)
    print(f"wrote {len(body)} pairs to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
