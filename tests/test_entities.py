"""Entity grouping (claimsift.resolve.entities): surface forms of one thing become one entity, different
things stay apart.

``group_entities`` is a pure function, tested on hand-built ``Mention`` lists of names from the reporting on
North Korean troops in Russia (2024); then through ``analyze`` on the torn transcript made from open U.S. texts
(tests/data/seams) and a VOA story.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimsift import analyze
from claimsift.model import Entity, Mention
from claimsift.nlp.mentions import _spreads
from claimsift.resolve.entities import group_entities

DATA = Path(__file__).parent / "data"
TRANSCRIPT = DATA / "seams" / "kursk_open_seams.txt"
AUSTIN = DATA / "voa_austin_nk_soldiers_in_russia.txt"


def mentions(*forms: tuple[str, str], doc: str = "d") -> list[Mention]:
    """Mentions in text order, as if the forms were written one after another, a space apart."""
    out, pos = [], 0
    for text, label in forms:
        out.append(Mention(doc=doc, start=pos, end=pos + len(text), text=text, label=label))
        pos += len(text) + 1
    return out


def surface_groups(entities: list[Entity]) -> list[list[str]]:
    return [[m.text for m in e.mentions] for e in entities]


@pytest.mark.parametrize(
    ("forms", "name", "type_"),
    [
        # the alias gazetteer
        ([("Kim Jong-Un", "PERSON"), ("Jong Un", "PERSON")], "Kim Jong Un", "PERSON"),
        ([("DPRK", "ORG"), ("North Korea", "GPE"), ("D.P.R.K.", "GPE")], "North Korea", "GPE"),
        ([("Putin", "PERSON"), ("Vladimir Putin", "PERSON")], "Vladimir Putin", "PERSON"),
        (
            [("Zelensky", "PERSON"), ("Zelenskyy", "PERSON"), ("Volodymyr Zelensky", "PERSON")],
            "Volodymyr Zelenskyy",
            "PERSON",
        ),
        ([("ISIS", "ORG"), ("Islamic State", "ORG"), ("Daesh", "PERSON")], "Islamic State", "ORG"),
        ([("Russia", "GPE"), ("Russian Federation", "ORG"), ("Russia's", "GPE")], "Russia", "GPE"),
        ([("Donald J. Trump", "PERSON"), ("Trump", "PERSON")], "Donald Trump", "PERSON"),
        ([("the Kremlin", "ORG"), ("Kremlin", "FAC")], "Kremlin", "ORG"),
        # names outside the gazetteer: surname, hyphenation, transliteration, acronym
        ([("Rustem Umerov", "PERSON"), ("Umerov", "PERSON")], "Rustem Umerov", "PERSON"),
        ([("Umerov", "PERSON"), ("Rustem Umerov", "PERSON")], "Rustem Umerov", "PERSON"),
        ([("Kim Yong Hyun", "PERSON"), ("Kim Yong-hyun", "PERSON")], "Kim Yong Hyun", "PERSON"),
        ([("Rustem Umerov", "PERSON"), ("Rustem Umyerov", "PERSON")], "Rustem Umerov", "PERSON"),
        (
            [("Institute for the Study of War", "ORG"), ("ISW", "ORG")],
            "Institute for the Study of War",
            "ORG",
        ),
        ([("Defense Intelligence Agency", "ORG"), ("DIA", "ORG")], "Defense Intelligence Agency", "ORG"),
    ],
)
def test_entities_surface_forms_group_into_one(forms: list[tuple[str, str]], name: str, type_: str) -> None:
    ms = mentions(*forms)
    (entity,) = group_entities(ms)
    assert (entity.id, entity.name, entity.type) == ("E1", name, type_)
    assert list(entity.mentions) == ms


@pytest.mark.parametrize(
    ("forms", "groups"),
    [
        (
            [("Mark Rutte", "PERSON"), ("Andrii Yermak", "PERSON"), ("Rutte", "PERSON"), ("Yermak", "PERSON")],
            [["Mark Rutte", "Rutte"], ["Andrii Yermak", "Yermak"]],
        ),
        ([("Kim Jong Un", "PERSON"), ("Kim Jong Il", "PERSON")], None),  # father and son
        ([("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON")], None),  # brother and sister
        ([("Kim Jong Un", "PERSON"), ("Kim Jong Gyu", "PERSON")], None),  # leader and vice foreign minister
        ([("North Korea", "GPE"), ("South Korea", "GPE")], None),
        ([("Ukraine", "GPE"), ("Ukrainian", "NORP")], None),
        ([("Kyiv Post", "ORG"), ("Kyiv", "GPE")], None),
        ([("Lloyd Austin", "PERSON"), ("Austin", "GPE")], None),
        ([("Niger", "GPE"), ("Nigeria", "GPE")], None),
        ([("Sudan", "GPE"), ("South Sudan", "GPE")], None),
        ([("Security Service of Ukraine", "ORG"), ("Main Intelligence Directorate", "ORG")], None),
    ],
)
def test_entities_different_things_stay_apart(forms: list[tuple[str, str]], groups: list[list[str]] | None) -> None:
    """``groups`` None: every form is an entity of its own."""
    expected = groups if groups is not None else [[text] for text, _label in forms]
    assert surface_groups(group_entities(mentions(*forms))) == expected


def test_entities_ids_follow_the_first_mention() -> None:
    ms = mentions(
        ("Yermak", "PERSON"),
        ("Kursk", "GPE"),
        ("Rustem Umerov", "PERSON"),
        ("Andrii Yermak", "PERSON"),
        ("Umerov", "PERSON"),
        ("Kursk region", "GPE"),
    )
    entities = group_entities(ms)
    assert [(e.id, e.name) for e in entities] == [
        ("E1", "Andrii Yermak"),
        ("E2", "Kursk"),
        ("E3", "Rustem Umerov"),
    ]
    assert surface_groups(entities) == [
        ["Yermak", "Andrii Yermak"],
        ["Kursk", "Kursk region"],
        ["Rustem Umerov", "Umerov"],
    ]


def test_entities_group_across_documents() -> None:
    first = mentions(("Andrii Yermak", "PERSON"), ("DPRK", "ORG"), doc="a")
    second = mentions(("North Korea", "GPE"), ("Yermak", "PERSON"), doc="b")
    entities = group_entities(first + second)
    assert [(e.name, sorted({m.doc for m in e.mentions})) for e in entities] == [
        ("Andrii Yermak", ["a", "b"]),
        ("North Korea", ["a", "b"]),
    ]


def test_entities_acronyms_and_region_words_do_not_overreach() -> None:
    """A possessive gives an acronym no letter ("King's College" is no KSC); a two-letter acronym and a person's
    name never meet ("ST", "Sandro Tonali"); a capitalised "County" is part of the name, a lower-case "region" is
    not (names from GUM texts: GUM_bio_byron, GUM_news_nasa, GUM_bio_nida, GUM_news_soccer)."""
    entities = group_entities(
        mentions(
            ("King's College", "ORG"),
            ("KSC", "ORG"),
            ("Sandro Tonali", "PERSON"),
            ("ST", "ORG"),
            ("Bergen County", "GPE"),
            ("Bergen", "GPE"),
            ("Kursk region", "GPE"),
            ("Kursk", "GPE"),
        )
    )
    assert surface_groups(entities) == [
        ["King's College"],
        ["KSC"],
        ["Sandro Tonali"],
        ["ST"],
        ["Bergen County"],
        ["Bergen"],
        ["Kursk region", "Kursk"],
    ]


def test_entities_every_mention_in_exactly_one_entity() -> None:
    ms = mentions(
        ("Kim Jong-Un", "PERSON"),
        ("Kim", "PERSON"),
        ("Jong Un", "PERSON"),
        ("Putin", "PERSON"),
        ("Russian", "NORP"),
        ("Vladimir Putin", "PERSON"),
        ("DPRK", "ORG"),
        ("Kyiv Post", "ORG"),
        ("Kyiv", "GPE"),
        ("Mark Rutte", "PERSON"),
        ("Rutte", "PERSON"),
        ("NATO", "ORG"),
    )
    grouped = [m for e in group_entities(ms) for m in e.mentions]
    assert sorted(grouped, key=lambda m: m.start) == ms


def test_entities_no_mentions_no_entities() -> None:
    assert group_entities([]) == []


@pytest.fixture(scope="module")
def transcript_entities(nlp: object) -> list[Entity]:
    return list(analyze([str(TRANSCRIPT)]).entities)


def entities_of_text(tmp_path: Path, text: str) -> list[Entity]:
    """The entities claimsift reads off a text written to a file, as a user would give it."""
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return list(analyze([str(path)]).entities)


def entity_of(entities: list[Entity], surface: str) -> Entity:
    found = [e for e in entities for m in e.mentions if m.text == surface]
    assert found, f"no mention {surface!r} in the transcript"
    assert all(e is found[0] for e in found), f"{surface!r} is in {[e.name for e in found]}"
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("DPRK", "North Korea"),
        ("Zelenskyy", "Volodymyr Zelenskyy"),
        ("Pentagon", "U.S. Department of Defense"),
        ("Security Council", "U.N. Security Council"),
    ],
)
def test_entities_transcript_forms_are_one_entity(transcript_entities: list[Entity], first: str, second: str) -> None:
    assert entity_of(transcript_entities, first) is entity_of(transcript_entities, second)


@pytest.mark.model
def test_entities_a_name_before_region_is_a_place(transcript_entities: list[Entity]) -> None:
    """The model reads "Kursk" as a product; "the Kursk region" makes it a place, and so every "Kursk" of the
    text (no gazetteer entry needed)."""
    kursk = entity_of(transcript_entities, "Kursk")
    assert kursk.type == "GPE"
    assert len(kursk.mentions) >= 3


@pytest.mark.model
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Pat Ryder", "Singh"),
        ("Zelenskyy", "Umerov"),
        ("North Korea", "Russia"),
        ("North Korea", "South Korea"),
        ("Kyiv", "Ukraine"),
    ],
)
def test_entities_transcript_different_things_stay_apart(
    transcript_entities: list[Entity], first: str, second: str
) -> None:
    assert entity_of(transcript_entities, first) is not entity_of(transcript_entities, second)


@pytest.mark.model
def test_entities_transcript_mentions_are_spans_in_one_entity_each(
    transcript_entities: list[Entity], torn_transcript: str
) -> None:
    seen: set[tuple[int, int]] = set()
    for e in transcript_entities:
        for m in e.mentions:
            assert torn_transcript[m.start : m.end] == m.text
            assert (m.start, m.end) not in seen
            seen.add((m.start, m.end))
    assert [e.id for e in transcript_entities] == [f"E{i}" for i in range(1, len(transcript_entities) + 1)]


@pytest.mark.model
def test_entities_same_person_across_transcript_and_article(nlp: object) -> None:
    result = analyze([str(TRANSCRIPT), str(AUSTIN)])
    zelenskyy = entity_of(list(result.entities), "Volodymyr Zelenskyy")
    assert zelenskyy.name == "Volodymyr Zelenskyy"
    assert {m.doc for m in zelenskyy.mentions} == {"kursk_open_seams", "voa_austin_nk_soldiers_in_russia"}
    russia = entity_of(list(result.entities), "Russia")
    assert russia is not zelenskyy
    assert {m.doc for m in russia.mentions} == {"kursk_open_seams", "voa_austin_nk_soldiers_in_russia"}


@pytest.mark.model
def test_entities_lower_case_captions_still_find_known_names(tmp_path: Path) -> None:
    # White House press gaggle of 2024-03-28 (John Kirby; public domain), as YouTube auto-captions render it: no
    # capitals (the transcript excerpt read at https://russialist.org/transcript-on-the-record-press-gaggle-by-white-
    # house-national-security-communications-advisor-john-kirby-excerpt/)
    captions = (
        "first i want to just take a moment\nto respond to the both the nonsense\nand the propaganda that weve "
        "been seeing\ncoming from the kremlin and the russian government\nover the past few days about the\n"
        "isis terrorist attack on the concert hall which\nsadly took the lives of more than 140 people\n"
        "who have sought to\ndeflect blame onto ukraine the united states\nand everyone else\n"
    )
    path = tmp_path / "kirby_captions.txt"
    path.write_text(captions, encoding="utf-8")
    names = {m.text: e.name for e in analyze([str(path)]).entities for m in e.mentions}
    assert names["isis"] == "Islamic State"
    assert names["ukraine"] == "Ukraine"
    assert names["united states"] == "United States"
    assert names["kremlin"] == "Kremlin"
    assert "ukraine the united states" not in names  # the gazetteer splits what the model ran together


UN_SC = DATA / "un_sc_dprk_military_cooperation.txt"
PENTAGON = DATA / "voa_pentagon_kursk_small_number.txt"
# Wikinews, 2006-02-23 (CC BY 2.5), read in the GUM corpus (dep/GUM_news_iodine.conllu),
# https://en.wikinews.org/wiki/Australian_children_suffering_from_iodine_deficiency
IODINE = (
    "Professor Eastman says iodine is added to only 10 per cent of Australian salt in contravention of a World "
    "Health Organisation recommendation that all salt be iodised. The World Health Organisation (WHO) recommends "
    "that every country should iodise all edible salt. WHO say Iodine deficiency is the world’s most prevalent, yet "
    "easily preventable, cause of brain damage."
)


@pytest.mark.model
def test_entities_an_acronym_in_parentheses_is_a_mention_of_the_name(nlp: object) -> None:
    """UN press release SC/15877 (tests/data): "the Office of the High Commissioner for Human Rights (OHCHR)"."""
    entities = list(analyze([str(UN_SC)]).entities)
    office = entity_of(entities, "OHCHR")
    assert office is entity_of(entities, "Office of the High Commissioner for Human Rights")
    assert all("(" not in m.text for m in office.mentions)


@pytest.mark.model
def test_entities_every_occurrence_of_a_name_the_text_gives_is_a_mention(tmp_path: Path, nlp: object) -> None:
    """The model tags the second "WHO" and misses the first, or the other way round: each occurrence of the
    acronym an organisation's name is given counts, in one entity with the name."""
    path = tmp_path / "iodine.txt"
    path.write_text(IODINE, encoding="utf-8")
    who = entity_of(list(analyze([str(path)]).entities), "WHO")
    texts = [m.text for m in who.mentions]
    assert texts.count("WHO") == 2 and texts.count("World Health Organisation") == 2


@pytest.mark.model
def test_entities_a_lone_surname_is_the_person_named_before(nlp: object) -> None:
    """VOA, 2024-10-29 (tests/data): "according to Ryder", after "Pentagon press secretary Major General Pat Ryder",
    is the person, though the model tags it as an organisation."""
    entities = list(analyze([str(PENTAGON)]).entities)
    ryder = entity_of(entities, "Ryder")
    assert ryder is entity_of(entities, "Pat Ryder")
    assert ryder.type == "PERSON"


@pytest.mark.model
def test_entities_a_lone_surname_the_model_takes_for_a_place(tmp_path: Path) -> None:
    """Wikinews, 13 April 2011 (CC BY 2.5), read in the GUM corpus (dep/GUM_news_nasa.conllu),
    https://en.wikinews.org/wiki/NASA_celebrates_30th_anniversary_of_first_shuttle_launch;_announces_new_homes_for_retired_shuttles:
    the model tags "said Bolden" a place; it is the administrator the text named in full."""
    entities = entities_of_text(
        tmp_path,
        "At the ceremony, NASA Administrator Charles Bolden announced the locations that would be given the three "
        "remaining Space Shuttle orbiters following the end of the Space Shuttle program. "
        '"We want to thank all of the locations that expressed an interest in one of these national treasures," '
        "said Bolden to the gathered crowd which contained many KSC employees.",
    )
    bolden = entity_of(entities, "Bolden")
    assert bolden is entity_of(entities, "Charles Bolden")
    assert bolden.type == "PERSON"


NSA_ADVISORY = DATA / "nsa_ics_scada_advisory_2022.txt"


@pytest.mark.model
def test_entities_an_acronym_with_a_function_words_letter(nlp: object) -> None:
    """NSA press release, 13 April 2022 (tests/data): "The Department of Energy (DOE)" defines DOE, whose "O" is
    the "of"; the acronym and the name are one entity."""
    entities = list(analyze([str(NSA_ADVISORY)]).entities)
    assert entity_of(entities, "DOE") is entity_of(entities, "Department of Energy")


@pytest.mark.model
def test_entities_an_acronym_of_a_lower_case_term_is_no_entity(nlp: object) -> None:
    """The same release defines "advanced persistent threat (APT)" and "industrial control system/supervisory
    control and data acquisition (ICS/SCADA)": terms, not organisations, though the model tags them ORG."""
    entities = list(analyze([str(NSA_ADVISORY)]).entities)
    texts = {m.text for e in entities for m in e.mentions}
    assert not texts & {"APT", "ICS/SCADA", "ICS", "SCADA"}
    assert entity_of(entities, "NSA") is entity_of(entities, "National Security Agency")


@pytest.mark.model
def test_entities_a_defined_acronym_keeps_its_definition(tmp_path: Path) -> None:
    """Wikinews, 13 April 2011 (CC BY 2.5), read in the GUM corpus (dep/GUM_news_nasa.conllu), see above: the
    text defines "KSC" as the Kennedy Space Center, a facility; the model reads the later "many KSC employees"
    as an organisation. Both are the Center."""
    entities = entities_of_text(
        tmp_path,
        "NASA celebrated the launch of the first space shuttle Tuesday at an event at the Kennedy Space Center "
        '(KSC) in Cape Canaveral, Florida. "We want to thank all of the locations that expressed an interest in '
        'one of these national treasures," said Bolden to the gathered crowd which contained many KSC employees.',
    )
    center = entity_of(entities, "Kennedy Space Center")
    assert [m.text for m in center.mentions].count("KSC") == 2


@pytest.mark.model
def test_entities_speaker_labels_are_mentions_of_the_speaker(nlp: object) -> None:
    """State Department briefing, 28 September 2023 (tests/data): "MR RUBIN:" labels the turns of the Jamie Rubin
    the text introduces, title and all; "QUESTION:" labels a questioner and names no one, nor does the stage
    direction "(Laughter.)"."""
    entities = list(analyze([str(DATA / "state_briefing_2023_09_28.txt")]).entities)
    assert entity_of(entities, "MR RUBIN") is entity_of(entities, "Jamie Rubin")
    assert not any(m.text == "QUESTION" for e in entities for m in e.mentions)
    assert not any(m.text == "Laughter" for e in entities for m in e.mentions)  # "(Laughter.)" is no person


@pytest.mark.model
def test_entities_a_name_with_a_middle_initial_spreads(nlp: Language) -> None:
    """Wikipedia, "Charles J. Fillmore" (CC BY-SA 3.0), read in the GUM corpus (dep/GUM_bio_fillmore.conllu),
    https://en.wikipedia.org/wiki/Charles_J._Fillmore: a full name with a middle initial is a name of several
    words, whose other occurrences are mentions even where the model misses them; an initial alone at either end
    is no such name."""
    doc = nlp(
        "Charles J. Fillmore (August 9, 1929 – February 13, 2014) was an American linguist and Professor of "
        "Linguistics at the University of California, Berkeley."
    )
    assert _spreads(doc[0:3])
    assert not _spreads(doc[1:3])


@pytest.mark.model
def test_entities_a_state_body_in_lower_case_text(tmp_path: Path) -> None:
    """VOA (tests/data/voa_ukraine_drones_nk_battles.txt), lower-cased and stripped of punctuation as an
    auto-caption track gives it: "russian forces" is a body of Russia, which the model misses without capitals."""
    entities = entities_of_text(
        tmp_path,
        "ukraine’s military said wednesday it shot down 38 of the 63 aerial drones that russian forces launched in "
        "overnight attacks\nthe ukrainian air force said it intercepted the drones over the cherkasy chernihiv "
        "kirovohrad kyiv mykolaiv odesa sumy zhytomyr and zaporizhzhia regions\n",
    )
    forces = entity_of(entities, "russian forces")
    assert forces.type == "ORG"


@pytest.mark.model
def test_entities_a_name_does_not_end_in_a_word_that_opens_a_clause() -> None:
    """The capitals of a headline run a name into the next word: "North Korean Troops Enter Kursk Where Ukrainians
    Are Fighting" (DOD News, tests/data/dod_singh_kursk_11000.txt) gave "Kursk Where"; "Daily Press Briefing by the
    Office of the Spokesperson for the Secretary-General" (tests/data/un_noon_briefing_2015_12_17.txt) gave "Office
    of the Spokesperson for"."""
    result = analyze([str(DATA / "dod_singh_kursk_11000.txt"), str(DATA / "un_noon_briefing_2015_12_17.txt")])
    texts = {m.text for e in result.entities for m in e.mentions}
    assert "Kursk Where" not in texts and "Office of the Spokesperson for" not in texts
    kursk = next(e for e in result.entities if e.name == "Kursk")
    assert any(m.start == 26 and m.doc == "dod_singh_kursk_11000" for m in kursk.mentions)


@pytest.mark.model
def test_entities_a_first_name_alone_is_the_person_named_in_full() -> None:
    """State Department briefing, 2023-09-28 (tests/data/state_briefing_2023_09_28.txt): the spokesman introduces
    "Jamie Rubin", then hands over with "Jamie"; the one person of the document with that first name. A first name
    two people share, or one named only in another document, stays apart."""
    result = analyze([str(DATA / "state_briefing_2023_09_28.txt")])
    rubin = next(e for e in result.entities if e.name == "Jamie Rubin")
    assert "Jamie" in {m.text for m in rubin.mentions}


def test_entities_a_first_name_two_people_share_stays_apart() -> None:
    """Names from tests/data (John Kirby of the White House gaggle of 2024-10-25, John Vann of the ports call of
    2024-02-20, Jamie Rubin of the State Department briefing): "John" with two Johns in the document, or with the
    one John named in another document, is no one's."""
    two = mentions(("John Kirby", "PERSON"), ("John Vann", "PERSON"), ("John", "PERSON"))
    assert ["John"] in surface_groups(group_entities(two))
    elsewhere = [*mentions(("John Kirby", "PERSON"), doc="a"), *mentions(("John", "PERSON"), doc="b")]
    assert ["John"] in surface_groups(group_entities(elsewhere))
    one = mentions(("Jamie Rubin", "PERSON"), ("Jamie", "PERSON"))
    assert surface_groups(group_entities(one)) == [["Jamie Rubin", "Jamie"]]
    again = [
        *mentions(("Jamie Rubin", "PERSON"), doc="a"),
        *mentions(("Jamie Rubin", "PERSON"), ("Jamie", "PERSON"), doc="b"),
    ]
    assert surface_groups(group_entities(again)) == [["Jamie Rubin", "Jamie Rubin", "Jamie"]]
