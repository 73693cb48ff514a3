"""Names: who a hypothesis is about and whom a source speaks for, from the gazetteer and demonyms.

Reliability and independence both need to know that "NIS", "National Intelligence" and "South Korea's
National Intelligence Service" are one source, that "Seoul's spy agency" and "Russian President Vladimir
Putin" speak for states, and that "North Korean troops ... against Ukraine" is about North Korea,
Russia and Ukraine with Ukraine on the other side. Names are compared as token tuples after removing
"the", possessive 's and punctuation; short all-capital forms (US, UN) match only when written in
capitals, so "us" never means the United States. Data: ``aliases.json`` (the gazetteer, via lexicons)
and ``demonyms.json`` (countries, demonyms, capitals, state organs and officials, role cues).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from claimsift.lexicons import AliasEntry, data_file, lexicons
from claimsift.model import Hypothesis

_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")
_POSSESSIVE = re.compile(r"['’]s\b")
_MAX_PHRASE = 8
_NOT_MEDIA = frozenset({"agency", "press", "service"})
"""Outlet words that also name state bodies ("spy agency", "press service")."""
Token = tuple[str, str]
"""(normalised, as written)."""


@cache
def _demonyms() -> Any:
    return data_file("demonyms.json")


def tokens(text: str) -> list[Token]:
    """Words of a text as (normalised, as written), without "the" and possessive 's; "U.S." stays one word."""
    found = (m.group() for m in _TOKEN.finditer(_POSSESSIVE.sub("", text)))
    pairs = ((t.replace(".", "").casefold(), t) for t in found)
    return [(n, t) for n, t in pairs if n and n != "the"]


def normalize_name(name: str) -> str:
    """Lower case, without "the", possessive 's and punctuation: "The Kremlin's" -> "kremlin"."""
    return " ".join(n for n, _ in tokens(name))


class _Phrases:
    """Surface forms as token tuples -> a value; short all-capital forms (US, UN) match only in capitals."""

    def __init__(self) -> None:
        self.forms: dict[tuple[str, ...], tuple[str, bool]] = {}

    def add(self, surface: str, value: str) -> None:
        toks = tokens(surface)
        if toks:
            letters = surface.replace(".", "")
            acronym = len(toks) == 1 and letters.isalpha() and letters.isupper() and len(letters) <= 3
            self.forms[tuple(n for n, _ in toks)] = (value, acronym)

    def get(self, toks: Sequence[Token]) -> str | None:
        hit = self.forms.get(tuple(n for n, _ in toks))
        if hit is None or (hit[1] and not all(t.isupper() for _, t in toks)):
            return None
        return hit[0]

    def scan(self, toks: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Longest matches left to right, as (start, end, value)."""
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + _MAX_PHRASE), i, -1):
                value = self.get(toks[i:j])
                if value is not None:
                    out.append((i, j, value))
                    i = j
                    break
            else:
                i += 1
        return out


@cache
def _gazetteer() -> tuple[_Phrases, _Phrases]:
    """(every alias -> canonical name, person and organisation aliases -> canonical name)."""
    every, named = _Phrases(), _Phrases()
    for entry in lexicons().aliases:
        for surface in (entry.name, *entry.aliases):
            every.add(surface, entry.name)
            if entry.type in ("ORG", "PERSON"):
                named.add(surface, entry.name)
    return every, named


def canonical_name(name: str) -> str | None:
    """The gazetteer's name for a whole name that is one of its aliases: "NIS" -> South Korea's NIS."""
    return _gazetteer()[0].get(tokens(name))


def _entry_party(entry: AliasEntry, index: _Phrases, member_of: Mapping[str, str]) -> str | None:
    """The party a gazetteer entry stands for: its state (Kremlin, Putin, Kyiv), itself (NATO), or none (Kursk)."""
    if entry.name in member_of:
        return member_of[entry.name]
    country = index.get(tokens(entry.name))
    if country is not None or entry.type != "GPE":
        return country or entry.name
    return None


@cache
def _parties_index() -> tuple[_Phrases, frozenset[str]]:
    """(surface form -> party it stands for, normalised forms of state organs, state media and officials)."""
    demonyms = _demonyms()
    index, organs = _Phrases(), set[str]()
    for country in demonyms["countries"]:
        for surface in (country["name"], *country["aliases"], *country["demonyms"], *country["capitals"]):
            index.add(surface, country["name"])
    member_of = {m: party for party, members in demonyms["affiliations"].items() for m in members}
    for entry in lexicons().aliases:
        party = _entry_party(entry, index, member_of)
        if party is None:
            continue
        for surface in (entry.name, *entry.aliases):
            index.add(surface, party)
            if entry.name in member_of:
                organs.add(normalize_name(surface))
    for member, party in member_of.items():
        index.add(member, party)
        organs.add(normalize_name(member))
    return index, frozenset(organs)


class HypothesisRoles(NamedTuple):
    """Who a hypothesis is about: every party, those it sets against the others, and its kind."""

    parties: frozenset[str]
    opposing: frozenset[str]
    """Targets: parties after "against", "invaded", ... (or after the deed in an achievement)."""
    achievement: bool
    """True when the hypothesis claims a success ("recaptured", "shot down"): confirming serves the doer."""


def _phrase_set(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(n for n, _ in tokens(w)) for w in words)


def role_text(hypothesis: Hypothesis) -> str:
    """The hypothesis without the clauses that only describe its subject (their parties accuse nobody)."""
    if hypothesis.prop is None or not hypothesis.prop.asides:
        return hypothesis.text
    text = hypothesis.text
    for start, end in sorted(hypothesis.prop.asides, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


@cache
def hypothesis_roles(text: str) -> HypothesisRoles:
    """Parties of a hypothesis and their roles (``data/demonyms.json`` cues)."""
    cues = _demonyms()
    toks = tokens(text)
    words = [n for n, _ in toks]
    opposing_cues, deeds = _phrase_set(cues["opposing_cues"]), _phrase_set(cues["achievement_cues"])
    deed_at = next((i for i in range(len(words)) for d in deeds if tuple(words[i : i + len(d)]) == d), None)
    agents, targets = set[str](), set[str]()
    for start, _end, party in _parties_index()[0].scan(toks):
        cued = any(tuple(words[max(0, start - len(c)) : start]) == c for c in opposing_cues)
        after_deed = deed_at is not None and start > deed_at
        (targets if cued or after_deed else agents).add(party)
    return HypothesisRoles(frozenset(agents | targets), frozenset(targets - agents), deed_at is not None)


@cache
def affiliation(source_name: str) -> str | None:
    """The party a source speaks for: "Russian President Vladimir Putin" -> Russia, "KCNA" -> North Korea.

    The first party named, unless after a preposition ("Mission to the UN"); news media speak for no
    state unless they are state media or organs listed in ``data/demonyms.json``.
    """
    index, organs = _parties_index()
    toks = tokens(source_name)
    media = is_media(source_name)
    blocking = set(_demonyms()["blocking_prepositions"])
    for start, end, party in index.scan(toks):
        if start and toks[start - 1][0] in blocking:
            continue
        if media and " ".join(n for n, _ in toks[start:end]) not in organs:
            continue
        return party
    return None


def described_affiliation(source_name: str, text: str) -> str | None:
    """The party of an official the text describes by office, in apposition ("Rustem Umerov, Ukraine's defense
    minister, has confirmed ...") or in the title before the name ("Deputy Pentagon Press Secretary Sabrina
    Singh"): officials are placed by what the text says of them, not by a list of names. A description without
    an office ("the first great American poet", "of the University of Helsinki") places no one."""
    at = text.find(source_name) if source_name else -1
    if at < 0:
        return None
    title = re.search(r"((?:[A-Z][\w.'’-]*\s+){1,6})$", text[:at])
    found = [title.group(1)] if title else []
    rest = text[at + len(source_name) :]
    if rest.startswith(", ") and 0 < (close := rest.find(",", 2)) <= 80:
        found.append(rest[2:close])
    for phrase in found:
        if set(re.findall(r"[a-z]+", phrase.lower())) & lexicons().person_nouns and (party := affiliation(phrase)):
            return party
    return None


def contained_names(name: str) -> list[str]:
    """Gazetteer persons and organisations that end or open a name, longest first, the final one first.

    "Russian president Vladimir Putin" -> [Vladimir Putin]; "Seoul's National Intelligence Service" ->
    [South Korea's National Intelligence Service]; never after a preposition ("Mission to the UN").
    """
    toks = tokens(name)
    named = _gazetteer()[1]
    blocking = set(_demonyms()["blocking_prepositions"])
    found: list[str] = []
    for size in range(len(toks) - 1, 0, -1):
        tail, head = named.get(toks[-size:]), named.get(toks[:size])
        if tail and toks[-size - 1][0] not in blocking:
            found.append(tail)
        if head:
            found.append(head)
    return list(dict.fromkeys(found))


@cache
def source_canonical(name: str) -> str | None:
    """The gazetteer's name for the source a name denotes: the whole name's, else the one it ends or opens with."""
    found = canonical_name(name)
    if found is None:
        found = next(iter(contained_names(name)), None)
    return found


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """Normalised keys a name may be set under: itself, its canonical name, a final or opening alias."""
    canonical = canonical_name(name)
    keys = [normalize_name(name), *([normalize_name(canonical)] if canonical else [])]
    return tuple(keys + [normalize_name(n) for n in contained_names(name)])


def is_media(name: str) -> bool:
    """True for a news outlet's name ("The Washington Post", "a Ukraine news report"), not for "spy agency"."""
    return bool({n for n, _ in tokens(name)} & (lexicons().outlet_words - _NOT_MEDIA))


def is_state_organ(name: str) -> bool:
    """True when a name contains a listed state organ, state medium or official ("national press agency KCNA")."""
    spoken = f" {normalize_name(name)} "
    return any(f" {organ} " in spoken for organ in _parties_index()[1])
