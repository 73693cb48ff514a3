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


# Passive reports with no agent (cues._passive_report): the subject is what the report is about, never its source.

# Wikinews, "Australian woman claims Church of Scientology imprisoned her for twelve years", read in the GUM corpus
# file https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_imprisoned.conllu (its "# text" line), whose
# metadata gives the page
# https://en.wikinews.org/wiki/Australian_woman_claims_Church_of_Scientology_imprisoned_her_for_twelve_years
TOLD_TO_DISCONNECT = "In 1995, at age seventeen, she was told to disconnect from her mother."

# Congressional Record (U.S. federal work), House, 5 February 2020, read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_speech_impeachment.conllu (its "# text" line), whose metadata
# gives the page https://www.congress.gov/congressional-record/2020/02/05/house-section/article/H776-2
SENATORS_ASKED = (
    "Madam Speaker, this afternoon, Senators will be asked to vote on the two Articles of Impeachment the House "
    "presented on abuse of power and the obstruction of Congress."
)

# Wikinews, "Scientology defector arrested after attempting to leave organization" (October 9, 2010), read in the GUM
# corpus file https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_defector.conllu (its "# text" line), whose
# metadata gives the page https://en.wikinews.org/wiki/Scientology_defector_arrested_after_attempting_to_leave_organization
CHARGED_WITH = (
    "Montalvo was charged with taking hard drives and a zip drive from the Scientology organization after leaving "
    "the Sea Org group."
)

# Wikinews, "Lantern Festival in Taipei lights up the night", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_lanterns.conllu (its "# text" line), whose metadata
# gives the page https://en.wikinews.org/wiki/Lantern_Festival_in_Taipei_lights_up_the_night
BELIEVED_LUCK = "Its round shape symbolizes wealth and good fortune and is believed to bring good luck."

# Wikinews, "North Korea puts military in 'quasi-state of war'", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_korea.conllu (its "# text" line), whose metadata gives
# the page https://en.wikinews.org/wiki/North_Korea_puts_military_in_%27quasi-state_of_war%27
TOLD_TO_PREPARE = (
    "According to Yonhap news agency, quoting North Korea's main news agency Korean Central News Agency (KCNA), the "
    'country\'s military has been placed on high alert and has been told to prepare a "quasi-state of war".'
)


def test_quotations_she_was_told_to_is_unattributed_and_not_hers() -> None:
    """ "she was told to disconnect from her mother": who told her is not named; "she" is what the passive report
    is about, not its source, so the claim is unattributed, with "told" as its cue."""
    claim = claim_with(claims_of(TOLD_TO_DISCONNECT, kind="article", published="2011-12-02"), "disconnect")
    assert claim.source.name.lower() not in ("she", "her")
    assert (claim.source.kind, claim.via, claim.cue) == ("unattributed", (), "told")
    assert claim.text.strip() == TOLD_TO_DISCONNECT


def test_quotations_the_one_charged_is_not_the_source_of_the_charge() -> None:
    """ "Montalvo was charged with taking hard drives ...": an accusation by someone the sentence does not name,
    never Montalvo's own claim (the code before made him its source)."""
    claim = claim_with(claims_of(CHARGED_WITH, kind="article", published="2010-10-09"), "hard drives")
    assert "Montalvo" not in claim.source.name
    assert (claim.source.kind, claim.cue) == ("unattributed", "charged")


def test_quotations_senators_will_be_asked_to_is_unattributed_and_not_the_senators() -> None:
    """ "Senators will be asked to vote on ...": the Senators are asked, they do not report; the claim is
    unattributed, cue "asked", and the Senators are no source of any claim of the sentence."""
    claims = claims_of(SENATORS_ASKED, kind="transcript", published="2020-02-05")
    claim = claim_with(claims, "will be asked to vote")
    assert (claim.source.kind, claim.via, claim.cue) == ("unattributed", (), "asked")
    assert not [c for c in claims if "Senator" in c.source.name], [c.source.name for c in claims]


def test_quotations_a_conjoined_is_believed_to_does_not_make_its_subject_a_source() -> None:
    """ "Its round shape symbolizes ... and is believed to bring good luck": the shape is what is believed about;
    the sentence stays one claim, not the shape's, and "is believed to" hedges it."""
    claims = claims_of(BELIEVED_LUCK, kind="article", published="2007-03-05")
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert "shape" not in claim.source.name
    assert claim.source.kind in ("author", "unattributed")
    assert claim.hedged
    assert "is believed to" in claim.hedge_cues


def test_quotations_a_conjoined_has_been_told_to_is_the_outer_sources_not_its_subjects() -> None:
    """Under "According to Yonhap news agency, ...", "the country's military ... has been told to prepare" is
    Yonhap's report about the military: the military is not a source."""
    claims = claims_of(TOLD_TO_PREPARE, kind="article", published="2015-08-21")
    assert not [c for c in claims if "military" in c.source.name], [(c.source.name, c.text) for c in claims]
    told = claim_with(claims, "told to prepare")
    assert told.source.name == "Yonhap news agency" or "Yonhap news agency" in told.via


# A quotation that ends on a noun phrase, framed after it by 'said Name': the name speaks, not the noun phrase.

# Wikinews, "NASA celebrates 30th anniversary of first shuttle launch; announces new homes for retired shuttles", read
# in the GUM corpus file https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_nasa.conllu (its "# text" line),
# whose metadata gives the page
# https://en.wikinews.org/wiki/NASA_celebrates_30th_anniversary_of_first_shuttle_launch;_announces_new_homes_for_retired_shuttles
BOLDEN = (
    '"We want to thank all of the locations that expressed an interest in one of these national treasures," said '
    "Bolden to the gathered crowd which contained many KSC employees."
)


def test_quotations_a_noun_phrase_ending_the_quotation_is_not_the_speaker_said_names() -> None:
    """'"... one of these national treasures," said Bolden to the gathered crowd ...': the quotation is Bolden's,
    in one claim with its frame; "these national treasures" (and "the locations") are no source."""
    claims = claims_of(BOLDEN, kind="article", published="2011-04-13")
    thank = claim_with(claims, "these national treasures")
    assert thank.source.name == "Bolden"
    assert thank.via == ()
    assert thank.text.startswith('"We want to thank all of the locations')
    assert "said Bolden" in thank.text
    assert not [c for c in claims if "treasure" in c.source.name or "location" in c.source.name]


def test_quotations_the_cue_of_a_quotation_framed_by_said_name_is_said() -> None:
    """'"We want to thank ...," said Bolden': the claim is reported by "said"; "want" inside the quotation is what
    Bolden says, not how it is reported."""
    thank = claim_with(claims_of(BOLDEN, kind="article", published="2011-04-13"), "these national treasures")
    assert thank.cue == "said"


def test_quotations_a_relative_clause_in_the_frame_is_not_a_claim_of_the_speaker() -> None:
    """'..., said Bolden to the gathered crowd which contained many KSC employees.': the relative clause is part
    of the frame, not something Bolden said; no claim of Bolden's holds it without the quotation."""
    claims = claims_of(BOLDEN, kind="article", published="2011-04-13")
    crowd = claim_with(claims, "KSC employees")
    assert "national treasures" in crowd.text or crowd.source.name != "Bolden"
