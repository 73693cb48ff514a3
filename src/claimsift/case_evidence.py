"""A case's verdicts from its stored evidence groups: an assessment that does not re-read every claim.

A whole assessment (``analysis.assemble``) reads every stored claim: fine for a thousand documents, minutes
for a hundred thousand. But a verdict only needs, per evidence group, its origin, documents and the stance
and weight it has on each hypothesis (``aggregate.verdict``), plus the few claims that end up as drivers.
Writers keep those in the store (``store.evidence``), computed by the very code of a whole assessment, so a
verdict from them is the same verdict; ``case assess --verdicts`` reads one row per group.

The stored evidence says what it reflects (``store.evidence.case_stamp``). A writer that finds it stale
brings it up to date: from the new documents alone when only documents were added (``case_update``), else by
a whole assessment (another hypothesis or letter, another claimsift), rewriting only the groups that changed;
a read-only caller finding it stale computes it in memory and writes nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimsift.analysis import assemble
from claimsift.assess.ach import group_row, mark, matrix_of
from claimsift.assess.aggregate import verdict
from claimsift.assess.independence import GroupingState
from claimsift.case_update import keep, named, registry_of, score_group, update
from claimsift.model import Analysis, Assessment, Claim, EvidenceGroup, Hypothesis
from claimsift.report.json_report import to_dict
from claimsift.resolve.entities import Registry, entity_ids
from claimsift.store import Store
from claimsift.store.evidence import (
    GroupScore,
    StoredGroup,
    case_stamp,
    last_document,
    load_claims,
    load_groups,
    load_hypotheses,
    load_index,
    lock,
    save,
    saved_stamp,
)

NO_SCORE = GroupScore(side="neutral", llr=0.0, best=None, weighed=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseVerdicts:
    """Every hypothesis's verdict and the evidence groups it rests on (not every claim: see ``assess_case``)."""

    assessments: tuple[Assessment, ...]
    groups: tuple[EvidenceGroup, ...]
    ach: dict[str, Any]
    drivers: tuple[Claim, ...]
    """The claims the verdicts name as drivers, in order of first mention."""
    documents: int
    """Documents the evidence reflects."""


def _version() -> str:
    from claimsift import __version__

    return __version__


def stored_groups(analysis: Analysis, overrides: Mapping[str, str]) -> tuple[list[StoredGroup], list[Claim]]:
    """The groups of a whole assessment with each one's stance and weight per hypothesis, and their best claims."""
    by_id = {c.id: c for c in analysis.claims}
    hypotheses = [a.hypothesis for a in analysis.assessments]
    out: list[StoredGroup] = []
    best: dict[str, Claim] = {}
    position = {c.id: i for i, c in enumerate(analysis.claims)}
    for g in analysis.groups:
        scored, tops = score_group(g, by_id, hypotheses, overrides, position)
        out.append(scored)
        best.update((c.id, c) for c in tops)
    return out, list(best.values())


@dataclass(frozen=True, slots=True, kw_only=True)
class _Whole:
    """A whole assessment of the stored documents up to ``last``, and what a case keeps of it."""

    analysis: Analysis
    groups: list[StoredGroup]
    best: list[Claim]
    registry: Registry
    grouping: GroupingState
    last: int

    @property
    def hypotheses(self) -> list[Hypothesis]:
        return [a.hypothesis for a in self.analysis.assessments]


def _computed(store: Store, last: int | None = None) -> _Whole:
    """The evidence computed now from every stored claim (a whole assessment, no history), up to document ``last``."""
    facts = list(store.facts(upto=last))
    overrides = store.reliability()
    registry, grouping = Registry(), GroupingState()
    analysis = assemble(facts, store.hypotheses(), overrides, registry, grouping)
    groups, best = stored_groups(analysis, overrides)
    return _Whole(analysis=analysis, groups=groups, best=best, registry=registry, grouping=grouping, last=last or 0)


def refresh(store: Store) -> int | None:
    """Bring the case's stored evidence up to date: the groups rewritten, or None when it was current.

    From the documents added since it was saved when it can (``case_update.update``); else by a whole
    assessment of the documents stored when it starts, which is what it marks current: a document another
    writer adds meanwhile leaves the evidence stale (brought up to date by the next writer), never marked
    current without it. Writers that finish together save one after the other (``store.evidence.lock``).
    """
    with store.reading() as conn:
        last = last_document(conn)
        stamp = case_stamp(conn, _version(), upto=last)
        if saved_stamp(conn) == stamp[0]:
            return None
    updated = update(store, _version())
    if updated is not None:
        return updated
    whole = _computed(store, last)
    names = {e.id: e.name for e in whole.analysis.entities}
    with store.transaction() as conn:
        lock(conn)  # another writer may be saving; once it is done, its evidence may be current already
        if saved_stamp(conn) == case_stamp(conn, _version())[0]:
            return None
        count = save(conn, stamp, whole.groups, [named(c, names) for c in whole.best], whole.hypotheses)
        keep(conn, whole.analysis, whole.registry, whole.grouping, last)
        return count


def _verdicts(
    stored: Sequence[StoredGroup],
    hypotheses: Sequence[Hypothesis],
    overrides: Mapping[str, str],
    claim_of: Callable[[str], Claim],
) -> tuple[tuple[Assessment, ...], dict[str, Any]]:
    """The assessments and ACH matrix from the groups alone, as ``analysis.assemble`` makes them."""
    scores = [{h.id: s.scores.get(h.id, NO_SCORE) for h in hypotheses} for s in stored]
    rows = [
        group_row(s.group, {h: mark(x.llr, x.weighed) for h, x in per.items()}, s.code)
        for s, per in zip(stored, scores, strict=True)
    ]
    matrix = matrix_of(rows, hypotheses) if hypotheses else {}
    out = []
    for h in hypotheses:
        scored = [(s.group, per[h.id].llr, per[h.id].best) for s, per in zip(stored, scores, strict=True)]
        a = verdict(h, scored, claim_of, overrides)
        lead = {"least_inconsistent": matrix.get("least_inconsistent") == h.id} if len(hypotheses) > 1 else {}
        out.append(dataclasses.replace(a, ach={**a.ach, **matrix["scores"][h.id], **lead}))
    return tuple(out), matrix


def _claims_from(store: Store) -> Callable[[str], Claim]:
    """Stored best claims by id, each read once when first asked for (a verdict needs only its drivers),
    their sources' entities by id again (ids follow every document's entities: worked out once, if asked)."""
    cache: dict[str, Claim] = {}
    ids: dict[str, str] = {}

    def claim_of(cid: str) -> Claim:
        if cid not in cache:
            with store.reading() as conn:
                claim = load_claims(conn, [cid])[cid]
                if claim.source.entity is not None and not ids:
                    ids.update(entity_ids(registry_of(load_index(conn, "entities"))))
            cache[cid] = named(claim, ids)
        return cache[cid]

    return claim_of


def assess_verdicts(case: str, *, record: bool = True) -> CaseVerdicts:
    """Every hypothesis's verdict from the case's stored evidence groups (nothing is parsed, no claim re-read).

    The same probabilities, drivers and groups as ``case.assess_case``; no belief over time (that needs
    every claim's date) and only the driving claims.

    Args:
        record: Bring stale evidence up to date and keep a snapshot of the verdicts; without it the case is
            opened read-only and stale evidence is computed in memory.
    """
    with Store.open(case, readonly=not record) as store:
        if record:
            refresh(store)
        with store.reading() as conn:
            current = saved_stamp(conn) == case_stamp(conn, _version())[0]
        overrides = store.reliability()
        claim_of: Callable[[str], Claim]
        if current:
            with store.reading() as conn:
                stored = load_groups(conn)
                hypotheses = load_hypotheses(conn, store.hypotheses())
            documents = store.count()
            claim_of = _claims_from(store)
        else:
            whole = _computed(store)
            stored, hypotheses, documents = whole.groups, whole.hypotheses, len(whole.analysis.documents)
            claim_of = {c.id: c for c in whole.best}.__getitem__
        assessments, matrix = _verdicts(stored, hypotheses, overrides, claim_of)
        drivers = dict.fromkeys(d.claim for a in assessments for d in a.drivers)
        result = CaseVerdicts(
            assessments=assessments,
            groups=tuple(s.group for s in stored),
            ach=matrix,
            drivers=tuple(claim_of(cid) for cid in drivers),
            documents=documents,
        )
        if record:
            store.record(assessments, documents)
    return result


def render_verdicts_json(result: CaseVerdicts) -> str:
    """``claimsift/1`` JSON with the hypotheses, groups and ACH matrix of a whole assessment, and only the
    claims that drive the verdicts (``claims``); ``documents`` is empty and ``verdicts_only`` says why."""
    analysis = Analysis(
        documents=(),
        entities=(),
        claims=result.drivers,
        dates=(),
        assessments=result.assessments,
        groups=result.groups,
        ach=result.ach,
    )
    data = {**to_dict(analysis), "verdicts_only": True, "documents_assessed": result.documents}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
