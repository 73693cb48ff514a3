"""Frames on real sentences from public-domain or openly licensed pages: a frame before a content with its own cue
('X said he believes ...', 'X said the government believes ...') folds into one claim (claims._fold_frames); a subject
that names no one ('No one has claimed ...') reports nothing (cues._nobody); a reporting verb set into or after the
clause it reports ('..., she believes, and ...', '..., analysts say.') reports that clause (cues._content_of); a
'whether' clause inside a sentence after a report stays content (statements._unmarked_question).

Every sentence is quoted as the page where it was read gives it (VOA: U.S. federal work; UN press: United Nations
press material; Wikinews: CC BY 2.5, read in the GUM corpus), with that page's address.
"""

from __future__ import annotations

import pytest

from claimkit import claim_with, claims_of

pytestmark = pytest.mark.model

# --- claims._fold_frames: "NAME said he/she believes|hopes ..." (the inner cue's subject is the speaker) ---

# Wikinews, "New Zealand begins process to consider changing national flag design", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_flag.conllu (its "# text" line), whose metadata gives
# the page https://en.wikinews.org/wiki/New_Zealand_begins_process_to_consider_changing_national_flag_design
# (dateCreated 2015-05-07)
KEY_BELIEVES = (
    'New Zealand\'s Prime Minister John Key said he believes redesigning the flag now has a "strong rationale".'
)

# VOA, "Warhol Portrait of Mao Goes Missing, College Seeks Return 'No Questions Asked'" (March 31, 2024), read in the
# "Voice of America's immigration news" feed on https://immigrationresearch.org/aggregator/sources/13?page=396
BENNETT_HOPES = (
    "Bennett said he hopes someone just took the print by mistake, adding that the college wouldn't ask questions if "
    "it was returned."
)

# Wikinews, "Texas student Ahmed Mohamed inspires social movement", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_clock.conllu (two consecutive "# text" lines), whose
# metadata gives the page https://en.wikinews.org/wiki/Texas_student_Ahmed_Mohamed_inspires_social_movement
# (dateCreated 2015-09-22)
MEMON_BELIEVED = (
    "Memon also said she believed the social movement in reaction to Mohamed helped improve Muslim / non-Muslim."
)
MEMON_FIRST = (
    "University of Texas Arlington Muslim Student Association president Sehar Memon said the large amount of "
    "positive feedback for Mohamed had helped make his situation much better."
)


def _frame_only(claims: list, frame: str) -> list:
    """The claims that hold nothing but the frame (its words, give or take a final stop)."""
    return [c for c in claims if c.text.strip().rstrip(".,").strip() == frame]


def test_frames_name_said_he_believes_is_one_claim_of_the_name() -> None:
    """ "John Key said he believes redesigning the flag ...": "he" is Key, so the frame and its content are one
    claim of Key's, cued by the inner "believes"; no claim holds only "... John Key said"."""
    claims = claims_of(KEY_BELIEVES, kind="article", published="2015-05-07")
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert (claim.source.name, claim.source.kind, claim.via) == ("John Key", "person", ())
    assert claim.cue == "believes"
    assert claim.text.strip() == KEY_BELIEVES
    assert not _frame_only(claims, "New Zealand's Prime Minister John Key said")


def test_frames_name_said_he_hopes_keeps_no_frame_and_the_added_report_is_his_too() -> None:
    """ "Bennett said he hopes someone just took the print by mistake, adding that ...": the hope is Bennett's own
    claim, from the frame on (no "Bennett said" alone, nothing relayed); the "adding that" report is his as well."""
    claims = claims_of(BENNETT_HOPES, kind="article", published="2024-03-31")
    assert not _frame_only(claims, "Bennett said"), [c.text for c in claims]
    hope = claim_with(claims, "someone just took the print by mistake")
    assert hope.text.startswith("Bennett said he hopes")
    assert (hope.source.name, hope.source.kind, hope.via, hope.cue) == ("Bennett", "person", (), "hopes")
    added = claim_with(claims, "the college wouldn't ask questions")
    assert (added.source.name, added.via) == ("Bennett", ())
    assert all(c.source.name == "Bennett" for c in claims), [(c.text, c.source.name) for c in claims]


def test_frames_surname_said_she_believed_after_the_full_name_is_hers() -> None:
    """After "... president Sehar Memon said ...", "Memon also said she believed ..." is one claim of Memon's:
    "she" is the speaker of the frame, so the belief is not relayed by Memon from someone unnamed."""
    claims = claims_of(f"{MEMON_FIRST}\n{MEMON_BELIEVED}", kind="article", published="2015-09-22")
    assert not _frame_only(claims, "Memon also said"), [c.text for c in claims]
    belief = claim_with(claims, "the social movement in reaction to Mohamed")
    assert belief.text.strip() == MEMON_BELIEVED
    assert "Memon" in belief.source.name
    assert (belief.source.kind, belief.via, belief.cue) == ("person", (), "believed")


def test_frames_surname_said_she_believed_alone_is_hers() -> None:
    """The same sentence on its own: the only person it names is the one who said it, and "she" is that person."""
    claims = claims_of(MEMON_BELIEVED, kind="article", published="2015-09-22")
    belief = claim_with(claims, "the social movement in reaction to Mohamed")
    assert belief.source.kind == "person"
    assert belief.source.name == "Memon"
    assert belief.via == ()


# --- claims._fold_frames: "NAME said the GOVERNMENT believes ..." (another subject: relayed by NAME) ---

# VOA, "Still No Claim of Responsibility for Mumbai Blasts" (July 14, 2011),
# http://www.voanews.com/a/bombings-kill-17-wound-133-in-mumbai-125558928/142219.html
GOVERNMENT_BELIEVES = (
    'Home Minister Chidambaram said the government believes the blasts were a "coordinated terror attack" because '
    "of their close timing."
)


def test_frames_name_said_the_government_believes_is_the_governments_relayed_by_the_name() -> None:
    """ "Chidambaram said the government believes ...": the belief is the government's, relayed by the minister who
    reports it; the frame "Home Minister Chidambaram said" is no claim of its own."""
    claims = claims_of(GOVERNMENT_BELIEVES, kind="article", published="2011-07-14")
    assert len(claims) == 1, [c.text for c in claims]
    assert not _frame_only(claims, "Home Minister Chidambaram said")
    (claim,) = claims
    assert claim.source.name.lower().endswith("government")
    assert claim.source.kind == "organization"
    assert any("Chidambaram" in v for v in claim.via), claim.via
    assert claim.cue == "believes"
    assert "coordinated terror attack" in claim.text


# --- cues._nobody: a subject that names no one reports nothing ---

# VOA, "Still No Claim of Responsibility for Mumbai Blasts" (July 14, 2011),
# http://www.voanews.com/a/bombings-kill-17-wound-133-in-mumbai-125558928/142219.html (two consecutive sentences)
NO_ONE_CLAIMED = (
    'Indian Home Minister P. Chidambaram said Thursday police are investigating every possible "hostile" group, and '
    "that Indian intelligence had no warning before the bombings. No one has claimed responsibility."
)

# Wikinews, "Scientists analyse effects of global warming, atmospheric ozone on crops", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_warming.conllu (its "# text" line), whose metadata
# gives the page https://en.wikinews.org/wiki/Scientists_analyse_effects_of_global_warming,_atmospheric_ozone_on_crops
# (dateCreated 2014-07-28)
NOBODY_LOOKED = (
    "Heald said although temperature and ozone are separately known to impact crop yields, "
    '"nobody has looked at these together".'
)


def test_nobody_no_one_has_claimed_responsibility_is_no_ones_claim() -> None:
    """ "No one has claimed responsibility.": "No one" is not a source and "claimed" reports nothing here; the
    sentence is the article's own statement, and the minister's report before it stays his."""
    claims = claims_of(NO_ONE_CLAIMED, kind="article", published="2011-07-14")
    assert all(c.source.name.lower() not in ("no one", "one", "nobody") for c in claims), [
        (c.text, c.source.name) for c in claims
    ]
    none = claim_with(claims, "No one has claimed responsibility")
    assert none.source.kind == "author"
    assert none.cue is None
    minister = claim_with(claims, "police are investigating")
    assert minister.source.name == "Indian Home Minister P. Chidambaram"
    assert minister.cue == "said"
    assert "No one" not in minister.text


def test_nobody_in_a_quoted_content_is_not_the_source() -> None:
    """'Heald said ..., "nobody has looked at these together".': the quotation is part of what Heald said;
    "nobody" speaks for no one and is not made the source of it."""
    claims = claims_of(NOBODY_LOOKED, kind="article", published="2014-07-28")
    assert all(c.source.name.lower() != "nobody" for c in claims), [(c.text, c.source.name) for c in claims]
    claim = claim_with(claims, "nobody has looked at these together")
    assert (claim.source.name, claim.source.kind, claim.cue) == ("Heald", "person", "said")
    assert claim.text.startswith("Heald said although temperature")


# --- cues._content_of: a reporting verb set into (or after) the clause it reports ---

# VOA, "Distance No Guarantee of Safety for Russia's Exiled Journalists" (March 29, 2024), read in the "Voice of
# America's immigration news" feed on https://immigrationresearch.org/aggregator/sources/13?page=403 (the same text is
# republished on https://unitedstatesnews.online/?p=36609); consecutive sentences, paragraphs as given there
BABLOYAN = (
    "For a while, Babloyan said, she stopped going to restaurants, fearing she might be targeted again. Now, she goes "
    "out just to feel normal, albeit with a degree of caution. “If I don’t do it, I will go crazy,” she said.\n\n"
    "Letting the attack disrupt her life is exactly what the perpetrators wanted, she believes, and Babloyan refuses "
    "to give in."
)
ANALYSTS_SAY = (
    "The incident occurred in October 2022. When Babloyan spoke with VOA this February, she was still suffering the "
    "physical and emotional consequences. Her experience underscores the lengths Moscow goes to in order to silence "
    "its critics, analysts say."
)

# VOA, "Regional Governments Seen Struggling to Control IS-Khorasan" (March 29, 2024), read in the "Voice of
# America's immigration news" feed on https://immigrationresearch.org/aggregator/sources/13?page=402 (the article's
# first sentence, with its dateline)
EXPERTS_SAY = (
    "Washington — Last week’s concert hall massacre in Russia demonstrates not only the capacity of Islamic "
    "State-Khorasan to stage complex attacks beyond its base in South-Central Asia, but also the inability of the "
    "Taliban and regional countries to counter its threats, experts say."
)

# UN press, "Daily Press Briefing by the Offices of the Spokesperson for the Secretary-General and the Spokesperson for
# the General Assembly President", 28 April 2011, https://www.un.org/press/en/2011/db110428.doc.htm (consecutive
# sentences, paragraphs and spacing as given there)
SYRIAN_AUTHORITIES = (
    "Mr. Pascoe also provided the Security Council with an update on Syria in an open meeting yesterday afternoon.  "
    "He told Council members that the anti-Government demonstrations that had started in mid-March have gradually, "
    "but steadily, increased in geographic scope and participation.\n\n"
    "The Syrian authorities, he said, have reacted with a mix of reform measures and increasingly violent repression."
)


def test_content_of_she_believes_set_into_the_sentence_reports_the_clause_before_it() -> None:
    """ "Letting the attack disrupt her life is exactly what the perpetrators wanted, she believes, and Babloyan
    refuses to give in.": the belief is the clause before "she believes", and it is Babloyan's; what follows the
    frame ("Babloyan refuses to give in") is not part of it."""
    claims = claims_of(BABLOYAN, kind="article", published="2024-03-29")
    belief = claim_with(claims, "exactly what the perpetrators wanted")
    assert belief.text.startswith("Letting the attack disrupt her life")
    assert "refuses" not in belief.text
    assert (belief.source.name, belief.source.kind, belief.via, belief.cue) == ("Babloyan", "person", (), "believes")


def test_content_of_analysts_say_after_the_clause_is_the_analysts() -> None:
    """ "Her experience underscores ..., analysts say.": the analysts (unnamed) report the clause before the frame;
    the narration before it stays the article's."""
    claims = claims_of(ANALYSTS_SAY, kind="article", published="2024-03-29")
    claim = claim_with(claims, "underscores the lengths Moscow goes to")
    assert claim.text.startswith("Her experience underscores")
    assert (claim.source.name, claim.source.kind, claim.cue) == ("analysts", "anonymous", "say")
    occurred = claim_with(claims, "The incident occurred in October 2022")
    assert occurred.source.kind == "author"


def test_content_of_experts_say_after_a_long_clause_is_the_experts() -> None:
    """ "... demonstrates not only ... but also ..., experts say.": the whole clause before the frame, both of its
    coordinated halves, is the experts' claim."""
    claims = claims_of(EXPERTS_SAY, kind="article", published="2024-03-29")
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert "the capacity of Islamic State-Khorasan" in claim.text
    assert "the inability of the Taliban" in claim.text
    assert (claim.source.name, claim.source.kind, claim.cue) == ("experts", "anonymous", "say")


def test_content_of_he_said_set_after_the_subject_reports_the_whole_clause() -> None:
    """ "The Syrian authorities, he said, have reacted ...": the frame splits its content's subject from its verb;
    the claim is the whole clause, and "he" is Mr. Pascoe of the sentences before."""
    claims = claims_of(SYRIAN_AUTHORITIES, kind="article", published="2011-04-28")
    claim = claim_with(claims, "The Syrian authorities")
    assert "have reacted with a mix of reform measures" in claim.text
    assert (claim.source.name, claim.source.kind, claim.cue) == ("Pascoe", "person", "said")


# --- statements._unmarked_question: "whether" inside a sentence, after a report, is content ---

# Wikinews, "New Zealand begins process to consider changing national flag design", read in the GUM corpus file
# https://github.com/amir-zeldes/gum/blob/master/dep/GUM_news_flag.conllu (its "# text" line), whose metadata gives
# the page https://en.wikinews.org/wiki/New_Zealand_begins_process_to_consider_changing_national_flag_design
# (dateCreated 2015-05-07)
DETERMINE_WHETHER = (
    "On Tuesday, the New Zealand government announced the start of a public process to suggest designs for a new "
    "national flag, and determine whether their citizens would prefer a different national flag over the current one."
)


def test_unmarked_question_whether_after_an_announcement_is_kept_as_content() -> None:
    """ "... announced the start of a public process to suggest designs ..., and determine whether their citizens
    would prefer ...": the 'whether' clause is part of what was announced, not a question standing alone; the
    announcement is kept whole, the government's."""
    claims = claims_of(DETERMINE_WHETHER, kind="article", published="2015-05-07")
    assert len(claims) == 1, [c.text for c in claims]
    (claim,) = claims
    assert claim.text.strip() == DETERMINE_WHETHER
    assert "whether their citizens would prefer" in claim.text
    assert (claim.source.name, claim.source.kind, claim.cue) == ("New Zealand government", "organization", "announced")
