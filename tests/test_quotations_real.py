"""Quotations of f13c3c1 on real sentences from public-domain or openly licensed pages: "we" or "I" in a
quotation framed after it by 'said X' is X, in one claim with its frame; a sentence whose subject is a free
relative ('What I want to do ... requires ...') is one claim and no question; "according to a report by X" is X's.

Every sentence is quoted as the page where it was read gives it (VOA: U.S. federal work; Wikinews: CC BY 2.5),
with that page's address.
"""

from __future__ import annotations

import pytest

from claimkit import claim_with, claims_of

pytestmark = pytest.mark.model

# VOA text, "European Parliament Members Defend Criticisms of Rendition" (VOA's Dan Robinson, 18 April 2007), read as
# republished on http://poenglish.blogspot.com/2007_04_18_archive.html (one paragraph, whole)
EVANS = (
    '"Let\'s never forget, we are allies who share common values, of freedom, democracy and the rule of law," said '
    'Jonathan Evans. "In promoting these values elsewhere in the world, we must ensure the maintenance of those '
    'values in our own countries."'
)

# Wikinews, "Cold as ice: Wikinews interviews Marymegan Daly on unusual new sea anemone" (an answer of the
# interviewee), read in the GUM corpus file https://github.com/amir-zeldes/gum/blob/master/dep/GUM_interview_daly.conllu
# (its "# text" line), whose metadata gives the page
# https://en.wikinews.org/wiki/Cold_as_ice:_Wikinews_interviews_Marymegan_Daly_on_unusual_new_sea_anemone
WANT = (
    "What I want to do with the animals requires new material preserved in diverse ways, but it doesn't require me "
    "to be there."
)

# Wikinews, "Records reveal US Senator John Sununu had ties to convicted lobbyist", read as republished (in a post of
# September 9, 2008) on https://wikinewsreports.blogspot.com/search/label/Wikipedia
ABRAMOFF = (
    "According to a report by the U.S. Senate Indian Affairs Committee, Jack Abramoff commonly told Native American "
    "tribal clients to divert their funds through the Alexander Strategies Group."
)


def test_quotations_we_in_a_quotation_framed_by_said_name_is_the_named_speaker() -> None:
    """'"..., we are allies ...," said Jonathan Evans.': the "we" of the quotation is the speaker the inverted
    frame names, so the claim is Evans's own (a person, through no one) and not a relay of "we"."""
    claims = claims_of(EVANS, kind="article", published="2007-04-18")
    allies = claim_with(claims, "we are allies who share common values")
    assert (allies.source.name, allies.source.kind, allies.via, allies.cue) == ("Jonathan Evans", "person", (), "said")
    assert allies.text.startswith("\"Let's never forget, we are allies")


def test_quotations_the_frame_after_a_first_person_quotation_is_not_a_claim_alone() -> None:
    """The frame 'said Jonathan Evans.' belongs to the quotation before it: no claim holds only the frame, and the
    quotation that continues it after the frame is Evans's too."""
    claims = claims_of(EVANS, kind="article", published="2007-04-18")
    assert not [c for c in claims if c.text.strip(' ."') in ("said Jonathan Evans", "said Jonathan Evans.")]
    assert all("allies" in c.text or "promoting" in c.text for c in claims), [c.text for c in claims]
    allies = claim_with(claims, "we are allies")
    assert "said Jonathan Evans" in allies.text
    promoting = claim_with(claims, "In promoting these values")
    assert promoting.source.name == "Jonathan Evans"
    assert promoting.via == ()


def test_quotations_a_free_relative_subject_is_one_claim_and_no_question() -> None:
    """ "What I want to do with the animals requires ...": the sentence opens with a wh-word but its "What" clause
    is the subject of a statement; it is kept, whole, as one claim."""
    claims = claims_of(WANT, kind="article", published="2014-01-21")
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert claim.text.strip() == WANT
    assert claim.source.kind == "author"


def test_quotations_according_to_a_report_by_a_committee_is_the_committee() -> None:
    """ "According to a report by the U.S. Senate Indian Affairs Committee, ...": the report's author is the
    source, not an unknown one, and "according to" is the cue."""
    claim = claim_with(claims_of(ABRAMOFF, kind="article", published="2008-09-09"), "divert their funds")
    assert claim.source.name == "U.S. Senate Indian Affairs Committee"
    assert claim.source.kind not in ("unknown", "unattributed", "author")
    assert claim.cue == "according to"
    assert claim.text.rstrip().endswith("through the Alexander Strategies Group.")
