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
    """Lemmas of verbs that report (by polarity) or quote, read once."""
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
    """Whether tokens from ``i`` are a frame and nothing more: a speaker then a reporting verb ('she said', 'Mr.
    Obama said at a news conference'), or the verb then its speaker ('asked Mr. Ryan'). 'The ministry said it
    was.' reports a clause of its own: a sentence, not a frame."""
    if i >= len(doc):
        return False
    if _reporting(doc[i]):
        return i + 1 < len(doc) and doc[i + 1].tag_ in SUBJECT_TAGS and _ends_frame(doc, i + 1)
    if doc[i].tag_ not in ("PRP", "NNP", "NNPS", "DT"):
        return False
    for j in range(i, min(i + SUBJECT_WORDS + 1, len(doc))):
        if _reporting(doc[j]):
            return j > i and _ends_frame(doc, j + 1)
        if doc[j].tag_ not in SUBJECT_TAGS and doc[j].text != ".":
            return False
    return False


FRAME_TAIL = 10
"""Words a frame may run on after its verb and speaker ("at a news conference last month")."""


def _ends_frame(doc: Doc, i: int) -> bool:
    """Whether the sentence ends within a few words from ``i`` with no verb or clause of its own."""
    for tok in doc[i : i + FRAME_TAIL + 1]:
        if tok.text in (".", "!", "?", ";") or "\n" in tok.text:
            return True
        if tok.tag_.startswith("VB") or tok.lower_ in ("that", "whether") or tok.is_quote or tok.text in CLOSERS:
            return False
    return i + FRAME_TAIL >= len(doc)


@Language.component(COMPONENT)
def keep_quoted_frames(doc: Doc) -> Doc:
    """Mark the first token of a frame after '?"' or '!"' as no sentence start (unless an earlier component
    started a sentence there: a paragraph break or a speaker label)."""
    starts: dict[int, bool] = {}
    for tok in doc[2:]:
        if tok.text not in CLOSERS or doc[tok.i - 1].text not in ("?", "!"):
            continue  # (the test every token meets first: most are no closing mark)
        nxt = tok.i + 1
        if nxt < len(doc) and not doc[nxt].is_sent_start and _frame_follows(doc, nxt):
            starts[nxt] = False
    return set_sent_starts(doc, starts)
