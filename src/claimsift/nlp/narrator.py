"""Whose voice a speech, a briefing or a statement is, when it has no speaker labels.

A speech transcript is its speaker's words and a joint statement its issuers': the claims in the
document's own voice are theirs, not an anonymous narrator's. The name comes from the document itself:
a heading line that is a person's name ("Joe Biden"), the title ("Remarks by President Biden",
"Press Gaggle by ... John Kirby", "Joint Statement of ... and ..."), or for a statement the issuing
outlet. Articles keep an unnamed author: their narrator is a journalist the text rarely names.
"""

from __future__ import annotations

import re

from spacy.language import Language

from claimsift.model import Document

VOICED_KINDS = frozenset({"transcript", "statement", "speech", "remarks", "press release", "testimony", "briefing"})
HEADER_LINES = 3
"""How many leading lines may hold the speaker's name as a heading."""
_BY = re.compile(
    r"\bby\s+(?:the\s+)?((?:[A-Z][\w.'’\-]*|of|for|and|the)(?:[ \t,]+(?:[A-Z][\w.'’\-]*|of|for|and|the))*)"
)
_STATEMENT_BEFORE = re.compile(r"^(?:Joint\s+)?((?:[A-Z][\w.'’/\-]*,?\s+(?:and\s+)?)+?)(?:Joint\s+)?Statement\b")
_STATEMENT_AFTER = re.compile(
    r"\bStatement\s+(?:by|from|of)\s+(?:the\s+)?([A-Z][\w.'’\-]*(?:[ \t]+(?:[A-Z][\w.'’\-]*|of|for|and|the))*)"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _header_person(text: str, nlp: Language) -> str | None:
    """A leading line that is nothing but a person's name: the speaker of a speech transcript."""
    lines = [ln.strip() for ln in text[:400].splitlines() if ln.strip()][:HEADER_LINES]
    for line in lines:
        words = line.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or re.search(r"[\d.:;!?]$", line):
            continue
        ents = [e for e in nlp(line).ents if e.label_ == "PERSON"]
        if ents and len(ents[0].text) >= len(line) - 2:
            return ents[0].text
    return None


def _title_person(title: str, nlp: Language) -> str | None:
    """The person a title says the words are by: "Remarks by President Biden on ..." -> "Biden"."""
    m = _BY.search(title)
    if m is None:
        return None
    run = m.group(1).rstrip(" ,")
    persons = [e.text for e in nlp(run).ents if e.label_ == "PERSON"]
    return persons[-1] if persons else None


def _issuer(document: Document) -> str | None:
    """Who issues a statement: named in its title, else its outlet (without the republisher's note)."""
    title = (document.title or "").strip()
    for pattern in (_STATEMENT_BEFORE, _STATEMENT_AFTER):
        m = pattern.search(title)
        if m is not None:
            who = m.group(1).strip(" ,")
            if who and who.lower() not in ("the", "a", "joint"):
                return re.sub(r",\s+and\s+", " and ", who)
    outlet = _PARENTHESES.sub("", document.outlet or "").strip()
    return outlet or None


def narrator(document: Document, nlp: Language) -> str | None:
    """The name of the document's own voice, or None when it is an unnamed author."""
    kind = (document.kind or "").lower()
    if kind not in VOICED_KINDS:
        return None
    person = _header_person(document.text, nlp) or _title_person(document.title or "", nlp)
    if person is not None:
        return person
    if kind != "statement":
        return None
    issuer = _issuer(document)
    persons = [e.text for e in nlp(issuer).ents if e.label_ == "PERSON"] if issuer else []
    return persons[0] if len(persons) == 1 else issuer
