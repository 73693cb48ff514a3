"""Calibration of the verdict: independence, relays, self-interest, refutation, bounds; real sentences of tests/data."""

from __future__ import annotations

import dataclasses
import math

import pytest

from claimsift.assess.aggregate import assess, calibration, evaluate_group, group_llr, schum_lr
from claimsift.assess.independence import group_evidence
from claimsift.model import Claim, Hypothesis, SourceKind, SourceRef, Stance, wep_for
from opentext import AUSTIN, DOD_10000, KURSK, NATO, NO_EVIDENCE, RUSSIAN_OFFICIALS, SHELLED, SMALL_NUMBER

H1 = Hypothesis(id="H1", text="North Korean troops are deployed in Russia to fight against Ukraine")

OUTLETS = ("Reuters", "Yonhap", "BBC", "Kyiv Post", "El País", "Associated Press", "AFP", "NHK", "CNN", "Politico")

# (text, source, kind, evidence) of independent origins that support H1
SUPPORT: list[tuple[str, str, SourceKind, str]] = [
    (DOD_10000, "U.S. Department of Defense", "organization", "intelligence_assessment"),
    (AUSTIN, "Lloyd Austin", "person", "official_statement"),
    (NATO, "Farah Dakhlallah", "person", "official_statement"),
    (SHELLED, "Andrii Kovalenko", "person", "official_statement"),
]


def make(
    cid: str,
    text: str,
    source: str,
    kind: SourceKind = "organization",
    evidence: str = "official_statement",
    *,
    stance: Stance = "supports",
    hedged: bool = False,
    doc: str = "d",
    via: tuple[str, ...] = (),
) -> Claim:
    return Claim(
        id=cid,
        doc=doc,
        start=0,
        end=len(text),
        text=text,
        source=SourceRef(name=source, kind=kind),
        via=via,
        evidence_type=evidence,
        hedged=hedged,
        stance={"H1": stance},
    )


def supporting(n: int) -> list[Claim]:
    return [make(f"S{i}", t, s, k, e) for i, (t, s, k, e) in enumerate(SUPPORT[:n])]


def probability(claims: list[Claim], overrides: dict[str, str] | None = None) -> float:
    return assess(H1, claims, overrides=overrides).probability


@pytest.mark.parametrize(("event_lr", "h_over_f"), [(12, 4), (3, 4), (100, 8), (1000, 2), (1.5, 20)])
def test_assess_aggregate_schum_lr_is_bounded_by_h_over_f_and_the_event(event_lr: float, h_over_f: float) -> None:
    lr = schum_lr(event_lr, h_over_f)
    assert 1.0 < lr < min(event_lr, h_over_f)


def test_assess_aggregate_schum_lr_approaches_h_over_f_for_strong_events() -> None:
    assert schum_lr(1e9, 4.0) == pytest.approx(4.0, rel=1e-6)
    assert schum_lr(1.0, 20.0) == 1.0


def test_assess_aggregate_more_independent_origins_raise_the_probability() -> None:
    ps = [probability(supporting(n)) for n in range(5)]
    assert ps[0] == 0.5
    assert ps == sorted(set(ps))


def test_assess_aggregate_ten_relays_weigh_no_more_than_one() -> None:
    one = [make("C1", AUSTIN, "Lloyd Austin", "person", doc="voa_austin_nk_soldiers_in_russia", via=("VOA",))]
    ten = [
        make(f"C{i}", AUSTIN, "Lloyd Austin", "person", doc=f"d{i}", via=(outlet,)) for i, outlet in enumerate(OUTLETS)
    ]
    assert probability(ten) == probability(one) > 0.5


def test_assess_aggregate_an_accused_partys_denial_barely_moves_it() -> None:
    accused = abs(
        probability([make("C1", RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="refutes")]) - 0.5
    )
    disinterested = abs(probability([make("C1", NO_EVIDENCE, "Singh", "person", stance="refutes")]) - 0.5)
    assert 0 < accused < disinterested / 10


def test_assess_aggregate_a_credible_independent_refutation_lowers_it() -> None:
    base = supporting(2)
    refuted = [*base, make("R1", NO_EVIDENCE, "Singh", "person", stance="refutes")]
    assert probability(refuted) < probability(base)
    assert probability(refuted[-1:]) < 0.5


@pytest.mark.parametrize(("stance", "bound"), [("supports", 0.99), ("refutes", 0.01)])
def test_assess_aggregate_probability_never_reaches_0_or_1(stance: Stance, bound: float) -> None:
    claims = [make(f"C{i}", SMALL_NUMBER, outlet, evidence="video", stance=stance) for i, outlet in enumerate(OUTLETS)]
    result = assess(H1, claims)
    assert result.probability == bound
    assert result.wep == wep_for(bound)


def test_assess_aggregate_groups_of_one_origin_are_damped() -> None:
    claims = [
        make("C1", DOD_10000, "DoD", evidence="intelligence_assessment"),
        make("C2", SMALL_NUMBER, "Pentagon", evidence="imagery", doc="kursk_open_seams"),
    ]
    groups, grouped = group_evidence(claims)
    by_id = {c.id: c for c in grouped}
    imagery, statement = (group_llr(g, by_id, H1) for g in reversed(groups))
    assert imagery > statement > 0
    drivers = {d.claim: d.log_odds for d in assess(H1, grouped, groups).drivers}
    k = calibration()  # one factor on every group's log LR (verdict_calibration)
    assert drivers == {"C2": round(k * imagery, 3), "C1": round(k * statement / 2, 3)}


def test_assess_aggregate_hedging_halves_a_group() -> None:
    plain, hedged = (
        group_evidence([make("C1", KURSK, "Ukrainian President Volodymyr Zelenskyy", "person", hedged=h)])
        for h in (False, True)
    )
    by_plain, by_hedged = ({c.id: c for c in claims} for _, claims in (plain, hedged))
    assert group_llr(hedged[0][0], by_hedged, H1) == pytest.approx(group_llr(plain[0][0], by_plain, H1) / 2)


def test_assess_aggregate_letters_bound_the_weight() -> None:
    groups, claims = group_evidence([make("C1", SMALL_NUMBER, "Pentagon", evidence="imagery")])
    by_id = {c.id: c for c in claims}
    llrs = {letter: group_llr(groups[0], by_id, H1, {"Pentagon": letter}) for letter in "ABCDEF"}
    assert llrs["A"] > llrs["B"] > llrs["C"] > llrs["D"] > llrs["E"] > 0
    assert llrs["F"] == llrs["C"]  # cannot be judged: no judgement either way (MISP: C = F = 50)
    assert llrs["C"] < math.log(4)


@pytest.mark.parametrize(
    ("stronger", "weaker"),
    [
        ("physical", "imagery"),
        ("imagery", "official_statement"),
        ("intercepted_communication", "media_report"),
        ("document", "analysis"),
        ("official_statement", "media_report"),
        ("media_report", "analysis"),
    ],
)
def test_assess_aggregate_hard_evidence_weighs_more(stronger: str, weaker: str) -> None:
    def weight(evidence: str) -> float:
        groups, claims = group_evidence([make("C1", DOD_10000, "U.S. Department of Defense", evidence=evidence)])
        return group_llr(groups[0], {c.id: c for c in claims}, H1)

    assert weight(stronger) > weight(weaker) > 0


def test_assess_aggregate_a_group_takes_its_majority_side_scaled_by_the_margin() -> None:
    claims = [
        make("C1", AUSTIN, "Lloyd Austin", "person"),
        make("C2", AUSTIN, "Lloyd Austin", "person", via=("VOA",)),
        make("C3", AUSTIN, "Lloyd Austin", "person", via=("BBC",)),
        make("C4", AUSTIN, "Lloyd Austin", "person", stance="refutes"),
        make("C5", AUSTIN, "Lloyd Austin", "person", stance="neutral"),
    ]
    groups, grouped = group_evidence(claims)
    by_id = {c.id: c for c in grouped}
    full, _ = evaluate_group(groups[0], {"C1": by_id["C1"]}, H1)
    llr, best = evaluate_group(groups[0], by_id, H1)
    assert (llr, best) == (pytest.approx(full / 2), "C1")
    tied, none = evaluate_group(groups[0], {k: by_id[k] for k in ("C1", "C4")}, H1)
    assert (tied, none) == (0.0, None)


def test_assess_aggregate_drivers_point_at_sided_claims_strongest_first() -> None:
    claims = [
        *supporting(4),
        make("R1", NO_EVIDENCE, "Singh", "person", stance="refutes"),
        make("R2", RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="refutes"),
        *(make(f"V{i}", SMALL_NUMBER, o, evidence="video", doc=f"d{i}") for i, o in enumerate(OUTLETS[:7])),
    ]
    result = assess(H1, claims)
    by_id = {c.id: c for c in claims}
    sizes = [abs(d.log_odds) for d in result.drivers]
    assert len(result.drivers) == 10
    assert sizes == sorted(sizes, reverse=True)
    for d in result.drivers:
        assert by_id[d.claim].stance["H1"] == ("supports" if d.log_odds > 0 else "refutes")


def test_assess_aggregate_summary_is_one_icd_203_sentence() -> None:
    claims = [
        make("C1", SMALL_NUMBER, "Pentagon", evidence="imagery"),
        make("C2", AUSTIN, "Lloyd Austin", "person"),
        make("C3", RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="refutes"),
    ]
    result = assess(H1, claims)
    assert result.summary == (
        f"very likely ({result.probability:.0%}): 2 evidence groups from 2 independent origins support it, "
        "1 evidence group from 1 independent origin refutes it; "
        "strongest: Pentagon, imagery (C1)"  # imagery, confirmed by Austin in other words: 1
    )
    assert "confidence" not in result.summary
    assert result.ach == {
        "supporting_groups": 2,
        "refuting_groups": 1,
        "supporting_origins": 2,
        "refuting_origins": 1,
        "single_source": False,
    }


def test_assess_aggregate_without_sided_claims_the_prior_stands() -> None:
    hypothesis = Hypothesis(id="H1", text=H1.text, prior=0.3)
    result = assess(hypothesis, [make("C1", RUSSIAN_OFFICIALS, "Russian officials", "anonymous", stance="neutral")])
    assert (result.probability, result.wep, result.drivers) == (0.3, "unlikely", ())
    assert result.summary == "unlikely (30%): no claim takes a side, so the prior stands"


def test_assess_aggregate_uses_the_code_graded_upstream() -> None:
    claim = make("C1", AUSTIN, "Lloyd Austin", "person")
    graded = dataclasses.replace(claim, reliability="B3")
    assert assess(H1, [graded]).summary.endswith("strongest: Lloyd Austin, official statement (B3)")


def test_assess_aggregate_a_named_narrator_is_shown_by_name() -> None:
    """A briefing's narrator (the issuer, the speaker) is named in the summary and the drivers; an unnamed
    article's author stays "the author of" its document."""
    named = make("C1", AUSTIN, "Lloyd Austin", "author")
    result = assess(H1, [named])
    assert result.summary.endswith("strongest: Lloyd Austin, official statement (C3)")  # a named narrator: C
    assert "from Lloyd Austin (source grade" in result.drivers[0].reason
    unnamed = assess(H1, [make("C1", AUSTIN, "author", "author")])
    assert "strongest: the author of d," in unnamed.summary


def test_assess_aggregate_one_document_channel_is_damped() -> None:
    """The same three independent origins weigh more when three documents carry them than when one does."""
    spread = [
        make("C1", DOD_10000, "U.S. Department of Defense", "intelligence_assessment", doc="a"),
        make("C2", AUSTIN, "Lloyd Austin", "person", doc="b"),
        make("C3", SMALL_NUMBER, "Pentagon", "imagery", doc="c"),
    ]
    one_channel = [dataclasses.replace(c, doc="a") for c in spread]
    assert assess(H1, one_channel).probability < assess(H1, spread).probability
    assert assess(H1, one_channel).probability > H1.prior


def test_assess_aggregate_calibration_scales_every_group_alike() -> None:
    """The fitted factor multiplies the summed log LRs, so the posterior's log-odds are the prior's plus the
    drivers' shown log-odds, and a strong group stays stronger than a weak one."""
    claims = [
        make("C1", DOD_10000, "DoD", evidence="intelligence_assessment"),
        make("C2", SMALL_NUMBER, "Pentagon", evidence="imagery", doc="kursk_open_seams"),
    ]
    groups, grouped = group_evidence(claims)
    result = assess(H1, grouped, groups)
    assert calibration() > 1.0
    total = sum(d.log_odds for d in result.drivers)
    assert math.log(result.probability / (1 - result.probability)) == pytest.approx(total, abs=0.01)
    assert [d.claim for d in result.drivers] == ["C2", "C1"]


def test_assess_aggregate_a_calibration_factor_of_zero_or_less_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A factor of 0 would flatten every verdict to the prior and a negative one turn them round: refused, with the
    file and the value named."""
    import claimsift.assess.aggregate as aggregate

    table = aggregate.weights()
    for bad in (0.0, -1.75):
        monkeypatch.setattr(aggregate, "weights", lambda bad=bad: {**table, "verdict_calibration": {"factor": bad}})
        with pytest.raises(ValueError, match="verdict_calibration factor must be above 0"):
            aggregate.calibration()
