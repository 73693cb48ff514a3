"""A probability per hypothesis: prior log-odds plus one likelihood ratio per evidence group.

Odds form (CONVENTIONS.md 6): posterior log-odds = prior log-odds + sum of log LRs, which is honest only
for independent items, so the unit is the evidence group (one origin, one item; ``independence``), and
the k-th strongest group of one origin counts 1/k (its items are correlated), and groups that reach us
through one document only are damped together (they share that author's selection).

A group's LR starts from the event it reports: ``evidence_lr`` in ``data/evidence_weights.json``, the LR
were the report certainly true (imagery 12, official statement 4, commentary 1.5). Schum's source
credibility turns that into the LR of the *report*: with h/f = P(report | E) / P(report | not E) taken
from the Admiralty letter (A 20, B 8, C 4, D 2, E 1.2, F 2) and P(E | H) = 1,

    LR(report) = s * L / (L + s - 1),   s = h/f, L = LR(E),

which is bounded by h/f, so no letter-C source's report has an LR above 4 (after the calibration below, a
verdict multiplies the odds by at most 4 ** 1.75, about 11, for one such report). The log LR is then
halved for hedged claims and multiplied by 0.05 for self-serving ones (an accused party's denial) and
0.5 for interested ones. The credibility digit is not used again: its parts (hedging, hard evidence,
corroboration by other groups) are already in the sum, and counting corroboration twice is the
circular-reporting error this stage exists to avoid.

Last, the summed log LRs are multiplied by one fitted factor (``verdict_calibration``, 1.75): the tables are
judgements item by item, and on annotated verdicts their sum came out too timid (a true claim that an
official asserts on record read "likely"). The drivers show their log-odds after that factor, on the scale of
the verdict's (they add up to its log-odds when there are no more than ``MAX_DRIVERS`` and the probability is
inside [P_MIN, P_MAX]). The ACH marks (``ach.py``) read the tables' log LRs, before the factor.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimsift.assess.independence import corroboration, group_evidence
from claimsift.assess.names import hypothesis_roles, role_text
from claimsift.assess.reliability import admiralty, credible_voice, interest, narrated, source_letter, weights
from claimsift.model import WEP_WORDS, Assessment, Claim, Driver, EvidenceGroup, Hypothesis, wep_for

Scored = tuple[EvidenceGroup, float, str]
"""(group, log LR, id of its best claim)."""
P_MIN, P_MAX = 0.01, 0.99
MAX_DRIVERS = 10
SIGN = {"supports": 1.0, "refutes": -1.0}
WORDS = WEP_WORDS


def calibration() -> float:
    """The factor on every log LR of a verdict (``verdict_calibration``): the tables' weights are judgements one by
    one, and this one number, fitted on annotated verdicts, makes their sum say what analysts conclude."""
    factor = float(weights().get("verdict_calibration", {}).get("factor", 1.0))
    if not factor > 0:
        raise ValueError(f"evidence_weights.json: verdict_calibration factor must be above 0, got {factor}")
    return factor


def schum_lr(event_lr: float, h_over_f: float) -> float:
    """LR of a report that E happened, from LR(E) and the source's h/f (never beyond either)."""
    if event_lr <= 1.0 or h_over_f <= 1.0:
        return 1.0
    return h_over_f * event_lr / (event_lr + h_over_f - 1.0)


def claim_llr(claim: Claim, hypothesis: Hypothesis, letter: str) -> float:
    """Signed natural-log LR of one claim for one hypothesis, given its source's Admiralty letter."""
    sign = SIGN.get(claim.stance.get(hypothesis.id, "neutral"), 0.0)
    if not sign:
        return 0.0
    data = weights()
    event_lr = data["evidence_lr"].get(claim.evidence_type, data["default_evidence_lr"])
    llr = math.log(schum_lr(float(event_lr), float(data["letter_h_over_f"][letter])))
    if claim.hedged:
        llr *= data["hedged_factor"]
    if claim.source.kind == "unattributed":
        llr *= data.get("unattributed_factor", 1.0)
    roles = hypothesis_roles(role_text(hypothesis))
    stake = interest(claim, hypothesis.id, roles.parties, roles.opposing, roles.achievement)
    return sign * llr * float(data["interest_factor"][stake])


Strongest = tuple[float, tuple[Any, ...], float, str]
"""(|log LR|, rank in its group, log LR, claim id) of a group's strongest claim on one side."""


@dataclass(frozen=True, slots=True)
class Tally:
    """What a group's weight on one hypothesis follows from: how many of its claims take each side, and the
    strongest on each (on a tie, the first in the group's order). Tallies of two sets of claims merge, so a
    group that gains claims is weighed again from its tally and the new claims alone."""

    supports: int = 0
    refutes: int = 0
    pro: Strongest | None = None
    con: Strongest | None = None

    def merged(self, other: Tally) -> Tally:
        return Tally(
            supports=self.supports + other.supports,
            refutes=self.refutes + other.refutes,
            pro=_stronger(self.pro, other.pro),
            con=_stronger(self.con, other.con),
        )


def _stronger(a: Strongest | None, b: Strongest | None) -> Strongest | None:
    if a is None or b is None:
        return a or b
    return a if (-a[0], a[1]) <= (-b[0], b[1]) else b


def tally(
    members: Iterable[tuple[Sequence[Any], Claim]], hypothesis: Hypothesis, overrides: Mapping[str, str] | None = None
) -> Tally:
    """The tally of these claims, each with its rank in its group (any keys that sort in the group's order)."""
    out = Tally()
    for rank, c in members:
        side = c.stance.get(hypothesis.id, "neutral")
        if side not in SIGN:
            continue
        llr = claim_llr(c, hypothesis, source_letter(c, overrides or {})[0])
        one: Strongest = (abs(llr), tuple(rank), llr, c.id)
        own = Tally(supports=1, pro=one) if side == "supports" else Tally(refutes=1, con=one)
        out = out.merged(own)
    return out


def weight(t: Tally) -> tuple[float, str | None]:
    """(log LR, id of the claim that states it best) of a group from its tally; (0.0, None) when it takes no side.

    The group's side is the majority of its sided claims; its strength is the strongest claim on that
    side, scaled by the margin ((for - against) / (for + against)) when the origin contradicts itself.
    """
    if t.supports == t.refutes:
        return 0.0, None
    best = t.pro if t.supports > t.refutes else t.con
    if best is None:  # pragma: no cover - a side with claims has its strongest
        return 0.0, None
    return best[2] * abs(t.supports - t.refutes) / (t.supports + t.refutes), best[3]


def evaluate_group(
    group: EvidenceGroup,
    claims_by_id: Mapping[str, Claim],
    hypothesis: Hypothesis,
    overrides: Mapping[str, str] | None = None,
) -> tuple[float, str | None]:
    """(log LR, id of the claim that states it best) of one group; (0.0, None) when it takes no side (``weight``)."""
    members = [claims_by_id[cid] for cid in group.claims if cid in claims_by_id]
    return weight(tally((((i,), c) for i, c in enumerate(members)), hypothesis, overrides))


def group_llr(
    group: EvidenceGroup,
    claims_by_id: Mapping[str, Claim],
    hypothesis: Hypothesis,
    overrides: Mapping[str, str] | None = None,
) -> float:
    """Natural-log likelihood ratio of one evidence group for one hypothesis, before correlation damping."""
    return evaluate_group(group, claims_by_id, hypothesis, overrides)[0]


def _damped(scored: list[Scored]) -> list[Scored]:
    """The k-th strongest group of one origin counts 1/k."""
    by_origin: dict[str, list[Scored]] = defaultdict(list)
    for item in scored:
        by_origin[item[0].origin].append(item)
    out = []
    for items in by_origin.values():
        items.sort(key=lambda t: -abs(t[1]))
        out += [(g, llr / k, best) for k, (g, llr, best) in enumerate(items, 1)]
    return out


def _channel_damped(scored: list[Scored]) -> list[Scored]:
    """Groups that reach us through one document only share its author's selection: damp them together.

    n such groups count as n / (1 + rho (n - 1)) independent ones (the effective number of correlated
    items), so a single video or article that strings together many sources cannot alone make a
    hypothesis near-certain. Groups seen in several documents are left as they are.
    """
    rho = float(weights().get("channel_correlation", 0.0))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, (g, _, _) in enumerate(scored):
        if len(g.documents) == 1:
            by_doc[g.documents[0]].append(i)
    out = list(scored)
    for idx in by_doc.values():
        n = len(idx)
        factor = 1.0 / (1.0 + rho * (n - 1))
        for i in idx:
            g, llr, best = out[i]
            out[i] = (g, llr * factor, best)
    return out


def _origin_label(group: EvidenceGroup, claim: Claim) -> str:
    """The origin as a reader knows it: a named narrator (a briefer, a speaker, an issuing agency) by name, not
    as "the author of" its document."""
    if group.origin_kind == "author" and narrated(claim.source.name):
        return claim.source.name
    return group.label


def _strongest(damped: list[Scored], claim_of: Callable[[str], Claim], code_of: Callable[[Claim], str]) -> str:
    """ "South Korea's National Intelligence Service, imagery (C2)": origin, evidence and Admiralty code."""
    group, _, best = damped[0]
    claim = claim_of(best)
    code = claim.reliability or code_of(claim)
    return f"{_origin_label(group, claim)}, {group.evidence_type.replace('_', ' ')} ({code})"


def _reason(
    group: EvidenceGroup, claim: Claim, hypothesis: Hypothesis, overrides: Mapping[str, str], kept: float
) -> str:
    """ "supports it: imagery from U.S. Navy (source grade C); hedged, counted at 50%; ..." for one driver.

    The factors are read from ``data/evidence_weights.json``, the same numbers ``claim_llr`` applies."""
    side = claim.stance.get(hypothesis.id, "neutral")
    letter = source_letter(claim, overrides)[0]
    source = _origin_label(group, claim)
    parts = [f"{side} it: {claim.evidence_type.replace('_', ' ')} from {source} (source grade {letter})"]
    if group.relays:
        more = f" and {len(group.relays) - 3} more" if len(group.relays) > 3 else ""
        parts.append(f"relayed by {', '.join(group.relays[:3])}{more}, which adds nothing")
    data = weights()
    if claim.hedged:
        parts.append(f"hedged, counted at {data['hedged_factor']:.0%}")
    if claim.source.kind == "unattributed":
        parts.append(f"no origin named, counted at {data.get('unattributed_factor', 1.0):.0%}")
    roles = hypothesis_roles(role_text(hypothesis))
    stake = interest(claim, hypothesis.id, roles.parties, roles.opposing, roles.achievement)
    if stake == "self_serving":
        parts.append(f"a party's word in its own cause, counted at {data['interest_factor'][stake]:.0%}")
    elif stake == "interested":
        parts.append(f"an opposing party's word, counted at {data['interest_factor'][stake]:.0%}")
    if kept < 0.99:
        parts.append(f"counted at {kept:.0%} as correlated with other evidence of its origin or document")
    return "; ".join(parts)


def _counts(damped: list[Scored], sign: float) -> tuple[int, int]:
    side = [g for g, llr, _ in damped if llr * sign > 0]
    return len(side), len({g.origin for g in side})


def _side(groups: int, origins: int, verb: str) -> str:
    """ "3 evidence groups from 2 independent origins refute it" with the right number agreement."""
    g = "evidence group" if groups == 1 else "evidence groups"
    o = "independent origin" if origins == 1 else "independent origins"
    return f"{groups} {g} from {origins} {o} {verb if groups != 1 else verb + 's'} it"


def _summary(p: float, damped: list[Scored], strongest: str) -> str:
    """One ICD 203 sentence: the likelihood word, never a confidence level."""
    head = f"{WORDS[wep_for(p)]} ({p:.0%})"
    if not damped:
        return f"{head}: no claim takes a side, so the prior stands"
    (n_for, o_for), (n_against, o_against) = _counts(damped, 1.0), _counts(damped, -1.0)
    line = f"{head}: {_side(n_for, o_for, 'support')}, {_side(n_against, o_against, 'refute')}; strongest: {strongest}"
    if all(g.origin_kind == "unattributed" for g, _, _ in damped):
        line += "; it rests only on reports that name no origin, so it stays near the prior until someone is named"
    return line


def _tally(damped: list[Scored]) -> dict[str, object]:
    (n_for, o_for), (n_against, o_against) = _counts(damped, 1.0), _counts(damped, -1.0)
    return {
        "supporting_groups": n_for,
        "refuting_groups": n_against,
        "supporting_origins": o_for,
        "refuting_origins": o_against,
        "single_source": o_for + o_against == 1,
    }


def assess(
    hypothesis: Hypothesis,
    claims: Sequence[Claim],
    groups: Sequence[EvidenceGroup] | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Assessment:
    """Probability, ICD 203 word, the groups that moved it most, and a one-sentence summary.

    Without ``groups`` the claims are grouped here (``independence.group_evidence``).
    """
    if groups is None:
        groups, claims = group_evidence(claims)
    overrides = overrides or {}
    by_id = {c.id: c for c in claims}
    scored = [(g, *evaluate_group(g, by_id, hypothesis, overrides)) for g in groups]
    kept = groups

    def code_of(claim: Claim) -> str:  # only ungraded claims (direct calls) need corroboration worked out
        return admiralty(claim, overrides, corroboration(claims, kept, credible_voice([hypothesis])))[0]

    return verdict(hypothesis, scored, by_id.__getitem__, overrides, code_of)


def verdict(
    hypothesis: Hypothesis,
    scored: Sequence[tuple[EvidenceGroup, float, str | None]],
    claim_of: Callable[[str], Claim],
    overrides: Mapping[str, str] | None = None,
    code_of: Callable[[Claim], str] | None = None,
) -> Assessment:
    """The assessment from each group's (log LR, best claim) alone: what ``assess`` concludes, without the claims.

    This is what lets a case assess from its stored evidence groups (``claimsift.case.verdicts``): only the
    best claims of the groups that end up as drivers are asked for (``claim_of``), at most ``MAX_DRIVERS``.

    Args:
        code_of: The Admiralty code of a best claim that carries none (ungraded claims); graded ones use theirs.
    """
    overrides = overrides or {}
    damped = _channel_damped(_damped([(g, llr, best) for g, llr, best in scored if best is not None and llr]))
    factor = calibration()
    total = math.log(hypothesis.prior / (1.0 - hypothesis.prior)) + factor * sum(llr for _, llr, _ in damped)
    p = round(min(P_MAX, max(P_MIN, 1.0 / (1.0 + math.exp(-total)))), 3)
    damped.sort(key=lambda t: -abs(t[1]))
    raw = {g.id: llr for g, llr, _ in scored if llr}
    drivers: list[Driver] = []
    for g, llr, best in damped:
        if len(drivers) == MAX_DRIVERS:
            break
        if round(llr, 3):
            kept = llr / raw[g.id] if raw.get(g.id) else 1.0
            reason = _reason(g, claim_of(best), hypothesis, overrides, kept)
            drivers.append(Driver(claim=best, log_odds=round(factor * llr, 3), reason=reason))
    strongest = _strongest(damped, claim_of, code_of or (lambda c: "F6")) if damped else ""
    return Assessment(
        hypothesis=hypothesis,
        probability=p,
        wep=wep_for(p),
        drivers=tuple(drivers),
        ach=_tally(damped),
        summary=_summary(p, damped, strongest),
    )
