"""Quotation marks and the names around a frame, token by token: which mark opens a quotation, and the name
after an inverted frame (", said Michael Kofman, an expert ..."). Shared by the cue finders (``cues.py``) and the
sentence-level fixers (``frames.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimsift.lexicons import lexicons
from claimsift.nlp.spans import ents_within

QUOTE_MARKS = frozenset({'"', "“", "”", "''"})
OPENING_QUOTES = frozenset({"“", "‘", "``"})
CLOSING_QUOTES = frozenset({"”", "’", "''"})


def inverted_name(verb: Token, limit: int) -> tuple[int, int] | None:
    """The name right after ", said" (a finite form of saying after a comma), unless it is the verb's object."""
    doc, t = verb.doc, verb.i
    if t - 1 <= verb.sent.start or doc[t - 1].text != "," or verb.tag_ not in ("VBD", "VBZ"):
        return None
    if verb.lemma_.lower() not in lexicons().verb_polarity:
        return None
    name = name_at(doc, t + 1, limit)
    if name is None or any(doc[i].dep_ in ("dobj", "dative", "pobj") and doc[i].head.i == t for i in range(*name)):
        return None
    return name


def appositive_end(name: Token, limit: int) -> int:
    """Where a name and the appositive after it end: "Michael Kofman, an expert on Russia at the Center,"."""
    end = name.i + 1
    for child in name.children:
        if child.dep_ == "appos" and child.i > name.i:
            end = max(end, child.right_edge.i + 1)
    return min(end, limit)


def is_mark(tok: Token) -> bool:
    """Whether a token is a double quotation mark (straight, curly, or two apostrophes)."""
    return tok.is_quote or tok.text in QUOTE_MARKS


def opening_mark(tok: Token) -> bool:
    """Whether a quotation mark opens rather than closes: curly marks say so; a straight one opens after
    a space or a bracket (a local test: a stray mark earlier in the text does not turn every pair round)."""
    if tok.text in CLOSING_QUOTES:
        return False
    if tok.text in OPENING_QUOTES:
        return True
    if not is_mark(tok):
        return False
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]  # the character before the mark, from the tokens (doc.text is rebuilt per call)
    before = prev.whitespace_ or prev.text[-1:]
    return before.isspace() or before in "([{—–-"


def name_at(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """The name starting at token i: titles and proper nouns ("Air Force Maj. Gen. Pat Ryder"), narrowed
    to the person in it when NER found one ("Pat Ryder"), else the whole run."""

    def part(t: Token) -> bool:
        return t.ent_type_ in ("PERSON", "ORG") or (t.pos_ == "PROPN" and (t.is_title or t.text.endswith(".")))

    if i >= limit or not part(doc[i]):
        return None
    end = i
    while end < limit and part(doc[end]):
        end += 1
    persons = [e for e in ents_within(doc, i, end) if e.label_ == "PERSON"]
    return (persons[-1].start, persons[-1].end) if persons else (i, end)
