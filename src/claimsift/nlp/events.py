"""Dated events: the date a document gives an event ("the May 3 vote", "the sentence of the Court on July 8"), for
its other mentions that carry no date of their own ("apply the sentence of the Supreme Court", "the vote, which
...").

A timeline needs the event's day on every claim about that event, and a speaker dates an event once, then
says "the attack". Only a noun the document dates with one value counts: a noun dated twice ("the May
vote", "the June vote") names several events, and its bare mentions stay undated. So does a stretch of time
("the morning of 30 May" does not date "the following morning"; ``temporal.json: time_nouns``).

Narrative time (``carried_dates``): a news story tells its events in order from a dated lead, so a finished
event it tells in the simple past without a date of its own happened on the day it last dated. Only in
articles, only for events (not states, perfects, plans, nor reports that tell no event), and never for a
clause that places itself in time ("later", "ago"; ``temporal.json: own_time_words``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from claimsift.lexicons import data_file, lexicons
from claimsift.model import Claim, TimeExpr
from claimsift.nlp.propositions import main_verb

_MODIFIER_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod", "nummod"})
"""How a date hangs on the noun it dates inside one noun phrase ("the May 3 vote"); not a
possessive: "next year's competition" is another one than "the competition" held this week."""
_ON_DATE = frozenset({"on", "of"})
"""Prepositions that date a noun ("the attack on March 22", "the elections of 2020")."""
_DEFINITE = frozenset({"the", "this", "that"})
"""Determiners of a mention of one known event ("the attack", "this attack"; not "an attack", "attacks")."""
_RELATIVE = frozenset({"which", "that"})
_TIMES = frozenset({"DATE", "TIME"})


@cache
def _time_nouns() -> frozenset[str]:
    words = data_file("temporal.json")
    return frozenset(words["time_nouns"]) | frozenset(words["year_of_cues"])


def _event_noun(tok: Token) -> bool:
    """A singular common noun that may name an event: not a stretch of time ("the morning of 30 May", "the
    beginning of the 19th century")."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.ent_type_ not in _TIMES
        and tok.lemma_.lower() not in _time_nouns()
    )


def _dated_noun(root: Token) -> Token | None:
    """The noun a date expression dates within its noun phrase, if any."""
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and head.i > root.i:
        return head
    if root.dep_ == "pobj" and head.lower_ in _ON_DATE and head.head.pos_ == "NOUN" and head.head.i < root.i:
        return head.head
    return None


def dated_events(doc: Doc, dates: Sequence[TimeExpr]) -> dict[str, str]:
    """Lemma of each event noun the document dates -> that date, for nouns dated with one value only (or with
    a day and the month or year that holds it)."""
    found: dict[str, set[str]] = defaultdict(set)
    for d in dates:
        if not any(c.isdigit() for c in d.text):
            continue  # "this year", "Thursday": a relative date may hang on any noun ("the flag ... this year")
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        noun = _dated_noun(span.root)
        if noun is not None and _event_noun(noun):
            found[noun.lemma_.lower()].add(d.value)
    out = {}
    for lemma, values in found.items():
        finest = max(values, key=len)
        if all(finest.startswith(v) for v in values):  # "the March 2024 attack" and "the March 22 attack"
            out[lemma] = finest
    return out


def _definite(noun: Token) -> bool:
    return _event_noun(noun) and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def event_date(span: Span, events: dict[str, str]) -> str | None:
    """The date of a known event a claim speaks of: a definite singular mention of a dated event noun in the
    claim, or the noun a claim opening with "which" hangs on, through a phrase attached to it ("the vote on the
    budget, which ..." is the vote's)."""
    if not events:
        return None
    for tok in span:
        if tok.lemma_.lower() in events and _definite(tok):
            return events[tok.lemma_.lower()]
    first = next((t for t in span if not t.is_space), None)
    if first is None or first.lower_ not in _RELATIVE or first.tag_ != "WDT" or first.head.dep_ != "relcl":
        return None
    noun = first.head.head
    while noun.pos_ in ("NOUN", "PROPN") and noun.i < first.i:
        if noun.lemma_.lower() in events and _definite(noun):
            return events[noun.lemma_.lower()]
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            break
        noun = noun.head.head  # "the vote on the budget, which passed": the parser may hang "which" on "budget"
    return None


@cache
def _own_time() -> frozenset[str]:
    return frozenset(data_file("temporal.json")["own_time_words"])


def _past_event(span: Span) -> bool:
    """Whether a clause tells a finished event in the simple past ("was elected", "shot down"), not a state, a
    perfect, a plan or a report of one ("They say it was tracked by satellite ..." tells the tracking; "...,
    NATO spokesperson Farah Dakhlallah said" tells none, and when it was said is not when anything happened)."""
    verb = main_verb(span)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lexicons().verb_polarity:
        return False
    if verb.lemma_.lower() in ("be", "have"):
        return False  # "The goal was to present ...", "There were also two Syrian teams": a state
    if any(t.ent_type_ in _TIMES or t.lower_ in _own_time() for t in span):
        return False  # "IE6 shipped with Windows XP, nearly a decade ago", "The President later took action"
    if verb.tag_ == "VBD":  # not "has verified", "will become", "raises"
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)  # "was elected"


def carried_dates(doc: Doc, claims: Sequence[Claim], kind: str | None, published: str | None) -> list[Claim]:
    """Narrative time in a news story: a past event told without a date of its own, after a claim the story dated
    to a day, happened that day ("The Hong Kong legislative election was held on Sunday ... nonpartisan
    pan-democrat Eddie Chu was elected with 84,121 votes"). A claim dated to a month or a year, or to a day after
    the story was published ("Voters will go to the polls on Sunday"), ends that day. Not in transcripts and
    statements, whose speakers move between times without saying so."""
    if kind != "article":
        return list(claims)
    out = []
    day: str | None = None
    for c in claims:
        if c.event_date:
            told = len(c.event_date) == len("2024-01-01") and (published is None or c.event_date <= published[:10])
            day = c.event_date if told else None
        elif day is not None:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None and _past_event(span):
                c = dataclasses.replace(c, event_date=day)
        out.append(c)
    return out
