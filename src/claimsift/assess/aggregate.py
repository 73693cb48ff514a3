"""A probability per hypothesis from its prior and the claims' stances (log-odds, damped per source).

Each supporting or refuting claim adds a log-likelihood ratio that shrinks with hedging and with
weak evidence types; repeated claims from one source are damped (the k-th counts 1/k), so ten
relays of one origin weigh little more than one.
"""

from __future__ import annotations

import math
from collections import defaultdict

from claimsift.model import Assessment, Claim, Driver, Hypothesis, wep_for

BASE_LLR = 0.6
EVIDENCE_WEIGHT = {
    "imagery": 1.2,
    "video": 1.1,
    "intercepted_communication": 1.0,
    "document": 1.1,
    "physical": 1.3,
    "intelligence_assessment": 1.0,
    "official_statement": 0.7,
    "eyewitness": 0.9,
    "anonymous_source": 0.5,
    "media_report": 0.6,
    "analysis": 0.4,
}
HEDGE_FACTOR = 0.5
P_MIN, P_MAX = 0.01, 0.99


def origin(claim: Claim) -> str:
    """The independence key of a claim: its original source (relays do not make new evidence)."""
    if claim.source.kind in ("author", "unattributed"):
        return f"{claim.source.kind}:{claim.doc}"
    return claim.source.name.lower()


def claim_llr(claim: Claim, hyp_id: str) -> float:
    """Signed log-likelihood ratio of one claim before damping."""
    sign = {"supports": 1.0, "refutes": -1.0}.get(claim.stance.get(hyp_id, "neutral"), 0.0)
    if sign == 0.0:
        return 0.0
    weight = EVIDENCE_WEIGHT.get(claim.evidence_type, 0.6) * (HEDGE_FACTOR if claim.hedged else 1.0)
    return sign * BASE_LLR * weight


def assess(hypothesis: Hypothesis, claims: list[Claim]) -> Assessment:
    """Probability, ICD 203 word and the claims that moved it most."""
    per_origin: dict[str, list[tuple[float, Claim]]] = defaultdict(list)
    for c in claims:
        llr = claim_llr(c, hypothesis.id)
        if llr:
            per_origin[origin(c)].append((llr, c))
    drivers: list[Driver] = []
    total = math.log(hypothesis.prior / (1 - hypothesis.prior))
    for items in per_origin.values():
        items.sort(key=lambda x: -abs(x[0]))
        for k, (llr, c) in enumerate(items, 1):
            contrib = llr / k
            total += contrib
            drivers.append(Driver(claim=c.id, log_odds=round(contrib, 3)))
    p = min(P_MAX, max(P_MIN, 1 / (1 + math.exp(-total))))
    drivers.sort(key=lambda d: -abs(d.log_odds))
    support = sum(1 for v in per_origin.values() if sum(x for x, _ in v) > 0)
    refute = sum(1 for v in per_origin.values() if sum(x for x, _ in v) < 0)
    summary = (
        f"{wep_for(p).replace('_', ' ')} ({p:.0%}): {support} independent sources support, {refute} refute"
    )
    return Assessment(
        hypothesis=hypothesis,
        probability=round(p, 3),
        wep=wep_for(p),
        drivers=tuple(drivers[:10]),
        ach={"supporting_sources": support, "refuting_sources": refute},
        summary=summary,
    )
