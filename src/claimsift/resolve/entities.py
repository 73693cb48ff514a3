"""Groups entity mentions into entities across surface forms and documents.

Three keys, in order: the alias gazetteer (DPRK -> North Korea), person names that share a surname or
are token subsets of a longer name (Putin -> Vladimir Putin, Jong Un -> Kim Jong-Un), acronyms
(NIS -> National Intelligence Service); then rapidfuzz joins spelling variants (Zelensky/Zelenskyy).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

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


def _alias_index() -> dict[str, tuple[str, str]]:
    return {norm(a): (e.name, e.type) for e in lexicons().aliases for a in e.aliases}


def _surname_index() -> dict[str, str]:
    """Surname -> gazetteer person, when only one known person has it: "Anrij Yermak" is Andriy Yermak."""
    seen: dict[str, list[str]] = defaultdict(list)
    for e in lexicons().aliases:
        if e.type == "PERSON" and len(e.name.split()) > 1:
            seen[norm(e.name).split()[-1]].append(e.name)
    return {surname: names[0] for surname, names in seen.items() if len(set(names)) == 1}


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words).upper()


class _Groups:
    """Union of surface forms into groups keyed by a canonical name."""

    def __init__(self) -> None:
        self.members: dict[str, list[Mention]] = defaultdict(list)
        self.types: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, key: str, mention: Mention, label: str) -> None:
        self.members[key].append(mention)
        self.types[key][label] += 1

    def key_for_person(self, name: str) -> str | None:
        toks = name.split()
        for key, _ms in self.members.items():
            if self.types[key].most_common(1)[0][0] != "PERSON":
                continue
            key_toks = norm(key).split()
            if set(toks) <= set(key_toks) or set(key_toks) <= set(toks):
                if toks[-1] == key_toks[-1] or len(toks) > 1:
                    return key
        return None

    def key_for_fuzzy(self, name: str, label: str) -> str | None:
        for key in self.members:
            if self.types[key].most_common(1)[0][0] == label and fuzz.ratio(norm(key), name) >= FUZZY_MIN:
                return key
            if name.isalpha() and name.isupper() and len(name) >= 2 and _acronym(key) == name:
                return key
        return None


def group_entities(mentions: Iterable[Mention]) -> list[Entity]:
    """Entities E1, E2, ... in order of first mention; each mention in exactly one entity."""
    alias = _alias_index()
    surnames = _surname_index()
    groups = _Groups()
    ordered = sorted(mentions, key=lambda m: (len(m.text.split()) == 1, m.doc, m.start))
    for m in ordered:  # longer names first, so a surname finds its full name
        n = norm(m.text)
        if n in alias:
            name, label = alias[n]
            groups.add(name, m, label)
            continue
        key = None
        if m.label == "PERSON" and len(n.split()) > 1 and n.split()[-1] in surnames:
            key = surnames[n.split()[-1]]  # a known person's surname after another spelling of the first name
        if key is None and m.label == "PERSON":
            key = groups.key_for_person(n)
        if key is None and m.label in ("ORG", "PERSON", "GPE"):
            key = groups.key_for_fuzzy(n if m.label != "ORG" or not m.text.isupper() else m.text, m.label)
        groups.add(key or m.text.strip(), m, m.label)
    return _numbered(groups)


def _numbered(groups: _Groups) -> list[Entity]:
    first = sorted(groups.members, key=lambda k: min((m.doc, m.start) for m in groups.members[k]))
    out = []
    for i, key in enumerate(first, 1):
        ms = tuple(sorted(groups.members[key], key=lambda m: (m.doc, m.start)))
        label = groups.types[key].most_common(1)[0][0]
        out.append(Entity(id=f"E{i}", name=key, type=label, mentions=ms))
    return out
