"""analyze(): the one place that knows the order of the stages.

ingest -> nlp -> resolve -> assess -> (report). Each stage hands plain model records to the next.
"""

from __future__ import annotations

import dataclasses
import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimsift.assess.ach import ach_matrix
from claimsift.assess.aggregate import assess
from claimsift.assess.independence import GroupingState, corroboration, group_evidence
from claimsift.assess.reliability import credible_voice, grade_claims, load_overrides
from claimsift.assess.stance import document_stances, stances
from claimsift.errors import UsageError
from claimsift.ingest import read_documents
from claimsift.model import (
    Analysis,
    Assessment,
    Claim,
    Document,
    DocumentFacts,
    Entity,
    EvidenceGroup,
    Hypothesis,
    SourceRef,
    Turn,
)
from claimsift.nlp.process import claim_terms, hypothesis_terms, process
from claimsift.nlp.turns import find_turns
from claimsift.resolve.entities import Registry, group_entities

log = logging.getLogger("claimsift")
Progress = Callable[[Document], None]


def make_hypotheses(texts: Iterable[str], prior: float = 0.5) -> list[Hypothesis]:
    """Hypotheses H1, H2, ... in the order given."""
    if not 0.0 < prior < 1.0:
        raise UsageError(f"prior must be strictly between 0 and 1, got {prior}")
    kept = [t.strip() for t in texts if t.strip()]
    return [Hypothesis(id=f"H{i}", text=t, prior=prior) for i, t in enumerate(kept, 1)]


class _SourceLinker:
    """Finds the entity a source's words belong to, by offset, with a binary search per document."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        per_doc: dict[str, list[tuple[int, int, str]]] = {}
        for ent in entities:
            for m in ent.mentions:
                per_doc.setdefault(m.doc, []).append((m.start, m.end, ent.id))
        self.spans = {doc: sorted(spans) for doc, spans in per_doc.items()}
        self.starts = {doc: [s for s, _, _ in spans] for doc, spans in self.spans.items()}

    def link(self, source: SourceRef, doc: str) -> SourceRef:
        if source.start is None or source.end is None or doc not in self.spans:
            return source
        spans, starts = self.spans[doc], self.starts[doc]
        i = bisect_left(starts, source.end)  # mentions that start before the source ends
        for start, end, eid in spans[max(0, i - 8) : i]:
            if start < source.end and source.start < end:
                return dataclasses.replace(source, entity=eid)
        return source


def _assess_claims(
    claims: list[Claim],
    hypotheses: Sequence[Hypothesis],
    overrides: Mapping[str, str],
    entity_names: Mapping[str, str],
    state: GroupingState | None,
) -> tuple[list[Claim], list[EvidenceGroup]]:
    staged = [dataclasses.replace(c, stance=s) for c, s in zip(claims, stances(claims, hypotheses), strict=True)]
    groups, grouped = group_evidence(staged, entity_names, state)
    return grade_claims(grouped, corroboration(grouped, groups, credible_voice(hypotheses)), overrides), groups


def _assessments(
    claims: list[Claim],
    groups: list[EvidenceGroup],
    hypotheses: Sequence[Hypothesis],
    overrides: Mapping[str, str],
    matrix: dict[str, Any],
) -> tuple[Assessment, ...]:
    out = []
    for h in hypotheses:
        a = assess(h, claims, groups, overrides)
        lead = {"least_inconsistent": matrix.get("least_inconsistent") == h.id} if len(hypotheses) > 1 else {}
        out.append(dataclasses.replace(a, ach={**a.ach, **matrix["scores"][h.id], **lead}))
    return tuple(out)


def analyze_documents(
    documents: Sequence[Document],
    hypotheses: Sequence[Hypothesis],
    progress: Progress | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Analysis:
    """Run nlp, resolve and assess over documents already read."""
    facts = []
    for f in process(documents):
        facts.append(f)
        if progress:
            progress(f.document)
    return assemble(facts, hypotheses, overrides)


def assemble(
    facts: Sequence[DocumentFacts],
    hypotheses: Sequence[Hypothesis],
    overrides: Mapping[str, str] | None = None,
    registry: Registry | None = None,
    grouping: GroupingState | None = None,
) -> Analysis:
    """Resolve and assess what the nlp stage read off each document (parsed now, or stored in a case).

    Entities are grouped and claims numbered across all documents, so a source named differently in two
    documents is one source, and relays of one origin are one piece of evidence.

    Args:
        registry, grouping: Empty, to be filled with what entity resolution and grouping leave, which a case
            keeps to assess a new document alone (``claimsift.case_update``).
    """
    entities = group_entities((m for f in facts for m in f.mentions), registry)
    claims = number_claims(facts, entities)
    props = hypothesis_terms(h.text for h in hypotheses) if hypotheses else []
    hypotheses = [dataclasses.replace(h, prop=p) for h, p in zip(hypotheses, props, strict=True)]
    names = {e.id: e.name for e in entities}
    claims, groups = _assess_claims(claims, hypotheses, overrides or {}, names, grouping)
    matrix = ach_matrix(hypotheses, groups, claims, overrides or {}) if hypotheses else {}
    assessments = _assessments(claims, groups, hypotheses, overrides or {}, matrix)
    return Analysis(
        documents=tuple(f.document for f in facts),
        entities=tuple(entities),
        claims=tuple(claims),
        dates=tuple(d for f in facts for d in f.dates),
        assessments=assessments,
        groups=tuple(groups),
        ach=matrix,
        turns=_turns(facts),
        doc_stances=document_stances(claims, hypotheses) if hypotheses else {},
    )


def number_claims(facts: Sequence[DocumentFacts], entities: Sequence[Entity], first: int = 0) -> list[Claim]:
    """The documents' claims numbered C{first + 1}, C{first + 2}, ..., their sources linked to the entities
    their words belong to, each with its terms."""
    linker = _SourceLinker(entities)
    claims: list[Claim] = []
    for f in facts:
        for c in f.claims:
            number = first + len(claims) + 1
            claims.append(dataclasses.replace(c, id=f"C{number}", source=linker.link(c.source, c.doc)))
    return _with_terms(claims)


def _with_terms(claims: list[Claim]) -> list[Claim]:
    """Claims stored before claimsift kept their terms get them now, from their own text."""
    missing = [i for i, c in enumerate(claims) if c.prop is None]
    for i, prop in zip(missing, claim_terms(claims[i] for i in missing), strict=True):
        claims[i] = dataclasses.replace(claims[i], prop=prop)
    return claims


def _turns(facts: Sequence[DocumentFacts]) -> dict[str, tuple[Turn, ...]]:
    """Speaker turns read off each document's text again: a regex pass, cheaper than storing them."""
    out = {}
    for f in facts:
        turns = find_turns(f.document.text, f.document.title or "")
        if turns:
            out[f.document.id] = tuple(turns)
    return out


def analyze(
    paths: Sequence[str],
    hypotheses: Sequence[str] = (),
    published: str | None = None,
    prior: float = 0.5,
    progress: Progress | None = None,
    reliability: str | Path | None = None,
    on_error: Callable[[str, str], None] | None = None,
    allow_private: bool = False,
) -> Analysis:
    """Read files, web addresses (or "-" for stdin), extract claims, dates and entities, assess the hypotheses.

    Args:
        reliability: a claimsift.toml or YAML file whose ``reliability`` table sets Admiralty letters
            per source ("South Korea's National Intelligence Service" = "B"), overriding the defaults.
        on_error: called with (path, reason) for each file that cannot be read, which is then skipped;
            without it the first such file raises InputError. When nothing can be read it raises anyway.
        allow_private: fetch web addresses on loopback, private and link-local networks too.

    Example:
        >>> result = analyze(["report.txt"], hypotheses=["North Korean troops are deployed in Russia"])
    """
    overrides = load_overrides(reliability) if reliability is not None else {}
    documents = read_documents(list(paths), published=published, on_error=on_error, allow_private=allow_private)
    return analyze_documents(documents, make_hypotheses(hypotheses, prior), progress, overrides)
