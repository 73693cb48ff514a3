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
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

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


@dataclass
class _Index:
    """Earlier claims by content word, and by each claim's rarest words (both directions of a subset)."""

    words: list[frozenset[str]]
    df: Counter[str]
    every: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    rare: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def _rarest(self, i: int) -> list[str]:
        return sorted(self.words[i], key=lambda w: (self.df[w], w))[:RARE_WORDS]

    def candidates(self, i: int) -> list[int]:
        """Earlier claims that may repeat claim ``i``, most shared words first, then latest first."""
        hits: Counter[int] = Counter()
        for w in self._rarest(i):
            hits.update(self.every.get(w, [])[-RECENT:])
        for w in self.words[i]:
            hits.update(self.rare.get(w, [])[-RECENT_RARE:])
        return [j for j, _ in sorted(hits.items(), key=lambda t: (-t[1], -t[0]))[:CHECKED]]

    def add(self, i: int) -> None:
        for w in self.words[i]:
            self.every[w].append(i)
        for w in self._rarest(i):
            self.rare[w].append(i)


def _duplicate_of(
    i: int, claims: Sequence[Claim], keys: Sequence[str], texts: Sequence[str], index: _Index
) -> int | None:
    """The earlier claim ``i`` repeats: of its own origin first, else (if unsourced) of another document."""
    same = [j for j in index.candidates(i) if fuzz.token_set_ratio(texts[i], texts[j]) >= NEAR_DUPLICATE]
    own = [j for j in same if keys[j] == keys[i]]
    if own:
        return min(own)
    c = claims[i]
    if c.source.kind not in UNSOURCED or len(index.words[i]) < MIN_SHARED_WORDS:
        return None
    other = [j for j in same if claims[j].doc != c.doc and len(index.words[j]) >= MIN_SHARED_WORDS]
    return min(other) if other else None


def _assign(claims: Sequence[Claim], keys: Sequence[str]) -> list[int]:
    """Group number (0, 1, ... in order of first claim) of every claim."""
    texts = [default_process(c.text) for c in claims]
    words = [_content_words(t) for t in texts]
    index = _Index(words, Counter(w for ws in words for w in ws))
    of_claim: list[int] = []
    by_type: dict[tuple[str, str], int] = {}
    for i, c in enumerate(claims):
        dup = _duplicate_of(i, claims, keys, texts, index)
        if dup is not None:
            g = of_claim[dup]
        else:
            g = by_type.setdefault((keys[i], c.evidence_type), len(by_type))
        of_claim.append(g)
        index.add(i)
    return of_claim


def _rank(claim: Claim, position: int) -> tuple[bool, bool, bool, int, int]:
    """Sort key of a group's claims, best statement first: takes a side, whole, unhedged, direct."""
    sided = any(s != "neutral" for s in claim.stance.values())
    return (not sided, claim.fragmentary, claim.hedged, len(claim.via), position)


def _unified(claims: Sequence[Claim], keys: Sequence[str]) -> list[str]:
    """Origin keys joined when they denote one gazetteer source (the resolver may split "Putin" from
    "Russian president Vladimir Putin", or name no entity at all); each result is one of the keys."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for c, key in zip(claims, keys, strict=True):
        canonical = None if c.source.kind in UNSOURCED else source_canonical(c.source.name)
        if canonical:
            root, other = find(key), find(f"canonical:{canonical}")
            if root != other:
                parent[other] = root
    return [find(k) for k in keys]


def _display_names(claims: Sequence[Claim], keys: Sequence[str]) -> dict[str, str]:
    """Readable name of each origin: the gazetteer's name when one of its claims has it, else the first."""
    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for c, key in zip(claims, keys, strict=True):
        if c.source.kind in UNSOURCED:
            names.setdefault(key, key)
            continue
        names.setdefault(key, c.source.name)
        found = source_canonical(c.source.name)
        if found:
            canonical.setdefault(key, found)
    return {k: canonical.get(k, v) for k, v in names.items()}


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def group_evidence(claims: Sequence[Claim]) -> tuple[list[EvidenceGroup], list[Claim]]:
    """Evidence groups G1, G2, ... in order of first claim, and the claims with ``group`` set."""
    keys = _unified(claims, [origin_key(c) for c in claims])
    of_claim = _assign(claims, keys)
    names = _display_names(claims, keys)
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(of_claim):
        members[g].append(i)
    groups: list[EvidenceGroup] = []
    number: dict[int, str] = {}
    for g, idx in members.items():
        first = claims[idx[0]]
        number[g] = f"G{len(groups) + 1}"
        ranked = sorted(idx, key=lambda i: _rank(claims[i], i))
        groups.append(
            EvidenceGroup(
                id=number[g],
                origin=names[keys[idx[0]]],
                origin_kind=first.source.kind,
                evidence_type=first.evidence_type,
                claims=tuple(claims[i].id for i in ranked),
                relays=_unique([v for i in idx for v in claims[i].via]),
                documents=_unique([claims[i].doc for i in idx]),
            )
        )
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
    words = {c.id: frozenset(w[:STEM] for w in _content_words(default_process(c.text))) for c in claims}
    index: dict[str, list[Claim]] = defaultdict(list)
    by_id = {c.id: c for c in claims}
    for c in claims:
        for w in words[c.id]:
            index[w].append(c)
    opposite = {"supports": "refutes", "refutes": "supports"}
    out: dict[str, tuple[bool, bool]] = {}
    for c in claims:
        own = origin_of.get(c.id) or origin_key(c)
        shared: Counter[str] = Counter()
        for w in words[c.id]:
            if len(index[w]) <= COMMON_WORD:
                shared.update(o.id for o in index[w] if (origin_of.get(o.id) or origin_key(o)) != own)
        same = [by_id[cid] for cid, n in shared.items() if n >= CORROBORATING_WORDS]
        near = [by_id[cid] for cid, n in shared.items() if n >= CONTRADICTING_WORDS]
        sided = [(h, s) for h, s in c.stance.items() if s in opposite]
        confirmed = any(o.stance.get(h) == s for o in same for h, s in sided)
        contradicted = any(
            o.stance.get(h) == opposite[s] and (credible is None or credible(o, h)) for o in near for h, s in sided
        )
        out[c.id] = (confirmed, contradicted)
    return out
