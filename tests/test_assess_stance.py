"""Stance rules on real sentences (dev transcript and the Reuters story in tests/data)."""

from __future__ import annotations

import pytest

from claimsift.assess.stance import polarity, relevance, stances
from claimsift.model import Claim, Hypothesis, SourceRef

H1 = Hypothesis(id="H1", text="North Korean troops are deployed in Russia to fight against Ukraine")
H2 = Hypothesis(
    id="H2", text="Russia and North Korea have a treaty that obliges each to give the other military assistance"
)
NIS = SourceRef(name="South Korea's National Intelligence Service", kind="organization")
AUTHOR = SourceRef(name="author", kind="author")


def claim(text: str, source: SourceRef = NIS, doc: str = "d", cue_polarity: str = "assert", **kw: object) -> Claim:
    return Claim(id="C", doc=doc, start=0, end=len(text), text=text, source=source, cue_polarity=cue_polarity, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukraine's military intelligence service said on Thursday that the first North Korean units trained in "
            "Russia had been deployed in the Kursk region",
            "supports",
        ),
        ("Both claim there's no hard evidence", "refutes"),
        ("The head of the Ukraine Center for Countering step in to shut down the rumor", "refutes"),
        ("If there are images, then they are a reflection", "neutral"),
        ("for their part, have neither confirmed nor denied", "neutral"),
    ],
)
def test_assess_stance_polarity(text: str, expected: str) -> None:
    assert polarity(claim(text)) == expected


def test_assess_stance_negated_denial_cue_is_neutral() -> None:
    c = claim("Putin did not deny that North Korean troops were currently in Russia.", cue_polarity="neutral")
    assert polarity(c) == "neutral"


def test_assess_stance_relevance_counts_only_distinctive_topics() -> None:
    troops = "military units have been deployed to the Kursk"
    assert relevance(troops, H1.text, (H2.text,)) == 2
    assert relevance(troops, H2.text, (H1.text,)) < 2
    treaty = "Article 4 is essentially a mutual defense pact"
    assert relevance(treaty, H2.text, (H1.text,)) == 2
    assert relevance(treaty, H1.text, (H2.text,)) == 0


def test_assess_stance_reads_claims_in_their_documents_context() -> None:
    claims = [
        claim("The first units of the military from the DPRK have already arrived in the combat zone"),
        claim("The agency said the bases in Russia's Far East, including Vladivostok"),
        claim("they are nothing but dirty maneuvers of the"),
        claim("Only a fool would risk making Kim Jong-Un mad", source=AUTHOR),
    ]
    out = stances(claims, [H1, H2])
    assert out[0] == {"H1": "supports", "H2": "neutral"}
    assert out[1] == {"H1": "supports", "H2": "neutral"}  # touches both, the document is about H1
    assert out[2] == {"H1": "refutes", "H2": "neutral"}  # a bare denial refutes the document's topic
    assert out[3] == {"H1": "neutral", "H2": "neutral"}  # the narrator's aside


def test_assess_stance_treaty_claims_support_the_treaty_hypothesis() -> None:
    claims = [
        claim("has now been signed into effect by Putin", source=AUTHOR),
        claim("Article 4 is essentially a mutual defense pact", source=AUTHOR),
    ]
    assert [s["H2"] for s in stances(claims, [H1, H2])] == ["supports", "supports"]


def test_assess_stance_the_speakers_party_counts_as_mentioned() -> None:
    putin = SourceRef(name="Vladimir Putin", kind="person")
    c = claim("then they are a reflection Treaty on Strategic Partnership, which contains", source=putin)
    assert relevance(c.text, H2.text, (H1.text,)) == 1
    assert relevance(c.text, H2.text, (H1.text,), speaker="Vladimir Putin") == 2


def test_assess_stance_words_outside_the_lexicon_still_count() -> None:
    space = Hypothesis(id="H3", text="Russia will give North Korea space technology")
    c = claim("send North Korea space technology and possible on the Korean Peninsula.")
    assert relevance(c.text, space.text) == 2
    assert relevance("Only a fool would risk making Kim Jong-Un mad", space.text) < 2
