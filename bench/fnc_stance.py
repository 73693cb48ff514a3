"""Document stance on FNC-1 pairs, in one process (each body parsed once), scored with the shared scorer.

    .venv/bin/python bench/fnc_stance.py --fnc /tmp/fnc --sample /tmp/fnc-sample.json --split test
    .venv/bin/python bench/fnc_stance.py ... --errors 5      # also print misclassified pairs per cell

FNC_DIR holds a local copy of ``train_stances.csv`` and ``train_bodies.csv`` (never committed: the data
states no licence; ``../shared/eval/fnc1/README.md`` says how to get it and draw the sample). The body is
the one document, the headline the one hypothesis, and the prediction is claimsift's own
``documents[].stance`` label (agrees -> agree, disagrees -> disagree, discusses -> discuss). Scores come
from ``../shared/eval/fnc1/fnc_score.py`` (imported, not copied): accuracy per class, the FNC-1 score and
the same re-weighted to the competition test set's class mix. The result is the same as running
``claimsift analyze BODY --hypothesis HEADLINE --format json`` pair by pair, about 30 times faster.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from claimsift.analysis import assemble, make_hypotheses
from claimsift.ingest import read_documents
from claimsift.nlp.process import process

LABEL = {"agrees": "agree", "disagrees": "disagree", "discusses": "discuss", "unrelated": "unrelated"}
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fnc1" / "fnc_score.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fnc_score", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"no FNC-1 scorer at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def run(fnc: Path, sample: Path, split: str) -> list[dict[str, object]]:
    """One record per pair: gold, predicted label and the claims it rests on."""
    stances = _rows(fnc / "train_stances.csv")
    bodies = {r["Body ID"]: r["articleBody"] for r in _rows(fnc / "train_bodies.csv")}
    pairs = json.loads(sample.read_text(encoding="utf-8"))[split]
    by_body: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in pairs:
        row = stances[p["row"]]
        if row["Body ID"] != p["body_id"]:
            sys.exit(f"row {p['row']} is body {row['Body ID']}, the sample says {p['body_id']}: another CSV?")
        by_body[row["Body ID"]].append({**row, "key": str(p["row"])})
    out: list[dict[str, object]] = []
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for n, (body_id, rows) in enumerate(by_body.items(), 1):
            path = Path(tmp) / f"b{body_id}.txt"
            path.write_text(bodies[body_id], encoding="utf-8")
            facts = list(process(read_documents([str(path)])))
            for row in rows:
                analysis = assemble(facts, make_hypotheses([row["Headline"]]))
                doc = analysis.documents[0].id
                st = analysis.doc_stances.get(doc, {}).get("H1")
                label = LABEL[st.label] if st else "unrelated"
                by_id = {c.id: c for c in analysis.claims}
                rest = [by_id[i] for i in (st.claims if st else ())]
                out.append(
                    {
                        "key": row["key"],
                        "gold": row["Stance"],
                        "pred": label,
                        "headline": row["Headline"],
                        "claims": [f"[{c.stance.get('H1')}|{c.source.kind}] {c.text[:160]}" for c in rest[:3]],
                    }
                )
            if n % 50 == 0:
                print(f"{n}/{len(by_body)} bodies, {time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fnc", required=True, type=Path, help="folder with train_stances.csv and train_bodies.csv")
    ap.add_argument("--sample", required=True, type=Path, help="fnc_sample.py output")
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified pairs per cell")
    ap.add_argument("--save", type=Path, help="write the per-pair records here (JSON lines)")
    a = ap.parse_args()
    records = run(a.fnc, a.sample, a.split)
    scorer = _scorer()
    golds, preds = [str(r["gold"]) for r in records], [str(r["pred"]) for r in records]
    rep = scorer.report(golds, preds)
    low, high = rep["reweighted_95ci"]
    print(
        f"n {rep['n']}  accuracy {rep['accuracy']}  macro-F1 {rep['macro_f1']}  "
        f"FNC {rep['fnc_share_of_max_sample']:.2%}  FNC re-weighted {rep['fnc_share_of_max_reweighted_full_test']:.2%} "
        f"(95% {low:.2%}-{high:.2%})  related/unrelated {rep['related_unrelated_accuracy']}"
    )
    print(
        "per class: "
        + "  ".join(f"{k} recall {v['recall']} precision {v['precision']}" for k, v in rep["per_class"].items())
    )
    labels = scorer.LABELS
    print("   gold\\pred " + " ".join(f"{p:>9}" for p in labels))
    for g in labels:
        print(f"   {g:>9} " + " ".join(f"{rep['confusion_gold_rows_pred_cols'][g][p]:>9}" for p in labels))
    if a.save:
        a.save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    if a.errors:
        cells: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
        for r in records:
            if r["gold"] != r["pred"]:
                cells[(str(r["gold"]), str(r["pred"]))].append(r)
        for (g, p), rs in sorted(cells.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== gold {g} -> pred {p}: {len(rs)}")
            for r in rs[: a.errors]:
                print(f"  {r['key']}: {r['headline']}")
                for c in r["claims"]:  # type: ignore[attr-defined]
                    print(f"      {c}")


if __name__ == "__main__":
    main()
