"""analyze(): the one place that knows the order of the stages.

ingest -> nlp -> resolve -> assess -> (report). Each stage hands plain model records to the next.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence

from claimsift.assess.aggregate import assess, origin
from claimsift.assess.reliability import grade
from claimsift.assess.stance import stances
from claimsift.errors import UsageError
from claimsift.ingest import read_documents
from claimsift.model import Analysis, Claim, Document, Entity, Hypothesis, SourceRef
from claimsift.nlp.process import process
from claimsift.resolve.entities import group_entities

log = logging.getLogger("claimsift")
Progress = Callable[[Document], None]


def make_hypotheses(texts: Iterable[str], prior: float = 0.5) -> list[Hypothesis]:
    """Hypotheses H1, H2, ... in the order given."""
    if not 0.0 < prior < 1.0:
        raise UsageError(f"prior must be strictly between 0 and 1, got {prior}")
    kept = [t.strip() for t in texts if t.strip()]
    return [Hypothesis(id=f"H{i}", text=t, prior=prior) for i, t in enumerate(kept, 1)]


def _link_source(source: SourceRef, doc: str, entities: list[Entity]) -> SourceRef:
    if source.start is None or source.end is None:
        return source
    for ent in entities:
        for m in ent.mentions:
            if m.doc == doc and m.start < source.end and source.start < m.end:
                return dataclasses.replace(source, entity=ent.id)
    return source


def _assess_claims(claims: list[Claim], hypotheses: Sequence[Hypothesis]) -> list[Claim]:
    staged = [dataclasses.replace(c, stance=s) for c, s in zip(claims, stances(claims, hypotheses), strict=True)]
    # which origins take each side of each hypothesis, so corroboration is a lookup, not a scan
    sides: dict[tuple[str, str], set[str]] = {}
    for c in staged:
        for h, s in c.stance.items():
            sides.setdefault((h, s), set()).add(origin(c))
    out = []
    for c in staged:
        own = origin(c)
        sided = [(h, s) for h, s in c.stance.items() if s != "neutral"]
        corroborated = any(sides.get((h, s), set()) - {own} for h, s in sided)
        opposite = {"supports": "refutes", "refutes": "supports"}
        contradicted = any(sides.get((h, opposite[s]), set()) - {own} for h, s in sided)
        out.append(dataclasses.replace(c, reliability=grade(c, corroborated, contradicted)))
    return out


def analyze_documents(
    documents: Sequence[Document], hypotheses: Sequence[Hypothesis], progress: Progress | None = None
) -> Analysis:
    """Run nlp, resolve and assess over documents already read."""
    facts = []
    for f in process(documents):
        facts.append(f)
        if progress:
            progress(f.document)
    entities = group_entities(m for f in facts for m in f.mentions)
    claims: list[Claim] = []
    for f in facts:
        for c in f.claims:
            claims.append(
                dataclasses.replace(c, id=f"C{len(claims) + 1}", source=_link_source(c.source, c.doc, entities))
            )
    claims = _assess_claims(claims, hypotheses)
    assessments = tuple(assess(h, claims) for h in hypotheses)
    dates = tuple(d for f in facts for d in f.dates)
    return Analysis(
        documents=tuple(documents),
        entities=tuple(entities),
        claims=tuple(claims),
        dates=dates,
        assessments=assessments,
    )


def analyze(
    paths: Sequence[str],
    hypotheses: Sequence[str] = (),
    published: str | None = None,
    prior: float = 0.5,
    progress: Progress | None = None,
) -> Analysis:
    """Read files (or "-" for stdin), extract claims, dates and entities, and assess the hypotheses.

    Example:
        >>> result = analyze(["report.txt"], hypotheses=["North Korean troops are deployed in Russia"])
    """
    documents = read_documents(list(paths), published=published)
    return analyze_documents(documents, make_hypotheses(hypotheses, prior), progress)
