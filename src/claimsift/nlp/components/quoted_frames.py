"""A pipeline component that keeps a frame after a quoted question or exclamation in the quotation's sentence.

'"How many times do we have to see this?" Clinton said.' is one report, like '"This is unbearable,"
Clinton said.'; but a question mark before the closing quotation mark makes spaCy end the sentence there,
and "Clinton said." alone is a frame without content while the quotation has no speaker. Before the
parser only the tagger has run, so a reporting verb is known by its form (``reporting_verbs.json``).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimsift.lexicons import lexicons
from claimsift.nlp.components._sent_starts import set_sent_starts

COMPONENT = "claimsift_quoted_frames"
CLOSERS = frozenset({'"', "”", "''"})
SUBJECT_TAGS = frozenset({"PRP", "NNP", "NNPS", "NN", "NNS", "DT", "JJ", "POS", "HYPH", "CD"})
"""Tags of the words a speaker can be named with: "she", "Mr. Obama", "the agency's spokesman"."""
SUBJECT_WORDS = 6
FINITE = frozenset({"VBD", "VBZ", "VBP"})


@cache
def _reporting_lemmas() -> frozenset[str]:
    lex = lexicons()
    return frozenset(lex.verb_polarity) | lex.quoting_verbs


def _reporting(tok: Token) -> bool:
    """A finite form of a reporting verb ("said", "asked", "replied", "admitted")."""
    if tok.tag_ not in FINITE:
        return False
    word, lemmas = tok.lower_, _reporting_lemmas()
    if lexicons().irregular_forms.get(word) in lemmas:
        return True
    stems = [word]
    if word.endswith("s"):
        stems += [word[:-1], word[:-2]]  # says, pushes
    if word.endswith("ed"):
        stems += [word[:-1], word[:-2], word[:-3]]  # noted, added, admitted
    if word.endswith(("ied", "ies")):
        stems.append(word[:-3] + "y")  # replied, replies
    return any(s in lemmas for s in stems)


def _frame_follows(doc: Doc, i: int) -> bool:
    """Whether tokens from ``i`` are a frame: a speaker then a reporting verb, or the verb then its speaker."""
    if i >= len(doc):
        return False
    if _reporting(doc[i]):
        return i + 1 < len(doc) and doc[i + 1].tag_ in SUBJECT_TAGS  # '"...?" asked Mr. Ryan'
    if not (doc[i].tag_ in ("PRP", "NNP", "NNPS", "DT") and (doc[i].text[:1].isupper() or doc[i].tag_ == "PRP")):
        return False
    for j in range(i, min(i + SUBJECT_WORDS + 1, len(doc))):
        if _reporting(doc[j]):
            return j > i
        if doc[j].tag_ not in SUBJECT_TAGS and doc[j].text != ".":
            return False
    return False


@Language.component(COMPONENT)
def keep_quoted_frames(doc: Doc) -> Doc:
    """Mark the first token of a frame after '?"' or '!"' as no sentence start."""
    starts: dict[int, bool] = {}
    for tok in doc[2:]:
        if tok.text in CLOSERS and doc[tok.i - 1].text in ("?", "!") and _frame_follows(doc, tok.i + 1):
            starts[tok.i + 1] = False
    return set_sent_starts(doc, starts)
