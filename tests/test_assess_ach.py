"""The ACH matrix: marks, diagnosticity, PARC scores and the least-inconsistent hypothesis, on real sentences."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimsift.assess.ach import ach_matrix, credibility_level, diagnosticity, mark
from claimsift.assess.independence import group_evidence
from claimsift.model import Claim, Hypothesis, SourceKind, SourceRef, Stance

DATA = Path(__file__).parent / "data"
H1 = Hypothesis(id="H1", text="North Korean troops are deployed in Russia to fight against Ukraine")
H2 = Hypothesis(
    id="H2", text="Russia and North Korea have a treaty that obliges each to give the other military assistance"
)

# Real sentences (tests/data/*.txt).
NIS_IMAGES = (
    "Those the day before by Seoul's National Intelligence images of a concentration of troops deployed to "
    "special forces from the areas near Chongjin"
)
KREMLIN = 'The Kremlin has previously dismissed reports about the North\'s troop deployment as "fake news".'
RUMOR = "The head of the Ukraine Center for Countering step in to shut down the rumor, urging people not operations."
TREATY = (
    "But Russian president Vladimir Putin said on Thursday that it was Moscow's business how to implement a "
    "partnership treaty with Pyongyang."
)
CALLS = "is of the supposed wounded North Korean allegedly intercepted calls between servicemen October 26 and 27."
QUOTES = (NIS_IMAGES, KREMLIN, RUMOR, TREATY, CALLS)


def make(
    cid: str, text: str, source: str, kind: SourceKind, evidence: str, stance: dict[str, Stance], hedged: bool = False
) -> Claim:
    return Claim(
        id=cid,
        doc="d",
        start=0,
        end=len(text),
        text=text,
        source=SourceRef(name=source, kind=kind),
        evidence_type=evidence,
        hedged=hedged,
        stance=stance,
    )


def matrix(hypotheses: list[Hypothesis]) -> dict[str, object]:
    claims = [
        make("C1", NIS_IMAGES, "National Intelligence", "organization", "imagery", {"H1": "supports", "H2": "neutral"}),
        make("C2", KREMLIN, "Kremlin", "organization", "official_statement", {"H1": "refutes", "H2": "neutral"}),
        make(
            "C3",
            RUMOR,
            "Center for Countering Disinformation",
            "organization",
            "official_statement",
            {"H1": "refutes", "H2": "neutral"},
        ),
        make(
            "C4", TREATY, "Russian president Vladimir Putin", "person", "document", {"H1": "neutral", "H2": "supports"}
        ),
        make("C5", CALLS, "unattributed", "unattributed", "intercepted_communication", {"H1": "supports"}, True),
    ]
    groups, grouped = group_evidence(claims)
    return ach_matrix(hypotheses, groups, grouped)


@pytest.mark.xfail(
    strict=True,
    reason="issue 9 item 6, not finished: some QUOTES come from the Reuters copy and the YouTube caption transcript "
    "removed from tests/data (not open text); they are still to be replaced by sentences of open texts",
)
def test_assess_ach_quotes_are_real_text() -> None:
    corpus = " ".join(p.read_text(encoding="utf-8") for p in DATA.glob("*.txt"))
    assert [q for q in QUOTES if q not in corpus] == []


@pytest.mark.parametrize(
    ("llr", "weighed", "expected"),
    [(1.2, True, "CC"), (1.0, True, "CC"), (0.4, True, "C"), (0.0, True, "N"), (-0.03, True, "I"), (-1.0, True, "II")]
    + [(0.4, False, "NA"), (0.0, False, "NA")],
)
def test_assess_ach_mark_from_side_and_strength(llr: float, weighed: bool, expected: str) -> None:
    assert mark(llr, weighed) == expected


@pytest.mark.parametrize(
    ("marks", "expected"),
    [(["CC", "II"], 2.0), (["C", "C", "C"], 0.0), (["CC", "N"], 1.0), (["I", "NA"], 0.5), (["II"], 0.0)],
)
def test_assess_ach_diagnosticity_is_the_spread_across_hypotheses(marks: list[str], expected: float) -> None:
    assert diagnosticity(marks) == expected


@pytest.mark.parametrize(
    ("code", "level"),
    [("A1", "High"), ("C2", "High"), ("C3", "Medium"), ("D2", "Medium"), ("B5", "Medium")]
    + [("F3", "Low"), ("C6", "Low")],
)
def test_assess_ach_credibility_merges_letter_and_digit(code: str, level: str) -> None:
    assert credibility_level(code) == level


def test_assess_ach_rows_mark_each_group_against_each_hypothesis() -> None:
    rows = matrix([H1, H2])["rows"]
    assert isinstance(rows, list)
    got = {r["group"]: (r["origin"], r["marks"], r["diagnosticity"]) for r in rows}
    assert got == {
        "G1": ("South Korea's National Intelligence Service", {"H1": "CC", "H2": "N"}, 1.0),
        "G2": ("Kremlin", {"H1": "I", "H2": "N"}, 0.5),
        "G3": ("Center for Countering Disinformation", {"H1": "I", "H2": "N"}, 0.5),
        "G4": ("Vladimir Putin", {"H1": "N", "H2": "CC"}, 1.0),
        "G5": ("unattributed:d", {"H1": "C", "H2": "NA"}, 0.5),
    }
    assert [r["diagnosticity"] for r in rows] == sorted((r["diagnosticity"] for r in rows), reverse=True)


def test_assess_ach_scores_count_inconsistency_and_weigh_it() -> None:
    result = matrix([H1, H2])
    # Kremlin and the Center both refute H1 but deny in different words, so neither confirms the other:
    # one is Medium credibility (x1), the other Low (x 1/sqrt2), each of Medium relevance.
    assert result["scores"] == {
        "H1": {"inconsistency": -2, "weighted": round(-1 - 1 / math.sqrt(2), 2)},
        "H2": {"inconsistency": 0, "weighted": 0.0},
    }
    assert result["least_inconsistent"] == "H2"


def test_assess_ach_one_hypothesis_has_no_diagnosticity_and_no_leader() -> None:
    result = matrix([H1])
    rows = result["rows"]
    assert isinstance(rows, list)
    assert {r["diagnosticity"] for r in rows} == {0.0}
    assert "least_inconsistent" not in result


def test_assess_ach_ties_keep_the_order_of_the_hypotheses() -> None:
    h3 = Hypothesis(id="H3", text="Kim Jong Un sent no soldiers")
    assert matrix([H2, h3])["least_inconsistent"] == "H2"
    assert matrix([h3, H2])["least_inconsistent"] == "H3"


def test_assess_ach_matrix_is_plain_json() -> None:
    result = matrix([H1, H2])
    assert json.loads(json.dumps(result)) == result
