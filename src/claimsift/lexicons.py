"""Loads the data files under ``claimsift/data`` once: cue lists, hedges, evidence cues, aliases.

Lexicons are data, not code: add a reporting verb or an alias by editing a JSON file, not a module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@cache
def data_file(name: str) -> Any:
    """A JSON file under ``claimsift/data``, read once: every lexicon and table goes through here."""
    return json.loads(resources.files("claimsift.data").joinpath(name).read_text(encoding="utf-8"))


_load = data_file


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One gazetteer entry: a canonical name, its type and its surface forms."""

    name: str
    type: str
    aliases: tuple[str, ...]


NOT_POLARITY = frozenset(
    {
        "clausal",
        "frame_objects",
        "evidential",
        "implicative",
        "construal",
        "likening",
        "quoting",
        "phrasing",
        "clause_only",
        "displaying",
        "sending",
        "listener_words",
        "inverted",
        "irregular",
        "nobody",
        "place_prepositions",
        "subject_pronouns",
    }
)
"""Keys of reporting_verbs.json that are word classes, not polarities."""


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every lexicon claimsift uses, as immutable lookups."""

    verb_polarity: dict[str, str]
    """Reporting verb lemma -> assert | deny | neutral."""
    clausal_verbs: frozenset[str]
    """Attitude verbs (want, expect, call for) that attribute only a clause or phrase they govern."""
    evidential_verbs: frozenset[str]
    """ "show", "confirm": verbs whose subject may be evidence, not a speaker ("the data show")."""
    implicative_verbs: frozenset[str]
    construal_verbs: frozenset[str]
    likening_verbs: frozenset[str]
    """ "liken", "compare": construal verbs that take a "to" phrase."""
    quoting_verbs: frozenset[str]
    phrasing_verbs: frozenset[str]
    """ "put": verbs that report only in "as X put it"."""
    clause_only_verbs: frozenset[str]
    """ "hear", "understand": clausal verbs that attribute a clause and nothing else."""
    displaying_verbs: frozenset[str]
    """ "show": with a person subject and a thing object it displays, not reports."""
    sending_verbs: frozenset[str]
    """ "email", "send": a participle of saying on their object gives the sender's words."""
    listener_words: dict[str, frozenset[str]]
    """How a speaker reaches the outlet that relays the words ("told KBS", "in an interview with CNN")."""
    inverted_saying: frozenset[str]
    """ "Said", "Added": forms of saying that may open a label before their speaker ("Said Ellis: ...")."""
    title_abbreviations: frozenset[str]
    """ "Mr.", "Sen.": titles before a name (``title_abbreviations.json``)."""
    nobody: frozenset[str]
    """ "nobody", "none": subjects that name no one."""
    place_prepositions: frozenset[str]
    """ "in", "near": a noun they govern is a place, not a speaker."""
    irregular_forms: dict[str, str]
    """ "said" -> "say": past forms of reporting verbs that are not the lemma plus -ed."""
    subject_pronouns: frozenset[str]
    """ "others", "one", "each": indefinite pronouns that speak as a reporting verb's subject."""
    frame_objects: frozenset[str]
    """ "on condition of anonymity", "on behalf of": how someone spoke, never what."""
    noun_polarity: dict[str, str]
    """Reporting noun lemma -> assert | deny."""
    attitude_nouns: frozenset[str]
    """ "concern", "support": what a light verb puts forward ("expressed concern over ...")."""
    neutral_attitude_nouns: frozenset[str]
    """ "doubt", "skepticism": attitude nouns that hold what they govern open (a neutral cue)."""
    light_verbs: frozenset[str]
    """ "express", "voice", "renew": verbs that only put an attitude noun forward."""
    carrier_nouns: frozenset[str]
    """Nouns whose "on/from/by/in X" names the source: videos on CNN, a report by the ministry."""
    authored_carriers: frozenset[str]
    """Carriers that speak for their authors even as a bare plural: "polls show that ..."."""
    hearsay_carriers: frozenset[str]
    """Carriers that name no one when they stand alone as a verb's subject: "Recent reports have revealed ..."."""
    held_by_verbs: frozenset[str]
    """ "seen", "obtained": participles after a carrier whose agent holds it ("a letter seen by Sky News")."""
    identified_works: frozenset[str]
    """ "poll", "study", "data": works of method that "according to" names as a source when the text tells
    which ("a new poll"), unlike reports ("according to new reports" names no origin)."""
    topical_carriers: frozenset[str]
    """Carriers whose "on X" is a topic ("a statement on ..."), never a publisher."""
    hedge_words: frozenset[str]
    hedge_phrases: tuple[str, ...]
    hedge_retroactive: tuple[str, ...]
    """Phrases that open a sentence and hedge the one before: "If true, ..."."""
    hedge_asides: tuple[str, ...]
    """The speaker's asides in which a hedge word hedges nothing: "I might add", "if I may"."""
    evidence_cues: dict[str, tuple[str, ...]]
    """Evidence type -> cue words/phrases, in order of precedence."""
    assessment_phrases: tuple[str, ...]
    """ "we assess", "has learned": an official's finding, so an intelligence assessment."""
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    body_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    """Heads of descriptions that stand for an unnamed source: "a U.S. official", "people familiar with"."""
    quantity_nouns: frozenset[str]
    """ "a number of writers", "a majority of voters": the people counted speak."""
    outlet_words: frozenset[str]
    press_titles: frozenset[str]
    """ "secretary", "service": after "press" they make an official's title or office, not an outlet."""
    state_media: tuple[str, ...]
    """Names of state media: what they publish is an official statement, not independent reporting."""
    aliases: tuple[AliasEntry, ...]
    region_nouns: frozenset[str]
    """ "region", "province": the name before them is a place ("the Kursk region")."""
    state_body_nouns: frozenset[str]
    """ "government", "forces": after a demonym in lower-case text, a state's body ("the russian government")."""
    narrator_words: frozenset[str]
    narrator_transitions: frozenset[str]
    """Words of the narrator's own voice: first person, evaluation, inference."""
    announcing: dict[str, frozenset[str]]
    """ "I want to say", "let me start": verbs of announcing what one will say, and the acts announced."""


def _polarity_map(data: dict[str, Any]) -> dict[str, str]:
    return {w: pol for pol, words in data.items() if not pol.startswith("_") for w in words}


@cache
def alias_types() -> dict[str, str]:
    """Lower-cased alias -> entity type (PERSON, ORG, GPE) from the gazetteer."""
    return {a.lower(): e.type for e in lexicons().aliases for a in e.aliases}


@cache
def lexicons() -> Lexicons:
    """The lexicons, loaded on first use and shared afterwards."""
    hedges = _load("hedges.json")
    nouns = _load("source_nouns.json")
    cues = _load("evidence_cues.json")
    gazetteer = _load("aliases.json")
    aliases = gazetteer["entities"]
    return Lexicons(
        verb_polarity=_polarity_map({k: v for k, v in _load("reporting_verbs.json").items() if k not in NOT_POLARITY}),
        clausal_verbs=frozenset(_load("reporting_verbs.json")["clausal"]),
        frame_objects=frozenset(_load("reporting_verbs.json")["frame_objects"]),
        evidential_verbs=frozenset(_load("reporting_verbs.json")["evidential"]),
        implicative_verbs=frozenset(_load("reporting_verbs.json")["implicative"]),
        construal_verbs=frozenset(_load("reporting_verbs.json")["construal"]),
        likening_verbs=frozenset(_load("reporting_verbs.json")["likening"]),
        quoting_verbs=frozenset(_load("reporting_verbs.json")["quoting"]),
        phrasing_verbs=frozenset(_load("reporting_verbs.json")["phrasing"]),
        clause_only_verbs=frozenset(_load("reporting_verbs.json")["clause_only"]),
        displaying_verbs=frozenset(_load("reporting_verbs.json")["displaying"]),
        sending_verbs=frozenset(_load("reporting_verbs.json")["sending"]),
        listener_words={k: frozenset(v) for k, v in _load("reporting_verbs.json")["listener_words"].items()},
        inverted_saying=frozenset(_load("reporting_verbs.json")["inverted"]),
        title_abbreviations=frozenset(_load("title_abbreviations.json")["abbreviations"]),
        nobody=frozenset(_load("reporting_verbs.json")["nobody"]),
        place_prepositions=frozenset(_load("reporting_verbs.json")["place_prepositions"]),
        irregular_forms=dict(_load("reporting_verbs.json")["irregular"]),
        subject_pronouns=frozenset(_load("reporting_verbs.json")["subject_pronouns"]),
        noun_polarity=_polarity_map(
            {
                k: v
                for k, v in _load("reporting_nouns.json").items()
                if k
                not in (
                    "carriers",
                    "topical",
                    "attitude",
                    "light_verbs",
                    "neutral_attitude",
                    "authored",
                    "held_by",
                    "identified_works",
                    "hearsay",
                )
            }
        ),
        attitude_nouns=frozenset(_load("reporting_nouns.json")["attitude"]),
        neutral_attitude_nouns=frozenset(_load("reporting_nouns.json")["neutral_attitude"]),
        light_verbs=frozenset(_load("reporting_nouns.json")["light_verbs"]),
        carrier_nouns=frozenset(_load("reporting_nouns.json")["carriers"]),
        topical_carriers=frozenset(_load("reporting_nouns.json")["topical"]),
        authored_carriers=frozenset(_load("reporting_nouns.json")["authored"]),
        hearsay_carriers=frozenset(_load("reporting_nouns.json")["hearsay"]),
        held_by_verbs=frozenset(_load("reporting_nouns.json")["held_by"]),
        identified_works=frozenset(_load("reporting_nouns.json")["identified_works"]),
        hedge_words=frozenset(hedges["words"]),
        hedge_phrases=tuple(hedges["phrases"]),
        hedge_retroactive=tuple(hedges["retroactive"]),
        hedge_asides=tuple(hedges["asides"]),
        evidence_cues={k: tuple(v) for k, v in cues.items() if not k.startswith("_") and k != "assessment_phrases"},
        assessment_phrases=tuple(cues["assessment_phrases"]),
        person_nouns=frozenset(nouns["person"]),
        org_nouns=frozenset(nouns["organization"]),
        body_nouns=frozenset(nouns["bodies"]),
        anonymous_nouns=frozenset(nouns["anonymous"]),
        quantity_nouns=frozenset(nouns["quantity"]),
        outlet_words=frozenset(nouns["outlet"]),
        press_titles=frozenset(nouns["press_titles"]),
        state_media=tuple(nouns["state_media"]),
        aliases=tuple(AliasEntry(e["name"], e["type"], tuple(e["aliases"])) for e in aliases),
        region_nouns=frozenset(gazetteer["region_nouns"]),
        state_body_nouns=frozenset(gazetteer["state_body_nouns"]),
        narrator_words=frozenset(_load("narrator_markers.json")["words"]),
        narrator_transitions=frozenset(_load("narrator_markers.json")["transitions"]),
        announcing={k: frozenset(v) for k, v in _load("narrator_markers.json")["announcing"].items()},
    )
