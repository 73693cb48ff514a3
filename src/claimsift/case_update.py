"""A case's stored evidence brought up to date from the new documents alone.

A whole assessment (``analysis.assemble`` in ``case_evidence.refresh``) reads every claim of the case:
42 s at 10,000 documents for one document more. Yet nothing it concludes about the earlier documents
depends on a later one but through what the evidence tables keep: the entity keys met so far
(``entities.Registry``), the grouping state (``independence.GroupingState``), the claims that share each
rare word (corroboration), and every claim's group, origin key and grade (``store.evidence.Member``).
So ``update`` runs the same stages on the new documents' facts only (entities resolved against the kept
keys, claims numbered after the kept ones, stance, grouping, corroboration against the claims that share
their words), regrades the earlier claims a new one confirms or contradicts, and weighs again only the
groups the new claims joined or regraded: what a whole assessment gives, read from a few rows.

An earlier origin that a new claim gives its gazetteer name is renamed in its groups. When new claims would
change how earlier ones are grouped or judged (two origins found to be one, an origin that takes a name
another origin bears), or the kept evidence is stale for another reason (a new hypothesis or letter,
another claimsift, a document removed), ``update`` returns None and the caller runs the whole assessment.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from claimsift.analysis import number_claims
from claimsift.assess.aggregate import Strongest, Tally, tally, weight
from claimsift.assess.independence import (
    COMMON_WORD,
    Conflict,
    Grouping,
    GroupingState,
    Voice,
    corroboration,
    evidence_group,
    grown,
    judge,
    rank,
    rank_counts,
    seen,
    stems,
    voice,
)
from claimsift.assess.reliability import credible_voice, grade_claims
from claimsift.assess.stance import stances
from claimsift.model import Analysis, Claim, DocumentFacts, Entity, EvidenceGroup, Hypothesis
from claimsift.resolve.entities import Registry
from claimsift.store import Store
from claimsift.store.evidence import (
    GroupScore,
    Member,
    StoredGroup,
    case_stamp,
    last_document,
    load_groups,
    load_hypotheses,
    load_index,
    lock,
    mark_current,
    members_at,
    put_groups,
    put_members,
    replace_members,
    save_index,
    saved_stamp,
)

Stems = dict[str, list[Any]]
"""Stem -> [claims that have it, their positions or None once more than ``COMMON_WORD`` have it]."""


def _tally_data(t: Tally) -> dict[str, Any]:
    return dataclasses.asdict(t)


def _tally_of(data: Mapping[str, Any]) -> Tally:
    def strongest(x: Sequence[Any] | None) -> Strongest | None:
        return None if x is None else (float(x[0]), tuple(x[1]), float(x[2]), str(x[3]))

    return Tally(data["supports"], data["refutes"], strongest(data["pro"]), strongest(data["con"]))


def _scores(tallies: Mapping[str, Tally], weighed: Mapping[str, bool]) -> tuple[dict[str, GroupScore], set[str]]:
    """Each hypothesis's score of a group from its tally, and the ids of the group's best claims."""
    scores = {}
    for hid, t in tallies.items():
        llr, top = weight(t)
        side = "supports" if llr > 0 else "refutes" if llr < 0 else "neutral"
        scores[hid] = GroupScore(side=side, llr=llr, best=top, weighed=weighed[hid], tally=_tally_data(t))
    return scores, {s.best for s in scores.values() if s.best is not None}


def score_group(
    g: EvidenceGroup,
    by_id: Mapping[str, Claim],
    hypotheses: Sequence[Hypothesis],
    overrides: Mapping[str, str],
    position: Mapping[str, int],
) -> tuple[StoredGroup, list[Claim]]:
    """One group with its stance and weight on each hypothesis (``aggregate.evaluate_group``), and its best claims.

    Args:
        position: Claim id -> position in the case (C1 is 0): a claim's rank in its group ends with it.
    """
    members = [by_id[cid] for cid in g.claims if cid in by_id]
    ranked = [(rank(c, position[c.id]), c) for c in members]
    tallies = {h.id: tally(ranked, h, overrides) for h in hypotheses}
    weighed = {h.id: any(h.id in c.stance for c in members) for h in hypotheses}
    scores, best = _scores(tallies, weighed)
    code = (members[0].reliability or "F6") if members else "F6"  # assembled claims are graded
    stored = StoredGroup(group=g, code=code, scores=scores, ranks=rank_counts(members))
    return stored, [by_id[cid] for cid in best]


def named(claim: Claim, names: Mapping[str, str]) -> Claim:
    """The claim with its source's entity by name (kept), not by id (renumbered as documents come)."""
    entity = claim.source.entity
    if entity is None or entity not in names:
        return claim
    return dataclasses.replace(claim, source=dataclasses.replace(claim.source, entity=names[entity]))


# what the indexes hold, as JSON


def _grouping_data(st: GroupingState) -> dict[str, Any]:
    return {f.name: getattr(st, f.name) for f in dataclasses.fields(st)}


def _grouping_of(data: Mapping[str, Any]) -> GroupingState:
    return GroupingState(**{**data, "df": Counter(data["df"])})


def _registry_data(r: Registry) -> list[list[Any]]:
    return [[key, dict(types), *r.first[key]] for key, types in r.types.items()]


def registry_of(data: Sequence[Sequence[Any]] | None) -> Registry:
    """The entity keys a case keeps (``evidence_index`` row ``entities``)."""
    rows = data or []
    return Registry({k: Counter(t) for k, t, _, _ in rows}, {k: (doc, start) for k, _, doc, start in rows})


def _stems_of(claims: Iterable[Claim]) -> Stems:
    index: Stems = {}
    for position, c in enumerate(claims):
        for w in stems(c):
            _count_in(index, w, position)
    return index


def _count_in(index: Stems, w: str, position: int) -> None:
    entry = index.setdefault(w, [0, []])
    entry[0] += 1
    if entry[1] is not None:
        entry[1].append(position)
        if entry[0] > COMMON_WORD:
            entry[1] = None  # a word that common is never counted again: its claims need not be kept


def keep(
    conn: sa.Connection,
    analysis: Analysis,
    registry: Registry,
    grouping: GroupingState,
    last: int,
) -> None:
    """Save what ``update`` needs after a whole assessment: every claim as a member, and the indexes."""
    names = {e.id: e.name for e in analysis.entities}
    hypotheses = [a.hypothesis for a in analysis.assessments]
    keys = Grouping(entity_names=names)
    flags = corroboration(analysis.claims, analysis.groups, credible_voice(hypotheses))
    members = [
        Member(
            position=i,
            group=int((c.group or "G0")[1:]),
            key=keys.key(c),
            corroboration=flags[c.id],
            claim=named(c, names),
        )
        for i, c in enumerate(analysis.claims)
    ]
    replace_members(conn, members)
    _save_indexes(conn, grouping, registry, _stems_of(analysis.claims), last)


def _save_indexes(conn: sa.Connection, grouping: GroupingState, registry: Registry, index: Stems, last: int) -> None:
    save_index(conn, "grouping", _grouping_data(grouping))
    save_index(conn, "entities", _registry_data(registry))
    save_index(conn, "stems", index)
    save_index(conn, "extent", {"last": last})


# the update


@dataclass
class _Kept:
    """The evidence as saved, and the case it reflects."""

    stamp: str
    last: int
    grouping: GroupingState
    registry: Registry
    stems: Stems
    hypotheses: list[Hypothesis]
    overrides: dict[str, str]


def _kept(store: Store, version: str) -> _Kept | None:
    """The saved evidence when it reflects the case but for documents added since (None otherwise)."""
    with store.reading() as conn:
        extent, stamp = load_index(conn, "extent"), saved_stamp(conn)
        if extent is None or stamp is None or stamp != case_stamp(conn, version, upto=extent["last"])[0]:
            return None
        return _Kept(
            stamp=stamp,
            last=int(extent["last"]),
            grouping=_grouping_of(load_index(conn, "grouping")),
            registry=registry_of(load_index(conn, "entities")),
            stems=load_index(conn, "stems"),
            hypotheses=load_hypotheses(conn, store.hypotheses()),
            overrides=store.reliability(),
        )


def _claims_of(facts: Sequence[DocumentFacts], kept: _Kept) -> list[Claim]:
    """The new documents' claims as a whole assessment reads them, with their stance (not yet grouped or graded).

    Sources link to entities by key (``named``): the ids a whole assessment gives depend on every document.
    """
    entities: list[Entity] = []
    for f in facts:
        by_key: dict[str, list[Any]] = defaultdict(list)
        for m, key in kept.registry.document(f.mentions):
            by_key[key].append(m)
        label = kept.registry.label
        entities += [Entity(id=k, name=k, type=label(k), mentions=tuple(ms)) for k, ms in by_key.items()]
    claims = number_claims(facts, entities, first=kept.grouping.claims)
    return [dataclasses.replace(c, stance=s) for c, s in zip(claims, stances(claims, kept.hypotheses), strict=True)]


class _Corroboration:
    """Corroboration of new claims and of the earlier ones that share a rare word with them."""

    def __init__(self, kept: _Kept, grouping: Grouping, load: Callable[[Iterable[int]], dict[int, Member]]) -> None:
        self.index = kept.stems
        self.grouping = grouping
        self.credible = credible_voice(kept.hypotheses)
        self.load = load
        self.voices: dict[int, Voice] = {}

    def _voice(self, claim: Claim, group: int) -> Voice:
        """As corroboration sees a claim of this group (1 for G1): of the group's origin."""
        return voice(claim, self.grouping.group_origin(group - 1), self.credible)

    def _sharing(self, only: Mapping[int, Voice] | None = None) -> Callable[[str], list[Voice] | None]:
        def sharing(w: str) -> list[Voice] | None:
            positions = self.index[w][1] if w in self.index else []
            if positions is None:
                return None
            return [self.voices[p] for p in positions if only is None or p in only]

        return sharing

    def _count(self, new: Mapping[int, Voice]) -> tuple[set[int], set[int]]:
        """Count the new claims in; the earlier claims that gain a sharer, and those that lose a word."""
        before: dict[str, list[int] | None] = {}
        for position, v in new.items():
            for w in v.stems:
                if w not in before:
                    entry = self.index.get(w, [0, []])
                    before[w] = None if entry[1] is None else list(entry[1])
                _count_in(self.index, w, position)
        gain: set[int] = set()
        lose: set[int] = set()
        for w, positions in before.items():
            if positions is not None:  # a word common before changes nothing for anyone
                (gain if self.index[w][1] is not None else lose).update(positions)
        return gain - lose, lose

    def run(
        self, new: Sequence[tuple[int, Claim, int]]
    ) -> tuple[dict[str, tuple[bool, bool]], dict[int, tuple[Member, tuple[bool, bool]]]]:
        """(flags of the new claims by id, earlier claims whose flags change with their new flags).

        Args:
            new: (position, claim, group number) of each new claim.
        """
        fresh = {p: self._voice(c, group) for p, c, group in new}
        gain, lose = self._count(fresh)
        earlier = self.load(gain | lose)
        self.voices = {**{p: self._voice(m.claim, m.group) for p, m in earlier.items()}, **fresh}
        whole = {p: self.voices[p] for p in [*fresh, *lose]}
        wanted = {p for v in whole.values() for w in v.stems for p in (self.index[w][1] or ())}
        more = self.load(wanted - set(self.voices))
        self.voices.update({p: self._voice(m.claim, m.group) for p, m in more.items()})
        flags = {p: judge(v, self._sharing()) for p, v in whole.items()}
        for p in gain:  # no word of theirs went common: what they had stands, and new sharers may add to it
            was = earlier[p].corroboration
            now = judge(self.voices[p], self._sharing(fresh))
            flags[p] = (was[0] or now[0], was[1] or now[1])
        changed = {p: (earlier[p], f) for p, f in flags.items() if p in earlier and f != earlier[p].corroboration}
        return {fresh[p].id: flags[p] for p in fresh}, changed


def update(store: Store, version: str) -> int | None:
    """Bring the stored evidence up to date from the documents added since it was saved: the groups
    rewritten, or None when it cannot (nothing saved to build on, stale for another reason, earlier claims
    would be grouped otherwise, or another writer saved meanwhile): then the caller assesses the whole case."""
    kept = _kept(store, version)
    if kept is None:
        return None
    with store.reading() as conn:
        last = last_document(conn)
        stamp = case_stamp(conn, version, upto=last)
    facts = list(store.facts(after=kept.last, upto=last))
    if not facts:
        return None
    try:
        return _apply(store, kept, facts, (last, stamp), version)
    except Conflict:
        return None


def _load(store: Store) -> Callable[[Iterable[int]], dict[int, Member]]:
    def load(positions: Iterable[int]) -> dict[int, Member]:
        wanted = list(positions)
        if not wanted:
            return {}
        with store.reading() as conn:
            return members_at(conn, wanted)

    return load


def _apply(
    store: Store, kept: _Kept, facts: Sequence[DocumentFacts], upto: tuple[int, tuple[str, int]], version: str
) -> int | None:
    load = _load(store)
    grouping = Grouping(
        kept.grouping, seen=lambda ps: {p: seen(m.claim, m.key, m.group - 1) for p, m in load(ps).items()}
    )
    first = kept.grouping.claims
    claims = _claims_of(facts, kept)
    keys = [grouping.key(c) for c in claims]
    numbers = [g + 1 for g in grouping.add(claims)]
    positions = range(first, first + len(claims))
    flags, changed = _Corroboration(kept, grouping, load).run(list(zip(positions, claims, numbers, strict=True)))
    graded = grade_claims(claims, flags, kept.overrides)
    fresh = [
        Member(position=p, group=n, key=k, corroboration=flags[c.id], claim=dataclasses.replace(c, group=f"G{n}"))
        for p, c, k, n in zip(positions, graded, keys, numbers, strict=True)
    ]
    regraded = {
        p: dataclasses.replace(m, corroboration=f, claim=grade_claims([m.claim], {m.claim.id: f}, kept.overrides)[0])
        for p, (m, f) in changed.items()
    }
    renamed = {g + 1 for k, g in grouping.state.by_type.items() if k.rsplit("|", 1)[0] in grouping.renamed}
    touched = (
        set(numbers)
        | renamed
        | {m.group for p, m in regraded.items() if m.claim.reliability != changed[p][0].claim.reliability}
    )
    groups, best = _rescored(store, grouping, kept, touched, fresh, list(regraded.values()))
    last, stamp = upto
    with store.transaction() as conn:
        lock(conn)  # another writer may have saved meanwhile: then this is not built on what it read
        if saved_stamp(conn) != kept.stamp or case_stamp(conn, version, upto=last) != stamp:
            return None
        put_members(conn, [*fresh, *regraded.values()])
        put_groups(conn, groups, best)
        _save_indexes(conn, grouping.state, kept.registry, kept.stems, last)
        mark_current(conn, stamp, kept.hypotheses)
    return len(groups)


def _rescored(
    store: Store,
    grouping: Grouping,
    kept: _Kept,
    touched: set[int],
    fresh: Sequence[Member],
    regraded: Sequence[Member],
) -> tuple[list[StoredGroup], list[Claim]]:
    """The touched groups weighed again (a stored one from its tally and its new claims, not its old ones),
    and their best claims."""
    with store.reading() as conn:
        stored = {int(x.group.id[1:]): x for x in load_groups(conn, touched)}
    known = {m.claim.id: m.claim for m in [*fresh, *regraded]}
    adds: dict[int, list[tuple[int, Claim]]] = defaultdict(list)
    for m in fresh:  # in position order
        adds[m.group].append((m.position, m.claim))
    groups: list[StoredGroup] = []
    for number in sorted(touched):
        origin, old = grouping.group_origin(number - 1), stored.get(number)
        if old is None:
            g = evidence_group(f"G{number}", origin, adds[number])
            position = {c.id: p for p, c in adds[number]}
            groups.append(score_group(g, known, kept.hypotheses, kept.overrides, position)[0])
        else:
            groups.append(_grown(old, origin, adds[number], kept, known))
    best = {x.best for g in groups for x in g.scores.values() if x.best is not None}
    missing = [int(cid[1:]) - 1 for cid in best if cid not in known]  # C1 is at 0
    if missing:
        with store.reading() as conn:
            known.update((m.claim.id, m.claim) for m in members_at(conn, missing).values())
    return groups, [known[cid] for cid in sorted(best)]


def _grown(
    old: StoredGroup, origin: str, adds: Sequence[tuple[int, Claim]], kept: _Kept, known: Mapping[str, Claim]
) -> StoredGroup:
    """A stored group with its new claims (and any regraded first claim): ``score_group`` of all its claims."""
    g, ranks = grown(old.group, old.ranks, origin, adds)
    ranked = [(rank(c, p), c) for p, c in adds]
    hypotheses = kept.hypotheses
    tallies = {h.id: _tally_of(old.scores[h.id].tally).merged(tally(ranked, h, kept.overrides)) for h in hypotheses}
    weighed = {h.id: old.scores[h.id].weighed or any(h.id in c.stance for _, c in adds) for h in hypotheses}
    first = known.get(g.claims[0])
    code = (first.reliability or "F6") if first is not None else old.code
    return StoredGroup(group=g, code=code, scores=_scores(tallies, weighed)[0], ranks=ranks)
