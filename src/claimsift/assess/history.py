"""Belief over time: the probability of each hypothesis after each dated step, and the claim that moved it.

An analyst following a question for weeks needs to see when "likely" was reached and on what, not just
today's verdict. Each claim is dated by when it was said (``stated_date``), else by its document's
publication date; claims with neither come last, in one undated step. At each date the hypothesis is
assessed (``aggregate.assess``) on the claims known by then, inside the evidence groups of the whole case
cut down to those claims, so a step is exactly what the verdict would have been on that day with today's
reading of the documents, and the last step equals today's verdict.

Pure: assembled claims and groups in, plain records out; nothing here parses or touches a database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

from claimsift.assess.aggregate import assess
from claimsift.model import Assessment, Claim, EvidenceGroup, Hypothesis

UNDATED = "~"
"""Sorts after every ISO date: the step of claims with no date at all."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """The verdict on one hypothesis once the claims dated up to ``date`` are known."""

    date: str | None
    """YYYY-MM-DD (or YYYY-MM, YYYY for coarse dates); None for the step of undated claims."""
    probability: float
    wep: str
    moved_by: str | None
    """Id of the claim whose contribution changed most at this step; None when no contribution changed."""
    change: float
    """How far that claim's contribution moved, in natural-log odds (signed)."""
    claims: int
    """Claims known at this step (all claims, whatever their stance)."""


def step_date(claim: Claim, published: Mapping[str, str | None]) -> str | None:
    """When a claim became known: its statement date, else its document's publication date."""
    return claim.stated_date or published.get(claim.doc)


def _restricted(groups: Sequence[EvidenceGroup], known: Mapping[str, Claim]) -> list[EvidenceGroup]:
    """The groups cut down to the known claims (documents too: they drive the per-channel damping)."""
    out = []
    for g in groups:
        ids = tuple(c for c in g.claims if c in known)
        if ids:
            docs = tuple(dict.fromkeys(known[c].doc for c in ids))
            out.append(dataclasses.replace(g, claims=ids, documents=docs))
    return out


def _moved_by(
    before: Mapping[str, float],
    after: Mapping[str, float],
    known: Mapping[str, Claim],
    arriving: Sequence[Claim],
    hypothesis_id: str,
) -> tuple[str | None, float]:
    """The claim that moved the hypothesis most at this step, and by how much (the log-odds its group
    gained or lost, net of a new best claim taking an old one's place).

    Drivers are compared group by group (a driver is a group's best claim). A new claim can change other
    groups' weights too (per-origin and per-document damping), so groups that new claims joined come
    first; the claim named is the new one that joined the winning group (the relay that corroborated an
    earlier statement), or the group's best claim when nothing new joined it.
    """
    joined: dict[str | None, list[Claim]] = {}
    for c in sorted(arriving, key=lambda c: c.stance.get(hypothesis_id, "neutral") == "neutral"):
        joined.setdefault(c.group, []).append(c)
    by_group: dict[str | None, float] = {}
    best: dict[str | None, tuple[float, str]] = {}
    for claim in [*after, *(c for c in before if c not in after)]:
        change = after.get(claim, 0.0) - before.get(claim, 0.0)
        group = known[claim].group
        by_group[group] = by_group.get(group, 0.0) + change  # a new best claim replacing an old one nets out
        if abs(change) > abs(best.get(group, (0.0, claim))[0]) or group not in best:
            best[group] = (change, claim)
    moved = [(group, change) for group, change in by_group.items() if abs(change) > 1e-9]
    if not moved:
        return None, 0.0
    preferred = [(group, change) for group, change in moved if group in joined] or moved
    group, change = max(preferred, key=lambda t: abs(t[1]))
    newcomers = joined.get(group, [])
    return (newcomers[0].id if newcomers else best[group][1]), round(change, 3)


def _dated(claims: Sequence[Claim], published: Mapping[str, str | None]) -> list[tuple[str, list[Claim]]]:
    """Claims by step date, oldest first, undated last."""
    keyed = sorted(claims, key=lambda c: step_date(c, published) or UNDATED)
    return [(day, list(items)) for day, items in groupby(keyed, key=lambda c: step_date(c, published) or UNDATED)]


def _sided(claims: Sequence[Claim], hypothesis_id: str) -> bool:
    return any(c.stance.get(hypothesis_id, "neutral") != "neutral" for c in claims)


def hypothesis_history(
    hypothesis: Hypothesis,
    steps: Sequence[tuple[str, list[Claim]]],
    groups: Sequence[EvidenceGroup],
    overrides: Mapping[str, str],
) -> tuple[Step, ...]:
    """The steps of one hypothesis: a step wherever a claim taking a side arrives or the verdict changes."""
    known: dict[str, Claim] = {}
    before: dict[str, float] = {}
    probability = hypothesis.prior
    out = []
    for day, arriving in steps:
        known.update((c.id, c) for c in arriving)
        a: Assessment = assess(hypothesis, list(known.values()), _restricted(groups, known), overrides)
        after = {d.claim: d.log_odds for d in a.drivers}
        if _sided(arriving, hypothesis.id) or a.probability != probability:
            moved, change = _moved_by(before, after, known, arriving, hypothesis.id)
            date = None if day == UNDATED else day
            out.append(
                Step(date=date, probability=a.probability, wep=a.wep, moved_by=moved, change=change, claims=len(known))
            )
        before, probability = after, a.probability
    return tuple(out)


def belief_history(
    claims: Sequence[Claim],
    groups: Sequence[EvidenceGroup],
    hypotheses: Sequence[Hypothesis],
    published: Mapping[str, str | None],
    overrides: Mapping[str, str] | None = None,
) -> dict[str, tuple[Step, ...]]:
    """Each hypothesis's steps, by hypothesis id.

    Args:
        claims: The assembled claims (numbered, with stances and groups), as in ``Analysis.claims``.
        groups: Their evidence groups, as in ``Analysis.groups``.
        hypotheses: The hypotheses assessed.
        published: Publication date (YYYY-MM-DD or None) per document id.
        overrides: The analyst's reliability letters per source, as given to the assessment.
    """
    steps = _dated(claims, published)
    return {h.id: hypothesis_history(h, steps, groups, overrides or {}) for h in hypotheses}


def as_dicts(steps: Sequence[Step]) -> list[dict[str, object]]:
    """JSON-ready steps: ``{date, probability, wep, moved_by, change, claims}``."""
    return [dataclasses.asdict(s) for s in steps]
