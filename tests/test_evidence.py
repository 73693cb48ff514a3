"""Evidence type from the source and the text, for any topic (public-domain texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimsift.analysis import analyze
from claimsift.nlp.evidence import evidence_type

DATA = Path(__file__).parent / "data"


def test_evidence_an_agencys_finding_is_an_intelligence_assessment() -> None:
    # ODNI/FBI/CISA joint statement, 2024-09-18
    text = (
        "Since the 19 August 2024 joint ODNI, FBI, and CISA public statement on Iranian Election Influence "
        "Efforts, the FBI has learned additional details about Iran’s efforts to sow discord"
    )
    assert evidence_type(text, "FBI", "organization") == "intelligence_assessment"
    # White House statement, 2024-11-08: an announcement, not a finding
    announced = "my Administration announced new action to keep American families together"
    assert evidence_type(announced, "Joe Biden", "person") == "official_statement"


def test_evidence_named_evidence_outranks_the_source() -> None:
    # VOA, 2021-07-30 (public domain; read at
    # https://webjosh.com/article/us-seizes-tanker-used-to-deliver-oil-to-north-korea-1627693999-293248)
    text = (
        "The United States seized a Singapore-owned oil tanker Friday that was used to make illegal oil deliveries "
        "to North Korea, the Justice Department said."
    )
    assert evidence_type(text, "Justice Department", "organization") == "physical"


def test_evidence_a_press_secretary_is_an_official_not_an_outlet() -> None:
    # VOA, 2024-10-29 (tests/data/voa_pentagon_kursk_small_number.txt)
    quote = (
        "“[There are] indications that there's already a small number that are actually in the Kursk Oblast, with a "
        "couple thousand more that are either almost there or due to arrive imminently,”"
    )
    secretary = "Pentagon press secretary Major General Pat Ryder"
    # "indications that ..." is what the Pentagon found: an official's assessment; the same words from an outlet
    # are its report
    assert evidence_type(quote, secretary, "person") == "intelligence_assessment"
    assert evidence_type(quote, "Associated Press", "organization") == "media_report"
    plain = "North Korea has sent about 10,000 troops to train in Russia"  # the same VOA story
    assert evidence_type(plain, secretary, "person") == "official_statement"


@pytest.mark.model
def test_evidence_a_news_articles_own_account_is_a_media_report() -> None:
    result = analyze([str(DATA / "voa_austin_nk_soldiers_in_russia.txt")])  # kind "article" in its .meta.json
    own = [c for c in result.claims if c.source.kind == "author"]
    assert own and all(c.evidence_type != "analysis" for c in own)
    assert any(c.evidence_type == "media_report" for c in own)
    speech = analyze([str(DATA / "wh_statement_families.txt")])  # a statement: the narrator is not a reporter
    assert all(c.evidence_type != "media_report" for c in speech.claims if c.source.kind == "author")


@pytest.mark.model
def test_evidence_an_image_provided_by_a_named_owner_is_the_owners(tmp_path: Path) -> None:
    # VOA, 2023-02-08: a headline paragraph without a full stop, then the photo caption
    text = (
        "US: Chinese Balloon Is part of Large Spying Program\n\n"
        "This image provided by the U.S. Navy shows sailors assigned to Explosive Ordnance Disposal Group 2 "
        "recovering a high-altitude surveillance balloon off the coast of Myrtle Beach, S.C., Feb. 5, 2023.\n"
    )
    path = tmp_path / "voa_balloon_opening.txt"
    path.write_text(text, encoding="utf-8")
    claims = analyze([str(path)]).claims
    headline, caption = claims[0], claims[1]
    assert headline.text.startswith("US: Chinese Balloon") and "This image" not in headline.text
    assert (caption.source.name, caption.evidence_type) == ("U.S. Navy", "imagery")
