"""schema.org ClaimReview: every property Google's fact-check markup requires, and the recommended ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimsift import analyze
from claimsift.model import Analysis
from claimsift.report.claimreview import WORDS, rating_value, short_claim, to_claimreview

DATA = Path(__file__).parent / "data"
DOCS = [DATA / "seams" / "kursk_open_seams.txt", *sorted((DATA / "relay").glob("*.txt"))]
HYPOTHESES = (
    "North Korean troops are deployed in Russia to fight against Ukraine",
    "Russia and North Korea have a treaty that obliges each to give the other military assistance",
)
BASE = "https://factcheck.example/nk-troops"


@pytest.fixture(scope="module")
def analysis(nlp: object) -> Analysis:
    return analyze([str(p) for p in DOCS], hypotheses=HYPOTHESES)


@pytest.fixture(scope="module")
def items(analysis: Analysis) -> list[dict[str, Any]]:
    return to_claimreview(analysis, BASE, reviewer="Example Checks", date_published="2024-11-06")


@pytest.mark.model
def test_report_claimreview_one_item_per_claim_that_takes_a_side(
    analysis: Analysis, items: list[dict[str, Any]]
) -> None:
    sided = [c for c in analysis.claims if any(s != "neutral" for s in c.stance.values())]
    assert len(items) == len(sided) > 0
    assert [i["url"] for i in items] == [f"{BASE}#claim-{c.id}" for c in sided]


@pytest.mark.model
def test_report_claimreview_google_required_properties(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["@context"] == "https://schema.org"
        assert item["@type"] == "ClaimReview"
        assert item["url"].startswith(BASE + "#claim-")
        assert 0 < len(item["claimReviewed"]) <= 75
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] in WORDS.values()


@pytest.mark.model
def test_report_claimreview_recommended_properties(analysis: Analysis, items: list[dict[str, Any]]) -> None:
    docs = {d.title: d for d in analysis.documents}
    for item in items:
        assert item["author"] == {"@type": "Organization", "name": "Example Checks", "url": BASE}
        assert item["datePublished"] == "2024-11-06"
        rating = item["reviewRating"]
        assert rating["worstRating"] == 1 and rating["bestRating"] == 7
        assert 1 <= rating["ratingValue"] <= 7
        assert rating["name"] == rating["alternateName"] == list(WORDS.values())[rating["ratingValue"] - 1]
        assert "1 = almost no chance" in rating["ratingExplanation"]
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim"
        assert claim["appearance"]["@type"] == "CreativeWork"
        doc = docs[claim["appearance"]["name"]]
        assert claim["appearance"].get("url") == (doc.url or None)
        assert claim["datePublished"]
    authors = [i["itemReviewed"].get("author") for i in items]
    assert {"Person", "Organization"} <= {a["@type"] for a in authors if a}


@pytest.mark.model
def test_report_claimreview_rating_follows_the_verdict_and_the_stance(analysis: Analysis) -> None:
    items = {i["url"].rsplit("#claim-", 1)[1]: i for i in to_claimreview(analysis)}
    h1 = analysis.assessments[0]
    for c in analysis.claims:
        if c.id in items and set(c.stance.values()) - {"neutral"} == {c.stance["H1"]}:
            expected = rating_value(h1.wep, c.stance["H1"])
            if abs(h1.probability - 0.5) >= abs(analysis.assessments[1].probability - 0.5):
                assert items[c.id]["reviewRating"]["ratingValue"] == expected, c.id


@pytest.mark.parametrize(
    ("wep", "stance", "value"),
    [
        ("almost_certain", "supports", 7),
        ("almost_certain", "refutes", 1),
        ("even", "supports", 4),
        ("even", "refutes", 4),
        ("very_unlikely", "supports", 2),
        ("very_unlikely", "refutes", 6),
    ],
)
def test_report_claimreview_rating_value(wep: str, stance: str, value: int) -> None:
    assert rating_value(wep, stance) == value


@pytest.mark.parametrize(
    "text",
    [
        "short claim",
        "North Korean troops have been deployed to the Kursk region of Russia and are fighting there now",
        "x" * 200,
        "  spaced\n\nout   text  ",
    ],
)
def test_report_claimreview_short_claim(text: str) -> None:
    short = short_claim(text)
    assert len(short) <= 75
    assert "\n" not in short and "  " not in short
    if len(" ".join(text.split())) > 75:
        assert short.endswith("…")
