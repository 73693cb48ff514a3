"""Independent evidence: which claims are one piece of evidence, however many times it is relayed.

Circular reporting (CONVENTIONS.md 6) makes one origin look like many: ten outlets relaying one
ministry's statement are one item, not ten. So claims are traced to their originator (``origin_key``;
relays in ``via`` never make a new origin) and collapsed into evidence groups:

- one origin's claims form one group per evidence type (its statement, its satellite images), except
  that near-duplicates (rapidfuzz token_set_ratio >= 85) always share a group;
- an unattributed or author claim that near-duplicates an earlier claim of another document joins that
  claim's group (syndicated wire copy, a story repeated without its source).

Groups of one origin stay correlated; ``aggregate`` damps them. Candidates for near-duplicates come
from an index on each claim's rarest content words, so grouping is about linear in the number of claims.
Claims are grouped document after document, words counted over the documents so far: a claim's group never
depends on a later document, so a case keeps the state (``GroupingState``) and groups a new document alone.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimsift.assess.names import canonical_name, normalize_name, source_canonical
from claimsift.model import Claim, EvidenceGroup

NEAR_DUPLICATE = 85.0
RARE_WORDS = 3
RECENT = 32
"""Latest claims looked up per word: every copy of a syndicated story is in one group, so the latest will do."""
RECENT_RARE = 8
CHECKED = 8
"""Candidates compared per claim, those sharing the most indexed words first."""
MIN_SHARED_WORDS = 4
"""Content words a claim needs before it can join another document's group."""
UNSOURCED = ("author", "unattributed")
_STOPWORDS = frozenset(
    "the and for that this with from have has had was were are been their there they them its his her "
    "but not said says say also into about which who what when where while would will can could than "
    "then some more most other over after before such only just very".split()
)


def origin_key(claim: Claim) -> str:
    """The independence key: entity id, else the normalised (canonical) name; ``author:DOC`` per document."""
    if claim.source.kind in UNSOURCED:
        return f"{claim.source.kind}:{claim.doc}"
    if claim.source.entity:
        return claim.source.entity
    name = canonical_name(claim.source.name) or claim.source.name
    return normalize_name(name) or name.casefold()


def _content_words(processed: str) -> frozenset[str]:
    return frozenset(w for w in processed.split() if len(w) > 2 and w not in _STOPWORDS)


@dataclass(frozen=True, slots=True)
class Seen:
    """What grouping keeps of a claim for the claims after it (a case stores it: ``store.evidence``)."""

    text: str
    """The claim's text as rapidfuzz compares it (``default_process``)."""
    key: str
    """Its origin key before origins are joined (``Grouping.key``)."""
    doc: str
    words: int
    """How many content words it has."""
    group: int
    """Its group number, 0 for G1."""


def seen(claim: Claim, key: str, group: int) -> Seen:
    """What grouping keeps of a claim of this origin key and group number (0 for G1)."""
    text = default_process(claim.text)
    return Seen(text=text, key=key, doc=claim.doc, words=len(_content_words(text)), group=group)


@dataclass
class GroupingState:
    """Everything grouping needs of the claims already grouped, but the claims (``Seen``) themselves.

    Grouping never looks at a claim after the one it groups except through this state, so a case can
    keep it and group a new document's claims alone, as a whole assessment would (``claimsift.case_update``).
    """

    df: Counter[str] = field(default_factory=Counter)
    """Claims per content word, over the documents read so far (the current one included)."""
    every: dict[str, list[int]] = field(default_factory=dict)
    """The latest ``RECENT`` claims (positions) per content word."""
    rare: dict[str, list[int]] = field(default_factory=dict)
    """The latest ``RECENT_RARE`` claims per word among their rarest."""
    parent: dict[str, str] = field(default_factory=dict)
    """Origin keys joined into origins (union-find; a root is a key)."""
    names: dict[str, str] = field(default_factory=dict)
    """Root -> the source name of its first claim."""
    canonical: dict[str, str] = field(default_factory=dict)
    """Root -> the gazetteer name of its first claim that has one."""
    by_type: dict[str, int] = field(default_factory=dict)
    """``root|evidence_type`` -> group number."""
    firsts: list[str] = field(default_factory=list)
    """Group number -> the origin key of its first claim (whose origin is the group's)."""
    claims: int = 0
    groups: int = 0


class Conflict(Exception):
    """New claims would change how earlier claims are grouped or judged: two origins join, or one takes a
    name another bears."""


class Grouping:
    """Claims grouped in the order they come, document after document, on top of a ``GroupingState``.

    Args:
        state: What the claims grouped before left (empty for a whole assessment).
        seen: The ``Seen`` of earlier claims by position (asked only for near-duplicate candidates).
        entity_names: Entity id -> name: origins are keyed by entity name, which stays when ids are renumbered.
    """

    def __init__(
        self,
        state: GroupingState | None = None,
        seen: Callable[[Sequence[int]], Mapping[int, Seen]] | None = None,
        entity_names: Mapping[str, str] | None = None,
    ) -> None:
        self.state = state or GroupingState()
        self.frozen = frozenset(self.state.parent)
        self.fetch = seen or (lambda ids: {})
        self.entity_names = entity_names or {}
        self.new: dict[int, Seen] = {}
        self.renamed: dict[str, str] = {}
        """Earlier origins that took their gazetteer name, with the name they had."""

    def key(self, claim: Claim) -> str:
        """``origin_key`` with an entity's name for its id."""
        entity = claim.source.entity
        if claim.source.kind not in UNSOURCED and entity:
            return f"entity:{self.entity_names.get(entity, entity)}"
        return origin_key(claim)

    def root(self, k: str) -> str:
        """The origin an origin key belongs to (a new key is its own)."""
        parent = self.state.parent
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def _join(self, claims: Sequence[Claim], keys: Sequence[str]) -> None:
        """Origin keys joined when they denote one gazetteer source (the resolver may split "Putin" from
        "Russian president Vladimir Putin", or name no entity at all)."""
        for c, key in zip(claims, keys, strict=True):
            canonical = None if c.source.kind in UNSOURCED else source_canonical(c.source.name)
            if not canonical:
                self.root(key)
                continue
            root, other = self.root(key), self.root(f"canonical:{canonical}")
            if root == other:
                continue
            if root in self.frozen and other in self.frozen:
                raise Conflict(f"origins {root!r} and {other!r} join")
            if other in self.frozen:
                root, other = other, root  # an earlier origin keeps its root
            self.state.parent[other] = root

    def _name(self, claims: Sequence[Claim], roots: Sequence[str]) -> None:
        """Readable name of each origin: the gazetteer's name when one of its claims has it, else the first."""
        names, canonical = self.state.names, self.state.canonical
        for c, root in zip(claims, roots, strict=True):
            if c.source.kind in UNSOURCED:
                names.setdefault(root, root)
                continue
            found = source_canonical(c.source.name)
            if found and root in self.frozen and root not in canonical:
                self.renamed.setdefault(root, self.origin(root))
            names.setdefault(root, c.source.name)
            if found:
                canonical.setdefault(root, found)
        self._check_renamed()

    def _check_renamed(self) -> None:
        """An earlier origin may take its gazetteer name unless another origin bears either name: corroboration
        tells origins apart by name, so the earlier claims of both would be judged otherwise."""
        if not self.renamed:
            return
        bearing = Counter(self.origin(root) for root in self.state.names)
        for root, before in self.renamed.items():
            if bearing[before] or bearing[self.origin(root)] > 1:
                raise Conflict(f"origin {root!r} takes a name another origin bears")

    def origin(self, root: str) -> str:
        """The readable name of an origin (by its root)."""
        return self.state.canonical.get(root, self.state.names[root])

    def group_origin(self, group: int) -> str:
        """The origin of a group (0 for G1): its first claim's, which a repeat from elsewhere joins."""
        return self.origin(self.root(self.state.firsts[group]))

    def add(self, claims: Sequence[Claim]) -> list[int]:
        """Group numbers of these claims, which follow every claim grouped before (in document order).

        Raises:
            Conflict: Only with a saved state: the earlier claims would be grouped otherwise.
        """
        keys = [self.key(c) for c in claims]
        self._join(claims, keys)
        roots = [self.root(k) for k in keys]
        self._name(claims, roots)
        out: list[int] = []
        start = 0
        while start < len(claims):
            end = start
            while end < len(claims) and claims[end].doc == claims[start].doc:
                end += 1
            out += self._document(claims[start:end], keys[start:end], roots[start:end])
            start = end
        return out

    def _document(self, claims: Sequence[Claim], keys: Sequence[str], roots: Sequence[str]) -> list[int]:
        """One document's claims: their words count before any is grouped, as in a whole document."""
        st = self.state
        texts = [default_process(c.text) for c in claims]
        words = [_content_words(t) for t in texts]
        st.df.update(w for ws in words for w in ws)
        out = []
        for c, text, ws, key, root in zip(claims, texts, words, keys, roots, strict=True):
            i = st.claims
            mine = Seen(text=text, key=key, doc=c.doc, words=len(ws), group=-1)
            dup = self._duplicate_of(c, mine, ws, root)
            g = dup.group if dup is not None else st.by_type.setdefault(f"{root}|{c.evidence_type}", len(st.by_type))
            if g == len(st.firsts):
                st.firsts.append(key)
            st.groups = max(st.groups, g + 1)
            self.new[i] = Seen(text=text, key=key, doc=c.doc, words=len(ws), group=g)
            self._index(i, ws)
            st.claims += 1
            out.append(g)
        return out

    def _rarest(self, words: frozenset[str]) -> list[str]:
        return sorted(words, key=lambda w: (self.state.df[w], w))[:RARE_WORDS]

    def _candidates(self, words: frozenset[str]) -> dict[int, Seen]:
        """Earlier claims that may repeat one, most shared words first, then latest first."""
        hits: Counter[int] = Counter()
        for w in self._rarest(words):
            hits.update(self.state.every.get(w, [])[-RECENT:])
        for w in words:
            hits.update(self.state.rare.get(w, [])[-RECENT_RARE:])
        ids = [j for j, _ in sorted(hits.items(), key=lambda t: (-t[1], -t[0]))[:CHECKED]]
        found = {j: self.new[j] for j in ids if j in self.new}
        missing = [j for j in ids if j not in found]
        if missing:
            found.update(self.fetch(missing))
        return found

    def _index(self, i: int, words: frozenset[str]) -> None:
        for w in words:
            self.state.every.setdefault(w, []).append(i)
            del self.state.every[w][:-RECENT]
        for w in self._rarest(words):
            self.state.rare.setdefault(w, []).append(i)
            del self.state.rare[w][:-RECENT_RARE]

    def _duplicate_of(self, c: Claim, mine: Seen, words: frozenset[str], root: str) -> Seen | None:
        """The earlier claim ``c`` repeats: of its own origin first, else (if unsourced) of another document."""
        candidates = self._candidates(words)
        same = {j: s for j, s in candidates.items() if fuzz.token_set_ratio(mine.text, s.text) >= NEAR_DUPLICATE}
        own = [j for j, s in same.items() if self.root(s.key) == root]
        if own:
            return same[min(own)]
        if c.source.kind not in UNSOURCED or mine.words < MIN_SHARED_WORDS:
            return None
        other = [j for j, s in same.items() if s.doc != c.doc and s.words >= MIN_SHARED_WORDS]
        return same[min(other)] if other else None


def rank(claim: Claim, position: int) -> tuple[bool, bool, bool, int, int]:
    """Sort key of a group's claims, best statement first: takes a side, whole, unhedged, direct."""
    sided = any(s != "neutral" for s in claim.stance.values())
    return (not sided, claim.fragmentary, claim.hedged, len(claim.via), position)


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def evidence_group(group_id: str, origin: str, members: Sequence[tuple[int, Claim]]) -> EvidenceGroup:
    """A group from its claims and their positions, in position order: best statement first, relays and
    documents in order of first claim."""
    first = members[0][1]
    ranked = sorted(members, key=lambda m: rank(m[1], m[0]))
    return EvidenceGroup(
        id=group_id,
        origin=origin,
        origin_kind=first.source.kind,
        evidence_type=first.evidence_type,
        claims=tuple(c.id for _, c in ranked),
        relays=_unique([v for _, c in members for v in c.via]),
        documents=_unique([c.doc for _, c in members]),
    )


def rank_counts(claims: Iterable[Claim]) -> list[list[Any]]:
    """How many of a group's claims share each rank but for position (``rank`` without it), best first:
    where a later claim goes in the group (``grown``)."""
    counts = Counter(rank(c, 0)[:-1] for c in claims)
    return [[*prefix, n] for prefix, n in sorted(counts.items())]


def grown(
    group: EvidenceGroup, counts: Sequence[Sequence[Any]], origin: str, members: Sequence[tuple[int, Claim]]
) -> tuple[EvidenceGroup, list[list[Any]]]:
    """A group with later claims (and their positions, in order) added, and its ``rank_counts`` then: what
    ``evidence_group`` gives for all its claims, from the group and the new claims alone.

    A later claim follows every claim of its rank already in the group and precedes those of lower rank.
    """
    claims = list(group.claims)
    seen = {tuple(c[:-1]): int(c[-1]) for c in counts}
    for _, c in members:
        prefix = rank(c, 0)[:-1]
        claims.insert(sum(n for p, n in seen.items() if p <= prefix), c.id)
        seen[prefix] = seen.get(prefix, 0) + 1
    bigger = dataclasses.replace(
        group,
        origin=origin,
        claims=tuple(claims),
        relays=_unique([*group.relays, *(v for _, c in members for v in c.via)]),
        documents=_unique([*group.documents, *(c.doc for _, c in members)]),
    )
    return bigger, [[*p, n] for p, n in sorted(seen.items())]


def group_evidence(
    claims: Sequence[Claim], entity_names: Mapping[str, str] | None = None, state: GroupingState | None = None
) -> tuple[list[EvidenceGroup], list[Claim]]:
    """Evidence groups G1, G2, ... in order of first claim, and the claims with ``group`` set.

    Claims come document after document; a claim's group never depends on the documents after its own.

    Args:
        entity_names: Entity id -> name (origins are keyed by entity name).
        state: Filled with what grouping leaves (empty when given), for a case to keep.
    """
    grouping = Grouping(state=state if state is not None else GroupingState(), entity_names=entity_names)
    of_claim = grouping.add(claims)
    roots = [grouping.root(grouping.key(c)) for c in claims]
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(of_claim):
        members[g].append(i)
    number = {g: f"G{g + 1}" for g in members}
    groups = [
        evidence_group(number[g], grouping.origin(roots[idx[0]]), [(i, claims[i]) for i in idx])
        for g, idx in members.items()
    ]
    grouped = [dataclasses.replace(c, group=number[g]) for c, g in zip(claims, of_claim, strict=True)]
    return groups, grouped


CORROBORATING_WORDS = 3
"""Content stems two claims must share to confirm each other (one event, one finding)."""
CONTRADICTING_WORDS = 2
"""A denial is terser than what it denies ("dismissed reports about the troop deployment")."""
STEM = 5
"""Prefix length that folds deployed/deployment, troops/troop, Korea/Korean."""
COMMON_WORD = 60
"""A word in more claims than this says nothing about which event a claim is about."""


@dataclass(frozen=True, slots=True)
class Voice:
    """What corroboration needs of a claim (a case stores it with the claim: ``store.evidence``)."""

    id: str
    origin: str
    """Its group's origin: claims of one origin never confirm each other."""
    stems: frozenset[str]
    stance: Mapping[str, str]
    credible: frozenset[str]
    """The hypotheses on which its word counts against others' (``credible_voice``)."""


def stems(claim: Claim) -> frozenset[str]:
    """The content stems two claims must share to be about one thing."""
    return frozenset(w[:STEM] for w in _content_words(default_process(claim.text)))


def voice(claim: Claim, origin: str, credible: Callable[[Claim, str], bool] | None = None) -> Voice:
    """A claim as corroboration sees it."""
    trusted = frozenset(h for h in claim.stance if credible is None or credible(claim, h))
    return Voice(id=claim.id, origin=origin, stems=stems(claim), stance=claim.stance, credible=trusted)


def judge(c: Voice, sharing: Callable[[str], Sequence[Voice] | None]) -> tuple[bool, bool]:
    """(confirmed, contradicted) of one claim, from the claims that have each of its stems.

    Args:
        sharing: The claims with a stem (they may include ``c``), or None when more than ``COMMON_WORD``
            claims have it: a word that common says nothing about which event a claim is about.
    """
    opposite = {"supports": "refutes", "refutes": "supports"}
    shared: Counter[str] = Counter()
    by_id: dict[str, Voice] = {}
    for w in c.stems:
        for o in sharing(w) or ():
            if o.origin != c.origin:
                shared[o.id] += 1
                by_id[o.id] = o
    same = [by_id[cid] for cid, n in shared.items() if n >= CORROBORATING_WORDS]
    near = [by_id[cid] for cid, n in shared.items() if n >= CONTRADICTING_WORDS]
    sided = [(h, s) for h, s in c.stance.items() if s in opposite]
    confirmed = any(o.stance.get(h) == s for o in same for h, s in sided)
    contradicted = any(o.stance.get(h) == opposite[s] and h in o.credible for o in near for h, s in sided)
    return confirmed, contradicted


def corroboration(
    claims: Sequence[Claim], groups: Sequence[EvidenceGroup], credible: Callable[[Claim, str], bool] | None = None
) -> dict[str, tuple[bool, bool]]:
    """Claim id -> (confirmed, contradicted) by another origin, for the Admiralty digit.

    Confirmation needs an independent origin that takes the same side of a hypothesis *about the same
    thing* (sharing content words), not merely any other supporter: otherwise every claim in a
    one-sided pile would be "confirmed by other sources" and grades would bunch at 1. A denial only
    contradicts when ``credible(denying_claim, hypothesis_id)`` holds: an accused party's self-serving
    denial does not make everyone else's report improbable.
    """
    origin_of: Mapping[str, str] = {cid: g.origin for g in groups for cid in g.claims}
    voices = [voice(c, origin_of.get(c.id) or origin_key(c), credible) for c in claims]
    index: dict[str, list[Voice]] = defaultdict(list)
    for v in voices:
        for w in v.stems:
            index[w].append(v)

    def sharing(w: str) -> list[Voice] | None:
        return index[w] if len(index[w]) <= COMMON_WORD else None

    return {v.id: judge(v, sharing) for v in voices}
