"""Analysis of Competing Hypotheses (Heuer ch. 8; CONVENTIONS.md 5): evidence groups x hypotheses.

The probabilities of ``aggregate`` answer "how likely is each hypothesis"; ACH asks which hypothesis
the evidence fails to disprove, working across each row. Each group gets a mark per hypothesis from
its side and strength (log LR >= 1.0 is very consistent, CC, or very inconsistent, II; N for no side;
NA when its claims were not weighed against that hypothesis), a diagnosticity (Open Synthesis: the
population standard deviation of the marks as 5..1, N/A as 3), and each hypothesis the PARC
inconsistency score (I -1, II -2) and its weighted form (credibility x relevance x value, each weight
Low 1/sqrt2, Medium 1, High sqrt2). Credibility merges the Admiralty letter and digit; relevance
follows the evidence type. Rows sort by diagnosticity, most diagnostic first. The output is plain
JSON-ready dicts so a report can print it as it is.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from claimsift.assess.aggregate import group_llr
from claimsift.assess.independence import corroboration
from claimsift.assess.reliability import admiralty, credible_voice, weights
from claimsift.model import Claim, EvidenceGroup, Hypothesis


def mark(llr: float, weighed: bool) -> str:
    """CC | C | N | I | II | NA for a group's log LR on one hypothesis."""
    strong = float(weights()["ach"]["strong_log_lr"])
    if not weighed:
        return "NA"
    if llr >= strong:
        return "CC"
    if llr <= -strong:
        return "II"
    return "C" if llr > 0 else "I" if llr < 0 else "N"


def diagnosticity(marks: Sequence[str]) -> float:
    """Population standard deviation of the marks mapped to 5 (CC) .. 1 (II), N/A as 3; 0 for one mark."""
    values = [float(weights()["ach"]["mark_value"][m]) for m in marks]
    return round(statistics.pstdev(values), 3) if len(values) > 1 else 0.0


def credibility_level(code: str) -> str:
    """High | Medium | Low from an Admiralty code: A/B and 1/2 count up, D/E/F and 4/5/6 count down."""
    letter = {"A": 1, "B": 1, "C": 0}.get(code[0], -1)
    digit = {"1": 1, "2": 1, "3": 0}.get(code[1:], -1)
    total = letter + digit
    return "High" if total >= 1 else "Low" if total <= -1 else "Medium"


def _row(
    group: EvidenceGroup,
    hypotheses: Sequence[Hypothesis],
    by_id: Mapping[str, Claim],
    corro: Mapping[str, tuple[bool, bool]],
    overrides: Mapping[str, str],
) -> dict[str, Any]:
    members = [by_id[cid] for cid in group.claims if cid in by_id]
    marks = {
        h.id: mark(group_llr(group, by_id, h, overrides), any(h.id in c.stance for c in members)) for h in hypotheses
    }
    code = (members[0].reliability or admiralty(members[0], overrides, corro)[0]) if members else "F6"
    return group_row(group, marks, code)


def group_row(group: EvidenceGroup, marks: Mapping[str, str], code: str) -> dict[str, Any]:
    """One row of the matrix from a group, its mark per hypothesis and its first claim's Admiralty code."""
    return {
        "group": group.id,
        "origin": group.origin,
        "origin_label": group.label,
        "evidence_type": group.evidence_type,
        "credibility": credibility_level(code),
        "relevance": weights()["ach"]["relevance"].get(group.evidence_type, "Medium"),
        "marks": dict(marks),
        "diagnosticity": diagnosticity(list(marks.values())),
    }


def _scores(rows: Sequence[dict[str, Any]], hypotheses: Sequence[Hypothesis]) -> dict[str, dict[str, Any]]:
    ach = weights()["ach"]
    scores: dict[str, dict[str, Any]] = {}
    for h in hypotheses:
        inconsistency, weighted = 0, 0.0
        for row in rows:
            value = ach["inconsistency"].get(row["marks"][h.id], 0)
            inconsistency += value
            weighted += value * ach["weights"][row["credibility"]] * ach["weights"][row["relevance"]]
        scores[h.id] = {"inconsistency": inconsistency, "weighted": round(weighted, 2)}
    return scores


def ach_matrix(
    hypotheses: Sequence[Hypothesis],
    groups: Sequence[EvidenceGroup],
    claims: Sequence[Claim],
    overrides: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The ACH matrix as JSON-ready data: rows (marks, diagnosticity), scores, least-inconsistent hypothesis.

    Example: {"rows": [{"group": "G1", "marks": {"H1": "C"}, "diagnosticity": 0.0, ...}],
    "scores": {"H1": {"inconsistency": 0, "weighted": 0.0}}}; "least_inconsistent" with two or more.
    """
    by_id = {c.id: c for c in claims}
    # graded claims carry their code; only ungraded ones (direct calls) need corroboration worked out
    ungraded = any(c.reliability is None for c in claims)
    corro = corroboration(claims, groups, credible_voice(hypotheses)) if ungraded else {}
    return matrix_of([_row(g, hypotheses, by_id, corro, overrides or {}) for g in groups], hypotheses)


def matrix_of(rows: list[dict[str, Any]], hypotheses: Sequence[Hypothesis]) -> dict[str, Any]:
    """The matrix from its rows (``group_row``), in group order: sorted by diagnosticity, scored, led."""
    rows = sorted(rows, key=lambda r: -float(r["diagnosticity"]))
    scores = _scores(rows, hypotheses)
    result: dict[str, Any] = {"rows": rows, "scores": scores}
    if len(hypotheses) >= 2:
        order = {h.id: i for i, h in enumerate(hypotheses)}
        result["least_inconsistent"] = max(
            scores, key=lambda h: (scores[h]["inconsistency"], scores[h]["weighted"], -order[h])
        )
    return result
