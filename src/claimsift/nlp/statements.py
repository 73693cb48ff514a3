"""Whether a piece of text states something at all: not a question, a call to action, the speaker announcing
what comes next, or a heading. ``claims.py`` asks this of every piece before it becomes a claim.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimsift.lexicons import lexicons
from claimsift.model import Claim
from claimsift.nlp.propositions import antecedent
from claimsift.nlp.quotations import opens_paragraph


def worth_a_claim(span: Span, asked: bool = False) -> bool:
    """A claim states something: enough words, not a question, not a call to action; ``asked``: a question
    someone is quoted asking in an article ('"How many times do we have to see this?" Clinton said') is theirs
    to have said (neutral to every hypothesis), though a transcript's questions are not claims."""
    words = [t for t in span if t.is_alpha]
    if len(words) < (3 if asked else 4):
        return False
    if not asked and (asks(span.text) or _unmarked_question(words)):
        return False
    if _courtesy(span):
        return False
    return not (words[0].lower_ in ("let", "subscribe", "click") and words[0].i == span.sent.start)


def _courtesy(span: Span) -> bool:
    """A speaker's own thanks, welcome, apology or greeting ("Thank you so much, Sam.", "Sorry we're a little bit
    late.", "Thanks for joining us on a Friday afternoon."): it states nothing a reader could weigh. Someone else's
    is a fact ("He thanks the Chair of the Panel, ..."), so is one that carries a clause or names something ("Sorry,
    we have confirmed that ...", "We welcome the Security Council's decision ..."), and "thanks to" is "because
    of"."""
    polite = lexicons().announcing["courtesies"]
    root = span.root
    words = (root, *(c for c in root.children if c.dep_ == "intj"))  # "Sorry we're a little bit late."
    if not any(w.lemma_.lower() in polite or w.lower_ in polite for w in words):
        return False
    subjects = [c for c in root.children if c.dep_ in SUBJECTS]
    said_by_speaker = all(c.lower_ in ("i", "we") for c in subjects)
    negated = any(c.dep_ == "neg" for c in root.children)
    because = root.lower_ == "thanks" and any(t.lower_ == "to" for t in root.subtree)
    clause = any(c.dep_ in ("ccomp", "xcomp") for c in root.children)
    named = any(t.ent_type_ and t.ent_type_ not in ADDRESSED for t in span)  # a vocative "Sam" names no one else
    return said_by_speaker and not negated and not because and not clause and not named


ADDRESSED = frozenset({"PERSON", "DATE", "TIME"})
"""Entity labels a courtesy may hold: who is thanked or greeted, and when ("on a Friday afternoon")."""


SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
NAMES_ONLY = frozenset({"PROPN", "PUNCT", "CCONJ", "DET", "ADP", "PART", "NUM", "SPACE", "SYM"})
"""Parts of speech of a piece that is nothing but names ("the National Security Agency (NSA), and the Federal
Bureau of Investigation (FBI),"): a common noun, adjective or verb would say something of them."""
THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
"""Pronouns that stand for someone named elsewhere ("He had him arrested." is about two people)."""


def states_something(doc: Doc, text: str, claim: Claim, transcript: bool) -> bool:
    """Whether a clause in the document's own voice states something about the world.

    Not: an aside that names nothing ("which is kind of amazing when you think about it"; a noun, a name,
    a number or a third person is enough: "Putin is responsible"), a whole sentence with no verb that has a
    subject (a heading, "delivered 16 February 2024, White House"; in a transcript only on a line of its
    own), names alone left over from their sentence's clauses ("and Rear Admiral John Vann,"), a bare
    imperative ("make no mistake"), or the speaker announcing what comes next ("I wanted to say a few things
    this morning about ...").
    """
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None:
        return True
    whole = span.start <= span.sent.start and span.end >= span.sent.end - 1
    subject = any(c.dep_ in SUBJECTS for t in span if t.pos_ in ("VERB", "AUX") for c in t.children)
    if whole and not subject and (not transcript or _own_paragraph(text, span)):
        return False  # a heading, a dateline, a list of names (a transcript's line may be a lost one's end)
    if not whole and all(t.pos_ in NAMES_ONLY for t in span):
        return False  # names left over from their sentence's clauses: "and Rear Admiral John Vann,"
    if _imperative(span) or _announces(span):
        return False
    return any(
        t.pos_ in ("NOUN", "PROPN", "NUM") or t.lower_ in THIRD_PERSON or _stands_for_a_noun(t, span) for t in span
    )


def _stands_for_a_noun(tok: Token, span: Span) -> bool:
    """ "The Report depicts a United Nations | that failed to respond meaningfully": a relative pronoun whose noun
    is just outside the clause names what the clause says something of, when it is the subject of a verb that
    does something ("which is kind of amazing" only comments; "that we've been seeing" is the speaker's)."""
    noun = antecedent(tok)
    if noun is None or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ == "be":
        return False
    return not span.start <= noun.i < span.end and noun.pos_ in ("NOUN", "PROPN")


def _own_paragraph(text: str, span: Span) -> bool:
    """Whether a span stands alone between line breaks (a transcript's front matter, not a torn line)."""
    j = span.end_char
    while j < len(text) and text[j] in " \t":
        j += 1
    ends = span.text.rstrip(" \t").endswith("\n") or j >= len(text) or text[j] == "\n"
    return opens_paragraph(text, span.start_char) and ends


def _announces(span: Span) -> bool:
    """ "I wanted to say a few things this morning about ...", "first i want to just take a moment": the
    speaker announcing what comes next, not saying it."""
    table = lexicons().announcing
    for tok in span:
        if tok.lemma_.lower() not in table["intending"]:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in table["speech_acts"]]
        first = (subj and subj[0].lower_ in ("i", "we")) or (
            tok.lemma_.lower() == "let" and any(t.lower_ in ("me", "us", "'s", "’s") for a in acts for t in a.children)
        )
        if first and acts:
            return True
    return False


def _imperative(span: Span) -> bool:
    """ "But make no mistake --", "let's start with ...": a clause that tells the listener to do something
    (a bare verb with no subject) asserts nothing about the world."""
    first = next(
        (t for t in span if t.is_alpha and t.lower_ not in ("but", "and", "so", "now", "please", "just")), None
    )
    return (
        first is not None
        and bool(span[0].is_sent_start)
        and span[0].text[:1].isupper()  # a sentence that opens with it, not a transcript line's lost start
        and first.tag_ == "VB"
        and first.dep_ in ("ROOT", "advcl", "parataxis", "dep", "conj")
        and (first.i == 0 or first.doc[first.i - 1].lower_ != "to")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in first.children)
    )


WH_WORDS = frozenset({"what", "why", "how", "who", "which", "where", "when"})


def _unmarked_question(words: list[Token]) -> bool:
    """A question whose question mark a transcript lost: "What happens when ...", "Are there ...",
    or an indirect question standing alone ("Whether the intercepted calls are ...")."""
    first, second = words[0], words[1]
    if first.i != first.sent.start:
        return False  # "said the videos do not show | whether Scott has anything in his hands": content, not asking
    if first.lower_ == "whether":
        return True
    if first.lower_ in WH_WORDS and second.pos_ in ("VERB", "AUX"):
        # a free relative that is the subject ("What has happened to him is proof of ...") states, not asks
        return first.head.dep_ not in ("csubj", "csubjpass")
    return (
        first.pos_ == "AUX"
        and first.tag_ != "MD"
        and second.lower_ in ("there", "you", "they", "we", "he", "she", "it")
    )


def is_question(sent: Span) -> bool:
    return asks(sent.text)


QUOTED_QUESTION = re.compile(r"\s*[\"“][^\"”]*\?[\"”]")
"""A claim opening with a quoted question ('"Why now?" Clinton asked.'): a question, whatever frame follows."""


def asks(text: str) -> bool:
    return text.rstrip(" \t\n\"”'’").endswith("?")
