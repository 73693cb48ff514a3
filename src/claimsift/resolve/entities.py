"""Groups entity mentions into entities across surface forms and documents.

Three keys, in order: the alias gazetteer (DPRK -> North Korea), person names that share a surname or
are token subsets of a longer name (Putin -> Vladimir Putin, Jong Un -> Kim Jong-Un), acronyms
(NIS -> National Intelligence Service); then rapidfuzz joins spelling variants (Zelensky/Zelenskyy).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from claimsift.lexicons import lexicons
from claimsift.model import Entity, Mention

FUZZY_MIN = 90
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


def norm(text: str) -> str:
    """Case-, hyphen- and possessive-insensitive form of a name."""
    text = text.replace("’", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"^(the|The)\s+", "", text)
    return " ".join(re.sub(r"[-.]", " ", text).lower().split())


@cache
def _alias_index() -> dict[str, tuple[str, str]]:
    return {norm(a): (e.name, e.type) for e in lexicons().aliases for a in e.aliases}


@cache
def _surname_index() -> dict[str, str]:
    """Surname -> gazetteer person, when only one known person has it: "Dmitri Peskov" is Dmitry Peskov."""
    seen: dict[str, list[str]] = defaultdict(list)
    for e in lexicons().aliases:
        if e.type == "PERSON" and len(e.name.split()) > 1:
            seen[norm(e.name).split()[-1]].append(e.name)
    return {surname: names[0] for surname, names in seen.items() if len(set(names)) == 1}


def _acronym(name: str, function_words: bool = False) -> str:
    """The initials of a name, without those of its function words unless asked ("DOE" for "Department of
    Energy"); a possessive gives none ("King's College" is no KSC)."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", name))
    if not function_words:
        words = [w for w in words if w.lower() not in ("of", "the", "and", "for", "a", "an")]
    return "".join(w[0] for w in words).upper()


def _place_name(name: str) -> str:
    """A place's name without a lower-case word for a region after it ("Kursk region" -> "Kursk";
    data/aliases.json); a capitalised one is part of an official name ("Bergen County", "Financial District")."""
    words = name.split()
    if len(words) > 1 and words[-1].islower() and words[-1] in lexicons().region_nouns:
        words = words[:-1]
    return " ".join(words)


@cache
def _titles() -> frozenset[str]:
    lex = lexicons()
    return lex.person_nouns | {t.rstrip(".").lower() for t in lex.title_abbreviations}


def _untitled(name: str) -> str:
    """A person's name without the titles before it ("secretary smith", "mr smith" -> "smith")."""
    words = name.split()
    while len(words) > 1 and words[0] in _titles():
        words = words[1:]
    return " ".join(words)


def _acronym_of(name: str, key: str) -> bool:
    """ "FBI" for "Federal Bureau of Investigation"; with a function word's letter, "DOE" for "Department of
    Energy"."""
    if not (name.isalpha() and name.isupper() and len(name) >= 2):
        return False
    return name in (_acronym(key), _acronym(key, function_words=True))


class Registry:
    """The entity keys met so far, in the order they were made, with the labels of their mentions.

    This is all a new mention is matched against, so a case can keep it and resolve a new document's
    mentions without the old ones (``claimsift.case_update``).
    """

    def __init__(
        self, types: dict[str, Counter[str]] | None = None, first: dict[str, tuple[str, int]] | None = None
    ) -> None:
        self.types: dict[str, Counter[str]] = types if types is not None else {}
        self.first: dict[str, tuple[str, int]] = first if first is not None else {}
        """Key -> its first mention (document id, offset): what entity ids follow."""
        self.in_doc: dict[str, set[str]] = {}
        """Document id -> the keys its mentions have joined so far (not kept by a case: a first name looks for its
        full name in its own document, whose mentions are resolved together)."""

    def label(self, key: str) -> str:
        """The label most of a key's mentions have (the first of them on a tie)."""
        return self.types[key].most_common(1)[0][0]

    def add(self, key: str, label: str) -> str:
        self.types.setdefault(key, Counter())[label] += 1
        return key

    def key_for_person(self, name: str) -> str | None:
        toks = name.split()
        for key in self.types:
            if self.label(key) != "PERSON":
                continue
            key_toks = norm(key).split()
            if set(toks) <= set(key_toks) or set(key_toks) <= set(toks):
                if toks[-1] == key_toks[-1] or len(toks) > 1:
                    return key
        return None

    def key_for_first_name(self, name: str, doc: str) -> str | None:
        """The one person named in full in this document whose name opens with this first name ("Thanks, Jamie"
        after "Jamie Rubin"); none when two share it, or the person was named in another document only."""
        found = [
            k
            for k in self.types
            if self.label(k) == "PERSON"
            and k in self.in_doc.get(doc, ())
            and len(norm(k).split()) > 1
            and norm(k).split()[0] == name
        ]
        return found[0] if len(found) == 1 else None

    def key_for_fuzzy(self, name: str, label: str) -> str | None:
        return next((k for k in self.types if self.label(k) == label and fuzz.ratio(norm(k), name) >= FUZZY_MIN), None)

    def key_for_place(self, name: str) -> str | None:
        """The place named with or without a word for a region ("Kursk", "the Kursk region")."""
        return next(
            (k for k in self.types if self.label(k) in ("GPE", "LOC") and norm(_place_name(k)) == norm(name)), None
        )

    def key_for_acronym(self, name: str, doc: str, shortest: int = 3) -> str | None:
        """The name an acronym stands for, whatever either was tagged ("KSC" for a facility's name): a name of
        the same document first; never a person's ("ST" is no Sandro Tonali). Two letters are enough only for a
        mention the model read as a name ("UN"); otherwise it takes three."""
        if len(name) < shortest:
            return None
        found = [k for k in self.types if self.label(k) != "PERSON" and _acronym_of(name, k)]
        return next((k for k in found if self.first.get(k, ("", 0))[0] == doc), found[0] if found else None)

    def key(self, m: Mention) -> str:
        """The key a mention joins (made when none matches), counted in."""
        key = self._match(m)
        self.in_doc.setdefault(m.doc, set()).add(key)
        here = (m.doc, m.start)
        self.first[key] = min(self.first.get(key, here), here)
        return key

    def _match(self, m: Mention) -> str:
        n = norm(m.text)
        alias = _alias_index()
        if n in alias:
            name, label = alias[n]
            return self.add(name, label)
        key = None
        if m.label == "PERSON" and len(n.split()) > 1 and n.split()[-1] in _surname_index():
            key = _surname_index()[n.split()[-1]]  # a known person's surname after another spelling of the first name
        if key is None and m.label == "PERSON":
            key = self.key_for_person(_untitled(n))
        if key is None and m.label == "PERSON" and len(n.split()) == 1:
            key = self.key_for_first_name(n, m.doc)
        if key is None and m.label in ("GPE", "LOC"):
            key = self.key_for_place(_place_name(m.text.strip()))
        if key is None and m.label in ("ORG", "PERSON", "GPE"):
            key = self.key_for_fuzzy(n if m.label != "ORG" or not m.text.isupper() else m.text, m.label)
        if key is None:
            key = self.key_for_acronym(m.text, m.doc, 2 if m.label in ("ORG", "PERSON", "GPE") else 3)
        if key is None and m.label in ("GPE", "LOC"):
            key = _place_name(m.text.strip())  # "Kursk region" is named "Kursk"
        return self.add(key or m.text.strip(), m.label)

    def document(self, mentions: Iterable[Mention]) -> list[tuple[Mention, str]]:
        """Each mention of one document with its key: longer names first, so a surname finds its full name."""
        ordered = sorted(mentions, key=lambda m: (len(m.text.split()) == 1, m.start))
        return [(m, self.key(m)) for m in ordered]


def group_entities(mentions: Iterable[Mention], registry: Registry | None = None) -> list[Entity]:
    """Entities E1, E2, ... in order of first mention; each mention in exactly one entity.

    Documents are resolved one after another, in the order their mentions come: an entity a document
    joins never depends on the documents after it, so a case that grows keeps its entities.

    Args:
        registry: Filled with the keys made (empty when given), for a case to keep.
    """
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    registry = registry if registry is not None else Registry()
    members: dict[str, list[Mention]] = defaultdict(list)
    for doc_mentions in by_doc.values():
        for m, key in registry.document(doc_mentions):
            members[key].append(m)
    ids = entity_ids(registry)
    return [
        Entity(
            id=ids[key],
            name=key,
            type=registry.label(key),
            mentions=tuple(sorted(members[key], key=lambda m: (m.doc, m.start))),
        )
        for key in sorted(members, key=lambda k: int(ids[k][1:]))
    ]


def entity_ids(registry: Registry) -> dict[str, str]:
    """Key -> entity id, E1, E2, ... in order of first mention (document id, offset), ties in order made."""
    order = sorted(registry.first, key=lambda k: registry.first[k])  # stable: ties keep the order made
    return {key: f"E{i}" for i, key in enumerate(order, 1)}
